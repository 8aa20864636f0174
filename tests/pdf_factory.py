"""Write small PDFs byte by byte for the reader tests (no reportlab needed).

``make_pdf(pages)`` takes, per page, a list of drawing instructions:
("text", x, y, size, string) with Helvetica (WinAnsi: use "•") or
("line", x0, y0, x1, y1), ("rect", x, y, w, h) stroked, ("bar", x, y, w, h)
filled (how Word draws hairline table borders) or ("slanted", x, y, size,
degrees, string): rotated text such as a "CONCEPT" watermark.
Cross-reference offsets are computed, so pdfium, pdfminer and pdfplumber all
read the result as a well-formed PDF.
"""
from __future__ import annotations

import math


def _escape(s: str) -> bytes:
    return s.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(ops) -> bytes:
    out = []
    for op in ops:
        if op[0] == "text":
            _, x, y, size, s = op
            out.append(b"BT /F1 %d Tf %d %d Td (" % (size, x, y) + _escape(s) + b") Tj ET")
        elif op[0] == "line":
            _, x0, y0, x1, y1 = op
            out.append(b"0.5 w %d %d m %d %d l S" % (x0, y0, x1, y1))
        elif op[0] in ("rect", "bar"):
            _, x, y, w, h = op
            paint = b"S" if op[0] == "rect" else b"f"
            out.append(b"0.5 w %.2f %.2f %.2f %.2f re " % (x, y, w, h) + paint)
        elif op[0] == "slanted":
            _, x, y, size, degrees, s = op
            a = math.radians(degrees)
            out.append(b"BT /F1 %d Tf %.4f %.4f %.4f %.4f %d %d Tm (" % (size, math.cos(a), math.sin(a), -math.sin(a),
                                                                         math.cos(a), x, y) + _escape(s) + b") Tj ET")
        elif op[0] == "image":   # a 2x2 grey image scaled over the page: a "scan"
            out.append(b"q 500 0 0 700 50 50 cm /Im1 Do Q")
    return b"\n".join(out)


def make_pdf(pages: list[list[tuple]], encrypt_with_unknown_password: bool = False) -> bytes:
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")            # filled in below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(b"<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
                b"/BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x40\x40\x80\nendstream")
    kids = []
    for ops in pages:
        data = _content(ops)
        stream = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                        % (pages_obj, stream, font, image)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                              + b"] /Count %d >>" % len(kids))
    encrypt = None
    if encrypt_with_unknown_password:
        # Standard security handler, RC4 40-bit; /U does not match the empty
        # password, so a reader must ask for the user password.
        encrypt = add(b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + b"11" * 32 + b"> /U <" + b"22" * 32 + b"> >>")

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, catalog)
    if encrypt:
        trailer += b" /Encrypt %d 0 R /ID [<" % encrypt + b"ab" * 16 + b"> <" + b"ab" * 16 + b">]"
    out += b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
