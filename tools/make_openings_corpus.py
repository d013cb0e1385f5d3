#!/usr/bin/env python3
"""Make corpus/openings/: small but realistic reports whose openings, titles and signature
blocks take the shapes real reports have (../shared/spec/FORMATS.md, ../shared/corpus/
VARIATIONS.md and excerpts), each with a golden file <document>.meta.json that states the
report's title, year and agency as a careful reader would give them, or null where the document
does not state one with certainty. tests/metadata/openings_test.cpp holds every record to its
golden exactly: right or null, never wrong.

Shapes drawn from the real material:
  - an opening sentence that refers to the agency only as 我办/我局 ("现将我办2022年度政府信息
    公开情况报告如下："), its name in the next sentence ("2022年，区政府办公室认真贯彻执行…");
  - the opening sentence standing where a title would, with no title at all;
  - flipbook pages (page caption "Page 9 - 2020年报_审计局", "P. 9"), whose prose has verb
    phrases such as 开展政府开放日活动 that no name is;
  - "现公布区统计局2023年政府信息公开工作年度报告。" as the only place naming the agency;
  - titles over two lines, titles with the year on a line of its own, titles in 《》, titles
    opening with 关于, template placeholders (2019年XX乡镇（部门）), breadcrumbs before them;
  - signature blocks: name over date, name and date on one line, two agencies signing;
  - saved web pages with a metadata box (发布机构, 来源, 发布日期) and page titles;
  - Word documents with the title split over two paragraphs, and a core title that is no title.

Run from the repository root:  python3 tools/make_openings_corpus.py
The output is deterministic.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_docx_corpus as mdc  # noqa: E402  (hand-written WordprocessingML)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "corpus", "openings")

HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项"]

CONDITION = "《中华人民共和国政府信息公开条例》（以下简称《条例》）"

# Table 二 of the 2021 template as one row a line (the pages-text shape of the Baotou excerpt).
TABLE2_ROWS = """第二十条第（一）项 | |||
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
规章 | 0 | 0 | 0 |
行政规范性文件 | {a} | {b} | {c} |
第二十条第（五）项 | |||
信息内容 | 本年处理决定数量 | ||
行政许可 | {d} | ||
第二十条第（六）项 | |||
信息内容 | 本年处理决定数量 | ||
行政处罚 | {e} | ||
行政强制 | 0 | ||
第二十条第（八）项 | |||
信息内容 | 本年收费金额（单位：万元） | ||
行政事业性收费 | 0 |"""


def table2(seed):
    return TABLE2_ROWS.format(a=seed % 5, b=seed % 3, c=10 + seed % 7, d=20 + seed,
                              e=seed % 4)


def sections(overview, self_ref="我局", seed=1, closing=None):
    """The six sections after the opening: `overview` is section 一's prose (paragraphs);
    the rest is the ordinary prose of a report that calls itself `self_ref`."""
    parts = [HEADINGS[0]] + overview
    parts += [HEADINGS[1],
              f"全年通过门户网站主动公开政府信息{40 + seed * 7}条，其中政策文件{seed + 3}件，"
              f"政策解读{seed + 1}篇。", table2(seed)]
    parts += [HEADINGS[2],
              f"本年度{self_ref}共收到政府信息公开申请{seed}件，均在法定期限内答复。"]
    parts += [HEADINGS[3], f"本年度{self_ref}未发生因政府信息公开引起的行政复议、行政诉讼案件。"]
    parts += [HEADINGS[4],
              "一是信息公开的及时性有待提高；二是政策解读形式还比较单一。下一步，"
              f"{self_ref}将进一步加强业务培训，丰富解读形式，持续提升公开质量。"]
    parts += [HEADINGS[5], f"本年度{self_ref}未收取信息处理费。"]
    if closing:
        parts += closing
    return parts


def text_doc(lines):
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- text documents

def text_documents():
    docs = []

    def add(name, lines, title, year, agency, shape):
        docs.append((name, text_doc(lines), {"title": title, "year": year, "agency": agency},
                     shape))

    add("2022-opening-wo-ban-name-next.txt",
        [f"根据{CONDITION}规定，现将我办2022年度政府信息公开情况报告如下："]
        + sections(["2022年，区政府办公室认真贯彻执行《条例》，坚持以公开为常态、不公开为例外，"
                    "全面推进决策、执行、管理、服务、结果公开。",
                    "（一）主动公开。全年主动公开政府信息126条。"], "我办", 2),
        None, 2022, "区政府办公室",
        "issue 17: the opening calls the agency 我办, the next sentence names it; no title")
    add("2022-opening-sentence-as-title.txt",
        ["根据《中华人民共和国政府信息公开条例》要求现将我办2022年度政府信息公开情况报告如下:"]
        + sections(["2022年,区政府办公室认真贯彻执行《条例》,扎实做好政府信息公开各项工作。"],
                   "我办", 3),
        None, 2022, "区政府办公室",
        "issue 17: the opening sentence (no comma, ends with a colon) stands where a title would")
    add("2020-flipbook-audit-bureau.txt",
        ["Page 9 - 2020年报_审计局", "P. 9"]
        + sections(["2020年，我局坚持把政府信息公开作为转变作风的重要抓手，"
                    "开展政府开放日活动，邀请人大代表、政协委员走进审计现场。",
                    "开展政府信息公开业务培训2次，组织政府开放日活动1次。"], "我局", 4),
        "2020年报_审计局", 2020, "审计局",
        "issue 17: flipbook page caption names the book 2020年报_审计局; prose says 开展政府开放日")
    add("2022-flipbook-caption-full-title.txt",
        ["Page 1 - 威海市文登区信访局2022年政府信息公开工作年度报告", "P. 1"]
        + sections(["总结我局本年度政府信息公开工作，公开信息数量明显增加，公开形式更加规范。"],
                   "我局", 5),
        "威海市文登区信访局2022年政府信息公开工作年度报告", 2022, "威海市文登区信访局",
        "the Wendeng flipbook shape (excerpt 2022_wendeng-xinfangju-flipbook-p8)")
    add("2023-opening-xian-gong-bu.txt",
        ["根据《中华人民共和国政府信息公开条例》规定，现公布区统计局2023年政府信息公开工作"
         "年度报告。本报告由总体情况、主动公开政府信息情况等六部分组成。"]
        + sections(["2023年，我局认真梳理，主动在门户网站公开政府信息50条。"], "我局", 6),
        None, 2023, "区统计局",
        "the Tongjiju excerpt shape: the agency only in 现公布…年度报告 of the opening sentence")
    add("2022-title-over-two-lines.txt",
        ["九原区政务服务局", "2022年政府信息公开工作年度报告"]
        + sections(["2022年，九原区政务服务局全面落实上级要求，进一步扩大政府信息主动公开范围。"],
                   "我局", 7),
        "九原区政务服务局2022年政府信息公开工作年度报告", 2022, "九原区政务服务局",
        "the Baotou excerpt shape: agency and year on two title lines")
    add("2021-title-year-on-own-line.txt",
        ["青山县审计局政府信息公开工作年度报告", "（2021年度）",
         "本报告根据《条例》要求编制，所列数据的统计期限自2021年1月1日起至2021年12月31日止。"]
        + sections(["2021年，县审计局坚持依法公开、真实公正、注重实效的原则，"
                    "认真做好政府信息公开工作。"], "我局", 8),
        "青山县审计局政府信息公开工作年度报告（2021年度）", 2021, "青山县审计局",
        "a title without its year, the year on the line under it")
    add("2019-placeholder-title-signed.txt",
        ["附件", "2019年XX乡镇（部门）政府信息公开工作", "", "年度报告"]
        + sections(["（一）工作开展情况。2019年，我镇按照上级政务公开工作要求，"
                    "进一步完善政务信息公开制度。"], "我镇", 9,
                   closing=["", "白沙镇人民政府", "2020年1月15日"]),
        "2019年XX乡镇（部门）政府信息公开工作年度报告", 2019, "白沙镇人民政府",
        "the seed's template placeholder title; the name only in the signature block")
    add("2022-signature-name-and-date-one-line.txt",
        ["2022年政府信息公开工作年度报告"]
        + sections(["2022年，我局坚持以人民为中心的发展思想，持续深化政务公开。"], "我局", 10,
                   closing=["", "东湖区水务局　　2023年1月18日"]),
        "2022年政府信息公开工作年度报告", 2022, "东湖区水务局",
        "signature name and date on one line, separated by ideographic spaces")
    add("2022-self-references-only.txt",
        ["2022年政府信息公开工作年度报告"]
        + sections(["2022年，本机关按照市政府办公室工作要点的要求，积极开展政府开放日活动，"
                    "我单位全体干部参与。", "按照市政府办公室要求，及时更新政府信息公开指南。"],
                   "我局", 11),
        "2022年政府信息公开工作年度报告", 2022, None,
        "only self-references (本机关, 我单位, 我局) and a superior as object: no agency is certain")
    add("2021-verb-phrase-clauses.txt",
        ["2021年政府信息公开工作年度报告"]
        + sections(["2021年，认真落实区政府部署，开展政府信息公开培训，组织政府开放日活动。",
                    "加强区政府网站建设，推进政府信息公开平台规范化。"], "我局", 12),
        "2021年政府信息公开工作年度报告", 2021, None,
        "clauses without a subject (开展政府…, 落实区政府…, 加强区政府…): no agency")
    add("2023-subject-after-leading-phrase.txt",
        ["2023年政府信息公开工作年度报告"]
        + sections(["2023年，在区委、区政府的坚强领导下，区审计局认真落实《条例》，"
                    "不断提高政府信息公开质量。"], "我局", 13),
        "2023年政府信息公开工作年度报告", 2023, "区审计局",
        "the subject after a phrase led by 在 (whose 区委、区政府 are no subject)")
    add("2022-breadcrumb-before-title.txt",
        ["首页 > 政务公开 > 政府信息公开年度报告", "当前位置：首页 > 年度报告",
         "南屏市生态环境局2022年政府信息公开工作年度报告", "发布时间：2023-01-20 09:30"]
        + sections(["2022年，我局深入贯彻《条例》，政府信息公开工作取得新成效。"], "我局", 14),
        "南屏市生态环境局2022年政府信息公开工作年度报告", 2022, "南屏市生态环境局",
        "breadcrumbs ending in 年度报告 before the title, and a publication line")
    add("2019-opening-subject-names-itself.txt",
        ["北江区交通运输局根据《中华人民共和国政府信息公开条例》规定，编制了2019年政府信息公开"
         "工作年度报告。全文包括总体情况、主动公开政府信息情况等六部分。"]
        + sections(["2019年，我局认真贯彻落实《条例》，着力推进重点领域信息公开。"], "我局", 15),
        None, 2019, "北江区交通运输局",
        "the opening sentence's subject is the agency's name; no title")
    add("2022-title-with-guanyu.txt",
        ["关于北江区交通运输局2022年度政府信息公开工作情况的报告"]
        + sections(["2022年，我局进一步健全政府信息公开工作机制。"], "我局", 16),
        "关于北江区交通运输局2022年度政府信息公开工作情况的报告", 2022, "北江区交通运输局",
        "a title opening with 关于 and ending with …的报告")
    add("2022-title-in-book-marks.txt",
        ["《玉泉县财政局2022年政府信息公开工作年度报告》"]
        + sections(["2022年，县财政局认真贯彻执行《条例》，全面推进预决算信息公开。"], "我局", 17),
        "玉泉县财政局2022年政府信息公开工作年度报告", 2022, "玉泉县财政局",
        "a title given in 《》 title marks")
    add("2021-cited-format-is-no-title.txt",
        ["（依据《中华人民共和国政府信息公开工作年度报告格式》编制）",
         "本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"]
        + sections(["2021年，我委坚持以公开促规范、以公开促服务。"], "我委", 18,
                   closing=["", "长河市卫生健康委员会", "2022年1月25日"]),
        None, 2021, "长河市卫生健康委员会",
        "a line naming a report only inside the title it cites is no title; name in signature")
    add("2022-joint-signature.txt",
        ["2022年政府信息公开工作年度报告"]
        + sections(["2022年，我办认真落实《条例》，政府信息公开工作平稳有序。"], "我办", 19,
                   closing=["", "中共白沙县委办公室", "白沙县人民政府办公室", "2023年1月30日"]),
        "2022年政府信息公开工作年度报告", 2022, None,
        "two agencies sign: which one the report is about is not certain")
    add("2019-township-wo-xiang.txt",
        [HEADINGS[0], "2019年，我乡明确专人负责政务内网及政务公开工作，以服务群众、贴近群众为"
         "着力点，较好地完成了政府网和政务信息公开等工作。"]
        + sections([], "我乡", 20)[1:],
        None, 2019, None,
        "the Xiongxian excerpt shape: no title, the agency only 我乡")
    add("2022-traditional-mirror-glosses.txt",
        ["首頁(yè) > 政府信息公開(kāi)",
         "區(qū)財政局2022年政府信息公開(kāi)工作年度報(bào)告"]
        + sections(["2022年，區(qū)財政局認真貫徹《條例》，推進預決算公開。"], "我局", 21),
        "区财政局2022年政府信息公开工作年度报告", 2022, "区财政局",
        "a mirror converted to Traditional characters with pinyin glosses (VARIATIONS E)")
    add("2020年报_西岭区审计局.txt",
        ["一、总体情况", "2020年，我局认真贯彻《条例》，做好政府信息公开工作。"]
        + sections([], "我局", 22)[1:],
        None, 2020, "西岭区审计局",
        "no title and no name in the text: the file's own name is the report's title")
    add("2021-title-names-it-body-shorter.txt",
        ["长河县人民政府办公室2021年政府信息公开工作年度报告"]
        + sections(["2021年，县政府办公室坚持以公开为常态，县发展改革局、县财政局配合做好"
                    "重点领域信息公开。"], "我办", 23),
        "长河县人民政府办公室2021年政府信息公开工作年度报告", 2021, "长河县人民政府办公室",
        "the title names the agency; other agencies named in the prose do not override it")
    add("2022-superior-as-subject-signed-chinese-date.txt",
        ["2022年政府信息公开工作年度报告"]
        + sections(["2022年，市政府高度重视政府信息公开工作，我局在市政府办公室的指导下，"
                    "认真落实《条例》各项要求。"], "我局", 24,
                   closing=["", "玉泉市人力资源和社会保障局", "二〇二三年一月十八日",
                            "（此件公开发布）"]),
        "2022年政府信息公开工作年度报告", 2022, "玉泉市人力资源和社会保障局",
        "the opening's subject is the superior government (市政府), no agency of the report; "
        "the signature, dated in Chinese numerals and followed by （此件公开发布）, names it")
    add("2022年度报告_长河区人民政府.txt",
        [HEADINGS[0], "2022年，我区持续深化政务公开，政府信息公开工作取得新进展。"]
        + sections([], "我区", 25)[1:],
        None, 2022, None,
        "the file's name ends with a government portal's name, which hosts its departments' "
        "reports too: no agency is certain")
    add("2022-title-government-single-zhengfu.txt",
        ["2022年青山县人民政府信息公开工作年度报告"]
        + sections(["2022年，县政府坚持以人民为中心，全面推进政务公开。"], "我县", 26),
        "2022年青山县人民政府信息公开工作年度报告", 2022, "青山县人民政府",
        "人民政府 running into 政府信息公开 with one 政府 (…人民政府信息公开…)")
    add("2022-superior-office-first-subject.txt",
        ["2022年政府信息公开工作年度报告"]
        + sections(["2022年，区政府办公室印发了政务公开工作要点，我局认真抓好落实，"
                    "全年主动公开政府信息60条。"], "我局", 27),
        "2022年政府信息公开工作年度报告", 2022, None,
        "the first sentence's subject is the office that set the work (区政府办公室); the report "
        "calls itself 我局, so that office is not its agency and none is named")
    return docs


# ----------------------------------------------------------------------------- HTML pages

def html_page(title, head_extra, body_lines, box=None):
    box_html = ""
    if box:
        cells = "".join(f"<td>{k}：</td><td>{v}</td>" for k, v in box)
        box_html = f'<table class="xxgk-box"><tr>{cells}</tr></table>\n'
    paras = "\n".join(f"<p>{line}</p>" if not line.startswith("<") else line
                      for line in body_lines)
    title_html = f"<title>{title}</title>" if title is not None else ""
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"{title_html}{head_extra}</head>\n<body>\n"
            '<div class="nav">首页 &gt; 信息公开 &gt; 年度报告</div>\n'
            f"{box_html}<div class=\"article\">\n{paras}\n</div>\n"
            '<div class="footer">主办单位：网站管理中心　技术支持：信息中心</div>\n'
            "</body></html>\n")


def html_table(rows_text):
    """Table 二 from its one-row-a-line form: one <td> per cell, merge padding dropped."""
    rows = []
    for line in rows_text.split("\n"):
        cells = [c.strip() for c in line.split("|")]
        cells = [c for c in cells if c]
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "<table border=\"1\">" + "".join(rows) + "</table>"


def html_sections(overview, self_ref="我局", seed=1, closing=None):
    return [html_table(line) if line.startswith("第二十条") else line
            for line in sections(overview, self_ref, seed, closing)]


def html_documents():
    docs = []

    def add(name, page, title, year, agency, shape):
        docs.append((name, page, {"title": title, "year": year, "agency": agency}, shape))

    add("2022-page-metadata-box.html",
        html_page("2022年政府信息公开工作年度报告_松涛区人民政府", "",
                  ["<h2>2022年政府信息公开工作年度报告</h2>"]
                  + html_sections(["2022年，我局坚持依法公开，持续推进审计结果公开。"], "我局", 3),
                  box=[("索引号", "11370000-2023-00012"), ("发布机构", "松涛区审计局"),
                       ("发布日期", "2023-01-20")]),
        "2022年政府信息公开工作年度报告", 2022, "松涛区审计局",
        "a page whose metadata box (发布机构) alone names the agency")
    add("2020-flipbook-page-title-only.html",
        html_page("2020年报_审计局", "",
                  html_sections(["2020年，我局积极开展政府开放日活动，主动公开政府信息35条。",
                                 "开展政府信息公开专题培训，组织政府开放日活动2次。"], "我局", 4)),
        "2020年报", 2020, None,
        "issue 17 as a page: the name stands only in <title> after its separator, which the HTML "
        "reader leaves out; 开展政府 is no agency, so null")
    add("2022-page-opening-wo-ban.html",
        html_page("政府信息公开工作年度报告_长河区人民政府", "",
                  [f"根据{CONDITION}规定，现将我办2022年度政府信息公开情况报告如下："]
                  + html_sections(["2022年，区政府办公室认真贯彻执行《条例》，"
                                   "扎实推进政务公开标准化规范化。"], "我办", 5)),
        "政府信息公开工作年度报告", 2022, "区政府办公室",
        "issue 17 as a page: the page title names the report but no agency; the opening 我办")
    add("2021-page-source-is-host-signature-names.html",
        html_page("2021年度政府信息公开工作年度报告", "",
                  ["<h2>2021年度政府信息公开工作年度报告</h2>"]
                  + html_sections(["2021年，我局认真贯彻《条例》，统计数据公开及时准确。"], "我局",
                                  6, closing=["青石市统计局", "2022年1月21日"]),
                  box=[("来源", "市政府办公室"), ("发布日期", "2022-01-24")]),
        "2021年度政府信息公开工作年度报告", 2021, "青石市统计局",
        "来源 names the office that posted the page; the signature block names the agency")
    add("2023-page-breadcrumb-and-title.html",
        html_page("云溪区水务局2023年政府信息公开工作年度报告 - 云溪区人民政府", "",
                  ["<div class=\"crumb\">当前位置：首页 &gt; 部门信息公开 &gt; 年度报告</div>",
                   "<h1>云溪区水务局2023年政府信息公开工作年度报告</h1>"]
                  + html_sections(["2023年，区水务局认真贯彻落实《条例》。"], "我局", 7)),
        "云溪区水务局2023年政府信息公开工作年度报告", 2023, "云溪区水务局",
        "a breadcrumb and a page title with the portal's name; the heading names the agency")
    add("2022-page-box-disagrees-title-wins.html",
        html_page("长河区卫生健康局2022年政府信息公开工作年度报告", "",
                  ["<h2>长河区卫生健康局2022年政府信息公开工作年度报告</h2>"]
                  + html_sections(["2022年，区卫生健康局认真贯彻《条例》，"
                                   "推进医疗卫生领域信息公开。"], "我局", 8),
                  box=[("发布机构", "长河区人民政府办公室"), ("发布日期", "2023-01-28")]),
        "长河区卫生健康局2022年政府信息公开工作年度报告", 2022, "长河区卫生健康局",
        "the metadata box names the office that published the page; the title names the agency")
    add("2022-page-box-self-reference.html",
        html_page("2022年政府信息公开工作年度报告", "",
                  ["<h2>2022年政府信息公开工作年度报告</h2>"]
                  + html_sections(["2022年，我局扎实推进政府信息公开工作，开展政府开放日活动。"],
                                  "我局", 9),
                  box=[("发布机构", "本局"), ("发布日期", "2023-01-29")]),
        "2022年政府信息公开工作年度报告", 2022, None,
        "the metadata box says only 本局: a self-reference, no name")
    add("2022-page-source-only-host.html",
        html_page("2022年政府信息公开工作年度报告", "",
                  ["<h2>2022年政府信息公开工作年度报告</h2>"]
                  + html_sections(["2022年，我局认真贯彻《条例》，推进政务公开标准化建设。"],
                                  "我局", 10),
                  box=[("来源", "长河区人民政府办公室"), ("发布日期", "2023-01-30")]),
        "2022年政府信息公开工作年度报告", 2022, None,
        "来源 names the office that posted the page, while the report calls itself 我局: "
        "no agency is certain")
    return docs


# ----------------------------------------------------------------------------- Word documents

def docx_body(lines):
    return "".join(mdc.para(line) for line in lines)


def docx_documents():
    docs = []

    def add(name, lines, core_title, title, year, agency, shape):
        docs.append((name, (lines, core_title), {"title": title, "year": year, "agency": agency},
                     shape))

    plain = [s for s in sections(["2022年，长河县农业农村局坚持以公开为常态，"
                                  "全面推进涉农政策信息公开。"], "我局", 8,
                                 closing=["", "长河县农业农村局", "2023年1月16日"])
             if not s.startswith("第二十条")]
    add("2022-docx-title-two-paragraphs.docx",
        ["长河县农业农村局", "2022年政府信息公开工作年度报告"] + plain, "",
        "长河县农业农村局2022年政府信息公开工作年度报告", 2022, "长河县农业农村局",
        "a Word document with the title in two paragraphs and a signature block")
    opening = [f"根据{CONDITION}规定，现将我局2022年度政府信息公开工作情况报告如下："] + [
        s for s in sections(["2022年，长河县自然资源局认真贯彻执行《条例》，持续推进"
                             "自然资源领域信息公开。"], "我局", 9)
        if not s.startswith("第二十条")]
    add("2022-docx-opening-wo-ju.docx", opening, "Microsoft Word - 文档1",
        None, 2022, "长河县自然资源局",
        "a Word document with no title paragraph and a core title that is no title")
    subject = [s for s in sections(["2023年，白沙县教育局坚持以公开促落实，全面推进教育领域"
                                    "政府信息公开。"], "我局", 10)
               if not s.startswith("第二十条")]
    add("2023-docx-generic-title-subject-opening.docx",
        ["2023年政府信息公开工作年度报告"] + subject, "2023年政府信息公开工作年度报告",
        "2023年政府信息公开工作年度报告", 2023, "白沙县教育局",
        "a Word document whose title names no agency; the opening sentence's subject does")
    return docs


# ----------------------------------------------------------------------------- writing

def write_golden(name, report, shape):
    golden = {"document": name, "report": report, "shape": shape}
    with open(os.path.join(OUT, name + ".meta.json"), "w", encoding="utf-8") as f:
        json.dump(golden, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, text, report, shape in text_documents():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)
        write_golden(name, report, shape)
    for name, page, report, shape in html_documents():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(page)
        write_golden(name, report, shape)
    for name, (lines, core_title), report, shape in docx_documents():
        mdc.write_docx(os.path.join(OUT, name), docx_body(lines), core_title, False)
        write_golden(name, report, shape)
    print("wrote", OUT)


if __name__ == "__main__":
    main()
