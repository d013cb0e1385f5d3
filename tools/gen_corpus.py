#!/usr/bin/env python3
"""Generates a synthetic corpus of annual reports for bulk runs and benchmarks, with the ground
truth of every document as a golden file (../shared/spec/GOLDEN.md), so that
../shared/tools/score.py can score an extraction of it.

Each document draws, from its own seeded random generator:
  template   2019 or 2021 (the tables' shape comes from extractor/templates/data/*.tsv)
  format     text (three flattenings: Word copy-paste, cell-and-pipe, pipe rows), docx
             (WordprocessingML written directly, values split over several runs), or HTML
             (plain cells, or Word's "save as web page" with every digit in its own <span>)
  content    an agency and a year; figures where every template identity holds; blanks in
             table 三 where 0 is meant (golden "blank", never 0); "/" placeholders in whole
             rows of table 二 (golden "n/a"); a fee in 万元 (golden in 元, exact)

The figures and the text flattenings reuse tools/make_text_corpus.py (the project's own text
corpus generator); the docx and HTML renderings are written here.

Usage: tools/gen_corpus.py OUT_DIR N [--seed S] [--formats text,docx,html]
Documents are written as OUT_DIR/<format>/<name> with <name>.golden.json beside each; the
output is deterministic for a given seed.
"""
import argparse
import io
import json
import os
import random
import sys
import zipfile
from xml.sax.saxutils import escape

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_text_corpus as mtc  # noqa: E402

PROVINCES = ["临川", "青石", "东湖", "万源", "南屏", "北江", "西岭", "玉泉", "长河", "白沙", "松涛", "云溪"]
LEVELS = ["县", "区", "市", "镇"]
BUREAUS = ["生态环境局", "水务局", "教育局", "人民政府", "交通运输局", "自然资源局", "财政局",
           "统计局", "卫生健康委员会", "农业农村局", "市场监督管理局", "住房和城乡建设局"]
TEXT_STYLES = ["wordcopy", "cellpipe", "piperows"]
NA_ROWS = {"2019": ["regulations", "enforcement", "fees"], "2021": ["regulations", "enforcement"]}
FIXED_TIME = (2024, 1, 15, 9, 0, 0)

_TEMPLATES = {}


def template(version):
    if version not in _TEMPLATES:
        _TEMPLATES[version] = mtc.load_template(version)
    return _TEMPLATES[version]


def draw_spec(i, seed):
    rng = random.Random(seed * 1_000_003 + i)
    version = rng.choice(["2019", "2021"])
    year = rng.choice([2019, 2020]) if version == "2019" else rng.choice([2021, 2022, 2023])
    agency = rng.choice(PROVINCES) + rng.choice(LEVELS) + rng.choice(BUREAUS)
    na = tuple(r for r in NA_ROWS[version] if rng.random() < 0.15)
    return {"seed": rng.randrange(1 << 30), "template": version, "year": year, "agency": agency,
            "blank_ratio": rng.choice([0.0, 0.0, 0.3, 0.8]), "not_applicable_rows": na,
            "style": rng.choice(TEXT_STYLES), "word_html": rng.random() < 0.5}


def figures_and_rows(spec):
    """The figures (text as printed, golden value) and the logical rows of the three tables."""
    rng = random.Random(spec["seed"])
    tables = template(spec["template"])
    figs = mtc.Figures()
    mtc.fill_active(rng, spec["template"], tables, figs, spec["not_applicable_rows"])
    mtc.fill_requests(rng, tables, figs, spec["blank_ratio"])
    mtc.fill_appeals(rng, tables, figs)
    return rng, figs, mtc.table_rows(spec["template"], tables, figs)


def golden(name, spec, figs):
    return {"document": name,
            "report": {"year": spec["year"], "template": spec["template"], "agency": spec["agency"]},
            "figures": {fid: g for fid, (_, g) in figs.cells.items()}}


def prose(spec, rng, figs):
    """The paragraphs around the tables: title, overview, headings, closing (None = a table)."""
    received = figs.cells["requests.received.total"][1]
    return [
        f"{spec['agency']}{spec['year']}年政府信息公开工作年度报告",
        f"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{spec['year']}年1月1日起"
        f"至{spec['year']}年12月31日止。",
        mtc.HEADINGS[0],
        f"{spec['year']}年，{spec['agency']}认真贯彻落实《条例》，全年主动公开政府信息"
        f"{rng.randint(100, 2000)}条，收到政府信息公开申请{received if received != 'blank' else 0}件，"
        "均按时答复。",
        mtc.HEADINGS[1], "active", mtc.HEADINGS[2], "requests", mtc.HEADINGS[3], "appeals",
        mtc.HEADINGS[4], "一是公开内容还不够全面；二是解读形式还不够丰富。下一步将加强培训，提升公开质量。",
        mtc.HEADINGS[5], "无。", spec["agency"], f"{spec['year'] + 1}年1月20日",
    ]


# --- text ------------------------------------------------------------------------------------

def render_text(spec, name):
    rng, figs, rows = figures_and_rows(spec)
    lines = []
    for block in prose(spec, rng, figs):
        if block in rows:
            lines += mtc.RENDER[spec["style"]](rows[block])
            lines.append("")
        else:
            lines.append(block)
    return ("\n".join(lines) + "\n").encode("utf-8"), golden(name, spec, figs)


# --- HTML ------------------------------------------------------------------------------------

def html_cell(text, word):
    if not text:
        return "<td>&nbsp;</td>"
    body = escape(text)
    if word and mtc_looks_value(text):
        # Word's web export cuts runs digit by digit where spelling or font changes.
        body = "".join(f"<span lang=EN-US style='font-family:\"Times New Roman\"'>{escape(c)}</span>"
                       for c in text)
        return f"<td><p class=MsoNormal align=center>{body}<o:p></o:p></p></td>"
    return f"<td><p class=MsoNormal>{body}</p></td>" if word else f"<td>{body}</td>"


def mtc_looks_value(text):
    return all(c in "0123456789+-./元" for c in text)


def render_html(spec, name):
    rng, figs, rows = figures_and_rows(spec)
    word = spec["word_html"]
    out = ["<!DOCTYPE html>", "<html><head><meta charset=\"utf-8\">",
           f"<title>{escape(spec['agency'])}{spec['year']}年政府信息公开工作年度报告</title></head><body>"]
    for block in prose(spec, rng, figs):
        if block in rows:
            out.append("<table border=\"1\" cellspacing=\"0\">")
            for _, cells in rows[block]:
                out.append("<tr>" + "".join(html_cell(c, word) for c in cells) + "</tr>")
            out.append("</table>")
        else:
            out.append(f"<p>{escape(block)}</p>")
    out.append("</body></html>")
    return ("\n".join(out) + "\n").encode("utf-8"), golden(name, spec, figs)


# --- docx ------------------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w_runs(text, split):
    if not text:
        return ""
    pieces = [text]
    if split and len(text) > 1:
        cut = 1 + (len(text) - 1) // 2
        pieces = [text[:cut], text[cut:]]
    return "".join(f'<w:r><w:t xml:space="preserve">{escape(p)}</w:t></w:r>' for p in pieces)


def w_para(text, split=False):
    return f"<w:p>{w_runs(text, split)}</w:p>"


def w_table(rows, rng):
    width = max(len(cells) for _, cells in rows)
    grid = "".join('<w:gridCol w:w="900"/>' for _ in range(width))
    out = [f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
    for _, cells in rows:
        tcs = "".join(f'<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr>'
                      f"{w_para(c, split=rng.random() < 0.3)}</w:tc>" for c in cells)
        after = width - len(cells)
        trpr = f'<w:trPr><w:gridAfter w:val="{after}"/></w:trPr>' if after else ""
        out.append(f"<w:tr>{trpr}{tcs}</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def render_docx(spec, name):
    rng, figs, rows = figures_and_rows(spec)
    body = []
    for block in prose(spec, rng, figs):
        body.append(w_table(rows[block], rng) if block in rows else w_para(block, split=True))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}</w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document)):
            info = zipfile.ZipInfo(part, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue(), golden(name, spec, figs)


RENDERERS = {"text": (render_text, "txt"), "docx": (render_docx, "docx"), "html": (render_html, "html")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--formats", default="text,docx,html")
    args = ap.parse_args()
    formats = [f for f in args.formats.split(",") if f]
    for f in formats:
        if f not in RENDERERS:
            ap.error(f"unknown format {f}")
        os.makedirs(os.path.join(args.out_dir, f), exist_ok=True)
    for i in range(args.n):
        spec = draw_spec(i, args.seed)
        fmt = formats[i % len(formats)]
        render, ext = RENDERERS[fmt]
        name = f"{i:06d}-{spec['template']}-{spec['year']}.{ext}"
        data, truth = render(spec, name)
        path = os.path.join(args.out_dir, fmt, name)
        with open(path, "wb") as f:
            f.write(data)
        with open(path + ".golden.json", "w", encoding="utf-8") as f:
            json.dump(truth, f, ensure_ascii=False)
            f.write("\n")
    print(f"gen_corpus: {args.n} documents in {args.out_dir} ({', '.join(formats)})")


if __name__ == "__main__":
    main()
