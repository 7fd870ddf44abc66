"""Build PDFs in the annual report's layout for tests and benchmarks (reportlab, dev extra).

Pages carry a running header (the report title on even pages, the country in capitals on
odd pages) and the page number; body lines are laid out exactly as given, so the text a
test compares with is the same lines joined by newlines. The font is reportlab's bundled
Bitstream Vera, which has the `fi`/`fl` ligature glyphs: text may use U+FB01/U+FB02.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    lines: tuple[str, ...]
    running: str  # "FREEDONIA", or "" for the report title
    number: int


REPORT_TITLE = "TRAFFICKING IN PERSONS REPORT | JUNE 2022"


def paginate(
    lines: list[str], *, per_page: int, running: list[str], first: int = 214
) -> list[Page]:
    """Cut body lines into pages of `per_page` lines; `running[k]` heads page k."""
    pages = []
    for k in range(0, len(lines), per_page):
        n = k // per_page
        pages.append(
            Page(tuple(lines[k : k + per_page]), running[min(n, len(running) - 1)], first + n)
        )
    return pages


def build_pdf(pages: list[Page], *, encrypt: str | None = None, size: float = 9.0) -> bytes:
    import reportlab
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")
    if "Vera" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Vera", font))
    out = io.BytesIO()
    enc = StandardEncryption(encrypt, canPrint=1) if encrypt else None
    c = canvas.Canvas(out, pagesize=letter, encrypt=enc, invariant=1)
    width, height = letter
    for page in pages:
        c.setFont("Vera", 7)
        header = page.running or REPORT_TITLE
        if page.number % 2:  # odd: country on the right, number at the outer edge
            c.drawRightString(width - 90, height - 40, header)
            c.drawRightString(width - 50, height - 40, str(page.number))
        else:
            c.drawString(50, height - 40, str(page.number))
            c.drawString(90, height - 40, header)
        c.setFont("Vera", size)
        y = height - 72
        for line in page.lines:
            c.drawString(50, y, line)
            y -= size * 1.3
        c.showPage()
    c.save()
    return out.getvalue()


def build_scanned_pdf() -> bytes:
    """A page that is only an image (no text layer), as a scanner makes it."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 200), 255)
    ImageDraw.Draw(img).text((20, 80), "FREEDONIA: TIER 2", fill=0)
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter, invariant=1)
    c.drawImage(ImageReader(io.BytesIO(buf.getvalue())), 50, 400, 400, 200)
    c.showPage()
    c.save()
    return out.getvalue()
