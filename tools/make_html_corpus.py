#!/usr/bin/env python3
"""Writes the HTML test corpus (corpus/html/) and its golden files.

Four saved government pages with fictitious agencies and figures, each exercising what the HTML
reader must survive (issue 5):

  2019-gbk-county-bureau.html       GBK bytes declared gb2312 by http-equiv; navigation, sidebar,
                                    breadcrumb, metadata box and footer around a 2019-template
                                    report inside nested layout tables; &nbsp; blanks; signed
                                    changes; a unit in a cell (186000元); <br /> in headers.
  2021-utf8-city-office.html        UTF-8 HTML5 (<meta charset>), header/nav/article/footer, title
                                    <h1> outside the content <div>, borderless tables with
                                    <thead>, <p> inside cells, 商业<br>企业, fee in 万元, `/`.
  2022-big5-traditional.html        Big5 bytes, Traditional characters (made with ICU's uconv
                                    Simplified-Traditional), 2021 template.
  2022-split-spans-misdeclared.html Word-exported HTML (MsoNormal, <o:p>) whose digits are split
                                    over several <span>s, declared charset=utf-8 while the bytes
                                    are GBK.
  2020-broken-markup-layout-rows.html
                                    UTF-8 with a BOM and no declaration; each section in its own
                                    row of a framing table; upper-case tags, unquoted attributes,
                                    unclosed <td>/<p>, stray </td>, comments inside tables;
                                    borderless tables; the 总计 column left empty on the 办理结果
                                    rows (blank, as on Shanghai's 2019 page), 2019 template.
  2019-word-misaligned-columns-note.html
                                    Word "save as web page" (UTF-8): the settings comment
                                    <!--[if gte mso 9]>…<![endif]--> in the head, a hidden
                                    <![if !supportMisalignedColumns]> row closing every table, a
                                    note of over 200 characters in the last row of table 三, and
                                    blank (&nbsp;) cells, 2019 template.

Every template identity (FORMATS.md §5.1: T3-1, T3-2, T3-3, T4-1) holds in every document; the
script checks them before writing. Run from the repository root:  python3 tools/make_html_corpus.py
"""
import json
import pathlib
import random
import subprocess

OUT = pathlib.Path(__file__).resolve().parent.parent / "corpus" / "html"

T3_COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org",
           "total"]
T3_DENIED = [("denied_state_secret", "1.属于国家秘密"),
             ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
             ("denied_security_stability", "3.危及“三安全一稳定”"),
             ("denied_third_party", "4.保护第三方合法权益"),
             ("denied_internal_affairs", "5.属于三类内部事务信息"),
             ("denied_process_info", "6.属于四类过程性信息"),
             ("denied_enforcement_file", "7.属于行政执法案卷"),
             ("denied_query_matter", "8.属于行政查询事项")]
T3_UNAVAILABLE = [("unavailable_not_held", "1.本机关不掌握相关政府信息"),
                  ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
                  ("unavailable_unclear", "3.补正后申请内容仍不明确")]
T3_UNPROCESSED = [("unprocessed_petition", "1.信访举报投诉类申请"),
                  ("unprocessed_duplicate", "2.重复申请"),
                  ("unprocessed_publication", "3.要求提供公开出版物"),
                  ("unprocessed_excessive", "4.无正当理由大量反复申请"),
                  ("unprocessed_confirmation", "5.要求行政机关确认或重新出具已获取信息")]
T3_OTHER_2021 = [("other_no_correction",
                  "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                 ("other_unpaid_fee",
                  "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                 ("other_misc", "3.其他")]
T4_BLOCKS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]


def outcome_rows(template):
    rows = ["granted", "partially_granted"] + [r for r, _ in T3_DENIED] + \
           [r for r, _ in T3_UNAVAILABLE] + [r for r, _ in T3_UNPROCESSED]
    rows += ["other"] if template == "2019" else [r for r, _ in T3_OTHER_2021]
    return rows


def make_requests(rng, template, busy):
    """Table 三 figures with T3-1/T3-2/T3-3 holding; `busy` makes the numbers larger."""
    fig = {}
    rows = outcome_rows(template)
    for col in T3_COLS[:-1]:
        weight = 6 if col == "natural_person" else 2
        total = 0
        for r in rows:
            v = rng.randint(0, weight * busy) if rng.random() < 0.55 else 0
            fig[f"requests.{r}.{col}"] = v
            total += v
        fig[f"requests.total.{col}"] = total
        carried_forward = rng.randint(0, 2 * busy) if rng.random() < 0.5 else 0
        carried_over = rng.randint(0, min(total + carried_forward, 2 * busy))
        fig[f"requests.carried_forward.{col}"] = carried_forward
        fig[f"requests.carried_over.{col}"] = carried_over
        fig[f"requests.received.{col}"] = total + carried_forward - carried_over
    for r in ["received", "carried_over"] + rows + ["total", "carried_forward"]:
        fig[f"requests.{r}.total"] = sum(fig[f"requests.{r}.{c}"] for c in T3_COLS[:-1])
    return fig


def make_appeals(rng):
    fig = {}
    for b in T4_BLOCKS:
        parts = [rng.randint(0, 4) for _ in range(4)]
        for c, v in zip(T4_COLS, parts):
            fig[f"appeals.{b}.{c}"] = v
        fig[f"appeals.{b}.total"] = sum(parts)
    return fig


def check_identities(fig, template):
    """A blank 总计 leaves its identity unassessable, as it does for the checks."""
    rows = outcome_rows(template)
    num = lambda k: 0 if fig[k] == "blank" else fig[k]
    for c in T3_COLS:
        assert num(f"requests.received.{c}") + num(f"requests.carried_over.{c}") == \
            num(f"requests.total.{c}") + num(f"requests.carried_forward.{c}"), ("T3-1", c)
        if any(fig[f"requests.{r}.{c}"] == "blank" for r in rows):
            continue
        assert sum(num(f"requests.{r}.{c}") for r in rows) == num(f"requests.total.{c}"), c
    for r in ["received", "carried_over"] + rows + ["total", "carried_forward"]:
        if fig[f"requests.{r}.total"] == "blank":
            continue
        assert sum(num(f"requests.{r}.{c}") for c in T3_COLS[:-1]) == \
            num(f"requests.{r}.total"), ("T3-3", r)
    for b in T4_BLOCKS:
        assert sum(num(f"appeals.{b}.{c}") for c in T4_COLS[:-1]) == num(f"appeals.{b}.total")


# --- rendering -------------------------------------------------------------------------------

class Style:
    """How a page writes its cells: `value(text)` for figures, `label(text)` for labels."""

    def value(self, text):
        return text

    def label(self, text):
        return text

    def td(self, content, rowspan=1, colspan=1, head=False):
        tag = "th" if head else "td"
        attrs = ""
        if rowspan > 1:
            attrs += f' rowspan="{rowspan}"'
        if colspan > 1:
            attrs += f' colspan="{colspan}"'
        return f"<{tag}{attrs}>{content}</{tag}>"


class WordStyle(Style):
    """Word's "save as web page": every cell a <p class=MsoNormal>, runs split into <span>s, digit
    by digit where Word's spell checker or a font change cut them."""

    def value(self, text):
        if text == "&nbsp;":
            return "<p class=MsoNormal align=center><span lang=EN-US>&nbsp;</span></p>"
        runs = "".join(f"<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New "
                       f"Roman\"'>{ch}</span>" for ch in text)
        return f"<p class=MsoNormal align=center style='text-align:center'>{runs}<span " \
               f"lang=EN-US><o:p></o:p></span></p>"

    def label(self, text):
        return f"<p class=MsoNormal><span style='font-family:宋体'>{text}</span></p>"

    def td(self, content, rowspan=1, colspan=1, head=False):
        attrs = " width=60 valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'"
        if rowspan > 1:
            attrs = f" rowspan={rowspan}" + attrs
        if colspan > 1:
            attrs = f" colspan={colspan}" + attrs
        return f"<td{attrs}>\n  {content}\n  </td>"


class ParagraphStyle(Style):
    """CMS editors that wrap each cell's text in <p>."""

    def value(self, text):
        return f"<p style=\"text-align:center\">{text}</p>"


def fmt(fig, key, blanks=()):
    v = fig[key]
    if key in blanks or v == "blank":
        return "&nbsp;"
    if isinstance(v, str):
        return v
    return str(v)


def t2_2019(fig, s, raw_cells):
    def row(label, keys):
        cells = [s.td(s.label(label))]
        spans = [1, 2, 1] if len(keys) == 3 else [2, 2]
        for k, span in zip(keys, spans):
            cells.append(s.td(s.value(raw_cells.get(k, fmt(fig, k))), colspan=span))
        return "<tr>" + "".join(cells) + "</tr>"

    def head(labels):
        spans = [1, 2, 1] if len(labels) == 3 else [2, 2]
        return "<tr>" + s.td(s.label("信息内容")) + "".join(
            s.td(s.label(l), colspan=sp) for l, sp in zip(labels, spans)) + "</tr>"

    def title(t):
        return "<tr>" + s.td(s.label(t), colspan=5) + "</tr>"

    k = lambda r, cols: [f"active.{r}.{c}" for c in cols]
    return "\n".join([
        title("第二十条第（一）项"), head(["本年新<br />制作数量", "本年新<br />公开数量", "对外公开<br />总数量"]),
        row("规章", k("regulations", ["made", "published", "total_published"])),
        row("规范性文件", k("normative_documents", ["made", "published", "total_published"])),
        title("第二十条第（五）项"), head(["上一年项目数量", "本年增/减", "处理决定数量"]),
        row("行政许可", k("licensing", ["prior_count", "change", "decisions"])),
        row("其他对外管理服务事项", k("other_services", ["prior_count", "change", "decisions"])),
        title("第二十条第（六）项"), head(["上一年项目数量", "本年增/减", "处理决定数量"]),
        row("行政处罚", k("penalties", ["prior_count", "change", "decisions"])),
        row("行政强制", k("enforcement", ["prior_count", "change", "decisions"])),
        title("第二十条第（八）项"), head(["上一年项目数量", "本年增/减"]),
        row("行政事业性收费", k("fees", ["prior_count", "change"])),
        title("第二十条第（九）项"), head(["采购项目数量", "采购总金额"]),
        row("政府集中采购", k("procurement", ["projects", "amount"])),
    ])


def t2_2021(fig, s, raw_cells):
    def row(label, keys):
        if len(keys) == 3:
            cells = [s.td(s.value(raw_cells.get(key, fmt(fig, key)))) for key in keys]
        else:
            cells = [s.td(s.value(raw_cells.get(keys[0], fmt(fig, keys[0]))), colspan=3)]
        return "<tr>" + s.td(s.label(label)) + "".join(cells) + "</tr>"

    def title(t):
        return "<tr>" + s.td(s.label(t), colspan=4) + "</tr>"

    def head(labels):
        if len(labels) == 1:
            return "<tr>" + s.td(s.label("信息内容")) + s.td(s.label(labels[0]), colspan=3) + "</tr>"
        return "<tr>" + "".join(s.td(s.label(l)) for l in ["信息内容"] + labels) + "</tr>"

    cols = ["issued", "repealed", "in_force"]
    return "\n".join([
        title("第二十条第（一）项"), head(["本年制发件数", "本年废止件数", "现行有效件数"]),
        row("规章", [f"active.regulations.{c}" for c in cols]),
        row("行政规范性文件", [f"active.normative_documents.{c}" for c in cols]),
        title("第二十条第（五）项"), head(["本年处理决定数量"]),
        row("行政许可", ["active.licensing.decisions"]),
        title("第二十条第（六）项"), head(["本年处理决定数量"]),
        row("行政处罚", ["active.penalties.decisions"]),
        row("行政强制", ["active.enforcement.decisions"]),
        title("第二十条第（八）项"), head(["本年收费金额（单位：万元）"]),
        row("行政事业性收费", ["active.fees.amount"]),
    ])


def t3(fig, s, template, blanks, thead=False, split_headers=False):
    br = "<br>" if split_headers else ""
    header = [
        "<tr>" + s.td(s.label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
                      rowspan=3, colspan=3, head=thead) +
        s.td(s.label("申请人情况"), colspan=7, head=thead) + "</tr>",
        "<tr>" + s.td(s.label("自然人"), rowspan=2, head=thead) +
        s.td(s.label("法人或其他组织"), colspan=5, head=thead) +
        s.td(s.label("总计"), rowspan=2, head=thead) + "</tr>",
        "<tr>" + "".join(s.td(s.label(l), head=thead) for l in
                         [f"商业{br}企业", f"科研{br}机构", f"社会公益{br}组织", f"法律服务{br}机构", "其他"]) +
        "</tr>",
    ]

    def values(r):
        return "".join(s.td(s.value(fmt(fig, f"requests.{r}.{c}", blanks))) for c in T3_COLS)

    body = []
    body.append("<tr>" + s.td(s.label("一、本年新收政府信息公开申请数量"), colspan=3) +
                values("received") + "</tr>")
    body.append("<tr>" + s.td(s.label("二、上年结转政府信息公开申请数量"), colspan=3) +
                values("carried_over") + "</tr>")
    result_rows = 20 if template == "2019" else 22
    body.append("<tr>" + s.td(s.label("三、本年度办理结果"), rowspan=result_rows) +
                s.td(s.label("（一）予以公开"), colspan=2) + values("granted") + "</tr>")
    body.append("<tr>" + s.td(s.label("（二）部分公开（区分处理的，只计这一情形，不计其他情形）"), colspan=2) +
                values("partially_granted") + "</tr>")
    for group, rows in (("（三）不予公开", T3_DENIED), ("（四）无法提供", T3_UNAVAILABLE),
                        ("（五）不予处理", T3_UNPROCESSED)):
        for i, (r, label) in enumerate(rows):
            first = s.td(s.label(group), rowspan=len(rows)) if i == 0 else ""
            body.append("<tr>" + first + s.td(s.label(label)) + values(r) + "</tr>")
    if template == "2019":
        body.append("<tr>" + s.td(s.label("（六）其他处理"), colspan=2) + values("other") + "</tr>")
    else:
        for i, (r, label) in enumerate(T3_OTHER_2021):
            first = s.td(s.label("（六）其他处理"), rowspan=3) if i == 0 else ""
            body.append("<tr>" + first + s.td(s.label(label)) + values(r) + "</tr>")
    body.append("<tr>" + s.td(s.label("（七）总计"), colspan=2) + values("total") + "</tr>")
    body.append("<tr>" + s.td(s.label("四、结转下年度继续办理"), colspan=3) +
                values("carried_forward") + "</tr>")
    if thead:
        return "<thead>\n" + "\n".join(header) + "\n</thead>\n<tbody>\n" + "\n".join(body) + \
               "\n</tbody>"
    return "\n".join(header + body)


def t4(fig, s, blanks):
    labels = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    rows = [
        "<tr>" + s.td(s.label("行政复议"), colspan=5) + s.td(s.label("行政诉讼"), colspan=10) + "</tr>",
        "<tr>" + "".join(s.td(s.label(l), rowspan=2) for l in labels) +
        s.td(s.label("未经复议直接起诉"), colspan=5) + s.td(s.label("复议后起诉"), colspan=5) + "</tr>",
        "<tr>" + "".join(s.td(s.label(l)) for l in labels * 2) + "</tr>",
        "<tr>" + "".join(s.td(s.value(fmt(fig, f"appeals.{b}.{c}", blanks)))
                         for b in T4_BLOCKS for c in T4_COLS) + "</tr>",
    ]
    return "\n".join(rows)


def golden(name, report, fig):
    return {"document": name, "report": report, "figures": fig}


def write(name, html, encoding, report, fig):
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / name).write_bytes(html.encode(encoding))
    (OUT / (name + ".golden.json")).write_text(
        json.dumps(golden(name, report, fig), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8")


def to_traditional(text):
    return subprocess.run(["uconv", "-x", "Simplified-Traditional"], input=text.encode("utf-8"),
                          capture_output=True, check=True).stdout.decode("utf-8")


# --- page 1: GBK, 2019 template, chrome all around ---------------------------------------------

def page_gbk_2019():
    rng = random.Random(2019)
    agency = "青禾县农业农村局"
    fig = {
        "active.regulations.made": 0, "active.regulations.published": 0,
        "active.regulations.total_published": 0,
        "active.normative_documents.made": 3, "active.normative_documents.published": 3,
        "active.normative_documents.total_published": 17,
        "active.licensing.prior_count": 24, "active.licensing.change": 3,
        "active.licensing.decisions": 312,
        "active.other_services.prior_count": 9, "active.other_services.change": -1,
        "active.other_services.decisions": 46,
        "active.penalties.prior_count": 31, "active.penalties.change": 2,
        "active.penalties.decisions": 58,
        "active.enforcement.prior_count": 6, "active.enforcement.change": 0,
        "active.enforcement.decisions": 4,
        "active.fees.prior_count": 2, "active.fees.change": 0,
        "active.procurement.projects": 7, "active.procurement.amount": 186000,
    }
    raw = {"active.licensing.change": "+3", "active.other_services.change": "-1",
           "active.penalties.change": "+2", "active.procurement.amount": "186000元"}
    fig.update(make_requests(rng, "2019", 2))
    fig.update(make_appeals(rng))
    # The site leaves zero cells of a few rows empty (&nbsp;): those are blank, not 0.
    blanks = {k for k, v in fig.items() if v == 0 and (
        k.startswith("requests.denied_") or k.startswith("requests.unprocessed_"))}
    check_identities(fig, "2019")
    s = Style()
    title = f"2019年{agency}政府信息公开工作年度报告"
    nav = "".join(f'<li><a href="/{i}.html">{t}</a></li>' for i, t in enumerate(
        ["首页", "机构概况", "政务公开", "政府信息公开年报", "互动交流", "办事服务"]))
    side = "".join(f'<tr><td class="side"><a href="/nb{y}.html">{y}年{agency}政府信息公开工作年度报告</a>'
                   f'</td></tr>' for y in (2018, 2017, 2016))
    report = f"""
<p align="center"><strong><font size="4">{title}</font></strong></p>
<p>　　本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）要求编制。报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。</p>
<p><strong>一、总体情况</strong></p>
<p>　　2019年，{agency}认真贯彻落实新修订的《条例》，全年通过门户网站主动公开政府信息1,286条，其中农业政策类213条，办理依申请公开65件。</p>
<p>　　（一）主动公开。围绕乡村振兴、农产品质量安全等重点领域，及时公开相关信息。</p>
<p>　　（二）依申请公开。规范办理流程，按时答复率100%。</p>
<p><strong>二、主动公开政府信息情况</strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="600" align="center">
{t2_2019(fig, s, raw)}
</table>
<p><strong>三、收到和处理政府信息公开申请情况</strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="600" align="center">
{t3(fig, s, "2019", blanks)}
</table>
<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>
<table border="1" cellspacing="0" cellpadding="0" width="600" align="center">
{t4(fig, s, blanks)}
</table>
<p><strong>五、存在的主要问题及改进情况</strong></p>
<p>　　一是公开内容的深度还不够；二是解读回应的形式较单一。2020年，我局将进一步加强培训，提高公开质量。</p>
<p><strong>六、其他需要报告的事项</strong></p>
<p>　　无。</p>
<p align="right">{agency}</p>
<p align="right">2020年1月20日</p>
"""
    html = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{title}_青禾县人民政府</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>一、总体情况</div>");</script>
<style>td {{ font-size: 12px; }} .nav li {{ float: left; }}</style>
</head>
<body>
<div id="top"><img src="/images/banner.jpg" alt="青禾县人民政府" /></div>
<div class="nav"><ul>{nav}</ul></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">
  <tr>
    <td width="220" valign="top">
      <table width="100%" border="0" class="sidebar">
        <tr><td class="side-title">年报目录</td></tr>
        {side}
      </table>
    </td>
    <td width="780" valign="top">
      <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/nb/">政府信息公开年报</a></div>
      <table class="xxgk-meta" width="100%" border="1" cellspacing="0">
        <tr><td>索引号：</td><td>QH-0123-2020-00012</td><td>主题分类：</td><td>政务公开</td></tr>
        <tr><td>发布机构：</td><td>{agency}</td><td>发文日期：</td><td>2020-01-21</td></tr>
        <tr><td>标　　题：</td><td colspan="3">{title}</td></tr>
      </table>
      <table width="100%" border="0"><tr><td class="content">
{report}
      </td></tr></table>
      <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    </td>
  </tr>
</table>
<div class="footer"><p>主办：青禾县人民政府办公室　版权所有　备案号：某ICP备00000000号</p></div>
<script>document.write('<p>二、主动公开政府信息情况</p>');</script>
</body>
</html>
"""
    out = {k: ("blank" if k in blanks else v) for k, v in fig.items()}
    write("2019-gbk-county-bureau.html", html, "gbk",
          {"year": 2019, "template": "2019", "agency": agency}, out)


# --- page 2: UTF-8, 2021 template, HTML5 ---------------------------------------------------------

def page_utf8_2021():
    rng = random.Random(2021)
    agency = "临江市司法局"
    fig = {
        "active.regulations.issued": 0, "active.regulations.repealed": 0,
        "active.regulations.in_force": 0,
        "active.normative_documents.issued": 4, "active.normative_documents.repealed": 1,
        "active.normative_documents.in_force": 23,
        "active.licensing.decisions": 1375, "active.penalties.decisions": 0,
        "active.enforcement.decisions": "n/a", "active.fees.amount": 123500,
    }
    raw = {"active.enforcement.decisions": "/", "active.fees.amount": "12.35"}
    fig.update(make_requests(rng, "2021", 5))
    fig.update(make_appeals(rng))
    check_identities(fig, "2021")
    s = ParagraphStyle()
    title = f"{agency}2021年政府信息公开工作年度报告"
    html = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - 临江市人民政府门户网站</title>
<style>table.report{{border-collapse:collapse}} table.report td, table.report th{{border:1px solid #999}}</style>
</head>
<body>
<header class="site-header"><div class="logo">临江市人民政府</div>
<nav><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/hd/">互动</a></nav></header>
<div class="breadcrumb">您现在的位置：首页 &gt; 信息公开 &gt; 年度报告</div>
<main>
<ul class="xxgk-meta">
  <li><span>索引号：</span>LJ-SFJ-2022-0007</li>
  <li><span>发布机构：</span>{agency}</li>
  <li><span>发布日期：</span>2022-01-28 09:30</li>
</ul>
<h1 class="article-title">{title}</h1>
<div class="article-tools">字号：<a>大</a> <a>中</a> <a>小</a> 分享到：<a>微信</a></div>
<article id="zoom">
<p>本报告依据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》编制。</p>
<h2>一、总体情况</h2>
<p>2021年，市司法局共主动公开政府信息2,140条，受理依申请公开{fig["requests.received.total"]}件。</p>
<h2>二、主动公开政府信息情况</h2>
<table class="report" border="0" cellspacing="0" cellpadding="4">
<tbody>
{t2_2021(fig, s, raw)}
</tbody>
</table>
<h2>三、收到和处理政府信息公开申请情况</h2>
<table class="report" border="0" cellspacing="0" cellpadding="4">
{t3(fig, s, "2021", set(), thead=True, split_headers=True)}
</table>
<h2>四、政府信息公开行政复议、行政诉讼情况</h2>
<table class="report" border="0" cellspacing="0" cellpadding="4">
{t4(fig, s, set())}
</table>
<h2>五、存在的主要问题及改进情况</h2>
<p>主动公开的及时性有待提高。下一步将完善信息发布审核机制。</p>
<h2>六、其他需要报告的事项</h2>
<p>本年度未收取信息处理费。</p>
<p style="text-align:right">{agency}<br>2022年1月25日</p>
</article>
</main>
<footer><p>临江市人民政府办公室主办 版权所有</p><p>联系电话：0000-0000000</p></footer>
<script src="/js/share.js"></script>
</body>
</html>
"""
    write("2021-utf8-city-office.html", html, "utf-8",
          {"year": 2021, "template": "2021", "agency": agency}, fig)


# --- page 3: Big5, Traditional characters, 2021 template -----------------------------------------

def page_big5_traditional():
    rng = random.Random(2022)
    agency = "白石市司法局"  # the same characters in Traditional and Simplified
    fig = {
        "active.regulations.issued": 0, "active.regulations.repealed": 0,
        "active.regulations.in_force": 0,
        "active.normative_documents.issued": 2, "active.normative_documents.repealed": 0,
        "active.normative_documents.in_force": 11,
        "active.licensing.decisions": 86, "active.penalties.decisions": 12,
        "active.enforcement.decisions": 0, "active.fees.amount": 0,
    }
    fig.update(make_requests(rng, "2021", 3))
    fig.update(make_appeals(rng))
    check_identities(fig, "2021")
    s = Style()
    title = f"{agency}2022年政府信息公开工作年度报告"
    simplified = f"""<html>
<head>
<meta charset="big5">
<title>{title}</title>
</head>
<body>
<div id="header"><a href="/">网站首页</a> | <a href="/gk/">政务公开</a> | <a href="/big5/">繁体版</a></div>
<div id="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>
<div class="meta">发布机构：{agency}　发文日期：2023-01-16　索引号：BS-2023-0003</div>
<div id="content">
<div class="title">{title}</div>
<div class="text">
<p>一、总体情况</p>
<p>2022年，我局认真落实政府信息公开各项工作要求，主动公开各类信息856条。</p>
<p>二、主动公开政府信息情况</p>
<table border="1" cellspacing="0">
{t2_2021(fig, s, {})}
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1" cellspacing="0">
{t3(fig, s, "2021", set())}
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<table border="1" cellspacing="0">
{t4(fig, s, set())}
</table>
<p>五、存在的主要问题及改进情况</p>
<p>政策解读形式较为单一，将在新的一年加以改进。</p>
<p>六、其他需要报告的事项</p>
<p>无。</p>
</div>
</div>
<div id="footer">白石市人民政府 主办</div>
</body>
</html>
"""
    html = to_traditional(simplified)
    write("2022-big5-traditional.html", html, "big5",
          {"year": 2022, "template": "2021", "agency": agency}, fig)


# --- page 4: Word HTML, digits split over spans, declared utf-8 but GBK ---------------------------

def page_split_spans_misdeclared():
    rng = random.Random(2023)
    agency = "云杉区住房和城乡建设局"
    fig = {
        "active.regulations.issued": 0, "active.regulations.repealed": 0,
        "active.regulations.in_force": 0,
        "active.normative_documents.issued": 5, "active.normative_documents.repealed": 2,
        "active.normative_documents.in_force": 38,
        "active.licensing.decisions": 2604, "active.penalties.decisions": 117,
        "active.enforcement.decisions": 13, "active.fees.amount": 964500,
    }
    raw = {"active.fees.amount": "96.45"}
    fig.update(make_requests(rng, "2021", 12))
    fig.update(make_appeals(rng))
    check_identities(fig, "2021")
    s = WordStyle()
    title = f"{agency}2022年政府信息公开工作年度报告"

    def para(text, bold=False):
        inner = f"<b><span style='font-family:黑体'>{text}</span></b>" if bold else \
            f"<span style='font-family:仿宋_GB2312'>{text}</span>"
        return f"<p class=MsoNormal style='text-indent:32.0pt'>{inner}<span lang=EN-US><o:p></o:p></span></p>"

    table_attrs = "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'"
    html = f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {{margin:0cm; font-size:10.5pt;}} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>{agency}</span></b><b><span lang=EN-US style='font-size:22.0pt'>2022</span></b><b><span style='font-size:22.0pt'>年政府信息公开工作年度报告</span></b></p>
{para("一、总体情况", True)}
{para("2022年，我局持续深化政务公开，全年主动公开信息1,052条。")}
{para("二、主动公开政府信息情况", True)}
<table {table_attrs}>
{t2_2021(fig, s, raw)}
</table>
{para("三、收到和处理政府信息公开申请情况", True)}
<table {table_attrs}>
{t3(fig, s, "2021", set())}
</table>
{para("四、政府信息公开行政复议、行政诉讼情况", True)}
<table {table_attrs}>
{t4(fig, s, set())}
</table>
{para("五、存在的主要问题及改进情况", True)}
{para("部分科室对公开工作重视不够，将加强考核。")}
{para("六、其他需要报告的事项", True)}
{para("无。")}
</div>
</body>
</html>
"""
    write("2022-split-spans-misdeclared.html", html, "gbk",
          {"year": 2022, "template": "2021", "agency": agency}, fig)


# --- page 5: broken markup, layout rows, BOM, blank totals ---------------------------------------

class SloppyStyle(Style):
    """Hand-edited CMS markup: upper-case tags, unquoted attributes, cells never closed."""

    def td(self, content, rowspan=1, colspan=1, head=False):
        attrs = ""
        if rowspan > 1:
            attrs += f" ROWSPAN={rowspan}"
        if colspan > 1:
            attrs += f" COLSPAN={colspan}"
        return f"<TD{attrs} style=border:none>{content}"


def page_broken_markup_2020():
    rng = random.Random(2020)
    agency = "石门镇人民政府"
    fig = {
        "active.regulations.made": 0, "active.regulations.published": 0,
        "active.regulations.total_published": 0,
        "active.normative_documents.made": 1, "active.normative_documents.published": 1,
        "active.normative_documents.total_published": 6,
        "active.licensing.prior_count": 0, "active.licensing.change": 0,
        "active.licensing.decisions": 0,
        "active.other_services.prior_count": 12, "active.other_services.change": 1,
        "active.other_services.decisions": 230,
        "active.penalties.prior_count": 3, "active.penalties.change": 0,
        "active.penalties.decisions": 5,
        "active.enforcement.prior_count": 0, "active.enforcement.change": 0,
        "active.enforcement.decisions": 0,
        "active.fees.prior_count": 0, "active.fees.change": 0,
        "active.procurement.projects": 2, "active.procurement.amount": 38500,
    }
    raw = {"active.other_services.change": "+1"}
    fig.update(make_requests(rng, "2019", 1))
    fig.update(make_appeals(rng))
    check_identities(fig, "2019")
    # The 总计 column is left empty on every 办理结果 row except (七)总计.
    blanks = {f"requests.{r}.total" for r in outcome_rows("2019")}
    s = SloppyStyle()
    title = f"{agency}2020年政府信息公开工作年度报告"

    def section_row(inner):
        return f"<TR><TD>{inner}</TD></td></TR>"

    html = "\ufeff" + f"""<HTML><HEAD><TITLE>{title}</TITLE>
<SCRIPT language=javascript>function setFont(s){{document.getElementById('zoom').style.fontSize=s;}}</SCRIPT>
</HEAD>
<BODY leftMargin=0 topMargin=0>
<TABLE width=980 align=center><TR><TD class=topnav><A href=/>网站首页</A> | <A href=/gk>信息公开</A></TD></TR></TABLE>
<TABLE width=980 align=center border=0 id=zoom>
<TR><TD align=center><B>{title}</B></TD></TR>
<TR><TD>发布单位：{agency} 　发布时间：2021-01-15</TD></TR>
{section_row("<P>一、总体情况<P>2020年，石门镇共公开政府信息318条。")}
{section_row("<P>二、主动公开政府信息情况<TABLE cellSpacing=0 cellPadding=0 width=560><TBODY>" + t2_2019(fig, s, raw).replace("<tr>", "<TR><!-- row -->").replace("</tr>", "") + "</TBODY></TABLE>")}
{section_row("<P>三、收到和处理政府信息公开申请情况<TABLE cellSpacing=0 width=560><TBODY>" + t3(fig, s, "2019", blanks).replace("<tr>", "<TR>").replace("</tr>", "") + "</TBODY></TABLE>")}
{section_row("<P>四、政府信息公开行政复议、行政诉讼情况<TABLE cellSpacing=0 width=560>" + t4(fig, s, set()).replace("<tr>", "<TR>").replace("</tr>", "</TR>") + "</TABLE>")}
{section_row("<P>五、存在的主要问题及改进情况<P>公开内容不够全面，下一步加强培训。")}
{section_row("<P>六、其他需要报告的事项<P>无。")}
</TABLE>
<TABLE width=980 align=center><TR><TD class=foot>版权所有：石门镇人民政府</TD></TR></TABLE>
</BODY></HTML>
"""
    out = {k: ("blank" if k in blanks else v) for k, v in fig.items()}
    write("2020-broken-markup-layout-rows.html", html, "utf-8",
          {"year": 2020, "template": "2019", "agency": agency}, out)


# --- page 6: Word HTML with misaligned-column rows and a long note under table 三 ------------------

def misaligned_columns_row(cells):
    """The row Word adds for column widths, shown only where misaligned columns are unsupported."""
    return "<![if !supportMisalignedColumns]>\n<tr height=0>" + \
        "<td width=60 style='border:none'></td>" * cells + "</tr>\n<![endif]>"


def page_word_misaligned_note_2019():
    rng = random.Random(2024)
    agency = "柳溪县统计局"
    fig = {
        "active.regulations.made": 0, "active.regulations.published": 0,
        "active.regulations.total_published": 0,
        "active.normative_documents.made": 2, "active.normative_documents.published": 2,
        "active.normative_documents.total_published": 9,
        "active.licensing.prior_count": 0, "active.licensing.change": 0,
        "active.licensing.decisions": 0,
        "active.other_services.prior_count": 4, "active.other_services.change": 0,
        "active.other_services.decisions": 27,
        "active.penalties.prior_count": 5, "active.penalties.change": 1,
        "active.penalties.decisions": 14,
        "active.enforcement.prior_count": 0, "active.enforcement.change": 0,
        "active.enforcement.decisions": 0,
        "active.fees.prior_count": 0, "active.fees.change": 0,
        "active.procurement.projects": 1, "active.procurement.amount": 52000,
    }
    fig.update(make_requests(rng, "2019", 2))
    fig.update(make_appeals(rng))
    check_identities(fig, "2019")
    # Zero cells of the refusal rows are left empty (&nbsp;): blank, and placed only in a grid.
    blanks = {k for k, v in fig.items() if v == 0 and (
        k.startswith("requests.denied_") or k.startswith("requests.unavailable_"))}
    s = WordStyle()
    title = f"{agency}2019年政府信息公开工作年度报告"
    note = ("注：本表所列数据为本机关在统计期限内收到和处理政府信息公开申请的情况，申请人情况按照申请人身份"
            "分类统计，办理结果按照答复类型分类统计，同一申请涉及多种答复情形的只计一种情形，结转下年度"
            "继续办理的申请将在下一年度的报告中予以反映。本表中空白单元格表示该项没有发生，不另作说明。"
            "数据由本机关政府信息公开工作机构汇总，经分管负责同志审核后发布。如对本表数据有疑问，请在工作日"
            "内与本机关政府信息公开工作机构联系，我们将及时予以解答。")
    assert len(note.encode("utf-8")) > 600  # past the reader's prose limit for a layout table

    def para(text, bold=False):
        inner = f"<b><span style='font-family:黑体'>{text}</span></b>" if bold else \
            f"<span style='font-family:仿宋_GB2312'>{text}</span>"
        return f"<p class=MsoNormal style='text-indent:32.0pt'>{inner}</p>"

    table_attrs = "class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse'"
    note_row = "<tr>" + s.td(s.label(note), colspan=10) + "</tr>"
    html = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=Generator content="Microsoft Word 15">
<title>{title}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml><![endif]-->
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt'>{title}</span></b></p>
{para("一、总体情况", True)}
{para("2019年，我局全年主动公开政府信息412条，办理依申请公开{0}件。".format(fig["requests.received.total"]))}
{para("二、主动公开政府信息情况", True)}
<table {table_attrs}>
{t2_2019(fig, s, {})}
{misaligned_columns_row(5)}
</table>
{para("三、收到和处理政府信息公开申请情况", True)}
<table {table_attrs}>
{t3(fig, s, "2019", blanks)}
{note_row}
{misaligned_columns_row(10)}
</table>
{para("四、政府信息公开行政复议、行政诉讼情况", True)}
<table {table_attrs}>
{t4(fig, s, blanks)}
{misaligned_columns_row(15)}
</table>
{para("五、存在的主要问题及改进情况", True)}
{para("统计数据报送不够及时，将加强审核。")}
{para("六、其他需要报告的事项", True)}
{para("无。")}
</div>
</body>
</html>
"""
    out = {k: ("blank" if k in blanks else v) for k, v in fig.items()}
    write("2019-word-misaligned-columns-note.html", html, "utf-8",
          {"year": 2019, "template": "2019", "agency": agency}, out)


if __name__ == "__main__":
    page_gbk_2019()
    page_utf8_2021()
    page_big5_traditional()
    page_split_spans_misdeclared()
    page_broken_markup_2020()
    page_word_misaligned_note_2019()
    for p in sorted(OUT.glob("*.html")):
        print(p.name, p.stat().st_size)
