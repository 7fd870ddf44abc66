"""Escaping input text for Markdown. (HTML is escaped by Jinja2's autoescape.)

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


class MdSafe(str):
    """Markdown that tipdiff wrote itself: emitted as it is."""


def md_escape(value: object) -> str:
    """Input text as inert Markdown text on one line."""
    if isinstance(value, MdSafe):
        return value
    s = _INLINE.sub(r"\\\1", _SPACE.sub(" ", str(value)))
    m = _LIST_NUMBER.match(s)
    if m:  # "1. " would start an ordered list at the start of a line
        s = m.group(1) + "\\" + s[len(m.group(1)) :]
    elif s[:1] in ("-", "+", "=", "*") and (len(s) == 1 or s[1] in " -=*"):
        s = "\\" + s  # a list item, a thematic break or a setext underline
    return s


# C0 and C1 control characters (tab and line feed included: a terminal line is one line),
# DEL, and the Unicode bidirectional controls that can reorder what a terminal shows.
_TERMINAL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def terminal(value: object) -> str:
    """Input text made inert for a terminal: each control character shown as its escape
    (`\\x1b`, `\\u202e`), so no text can move the cursor, change colours or reorder a line."""
    return _TERMINAL.sub(_visible, str(value))


def _visible(m: re.Match) -> str:
    c = ord(m.group(0))
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
