"""Documented bounds on inputs, in one place. No IO, no Prefect.

Real TIP country narratives have at most a few dozen recommendations and are tens of
kilobytes of text (a saved web page a few hundred kilobytes; the text of a whole report,
several hundred pages, a few megabytes). The bounds below leave ample room for those and
refuse what is plainly not a narrative before it can exhaust memory or time:

- `MAX_INPUT_BYTES`: an input file larger than this is not read (its size is checked first);
  it becomes an error row naming the file. `MAX_PDF_BYTES` is the same bound for a file
  whose bytes are a PDF (`%PDF-` at the start: the kind is detected from the content, never
  from the name; the annual report as one PDF of several hundred pages, images included, is
  larger than its text).
- PDF text, checked while it is extracted: `MAX_PDF_PAGES` pages (the page count the file
  claims is checked before any page is read), `MAX_PAGE_CHARS` characters on one page and
  `MAX_PDF_CHARS` in the whole document (the annual report has about 600 pages of at most
  a few thousand characters each: about 4 M characters). A few kilobytes of compressed
  content can inflate to millions of characters; the extraction stops at the first bound
  passed, with an error naming the file and the page.
- `MAX_PDF_MEMORY`: the address space the PDF reader may add while it extracts one file's
  text, and `MAX_PDF_SECONDS` the time (it runs in a child process with those limits: a
  page whose text alone would need gigabytes, or a reader that crashes, costs that file,
  never the run).
- `MAX_ITEMS`: a narrative with more recommendations than this is refused after parsing
  (an error row naming the file, country and year); alignment refuses longer lists too.
- `MAX_SENTENCES`: a narrative's body keeps at most this many sentences (real bodies have a
  few hundred); the rest is left out with a warning that says so.
- `MAX_PAGE_BYTES`: a fetched web page larger than this is refused (one narrative's page).
- `MAX_DIGEST_TABLE_BYTES`, `MAX_DIGEST_FEED_BYTES`: the digest reads the previous published
  set's changes and tiers tables and its global feed only up to these sizes (a real set's
  changes table for every country and year is a few megabytes; the feed keeps 50 entries);
  a larger file is not read, and the digest says so.
- `MAX_OVERRIDE_FIELD`: a field of the reviewer overrides CSV longer than this (in
  characters) makes its row an error naming the line (a note is a sentence or two).
"""

from __future__ import annotations

MAX_INPUT_BYTES = 16 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 500
MAX_SENTENCES = 5000
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_OVERRIDE_FIELD = 4096
MAX_DIGEST_TABLE_BYTES = 256 * 1024 * 1024
MAX_DIGEST_FEED_BYTES = 32 * 1024 * 1024
MAX_PDF_PAGES = 2000
MAX_PAGE_CHARS = 100_000
MAX_PDF_CHARS = 16_000_000
MAX_PDF_MEMORY = 768 * 1024 * 1024
MAX_PDF_SECONDS = 300.0


def is_pdf(head: bytes) -> bool:
    """Do these first bytes of a file start a PDF (`%PDF-`, maybe after white space)?"""
    return head.lstrip()[:5] == b"%PDF-"


def input_limit(head: bytes) -> int:
    """The byte bound of an input file, by the kind its first bytes show (not its name)."""
    return MAX_PDF_BYTES if is_pdf(head) else MAX_INPUT_BYTES


def describe_bytes(n: int) -> str:
    """A size as people read it: '50.0 MiB', '312 KiB', '12 bytes'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    if n >= 1024:
        return f"{n // 1024} KiB"
    return f"{n} bytes"
