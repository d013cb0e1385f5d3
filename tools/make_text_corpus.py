#!/usr/bin/env python3
"""Writes the project's own plain-text test reports and their golden files.

The tables' shape comes from the project's template data (extractor/templates/data/*.tsv), the
figures from a seeded random generator that makes every template identity hold (FORMATS.md
§5.1), and each document is rendered in one of the ways real reports reach plain text:

  wordcopy   one cell a line, tab-indented, a blank line before each row (Word copy-paste)
  cellpipe   one cell a line closed by " |", empty cells as "|", merge padding as "||"
  piperows   one table row a line, cells joined by " | ", merge padding at the end
  tabrows    one table row a line, cells separated by tabs (a spreadsheet or HTML copy)
  cellplain  one cell a line with nothing around it (a web page copied as text)
  inlinepipe a whole table on one line, cells joined by " | " (a crawler's flattening)

Usage: tools/make_text_corpus.py [OUTPUT_DIR]   (default: corpus/text)
"""
import json
import os
import random
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "extractor", "templates", "data")


def load_template(version):
    """Parses data/<version>.tsv into {table: {"groups": [...], "rows": [...]}}."""
    tables, table = {}, None
    for line in open(os.path.join(DATA, f"{version}.tsv"), encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if f[0] == "table":
            table = tables.setdefault(f[1], {"number": f[2], "title": f[3], "groups": [], "rows": []})
        elif f[0] == "group":
            table["groups"].append({"key": f[1], "title": f[2], "columns": []})
        elif f[0] == "column":
            if not table["groups"]:
                table["groups"].append({"key": "", "title": "", "columns": []})
            table["groups"][-1]["columns"].append({"key": f[1], "label": f[2], "unit": f[3]})
        elif f[0] == "row":
            table["rows"].append({"key": f[1], "label": f[2], "parent": f[3] if len(f) > 3 else "",
                                  "group": len(table["groups"]) - 1})
    return tables


class Figures:
    """Figure id → (text as printed, golden value)."""

    def __init__(self):
        self.cells = {}

    def put(self, fid, text, golden):
        self.cells[fid] = (text, golden)


def fill_requests(rng, tables, figs, blank_ratio=0.0):
    t = tables["requests"]
    cols = [c["key"] for c in t["groups"][0]["columns"]]
    parts = cols[:-1]
    outcome_rows = [r["key"] for r in t["rows"]
                    if r["key"] not in ("received", "carried_over", "total", "carried_forward")]
    grid = {}
    for c in parts:
        for r in outcome_rows:
            grid[(r, c)] = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
        grid[("total", c)] = sum(grid[(r, c)] for r in outcome_rows)
        grid[("carried_forward", c)] = rng.randint(0, 4)
        grid[("carried_over", c)] = rng.randint(0, grid[("total", c)] + grid[("carried_forward", c)])
        grid[("received", c)] = grid[("total", c)] + grid[("carried_forward", c)] - grid[("carried_over", c)]
    for r in [x["key"] for x in t["rows"]]:
        grid[(r, "total")] = sum(grid[(r, c)] for c in parts)
    for r in t["rows"]:
        for c in cols:
            v = grid[(r["key"], c)]
            fid = f"requests.{r['key']}.{c}"
            # A blank stands where 0 is meant (FORMATS.md D1); the golden says "blank", never 0.
            if v == 0 and rng.random() < blank_ratio:
                figs.put(fid, "", "blank")
            else:
                figs.put(fid, str(v), v)


def fill_appeals(rng, tables, figs):
    for g in tables["appeals"]["groups"]:
        vals = {k: rng.randint(0, 6) for k in ("upheld", "corrected", "other", "pending")}
        vals["total"] = sum(vals.values())
        for c in g["columns"]:
            figs.put(f"appeals.{g['key']}.{c['key']}", str(vals[c["key"]]), vals[c["key"]])


def fill_active(rng, version, tables, figs, not_applicable_rows=()):
    t = tables["active"]
    for r in t["rows"]:
        g = t["groups"][r["group"]]
        for c in g["columns"]:
            fid = f"active.{r['key']}.{c['key']}"
            if r["key"] in not_applicable_rows:
                figs.put(fid, "/", "n/a")
            elif c["key"] == "change":
                v = rng.randint(-40, 40)
                figs.put(fid, f"{v:+d}" if v else "0", v)
            elif c["key"] == "amount" and version == "2021":
                wan = Decimal(rng.randint(0, 99999)) / Decimal(100)
                figs.put(fid, f"{wan}", int(wan * 10000) if (wan * 10000) == int(wan * 10000) else str(wan * 10000))
            elif c["key"] == "amount":
                yuan = rng.randint(1000, 900000)
                figs.put(fid, f"{yuan}元", yuan)
            else:
                v = rng.randint(0, 3000)
                figs.put(fid, str(v), v)


REQUEST_HEADER = ["自然人", "法人或其他组织", "总计"]
REQUEST_SUBHEADER = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def table_rows(version, tables, figs):
    """Logical rows of the three tables: (kind, [cells]) with kind 'title', 'header' or 'data'."""
    out = {"active": [], "requests": [], "appeals": []}
    t = tables["active"]
    for gi, g in enumerate(t["groups"]):
        out["active"].append(("title", [g["title"]]))
        out["active"].append(("header", ["信息内容"] + [c["label"] for c in g["columns"]]))
        for r in t["rows"]:
            if r["group"] == gi:
                out["active"].append(("data", [r["label"]] + [figs.cells[f"active.{r['key']}.{c['key']}"][0] for c in g["columns"]]))
    t = tables["requests"]
    out["requests"].append(("header", [CAPTION, "申请人情况"]))
    out["requests"].append(("header", REQUEST_HEADER))
    out["requests"].append(("header", REQUEST_SUBHEADER))
    shown_parents = set()
    for r in t["rows"]:
        labels = []
        parent = r["parent"]
        if parent and parent not in shown_parents:
            grand = "三、本年度办理结果" if parent.startswith("（") and parent != "三、本年度办理结果" else ""
            if grand and grand not in shown_parents:
                labels.append(grand)
                shown_parents.add(grand)
            labels.append(parent)
            shown_parents.add(parent)
        labels.append(r["label"])
        out["requests"].append(("data", labels + [figs.cells[f"requests.{r['key']}.{c['key']}"][0] for c in t["groups"][0]["columns"]]))
    t = tables["appeals"]
    out["appeals"].append(("header", ["行政复议", "行政诉讼"]))
    out["appeals"].append(("header", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"]))
    out["appeals"].append(("header", ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2))
    out["appeals"].append(("data", [figs.cells[f"appeals.{g['key']}.{c['key']}"][0] for g in t["groups"] for c in g["columns"]]))
    return out


def render_wordcopy(rows):
    lines = []
    for kind, cells in rows:
        lines.append("")
        for c in cells:
            lines.append("\t" + c)
    return lines


def render_cellpipe(rows):
    lines = []
    for kind, cells in rows:
        for c in cells:
            lines.append(f"{c} |" if c else "|")
        lines.append("||")
    return lines


def render_piperows(rows):
    return [" | ".join(cells) + " | ||" for kind, cells in rows]


def render_tabrows(rows):
    return ["\t".join(cells) for kind, cells in rows]


def render_cellplain(rows):
    return [c for kind, cells in rows for c in cells]


def render_inlinepipe(rows):
    return [" | ".join(c for kind, cells in rows for c in cells) + " |"]


RENDER = {"wordcopy": render_wordcopy, "cellpipe": render_cellpipe, "piperows": render_piperows,
          "tabrows": render_tabrows, "cellplain": render_cellplain, "inlinepipe": render_inlinepipe}

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def document(spec):
    rng = random.Random(spec["seed"])
    tables = load_template(spec["template"])
    figs = Figures()
    fill_active(rng, spec["template"], tables, figs, spec.get("not_applicable_rows", ()))
    fill_requests(rng, tables, figs, spec.get("blank_ratio", 0.0))
    fill_appeals(rng, tables, figs)
    rows = table_rows(spec["template"], tables, figs)
    render = RENDER[spec["style"]]
    received = figs.cells["requests.received.total"][1]
    lines = [f"{spec['agency']}{spec['year']}年政府信息公开工作年度报告", ""]
    lines.append(f"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{spec['year']}年1月1日起至{spec['year']}年12月31日止。")
    lines.append(HEADINGS[0])
    lines.append(f"{spec['year']}年，{spec['agency']}认真贯彻落实《条例》，全年主动公开政府信息{rng.randint(100, 2000)}条，"
                 f"收到政府信息公开申请{received if received != 'blank' else 0}件，均按时答复。")
    lines.append(HEADINGS[1])
    lines += render(rows["active"])
    lines.append("")
    lines.append(HEADINGS[2])
    lines += render(rows["requests"])
    lines.append("")
    lines.append(HEADINGS[3])
    lines += render(rows["appeals"])
    lines.append("")
    lines.append(HEADINGS[4])
    lines.append("一是公开内容还不够全面；二是解读形式还不够丰富。下一步将加强培训，提升公开质量。")
    lines.append(HEADINGS[5])
    lines.append("无。")
    lines.append("")
    lines.append(spec["agency"])
    lines.append(f"{spec['year'] + 1}年1月20日")
    golden = {"document": spec["name"],
              "report": {"year": spec["year"], "template": spec["template"], "agency": spec["agency"]},
              "figures": {fid: g for fid, (_, g) in figs.cells.items()}}
    return "\n".join(lines) + "\n", golden


SPECS = [
    {"name": "2021-ecology-bureau-wordcopy.txt", "template": "2021", "year": 2022, "seed": 2021,
     "agency": "临川县生态环境局", "style": "wordcopy"},
    {"name": "2020-town-blanks-cellpipe.txt", "template": "2019", "year": 2020, "seed": 2020,
     "agency": "青石镇人民政府", "style": "cellpipe", "blank_ratio": 0.7,
     "not_applicable_rows": ("regulations",)},
    {"name": "2023-water-bureau-piperows.txt", "template": "2021", "year": 2023, "seed": 2023,
     "agency": "东湖区水务局", "style": "piperows", "blank_ratio": 0.3,
     "not_applicable_rows": ("enforcement",)},
    {"name": "2021-finance-bureau-tabrows.txt", "template": "2021", "year": 2021, "seed": 7,
     "agency": "南溪县财政局", "style": "tabrows", "blank_ratio": 0.2},
    {"name": "2019-health-commission-cellplain.txt", "template": "2019", "year": 2019, "seed": 19,
     "agency": "北山市卫生健康委员会", "style": "cellplain"},
    {"name": "2022-transport-bureau-inlinepipe.txt", "template": "2021", "year": 2022, "seed": 22,
     "agency": "西岭区交通运输局", "style": "inlinepipe", "blank_ratio": 0.2},
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus", "text")
    os.makedirs(out_dir, exist_ok=True)
    for spec in SPECS:
        text, golden = document(spec)
        with open(os.path.join(out_dir, spec["name"]), "w", encoding="utf-8") as f:
            f.write(text)
        with open(os.path.join(out_dir, spec["name"] + ".golden.json"), "w", encoding="utf-8") as f:
            json.dump(golden, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"wrote {spec['name']} ({len(golden['figures'])} figures)")


if __name__ == "__main__":
    main()
