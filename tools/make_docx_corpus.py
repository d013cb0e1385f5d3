#!/usr/bin/env python3
"""Make the project's own .docx test documents, with golden files, and the hostile packages the
docx reader tests use.

WordprocessingML is written by hand (zipfile + strings) so that every construct the reader must
handle is present exactly once and on purpose:

  corpus/docx/2022-county-numbered-split.docx
      2021 template, 某县交通运输局, report year 2022. Section headings whose "一、" exists only
      in numbering.xml (chineseCounting, lvlText "%1、", suff nothing; sub-level "（%1）");
      table 三 split in two by a page break, the second part repeating the three header rows
      (marked w:tblHeader in the first part) and continuing the vertical merges of
      "三、本年度办理结果" and "（三）不予公开"; a value written as three runs ("1" "2" "3");
      a value changed with tracked changes (w:del 5, w:ins 6); a total computed by a field
      (=SUM(LEFT), result kept, code dropped); a value inside a content control (w:sdt).
  corpus/docx/2022-town-nested-textbox.docx
      2021 template, 某镇人民政府, report year 2022. Table 三 nested inside a one-cell frame
      table (as pasted from a web page); the title in a text box (DrawingML with a VML
      fallback, read once); gridAfter padding on the caption rows of table 二; a fee of
      1.5 万元 (golden 15000 元); a "/" placeholder; prose numbers split over runs.

  corpus/docx/*.libreoffice.docx
      the two documents above opened and saved again by LibreOffice Writer (when `soffice` is
      installed), which rewrites them the way LibreOffice really writes Word files: its own
      numbering definitions (chineseCountingThousand), 1-twip sliver grid columns where cell
      borders almost line up, DrawingML text boxes with VML fallbacks, its own core properties.

  tests/readers_docx/data/*.docx|.doc  hostile packages (see make_hostile below).

Run from the repository root:  python3 tools/make_docx_corpus.py
The output is deterministic (fixed timestamps, fixed random seed).
"""
import io
import json
import os
import random
import shutil
import struct
import subprocess
import tempfile
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus", "docx")
HOSTILE_DIR = os.path.join(ROOT, "tests", "readers_docx", "data")
FIXED_TIME = (2023, 1, 15, 9, 0, 0)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS_DECL = (f'xmlns:w="{W_NS}" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:v="urn:schemas-microsoft-com:vml" '
           'mc:Ignorable="wps"')

# ----------------------------------------------------------------------------- figure ids
T3_COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other_org",
           "total"]
T3_ROWS = ["received", "carried_over", "granted", "partially_granted",
           "denied_state_secret", "denied_prohibited_by_law", "denied_security_stability",
           "denied_third_party", "denied_internal_affairs", "denied_process_info",
           "denied_enforcement_file", "denied_query_matter",
           "unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear",
           "unprocessed_petition", "unprocessed_duplicate", "unprocessed_publication",
           "unprocessed_excessive", "unprocessed_confirmation",
           "other_no_correction", "other_unpaid_fee", "other_misc", "total", "carried_forward"]
RESULT_ROWS = T3_ROWS[2:-2]
T4_BLOCKS = ["review", "litigation_direct", "litigation_after_review"]
T4_COLS = ["upheld", "corrected", "other", "pending", "total"]

# Row labels of table 三 (2021 template) below the header: (group label, group size, label).
T3_LABELS = [
    ("一、本年新收政府信息公开申请数量", None, None),
    ("二、上年结转政府信息公开申请数量", None, None),
    ("三、本年度办理结果", "（一）予以公开", None),
    ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None),
] + [("三、本年度办理结果", "（三）不予公开", s) for s in [
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]
] + [("三、本年度办理结果", "（四）无法提供", s) for s in [
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]
] + [("三、本年度办理结果", "（五）不予处理", s) for s in [
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息"]
] + [("三、本年度办理结果", "（六）其他处理", s) for s in [
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]
] + [("三、本年度办理结果", "（七）总计", None), ("四、结转下年度继续办理", None, None)]
assert len(T3_LABELS) == len(T3_ROWS)


def table3_values(seed):
    """Consistent table 三 values: every identity of the template holds."""
    rnd = random.Random(seed)
    v = {}
    for c in T3_COLS[:-1]:
        for r in RESULT_ROWS:
            v[(r, c)] = rnd.choice([0, 0, 1, 1, 2, 3, 4, 7, 12])
        v[("total", c)] = sum(v[(r, c)] for r in RESULT_ROWS)
        v[("carried_over", c)] = rnd.randint(0, 3)
        v[("carried_forward", c)] = rnd.randint(0, 4)
        v[("received", c)] = v[("total", c)] + v[("carried_forward", c)] - v[("carried_over", c)]
        if v[("received", c)] < 0:
            v[("carried_over", c)] += v[("received", c)]
            v[("received", c)] = 0
    for r in T3_ROWS:
        v[(r, "total")] = sum(v[(r, c)] for c in T3_COLS[:-1])
    return v


# ----------------------------------------------------------------------------- WordprocessingML
class Raw(str):
    """Prepared run XML, as opposed to plain text."""


def run(text, rpr=""):
    parts = []
    for i, line in enumerate(text.split("\n")):
        if i:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<w:t xml:space="preserve">{escape(line)}</w:t>')
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f"<w:r>{props}{''.join(parts)}</w:r>"


def para(content="", num=None, page_break_after=False, jc=None):
    """content: text (one run) or prepared run XML (Raw). num: (numId, ilvl)."""
    ppr = ""
    if num:
        ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    body = content if isinstance(content, Raw) else (run(content) if content else "")
    if page_break_after:
        body += '<w:r><w:br w:type="page"/></w:r>'
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


class Cell:
    def __init__(self, content="", span=1, vmerge=None, nested=None):
        self.content, self.span, self.vmerge, self.nested = content, span, vmerge, nested

    def xml(self, width):
        tcpr = f'<w:tcW w:w="{width * self.span}" w:type="dxa"/>'
        if self.span > 1:
            tcpr += f'<w:gridSpan w:val="{self.span}"/>'
        if self.vmerge == "restart":
            tcpr += '<w:vMerge w:val="restart"/>'
        elif self.vmerge == "continue":
            tcpr += "<w:vMerge/>"  # bare: continue
        inner = (self.nested or "") + para(self.content if self.vmerge != "continue" else "",
                                           jc="center")
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{inner}</w:tc>"


def row(cells, header=False, grid_after=0, width=800):
    trpr = ""
    if grid_after:
        trpr += f'<w:gridAfter w:val="{grid_after}"/>'
    if header:
        trpr += "<w:tblHeader/>"
    return ("<w:tr>" + (f"<w:trPr>{trpr}</w:trPr>" if trpr else "") +
            "".join(c.xml(width) for c in cells) + "</w:tr>")


def table(ncols, rows, width=800):
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(ncols))
    return ('<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>'
            '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/>'
            f'</w:tblBorders></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def split_runs(text, pieces):
    """The text as several runs with alternating formatting, as Word and WPS write numbers."""
    out, start = [], 0
    for i, n in enumerate(pieces):
        rpr = '<w:rFonts w:ascii="Times New Roman"/>' if i % 2 else '<w:b w:val="0"/>'
        out.append(run(text[start:start + n], rpr))
        start += n
    assert start == len(text), (text, pieces)
    return Raw("".join(out))


def tracked_change(old, new):
    return Raw(f'<w:del w:id="1" w:author="审核人" w:date="2023-01-10T00:00:00Z"><w:r>'
            f'<w:delText>{escape(old)}</w:delText></w:r></w:del>'
            f'<w:ins w:id="2" w:author="审核人" w:date="2023-01-10T00:00:00Z">{run(new)}</w:ins>')


def formula_field(code, result):
    return Raw('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {escape(code)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(result)}'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def content_control(inner_runs):
    return Raw('<w:sdt><w:sdtPr><w:alias w:val="填报值"/><w:tag w:val="v"/>'
            '<w:placeholder><w:docPart w:val="DefaultPlaceholder"/></w:placeholder></w:sdtPr>'
            f'<w:sdtContent>{inner_runs}</w:sdtContent></w:sdt>')


def text_box(paragraphs):
    """A DrawingML text box with its VML fallback: the same paragraphs twice in the XML."""
    inner = "".join(para(p) for p in paragraphs)
    return Raw('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:extent cx="5000000" cy="800000"/><wp:docPr id="1" name="文本框 1"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:wsp><wps:txbx>'
            f'<w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback>'
            '<w:pict><v:shape style="width:400pt;height:60pt"><v:textbox>'
            f'<w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict>'
            '</mc:Fallback></mc:AlternateContent></w:r>')


# ----------------------------------------------------------------------------- the three tables
def table2(vals, caption_grid_after=False):
    """vals: id -> cell text. 4 grid columns as in the 2021 template."""
    ga = 1 if caption_grid_after else 0
    cap_span = 3 if caption_grid_after else 4

    def caption(t):
        return row([Cell(t, span=cap_span)], grid_after=ga)

    def v(i, span=1):
        x = vals[i]
        return Cell(x, span=span)

    rows = [
        caption("第二十条第（一）项"),
        row([Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")]),
        row([Cell("规章")] + [v(f"active.regulations.{c}") for c in ("issued", "repealed", "in_force")]),
        row([Cell("行政规范性文件")] + [v(f"active.normative_documents.{c}")
                                     for c in ("issued", "repealed", "in_force")]),
        caption("第二十条第（五）项"),
        row([Cell("信息内容"), Cell("本年处理决定数量", span=3)]),
        row([Cell("行政许可"), v("active.licensing.decisions", 3)]),
        caption("第二十条第（六）项"),
        row([Cell("信息内容"), Cell("本年处理决定数量", span=3)]),
        row([Cell("行政处罚"), v("active.penalties.decisions", 3)]),
        row([Cell("行政强制"), v("active.enforcement.decisions", 3)]),
        caption("第二十条第（八）项"),
        row([Cell("信息内容"), Cell("本年收费金额（单位：万元）", span=3)]),
        row([Cell("行政事业性收费"), v("active.fees.amount", 3)]),
    ]
    return table(4, rows)


def table3_header_rows(mark_header):
    caption = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    return [
        row([Cell(caption, span=3, vmerge="restart"), Cell("申请人情况", span=7)], header=mark_header),
        row([Cell("", span=3, vmerge="continue"), Cell("自然人", vmerge="restart"),
             Cell("法人或其他组织", span=5), Cell("总计", vmerge="restart")], header=mark_header),
        row([Cell("", span=3, vmerge="continue"), Cell("", vmerge="continue"),
             Cell("商业\n企业"), Cell("科研\n机构"), Cell("社会公益组织"), Cell("法律服务机构"),
             Cell("其他"), Cell("", vmerge="continue")], header=mark_header),
    ]


def table3_body_rows(cells, first=0, last=None, continue_at_top=False):
    """Rows of table 三 from value row `first` to `last` (exclusive). cells: (row, col) -> Cell.
    With continue_at_top the first row continues the group merges of the row before it."""
    last = len(T3_ROWS) if last is None else last
    out = []
    for i in range(first, last):
        group, label, sub = T3_LABELS[i]
        prev = T3_LABELS[i - 1] if i > 0 else (None, None, None)
        values = [cells[(T3_ROWS[i], c)] for c in T3_COLS]
        if label is None:  # 一、 二、 四、: one label across the three label columns
            lab = [Cell(group, span=3)]
        else:
            g = Cell(group, vmerge="restart") if prev[0] != group or (i == first and not continue_at_top) \
                else Cell("", vmerge="continue")
            if sub is None:
                lab = [g, Cell(label, span=2)]
            else:
                same = prev[1] == label and (i != first or continue_at_top)
                lab = [g, Cell("", vmerge="continue") if same else Cell(label, vmerge="restart"),
                       Cell(sub)]
        out.append(row(lab + values))
    return out


def table4(vals):
    res = ["结果\n维持", "结果\n纠正", "其他\n结果", "尚未\n审结", "总计"]
    rows = [
        row([Cell("行政复议", span=5), Cell("行政诉讼", span=10)]),
        row([Cell(t, vmerge="restart") for t in res] +
            [Cell("未经复议直接起诉", span=5), Cell("复议后起诉", span=5)]),
        row([Cell("", vmerge="continue") for _ in res] + [Cell(t) for t in res * 2]),
        row([Cell(str(vals[f"appeals.{b}.{c}"])) for b in T4_BLOCKS for c in T4_COLS]),
    ]
    return table(15, rows, width=600)


def t4_values(seed):
    rnd = random.Random(seed)
    g = {}
    for b in T4_BLOCKS:
        parts = [rnd.randint(0, 3) for _ in range(4)]
        for c, x in zip(T4_COLS, parts + [sum(parts)]):
            g[f"appeals.{b}.{c}"] = x
    return g


# ----------------------------------------------------------------------------- packages
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>'
                 '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.numbering+xml"/>'
                 '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
                 'package.core-properties+xml"/></Types>')
ROOT_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/officeDocument" Target="word/document.xml"/>'
             '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
             'relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>')
DOC_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/></Relationships>')


def core_xml(title):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:title>{escape(title)}</dc:title></cp:coreProperties>')


def numbering_xml():
    """numId 1: level 0 "一、" (chineseCounting, no suffix), level 1 "（一）"."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
            '<w:multiLevelType w:val="multilevel"/>'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/>'
            '<w:pPr><w:ind w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
            '<w:suff w:val="nothing"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>'
            '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def document_xml(body):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document {NS_DECL}><w:body>{body}'
            '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def write_zip(path, parts):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))


def write_docx(path, body, title, with_numbering):
    parts = [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
             ("docProps/core.xml", core_xml(title)), ("word/document.xml", document_xml(body))]
    if with_numbering:
        parts += [("word/_rels/document.xml.rels", DOC_RELS), ("word/numbering.xml", numbering_xml())]
    write_zip(path, parts)


def write_golden(doc_name, report, figures):
    with open(os.path.join(CORPUS, doc_name + ".golden.json"), "w", encoding="utf-8") as f:
        json.dump({"document": doc_name, "report": report, "figures": figures}, f,
                  ensure_ascii=False, indent=1)
        f.write("\n")


def gold_t3(v):
    return {f"requests.{r}.{c}": v[(r, c)] for r in T3_ROWS for c in T3_COLS}


# ----------------------------------------------------------------------------- document A
def make_numbered_split():
    name = "2022-county-numbered-split.docx"
    agency = "某县交通运输局"
    t2 = {"active.regulations.issued": "0", "active.regulations.repealed": "0",
          "active.regulations.in_force": "0", "active.normative_documents.issued": "3",
          "active.normative_documents.repealed": "1", "active.normative_documents.in_force": "14",
          "active.licensing.decisions": "2417", "active.penalties.decisions": "386",
          "active.enforcement.decisions": "0", "active.fees.amount": "0"}
    g2 = {k: int(v) for k, v in t2.items()}
    # 2417 is written as three runs; 386 changed with tracked changes from 385.
    t2["active.licensing.decisions"] = split_runs("2417", [1, 2, 1])
    t2["active.penalties.decisions"] = Raw(run("38") + tracked_change("5", "6"))

    v3 = table3_values(2022)
    v3[("granted", "natural_person")] = 123  # written as three runs "1" "2" "3"
    for c in T3_COLS[:-1]:
        v3[("total", c)] = sum(v3[(r, c)] for r in RESULT_ROWS)
        v3[("received", c)] = v3[("total", c)] + v3[("carried_forward", c)] - v3[("carried_over", c)]
    for r in T3_ROWS:
        v3[(r, "total")] = sum(v3[(r, c)] for c in T3_COLS[:-1])
    cells = {k: Cell(str(x)) for k, x in v3.items()}
    cells[("granted", "natural_person")] = Cell(split_runs("123", [1, 1, 1]))
    # The total of 二、上年结转 computed by a formula field: the result is the value.
    cells[("carried_over", "total")] = Cell(formula_field("=SUM(LEFT)", str(v3[("carried_over", "total")])))
    # A value inside a content control.
    cells[("received", "commercial")] = Cell(content_control(run(str(v3[("received", "commercial")]))))
    split_at = T3_ROWS.index("denied_internal_affairs")  # first row of the second part
    part1 = table(10, table3_header_rows(True) + table3_body_rows(cells, 0, split_at))
    part2 = table(10, table3_header_rows(False) + table3_body_rows(cells, split_at, None, True))

    g4 = t4_values(7)
    H = lambda text: para(text, num=(1, 0))  # noqa: E731  a numbered section heading
    S = lambda text: para(text, num=(1, 1))  # noqa: E731  a numbered sub-heading
    body = "".join([
        para(f"{agency}2022年政府信息公开工作年度报告", jc="center"),
        para("本报告根据《中华人民共和国政府信息公开条例》要求编制。"),
        H("总体情况"),
        S("主动公开"),
        para(split_runs("全年通过政府网站主动公开政府信息1326条，其中政策文件46件。",
                        [16, 1, 2, 1, 8, 2, 2])),
        S("依申请公开"),
        para("全年收到政府信息公开申请均按期答复。"),
        H("主动公开政府信息情况"),
        table2(t2),
        H("收到和处理政府信息公开申请情况"),
        part1,
        para("", page_break_after=True),
        part2,
        H("政府信息公开行政复议、行政诉讼情况"),
        table4(g4),
        H("存在的主要问题及改进情况"),
        para("一是公开内容不够全面；二是解读形式较为单一。"),
        H("其他需要报告的事项"),
        para("本机关未收取信息处理费。"),
        para(agency, jc="right"),
        para("2023年1月15日", jc="right"),
    ])
    write_docx(os.path.join(CORPUS, name), body, f"{agency}2022年政府信息公开工作年度报告", True)
    figures = dict(g2)
    figures.update(gold_t3(v3))
    figures.update(g4)
    write_golden(name, {"year": 2022, "template": "2021", "agency": agency}, figures)


# ----------------------------------------------------------------------------- document B
def make_nested_textbox():
    name = "2022-town-nested-textbox.docx"
    agency = "某镇人民政府"
    t2 = {"active.regulations.issued": "0", "active.regulations.repealed": "0",
          "active.regulations.in_force": "0", "active.normative_documents.issued": "2",
          "active.normative_documents.repealed": "0", "active.normative_documents.in_force": "11",
          "active.licensing.decisions": "58", "active.penalties.decisions": "9",
          "active.enforcement.decisions": "/", "active.fees.amount": "1.5"}
    g2 = {k: int(v) for k, v in t2.items() if v not in ("/", "1.5")}
    g2["active.enforcement.decisions"] = "n/a"
    g2["active.fees.amount"] = 15000
    v3 = table3_values(31)
    cells = {k: Cell(str(x)) for k, x in v3.items()}
    inner = table(10, table3_header_rows(True) + table3_body_rows(cells))
    frame = table(1, [row([Cell("", nested=inner)], width=8000)], width=8000)
    g4 = t4_values(11)
    title = f"{agency}2022年政府信息公开工作年度报告"
    body = "".join([
        para(text_box([title])),
        para("一、总体情况"),
        para(split_runs("2022年，我镇共主动公开政府信息215条。", [6, 11, 1, 1, 1, 2])),
        para("二、主动公开政府信息情况"),
        table2(t2, caption_grid_after=True),
        para("三、收到和处理政府信息公开申请情况"),
        frame,
        para("四、政府信息公开行政复议、行政诉讼情况"),
        table4(g4),
        para("五、存在的主要问题及改进情况"),
        para("政务公开专业人员不足。"),
        para("六、其他需要报告的事项"),
        para("无。"),
        para(agency, jc="right"),
        para("2023年1月20日", jc="right"),
    ])
    write_docx(os.path.join(CORPUS, name), body, title, False)
    figures = dict(g2)
    figures.update(gold_t3(v3))
    figures.update(g4)
    write_golden(name, {"year": 2022, "template": "2021", "agency": agency}, figures)


# ----------------------------------------------------------------------------- hostile packages
MINIMAL_BODY = para("一、总体情况")


def hostile(name, parts):
    write_zip(os.path.join(HOSTILE_DIR, name), parts)


def base_parts(document):
    return [("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS),
            ("word/document.xml", document)]


def patch_encryption_flag(data):
    """Sets general-purpose bit 0 (encrypted) in every local and central header."""
    b = bytearray(data)
    for sig, off in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        i = b.find(sig)
        while i >= 0:
            flags = struct.unpack_from("<H", b, i + off)[0]
            struct.pack_into("<H", b, i + off, flags | 1)
            i = b.find(sig, i + 4)
    return bytes(b)


def patch_declared_sizes(data, entry, size):
    """Makes `entry` claim `size` uncompressed bytes in its local and central headers."""
    b = bytearray(data)
    name = entry.encode()
    for sig, size_off, name_len_off, name_off in ((b"PK\x03\x04", 22, 26, 30),
                                                  (b"PK\x01\x02", 24, 28, 46)):
        i = b.find(sig)
        while i >= 0:
            n = struct.unpack_from("<H", b, i + name_len_off)[0]
            if bytes(b[i + name_off:i + name_off + n]) == name:
                struct.pack_into("<I", b, i + size_off, size)
            i = b.find(sig, i + 4)
    return bytes(b)


def ole2(stream_names):
    """Enough of an OLE2 compound file for sniffing: the magic and UTF-16LE directory names."""
    head = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504
    names = b"".join(n.encode("utf-16-le").ljust(64, b"\0") + b"\0" * 64 for n in stream_names)
    return head + names + b"\0" * 512


def make_hostile():
    os.makedirs(HOSTILE_DIR, exist_ok=True)
    # Zip bomb by ratio: 32 MiB of one repeated element inflate from about 50 kB (1:680).
    bomb = document_xml("<w:p/>" * (32 * 1024 * 1024 // 6))
    hostile("zip_bomb.docx", base_parts(bomb))
    # One 32 MiB run of text whose headers claim 2 kB: only the limits applied while
    # inflating stop it.
    lying = document_xml("<w:p><w:r><w:t>" + "0" * (32 * 1024 * 1024) + "</w:t></w:r></w:p>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in base_parts(lying):
            z.writestr(zipfile.ZipInfo(n, FIXED_TIME), d, zipfile.ZIP_DEFLATED)
    with open(os.path.join(HOSTILE_DIR, "zip_bomb_lying_size.docx"), "wb") as f:
        f.write(patch_declared_sizes(buf.getvalue(), "word/document.xml", 2048))
    # XXE: an external entity naming a local file.
    xxe = ('<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE w:document ['
           '<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>'
           '</w:body></w:document>')
    hostile("xxe.docx", base_parts(xxe))
    # Billion laughs: ten levels of tenfold entity expansion.
    ents = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{"&lol%d;" % (i - 1) * 10}">' for i in range(1, 10))
    laughs = (f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]>'
              f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
              '</w:body></w:document>')
    hostile("billion_laughs.docx", base_parts(laughs))
    # Nesting far beyond any real document.
    deep = document_xml("<w:sdt><w:sdtContent>" * 5000 + MINIMAL_BODY + "</w:sdtContent></w:sdt>" * 5000)
    hostile("too_deep.docx", base_parts(deep))
    # Not well-formed.
    hostile("malformed.docx", base_parts(document_xml("<w:p><w:r><w:t>一、总体情况</w:r></w:p>")))
    # A ZIP that is not Word at all, and one whose document.xml is not WordprocessingML.
    hostile("not_word.zip", [("readme.txt", "这不是Word文档"), ("data/table.csv", "a,b\n1,2\n")])
    hostile("wrong_root.docx", base_parts('<?xml version="1.0"?><html><body>hello</body></html>'))
    # ZIP-level encryption (traditional PKWARE flag set on every entry).
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for n, d in base_parts(document_xml(MINIMAL_BODY)):
            z.writestr(zipfile.ZipInfo(n, FIXED_TIME), d)
    with open(os.path.join(HOSTILE_DIR, "encrypted_zip.docx"), "wb") as f:
        f.write(patch_encryption_flag(buf.getvalue()))
    # Office encryption: an OLE2 container with EncryptionInfo and EncryptedPackage streams.
    with open(os.path.join(HOSTILE_DIR, "encrypted_office.docx"), "wb") as f:
        f.write(ole2(["Root Entry", "EncryptionInfo", "EncryptedPackage"]))
    # A legacy binary Word document.
    with open(os.path.join(HOSTILE_DIR, "legacy.doc"), "wb") as f:
        f.write(ole2(["Root Entry", "WordDocument", "1Table", "SummaryInformation"]))


# ----------------------------------------------------------------------------- LibreOffice
def resave_with_libreoffice(names):
    """Open each document in LibreOffice Writer and save it as .docx again; the golden file is
    the original's (the figures do not change)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: LibreOffice re-saves skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        sources = [os.path.join(CORPUS, n) for n in names]
        subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "docx:MS Word 2007 XML", "--outdir", tmp] + sources,
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for n in names:
            out = n.replace(".docx", ".libreoffice.docx")
            shutil.copy(os.path.join(tmp, n), os.path.join(CORPUS, out))
            with open(os.path.join(CORPUS, n + ".golden.json"), encoding="utf-8") as f:
                golden = json.load(f)
            golden["document"] = out
            with open(os.path.join(CORPUS, out + ".golden.json"), "w", encoding="utf-8") as f:
                json.dump(golden, f, ensure_ascii=False, indent=1)
                f.write("\n")


if __name__ == "__main__":
    make_numbered_split()
    make_nested_textbox()
    resave_with_libreoffice(["2022-county-numbered-split.docx", "2022-town-nested-textbox.docx"])
    make_hostile()
    print("wrote", CORPUS, "and", HOSTILE_DIR)
