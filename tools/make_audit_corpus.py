#!/usr/bin/env python3
"""Writes corpus/audit/: a multi-year set of plain-text reports for `nianbao audit`.

Three agencies of one county, each year a report in the "one table row a line, cells joined by
' | '" form the extractor reads perfectly (corpus/text/2023-water-bureau-piperows.txt). Every
report's own identities hold (FORMATS.md §5.1 T3-1..T4-2), and across years every carry-over
holds, except for the three defects planted on purpose (docs/AUDIT.md, "The test corpus"):

  1. 青山县交通运输局 2019–2023: the 2022 report's 上年结转 for 自然人 (and so 总计) is 2 more
     than 2021's 结转下年度 → T3-5 fails for natural_person and total in 2022.
  2. 青山县环境保护局 (2019, 2020) is renamed 青山县生态环境局 (2021, 2022): the audit matches the
     two names through the rename data and reports the rename once (AG-2, 2021).
  3. 青山县市场监督管理局 2019–2020: the 2020 report's 行政处罚 处理决定数量 is filled as
     上一年项目数量 + 本年增/减 → T2B-3 flags it.

Nothing else may be flagged: table 二 counts follow T2B-1 / T2C-1, totals stay within a factor
of three of last year's, no township, no negative count. The figures come from a fixed seed, so
the files are the same on every run.

Usage: tools/make_audit_corpus.py [OUTPUT_DIR]   (default: corpus/audit)
"""
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "extractor", "templates", "data")

APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org"]


def load_rows(version):
    """(table → [(row key, label, parent)]) and (table → [(group title, [(column key, label)])])."""
    rows, groups, table = {}, {}, None
    for line in open(os.path.join(DATA, f"{version}.tsv"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if not f[0] or f[0].startswith("#"):
            continue
        if f[0] == "table":
            table = f[1]
            rows[table], groups[table] = [], []
        elif f[0] == "group":
            groups[table].append((f[2], []))
        elif f[0] == "column" and groups[table]:
            groups[table][-1][1].append((f[1], f[2]))
        elif f[0] == "row":
            rows[table].append((f[1], f[2], f[3] if len(f) > 3 else "", len(groups[table]) - 1))
    return rows, groups


def split(rng, total, parts):
    """`total` as `parts` non-negative integers."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def requests_table(rng, outcome_rows, carried_over):
    """Table 三 per applicant column: received, carried_over, outcomes, total, carried_forward."""
    cells = {}
    for col in APPLICANTS:
        received = rng.randint(2, 9)
        handled = received + carried_over[col]
        forward = rng.randint(0, min(2, handled))
        outcomes = split(rng, handled - forward, len(outcome_rows))
        cells[("received", col)] = received
        cells[("carried_over", col)] = carried_over[col]
        for row, value in zip(outcome_rows, outcomes):
            cells[(row, col)] = value
        cells[("total", col)] = handled - forward
        cells[("carried_forward", col)] = forward
    for row in {r for r, _ in cells}:
        cells[(row, "total")] = sum(cells[(row, c)] for c in APPLICANTS)
    return cells


def appeals_row(rng):
    values = []
    for _ in range(3):
        block = [rng.randint(0, 2) for _ in range(4)]
        values += block + [sum(block)]
    return values


def active_2019(rng, prior):
    """Table 二 of the 2019 template; `prior` maps row → 上一年项目数量 (T2B-1 chain)."""
    values = {}
    for row in ("regulations", "normative_documents"):
        if row == "regulations":  # a county bureau makes no 规章
            values[row] = [0, 0, 0]
            continue
        made = rng.randint(1, 6)
        values[row] = [made, made, made + rng.randint(0, 20)]
    for row in ("licensing", "other_services", "penalties", "enforcement"):
        change = rng.randint(-3, 5)
        decisions = rng.randint(10, 80)
        if decisions == prior[row] + change:  # never an accidental T2B-3 mis-fill
            decisions += 1
        values[row] = [prior[row], change, decisions]
    values["fees"] = [prior["fees"], rng.randint(-1, 1)]
    values["procurement"] = [rng.randint(0, 3), rng.randint(1000, 90000)]
    return values


def active_2021(rng, in_force):
    """Table 二 of the 2021 template; `in_force` maps row → last year's 现行有效件数 (T2C-1)."""
    values = {}
    for row in ("regulations", "normative_documents"):
        issued = 0 if row == "regulations" else rng.randint(1, 6)
        repealed = min(rng.randint(0, 2), in_force[row]) if row != "regulations" else 0
        values[row] = [issued, repealed, in_force[row] + issued - repealed]
    for row in ("licensing", "penalties", "enforcement"):
        values[row] = [rng.randint(5, 90)]
    values["fees"] = ["0"]
    return values


def render_active(groups, rows, values):
    out = []
    for gi, (title, columns) in enumerate(groups):
        out.append(f"{title} | ||")
        out.append(" | ".join(["信息内容"] + [label for _, label in columns]) + " | ||")
        for key, label, _, group in rows:
            if group == gi:
                out.append(" | ".join([label] + [str(v) for v in values[key]]) + " | ||")
    return out


def render_requests(rows, cells):
    out = [
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | ||",
        "自然人 | 法人或其他组织 | 总计 | ||",
        "商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ||",
    ]
    seen_parents = set()
    for key, label, parent, _ in rows:
        labels = [label]
        if parent and parent not in seen_parents:
            seen_parents.add(parent)
            labels = [parent, label]
        values = [str(cells[(key, c)]) for c in APPLICANTS + ["total"]]
        out.append(" | ".join(labels + values) + " | ||")
    return out


def render_appeals(values):
    head = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
    return [
        "行政复议 | 行政诉讼 | ||",
        f"{head} | 未经复议直接起诉 | 复议后起诉 | ||",
        f"{head} | {head} | {head} | ||",
        " | ".join(str(v) for v in values) + " | ||",
    ]


def render_report(agency, year, version, active, cells, appeals):
    rows, groups = load_rows(version)
    received, answered = cells[("received", "total")], cells[("total", "total")]
    over, forward = cells[("carried_over", "total")], cells[("carried_forward", "total")]
    lines = [
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        f"本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年，{agency}认真贯彻落实《条例》，收到政府信息公开申请{received}件，上年结转政府信息公开申请{over}件，"
        f"办理答复{answered}件，结转下年度继续办理{forward}件。",
        "二、主动公开政府信息情况",
    ]
    lines += render_active(groups["active"], rows["active"], active)
    lines += ["", "三、收到和处理政府信息公开申请情况"]
    lines += render_requests(rows["requests"], cells)
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况"]
    lines += render_appeals(appeals)
    lines += [
        "",
        "五、存在的主要问题及改进情况",
        "一是公开内容还不够全面；二是解读形式还不够丰富。下一步将加强培训，提升公开质量。",
        "六、其他需要报告的事项",
        "无。",
        "",
        agency,
        f"{year + 1}年1月20日",
    ]
    return "\n".join(lines) + "\n"


def outcome_rows(version):
    rows, _ = load_rows(version)
    skip = {"received", "carried_over", "total", "carried_forward"}
    return [key for key, _, _, _ in rows["requests"] if key not in skip]


def series(rng, names, years, defects):
    """One agency's reports: year → (agency name, text). `defects` names the planted ones."""
    carried = {c: 0 for c in APPLICANTS}
    prior = {r: rng.randint(3, 30) for r in ("licensing", "other_services", "penalties",
                                             "enforcement", "fees")}
    in_force = {"regulations": 0, "normative_documents": rng.randint(5, 40)}
    reports = {}
    for year in years:
        version = "2019" if year <= 2020 else "2021"
        carried_in = dict(carried)
        if defects.get("broken_carry_over") == year:
            carried_in["natural_person"] += 2
        cells = requests_table(rng, outcome_rows(version), carried_in)
        if version == "2019":
            active = active_2019(rng, prior)
            if defects.get("misfill") == year:
                p, change, _ = active["penalties"]
                active["penalties"] = [p, change, p + change]
            for r in prior:
                prior[r] = active[r][0] + active[r][1]
        else:
            active = active_2021(rng, in_force)
            for r in in_force:
                in_force[r] = active[r][2]
        carried = {c: cells[("carried_forward", c)] for c in APPLICANTS}
        name = names[year]
        reports[year] = (name, render_report(name, year, version, active, cells, appeals_row(rng)))
    return reports


AGENCIES = [
    ("transport", {y: "青山县交通运输局" for y in range(2019, 2024)}, {"broken_carry_over": 2022}),
    ("ecology", {2019: "青山县环境保护局", 2020: "青山县环境保护局", 2021: "青山县生态环境局",
                 2022: "青山县生态环境局"}, {}),
    ("market", {2019: "青山县市场监督管理局", 2020: "青山县市场监督管理局"}, {"misfill": 2020}),
]


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "corpus", "audit")
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20190)
    for slug, names, defects in AGENCIES:
        for year, (_, text) in series(rng, names, sorted(names), defects).items():
            path = os.path.join(out_dir, f"{year}-{slug}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            print(path)


if __name__ == "__main__":
    main()
