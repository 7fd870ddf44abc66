"""Tiers in one place: their names, how text names them, movement between years, and the
Watch List rule. One vocabulary everywhere: a tier move is `upgraded`, `downgraded` or
`remained` (the report's own words); `unchanged` is kept for recommendations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case")
MOVES = ("upgraded", "downgraded", "remained")
WATCH_LIST = "Tier 2 Watch List"
SPECIAL_CASE = "Special Case"
# By law a country cannot stay on the Watch List indefinitely: after this many consecutive
# years it must be downgraded to Tier 3 unless it receives a waiver.
WATCH_LIST_LIMIT = 2

# A tier as the reports write it, in any case ("TIER 2 WATCH LIST", "Tier two", ...).
TIER_PATTERN = r"(?:tier\s*2\s*watch\s*list|tier\s*(?:1|2|3|one|two|three)\b|special\s+case)"
_NAMES = {
    "tier1": "Tier 1",
    "tierone": "Tier 1",
    "tier2": "Tier 2",
    "tiertwo": "Tier 2",
    "tier2watchlist": WATCH_LIST,
    "tier3": "Tier 3",
    "tierthree": "Tier 3",
    "specialcase": SPECIAL_CASE,
}
# Best to worst; Special Case is outside the ranking.
_RANK = {"Tier 1": 1, "Tier 2": 2, WATCH_LIST: 3, "Tier 3": 4}
RANKED = tuple(_RANK)
# Short names for tight spaces (a timeline's axis); None: unknown.
SHORT_NAMES = {"Tier 1": "1", "Tier 2": "2", WATCH_LIST: "2WL", "Tier 3": "3", SPECIAL_CASE: "SC"}


def canonical_tier(raw: str) -> str:
    """'TIER 2 WATCH LIST' -> 'Tier 2 Watch List' (raw must match TIER_PATTERN)."""
    return _NAMES[re.sub(r"\s+", "", raw.lower())]


def tier_move(old: str | None, new: str | None) -> str | None:
    """upgraded / downgraded / remained on Tier 1 < 2 < 2WL < 3; Special Case or unknown: None."""
    if old not in _RANK or new not in _RANK:
        return None
    a, b = _RANK[old], _RANK[new]
    return "remained" if a == b else "upgraded" if b < a else "downgraded"


@dataclass(frozen=True, slots=True)
class TierYear:
    year: int
    tier: str | None
    tier_change: str | None  # vs the previous year present: one of MOVES, or None
    watch_list_years: int  # consecutive calendar years on Tier 2 Watch List, ending here
    watch_list_limit_reached: bool  # WATCH_LIST_LIMIT years running: a downgrade unless waived


def tier_history(tiers_by_year: Mapping[int, str | None]) -> tuple[TierYear, ...]:
    """One country's tiers, year by year, with moves and the Watch List streak."""
    out, prev_year, prev_tier, streak = [], None, None, 0
    for y in sorted(tiers_by_year):
        tier = tiers_by_year[y]
        if tier == WATCH_LIST:
            streak = streak + 1 if prev_year == y - 1 and prev_tier == tier else 1
        else:
            streak = 0
        out.append(
            TierYear(
                y,
                tier,
                tier_move(prev_tier, tier) if prev_year is not None else None,
                streak,
                streak >= WATCH_LIST_LIMIT,
            )
        )
        prev_year, prev_tier = y, tier
    return tuple(out)
