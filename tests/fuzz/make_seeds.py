#!/usr/bin/env python3
"""Builds the seed inputs of the libFuzzer harnesses from the project's own files.

For every harness of harnesses.tsv (or those named with --only), writes OUT/<name>/ with one
file per seed, as the harness's "seeds" field says (see the comment at the top of
harnesses.tsv). Seeds are made fresh each time (the directory is emptied first) and never
committed: tools/fuzz.sh copies them into a working corpus that fuzzing grows, and ctest replays
them through the plain build of each harness.

    python3 tests/fuzz/make_seeds.py --out build-fuzz/seeds [--only text,docx]
"""

import argparse
import glob
import gzip
import hashlib
import io
import os
import shutil
import sys
import tarfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools"))
import minimal_pdf  # noqa: E402  (the project's hand-made PDF writer)

MAX_LINES = 400  # seeds made from lines, per harness: enough variety, a quick first pass
# Larger files make slow seeds (libFuzzer also sizes its inputs by the largest seed): left out.
MAX_SEED_BYTES = 1 << 20

NUMERALS = [
    "一百九十万零三千九百七十一", "壹拾万零叁仟肆佰伍拾叁", "两百", "廿三", "卅五", "一万五",
    "一七二零", "二〇一九", "三点五", "1.2亿", "3.5万", "13万2", "两三", "七八十", "１２",
    "1,234", "1，234", "３．５", "-1942", "负3", "＋43", "0.50", "007", "十万", "十一万",
    "两千零十", "十", "百", "千万", "亿", "三万一天", "约5件", "12.35万元", "3-5件", "3～5人次",
    "百分之三十", "百分之一点五七", "30%", "300余人次", "不少于20次", "10个工作日", "近百条",
    "几十万", "共收到申请139件，同比增长百分之三十，收费约1.2万元。",
    "依据《条例》第十三条，国令第711号，国办公开办函〔2019〕60号，2019年1月31日。",
    "联系电话：0551-12345678，邮编230000。", "一、总体情况", "（三）依申请公开", "1.属于国家秘密",
    "全年共办理政府信息公开申请一百二十三件，其中当面申请十五件。", "99999999999999999999999999",
    "9" * 60, "1" + "0" * 40 + ".5", "十" * 30, "亿亿亿亿", "零零零", "点", "1.", "．5",
]

CELLS = [
    "本年收费金额（单位：万元）\n12.35", "(单位:元)\n251000元", "\n0", "\n/", "\n／", "\n-",
    "\n—", "\n——", "\n–", "\n无", "\n不涉及", "\n", "\n\u3000", "\n约5件", "\n3.5万",
    "\n -1,942 ", "\n1.属于国家秘密", "\n2019年", "（单位：个）\n１２", "（单位：万元）\n0.5",
    "单位：亿元\n1.2", "\n12.35万元", "\n不少于3项", "\n5件以上", "\n一百零三", "\n壹佰",
    "\n3-5", "\n１，２３４", "（单位：元）\n1.2万元", "\n+7", "\n－3", "\n1e5", "\n0x10",
]

LABEL_VARIANTS = ["{}", "（一）{}", "(一){}", "(一) {}", "1.{}", "①{}", "{}：", "{}|",
                  "{}(指2019年事项数)"]
EXTRA_LABELS = [
    "第二十條第(一)項(xiàng)", "（五）予以公開", "三、收到和處理政府信息公開申請情況", "行政復議",
    "上一年項目數量", "本年增/減", "ＡＢＣ１２３", "自然人", "商业企业", "其他 对外管理 服务事项",
]


def seeds_files(pattern):
    for path in sorted(glob.glob(os.path.join(ROOT, pattern))):
        if os.path.getsize(path) > MAX_SEED_BYTES:
            continue
        with open(path, "rb") as f:
            yield os.path.basename(path), f.read()


def seeds_encode(pattern):
    for name, data in seeds_files(pattern):
        yield name, data
        text = data.decode("utf-8", errors="replace")
        yield name + ".utf8-bom", b"\xef\xbb\xbf" + data
        yield name + ".gb18030", text.encode("gb18030", errors="replace")
        yield name + ".big5", text.encode("big5", errors="replace")
        yield name + ".utf16le-bom", b"\xff\xfe" + text.encode("utf-16-le")
        yield name + ".utf16be-bom", b"\xfe\xff" + text.encode("utf-16-be")
        yield name + ".utf16le", text.encode("utf-16-le")


def seeds_docx_xml(pattern):
    for name, data in seeds_files(pattern):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if "word/document.xml" in z.namelist():
                yield name + ".document.xml", z.read("word/document.xml")


def zip_of(members, method):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members:
            z.writestr(name, data)
    return out.getvalue()


def tar_of(members, mode):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode=mode) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1577836800  # fixed, so the seeds are the same every time
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()


def seeds_archive(pattern):
    files = list(seeds_files(pattern))[:3]
    if not files:
        return
    stem = os.path.basename(pattern).replace("*", "all")
    # Members in a folder, one the filter skips (skip/), one it excludes (*.json).
    members = [("reports/" + n, d) for n, d in files]
    members += [("skip/" + files[0][0], files[0][1]), ("notes.json", b"{}")]
    deflated = zip_of(members, zipfile.ZIP_DEFLATED)
    yield stem + ".zip", deflated
    yield stem + ".stored.zip", zip_of(members, zipfile.ZIP_STORED)
    yield stem + ".tar", tar_of(members, "w")
    yield stem + ".tar.gz", tar_of(members, "w:gz")
    yield stem + ".tar.bz2", tar_of(members, "w:bz2")
    yield stem + ".tar.xz", tar_of(members, "w:xz")
    yield files[0][0] + ".gz", gzip.compress(files[0][1], mtime=0)
    yield stem + ".cut.zip", deflated[: len(deflated) // 2]
    plain_tar = tar_of(members, "w")
    yield stem + ".cut.tar", plain_tar[: len(plain_tar) // 2 + 100]


def seeds_lines(pattern):
    seen = set()
    for _, data in seeds_files(pattern):
        for line in data.decode("utf-8", errors="replace").splitlines():
            line = line.strip()
            if line and line not in seen and len(seen) < MAX_LINES:
                seen.add(line)
                yield "line-%03d" % len(seen), line.encode("utf-8")


def template_labels():
    labels = []
    for path in sorted(glob.glob(os.path.join(ROOT, "extractor/templates/data/20*.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                fields = line.rstrip("\n").split("\t")
                if fields[0] in ("table", "group", "column", "row", "alias") and len(fields) > 1:
                    # The label is the first field with a character outside ASCII.
                    text = next((x for x in fields[1:] if any(ord(c) > 127 for c in x)), None)
                    if text and text not in labels:
                        labels.append(text)
    return labels


# ---------------------------------------------------------------------------------------------
# Small PDFs written here (synthetic:pdf): the corpus PDFs compress their content streams, so a
# byte flipped there is a broken stream, never a moved word or rule. These keep the page contents
# in plain text, where the fuzzer's mutations change what the reader sees: words (a CID font
# with a ToUnicode map, as Chinese reports have, and a standard font), ruling lines and thin
# rectangles that make grids, a table continued on the next page, running headers and numbers.


class PdfText:
    """Text shown with one Type 0 font: each distinct character gets a CID of its own."""

    def __init__(self):
        self.cids = {}

    def hex(self, text):
        codes = []
        for ch in text:
            codes.append(self.cids.setdefault(ch, len(self.cids) + 1))
        return b"<" + b"".join(b"%04X" % c for c in codes) + b">"

    def to_unicode(self):
        pairs = sorted(self.cids.items(), key=lambda item: item[1])
        body = b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        body += b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        body += b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        body += b"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        for start in range(0, len(pairs), 100):  # at most 100 mappings a block
            block = pairs[start:start + 100]
            body += b"%d beginbfchar\n" % len(block)
            for ch, cid in block:
                body += b"<%04X> <%s>\n" % (cid, ch.encode("utf-16-be").hex().upper().encode())
            body += b"endbfchar\n"
        body += b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
        return body

    def widths(self):
        # Latin letters and digits half as wide as the ideographs (DW 1000).
        narrow = sorted(cid for ch, cid in self.cids.items() if ord(ch) < 0x80)
        return b"[" + b" ".join(b"%d [500]" % cid for cid in narrow) + b"]"


def pdf_stream(data, compress=False):
    return minimal_pdf.stream(data, compress=compress)


pdf_file = minimal_pdf.pdf_bytes


def pdf_show(font, text, x, y, size, encode):
    return b"BT /%s %d Tf %d %d Td %s Tj ET\n" % (font, size, x, y, encode(text))


def pdf_table(rows, x, top, widths, height, encode, rules="lines"):
    """A ruled table: its cells' text, then its rules as stroked lines or as thin filled rectangles."""
    out = bytearray()
    for r, row in enumerate(rows):
        left = x
        for c, text in enumerate(row):
            if text:
                out += pdf_show(b"F1", text, left + 4, top - (r + 1) * height + 6, 10, encode)
            left += widths[c]
    right, bottom = x + sum(widths), top - len(rows) * height
    edges = [x]
    for w in widths:
        edges.append(edges[-1] + w)
    if rules == "lines":
        out += b"0.5 w\n"
        for r in range(len(rows) + 1):
            out += b"%d %d m %d %d l S\n" % (x, top - r * height, right, top - r * height)
        for e in edges:
            out += b"%d %d m %d %d l S\n" % (e, top, e, bottom)
    else:
        for r in range(len(rows) + 1):
            out += b"%d %d %d 0.6 re f\n" % (x, top - r * height, right - x)
        for e in edges:
            out += b"%d %d 0.6 %d re f\n" % (e, bottom, top - bottom)
    return bytes(out)


TABLE_2 = [
    ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
    ["规章", "0", "0", "5"],
    ["行政规范性文件", "12", "3", "47"],
]
TABLE_3_HEAD = [["申请人情况", "自然人", "商业企业", "总计"]]
TABLE_3_ROWS = [
    ["一、本年新收政府信息公开申请数量", "139", "4", "143"],
    ["二、上年结转政府信息公开申请数量", "2", "0", "2"],
    ["三、本年度办理结果（一）予以公开", "80", "1", "81"],
    ["（二）部分公开", "10", "0", "10"],
    ["四、结转下年度继续办理", "5", "0", "5"],
]


def pdf_pages(page_contents, compress=False, rotate=0, cjk=None):
    """The objects of a document of the pages' content streams, fonts F1 (CID) and F2 (Helvetica)."""
    cjk = cjk or PdfText()
    count = len(page_contents)
    first_page = 3
    fonts = first_page + 2 * count  # objects: Type 0, CID font, descriptor, ToUnicode, Helvetica
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (first_page + 2 * k) for k in range(count)), count)]
    resources = b"<< /Font << /F1 %d 0 R /F2 %d 0 R >> >>" % (fonts, fonts + 4)
    for k, content in enumerate(page_contents):
        extra = b" /Rotate %d" % rotate if rotate else b""
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]%s /Contents %d 0 R "
                       b"/Resources %s >>" % (extra, first_page + 2 * k + 1, resources))
        objects.append(pdf_stream(content, compress))
    objects.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                   b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (fonts + 1, fonts + 3))
    objects.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity "
                   b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
                   b"/FontDescriptor %d 0 R /DW 1000 /W %s >>" % (fonts + 2, cjk.widths()))
    objects.append(b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] "
                   b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>")
    objects.append(pdf_stream(cjk.to_unicode()))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    return objects


def synthetic_pdfs():
    text = PdfText()
    enc = text.hex
    title = pdf_show(b"F1", "某某县交通运输局2022年政府信息公开工作年度报告", 60, 790, 16, enc)
    report = bytearray(title)
    report += pdf_show(b"F1", "一、总体情况", 60, 760, 12, enc)
    report += pdf_show(b"F1", "本年度共收到政府信息公开申请143件，同比增长百分之三十。", 60, 740, 10, enc)
    report += pdf_show(b"F1", "二、主动公开政府信息情况", 60, 715, 12, enc)
    report += pdf_table(TABLE_2, 60, 700, [130, 110, 110, 110], 20, enc)
    report += pdf_show(b"F1", "三、收到和处理政府信息公开申请情况", 60, 620, 12, enc)
    report += pdf_table(TABLE_3_HEAD + TABLE_3_ROWS, 60, 605, [250, 70, 70, 70], 20, enc, "rects")
    report += pdf_show(b"F2", "- 1 -", 285, 40, 9, lambda t: b"(" + t.encode() + b")")
    # The same table broken across two pages, its header row repeated, a running header on each.
    header = pdf_show(b"F1", "某某县交通运输局", 60, 815, 9, enc)
    first = header + title + pdf_show(b"F1", "三、收到和处理政府信息公开申请情况", 60, 760, 12, enc)
    first += pdf_table(TABLE_3_HEAD + TABLE_3_ROWS[:3], 60, 745, [250, 70, 70, 70], 20, enc)
    first += pdf_show(b"F2", "1", 295, 40, 9, lambda t: b"(" + t.encode() + b")")
    second = header + pdf_table(TABLE_3_HEAD + TABLE_3_ROWS[3:], 60, 800, [250, 70, 70, 70], 20, enc)
    second += pdf_show(b"F1", "四、政府信息公开行政复议、行政诉讼情况", 60, 680, 12, enc)
    second += pdf_show(b"F2", "2", 295, 40, 9, lambda t: b"(" + t.encode() + b")")
    yield "synthetic-report.pdf", pdf_file(pdf_pages([bytes(report)], cjk=text))
    yield "synthetic-two-pages.pdf", pdf_file(pdf_pages([bytes(first), second], cjk=text))
    yield "synthetic-rotated.pdf", pdf_file(pdf_pages([bytes(report)], rotate=90, cjk=text))
    yield "synthetic-compressed.pdf", pdf_file(pdf_pages([bytes(report)], compress=True, cjk=text))
    # Latin text only (Helvetica), and a page with rules and no words.
    latin = pdf_show(b"F2", "Annual report 2022", 60, 790, 14, lambda t: b"(" + t.encode() + b")")
    latin += pdf_table([["a", "1"], ["b", "2"]], 60, 760, [100, 60], 18,
                       lambda t: b"(" + t.encode() + b")").replace(b"/F1", b"/F2")
    yield "synthetic-latin.pdf", pdf_file(pdf_pages([latin], cjk=PdfText()))
    rules = pdf_table([["", ""], ["", ""]], 60, 760, [100, 60], 18, enc)
    yield "synthetic-rules-only.pdf", pdf_file(pdf_pages([rules], cjk=PdfText()))


def seeds_synthetic(name):
    if name == "numerals":
        texts = NUMERALS
    elif name == "cells":
        texts = CELLS
    elif name == "pdf":
        yield from synthetic_pdfs()
        return
    elif name == "labels":
        texts = [v.format(label) for label in template_labels() for v in LABEL_VARIANTS]
        texts += EXTRA_LABELS
    else:
        sys.exit("make_seeds: no synthetic set named " + name)
    for k, text in enumerate(texts):
        yield "%s-%03d" % (name, k), text.encode("utf-8")


KINDS = {
    "files": seeds_files,
    "encode": seeds_encode,
    "docx-xml": seeds_docx_xml,
    "archive": seeds_archive,
    "lines": seeds_lines,
    "synthetic": seeds_synthetic,
}


def read_harnesses():
    harnesses = []
    with open(os.path.join(HERE, "harnesses.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, source, seeds = line.rstrip("\n").split("\t")
            harnesses.append((name, source, seeds.split(",")))
    return harnesses


def write_seeds(out_dir, name, specs):
    target = os.path.join(out_dir, name)
    shutil.rmtree(target, ignore_errors=True)
    os.makedirs(target)
    written = {}
    for spec in specs:
        kind, _, argument = spec.partition(":")
        if kind not in KINDS:
            sys.exit("make_seeds: %s: unknown seed kind %r" % (name, kind))
        for seed_name, data in KINDS[kind](argument):
            digest = hashlib.sha1(data).hexdigest()
            if digest in written:
                continue  # the same bytes from two places are one seed
            written[digest] = seed_name
            with open(os.path.join(target, seed_name), "wb") as f:
                f.write(data)
    if not written:
        sys.exit("make_seeds: %s: its seed sources gave no input" % name)
    return len(written)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="directory of the seed directories")
    parser.add_argument("--only", default="", help="comma-separated harness names")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    wanted = [n for n in args.only.split(",") if n]
    harnesses = read_harnesses()
    unknown = set(wanted) - {h[0] for h in harnesses}
    if unknown:
        sys.exit("make_seeds: no harness named " + ", ".join(sorted(unknown)))
    for name, _, specs in harnesses:
        if wanted and name not in wanted:
            continue
        count = write_seeds(args.out, name, specs)
        if not args.quiet:
            print("make_seeds: %-10s %4d seeds" % (name, count))


if __name__ == "__main__":
    main()
