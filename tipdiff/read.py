"""Bytes to text: encodings, binary detection, HTML to block text. No file IO here."""

from __future__ import annotations

import hashlib
import re

from .model import InputFormatError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, *, source: str) -> tuple[str, list[str]]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252.

    Returns the text and warnings. Raises InputFormatError for empty or binary input.
    """
    warnings: list[str] = []
    if not data.strip():
        raise InputFormatError(
            f"{source}: the file is empty: expected the text of a TIP country narrative"
        )
    if data.lstrip()[:5] == b"%PDF-":
        raise InputFormatError(
            f"{source}: a PDF file: expected text or HTML; extract the text first "
            "(for example with pdftotext) and use the .txt file"
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputFormatError(
                f"{source}: byte {exc.start}: starts with a UTF-16 byte-order mark but is not "
                "UTF-16 text: expected a text or HTML TIP country narrative"
            ) from None
    else:
        if b"\x00" in data[:4096]:
            nul = data.index(b"\x00")
            raise InputFormatError(
                f"{source}: byte {nul}: binary data (NUL byte): "
                "expected a text or HTML TIP country narrative"
            )
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
