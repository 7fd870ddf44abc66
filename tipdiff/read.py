"""Bytes to text: format sniffing, encodings, binary detection, HTML to block text, PDF text.
No file IO here. `FORMATS` is the one list of input format names (the CLI's `--format`)."""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import hashlib
import os
import pickle
import re
import select
import signal
import sys
import threading
import time

from .limits import (
    MAX_PAGE_CHARS,
    MAX_PDF_CHARS,
    MAX_PDF_MEMORY,
    MAX_PDF_PAGES,
    MAX_PDF_SECONDS,
    is_pdf,
)
from .model import InputFormatError

# What `read_text` accepts as `fmt`; "auto" sniffs the bytes.
FORMATS = ("auto", "text", "html", "pdf")

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def path_text(path: str | os.PathLike) -> str:
    """A path as tipdiff writes it in tables, the manifest and messages: always valid text.

    A file name is bytes; Python hands a name that is not UTF-8 over with each byte that
    does not decode as a lone surrogate (`caf\\udce9`), which no UTF-8 file can hold. Such a
    name is written byte-faithfully: each byte that is not UTF-8 as `\\xHH` and a backslash
    as `\\\\` (`caf\\xe9_2023.txt`); every other name as it is. A name written with a
    backslash is therefore always of the escaped form, and `path_bytes` gives the exact bytes
    back. (Terminal output escapes control characters on top of this:
    tipdiff.render.escape.)"""
    text = os.fspath(path)
    if isinstance(text, bytes):
        raw = text
    elif not _SURROGATE.search(text) and "\\" not in text:
        return text
    else:
        raw = text.encode("utf-8", "surrogateescape")
    if b"\\" not in raw:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return raw.replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")


def path_bytes(text: str) -> bytes:
    """The exact bytes of a name `path_text` wrote."""
    if "\\" not in text:
        return text.encode("utf-8")
    out = bytearray()
    for m in re.finditer(r"\\\\|\\x([0-9a-f]{2})|[^\\]+|\\", text):
        if m.group(0) == "\\\\":
            out += b"\\"
        elif m.group(1):
            out.append(int(m.group(1), 16))
        else:
            out += m.group(0).encode("utf-8")
    return bytes(out)


_SURROGATE = re.compile("[\udc80-\udcff]")


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
    odd_nul = head[1 : 2 * pairs : 2].count(0)
    even_nul = head[0 : 2 * pairs : 2].count(0)
    if odd_nul >= 0.6 * pairs and even_nul <= 0.05 * pairs:
        return "utf-16-le"
    if even_nul >= 0.6 * pairs and odd_nul <= 0.05 * pairs:
        return "utf-16-be"
    return None


def looks_like_pdf(data: bytes) -> bool:
    return is_pdf(data[:4096])


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
    `anti-trafficking` (kept).

    Any failure of the reader, at any step (opening, the page count, a page, its text), is an
    InputFormatError naming the file (and the page), as are encrypted, scanned and oversized
    PDFs (tipdiff.limits: pages, characters per page and per document, checked while the text
    is extracted). Where the system allows it (POSIX), the reader runs in a child process
    with at most MAX_PDF_MEMORY of address space and MAX_PDF_SECONDS of time, so a PDF that
    would need more memory, or that crashes the reader, is an error for that file only."""
    with _PDFIUM_LOCK:
        if hasattr(os, "fork") and sys.platform.startswith("linux"):
            return _in_child(data, source)
        return _extract_pdf_text(data, source)


def _too_big(where: str, what: str, limit: str, name: str) -> InputFormatError:
    return InputFormatError(
        f"{where}: {what}, more than the {limit} (tipdiff.limits.{name}): expected the PDF "
        "of one narrative or of the report; the file was not used"
    )


def _extract_pdf_text(data: bytes, source: str) -> str:
    """pdf_to_text's work, in this process (the caller holds the lock)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            raise InputFormatError(
                f"{source}: an encrypted PDF that needs a password: expected a PDF that "
                "opens without one; save an unprotected copy first"
            ) from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise InputFormatError(
                f"{source}: a PDF with an unsupported security handler: expected a PDF "
                "that opens without one; save an unprotected copy first"
            ) from None
        raise _unreadable(source, "", exc) from None
    except Exception as exc:  # noqa: BLE001 - the reader's own failure, whatever it is
        raise _unreadable(source, "", exc) from None
    pages: list[str] = []
    total = 0
    try:
        try:
            n = len(doc)
        except Exception as exc:  # noqa: BLE001
            raise _unreadable(source, " (its page count)", exc) from None
        if n > MAX_PDF_PAGES:
            raise _too_big(
                source,
                f"the PDF says it has {n:,} pages",
                f"{MAX_PDF_PAGES:,} pages tipdiff reads",
                "MAX_PDF_PAGES",
            )
        for index in range(n):
            where = f" (page {index + 1} of {n})"
            try:
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        chars = textpage.count_chars()
                        if chars > MAX_PAGE_CHARS:
                            raise _too_big(
                                f"{source}: page {index + 1}",
                                f"{chars:,} characters of text",
                                f"{MAX_PAGE_CHARS:,} characters a page may have",
                                "MAX_PAGE_CHARS",
                            )
                        if total + chars > MAX_PDF_CHARS:
                            raise _too_big(
                                f"{source}: page {index + 1}",
                                f"{total + chars:,} characters of text up to this page",
                                f"{MAX_PDF_CHARS:,} characters a PDF may have",
                                "MAX_PDF_CHARS",
                            )
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                finally:
                    page.close()
            except InputFormatError:
                raise
            except Exception as exc:  # noqa: BLE001 - any failure of the reader on this page
                raise _unreadable(source, where, exc) from None
            total += len(text)
            pages.append(text)
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


def _unreadable(source: str, where: str, exc: BaseException) -> InputFormatError:
    why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    return InputFormatError(
        f"{source}: not a readable PDF{where} ({why}): expected a PDF of the report; if it "
        "opens elsewhere, extract the text first (for example with pdftotext) and use "
        "the .txt file"
    )


def _in_child(data: bytes, source: str) -> str:
    """_extract_pdf_text in a forked child with bounded address space and time; its result
    (text or error message) comes back through a pipe. The child dies with this process."""
    import resource  # noqa: F401 - imported here, not first in the child

    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns
        status = 0
        try:
            os.close(read_end)
            _child_limits()
            try:
                result = ("text", _extract_pdf_text(data, source))
            except InputFormatError as exc:
                result = ("error", str(exc))
            except MemoryError:
                result = ("memory", "")
            payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            with open(write_end, "wb") as fh:
                fh.write(payload)
        except BaseException:  # noqa: BLE001 - the parent reports a child that failed
            status = 1
        finally:
            os._exit(status)
    os.close(write_end)
    deadline = time.monotonic() + MAX_PDF_SECONDS
    chunks = []
    try:
        with open(read_end, "rb") as fh:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([fh], [], [], left)[0]:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    raise InputFormatError(
                        f"{source}: reading the PDF's text took more than {MAX_PDF_SECONDS:g} s "
                        "(tipdiff.limits.MAX_PDF_SECONDS): expected a PDF of the report; "
                        "extract the text first (for example with pdftotext) and use the "
                        ".txt file"
                    )
                chunk = os.read(fh.fileno(), 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except BaseException:
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        raise
    _pid, status = os.waitpid(pid, 0)
    payload = b"".join(chunks)
    del chunks
    if status == 0 and payload:
        kind, value = pickle.loads(payload)
        if kind == "text":
            return value
        if kind == "error":
            raise InputFormatError(value)
    how = (
        f"was ended by {signal.Signals(os.WTERMSIG(status)).name}"
        if os.WIFSIGNALED(status)
        else f"failed (exit status {os.waitstatus_to_exitcode(status)})"
    )
    raise InputFormatError(
        f"{source}: the PDF reader {how} or ran out of the "
        f"{MAX_PDF_MEMORY // (1024 * 1024)} MiB it may use (tipdiff.limits.MAX_PDF_MEMORY) "
        "while it extracted the text: expected a PDF of the report; if it opens elsewhere, "
        "extract the text first (for example with pdftotext) and use the .txt file"
    )


def _child_limits() -> None:
    """In the child: die with the parent (Linux), and add at most MAX_PDF_MEMORY of address
    space to what the process already maps."""
    import resource  # POSIX only, as fork is (imported before the fork: see _in_child)

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    # the reader's own last words (an abort's message) would only reach the caller's
    # terminal: the parent reports what happened instead
    faulthandler.disable()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)
    with open("/proc/self/statm") as fh:
        mapped = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = mapped + MAX_PDF_MEMORY
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
