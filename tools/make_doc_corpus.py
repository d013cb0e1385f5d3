#!/usr/bin/env python3
"""Makes the project's own Word 97–2003 (.doc) test documents, the way real ones come about:
LibreOffice saves the project's own Word documents in the binary format
(`soffice --headless --convert-to 'doc:MS Word 97'`). Every .doc has a golden file (the same
figures as the document it was made from) and a docx twin, named by the golden's "twin" (a path
under corpus/), that the tests compare it with figure by figure.

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

And the hostile files the .doc reader's tests use, in tests/readers_doc/data/ (see
make_hostile below): cut, FAT loops, chains and pieces past the end, random bytes after a
compound-file header, encrypted (really, with a password, when python3-uno is installed; and
with only the flag set), Word 95, bad formatting pages, a Works .wps.

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

import struct

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "doc")
HOSTILE = os.path.join(ROOT, "tests", "readers_doc", "data")


def soffice(filter_spec, sources, outdir, profile):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{profile}",
                    "--convert-to", filter_spec, "--outdir", outdir] + sources,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def copy_golden(golden_path, document_name, twin):
    with open(golden_path, encoding="utf-8") as f:
        golden = json.load(f)
    golden["document"] = document_name
    golden["twin"] = twin
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
    with tempfile.TemporaryDirectory() as tmp:
        profile = os.path.join(tmp, "profile")
        # Documents the corpus already has as docx.
        existing = [("docx", "2022-county-numbered-split"), ("docx", "2022-town-nested-textbox"),
                    ("pdftext", "2022-district-market-bureau")]
        sources = [os.path.join(CORPUS, d, n + ".docx") for d, n in existing]
        soffice("doc:MS Word 97", sources, tmp, profile)
        for d, n in existing:
            shutil.copy(os.path.join(tmp, n + ".doc"), os.path.join(OUT, n + ".doc"))
            copy_golden(os.path.join(CORPUS, d, n + ".docx.golden.json"), n + ".doc",
                        f"{d}/{n}.docx")

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
                if ext == "doc":
                    golden["twin"] = f"doc/{name}.docx"
                write_json(os.path.join(OUT, f"{name}.{ext}.golden.json"), golden)
                golden.pop("twin", None)

        # Kingsoft WPS saves its .wps in the Word binary format: the same bytes, named .wps.
        wps = "2016-lingbi-civil-affairs-statistics"
        shutil.copy(os.path.join(OUT, wps + ".doc"), os.path.join(OUT, wps + ".wps"))
        copy_golden(os.path.join(OUT, wps + ".doc.golden.json"), wps + ".wps", f"doc/{wps}.docx")
    print("wrote", OUT)
    make_hostile()


# ----------------------------------------------------------------------------- hostile files
class Cfb:
    """Just enough of a compound file to find where a stream's bytes lie in the file."""
    END = 0xFFFFFFFE

    def __init__(self, data):
        self.data = bytearray(data)
        u32 = lambda at: struct.unpack_from("<I", self.data, at)[0]  # noqa: E731
        self.sector = 1 << struct.unpack_from("<H", self.data, 0x1E)[0]
        self.mini = 1 << struct.unpack_from("<H", self.data, 0x20)[0]
        self.cutoff = u32(0x38)
        fat_sectors = [u32(0x4C + 4 * i) for i in range(min(u32(0x2C), 109))]
        self.fat_at = [self.offset(s) + 4 * k for s in fat_sectors for k in range(self.sector // 4)]
        self.fat = [u32(at) for at in self.fat_at]
        self.entries = {}
        for i, at in enumerate(self.chain_offsets(u32(0x30), self.sector)):
            for k in range(self.sector // 128):
                e = at + 128 * k
                n = struct.unpack_from("<H", self.data, e + 64)[0]
                name = bytes(self.data[e:e + max(n - 2, 0)]).decode("utf-16-le", "replace")
                if name:
                    self.entries[name] = e
        root = self.entries["Root Entry"]
        self.mini_stream = self.chain_offsets(u32(root + 116), self.sector)
        self.minifat = []
        if u32(0x40):
            for at in self.chain_offsets(u32(0x3C), self.sector):
                self.minifat += list(struct.unpack_from(f"<{self.sector // 4}I", self.data, at))

    def offset(self, sector):
        return (sector + 1) * self.sector

    def chain(self, start, table):
        out = []
        while start < len(table) and start not in out and len(out) < 100000:
            out.append(start)
            start = table[start]
        return out

    def chain_offsets(self, start, size):
        return [self.offset(s) for s in self.chain(start, self.fat)]

    def stream_sectors(self, name):
        e = self.entries[name]
        return self.chain(struct.unpack_from("<I", self.data, e + 116)[0], self.fat)

    def stream_offset(self, name, offset):
        """The file offset of byte `offset` of stream `name`."""
        e = self.entries[name]
        start, size = struct.unpack_from("<II", self.data, e + 116)
        if size >= self.cutoff:
            return self.offset(self.chain(start, self.fat)[offset // self.sector]) + offset % self.sector
        mini_sector = self.chain(start, self.minifat)[offset // self.mini]
        at = mini_sector * self.mini + offset % self.mini
        return self.mini_stream[at // self.sector] + at % self.sector

    def read(self, name, offset, fmt):
        return struct.unpack_from(fmt, self.data, self.stream_offset(name, offset))[0]

    def write(self, name, offset, fmt, value):
        struct.pack_into(fmt, self.data, self.stream_offset(name, offset), value)

    def stream(self, name):
        """The whole stream's bytes."""
        size = struct.unpack_from("<I", self.data, self.entries[name] + 120)[0]
        return bytes(self.data[self.stream_offset(name, i)] for i in range(size))

    def rename(self, old, new):
        e = self.entries[old]
        raw = new.encode("utf-16-le") + b"\0\0"
        self.data[e:e + 64] = raw.ljust(64, b"\0")
        struct.pack_into("<H", self.data, e + 64, len(raw))


def write_cfb(streams):
    """A compound file holding `streams` (name → bytes), each padded to the 4096-byte mini
    stream cutoff so that every one lies in regular 512-byte sectors: header, streams, FAT,
    directory."""
    sector = 512
    body, starts = bytearray(), {}
    for name, data in streams.items():
        data = data.ljust(max(len(data), 4096), b"\0")
        starts[name] = (len(body) // sector, len(data))
        body += data.ljust((len(data) + sector - 1) // sector * sector, b"\0")
    n_data = len(body) // sector
    n_dir = (len(streams) + 1 + 3) // 4
    n_fat = 1
    while (n_data + n_dir + n_fat) > n_fat * 128:
        n_fat += 1
    fat = [0xFFFFFFFF] * (n_fat * 128)
    for name, (start, size) in starts.items():
        count = (size + sector - 1) // sector
        for k in range(count):
            fat[start + k] = start + k + 1 if k + 1 < count else 0xFFFFFFFE
    fat_start, dir_start = n_data, n_data + n_fat
    for k in range(n_fat):
        fat[fat_start + k] = 0xFFFFFFFD
    for k in range(n_dir):
        fat[dir_start + k] = dir_start + k + 1 if k + 1 < n_dir else 0xFFFFFFFE

    def entry(name, kind, start, size, child=0xFFFFFFFF, right=0xFFFFFFFF):
        raw = name.encode("utf-16-le") + b"\0\0"
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<HBB", e, 64, len(raw), kind, 1)  # name size, type, black
        struct.pack_into("<III", e, 68, 0xFFFFFFFF, right, child)
        struct.pack_into("<II", e, 116, start, size)
        return bytes(e)
    names = list(streams)
    directory = entry("Root Entry", 5, 0xFFFFFFFE, 0, child=1)
    for i, name in enumerate(names):  # a list of right siblings: a valid, if unbalanced, tree
        right = i + 2 if i + 1 < len(names) else 0xFFFFFFFF
        directory += entry(name, 2, starts[name][0], starts[name][1], right=right)
    directory = directory.ljust(n_dir * sector, b"\0")
    header = bytearray(512)
    header[0:8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 0x2C, n_fat, dir_start, 0, 4096, 0xFFFFFFFE, 0,
                     0xFFFFFFFE, 0)
    difat = [fat_start + k for k in range(n_fat)] + [0xFFFFFFFF] * (109 - n_fat)
    struct.pack_into("<109I", header, 0x4C, *difat)
    return bytes(header) + bytes(body) + struct.pack(f"<{len(fat)}I", *fat) + directory


def make_fast_saved(base):
    """A fast-saved (complex) file as Word leaves one: fComplex set, the main text in many
    pieces, and a piece whose Prm names a Prc that marks its text deleted (a revision made by a
    fast save). The text keeps its place in the stream, so its formatting pages still apply."""
    cfb = Cfb(base)
    word = bytearray(cfb.stream("WordDocument"))
    table_name = "1Table" if struct.unpack_from("<H", word, 0x0A)[0] & 0x0200 else "0Table"
    table = bytearray(cfb.stream(table_name))
    clx, lcb_clx = struct.unpack_from("<II", word, 0x1A2)
    assert table[clx] == 2, "a Clx without Prc records"
    lcb = struct.unpack_from("<I", table, clx + 1)[0]
    n = (lcb - 4) // 12
    cps = list(struct.unpack_from(f"<{n + 1}I", table, clx + 5))
    pcds = [bytes(table[clx + 5 + (n + 1) * 4 + 8 * i: clx + 5 + (n + 1) * 4 + 8 * i + 8])
            for i in range(n)]
    ccp_text = struct.unpack_from("<I", word, 0x4C)[0]
    text = cfb.stream("WordDocument")
    marked = "其中当面申请6件、".encode("utf-16-le")
    # Cut every piece at steps of 37 characters, and around the sentence to mark deleted.
    new_cps, new_pcds, deleted = [0], [], range(0)
    for i in range(n):
        fc_raw = struct.unpack_from("<I", pcds[i], 2)[0]
        compressed = fc_raw & 0x40000000
        width = 1 if compressed else 2
        start = (fc_raw & 0x3FFFFFFF) // (2 if compressed else 1)
        cuts = set(range(cps[i], cps[i + 1], 37)) | {cps[i + 1]}
        if not compressed:
            at = text.find(marked, start, start + (cps[i + 1] - cps[i]) * 2)
            if at >= 0 and cps[i] + (at - start) // 2 < ccp_text:
                first = cps[i] + (at - start) // 2
                cuts |= {first, first + len(marked) // 2}
                deleted = range(first, first + len(marked) // 2)
        for a, b in zip(sorted(cuts - {cps[i + 1]} | {cps[i]}), sorted(cuts - {cps[i]})):
            if b <= a:
                continue
            fc = start + (a - cps[i]) * width
            raw = (fc * 2) | 0x40000000 if compressed else fc
            prm = 1 if a in deleted else 0  # Prm1 naming Prc 0
            new_pcds.append(struct.pack("<HIH", 0, raw, prm))
            new_cps.append(b)
    prc = bytes([1]) + struct.pack("<h", 3) + struct.pack("<HB", 0x0800, 1)  # sprmCFRMarkDel
    plc = struct.pack(f"<{len(new_cps)}I", *new_cps) + b"".join(new_pcds)
    new_clx = prc + bytes([2]) + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", word, 0x1A2, len(table), len(new_clx))
    table += new_clx
    struct.pack_into("<H", word, 0x0A, struct.unpack_from("<H", word, 0x0A)[0] | 0x0004)
    streams = {"WordDocument": bytes(word), table_name: bytes(table)}
    if "Data" in cfb.entries:
        streams["Data"] = cfb.stream("Data")
    return write_cfb(streams)


def make_style_numbered(tmp):
    """Headings numbered only through their paragraph style (as Word leaves a "标题 1" linked
    to a list): a docx with the numbering in styles.xml, saved as .doc by LibreOffice, which
    writes the list on the style and on each paragraph; the paragraphs' own sprmPIlfo is then
    turned into a harmless sprmPDxaRight80 of the same size, so that only the style names the
    list. Returns the .doc's bytes; the docx is written beside it in tests/readers_doc/data."""
    import make_docx_corpus as mdc
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              f'<w:styles xmlns:w="{mdc.W_NS}"><w:style w:type="paragraph" w:styleId="H1">'
              '<w:name w:val="heading 1"/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style></w:styles>')
    heading = '<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p>'
    body = "".join([mdc.para("某县统计局2022年政府信息公开工作年度报告"),
                    heading.format("总体情况"), mdc.para("全年主动公开政府信息12条。"),
                    heading.format("主动公开政府信息情况"), mdc.para("全年制发规范性文件3件。")])
    rels = mdc.DOC_RELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://'
                                'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                'styles" Target="styles.xml"/></Relationships>')
    types = mdc.CONTENT_TYPES.replace("</Types>", '<Override PartName="/word/styles.xml" '
                                      'ContentType="application/vnd.openxmlformats-'
                                      'officedocument.wordprocessingml.styles+xml"/></Types>')
    docx = os.path.join(HOSTILE, "style_numbering.docx")
    mdc.write_zip(docx, [("[Content_Types].xml", types), ("_rels/.rels", mdc.ROOT_RELS),
                         ("word/document.xml", mdc.document_xml(body)),
                         ("word/_rels/document.xml.rels", rels),
                         ("word/numbering.xml", mdc.numbering_xml()), ("word/styles.xml", styles)])
    soffice("doc:MS Word 97", [docx], tmp, os.path.join(tmp, "profile"))
    cfb = Cfb(open(os.path.join(tmp, "style_numbering.doc"), "rb").read())
    table = "1Table" if cfb.read("WordDocument", 0x0A, "<H") & 0x0200 else "0Table"
    fc, lcb = cfb.read("WordDocument", 0x102, "<I"), cfb.read("WordDocument", 0x106, "<I")
    n = (lcb - 4) // 8
    for i in range(n):
        pn = cfb.read(table, fc + (n + 1) * 4 + 4 * i, "<I") & 0x3FFFFF
        page = bytes(cfb.data[cfb.stream_offset("WordDocument", pn * 512 + k)] for k in range(512))
        at = page.find(b"\x0b\x46")
        while at >= 0:
            cfb.write("WordDocument", pn * 512 + at, "<H", 0x840E)
            at = page.find(b"\x0b\x46", at + 2)
    return cfb.data


def make_hostile():
    os.makedirs(HOSTILE, exist_ok=True)
    base_name = os.path.join(OUT, "2016-lingbi-civil-affairs-statistics.doc")
    base = open(base_name, "rb").read()
    rnd = random.Random(15)

    def write(name, data):
        with open(os.path.join(HOSTILE, name), "wb") as f:
            f.write(bytes(data))

    def mutated(change):
        cfb = Cfb(base)
        change(cfb)
        return cfb.data

    table = "1Table" if Cfb(base).read("WordDocument", 0x0A, "<H") & 0x0200 else "0Table"
    clx = Cfb(base).read("WordDocument", 0x1A2, "<I")
    bte_papx = Cfb(base).read("WordDocument", 0x102, "<I")
    bte_papx_lcb = Cfb(base).read("WordDocument", 0x106, "<I")

    write("truncated_half.doc", base[:len(base) // 2])
    write("truncated_header.doc", base[:300])

    def fat_loop(cfb):  # the WordDocument chain's second sector points back to its first
        chain = cfb.stream_sectors("WordDocument")
        struct.pack_into("<I", cfb.data, cfb.fat_at[chain[1]], chain[0])
    write("fat_loop.doc", mutated(fat_loop))

    def fat_loop_past_size(cfb):  # the loop starts after the stream's last sector: harmless
        chain = cfb.stream_sectors("WordDocument")
        struct.pack_into("<I", cfb.data, cfb.fat_at[chain[-1]], chain[0])
    write("fat_loop_past_size.doc", mutated(fat_loop_past_size))

    def fat_outside(cfb):  # the chain continues at a sector far past the end of the file
        chain = cfb.stream_sectors("WordDocument")
        struct.pack_into("<I", cfb.data, cfb.fat_at[chain[1]], 0x00FFFFF0)
    write("fat_outside.doc", mutated(fat_outside))

    def size_lie(cfb):  # the directory claims a 2 GiB WordDocument
        struct.pack_into("<I", cfb.data, cfb.entries["WordDocument"] + 120, 0x7FFFFFF0)
    write("stream_size_lie.doc", mutated(size_lie))

    noise = bytes(rnd.randrange(256) for _ in range(len(base) - 512))
    write("random_after_header.doc", base[:512] + noise)

    def piece_past_end(cfb):  # the first piece's text starts far beyond the stream
        at = clx
        while cfb.read(table, at, "<B") == 1:
            at += 3 + cfb.read(table, at + 1, "<H")
        lcb = cfb.read(table, at + 1, "<I")
        n = (lcb - 4) // 12
        cfb.write(table, at + 5 + (n + 1) * 4 + 2, "<I", 0x3FFFFF00)
    write("piece_past_end.doc", mutated(piece_past_end))
    write("clx_garbage.doc", mutated(lambda cfb: cfb.write(table, clx, "<B", 0x07)))
    write("ccp_text_beyond_pieces.doc",
          mutated(lambda cfb: cfb.write("WordDocument", 0x4C, "<I", 0x00FFFFFF)))
    write("encrypted_flag.doc", mutated(
        lambda cfb: cfb.write("WordDocument", 0x0A, "<H", cfb.read("WordDocument", 0x0A, "<H") | 0x0100)))
    write("word95.doc", mutated(lambda cfb: cfb.write("WordDocument", 2, "<H", 104)))
    write("fkp_out_of_range.doc", mutated(
        lambda cfb: cfb.write(table, bte_papx + (bte_papx_lcb + 4) // 2, "<I", 0x003FFFFF)))

    def fkp_bad_count(cfb):  # the first paragraph page claims 255 runs
        pn = cfb.read(table, bte_papx + (bte_papx_lcb + 4) // 2, "<I") & 0x3FFFFF
        cfb.write("WordDocument", pn * 512 + 511, "<B", 255)
    write("fkp_bad_count.doc", mutated(fkp_bad_count))
    write("table_stream_missing.doc", mutated(
        lambda cfb: cfb.write("WordDocument", 0x0A, "<H", cfb.read("WordDocument", 0x0A, "<H") ^ 0x0200)))
    write("not_word.doc", mutated(lambda cfb: cfb.rename("WordDocument", "Workbook")))
    write("works.wps", mutated(lambda cfb: cfb.rename("WordDocument", "CONTENTS")))
    write("old_kingsoft.wps", bytes(rnd.randrange(256) for _ in range(4096)))
    write("fast_saved.doc", make_fast_saved(base))
    with tempfile.TemporaryDirectory() as tmp:
        write("style_numbering.doc", make_style_numbered(tmp))
    make_password_protected(os.path.join(OUT, "2016-lingbi-civil-affairs-statistics.docx"),
                            os.path.join(HOSTILE, "encrypted_password.doc"))
    print("wrote", HOSTILE)


def make_password_protected(source, target):
    """Saves `source` as Word 97 with a password through LibreOffice's UNO API (python3-uno)."""
    script = r'''
import sys, time, subprocess, uno
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
src, dst, profile = sys.argv[1:4]
office = subprocess.Popen(["soffice", "--headless", "--norestore", "-env:UserInstallation=file://" + profile,
                           "--accept=pipe,name=nianbao_doc;urp;"], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL)
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(60):
        try:
            ctx = resolver.resolve("uno:pipe,name=nianbao_doc;urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(src), "_blank", 0, (prop("Hidden", True),))
    doc.storeToURL(uno.systemPathToFileUrl(dst), (prop("FilterName", "MS Word 97"), prop("Password", "nianbao")))
    doc.close(True)
finally:
    office.terminate()
    office.wait()
'''
    # Debian's python3 has python3-uno; a pyenv or venv python on PATH would not.
    python = "/usr/bin/python3"
    if subprocess.run([python, "-c", "import uno"], capture_output=True).returncode != 0:
        print("python3-uno not installed: encrypted_password.doc not made")
        return
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([python, "-c", script, source, target, os.path.join(tmp, "profile")],
                       check=True)


if __name__ == "__main__":
    main()
