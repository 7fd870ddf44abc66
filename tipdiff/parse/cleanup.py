"""Line-level clean-up before parsing: line ends, odd spaces, mirror banners, page furniture;
and joining hard-wrapped lines back into one line (hyphenation at line ends repaired)."""

from __future__ import annotations

import re

from .pdftext import FURNITURE, is_running_header, repair_glyphs, strip_page_furniture

_BANNER = re.compile(r"\[\s*Human\s+Trafficking,?\s*Country-by-Country\s*\]", re.I)
# A mirror banner that wraps inside a two-word name: "...Country-by-Country ] COSTA" then
# "RICA (Tier 2)": the name's first part is joined to the next line.
_BANNER_SPLIT_NAME = re.compile(
    _BANNER.pattern
    + r"[ \t]*(?P<first>[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]*(?:[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]*)*)[ \t]*\n[ \t]*"
    r"(?=[A-ZÀ-Ý][A-ZÀ-Ý ,'’.\-]*\(\s*(?:Tier|Special)\b)",
    re.I,
)
_PAGE_NOISE = re.compile(
    r"^\s*(?:\d{1,4}|[|\s]+|(?:\d{1,4}\s*)?TRAFFICKING IN PERSONS REPORT"
    r"(?:\s*[|•–-]?\s*(?:JUNE\s+)?\d{4})?(?:\s*\d{1,4})?"
    r"|COUNTRY NARRATIVES(?:\s*[|•–-]\s*[A-Z ,.'’()-]+)?)\s*$"
)
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


def clean_lines(text: str) -> tuple[list[str], list[int]]:
    """Line clean-up: newlines, odd spaces, banners, stray pipes, and what PDF extraction
    leaves behind (running headers and footers, ligatures, `Š` dashes).

    Page furniture is removed, not blanked, so that a list broken across a page joins up
    again; the second list gives each kept line its 1-based number in the input, for
    messages."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    from .headers import match_header  # headers imports this module

    text = strip_page_furniture(text, is_header=lambda line: match_header(line) is not None)
    text = _BANNER_SPLIT_NAME.sub(lambda m: " " + m.group("first") + " ", text)
    text = _BANNER.sub(" ", text)
    text = repair_glyphs(text)
    lines, numbers = [], []
    for k, line in enumerate(text.split("\n"), start=1):
        furniture = line == FURNITURE or is_running_header(line)
        line = line.rstrip()
        if furniture or (_PAGE_NOISE.match(line) and line.strip()):
            continue
        lines.append("" if _PAGE_NOISE.match(line) else line)
        numbers.append(k)
    return lines, numbers


def clean_text(text: str) -> str:
    return "\n".join(clean_lines(text)[0])


_HYPHEN_KEEP = frozenset(
    """
anti non self co cross multi well long short high low semi post pre inter intra sub child labor
labour sex victim victims trauma gender law court government state community evidence rights
survivor survivors male female cost time follow mid rule ex
""".split()
)


def join_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join hard-wrapped lines into one line; repair hyphenation at line ends.

    A word split as `traffick-` / `ing` is joined; a compound (`anti-` / `trafficking`) keeps
    its hyphen. The document's own words decide when they can (`vocabulary`), else a short
    list of prefixes that take a hyphen. Linear in the text: each line is looked at once."""
    parts: list[str] = []
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not parts:
            parts.append(line)
            continue
        last = parts[-1]
        m = _END_HYPHEN.search(last[-64:]) if last.endswith("-") else None
        if m and line[:1].islower():
            left = m.group(1)
            right = _LEADING_WORD.match(line).group(0)
            joined = (left + right).lower()
            hyphenated = f"{left}-{right}".lower()
            if vocabulary and hyphenated in vocabulary and joined not in vocabulary:
                parts[-1] = last + line
            elif vocabulary and joined in vocabulary:
                parts[-1] = last[:-1] + line
            elif left.lower() in _HYPHEN_KEEP:
                parts[-1] = last + line
            else:
                parts[-1] = last[:-1] + line
        else:
            parts.append(line)
    text = " ".join(parts)
    return (_RUNS_OF_SPACE.sub(" ", text) if _ODD_SPACE.search(text) else text).strip()


_END_HYPHEN = re.compile(r"([A-Za-z]+)-$")
_LEADING_WORD = re.compile(r"[a-z]+")
_RUNS_OF_SPACE = re.compile(r"\s+")
_ODD_SPACE = re.compile(r"\s\s|[^\S ]")  # two spaces, or a space that is not " "
