#!/usr/bin/env python3
"""Makes the project's own pdftotext test documents, the way real ones come about: a full
2021-template report is written as HTML in the official table layout (rowspans, colspans), turned
into a Word document by LibreOffice, printed to PDF by LibreOffice, and read back with
`pdftotext -raw` and `pdftotext -layout`. The docx and both text renderings go into the corpus
with the same golden file (figures from tools/make_text_corpus.py's generator).

Needs (offline tools, not needed by the build or the tests): libreoffice-writer, poppler-utils,
fonts-noto-cjk.
Usage: tools/make_pdf_text_corpus.py [OUTPUT_DIR]   (default: corpus/pdftext)
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
import make_text_corpus as gen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def td(text, colspan=1, rowspan=1):
    attrs = ""
    if colspan > 1:
        attrs += f' colspan="{colspan}"'
    if rowspan > 1:
        attrs += f' rowspan="{rowspan}"'
    return f"<td{attrs}>{html.escape(text)}</td>"


def table_two(tables, figs):
    t = tables["active"]
    rows = []
    for gi, g in enumerate(t["groups"]):
        rows.append(td(g["title"], colspan=4))
        cols = g["columns"]
        if len(cols) == 1:
            rows.append(td("信息内容") + td(cols[0]["label"], colspan=3))
        else:
            rows.append(td("信息内容") + "".join(td(c["label"]) for c in cols))
        for r in t["rows"]:
            if r["group"] != gi:
                continue
            cells = [figs.cells[f"active.{r['key']}.{c['key']}"][0] for c in cols]
            if len(cols) == 1:
                rows.append(td(r["label"]) + td(cells[0], colspan=3))
            else:
                rows.append(td(r["label"]) + "".join(td(c) for c in cells))
    return rows


def table_three(tables, figs):
    t = tables["requests"]
    cols = [c["key"] for c in t["groups"][0]["columns"]]
    rows = [td(gen.CAPTION, colspan=3, rowspan=3) + td("申请人情况", colspan=7),
            td("自然人", rowspan=2) + td("法人或其他组织", colspan=5) + td("总计", rowspan=2),
            "".join(td(x) for x in gen.REQUEST_SUBHEADER)]
    outcome_rows = [r for r in t["rows"] if r["key"] not in ("received", "carried_over", "carried_forward")]
    parents = {}
    for r in outcome_rows:
        parents.setdefault(r["parent"], []).append(r)
    shown_outer = False
    shown_parent = set()
    for r in t["rows"]:
        values = "".join(td(figs.cells[f"requests.{r['key']}.{c}"][0]) for c in cols)
        if r["key"] in ("received", "carried_over", "carried_forward"):
            rows.append(td(r["label"], colspan=3) + values)
            continue
        cells = ""
        if not shown_outer:
            cells += td("三、本年度办理结果", rowspan=len(outcome_rows))
            shown_outer = True
        if r["parent"] == "三、本年度办理结果":
            cells += td(r["label"], colspan=2)
        else:
            if r["parent"] not in shown_parent:
                cells += td(r["parent"], rowspan=len(parents[r["parent"]]))
                shown_parent.add(r["parent"])
            cells += td(r["label"])
        rows.append(cells + values)
    return rows


def table_four(tables, figs):
    leaf = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    values = [figs.cells[f"appeals.{g['key']}.{c['key']}"][0]
              for g in tables["appeals"]["groups"] for c in g["columns"]]
    return [td("行政复议", colspan=5) + td("行政诉讼", colspan=10),
            "".join(td(x) for x in leaf[:4]) + td("总计", rowspan=2) +
            td("未经复议直接起诉", colspan=5) + td("复议后起诉", colspan=5),
            "".join(td(x) for x in leaf * 2),
            "".join(td(v) for v in values)]


def html_report(spec, tables, figs, clipped=False):
    # clipped: a table wider than the page, as when a report is printed without fitting it;
    # the PDF then loses table 三's last column (总计) and none of its rows can be placed.
    table_attrs = 'border="1" cellspacing="0"' if clipped else 'border="1" cellspacing="0" width="100%" style="width:100%"'

    def table(rows):
        return f"<table {table_attrs}>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"
    body = [f"<p>{spec['agency']}{spec['year']}年政府信息公开工作年度报告</p>",
            f"<p>本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{spec['year']}年1月1日起至{spec['year']}年12月31日止。</p>",
            f"<p>{gen.HEADINGS[0]}</p>",
            f"<p>{spec['year']}年，{spec['agency']}认真贯彻落实《条例》，坚持以公开为常态、不公开为例外。</p>",
            f"<p>{gen.HEADINGS[1]}</p>", table(table_two(tables, figs)),
            f"<p>{gen.HEADINGS[2]}</p>", table(table_three(tables, figs)),
            f"<p>{gen.HEADINGS[3]}</p>", table(table_four(tables, figs)),
            f"<p>{gen.HEADINGS[4]}</p>", "<p>一是公开内容还不够全面；二是解读形式还不够丰富。</p>",
            f"<p>{gen.HEADINGS[5]}</p>", "<p>无。</p>"]
    style = "td{font-size:9pt}" if clipped else "td{font-size:7pt} body{margin:0}"
    return (f'<html><head><meta charset="utf-8"><style>{style}</style></head><body>'
            + "".join(body) + "</body></html>")


def soffice(args, cwd):
    subprocess.run(["soffice", "--headless", *args], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


SPEC = {"name": "2022-district-market-bureau", "template": "2021", "year": 2022, "seed": 4242,
        "agency": "江岸区市场监督管理局"}


def render(spec, tables, figs, tmp, clipped):
    """HTML → docx → PDF with LibreOffice; returns the paths of the docx and the PDF."""
    stem = spec["name"] + ("-clipped" if clipped else "")
    src = os.path.join(tmp, stem + ".html")
    with open(src, "w", encoding="utf-8") as f:
        f.write(html_report(spec, tables, figs, clipped))
    soffice(["--convert-to", "docx:MS Word 2007 XML", src], tmp)
    docx = os.path.join(tmp, stem + ".docx")
    soffice(["--convert-to", "pdf", docx], tmp)
    return docx, os.path.join(tmp, stem + ".pdf")


def write_golden(out_dir, name, figures):
    golden = {"document": name,
              "report": {"year": SPEC["year"], "template": SPEC["template"], "agency": SPEC["agency"]},
              "figures": figures}
    with open(os.path.join(out_dir, name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote", name)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus", "pdftext")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(SPEC["seed"])
    tables = gen.load_template(SPEC["template"])
    figs = gen.Figures()
    gen.fill_active(rng, SPEC["template"], tables, figs)
    gen.fill_requests(rng, tables, figs)
    gen.fill_appeals(rng, tables, figs)
    all_figures = {fid: g for fid, (_, g) in figs.cells.items()}
    with tempfile.TemporaryDirectory() as tmp:
        docx, pdf = render(SPEC, tables, figs, tmp, clipped=False)
        shutil.copy(docx, os.path.join(out_dir, SPEC["name"] + ".docx"))
        write_golden(out_dir, SPEC["name"] + ".docx", all_figures)
        for mode in ("raw", "layout"):
            name = f"{SPEC['name']}.pdftotext-{mode}.txt"
            subprocess.run(["pdftotext", f"-{mode}", "-enc", "UTF-8", pdf, os.path.join(out_dir, name)],
                           check=True)
            write_golden(out_dir, name, all_figures)
        # The clipped print: table 三 lost a column, so only tables 二 and 四 can be read.
        _, pdf = render(SPEC, tables, figs, tmp, clipped=True)
        name = f"{SPEC['name']}-clipped.pdftotext-raw.txt"
        subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, os.path.join(out_dir, name)], check=True)
        write_golden(out_dir, name, {k: v for k, v in all_figures.items() if not k.startswith("requests.")})


if __name__ == "__main__":
    main()
