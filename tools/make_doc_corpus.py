#!/usr/bin/env python3
"""Makes the project's own Word 97–2003 (.doc) test documents, the way real ones come about:
LibreOffice saves the project's own Word documents in the binary format
(`soffice --headless --convert-to 'doc:MS Word 97'`). Every .doc has a golden file (the same
figures as the document it was made from) and a docx twin, listed in corpus/doc/twins.tsv, that
the tests compare it with figure by figure.

  2022-county-numbered-split.doc   from corpus/docx/ (2021 template): headings numbered only by
                                   the list, table 三 split at a page break with its header
                                   repeated, a tracked change, a formula field, a content control
  2022-town-nested-textbox.doc     from corpus/docx/ (2021 template): the title in a text box,
                                   table 三 nested in a one-cell frame table, a fee in 万元
  2022-district-market-bureau.doc  from corpus/pdftext/ (2021 template, HTML → docx by LibreOffice)
  2020-town-blanks.doc/.docx       the 2019 template with blank cells and a "/" row: the text
                                   report corpus/text/2020-town-blanks-cellpipe.txt's figures
                                   written as HTML tables, made a docx, then a .doc, by LibreOffice
  2016-lingbi-civil-affairs-statistics.doc/.docx
                                   a pre-2019 prose report whose 统计表 is a real Word table:
                                   corpus/pre2019/2016-anhui-lingbi-civil-affairs-statistics.txt
                                   as HTML (its pipe rows a <table>), then docx and .doc
  2016-lingbi-civil-affairs-statistics.wps
                                   the same .doc named .wps, as Kingsoft WPS saves Word files

Needs (offline tools, not needed by the build or the tests): libreoffice-writer,
fonts-noto-cjk. Run from the repository root:  python3 tools/make_doc_corpus.py
"""
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_pdf_text_corpus as pdf  # noqa: E402
import make_text_corpus as gen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "doc")


def soffice(filter_spec, sources, outdir, profile):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", filter_spec, "--outdir", outdir] + sources,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def copy_golden(golden_path, document_name):
    with open(golden_path, encoding="utf-8") as f:
        golden = json.load(f)
    golden["document"] = document_name
    with open(os.path.join(OUT, document_name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")


def template_report_html(spec):
    """A text report's figures (make_text_corpus) as HTML tables in the official layout."""
    rng = random.Random(spec["seed"])
    tables = gen.load_template(spec["template"])
    figs = gen.Figures()
    gen.fill_active(rng, spec["template"], tables, figs, spec.get("not_applicable_rows", ()))
    gen.fill_requests(rng, tables, figs, spec.get("blank_ratio", 0.0))
    gen.fill_appeals(rng, tables, figs)
    golden = {"document": "", "report": {"year": spec["year"], "template": spec["template"],
                                         "agency": spec["agency"]},
              "figures": {fid: g for fid, (_, g) in figs.cells.items()}}
    return pdf.html_report(spec, tables, figs), golden


def prose_report_html(text_path):
    """A pre-2019 text report: paragraphs as <p>, its " | " rows as one table."""
    body, rows = [], []
    for line in open(text_path, encoding="utf-8").read().splitlines():
        if " | " in line:
            rows.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>"
                                         for c in line.split(" | ")) + "</tr>")
            continue
        if rows:
            body.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
            rows = []
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    if rows:
        body.append('<table border="1" cellspacing="0">' + "".join(rows) + "</table>")
    return ('<html><head><meta charset="utf-8"></head><body>' + "".join(body) + "</body></html>")


def write_json(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    if shutil.which("soffice") is None:
        sys.exit("make_doc_corpus: soffice (libreoffice-writer) is needed")
    os.makedirs(OUT, exist_ok=True)
    twins = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        # Documents the corpus already has as docx.
        existing = [("docx", "2022-county-numbered-split"), ("docx", "2022-town-nested-textbox"),
                    ("pdftext", "2022-district-market-bureau")]
        sources = [os.path.join(CORPUS, d, n + ".docx") for d, n in existing]
        soffice("doc:MS Word 97", sources, tmp, profile)
        for d, n in existing:
            shutil.copy(os.path.join(tmp, n + ".doc"), os.path.join(OUT, n + ".doc"))
            copy_golden(os.path.join(CORPUS, d, n + ".docx.golden.json"), n + ".doc")
            twins.append((n + ".doc", f"{d}/{n}.docx"))

        # New documents: HTML → docx → doc, the docx kept as the twin.
        made = []
        spec = {"name": "2020-town-blanks", "template": "2019", "year": 2020, "seed": 2020,
                "agency": "青石镇人民政府", "blank_ratio": 0.7, "not_applicable_rows": ("regulations",)}
        page, golden = template_report_html(spec)
        made.append((spec["name"], page, golden))
        prose = os.path.join(CORPUS, "pre2019", "2016-anhui-lingbi-civil-affairs-statistics.txt")
        with open(prose + ".golden.json", encoding="utf-8") as f:
            made.append(("2016-lingbi-civil-affairs-statistics", prose_report_html(prose), json.load(f)))
        for name, page, golden in made:
            with open(os.path.join(tmp, name + ".html"), "w", encoding="utf-8") as f:
                f.write(page)
        soffice("docx:MS Word 2007 XML", [os.path.join(tmp, n + ".html") for n, _, _ in made], tmp,
                profile)
        soffice("doc:MS Word 97", [os.path.join(tmp, n + ".docx") for n, _, _ in made], tmp, profile)
        for name, _, golden in made:
            for ext in ("docx", "doc"):
                shutil.copy(os.path.join(tmp, f"{name}.{ext}"), os.path.join(OUT, f"{name}.{ext}"))
                golden["document"] = f"{name}.{ext}"
                write_json(os.path.join(OUT, f"{name}.{ext}.golden.json"), golden)
            twins.append((name + ".doc", f"doc/{name}.docx"))

        # Kingsoft WPS saves its .wps in the Word binary format: the same bytes, named .wps.
        wps = "2016-lingbi-civil-affairs-statistics"
        shutil.copy(os.path.join(OUT, wps + ".doc"), os.path.join(OUT, wps + ".wps"))
        copy_golden(os.path.join(OUT, wps + ".doc.golden.json"), wps + ".wps")
        twins.append((wps + ".wps", f"doc/{wps}.docx"))
    with open(os.path.join(OUT, "twins.tsv"), "w", encoding="utf-8") as f:
        f.write("# binary Word document\tits docx twin (relative to corpus/)\n")
        for doc, twin in twins:
            f.write(f"{doc}\t{twin}\n")
    print("wrote", OUT)


if __name__ == "__main__":
    main()
