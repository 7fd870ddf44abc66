"""Where the recommendations are: their heading (or the summary they follow when it is
missing) and the end of the list (the next section, or a paragraph that reads like it)."""

from __future__ import annotations

import re

from .headers import find_tier_statement
from .items import starts_like_item

REC_HEADER = re.compile(
    r"(?:PRIORITIZED\s+RECOMMENDATIONS|Prioritized\s+Recommendations|Prioritized\s+recommendations"
    r"|RECOMMENDATIONS?\s+FOR\s+(?P<caps>[A-ZÀ-Ý][A-ZÀ-Ý ,'’.()\-]*?)(?=\s*:|\s*\n|[A-Z][a-z])"
    r"|Recommendations?\s+for\s+(?P<title>[A-ZÀ-Ý][\w ,'’.()\-]*?)(?=\s*:)"
    r"|(?m:^RECOMMENDATIONS(?=\s*:?\s*$)))\s*:?"
)
SECTION_END = re.compile(
    r"(?:(?<![A-Za-z])"
    r"(?:PROSECUTION|GOVERNMENT EFFORTS|PROTECTION|PREVENTION|TRAFFICKING PROFILE)(?![A-Za-z])"
    r"|(?m:^[ \t]*(?:Prosecution|Protection|Prevention|Trafficking Profile|Government Efforts)"
    r"[ \t]*:?[ \t]*$)"
    r"|(?:(?<=[.!?][\s\"”])|(?<=[.!?])|(?m:^))[ \t]*The\s+"
    r"(?:government|Government\s+of\s+(?:the\s+)?[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,3}"
    r"|[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,2}\s+government)\s+"
    r"(?:maintained|increased|decreased|improved|sustained|showed|"
    r"made|demonstrated|continued|did\s+not\s+\w+|slightly\s+\w+|significantly\s+\w+)[^.]{0,120}?"
    r"law\s+enforcement\s+efforts)"
)


def heading_country(m: re.Match) -> str | None:
    """The country a `RECOMMENDATIONS FOR FREEDONIA:` heading names, if it names one."""
    name = m.group("caps") or m.group("title")
    return name.strip(" ,") if name else None


def headerless_list_start(body: str, end: int) -> int | None:
    """Where the list begins when it has no heading: the first recommendation-like sentence
    (or bullet) after the summary's minimum-standards verdict or tier sentence."""
    region = body[:end]
    anchor = re.search(r"minimum\s+standards", region, re.I)
    if anchor is None:
        _t, _m, _s, off = find_tier_statement(region)
        if off is None:
            return None
        anchor_pos = off
    else:
        anchor_pos = anchor.start()
    candidates = []
    glyph = re.compile(r"(?:^|\s)(?:[•▪●◦]|\*(?=\s))", re.M).search(region, anchor_pos)
    if glyph:
        candidates.append(glyph.start())
    for m in re.compile(r"(?:[.!?][\"”’)]*[ \t]*\n?[ \t]*|\n[ \t]*\n[ \t]*)(?=\S)").finditer(
        region, anchor_pos
    ):
        pos = m.end()
        if starts_like_item(region, pos):
            candidates.append(pos)
            break
    return min(candidates) if candidates else None
