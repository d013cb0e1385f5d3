#!/usr/bin/env python3
"""Makes the hostile and odd PDFs the PDF reader's tests use (tests/readers_pdf/data/), and the
table of what the reader must say of each (tests/readers_pdf/data/README.md).

Most are made from a committed report of the PDF corpus, corpus/pdf/2022-all-nonzero.libreoffice.pdf
(LibreOffice, 4 pages, a 2021-template report in which no cell is zero or blank, so a file that
must be read can be checked figure by figure against corpus/pdf/2022-all-nonzero.libreoffice.pdf.golden.json).
The others are written here byte by byte: a small PDF writer with a classic cross-reference
table (write_pdf) is enough for the page-count, stream-size, nesting and font cases.

Needs (offline tools, not needed by the build or the tests, since the files are committed):
  Debian packages qpdf (qpdf, fix-qdf) and poppler-utils (pdftotext, pdfinfo: the checks below).
The script checks what it can without the reader: that pdftotext finds no Chinese in the
unmapped-font files, that qpdf rejects the encrypted one without its password and opens the
owner-password one without any, that the stream of the huge-stream file inflates past 64 MiB.

Usage: tools/make_hostile_pdfs.py [OUTPUT_DIR]   (default: tests/readers_pdf/data)
Deterministic: fixed random seeds, no dates (qpdf --static-id, and --static-aes-iv: test-only options, fine for test files),
except the two encrypted files: AES-256 (R6) draws its file key at random, which qpdf cannot fix.
"""
import os
import random
import re
import subprocess
import sys
import tempfile
from minimal_pdf import HEADER, pdf_bytes, stream

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPORT = os.path.join(ROOT, "corpus", "pdf", "2022-all-nonzero.libreoffice.pdf")
SCANNED = os.path.join(ROOT, "corpus", "pdf", "2022-all-nonzero.scanned.pdf")
MIB = 1024 * 1024

ROWS = []  # (file, how it was made, what the reader must give) for the README


def note(name, how, expect):
    ROWS.append((name, how, expect))


def qpdf(*args):
    # qpdf exits 3 for warnings it recovered from; the file is still written.
    r = subprocess.run(["qpdf", *args], capture_output=True)
    if r.returncode not in (0, 3):
        sys.exit(f"qpdf {' '.join(args)}: {r.stderr.decode(errors='replace')}")


def pdftotext(path):
    r = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True)
    return r.stdout.decode("utf-8", "replace")


def han_count(text):
    return sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")


# ---------------------------------------------------------------------------------------------
# Hand-made PDFs: tools/minimal_pdf.py writes them.


def write_pdf(path, objects, header=HEADER):
    with open(path, "wb") as f:
        f.write(pdf_bytes(objects, header))


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


# ---------------------------------------------------------------------------------------------
# The files


def encrypted_user_password(out, tmp):
    name = "encrypted-user-password.pdf"
    qpdf("--static-id", "--static-aes-iv", "--encrypt", "USERPW", "OWNERPW", "256", "--", REPORT, os.path.join(out, name))
    r = subprocess.run(["qpdf", "--check", os.path.join(out, name)], capture_output=True)
    if r.returncode == 0:
        sys.exit(f"{name}: qpdf opens it without the password")
    note(name, "the report encrypted with a user password (`qpdf --encrypt USERPW OWNERPW 256 --`, AES-256)",
         "failed, `pdf_encrypted`; no figures")


def owner_password_only(out, tmp):
    name = "owner-password-only.pdf"
    qpdf("--static-id", "--static-aes-iv", "--encrypt", "", "OWNERPW", "256", "--print=none", "--modify=none", "--extract=n", "--",
         REPORT, os.path.join(out, name))
    if han_count(pdftotext(os.path.join(out, name))) < 500:
        sys.exit(f"{name}: pdftotext cannot read it")
    note(name, "the report encrypted with an empty user password and an owner password, printing, changing and "
         "copying refused (`qpdf --encrypt '' OWNERPW 256 --print=none --modify=none --extract=n --`)",
         "read as viewers do: status ok, the figures of `corpus/pdf/2022-all-nonzero.libreoffice.pdf` (200, every "
         "one right); no failure diagnostic")


def truncated(out, tmp):
    name = "truncated-60.pdf"
    data = open(REPORT, "rb").read()
    open(os.path.join(out, name), "wb").write(data[:len(data) * 6 // 10])
    note(name, "the report's first 60 % of bytes: no cross-reference table, no trailer, the page tree (which "
         "LibreOffice writes last) missing", "failed, `pdf_damaged`")


def garbage_after_header(out, tmp):
    name = "garbage-after-header.pdf"
    rng = random.Random(14)
    open(os.path.join(out, name), "wb").write(b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(16384)))
    note(name, "`%PDF-1.7` then 16 KiB of random bytes (seed 14)", "failed, `pdf_damaged`")


def header_only(out, tmp):
    name = "header-only.pdf"
    open(os.path.join(out, name), "wb").write(b"%PDF-1.7")
    note(name, "the 8 bytes `%PDF-1.7` and nothing after them", "failed, `pdf_damaged`")


def xref_offsets_shifted(out, tmp):
    name = "xref-offsets-shifted.pdf"
    data = open(REPORT, "rb").read()
    end_of_header = data.index(b"\n") + 1
    # 19 bytes inserted after the header line: every offset of the xref table and startxref is
    # now wrong, the objects themselves intact, as after a careless edit or a text-mode transfer.
    open(os.path.join(out, name), "wb").write(data[:end_of_header] + b"%inserted-19-bytes\n" + data[end_of_header:])
    note(name, "the report with 19 bytes (a comment line) inserted after the header: every xref offset and "
         "startxref 19 bytes short", "read after repair: `pdf_repaired` (warning), status ok, all 200 figures right")


def startxref_wrong(out, tmp):
    name = "startxref-wrong.pdf"
    data = open(REPORT, "rb").read()
    m = list(re.finditer(rb"startxref\s+(\d+)", data))[-1]
    wrong = b"%d" % (int(m.group(1)) // 2)
    wrong = wrong.rjust(len(m.group(1)), b"0")  # same length: nothing else moves
    data = data[:m.start(1)] + wrong + data[m.end(1):]
    open(os.path.join(out, name), "wb").write(data)
    note(name, "the report with its startxref pointing to the middle of the file (half the true offset, "
         "zero-padded to the same length)", "read after repair: `pdf_repaired` (warning), status ok, all 200 figures right")


def leading_junk(out, tmp):
    name = "leading-junk.pdf"
    junk = (b"HTTP/1.1 200 OK\r\nServer: nginx\r\nContent-Type: application/pdf\r\n"
            b"Content-Disposition: attachment; filename=\"2022nb.pdf\"\r\n\r\n")
    junk += b" " * (700 - len(junk))
    assert len(junk) == 700
    open(os.path.join(out, name), "wb").write(junk + open(REPORT, "rb").read())
    note(name, "the report after 700 bytes of junk (an HTTP response header saved with the body, padded with "
         "spaces): `%PDF-` at byte 700, within the first 1024", "read: status ok, all 200 figures right "
         "(a `pdf_repaired` warning is acceptable: the offsets count from the header, MuPDF 1.21 repairs)")


def image_only(out, tmp):
    name = "image-only.pdf"
    qpdf("--static-id", "--empty", "--pages", SCANNED, "1", "--", os.path.join(out, name))
    if pdftotext(os.path.join(out, name)).strip():
        sys.exit(f"{name} has text")
    note(name, "page 1 of `corpus/pdf/2022-all-nonzero.scanned.pdf` (pdftoppm -r 150 -mono, img2pdf) taken by "
         "`qpdf --empty --pages`", "failed, `pdf_no_text_layer`; no figures")


def text_unmapped_libreoffice(out, tmp):
    name = "text-unmapped-libreoffice.pdf"
    qdf, stripped = os.path.join(tmp, "q.pdf"), os.path.join(tmp, "stripped.pdf")
    qpdf("--static-id", "--qdf", "--object-streams=disable", REPORT, qdf)
    data = open(qdf, "rb").read()
    data, removed = re.subn(rb"\n\s*/ToUnicode \d+ 0 R", b"", data)
    if not removed:
        sys.exit("no /ToUnicode in the LibreOffice report")
    open(stripped, "wb").write(data)
    fixed = subprocess.run(["fix-qdf", stripped], check=True, capture_output=True).stdout
    open(qdf, "wb").write(fixed)
    # Written again normally: the orphaned ToUnicode streams dropped, streams compressed.
    qpdf("--static-id", qdf, os.path.join(out, name))
    text = pdftotext(os.path.join(out, name))
    if han_count(text):
        sys.exit(f"{name}: pdftotext still finds Chinese")
    note(name, f"the report through `qpdf --qdf --object-streams=disable`, its {removed} `/ToUnicode` entries "
         "removed from the font dictionaries (LibreOffice's subsetted CFF fonts, builtin encoding), `fix-qdf`, "
         "written again by qpdf; pdftotext gives ASCII garbage (`!\"#$%&'()*`), mutool U+FFFD",
         "`pdf_text_unmapped`, no figures from that text (status failed: every word of it is unmapped)")


def cid_identity_no_tounicode(out, tmp):
    """A Type 0 font, Identity-H, Adobe-Identity-0, not embedded, no ToUnicode: the codes are
    glyph numbers of a font nobody has, so no program can tell which characters they are."""
    name = "cid-identity-no-tounicode.pdf"
    lines = ["某县财政局2022年政府信息公开工作年度报告", "三、收到和处理政府信息公开申请情况",
             "一、本年新收政府信息公开申请数量 12 3 0 0 1 0 16"]
    rng = random.Random(7)
    glyph = {}

    def gid(ch):
        # a fixed but arbitrary glyph number per character (a permutation, not the code point)
        if ch not in glyph:
            glyph[ch] = rng.randrange(1, 30000)
        return glyph[ch]

    content = b"BT /F1 14 Tf 16 TL 60 780 Td\n"
    for line in lines:
        content += b"<" + "".join(f"{gid(ch):04X}" for ch in line).encode() + b"> Tj T*\n"
    content += b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 "
        b"/Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>",
    ]
    write_pdf(os.path.join(out, name), objects)
    # pdftotext takes the Identity codes for Unicode: CJK characters, but not the words shown.
    if "政府信息公开" in pdftotext(os.path.join(out, name)):
        sys.exit(f"{name}: pdftotext reads the words")
    note(name, "written by hand: a title, a heading and a table 三 row shown with a Type 0 font (Identity-H, "
         "CIDFontType2 /SimSun not embedded, Adobe-Identity-0), no ToUnicode, codes that are arbitrary glyph "
         "numbers; pdftotext shows them as unrelated CJK characters (it takes the codes for Unicode), mutool as U+FFFD",
         "`pdf_text_unmapped`, no figures (status failed)")


def ocr_text_layer(out, tmp):
    """A scanner's searchable PDF: the page is an image, and over it the recognised text is drawn
    invisible (render mode 3), in a Type 0 font whose ToUnicode map gives the characters."""
    name = "ocr-text-layer.pdf"
    lines = ["某镇人民政府2022年政府信息公开工作年度报告", "一、总体情况",
             "2022年，本镇共主动公开政府信息356条。"]
    chars = sorted({ord(ch) for line in lines for ch in line})
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /OCR-UCS def "
            "/CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(chars)} beginbfchar " + " ".join(f"<{c:04X}> <{c:04X}>" for c in chars) +
            " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    content = b"q 595 0 0 842 0 0 cm /Im1 Do Q\nBT 3 Tr /F1 14 Tf 18 TL 60 780 Td\n"
    for line in lines:
        content += b"<" + "".join(f"{ord(ch):04X}" for ch in line).encode() + b"> Tj T*\n"
    content += b"ET\n"
    image = bytes([200, 180, 220, 190])  # 2 x 2 grey pixels: the "scan"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 8 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /GlyphLessFont /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 9 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /GlyphLessFont /CIDToGIDMap /Identity "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /GlyphLessFont /Flags 5 /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        stream(image, b" /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
               b"/BitsPerComponent 8"),
        stream(cmap),
    ]
    write_pdf(os.path.join(out, name), objects)
    if "政府信息公开" not in pdftotext(os.path.join(out, name)):
        sys.exit(f"{name}: pdftotext does not read the invisible text")
    note(name, "written by hand: one page that is an image (2×2 grey pixels scaled to the page) with the "
         "title, a heading and a sentence drawn over it invisible (`3 Tr`) in a Type 0 font with a ToUnicode "
         "map, as scanners' searchable PDFs are made",
         "the text is read (status ok) with a `pdf_text_layer_ocr` warning naming page 1")


def many_pages(out, tmp, pages=6000, per_node=100):
    """6,000 pages in a two-level page tree (60 nodes of 100), all sharing one small content
    stream and the resources inherited from the root, so the file stays small."""
    name = f"pages-{pages}.pdf"
    nodes = pages // per_node
    # objects: 1 catalog, 2 root Pages, 3 content, 4 font, 5.. intermediate nodes, then pages
    first_node, first_page = 5, 5 + nodes
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 200 200] /Resources << /Font << /F1 4 0 R >> >> >>"
               % (b" ".join(b"%d 0 R" % (first_node + i) for i in range(nodes)), pages),
               stream(b"BT /F1 10 Tf 20 180 Td (blank page) Tj ET\n", compress=False),
               HELVETICA]
    for i in range(nodes):
        kids = b" ".join(b"%d 0 R" % (first_page + i * per_node + k) for k in range(per_node))
        objects.append(b"<< /Type /Pages /Parent 2 0 R /Kids [%s] /Count %d >>" % (kids, per_node))
    for p in range(pages):
        objects.append(b"<< /Type /Page /Parent %d 0 R /Contents 3 0 R >>" % (first_node + p // per_node))
    write_pdf(os.path.join(out, name), objects)
    info = subprocess.run(["pdfinfo", os.path.join(out, name)], capture_output=True, check=True).stdout.decode()
    if f"Pages:           {pages}" not in info:
        sys.exit(f"{name}: pdfinfo does not count {pages} pages")
    note(name, f"written by hand: {pages} pages of 200×200 pt in a two-level page tree, each showing "
         "`blank page` in Helvetica from one shared content stream", "`pdf_pages_truncated` (warning): only the "
         "reader's page limit is read, in bounded time and memory; no figures (no report in it)")


def huge_stream(out, tmp, inflated=72 * MIB):
    name = "stream-72mib.pdf"
    op = b"0 0 m\n"
    body = op * (inflated // len(op))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
               stream(body)]
    write_pdf(os.path.join(out, name), objects)
    if len(body) <= 64 * MIB:
        sys.exit(f"{name}: the stream inflates to only {len(body)} bytes")
    note(name, f"written by hand: one page whose FlateDecode content stream inflates to {len(body):,} bytes "
         f"(`0 0 m` repeated, {len(body) // MIB} MiB) from {os.path.getsize(os.path.join(out, name)):,}",
         "`pdf_stream_too_large`; the stream is not inflated past the limit (memory stays bounded), no crash")


def deeply_nested(out, tmp, depth=100000):
    name = "nested-arrays.pdf"
    nested = b"[" * depth + b"]" * depth
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> /Annots " + nested + b" >>",
               stream(b"BT /F1 12 Tf 72 770 Td (nested) Tj ET\n", compress=False),
               HELVETICA]
    write_pdf(os.path.join(out, name), objects)
    note(name, f"written by hand: a page whose /Annots is {depth:,} nested arrays", "failed, `pdf_damaged`: no crash "
         "and no stack overflow under ASan (MuPDF 1.21 gives up with `exception stack overflow` and finds no "
         "page); no figures")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "readers_pdf", "data")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for make in (encrypted_user_password, owner_password_only, truncated, garbage_after_header, header_only,
                     xref_offsets_shifted, startxref_wrong, leading_junk, image_only, text_unmapped_libreoffice,
                     cid_identity_no_tounicode, ocr_text_layer, many_pages, huge_stream, deeply_nested):
            make(out, tmp)
    total = 0
    for name, _, _ in ROWS:
        size = os.path.getsize(os.path.join(out, name))
        total += size
        print(f"wrote {name}: {size} bytes")
    print(f"{len(ROWS)} files, {total} bytes")
    write_readme(out)


def write_readme(out):
    lines = ["# Hostile and odd PDFs for the PDF reader's tests", "",
             "Made by `tools/make_hostile_pdfs.py` (run it again to remake them; it needs qpdf and poppler-utils,",
             "the tests do not). \"The report\" is `corpus/pdf/2022-all-nonzero.libreoffice.pdf` (LibreOffice, 4 pages,",
             "200 figures, none zero or blank); where it must be read, its golden",
             "`corpus/pdf/2022-all-nonzero.libreoffice.pdf.golden.json` says what the figures are.", "",
             "Every file gets exactly one record and never a crash; the library's own messages become diagnostics.", "",
             "| file | bytes | how it was made | what the reader must give |",
             "|---|---:|---|---|"]
    for name, how, expect in ROWS:
        lines.append(f"| `{name}` | {os.path.getsize(os.path.join(out, name)):,} | {how} | {expect} |")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
