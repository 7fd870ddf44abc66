"""Who, when and which tier: country header lines, title lines, the report year, and the
summary's tier sentence and verdict. Tier names come from `tipdiff.tiers`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..tiers import SPECIAL_CASE, WATCH_LIST, canonical_tier
from ..tiers import TIER_PATTERN as TIER
from .cleanup import join_lines

# A country name as headers write it: words in capitals or title case, joined by spaces or
# commas, with small words ("of the") and bracketed parts that are not a tier
# ("COCOS (KEELING) ISLANDS", "CHINA (PRC)").
_WORD = r"[A-ZÀ-Ý][\w'’.\-]*"
_BRACKETED = r"\((?!\s*(?:tier|special)\b)[A-ZÀ-Ý][\w'’.\- ]{0,30}\)"
NAME = rf"{_WORD}(?:(?:,\s*|\s+)(?:{_WORD}|{_BRACKETED}|of|the|and|de|da|du|d'\w+)){{0,6}}"
_MIRROR_TAIL = r"(?:\s*[–—-]?\s*\[?\s*Extracted\b.*|\s*[–—-]\s*)?"
_HEADER_FORMS = (
    re.compile(rf"^(?P<name>{NAME})\s*:\s*(?P<tier>{TIER})\s*$", re.I),
    re.compile(rf"^SPECIAL\s+CASE\s*:\s*(?P<name>{NAME})\s*$", re.I),
    re.compile(rf"^Special\s+Case\s*\(\s*(?P<name>{NAME})\s*\)\s*$", re.I),
    re.compile(rf"^(?P<name>{NAME})\s*\(\s*(?P<tier>{TIER})\s*\){_MIRROR_TAIL}$", re.I),
)
_NOT_NAMES = re.compile(
    r"^(?:tier\b|special case|prioritized|recommendations|prosecution|protection|prevention|"
    r"trafficking|government|the government|summary|publisher|disclaimer|cite as)",
    re.I,
)
_BARE_TIER = re.compile(rf"^\s*(?P<tier>{TIER})\s*$", re.I)
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TITLE = (
    re.compile(
        rf"^\s*(?:U\.S\.\s+Department\s+of\s+State\s*,?\s*)?{_YEAR}\s+Trafficking in Persons "
        rf"Report\s*[:\-–—]\s*(?P<name>{NAME})\s*$",
        re.I,
    ),
    re.compile(
        rf"^\s*Trafficking in Persons Report\s+{_YEAR}\s*[\-–—:]\s*"
        rf"(?:Country Narratives\s*[\-–—]\s*)?(?:Special\s+Case\s*:\s*)?(?P<name>{NAME})\s*$",
        re.I,
    ),
    re.compile(rf"^\s*{_YEAR}\s+TIP Report\s*[\-–—:]\s*(?P<name>{NAME})\s*$", re.I),
)
YEAR_FORMS = (
    re.compile(r"\b((?:19|20)\d\d)\s+Trafficking in Persons Report", re.I),
    re.compile(r"Trafficking in Persons Report,?\s+(?:June\s+)?((?:19|20)\d\d)\b", re.I),
    re.compile(r"\b((?:19|20)\d\d)\s+TIP\s+Report", re.I),
    re.compile(r"\b((?:19|20)\d\d)-trafficking-in-persons-report\b", re.I),  # a page's address
    re.compile(r"\bReport\s+((?:19|20)\d\d)\b"),
)
PAGE_YEAR = re.compile(
    r"(?m)(?:^|\f)[ \t]*(?:\d{1,4}[ \t]*)?TRAFFICKING IN PERSONS REPORT[ \t]*[|•–-]?[ \t]*"
    r"(?:JUNE[ \t]+)?((?:19|20)\d\d)[ \t]*(?:\d{1,4}[ \t]*)?$"
)


@dataclass(frozen=True)
class Header:
    line: int  # 0-based first line
    end_line: int  # 0-based line after the header
    name: str | None  # None: a title without a name, then the tier alone on a line
    tier: str | None


def match_header(candidate: str) -> tuple[str, str | None] | None:
    """(name, tier) when one line (or a joined wrapped header) is a country header."""
    candidate = candidate.strip()
    if not candidate or len(candidate) > 200:
        return None
    for form in _HEADER_FORMS:
        m = form.match(candidate)
        if not m:
            continue
        name = m.group("name").strip(" ,")
        if _NOT_NAMES.match(name) or len(name) < 3:
            return None
        tier = canonical_tier(m.group("tier")) if "tier" in form.groupindex else SPECIAL_CASE
        return name, tier
    return None


_BANNER_REST = re.compile(
    r"^\s*(?:[–—-]|Extracted\b.*|in part\b.*|from the U\.S\..*|\[?Extracted.*)\s*$", re.I
)


def find_headers(lines: list[str]) -> list[Header]:
    """Country header lines, including mirror headers wrapped over up to five lines, and the
    old archive layout: a title line naming the country, then the tier alone on a line."""
    headers: list[Header] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        found = match_header(line)
        end = i + 1
        if found is None and line and re.fullmatch(NAME, line) and not _NOT_NAMES.match(line):
            # Wrapped mirror header: NAME / (Tier ...) / – / Extracted / in part ...
            joined, j = line, i + 1
            while j < len(lines) and j <= i + 4:
                if lines[j].strip():
                    joined += " " + lines[j].strip()
                    hit = match_header(joined)
                    if hit and hit[0] == line.strip(" ,"):
                        found, end = hit, j + 1
                        break
                j += 1
        if found is None:
            found, end = _title_then_bare_tier(lines, i), i + 1
            if found:
                end = _next_filled(lines, i + 1) + 1
        if found:
            # Swallow the rest of a wrapped mirror banner ("Extracted", "in part from", ...).
            while end < len(lines) and _BANNER_REST.match(lines[end]):
                end += 1
            headers.append(Header(i, end, found[0], found[1]))
            i = end
        else:
            i += 1
    return headers


def _next_filled(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _title_then_bare_tier(lines: list[str], i: int) -> tuple[str | None, str | None] | None:
    """`Trafficking in Persons Report 2014 - Freedonia` (or a title without the country)
    followed by `Tier 1` alone on a line."""
    line = lines[i]
    if len(line) > 200 or not any(rx.search(line) for rx in YEAR_FORMS[:3]):
        return None
    j = _next_filled(lines, i + 1)
    if j < len(lines):
        m = _BARE_TIER.match(lines[j])
        if m:
            title = match_title(line)
            return (title[1] if title else None), canonical_tier(m.group("tier"))
    return None


def match_title(line: str) -> tuple[int, str] | None:
    for rx in _TITLE:
        m = rx.match(line)
        if m:
            return int(m.group("year")), m.group("name")
    return None


def find_title(text: str) -> tuple[int, str] | None:
    """(year, name) from the first title line among the first 60 lines."""
    for line in text.split("\n")[:60]:
        found = match_title(line)
        if found:
            return found
    return None


def find_year(*texts: str) -> int | None:
    for text in texts:
        for rx in YEAR_FORMS:
            m = rx.search(text)
            if m:
                return int(m.group(1))
    return None


_PROSE = re.compile(r"minimum\s+standards|Government\s+of|[a-z,;]\s*$|\.\s+[A-Z]")


def title_lines(segment: str, header_lines: int, limit: int = 8) -> str:
    """The header and title lines of a narrative, up to where the summary's prose begins:
    only they may state the report year (prose may cite other years' reports)."""
    lines = segment.split("\n")
    out = lines[:header_lines]
    for line in lines[header_lines:limit]:
        if (
            out
            and _PROSE.search(line)
            and not re.search(r"TIP Report|Trafficking in Persons Report", line, re.I)
        ):
            break
        out.append(line)
    return "\n".join(out)


GOV_OF = re.compile(
    rf"\bThe\s+Government\s+of\s+(?:the\s+)?(?P<name>{NAME}?)\s+"
    r"(?:fully\s+(?:meets|complies)|does\s+not|is\s+not|is\s+making)"
)

# --------------------------------------------------------------------------- tier sentences

_STATEMENTS = (
    ("remained", re.compile(rf"\b(?:remained|remains|remain)\s+on\s+(?P<tier>{TIER})", re.I)),
    (
        "downgraded",
        re.compile(rf"\bwas\s+(?:automatically\s+)?downgraded\s+to\s+(?P<tier>{TIER})", re.I),
    ),
    ("upgraded", re.compile(rf"\b(?:was\s+)?upgraded\s+to\s+(?P<tier>{TIER})", re.I)),
    (None, re.compile(rf"\b(?:is|was)\s+placed\s+on\s+(?P<tier>{TIER})", re.I)),
    (None, re.compile(r"\b(?:is|remains|remained)\s+a\s+(?P<tier>Special\s+Case)\b", re.I)),
)
_WAIVER = re.compile(r"granted\s+a\s+waiver\s+from\s+an\s+otherwise\s+required\s+downgrade", re.I)
# A waiver from the Watch List's automatic downgrade, as the narratives state it: "was granted
# a waiver per the Trafficking Victims Protection Act from an otherwise required downgrade",
# "received a waiver ...", "a waiver ... because the government has a written plan".
WAIVER = re.compile(
    r"\b(?:granted|received|given)\s+an?\s+(?:[\w-]+\s+){0,2}waiver\b"
    r"|\bwaiver\b[^.]{0,200}?\botherwise\s+required\s+downgrade",
    re.I,
)
VERDICTS = (
    (re.compile(r"\bis\s+not\s+making\s+significant\s+efforts", re.I), {"Tier 3"}),
    (
        re.compile(
            r"does\s+not\s+fully\s+(?:meet|comply\s+with)\s+the\s+minimum\s+standards.{0,200}?"
            r"\b(?:but|however,?\s+it)\s+is\s+making\s+significant\s+efforts",
            re.I | re.S,
        ),
        {"Tier 2", WATCH_LIST},
    ),
    (
        re.compile(
            r"(?<!not )\bfully\s+(?:meets|complies\s+with)\s+the\s+minimum\s+standards", re.I
        ),
        {"Tier 1"},
    ),
)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], unwrapped (glued `.X` counts as a boundary)."""
    lefts = [m.end() for m in re.finditer(r"[.!?][\"”’)]*(?:\s+|(?=[A-Z]))|\n\s*\n", text[:start])]
    left = lefts[-1] if lefts else 0
    right_m = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$|[A-Z]))").search(text, end)
    right = right_m.end() if right_m else len(text)
    return join_lines(text[left:right].split("\n"))


def find_tier_statement(text: str) -> tuple[str | None, str | None, str | None, int | None]:
    """(tier, movement, sentence, offset) from the summary's tier sentence, if any."""
    best = None
    for movement, rx in _STATEMENTS:
        m = rx.search(text)
        if m and (best is None or m.start() < best[2].start()):
            best = (movement, canonical_tier(m.group("tier")), m)
    if best:
        movement, tier, m = best
        return tier, movement, _sentence_around(text, m.start(), m.end()), m.start()
    m = _WAIVER.search(text)
    if m:
        return WATCH_LIST, "remained", _sentence_around(text, m.start(), m.end()), m.start()
    return None, None, None, None


_STATEMENT_NAME = re.compile(
    rf"(?:^|therefore,?\s+|;\s+)(?P<name>{NAME}?)\s+(?:remained|remains|was|is)\s+"
    r"(?:on\b|a\s+Special|upgraded|downgraded|automatically|placed)"
)


def statement_country(sentence: str | None) -> str | None:
    """The country the tier sentence names: '... therefore Freedonia remained on Tier 2.'"""
    if not sentence:
        return None
    m = _STATEMENT_NAME.search(sentence)
    if not m:
        return None
    name = re.sub(r"^(?:Therefore|Thus|Accordingly),?\s+", "", m.group("name").strip())
    return None if _NOT_NAMES.match(name) or len(name) < 3 else name


def verdict_tier(summary: str) -> tuple[str | None, re.Match | None, set[str]]:
    """The summary's verdict on the minimum standards: (the tier it implies when it implies
    one, the match, the tiers it allows). Tier 1 or Tier 3 always; Tier 2 when the summary
    never mentions the Watch List."""
    for rx, allowed in VERDICTS:
        m = rx.search(summary)
        if m:
            if len(allowed) == 1:
                return next(iter(allowed)), m, allowed
            if not re.search(r"watch\s+list", summary, re.I):
                return "Tier 2", m, allowed
            return None, m, allowed
    return None, None, set()
