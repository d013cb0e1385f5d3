#!/usr/bin/python3
"""Makes the small PNG and JPEG files the decoder tests read (tests/readers_image/decode_data/):
one of each kind a scan may come as (grey, RGB, palette, 16-bit, transparent PNG; grey,
progressive, CMYK and truncated JPEG), each a white 160 x 90 picture with a black bar and the
resolution stated in it, so that a test can check size, channels, dpi, paper and ink. They are
also the seeds of the image_decode fuzz harness.

Needs Debian's python3-pil (/usr/bin/python3). Offline; the files are committed. Deterministic.

Usage: /usr/bin/python3 tools/make_decode_samples.py [OUTPUT_DIR]
"""
import io
import os
import sys

from PIL import Image, ImageDraw

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE = (160, 90)
BAR = (40, 30, 120, 60)  # black, so that a decoded page has ink at its centre


def picture(mode, paper, ink):
    image = Image.new(mode, SIZE, paper)
    ImageDraw.Draw(image).rectangle(BAR, fill=ink)
    return image


def encoded(image, fmt, **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def samples():
    yield "grey-300dpi.png", encoded(picture("L", 255, 0), "PNG", dpi=(300, 300))
    yield "rgb-150dpi.png", encoded(picture("RGB", (255, 255, 255), (0, 0, 0)), "PNG", dpi=(150, 150))
    yield "palette.png", encoded(picture("RGB", (255, 255, 255), (0, 0, 0)).convert("P"), "PNG")
    grey16 = picture("I", 65535, 0).convert("I;16")
    yield "grey16.png", encoded(grey16, "PNG")
    yield "transparent.png", encoded(picture("RGBA", (0, 0, 0, 0), (0, 0, 0, 255)), "PNG")
    yield "grey-200dpi.jpg", encoded(picture("L", 255, 0), "JPEG", quality=90, dpi=(200, 200))
    yield "progressive.jpg", encoded(picture("RGB", (255, 255, 255), (0, 0, 0)), "JPEG",
                                     quality=90, progressive=True)
    yield "cmyk.jpg", encoded(picture("CMYK", (0, 0, 0, 0), (0, 0, 0, 255)), "JPEG", quality=90)
    whole = encoded(picture("L", 255, 0), "JPEG", quality=90)
    yield "truncated.jpg", whole[: len(whole) * 60 // 100]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "readers_image",
                                                                  "decode_data")
    os.makedirs(out_dir, exist_ok=True)
    for name, data in samples():
        with open(os.path.join(out_dir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    main()
