"""Escaping input text for Markdown (HTML is escaped by Jinja2's autoescape), and making
control characters visible on every surface.

Input text may hold control characters: C0 and C1 controls (ESC starts a terminal's escape
sequences, BEL rings it) and the bidirectional overrides and isolates (U+202E turns the rest
of a line around). `visible_controls` writes each as a visible escape (`\\x1b`, `\\u202e`):
the terminal output of `parse`, `diff` (and `show`) goes through `terminal_safe`, and the
pages' and feeds' input text through `visible_controls`, so no input can move a cursor,
hide text or reverse a line.

CommonMark gives meaning to a few ASCII characters inside a line (emphasis, code spans, links
and images, raw HTML and autolinks, entities, table pipes) and to a few more at the start of a
line (headings, quotes, lists, thematic breaks). Every one of those is backslash-escaped, which
CommonMark defines for any ASCII punctuation, and line breaks become spaces, so input text can
only ever be a run of plain text: never an element, a link, an image or a new block.
"""

from __future__ import annotations

import re

_INLINE = re.compile(r"([\\`*_\[\]<>&|~{}#])")
_LIST_NUMBER = re.compile(r"(\d+)([.)])(?= |$)")
_SPACE = re.compile(r"\s+")  # line breaks, tabs: one space


# C0 and C1 controls (tab, line feed and carriage return apart: the callers decide), DEL,
# and the bidirectional marks, embeddings, overrides and isolates.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_TERMINAL = re.compile(_CONTROL.pattern[:-1] + "\t\r]")


def _visible(m: re.Match) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    """Input text with every control character and bidirectional control written as a
    visible escape (`\\x1b`, `\\u202e`); tab, line feed and carriage return are kept."""
    return _CONTROL.sub(_visible, text) if _CONTROL.search(text) else text


def terminal_safe(text: object) -> str:
    """Text for a terminal: as `visible_controls`, and tab and carriage return too; only
    line feeds (the output's own lines) are kept."""
    text = str(text)
    return _TERMINAL.sub(_visible, text) if _TERMINAL.search(text) else text


class MdSafe(str):
    """Markdown that tipdiff wrote itself: emitted as it is."""


def md_escape(value: object) -> str:
    """Input text as inert Markdown text on one line."""
    if isinstance(value, MdSafe):
        return value
    s = _INLINE.sub(r"\\\1", _SPACE.sub(" ", visible_controls(str(value))))
    m = _LIST_NUMBER.match(s)
    if m:  # "1. " would start an ordered list at the start of a line
        s = m.group(1) + "\\" + s[len(m.group(1)) :]
    elif s[:1] in ("-", "+", "=", "*") and (len(s) == 1 or s[1] in " -=*"):
        s = "\\" + s  # a list item, a thematic break or a setext underline
    return s
