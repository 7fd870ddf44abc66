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


def drop_glued_running_headers(lines: list[str], names: set[str], keep: set[int]) -> list[str]:
    """Running headers glued into the prose (`...did not report65FREEDONIA`): a page number
    and a country of this text in capitals, glued or one space apart, either way round.
    Lines in `keep` (the country headers themselves) are left alone."""
    if not names:
        return lines
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    rx = re.compile(
        rf"(?<!\d)\d{{1,4}} ?(?:{alt})(?![A-Za-z])|(?<![A-Za-z])(?:{alt}) ?\d{{1,4}}(?!\d)"
    )
    out = []
    for k, line in enumerate(lines):
        # both forms need a digit: most lines have none, and skip the long alternation
        if k not in keep and _DIGIT.search(line) and rx.search(line):
            line = re.sub(r"  +", " ", rx.sub(" ", line)).rstrip()
        out.append(line)
    return out


_DIGIT = re.compile(r"\d")


_EDGE = re.compile(
    r"^\s*(?:\d{1,4}|TRAFFICKING IN PERSONS REPORT\b.*|[A-ZÀ-Ý0-9 ,.'’()&|•\-–—]*[A-ZÀ-Ý]{4}"
    r"[A-ZÀ-Ý0-9 ,.'’()&|•\-–—]*)\s*$"
)


def _edge_furniture(line: str) -> bool:
    """At the top or bottom of a page: a page number, the report's title, or a line in
    capitals that is no heading (the country's name as a running header)."""
    s = line.strip()
    return bool(_EDGE.match(s)) and not s.endswith(":") and not _HEADINGS.search(s)


FURNITURE = "\f"  # what a dropped page-furniture line becomes, for the caller to remove

# Lines at the top and bottom of a page looked at for running headers and footers.
EDGE_LINES = 3
# Section headings that a page may begin or end with more than once in a report (several
# narratives' PROSECUTION headings at page tops): never taken for furniture by repetition.
_GENERIC_HEADING = re.compile(
    r"^(?:PRIORITIZED\s+)?RECOMMENDATIONS\s*:?$|^(?:PROSECUTION|PROTECTION|PREVENTION|"
    r"TRAFFICKING PROFILE|GOVERNMENT EFFORTS)\s*:?$",
    re.I,
)


def _furniture_key(line: str) -> str:
    """A line as running headers repeat it: spaces collapsed, a page number at either end
    (`65 FREEDONIA`, `65FREEDONIA`, `Freedonia | 65`) as '#'."""
    return _PAGE_NUMBER_AT_ENDS.sub("#", " ".join(line.split()))


_PAGE_NUMBER_AT_ENDS = re.compile(r"^\d{1,4}(?!\d)(?:\s*[|•]\s*|\s*)|(?:\s*[|•]\s*|\s+)\d{1,4}$")


def _repeated(pages: list[list[str]], is_header) -> set[tuple[int, int]]:
    """(page, line) of every line that sits in the same place (the same one of the first or
    last EDGE_LINES filled lines) on two or more pages: a running header or footer, whatever
    it says, with or without a page number. A generic section heading is never one; of a
    repeated line that reads as a country header (`is_header`), the first is kept: it may be
    the narrative's own header, which the parser then judges."""
    places: dict[tuple[str, int, str], list[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        filled = [k for k, line in enumerate(lines) if line.strip()]
        edges = [("top", n, k) for n, k in enumerate(filled[:EDGE_LINES])]
        edges += [("bottom", n, k) for n, k in enumerate(reversed(filled[-EDGE_LINES:]))]
        for edge, n, k in edges:
            key = _furniture_key(lines[k])
            if key and not _GENERIC_HEADING.match(key):
                places.setdefault((edge, n, key), []).append((p, k))
    drop: set[tuple[int, int]] = set()
    for (_edge, _n, _key), where in places.items():
        if len({p for p, _k in where}) < 2:
            continue
        p, k = where[0]
        drop.update(where[1:] if is_header(pages[p][k]) else where)
    return drop


def strip_page_furniture(text: str, page_break: str = "\f", is_header=lambda _line: False) -> str:
    """Text with form feeds between pages (pdftotext, or tipdiff's own PDF reading): mark the
    running header and footer lines as FURNITURE lines, and join the pages (line count kept:
    a page break that ended no line becomes a line end). Furniture is a line repeated in the
    same place on several pages (`_repeated`), and at each page's edges a page number, the
    report's title or a line in capitals that is no heading (`_edge_furniture`)."""
    if page_break not in text:
        return text
    pages = [page.split("\n") for page in text.split(page_break)]
    repeated = _repeated(pages, is_header)
    out = ""
    for p, lines in enumerate(pages):
        filled = [k for k, line in enumerate(lines) if line.strip()]
        drop = {k for k in filled if (p, k) in repeated}
        for k in filled[:3]:
            if k in drop:
                continue
            if not _edge_furniture(lines[k]):
                break
            drop.add(k)
        for k in reversed(filled[-2:]):
            if k in drop:
                continue
            if not _edge_furniture(lines[k]):
                break
            drop.add(k)
        page = "\n".join(FURNITURE if k in drop else line for k, line in enumerate(lines))
        out += page if not out or out.endswith("\n") else "\n" + page
    return out


# Ligatures broken into other letters: `fl` read as `ft`, `ff` read as `f`.
_BROKEN = (("ft", "fl"), ("f", "ff"))
_WORD = re.compile(r"[A-Za-z]+")


class WordCounts(Counter):
    """A document's words (lower-cased) and their counts, with the answers of `_certain`
    kept per word: a word is judged once per document, however many items repeat it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.answers: dict[str, tuple[str, int, int] | None] = {}


def word_counts(text: str) -> WordCounts:
    return WordCounts(w.lower() for w in _WORD.findall(text))


def _candidates(word: str):
    """(repaired word, where, length of the broken part) for each possible repair."""
    low = word.lower()
    for broken, whole in _BROKEN:
        if broken == "f" and len(low) < 5:
            continue  # "of" / "off"
        start = low.find(broken)
        while start != -1:
            if not (broken == "f" and low[start : start + 2] == "ff"):
                yield low[:start] + whole + low[start + len(broken) :], start, len(broken)
            start = low.find(broken, start + 1)


def _certain(word: str, counts: Counter) -> tuple[str, int, int] | None:
    """The repair the document itself vouches for: it spells the repaired word at least as
    often as the broken one."""
    low = word.lower()
    answers = getattr(counts, "answers", None)  # a WordCounts keeps them; a Counter does not
    if answers is not None and low in answers:
        return answers[low]
    found = None
    if "f" in low:
        have = counts[low]
        for cand, start, size in _candidates(low):
            if counts[cand] and counts[cand] >= have:
                found = (cand, start, size)
                break
    if answers is not None:
        answers[low] = found
    return found


def ligatures_broken(counts: Counter) -> bool:
    """Does the text show broken ligatures at all (one certain repair somewhere)?"""
    return any("f" in w and _certain(w, counts) for w in counts)


def repair_broken_ligatures(
    text: str, counts: Counter, *, broken: bool = False
) -> tuple[str, list[str]]:
    """Repair `conftict` -> `conflict` when the document itself spells the repaired word at
    least as often as the broken one. Otherwise the text stays as it is, and when the
    document is known to break ligatures (`broken`), a word seen nowhere else that could be
    one (`inftuence`) gets a note."""
    notes: list[str] = []

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if "f" not in word and "F" not in word:
            return word
        found = _certain(word, counts)
        if found:
            cand, start, size = found
            whole = cand[start : start + len(cand) - len(word) + size]
            if word.isupper():
                whole = whole.upper()
            elif word[start].isupper():
                whole = whole[0].upper() + whole[1:]
            return word[:start] + whole + word[start + size :]
        if broken and counts[word.lower()] <= 1 and "ft" in word.lower():
            guess = next(c for c, _s, n in _candidates(word) if n == 2)
            notes.append(f"{word!r} may be a broken ligature (for {guess!r}?); left as is")
        return word

    if "f" not in text:
        return text, notes
    return _WORD.sub(fix, text), notes
