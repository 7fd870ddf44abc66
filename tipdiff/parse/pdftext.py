"""What PDF text extraction leaves in the text, and its repair: running page headers (a page
number and the country in capitals, `65FREEDONIA`), ligature characters, `Š` printed for a
dash, and ligatures broken into other letters (`conftict`, `eforts`).

A repair is made only where it is certain; otherwise the text is left as it is and the
caller gets a warning to pass on."""

from __future__ import annotations

import re
from collections import Counter

# Ligature characters (U+FB00-FB06) and what they stand for: always certain.
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
     "\ufb05": "st", "\ufb06": "st"}
)  # fmt: skip
# `Š` for a dash: certain when it follows anything but a space or a capital (no word has a
# capital Š after a small letter), or stands alone between spaces; `Šibenik` is left alone.
_S_DASH = re.compile(r"(?<=[^\sA-ZÀ-Ý])Š|(?<=\s)Š(?=\s)")
DASH = "—"


def repair_glyphs(text: str) -> str:
    if "Š" in text:
        text = _S_DASH.sub(DASH, text)
    return text.translate(_LIGATURES)


# A running page header on a line of its own: page number and a name in capitals, glued or
# not, either way round (`65FREEDONIA`, `FREEDONIA 65`, `65 | FREEDONIA`).
_CAPS_NAME = r"[A-ZÀ-Ý][A-ZÀ-Ý ,.'’()&\-]*[A-ZÀ-Ý)]"
_RUNNING = re.compile(
    rf"^\s*(?:\d{{1,4}}\s*[|•]?\s*(?P<a>{_CAPS_NAME})|(?P<b>{_CAPS_NAME})\s*[|•]?\s*\d{{1,4}})\s*$"
)
_HEADINGS = re.compile(
    r"^(?:PRIORITIZED\s+)?RECOMMENDATIONS\b|^PROSECUTION$|^PROTECTION$|^PREVENTION$|"
    r"^TRAFFICKING PROFILE$|^GOVERNMENT EFFORTS$|\bTIER\b|^SPECIAL CASE\b"
)


def is_running_header(line: str) -> bool:
    m = _RUNNING.match(line)
    if not m:
        return False
    name = (m.group("a") or m.group("b")).strip()
    return len(name) >= 4 and not _HEADINGS.search(name)


def drop_running_headers(lines: list[str]) -> list[str]:
    """Blank out lines that are a running page header (never a country header)."""
    return ["" if is_running_header(line) else line for line in lines]


_EDGE = re.compile(
    r"^\s*(?:\d{1,4}|TRAFFICKING IN PERSONS REPORT\b.*|[A-ZÀ-Ý0-9 ,.'’()&|•\-–—]*[A-ZÀ-Ý]{4}"
    r"[A-ZÀ-Ý0-9 ,.'’()&|•\-–—]*)\s*$"
)


def _edge_furniture(line: str) -> bool:
    """At the top or bottom of a page: a page number, the report's title, or a line in
    capitals that is no heading (the country's name as a running header)."""
    s = line.strip()
    return bool(_EDGE.match(s)) and not s.endswith(":") and not _HEADINGS.search(s)


def strip_page_furniture(text: str, page_break: str = "\f") -> str:
    """Text with form feeds between pages (pdftotext, or tipdiff's own PDF reading): drop
    the running header and footer lines at each page's edges, and join the pages."""
    if page_break not in text:
        return text
    pages = []
    for page in text.split(page_break):
        lines = page.split("\n")
        filled = [k for k, line in enumerate(lines) if line.strip()]
        drop = set()
        for k in filled[:3]:
            if not _edge_furniture(lines[k]):
                break
            drop.add(k)
        for k in reversed(filled[-2:]):
            if not _edge_furniture(lines[k]) or k in drop:
                break
            drop.add(k)
        # Removed, not blanked: a list broken across the page must join up again.
        pages.append("\n".join(line for k, line in enumerate(lines) if k not in drop))
    return "\n".join(pages)


# Ligatures broken into other letters: `fl` read as `ft`, `ff` read as `f`.
_BROKEN = (("ft", "fl"), ("f", "ff"))
_WORD = re.compile(r"[A-Za-z]+")


def word_counts(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text))


def _candidates(word: str):
    low = word.lower()
    for broken, whole in _BROKEN:
        if broken == "f" and len(low) < 5:
            continue  # "of" / "off"
        start = low.find(broken)
        while start != -1:
            if not (broken == "f" and low[start : start + 2] == "ff"):
                yield low[:start] + whole + low[start + len(broken) :], start, len(broken)
            start = low.find(broken, start + 1)


def repair_broken_ligatures(text: str, counts: Counter) -> tuple[str, list[str]]:
    """Repair `conftict` -> `conflict` when the document itself spells the repaired word more
    often than the broken one; when it spells it less often, keep the text and say so."""
    notes: list[str] = []

    def fix(m: re.Match) -> str:
        word = m.group(0)
        have = counts[word.lower()]
        for cand, start, size in _candidates(word):
            seen = counts[cand]
            if not seen:
                continue
            if seen >= have:
                whole = cand[start : start + len(cand) - len(word) + size]
                if word.isupper():
                    whole = whole.upper()
                elif word[start].isupper():
                    whole = whole[0].upper() + whole[1:]
                return word[:start] + whole + word[start + size :]
            notes.append(f"{word!r} may be a broken ligature for {cand!r}; left as is")
        return word

    if "f" not in text:
        return text, notes
    return _WORD.sub(fix, text), notes
