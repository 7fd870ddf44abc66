"""Hostile PDFs, written byte by byte by the tests (never stored copies), and narratives in
the report's layout with running headers and footers, made with fpdf2.

`raw_pdf` writes the objects of a PDF and its cross-reference table itself, so a test can
make a page tree lie about its size, nest it thousands of levels deep, or put a content
stream that inflates to millions of characters behind a few kilobytes.
"""

from __future__ import annotations

import zlib
from datetime import UTC, datetime

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (object 1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes) -> bytes:
    packed = zlib.compress(data, 9)
    return b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream"


def _page(parent: int, font: int, contents: int) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (parent, font, contents))


def text_lines(lines: list[str], size: int = 10) -> bytes:
    """A content stream that shows `lines` one under the other."""
    body = b"".join(b"(" + line.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
                    + b") Tj 0 -14 Td\n" for line in lines)
    return b"BT /F1 %d Tf 50 740 Td\n" % size + body + b"ET"


def pages_pdf(contents: list[bytes], *, count: int | None = None) -> bytes:
    """One page per content stream; `count`: what the page tree says (a lie if not None)."""
    n = len(contents)
    kids = b" ".join(b"%d 0 R" % (3 + 2 * k) for k in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, n if count is None else count)]
    font = 3 + 2 * n
    for k, content in enumerate(contents):
        objects += [_page(2, font, 4 + 2 * k), stream(content)]
    objects.append(_FONT)
    return raw_pdf(objects)


def deep_tree_pdf(depth: int, lines: list[str]) -> bytes:
    """One page below `depth` nested /Pages nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for k in range(depth):
        me = 2 + k
        parent = b" /Parent %d 0 R" % (me - 1) if k else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (me + 1, parent))
    leaf = 2 + depth
    objects += [_page(leaf - 1, leaf + 1, leaf + 2), _FONT, stream(text_lines(lines))]
    return raw_pdf(objects)


def text_bomb(chars: int, per_object: int = 1000) -> bytes:
    """One page whose content stream shows `chars` characters (compressed: a few KB)."""
    row = b"(" + b"A" * per_object + b") Tj 0 -1 Td\n"
    content = b"BT /F1 1 Tf 10 780 Td\n" + row * (chars // per_object) + b"ET"
    return pages_pdf([content])


def narrative_pdf(pages: list[list[str]], *, running: str = "", footer: str = "") -> bytes:
    """A narrative laid out as the report prints it (fpdf2): `pages` of body lines, and from
    the second page on a running header (`running`) above the body and a footer (`footer`,
    `{n}` for the page number) below it."""
    from fpdf import FPDF

    class Report(FPDF):
        def header(self):
            if running and self.page_no() > 1:
                self.set_font("helvetica", size=7)
                self.cell(0, 5, running, align="R")
                self.ln(10)

        def footer(self):
            if footer:
                self.set_y(-12)
                self.set_font("helvetica", size=7)
                self.cell(0, 5, footer.format(n=self.page_no()), align="C")

    pdf = Report(format="letter")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(datetime(2023, 6, 1, tzinfo=UTC))  # the same bytes every time
    for lines in pages:
        pdf.add_page()
        pdf.set_font("helvetica", size=9)
        for line in lines:
            pdf.cell(0, 4.5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
