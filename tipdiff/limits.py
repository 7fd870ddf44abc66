"""Documented bounds on inputs, in one place. No IO, no Prefect.

Real TIP country narratives have at most a few dozen recommendations and are tens of
kilobytes of text (a saved web page a few hundred kilobytes; the text of a whole report,
several hundred pages, a few megabytes). The bounds below leave ample room for those and
refuse what is plainly not a narrative before it can exhaust memory or time:

- `MAX_INPUT_BYTES`: an input file larger than this is not read (its size is checked first);
  it becomes an error row naming the file. `MAX_PDF_BYTES` is the same bound for a `.pdf`
  (the annual report as one PDF of several hundred pages, images included, is larger than
  its text).
- `MAX_ITEMS`: a narrative with more recommendations than this is refused after parsing
  (an error row naming the file, country and year); alignment refuses longer lists too.
- `MAX_SENTENCES`: a narrative's body keeps at most this many sentences (real bodies have a
  few hundred); the rest is left out with a warning that says so.
- `MAX_PAGE_BYTES`: a fetched web page larger than this is refused (one narrative's page).
"""

from __future__ import annotations

MAX_INPUT_BYTES = 16 * 1024 * 1024
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_ITEMS = 500
MAX_SENTENCES = 5000
MAX_PAGE_BYTES = 5 * 1024 * 1024


def input_limit(name: str) -> int:
    """The byte bound of an input file, by its name."""
    return MAX_PDF_BYTES if name.lower().endswith(".pdf") else MAX_INPUT_BYTES


def describe_bytes(n: int) -> str:
    """A size as people read it: '50.0 MiB', '312 KiB', '12 bytes'."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MiB"
    if n >= 1024:
        return f"{n // 1024} KiB"
    return f"{n} bytes"
