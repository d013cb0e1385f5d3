#!/usr/bin/python3
"""Makes a held-out set of scanned reports, outside the repo, to measure the OCR reader on
documents corpus/scan (its development set) was not made from.

Sources: the golden-carrying HTML pages of corpus/html printed by headless Chromium; the ruled
corpus/pdf PDFs tools/make_scan_corpus.py does not use; and the figures of other corpus
documents laid out in the official ruled format (tools/make_pdf_corpus.py's report_html) and
printed by Chromium. Each source gives three image-only PDFs (pdftoppm grey, img2pdf, page size
kept): a) 200 dpi JPEG q70 turned +0.5°, b) 300 dpi JPEG q75 turned -1.2°, c) 150 dpi PNG; each
with its source's golden (`document` renamed). Deterministic (no randomness, fixed PDF dates).

Usage: /usr/bin/python3 tools/make_heldout_scans.py [--out DIR] [--sources DIR]
  --out      the scans (default /tmp/heldout-scans; its PDFs and goldens are removed first)
  --sources  the printed source PDFs with their goldens, to score the text layer as a baseline
             (default /tmp/heldout-sources)
Needs chromium, poppler-utils, fonts-noto-cjk (without a CJK font Chromium prints boxes).
Then: nianbao extract --ndjson --exclude '*.golden.json' -o OUT.ndjson DIR; score.py DIR OUT.ndjson
"""
import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import img2pdf
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import make_pdf_corpus as pdfcorpus  # noqa: E402  (the official-layout HTML report)

NICE = ["nice", "-n", "15"]
FIXED_DATE = datetime.datetime(2023, 11, 14, 22, 13, 20)
CORPUS = os.path.join(ROOT, "corpus")
# corpus/html pages printed as they are (2021-utf8-city-office is left out: its print is a
# corpus/scan source).
HTML = ["2019-gbk-county-bureau", "2019-word-misaligned-columns-note",
        "2020-broken-markup-layout-rows", "2022-big5-traditional", "2022-split-spans-misdeclared"]
# corpus/pdf PDFs with ruled tables that make_scan_corpus.py does not scan (2019-gbk-county-bureau
# is the HTML page above; the 2012 report has no table; the others are unruled).
PDF = ["2019-seed-blank-table3.cairo", "2022-all-nonzero.rotated", "2022-county-numbered-split.cairo",
       "2022-town-nested-textbox.libreoffice", "2022-transport-bureau-narrow.chromium",
       "2023-water-bureau-landscape.chromium"]
# Figures of documents with no ruled PDF yet (or only an unruled one), laid out officially.
OFFICIAL = ["text/2019-health-commission-cellplain.txt", "text/2019-seed-wanyuan-jingxin.txt",
            "text/2021-ecology-bureau-wordcopy.txt", "text/2021-finance-bureau-tabrows.txt",
            "doc/2022-district-market-bureau.doc"]
# name, dpi, format, JPEG quality, degrees (positive = anticlockwise, as PIL turns)
VARIANTS = [("a-200dpi-q70-rot+0.5", 200, "JPEG", 70, 0.5),
            ("b-300dpi-q75-rot-1.2", 300, "JPEG", 75, -1.2),
            ("c-150dpi-png", 150, "PNG", None, 0.0)]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def chromium(html_path, pdf, tmp):
    subprocess.run(NICE + ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={tmp}/chromium-profile", "--no-pdf-header-footer",
                           f"--print-to-pdf={pdf}", "file://" + os.path.abspath(html_path)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def readable_html(src, tmp):
    """The page as a browser shows it when its charset is right: a page declared UTF-8 that is
    not UTF-8 (a GB18030 file) is recoded, so that the print shows the report, not mojibake."""
    data = open(src, "rb").read()
    declared = re.search(rb'charset\s*=\s*["\']?([\w-]+)', data[:2000])
    if declared and declared.group(1).lower() in (b"utf-8", b"utf8"):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030")  # written back as UTF-8, as declared
            src = os.path.join(tmp, os.path.basename(src))
            with open(src, "w", encoding="utf-8") as f:
                f.write(text)
    return src


def sources(tmp):
    """(name, pdf path, golden) for every source."""
    for stem in HTML:
        src = os.path.join(CORPUS, "html", stem + ".html")
        pdf = os.path.join(tmp, stem + ".chromium.pdf")
        chromium(readable_html(src, tmp), pdf, tmp)
        yield stem + ".chromium", pdf, load(src + ".golden.json")
    for stem in PDF:
        src = os.path.join(CORPUS, "pdf", stem + ".pdf")
        yield stem, src, load(src + ".golden.json")
    for rel in OFFICIAL:
        golden = load(os.path.join(CORPUS, rel + ".golden.json"))
        report = golden["report"]
        figs = pdfcorpus.figures_from_golden(golden, report["template"])
        stem = os.path.basename(rel).split(".")[0] + ".official.chromium"
        html_path = os.path.join(tmp, stem + ".html")
        with open(html_path, "w", encoding="utf-8") as f:
            f.write(pdfcorpus.report_html(report, report["template"], figs, page_css=pdfcorpus.A4))
        pdf = os.path.join(tmp, stem + ".pdf")
        chromium(html_path, pdf, tmp)
        yield stem, pdf, golden


def render(pdf, dpi, tmp):
    """The pages as grey PIL images (pdftoppm, /Rotate applied as a viewer shows the page)."""
    d = tempfile.mkdtemp(dir=tmp)
    subprocess.run(NICE + ["pdftoppm", "-r", str(dpi), "-gray", "-png", pdf, os.path.join(d, "p")],
                   check=True)
    names = sorted(os.listdir(d), key=lambda n: int(n[2:-4]))
    pages = []
    for n in names:
        with Image.open(os.path.join(d, n)) as im:
            pages.append(im.convert("L"))
    shutil.rmtree(d)
    return pages


def write_scan(pages, out_pdf, dpi, fmt, quality, tmp):
    files = []
    for i, page in enumerate(pages, 1):
        p = os.path.join(tmp, f"img-{i:03d}." + ("jpg" if fmt == "JPEG" else "png"))
        if fmt == "JPEG":
            page.save(p, "JPEG", quality=quality, dpi=(dpi, dpi), optimize=True, subsampling=2)
        else:
            page.save(p, "PNG", dpi=(dpi, dpi), optimize=True)
        files.append(p)
    data = img2pdf.convert(files, creationdate=FIXED_DATE, moddate=FIXED_DATE,
                           engine=img2pdf.Engine.internal)
    with open(out_pdf, "wb") as f:
        f.write(data)
    for p in files:
        os.remove(p)


def write_golden(out_dir, name, golden):
    with open(os.path.join(out_dir, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(dict(golden, document=name), f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="/tmp/heldout-scans")
    ap.add_argument("--sources", default="/tmp/heldout-sources")
    args = ap.parse_args()
    if not subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True).stdout.strip():
        sys.exit("no CJK font (fonts-noto-cjk): Chromium would print the Chinese as boxes")
    for d in (args.out, args.sources):
        if os.path.abspath(d).startswith(ROOT + os.sep):
            sys.exit(f"{d}: the held-out set is kept outside the repo")
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.endswith((".pdf", ".golden.json")):
                os.remove(os.path.join(d, f))
    tmp = tempfile.mkdtemp(prefix="heldout-")
    try:
        for stem, pdf, golden in sources(tmp):
            shutil.copy(pdf, os.path.join(args.sources, stem + ".pdf"))
            write_golden(args.sources, stem + ".pdf", golden)
            for tag, dpi, fmt, quality, degrees in VARIANTS:
                pages = render(pdf, dpi, tmp)
                if degrees:
                    pages = [p.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=255)
                             for p in pages]
                name = f"{stem}.{tag}.pdf"
                write_scan(pages, os.path.join(args.out, name), dpi, fmt, quality, tmp)
                write_golden(args.out, name, golden)
                print(f"{name}: {len(pages)} pages, {len(golden['figures'])} figures")
    finally:
        shutil.rmtree(tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
