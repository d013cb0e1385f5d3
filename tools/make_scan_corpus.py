#!/usr/bin/python3
"""Makes corpus/scan/: scanned-page copies of the project's own PDFs, for the OCR reader (issue 18).

Every file here is a page image (or a PDF of page images, no text layer) rendered from one of the
ruled-table PDFs in corpus/pdf/ by pdftoppm, then degraded the way real scans of printed reports
are: grey, lower resolution, JPEG artefacts, a sheet fed about a degree askew, a red seal stamped
over 表二. A scan carries the figures of the page it was made from, so each golden is the golden
of its source PDF (with `document` renamed); a single-page image keeps only the figures the source
extraction places on that page.

Usage: tools/make_scan_corpus.py [--nianbao PATH] [--out DIR]
  --nianbao  the project's CLI (default build-release/extractor/cli/nianbao). It is run on the
             source PDFs to find which page each figure is on and where 表二 is drawn (its
             locators: `page`, `bbox` in PDF points from the page's top-left corner). Every golden
             figure must come back from the source PDF with the golden's value, or the script
             stops, so a wrong page selection cannot go unnoticed.
  --out      output folder (default corpus/scan); it is emptied of scan files and written again.

Needs (offline only; the build and tests do not): poppler-utils (pdftoppm), python3-pil,
python3-img2pdf. Run with /usr/bin/python3 (the Debian interpreter that has PIL and img2pdf).
Deterministic: no clock, no unseeded randomness (the seal's ink texture uses a fixed seed); PIL's
JPEG/PNG/TIFF encoders and img2pdf with fixed dates give the same bytes for the same versions.
"""
import argparse
import copy
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal

import img2pdf
from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

NICE = ["nice", "-n", "15"]
FIXED_DATE = datetime.datetime(2023, 11, 14, 22, 13, 20)
PDF_DIR = "corpus/pdf"
CJK_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CJK_FONT_SC_INDEX = 2  # Noto Sans CJK SC in the collection (JP, KR, SC, TC, HK)
SEAL_RED = (206, 24, 36)
MM_PER_INCH = 25.4


# ---------------------------------------------------------------------------------------------
# Sources: goldens and the extraction's locators


def load_golden(source):
    with open(os.path.join(PDF_DIR, source + ".golden.json"), encoding="utf-8") as f:
        return json.load(f)


def extract(nianbao, source):
    """The CLI's record of a source PDF (figures with their locators)."""
    out = subprocess.run(NICE + [nianbao, "extract", "-q", os.path.join(PDF_DIR, source)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def same_value(expected, figure):
    """A golden expectation against an extracted figure, as score.py compares them."""
    status = figure.get("status", "value")
    if expected == "blank":
        return status == "blank"
    if expected == "n/a":
        return status == "not_applicable"
    return status == "value" and Decimal(str(expected)) == Decimal(str(figure.get("value")))


def figures_by_id(record, golden, source):
    """The extracted figures keyed by id, after checking every golden figure is among them with
    the golden's value (the page locators are only trusted for a complete, correct extraction)."""
    figs = {f["id"]: f for f in record["figures"]}
    wrong = [k for k, v in golden["figures"].items() if k not in figs or not same_value(v, figs[k])]
    if wrong:
        sys.exit(f"{source}: the extraction does not reproduce its golden ({len(wrong)} figures, "
                 f"e.g. {wrong[:3]}); page locators cannot be trusted")
    return figs


def seal_centre(figs, anchor, offset):
    """Where the seal goes, in PDF points from the top-left of page 1: beside one of 表二's
    figures (an `active.` id), so the ring or the star crosses its digits."""
    f = figs[anchor]
    if not anchor.startswith("active.") or f["locator"]["page"] != 1:
        sys.exit(f"{anchor} is not a 表二 figure on page 1")
    x0, y0, x1, y1 = f["locator"]["bbox"]
    return ((x0 + x1) / 2 + offset[0], (y0 + y1) / 2 + offset[1])


# ---------------------------------------------------------------------------------------------
# Rendering and degrading pages


def render(source, dpi, tmp, colour=False, first=None, last=None):
    """The pages of a source PDF as PIL images (grey unless colour), rendered by pdftoppm."""
    prefix = os.path.join(tmp, "page")
    for f in os.listdir(tmp):
        if f.startswith("page"):
            os.remove(os.path.join(tmp, f))
    cmd = NICE + ["pdftoppm", "-r", str(dpi), "-png"]
    if not colour:
        cmd.append("-gray")
    if first:
        cmd += ["-f", str(first), "-l", str(last or first)]
    subprocess.run(cmd + [os.path.join(PDF_DIR, source), prefix], check=True)
    names = sorted((f for f in os.listdir(tmp) if f.startswith("page") and f.endswith(".png")),
                   key=lambda n: int(n[len("page-"):-len(".png")]))
    pages = []
    for n in names:
        with Image.open(os.path.join(tmp, n)) as im:
            pages.append(im.convert("RGB" if colour else "L"))
    return pages


def askew(page, degrees):
    """The sheet fed askew: turned about its centre (positive = anticlockwise, as PIL turns), the
    uncovered corners filled white like the scanner's lid, the size kept."""
    fill = 255 if page.mode == "L" else (255, 255, 255)
    return page.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=fill)


def seal_mask(diameter_px, agency, seed):
    """The ink of a round official seal as an 8-bit mask (255 = full ink): an outer ring, the
    agency's name set along the upper arc, a five-pointed star in the middle and a short line of
    text under it; the ink uneven as a rubber stamp leaves it (fixed-seed texture)."""
    size = diameter_px + 8
    mask = Image.new("L", (size, size), 0)
    draw = ImageDraw.Draw(mask)
    c = size / 2
    r = diameter_px / 2
    ring = max(4, round(diameter_px * 0.035))
    draw.ellipse((c - r, c - r, c + r, c + r), outline=255, width=ring)

    star_r = r * 0.26
    points = []
    for i in range(10):
        rad = star_r if i % 2 == 0 else star_r * 0.382
        a = -math.pi / 2 + i * math.pi / 5
        points.append((c + rad * math.cos(a), c + rad * math.sin(a)))
    draw.polygon(points, fill=255)

    # The agency's name, each character upright to the centre, spread over about 240° of arc.
    glyph = round(r * 0.24)
    font = ImageFont.truetype(CJK_FONT, glyph, index=CJK_FONT_SC_INDEX)
    text_r = r - ring - glyph * 0.62
    span = math.radians(240)
    n = len(agency)
    for i, ch in enumerate(agency):
        a = -math.pi / 2 - span / 2 + span * (i + 0.5) / n  # from the left, over the top
        tile = Image.new("L", (glyph * 2, glyph * 2), 0)
        ImageDraw.Draw(tile).text((glyph, glyph), ch, fill=255, font=font, anchor="mm")
        tile = tile.rotate(-math.degrees(a + math.pi / 2), resample=Image.BICUBIC)
        x = c + text_r * math.cos(a) - glyph
        y = c + text_r * math.sin(a) - glyph
        mask.paste(255, (round(x), round(y)), tile)

    small = ImageFont.truetype(CJK_FONT, round(r * 0.16), index=CJK_FONT_SC_INDEX)
    draw.text((c, c + r * 0.52), "信息公开专用章", fill=255, font=small, anchor="mm")

    # Uneven ink: a coarse random field, smoothed, takes 0–35 % off the ink here and there.
    rng = random.Random(seed)
    coarse = Image.new("L", (24, 24))
    coarse.putdata([rng.randint(165, 255) for _ in range(24 * 24)])
    texture = coarse.resize((size, size), Image.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    mask = ImageChops.multiply(mask, texture)
    return mask.filter(ImageFilter.GaussianBlur(0.8))


def stamp(page, mask, centre, opacity):
    """The seal multiplied onto an RGB page: paper takes the red, black print stays black (a real
    stamp's ink is translucent over the toner). centre in pixels."""
    ink = Image.new("RGB", page.size, (255, 255, 255))
    tint = Image.new("RGB", mask.size, SEAL_RED)
    alpha = mask.point(lambda v: round(v * opacity))
    x = round(centre[0] - mask.width / 2)
    y = round(centre[1] - mask.height / 2)
    ink.paste(tint, (x, y), alpha)
    return ImageChops.multiply(page, ink)


# ---------------------------------------------------------------------------------------------
# Writing


def save_image(page, path, dpi, fmt, quality=75):
    if fmt == "JPEG":
        page.save(path, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True, subsampling=2)
    else:
        page.save(path, "PNG", dpi=(dpi, dpi), optimize=True)


def write_pdf(pages, out_path, dpi, fmt, tmp, quality=75):
    """The pages as an image-only PDF; each image carries its dpi, so img2pdf keeps the page at the
    source's size (A4 stays 595 × 842 pt)."""
    files = []
    ext = "jpg" if fmt == "JPEG" else "png"
    for i, page in enumerate(pages, 1):
        p = os.path.join(tmp, f"out-{i:02d}.{ext}")
        save_image(page, p, dpi, fmt, quality)
        files.append(p)
    # img2pdf's own writer: with pikepdf (its default when installed) the trailer /ID is random.
    data = img2pdf.convert(files, creationdate=FIXED_DATE, moddate=FIXED_DATE,
                           engine=img2pdf.Engine.internal)
    with open(out_path, "wb") as f:
        f.write(data)


TIFF_TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8}


def zero_tiff_gaps(data):
    """libtiff pads a strip of odd length with one byte it never sets, so the same pages give
    different files; every byte no header, directory, tag value or strip covers is set to 0."""
    import struct
    order = "<" if data[:2] == b"II" else ">"
    covered = [(0, 8)]
    ifd = struct.unpack(order + "I", data[4:8])[0]
    while ifd:
        (n,) = struct.unpack(order + "H", data[ifd:ifd + 2])
        covered.append((ifd, ifd + 2 + 12 * n + 4))
        tags = {}
        for i in range(n):
            e = ifd + 2 + 12 * i
            tag, typ, count = struct.unpack(order + "HHI", data[e:e + 8])
            size = TIFF_TYPE_SIZES.get(typ, 1) * count
            at = e + 8
            if size > 4:
                at = struct.unpack(order + "I", data[e + 8:e + 12])[0]
                covered.append((at, at + size))
            if tag in (273, 279):  # StripOffsets, StripByteCounts
                fmt = {3: "H", 4: "I"}[typ]
                tags[tag] = struct.unpack(order + fmt * count, data[at:at + size])
        covered += [(o, o + c) for o, c in zip(tags[273], tags[279])]
        ifd = struct.unpack(order + "I", data[ifd + 2 + 12 * n:ifd + 2 + 12 * n + 4])[0]
    out = bytearray(len(data))
    for a, b in covered:
        out[a:b] = data[a:b]
    return bytes(out)


def write_tiff(pages, out_path, dpi):
    """A multi-page grey TIFF (LZW), as a document scanner's "save as TIFF" gives it."""
    pages[0].save(out_path, "TIFF", compression="tiff_lzw", dpi=(dpi, dpi), save_all=True,
                  append_images=pages[1:])
    with open(out_path, "rb") as f:
        data = f.read()
    with open(out_path, "wb") as f:
        f.write(zero_tiff_gaps(data))


def write_golden(out_dir, name, report, figures):
    golden = {"document": name, "report": report, "figures": figures}
    with open(os.path.join(out_dir, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")


def whole_golden(out_dir, name, golden):
    """A scan of the whole report carries everything its source does."""
    write_golden(out_dir, name, copy.deepcopy(golden["report"]), dict(golden["figures"]))


def page_golden(out_dir, name, golden, figs, page, report):
    """A one-page image carries only the figures the source extraction places on that page, and
    only the report fields the caller says that page shows."""
    figures = {k: v for k, v in golden["figures"].items() if figs[k]["locator"]["page"] == page}
    write_golden(out_dir, name, report, figures)
    return len(figures)


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nianbao", default="build-release/extractor/cli/nianbao")
    ap.add_argument("--out", default="corpus/scan")
    args = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    nianbao = os.path.abspath(args.nianbao)
    os.chdir(root)
    out = args.out
    os.makedirs(out, exist_ok=True)
    for f in os.listdir(out):
        if f != "README.md":
            os.remove(os.path.join(out, f))

    nonzero = "2022-all-nonzero.libreoffice.pdf"
    blank3 = "2019-seed-blank-table3.libreoffice.pdf"
    town = "2020-town-blanks.libreoffice.pdf"
    split = "2022-county-numbered-split.libreoffice.pdf"
    city = "2021-utf8-city-office.chromium.pdf"
    turned = "2022-all-nonzero.rotated.pdf"
    goldens = {s: load_golden(s) for s in (nonzero, blank3, town, split, city, turned)}
    records = {s: extract(nianbao, s) for s in goldens}
    figs = {s: figures_by_id(records[s], goldens[s], s) for s in records}

    tmp = tempfile.mkdtemp(prefix="scan-corpus-")
    try:
        def made(name):
            print(f"{name}: {os.path.getsize(os.path.join(out, name))} bytes")

        # The all-nonzero report (every cell a number) through each kind of degradation.
        base = "2022-all-nonzero"
        grey300 = render(nonzero, 300, tmp)
        for name, pages, fmt in (
                (f"{base}.300dpi-grey.pdf", grey300, "PNG"),
                (f"{base}.300dpi-jpeg.pdf", grey300, "JPEG"),
                (f"{base}.300dpi-jpeg-rot1.pdf", [askew(p, 1.0) for p in grey300], "JPEG")):
            write_pdf(pages, os.path.join(out, name), 300, fmt, tmp)
            whole_golden(out, name, goldens[nonzero])
            made(name)

        name = f"{base}.300dpi.tiff"
        write_tiff(grey300, os.path.join(out, name), 300)
        whole_golden(out, name, goldens[nonzero])
        made(name)

        # Single pages: p. 3 is the middle of 表三 under its repeated header rows (its
        # （六）其他处理 sub-rows exist only in the 2021 template, so the page shows the template,
        # but neither year nor agency); p. 4 is the end of 表三, 表四 and the signature (agency
        # and date; its rows are the same in both templates).
        name = f"{base}.page3-300dpi.png"
        save_image(grey300[2], os.path.join(out, name), 300, "PNG")
        n3 = page_golden(out, name, goldens[nonzero], figs[nonzero], 3,
                         {"template": goldens[nonzero]["report"]["template"]})
        made(name)
        name = f"{base}.page4-300dpi.jpg"
        save_image(askew(grey300[3], -0.4), os.path.join(out, name), 300, "JPEG", quality=80)
        n4 = page_golden(out, name, goldens[nonzero], figs[nonzero], 4,
                         {"agency": goldens[nonzero]["report"]["agency"]})
        made(name)
        print(f"  page 3: {n3} figures, page 4: {n4} figures")
        del grey300

        name = f"{base}.150dpi-grey.pdf"
        write_pdf(render(nonzero, 150, tmp), os.path.join(out, name), 150, "PNG", tmp)
        whole_golden(out, name, goldens[nonzero])
        made(name)

        # The seal over 表二 (page 1), in colour, placed over figures of the table so the OCR
        # must read digits through red ink (and, in the town report, signed changes).
        def sealed(source, agency, seed, anchor, offset):
            pages = render(source, 300, tmp, colour=True)
            scale = 300 / 72
            x, y = seal_centre(figs[source], anchor, offset)
            diameter = round(40 / MM_PER_INCH * 300)
            pages[0] = stamp(pages[0], seal_mask(diameter, agency, seed), (x * scale, y * scale), 0.8)
            return pages

        name = f"{base}.300dpi-seal.pdf"
        pages = sealed(nonzero, goldens[nonzero]["report"]["agency"], 18, "active.licensing.decisions",
                       (22, 14))
        write_pdf(pages, os.path.join(out, name), 300, "JPEG", tmp, quality=80)
        whole_golden(out, name, goldens[nonzero])
        made(name)

        name = "2020-town-blanks.300dpi-seal.pdf"
        pages = sealed(town, goldens[town]["report"]["agency"], 20, "active.penalties.change",
                       (24, -7))
        write_pdf(pages, os.path.join(out, name), 300, "JPEG", tmp, quality=80)
        whole_golden(out, name, goldens[town])
        made(name)
        del pages

        # Other layouts: the mostly blank 表三 (blank cells must stay blank, not vanish), 表三 split
        # over pages turned the other way, a Letter-size Chromium print.
        name = "2019-seed-blank-table3.200dpi-jpeg.pdf"
        write_pdf(render(blank3, 200, tmp), os.path.join(out, name), 200, "JPEG", tmp)
        whole_golden(out, name, goldens[blank3])
        made(name)

        name = "2022-county-numbered-split.300dpi-jpeg-rot-0.7.pdf"
        write_pdf([askew(p, -0.7) for p in render(split, 300, tmp)], os.path.join(out, name), 300,
                  "JPEG", tmp)
        whole_golden(out, name, goldens[split])
        made(name)

        name = "2021-utf8-city-office.200dpi-jpeg.pdf"
        write_pdf(render(city, 200, tmp), os.path.join(out, name), 200, "JPEG", tmp)
        whole_golden(out, name, goldens[city])
        made(name)

        # Pages on their side: the source's pages 2 and 3 carry /Rotate 90, so their pictures
        # show 表三 turned a quarter, as a landscape page scanned the wrong way round.
        name = "2022-all-nonzero.rotated.200dpi-jpeg.pdf"
        write_pdf(render(turned, 200, tmp), os.path.join(out, name), 200, "JPEG", tmp)
        whole_golden(out, name, goldens[turned])
        made(name)
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
