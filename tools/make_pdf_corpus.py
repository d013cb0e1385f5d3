#!/usr/bin/env python3
"""Makes the project's own PDF test documents (corpus/pdf/) and their golden files.

A PDF of a report carries the figures of the document it was printed from, so every golden here
is the golden of a source document of the project: either a document already in corpus/ (printed
as it is), or the figures of one (or of the project's seeded generator) laid out as an
official-format report in HTML and printed. Two producers, as reports really come about:

  LibreOffice  soffice --headless --convert-to pdf (a .docx, .txt, or an HTML report first saved
               as .docx, the way a Word report is exported); subsetted CID fonts with ToUnicode,
               cell rectangles drawn as ruling lines.
  Chromium     chromium --headless --print-to-pdf of an HTML page (Skia: the CFF CJK font is
               embedded as Type 3 fonts with ToUnicode; CSS borders drawn as filled rectangles;
               a <thead> repeated on every page a table runs over).

The scanned report is a LibreOffice PDF rasterised (pdftoppm -r 150, black and white) and wrapped again
(img2pdf): no text layer. Its golden lists no figures and states the expected outcome in an
"expect" member, which ../shared/spec/GOLDEN.md does not define (score.py ignores it):
    "expect": {"status": "failed", "diagnostics": ["pdf_no_text_layer"]}

corpus/pdf/README.md lists each file, its producer and what it exercises.

Output is made deterministic where the producers allow: SOURCE_DATE_EPOCH is set, and the
CreationDate/ModDate strings, the trailer /ID and LibreOffice's /DocChecksum that LibreOffice and Chromium stamp from the
clock are overwritten in place with fixed values of the same length (no offset moves, so the
cross-reference table stays valid). Producer versions still change the bytes.

Needs (offline tools, not needed by the build or the tests, since the PDFs are committed):
  Debian packages libreoffice-writer, chromium, poppler-utils (pdftoppm, pdftotext, pdfinfo),
  img2pdf, qpdf, fonts-noto-cjk.
Usage: tools/make_pdf_corpus.py [OUTPUT_DIR] [--keep-sources DIR]
  --keep-sources DIR  also writes the intermediate HTML/.docx documents with their goldens to DIR,
                      so that the readers that exist can be scored on the very source of each PDF.
"""
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_text_corpus as textgen  # noqa: E402  (template loading, seeded figures)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
EPOCH = 1700000000                     # 2023-11-14 22:13:20 UTC, stamped into every PDF
FIXED_PDF_DATE = "20231114221320"      # the same instant as a PDF date's digits
NICE = ["nice", "-n", "15"]

# ---------------------------------------------------------------------------------------------
# Figures: figure id -> (text as printed, golden value)


def figures_from_golden(golden, template):
    """The printed text of each figure of an existing golden: blanks empty, n/a as "/", a 2021
    fee (golden in 元) back in 万元 as the column header states it."""
    figs = textgen.Figures()
    for fid, v in golden["figures"].items():
        if v == "blank":
            figs.put(fid, "", v)
        elif v == "n/a":
            figs.put(fid, "/", v)
        elif template == "2021" and fid == "active.fees.amount":
            wan = (Decimal(str(v)) / Decimal(10000)).normalize()
            figs.put(fid, format(wan, "f"), v)
        else:
            figs.put(fid, str(v), v)
    return figs


def figures_of_text_spec(name):
    """The figures of a document of corpus/text, drawn again from its seed exactly as
    tools/make_text_corpus.py draws them (same calls, same order)."""
    spec = next(s for s in textgen.SPECS if s["name"] == name)
    rng = random.Random(spec["seed"])
    tables = textgen.load_template(spec["template"])
    figs = textgen.Figures()
    textgen.fill_active(rng, spec["template"], tables, figs, spec.get("not_applicable_rows", ()))
    textgen.fill_requests(rng, tables, figs, spec.get("blank_ratio", 0.0))
    textgen.fill_appeals(rng, tables, figs)
    committed = json.load(open(os.path.join(CORPUS, "text", name + ".golden.json"), encoding="utf-8"))
    drawn = {fid: g for fid, (_, g) in figs.cells.items()}
    if drawn != committed["figures"]:
        sys.exit(f"figures drawn for {name} differ from its committed golden")
    return spec, figs


def figures_all_nonzero(seed, template):
    """A report in which no cell is zero or blank, every template identity holding."""
    rng = random.Random(seed)
    tables = textgen.load_template(template)
    figs = textgen.Figures()
    t = tables["active"]
    for r in t["rows"]:
        for c in t["groups"][r["group"]]["columns"]:
            fid = f"active.{r['key']}.{c['key']}"
            if c["key"] == "change":
                v = rng.randint(1, 40) * rng.choice((1, -1))
                figs.put(fid, f"{v:+d}", v)
            elif c["key"] == "amount" and template == "2021":
                wan = Decimal(rng.randint(1, 99999)) / Decimal(100)
                yuan = wan * 10000
                figs.put(fid, str(wan), int(yuan) if yuan == int(yuan) else str(yuan))
            else:
                v = rng.randint(1, 3000)
                figs.put(fid, str(v), v)
    t = tables["requests"]
    cols = [c["key"] for c in t["groups"][0]["columns"]]
    outcome = [r["key"] for r in t["rows"]
               if r["key"] not in ("received", "carried_over", "total", "carried_forward")]
    grid = {}
    for c in cols[:-1]:
        for r in outcome:
            grid[(r, c)] = rng.randint(1, 9)
        grid[("total", c)] = sum(grid[(r, c)] for r in outcome)
        grid[("carried_forward", c)] = rng.randint(1, 6)
        grid[("carried_over", c)] = rng.randint(1, grid[("total", c)])
        grid[("received", c)] = grid[("total", c)] + grid[("carried_forward", c)] - grid[("carried_over", c)]
    for r in t["rows"]:
        grid[(r["key"], "total")] = sum(grid[(r["key"], c)] for c in cols[:-1])
        for c in cols:
            figs.put(f"requests.{r['key']}.{c}", str(grid[(r['key'], c)]), grid[(r["key"], c)])
    for g in tables["appeals"]["groups"]:
        vals = {k: rng.randint(1, 6) for k in ("upheld", "corrected", "other", "pending")}
        vals["total"] = sum(vals.values())
        for c in g["columns"]:
            figs.put(f"appeals.{g['key']}.{c['key']}", str(vals[c["key"]]), vals[c["key"]])
    return figs


def blank_table_three_zeros(figs, keep_column="total"):
    """Prints table 三's zeros as empty cells, except in one column: a bureau with no requests
    that filled in only the 总计 column. The golden says "blank" for each emptied cell."""
    for fid, (text, golden) in list(figs.cells.items()):
        if fid.startswith("requests.") and golden == 0 and not fid.endswith("." + keep_column):
            figs.put(fid, "", "blank")


# ---------------------------------------------------------------------------------------------
# The report as HTML, in the official table layout


def td(text, colspan=1, rowspan=1, cls=""):
    attrs = (f' colspan="{colspan}"' if colspan > 1 else "") + (f' rowspan="{rowspan}"' if rowspan > 1 else "")
    attrs += f' class="{cls}"' if cls else ""
    return f"<td{attrs}>{html.escape(text)}</td>"


def table_two(tables, figs):
    """表二: per 第二十条 group a title row, a header row, then its rows; the value area is three
    columns wide, a group with fewer columns lets its last one span the rest."""
    t = tables["active"]
    rows = []
    for gi, g in enumerate(t["groups"]):
        cols = g["columns"]
        spans = [1] * (len(cols) - 1) + [4 - len(cols)]
        rows.append(td(g["title"], colspan=4, cls="group"))
        rows.append(td("信息内容") + "".join(td(c["label"], s) for c, s in zip(cols, spans)))
        for r in (r for r in t["rows"] if r["group"] == gi):
            values = [figs.cells[f"active.{r['key']}.{c['key']}"][0] for c in cols]
            rows.append(td(r["label"]) + "".join(td(v, s, cls="num") for v, s in zip(values, spans)))
    return [], rows


def table_three(tables, figs):
    """表三: three header rows under the 勾稽 caption, then the rows with the merged labels
    三、本年度办理结果 (narrow, so it prints one character a line) and （三）…（六）."""
    t = tables["requests"]
    cols = [c["key"] for c in t["groups"][0]["columns"]]
    head = [td(textgen.CAPTION, colspan=3, rowspan=3) + td("申请人情况", colspan=7),
            td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2),
            "".join(td(x) for x in textgen.REQUEST_SUBHEADER)]
    outer = [r for r in t["rows"] if r["key"] not in ("received", "carried_over", "carried_forward")]
    sizes = {}
    for r in outer:
        sizes[r["parent"]] = sizes.get(r["parent"], 0) + 1
    body, outer_shown, parents_shown = [], False, set()
    for r in t["rows"]:
        values = "".join(td(figs.cells[f"requests.{r['key']}.{c}"][0], cls="num") for c in cols)
        if r in outer:
            labels = ""
            if not outer_shown:
                labels += td("三、本年度办理结果", rowspan=len(outer), cls="vertical")
                outer_shown = True
            if r["parent"] == "三、本年度办理结果":
                labels += td(r["label"], colspan=2)
            else:
                if r["parent"] not in parents_shown:
                    labels += td(r["parent"], rowspan=sizes[r["parent"]], cls="parent")
                    parents_shown.add(r["parent"])
                labels += td(r["label"])
            body.append(labels + values)
        else:
            body.append(td(r["label"], colspan=3) + values)
    return head, body


def table_four(tables, figs):
    leaf = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = [figs.cells[f"appeals.{g['key']}.{c['key']}"][0]
              for g in tables["appeals"]["groups"] for c in g["columns"]]
    head = [td("行政复议", colspan=5) + td("行政诉讼", colspan=10),
            "".join(td(x, rowspan=2) for x in leaf[:4]) + td("总计", rowspan=2) +
            td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5),
            "".join(td(x) for x in leaf * 2)]
    return head, ["".join(td(v, cls="num") for v in values)]


STYLE_BASE = """
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 11pt; line-height: 1.5; }
h1 { font-size: 16pt; text-align: center; font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
td { font-size: 9pt; padding: 2pt 3pt; vertical-align: middle; }
td.num { text-align: center; }
td.vertical { width: 1.2em; }
"""
RULED = "td { border: 0.75pt solid #000; }\n"
UNRULED = "table, tr, td { border: none; }\n"


def report_html(meta, template, figs, *, ruled=True, thead=True, page_css="", extra_css=""):
    """The whole report. thead=False leaves every table's header rows in the body, so that a
    printer does not repeat them on the next page."""
    tables = textgen.load_template(template)

    # LibreOffice's HTML import reads the border and width attributes, not the CSS.
    open_table = '<table border="1" cellspacing="0" cellpadding="3" width="100%">' if ruled else "<table>"

    def table(parts):
        head, body = parts
        rows = "".join(f"<tr>{r}</tr>" for r in body)
        if thead and head:
            return open_table + "<thead>" + "".join(f"<tr>{r}</tr>" for r in head) + f"</thead><tbody>{rows}</tbody></table>"
        return open_table + "<tbody>" + "".join(f"<tr>{r}</tr>" for r in head) + rows + "</tbody></table>"

    def heading(i):
        return f'<p class="section s{i + 1}">{h[i]}</p>'

    agency, year = meta["agency"], meta["year"]
    title = f"{agency}{year}年政府信息公开工作年度报告"
    received = figs.cells["requests.received.total"][0] or "0"
    h = textgen.HEADINGS
    body = [f"<h1>{html.escape(title)}</h1>",
            f"<p>本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》编制，"
            f"所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。</p>",
            heading(0),
            f"<p>{year}年，{agency}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外，"
            f"全年收到政府信息公开申请{received}件，均在法定期限内答复。</p>",
            heading(1), table(table_two(tables, figs)),
            heading(2), table(table_three(tables, figs)),
            heading(3), table(table_four(tables, figs)),
            heading(4), "<p>一是公开内容还不够全面；二是政策解读形式还不够丰富。下一步将加强业务培训，提升公开质量。</p>",
            heading(5), "<p>无。</p>",
            f'<p style="text-align:right">{html.escape(agency)}<br>{year + 1}年1月20日</p>']
    style = STYLE_BASE + (RULED if ruled else UNRULED) + page_css + extra_css
    return (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{style}</style></head><body>" + "\n".join(body) + "</body></html>\n")


# ---------------------------------------------------------------------------------------------
# Producers


def environment():
    env = dict(os.environ, SOURCE_DATE_EPOCH=str(EPOCH), TZ="UTC", LANG="zh_CN.UTF-8")
    return env


def soffice(src, target, tmp, profile):
    """soffice --convert-to TARGET SRC into tmp, with a private profile; returns the output path."""
    subprocess.run(NICE + ["soffice", f"-env:UserInstallation=file:///tmp/lo-{profile}", "--headless",
                           "--convert-to", target, "--outdir", tmp, src],
                   check=True, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stem = os.path.splitext(os.path.basename(src))[0]
    out = os.path.join(tmp, stem + "." + target.split(":")[0])
    if not os.path.exists(out):
        sys.exit(f"soffice made no {out}")
    return out


def chromium(src_html, out_pdf, tmp):
    profile = os.path.join(tmp, "chromium-profile")
    subprocess.run(NICE + ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                           f"--user-data-dir={profile}", f"--print-to-pdf={out_pdf}",
                           "--no-pdf-header-footer", "file://" + os.path.abspath(src_html)],
                   check=True, env=environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not os.path.exists(out_pdf):
        sys.exit(f"chromium made no {out_pdf}")


def accept_tracked_changes(src, dest):
    """A copy of a .docx with its tracked changes accepted (deletions dropped, insertions kept):
    LibreOffice, like Word, prints a document with its markup showing, the deleted digit struck
    through beside the new one; the golden counts the accepted text, as its author would
    print it for publication."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                xml = re.sub(r"<w:del\b[^>]*(?<!/)>.*?</w:del>", "", xml, flags=re.S)
                xml = re.sub(r"<w:ins\b[^>]*>|</w:ins>", "", xml)
                data = xml.encode("utf-8")
            zout.writestr(item, data)


def fix_clock_stamps(path):
    """Overwrites the dates and /ID a producer took from the clock, byte for byte the same
    length, so that a second run gives the same file."""
    data = open(path, "rb").read()

    def date(m):
        digits = m.group(1)
        return b"(D:" + FIXED_PDF_DATE.encode()[:len(digits)].ljust(len(digits), b"0")

    data = re.sub(rb"\(D:(\d{4,14})", date, data)
    name = os.path.basename(path).encode()

    def ident(m):
        # Both halves of the file identifier become the same fixed hex digits.
        fixed = lambda hx: b"<" + (name.hex().encode() * 8)[:len(hx.group(1))] + b">"
        return re.sub(rb"<([0-9A-Fa-f]+)>", fixed, m.group(0))

    # LibreOffice's checksum of the document, taken over the clock's dates too.
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)
    data = re.sub(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]", ident, data)
    open(path, "wb").write(data)


def scan(pdf, out_pdf, tmp):
    """A scanned copy: every page rasterised at 150 dpi in black and white (as an office scanner
    or fax makes it; grey would triple the size) and wrapped as images only."""
    prefix = os.path.join(tmp, "scan")
    subprocess.run(NICE + ["pdftoppm", "-r", "150", "-mono", "-png", pdf, prefix], check=True)
    pages = sorted(f for f in os.listdir(tmp) if f.startswith("scan") and f.endswith(".png"))
    subprocess.run(["img2pdf", "--creationdate", "2023-11-14T22:13:20", "--moddate", "2023-11-14T22:13:20",
                    "-o", out_pdf] + [os.path.join(tmp, p) for p in pages], check=True)


# ---------------------------------------------------------------------------------------------
# Goldens and checks


def write_golden(out_dir, name, report, figures, expect=None):
    golden = {"document": name, "report": report, "figures": figures}
    if expect:
        golden["expect"] = expect
    with open(os.path.join(out_dir, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], check=True,
                          capture_output=True).stdout.decode("utf-8", "replace")


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], check=True, capture_output=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def check_has_tables(path, figures):
    """The printed tables must really be in the text layer: the three table headings (printed
    as paragraphs, never wrapped), and at least as many numbers as the golden has values (cell
    labels wrap unpredictably in narrow columns, so they are not searched for)."""
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    for heading in textgen.HEADINGS[1:4]:
        if heading[2:] not in flat:
            sys.exit(f"{path}: heading '{heading}' not in its text layer")
    numbers = len(re.findall(r"(?<![\d.])[+-]?\d+(?:\.\d+)?", text))
    values = sum(1 for v in figures.values() if v not in ("blank", "n/a"))
    if numbers < values:
        sys.exit(f"{path}: {numbers} numbers in its text layer, {values} values in its golden")


# ---------------------------------------------------------------------------------------------
# The documents


def source_golden(rel):
    return json.load(open(os.path.join(CORPUS, rel + ".golden.json"), encoding="utf-8"))


class Maker:
    def __init__(self, out_dir, tmp, keep):
        self.out_dir, self.tmp, self.keep = out_dir, tmp, keep
        self.made = []

    def finish(self, pdf, name, report, figures, expect=None, tables=True):
        dest = os.path.join(self.out_dir, name)
        shutil.copy(pdf, dest)
        fix_clock_stamps(dest)
        if tables:
            check_has_tables(dest, figures)
        write_golden(self.out_dir, name, report, figures, expect)
        self.made.append(name)
        print(f"wrote {name}: {pdf_pages(dest)} pages, {os.path.getsize(dest)} bytes, {len(figures)} figures")

    def keep_source(self, path, name, report, figures):
        if self.keep:
            shutil.copy(path, os.path.join(self.keep, name))
            write_golden(self.keep, name, report, figures)

    # A document of the corpus, printed as it is.
    def print_existing(self, rel, name, producer):
        src = os.path.join(CORPUS, rel)
        golden = source_golden(rel)
        if producer == "chromium":
            pdf = os.path.join(self.tmp, name)
            chromium(src, pdf, self.tmp)
        else:
            copy = os.path.join(self.tmp, os.path.basename(src))
            if src.endswith(".docx"):
                accept_tracked_changes(src, copy)
            else:
                shutil.copy(src, copy)
            pdf = soffice(copy, "pdf", self.tmp, "pdfcorpus")
        self.finish(pdf, name, golden["report"], golden["figures"], tables=golden["report"]["template"] != "pre2019")
        return os.path.join(self.out_dir, name)

    # An official-format HTML report, printed by Chromium or saved as .docx and exported by
    # LibreOffice.
    def print_report(self, name, report, figs, producer, **layout):
        stem = name[:-len(".pdf")]
        src = os.path.join(self.tmp, stem + ".html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(report_html(report, report["template"], figs, **layout))
        figures = {fid: g for fid, (_, g) in figs.cells.items()}
        if producer == "chromium":
            self.keep_source(src, stem + ".html", report, figures)
            pdf = os.path.join(self.tmp, name)
            chromium(src, pdf, self.tmp)
        else:
            docx = soffice(src, "docx:MS Word 2007 XML", self.tmp, "pdfcorpus")
            self.keep_source(docx, stem + ".docx", report, figures)
            pdf = soffice(docx, "pdf", self.tmp, "pdfcorpus")
        self.finish(pdf, name, report, figures)
        return os.path.join(self.out_dir, name)


# Landscape, and the merged 三、本年度办理结果 label set in vertical writing (CJK upright, one
# character under the other, as Word's vertical text direction prints it).
LANDSCAPE = ("@page { size: A4 landscape; margin: 12mm 15mm; }\n"
             "td { font-size: 11pt; padding: 3pt; } tr { break-inside: avoid; }\n"
             "td.vertical { writing-mode: vertical-rl; text-orientation: upright; }\n")
# Narrow margins and a larger type: table 三 runs over two pages; the page number is printed in
# the bottom margin box, so a page footer falls between two rows of the table.
NARROW = ("@page { size: A4; margin: 8mm 8mm 14mm 8mm; @bottom-center { content: \"— \" counter(page) \" —\";"
          " font-size: 9pt; } }\n"
          "body { font-size: 14pt; } td { font-size: 12pt; padding: 5pt 3pt; } .s3 { break-before: page; }\n")
A4 = "@page { size: A4; margin: 25mm 20mm; }\n"


def more_producers_and_unruled(m, out_dir, tmp):
    """(f) A third producer: cairo (poppler's pdftocairo -pdf) draws the pages of two corpus PDFs
    again, with fonts, text operators and paths of its own making. (g) Tables without ruling in
    two more layouts: a landscape print with the header repeated on the next page, and narrow
    margins with the page number falling between two rows."""
    for src, name in [("2022-county-numbered-split.libreoffice.pdf", "2022-county-numbered-split.cairo.pdf"),
                      ("2019-seed-blank-table3.libreoffice.pdf", "2019-seed-blank-table3.cairo.pdf")]:
        redrawn = os.path.join(tmp, name)
        subprocess.run(NICE + ["pdftocairo", "-pdf", os.path.join(out_dir, src), redrawn], check=True)
        golden = json.load(open(os.path.join(out_dir, src + ".golden.json"), encoding="utf-8"))
        m.finish(redrawn, name, golden["report"], golden["figures"])
    report = {"year": 2022, "template": "2021", "agency": "云溪县人力资源和社会保障局"}
    m.print_report("2022-all-nonzero-unruled.landscape.chromium.pdf", report,
                   figures_all_nonzero(2022, "2021"), "chromium", ruled=False, thead=True,
                   page_css=LANDSCAPE)
    spec, figs = figures_of_text_spec("2023-water-bureau-piperows.txt")
    m.print_report("2023-water-bureau-unruled.narrow.chromium.pdf",
                   source_golden("text/" + spec["name"])["report"], figs, "chromium", ruled=False,
                   thead=False, page_css=NARROW)


def main():
    args = sys.argv[1:]
    keep = None
    if "--keep-sources" in args:
        i = args.index("--keep-sources")
        keep = args[i + 1]
        del args[i:i + 2]
        os.makedirs(keep, exist_ok=True)
    out_dir = args[0] if args else os.path.join(CORPUS, "pdf")
    os.makedirs(out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        m = Maker(out_dir, tmp, keep)

        # Documents of the corpus as their owners would print them.
        m.print_existing("docx/2022-county-numbered-split.docx", "2022-county-numbered-split.libreoffice.pdf", "soffice")
        m.print_existing("docx/2022-town-nested-textbox.docx", "2022-town-nested-textbox.libreoffice.pdf", "soffice")
        m.print_existing("doc/2020-town-blanks.docx", "2020-town-blanks.libreoffice.pdf", "soffice")
        m.print_existing("pre2019/2012-fujian-xianyou-forestry-cumulative.txt",
                         "2012-fujian-xianyou-forestry-cumulative.libreoffice.pdf", "soffice")
        m.print_existing("html/2021-utf8-city-office.html", "2021-utf8-city-office.chromium.pdf", "chromium")
        m.print_existing("html/2019-gbk-county-bureau.html", "2019-gbk-county-bureau.chromium.pdf", "chromium")

        # (a) The seed's figures with table 三's zeros left blank except the 总计 column.
        seed = source_golden("text/2019-seed-wanyuan-jingxin.txt")
        figs = figures_from_golden(seed, "2019")
        blank_table_three_zeros(figs)
        m.print_report("2019-seed-blank-table3.libreoffice.pdf", seed["report"], figs, "soffice",
                       page_css=A4)

        # (b) A 2021-template report with no zero and no blank anywhere.
        report = {"year": 2022, "template": "2021", "agency": "云溪县人力资源和社会保障局"}
        nonzero = m.print_report("2022-all-nonzero.libreoffice.pdf", report,
                                 figures_all_nonzero(2022, "2021"), "soffice", page_css=A4)

        # (c) Table 三 over two pages: landscape with the header repeated (Chromium prints
        # <thead> on every page), and narrow margins without a repeated header.
        spec, figs = figures_of_text_spec("2023-water-bureau-piperows.txt")
        m.print_report("2023-water-bureau-landscape.chromium.pdf", source_golden("text/" + spec["name"])["report"],
                       figs, "chromium", thead=True, page_css=LANDSCAPE)
        spec, figs = figures_of_text_spec("2022-transport-bureau-inlinepipe.txt")
        m.print_report("2022-transport-bureau-narrow.chromium.pdf", source_golden("text/" + spec["name"])["report"],
                       figs, "chromium", thead=False, page_css=NARROW)

        # (d) No ruling lines at all: the borders removed by CSS.
        spec, figs = figures_of_text_spec("2021-finance-bureau-tabrows.txt")
        m.print_report("2021-finance-bureau-unruled.chromium.pdf", source_golden("text/" + spec["name"])["report"],
                       figs, "chromium", ruled=False, page_css=A4)

        # Pages turned by /Rotate (a page set landscape after the fact): the text runs up the
        # page, the table pages' words are rotated 90° against the displayed page.
        rotated = os.path.join(tmp, "rotated.pdf")
        subprocess.run(["qpdf", "--static-id", "--rotate=+90:2-3", nonzero, rotated], check=True)
        same_figures = json.load(open(nonzero + ".golden.json", encoding="utf-8"))["figures"]
        m.finish(rotated, "2022-all-nonzero.rotated.pdf", report, same_figures)

        # (e) The all-nonzero report scanned: images only.
        scan_tmp = os.path.join(tmp, "scan")
        os.makedirs(scan_tmp)
        scanned = os.path.join(scan_tmp, "scanned.pdf")
        scan(nonzero, scanned, scan_tmp)
        # Nothing of the report can be read from it, its metadata neither.
        m.finish(scanned, "2022-all-nonzero.scanned.pdf", {}, {},
                 expect={"status": "failed", "diagnostics": ["pdf_no_text_layer"]}, tables=False)
        more_producers_and_unruled(m, out_dir, tmp)
    total = sum(os.path.getsize(os.path.join(out_dir, n)) for n in m.made)
    print(f"{len(m.made)} PDFs, {total} bytes")


if __name__ == "__main__":
    main()
