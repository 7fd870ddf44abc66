"""Bytes to text: format sniffing, encodings, binary detection, HTML to block text, PDF text.
No file IO here. `FORMATS` is the one list of input format names (the CLI's `--format`)."""

from __future__ import annotations

import hashlib
import re
import threading

from .model import InputFormatError

# What `read_text` accepts as `fmt`; "auto" sniffs the bytes.
FORMATS = ("auto", "text", "html", "pdf")

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, *, source: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when the NUL
    bytes show it), or Windows-1252.

    Returns the text and warnings. Raises InputFormatError for empty or binary input.
    """
    warnings: list[str] = []
    if not data.strip():
        raise InputFormatError(
            f"{source}: the file is empty: expected the text of a TIP country narrative"
        )
    if looks_like_pdf(data):
        raise InputFormatError(
            f"{source}: a PDF file read as text: expected text or HTML; "
            "read it as a PDF (--format auto or pdf)"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    utf16 = _utf16_without_bom(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputFormatError(
                f"{source}: byte {exc.start}: starts with a UTF-16 byte-order mark but is not "
                "UTF-16 text: expected a text or HTML TIP country narrative"
            ) from None
    elif utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError as exc:
            raise InputFormatError(
                f"{source}: byte {exc.start}: looks like {utf16.upper()} text without a "
                "byte-order mark but does not decode as it: expected a text or HTML TIP "
                "country narrative; save it again as UTF-8"
            ) from None
        warnings.append(f"decoded as {utf16.upper()}: UTF-16 text without a byte-order mark")
    elif b"\x00" in data[:4096]:
        nul = data.index(b"\x00")
        raise InputFormatError(
            f"{source}: byte {nul}: binary data (NUL byte): "
            "expected a text or HTML TIP country narrative"
        )
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputFormatError(
                    f"{source}: byte {exc.start}: not UTF-8 and not Windows-1252 text: "
                    "expected a text or HTML TIP country narrative"
                ) from None
            warnings.append(f"decoded as Windows-1252 (not valid UTF-8 at byte {exc.start})")
    controls = len(_CONTROL.findall(text))
    if "\x00" in text or controls > max(8, len(text) // 100):
        raise InputFormatError(
            f"{source}: binary data ({controls} control characters): "
            "expected a text or HTML TIP country narrative"
        )
    return text.lstrip("\ufeff"), warnings


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit at every other position as in text of
    Latin letters written in UTF-16 without a byte-order mark; else None."""
    head = data[:4096]
    if len(head) < 4:
        return None
    pairs = len(head) // 2
    odd_nul = sum(1 for k in range(1, 2 * pairs, 2) if head[k] == 0)
    even_nul = sum(1 for k in range(0, 2 * pairs, 2) if head[k] == 0)
    if odd_nul >= 0.6 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def looks_like_pdf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"%PDF-"


def read_text(data: bytes, *, source: str, fmt: str = "auto") -> tuple[str, list[str]]:
    """Bytes of any accepted format to text and warnings. Raises InputFormatError."""
    if fmt not in FORMATS:
        raise InputFormatError(f"{source}: unknown format {fmt!r}: expected one of {FORMATS}")
    if fmt == "pdf" or (fmt == "auto" and looks_like_pdf(data)):
        return pdf_to_text(data, source=source), []
    text, warnings = decode(data, source=source)
    if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
        text = html_to_text(text)
    return text, warnings


def looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(re.findall(r"</?(?:p|div|li|ul|body|span|h\d|br)\b", text[:20000], re.I)) >= 3


_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "button",
    "svg",
    "template",
    "iframe",
    "select",
)
_BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figcaption",
    "caption",
)


def html_to_text(markup: str) -> str:
    """Page text as blocks separated by blank lines; list items become `• ` lines.

    Scripts, styles, navigation, headers, footers and forms are removed first.
    """
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    with warnings.catch_warnings():  # XHTML pages are still pages
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(markup, "lxml")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": ("navigation", "banner", "contentinfo", "search")}):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    blocks: list[str] = []
    body = soup.body or soup
    for el in body.find_all(_BLOCK_TAGS + ("div",)):
        # Only the innermost block carries the text; a div only when it has no block children.
        if el.find(_BLOCK_TAGS + ("div",)):
            continue
        if el.find_parent(("li",)) and el.name != "li":
            continue
        text = el.get_text(" ")
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        if not text:
            if el.name == "li":
                blocks.append("•")
            continue
        blocks.append(("• " + text) if el.name == "li" else text)
    return "\n\n".join(blocks) + "\n"


# PDFium is not thread-safe, not even across documents: one call at a time per process.
_PDFIUM_LOCK = threading.Lock()
PAGE_BREAK = "\f"


def pdf_to_text(data: bytes, *, source: str) -> str:
    """The text layer of a PDF, page by page, pages separated by a form feed (as pdftotext
    writes them), so the parser can tell the page's running header and footer.

    PDFium (pypdfium2) marks a hyphen at a line end and joins the two lines; the line break
    is put back after the hyphen, and the parser decides between `traffick-ing` (joined) and
    `anti-trafficking` (kept). Raises InputFormatError for encrypted, damaged or scanned
    PDFs."""
    import pypdfium2 as pdfium

    pages: list[str] = []
    with _PDFIUM_LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_PASSWORD:
                raise InputFormatError(
                    f"{source}: an encrypted PDF that needs a password: expected a PDF that "
                    "opens without one; save an unprotected copy first"
                ) from None
            if getattr(exc, "err_code", None) == pdfium.raw.FPDF_ERR_SECURITY:
                raise InputFormatError(
                    f"{source}: a PDF with an unsupported security handler: expected a PDF "
                    "that opens without one; save an unprotected copy first"
                ) from None
            raise InputFormatError(
                f"{source}: not a readable PDF ({exc}): expected a PDF of the report; if it "
                "opens elsewhere, extract the text first (for example with pdftotext) and use "
                "the .txt file"
            ) from None
        try:
            for index in range(len(doc)):
                page = doc[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
        finally:
            doc.close()
    text = PAGE_BREAK.join(
        p.replace("\r\n", "\n").replace("\r", "\n").replace("\ufffe", "-\n") for p in pages
    )
    if not text.strip():
        raise InputFormatError(
            f"{source}: a PDF with no text layer ({len(pages)} page(s) of images, as a scanner "
            "makes them): expected a PDF with text; OCR it first"
        )
    return text
