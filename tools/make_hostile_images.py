#!/usr/bin/python3
"""Makes the hostile and odd images the image reader's tests use (tests/readers_image/data/),
and the table of what the reader must say of each (tests/readers_image/data/README.md).

Small files only: the PNG chunks with absurd sizes are written byte by byte (zlib for the CRCs),
the plain pictures by PIL. The truncated PNG is cut from corpus/scan's single PNG page.

Needs Debian's python3-pil (/usr/bin/python3; a pyenv python3 on the PATH lacks it). Offline;
the build and the tests do not run it, the files are committed. Deterministic: fixed seed, no
dates, PIL writes no time into PNG or TIFF.

Usage: /usr/bin/python3 tools/make_hostile_images.py [OUTPUT_DIR]  (default tests/readers_image/data)
"""
import io
import os
import random
import struct
import sys
import zlib

from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGE = os.path.join(ROOT, "corpus", "scan", "2022-all-nonzero.page3-300dpi.png")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

ROWS = []  # (file, how it is made, what the reader must give)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_with_header(width, height, rows):
    """A PNG whose IHDR says width x height (8-bit grey) but whose data is `rows` of one pixel."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    raw = b"".join(b"\x00\xff" for _ in range(rows))
    return PNG_SIGNATURE + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pil_bytes(image, fmt, **options):
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def write(out_dir, name, data, how, expect):
    with open(os.path.join(out_dir, name), "wb") as f:
        f.write(data)
    ROWS.append((name, how, expect))


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "readers_image", "data")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(18)
    page = open(PAGE, "rb").read()

    write(out_dir, "truncated-40.png", page[: len(page) * 40 // 100],
          "the first 40 % of corpus/scan's 300 dpi PNG page", "failed, `image_damaged`")
    write(out_dir, "signature-only.png", PNG_SIGNATURE,
          "the 8 bytes of the PNG signature and nothing else", "failed, `image_damaged`")
    write(out_dir, "ihdr-100000x100000.png", png_with_header(100000, 100000, 1),
          "a valid PNG whose IHDR says 100000 × 100000 pixels (10^10), with one row of data",
          "failed, `image_too_large`, before any pixel is allocated")
    write(out_dir, "ihdr-1x2000000000.png", png_with_header(1, 2000000000, 1),
          "IHDR of 1 × 2,000,000,000 pixels: a product that overflows 32 bits if multiplied so",
          "failed, `image_too_large`")
    write(out_dir, "jpeg-random.jpg", b"\xff\xd8\xff" + bytes(rng.randrange(256) for _ in range(4096)),
          "the JPEG signature FF D8 FF and 4096 random bytes (seed 18)",
          "failed, `image_damaged`")
    write(out_dir, "tiff-header-only.tiff", b"II*\x00\x08\x00\x00\x00",
          "a little-endian TIFF header pointing at a directory that is not there",
          "failed, `image_damaged`")
    write(out_dir, "one-pixel.png", pil_bytes(Image.new("L", (1, 1), 255), "PNG"),
          "a valid 1 × 1 white PNG", "failed, `ocr_no_text`")
    write(out_dir, "white-a4-300dpi.png",
          pil_bytes(Image.new("L", (2480, 3508), 255), "PNG", dpi=(300, 300), optimize=True),
          "an all-white A4 page at 300 dpi", "failed, `ocr_no_text`")
    noise = Image.effect_noise((400, 300), 90).convert("L")
    write(out_dir, "noise.png", pil_bytes(noise, "PNG", dpi=(300, 300)),
          "400 × 300 pixels of grey noise (PIL effect_noise)",
          "one record, no figure, `ocr_page_unsure` (read with little confidence)")

    with open(os.path.join(out_dir, "README.md"), "w", encoding="utf-8") as f:
        f.write("# Hostile and odd images for the image reader's tests\n\n")
        f.write("Made by `tools/make_hostile_images.py` (run it again to remake them, with\n")
        f.write("`/usr/bin/python3`, which has PIL). Each gives one record, never a crash\n")
        f.write("(tests/readers_image/hostile_image_test.cpp, under ASan and UBSan).\n\n")
        f.write("| file | how it is made | what the reader must give |\n|---|---|---|\n")
        for name, how, expect in ROWS:
            f.write(f"| `{name}` | {how} | {expect} |\n")


if __name__ == "__main__":
    main()
