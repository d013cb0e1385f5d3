"""A minimal PDF writer for the project's hand-made PDFs (tools/make_hostile_pdfs.py and the fuzz
seeds of tests/fuzz/make_seeds.py): objects given as bytes, numbered from 1, object 1 the
catalog, a classic cross-reference table."""

import zlib

HEADER = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def pdf_bytes(objects, header=HEADER):
    out = bytearray(header)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b"", compress=True):
    """A stream object: FlateDecode unless compress is False; `extra` goes into its dictionary."""
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
