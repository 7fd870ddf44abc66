"""Tiers in one place: their names, how text names them, movement between years, and the
Watch List rule. One vocabulary everywhere: a tier move is `upgraded`, `downgraded` or
`remained` (the report's own words); `unchanged` is kept for recommendations.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case")
MOVES = ("upgraded", "downgraded", "remained")
WATCH_LIST = "Tier 2 Watch List"
SPECIAL_CASE = "Special Case"

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


# The movement between two years present, as every output names it (tables, pages, JSON):
# one of MOVES, UNRANKED when either year is a Special Case (outside the ranking: no up or
# down), or None for a country's first report loaded or a tier that is unknown.
UNRANKED = "unranked"
CHANGES = (*MOVES, UNRANKED)
CHANGE_MEANING = {
    "upgraded": "a better tier than in the previous report loaded",
    "downgraded": "a worse tier than in the previous report loaded",
    "remained": "the same tier as in the previous report loaded",
    UNRANKED: "this year or the previous report loaded is a Special Case, which is outside "
    "the ranking: neither up nor down",
    None: "empty: the country's first report loaded, or a tier that is unknown",
}


def tier_change(old: str | None, new: str | None) -> str | None:
    """The movement from `old` to `new` (see CHANGES)."""
    if SPECIAL_CASE in (old, new) and old is not None and new is not None:
        return UNRANKED
    return tier_move(old, new)


@dataclass(frozen=True, slots=True)
class WatchListRule:
    """The automatic-downgrade rule of the Trafficking Victims Protection Act as it stood for
    the reports of `first_year` to `last_year` (22 U.S.C. 7107(b)(2)(D))."""

    first_year: int
    last_year: int | None
    limit: int | None  # consecutive Watch List years after which a downgrade is due; None: no rule
    waiver_years: int  # how many further years a waiver may keep a country on the Watch List
    source: str


WATCH_LIST_RULES = (
    WatchListRule(
        2001,
        2008,
        None,
        0,
        "No limit: the Trafficking Victims Protection Act of 2000 and its 2003 and 2005 "
        "reauthorizations set no automatic downgrade for the Tier 2 Watch List (the Watch List "
        "itself dates from the 2004 report).",
    ),
    WatchListRule(
        2009,
        2018,
        2,
        2,
        "William Wilberforce Trafficking Victims Protection Reauthorization Act of 2008 "
        "(Pub. L. 110-457, section 107, adding 22 U.S.C. 7107(b)(2)(D)): a country on the Tier 2 "
        "Watch List for two consecutive years, counted from the 2009 report, is downgraded to "
        "Tier 3 unless a waiver is granted; waivers for up to two years.",
    ),
    WatchListRule(
        2019,
        None,
        2,
        1,
        "Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act "
        "of 2018 (Pub. L. 115-425) amended 22 U.S.C. 7107(b)(2)(D): the same two-year limit, "
        "with a waiver for one year only.",
    ),
)
WATCH_LIST_LIMIT_FROM = WATCH_LIST_RULES[1].first_year


def watch_list_rule(year: int) -> WatchListRule:
    """The rule in force for the report of `year`."""
    for rule in WATCH_LIST_RULES:
        if year >= rule.first_year and (rule.last_year is None or year <= rule.last_year):
            return rule
    return WATCH_LIST_RULES[0]


@dataclass(frozen=True, slots=True)
class TierYear:
    year: int
    tier: str | None
    tier_change: str | None  # vs the previous year present: one of CHANGES, or None
    watch_list_years: int  # consecutive report years on Tier 2 Watch List, ending here
    # consecutive Watch List years that count toward the limit of the rule in force (only
    # years from WATCH_LIST_LIMIT_FROM count); 0 when no rule applies
    watch_list_years_counted: int
    watch_list_limit: int | None  # the rule's limit that year; None before the rule began
    # the counted years reached the limit: the next report must downgrade unless a waiver
    # is granted (None: no rule that year)
    watch_list_limit_reached: bool | None
    waiver: bool  # the narrative states a waiver from an otherwise required downgrade


def tier_history(
    tiers_by_year: Mapping[int, str | None], waivers: Mapping[int, bool] | None = None
) -> tuple[TierYear, ...]:
    """One country's tiers, year by year, with moves and the Watch List streak, judged by the
    Watch List rule in force in each report year (WATCH_LIST_RULES). `waivers`: the years
    whose narrative states a waiver."""
    waivers = waivers or {}
    out, prev_year, prev_tier, streak, counted = [], None, None, 0, 0
    for y in sorted(tiers_by_year):
        tier = tiers_by_year[y]
        consecutive = prev_year == y - 1 and prev_tier == tier
        rule = watch_list_rule(y)
        if tier == WATCH_LIST:
            streak = streak + 1 if consecutive else 1
            counted = (counted + 1 if consecutive else 1) if rule.limit is not None else 0
        else:
            streak = counted = 0
        out.append(
            TierYear(
                year=y,
                tier=tier,
                tier_change=tier_change(prev_tier, tier) if prev_year is not None else None,
                watch_list_years=streak,
                watch_list_years_counted=counted,
                watch_list_limit=rule.limit,
                watch_list_limit_reached=None
                if rule.limit is None
                else counted >= rule.limit,
                waiver=bool(waivers.get(y)),
            )
        )
        prev_year, prev_tier = y, tier
    return tuple(out)


def tier_doubts(history: Sequence[TierYear]) -> list[tuple[int, str]]:
    """(year, message) for what the law in force makes doubtful: a country kept on the Watch
    List past its limit with no waiver stated, or past the limit and every waiver the law
    allows (a misread tier, or a copy that is not what it seems)."""
    out = []
    for t in history:
        rule = watch_list_rule(t.year)
        if rule.limit is None or t.tier != WATCH_LIST or t.watch_list_years_counted <= rule.limit:
            continue
        beyond = t.watch_list_years_counted - rule.limit
        if beyond > rule.waiver_years:
            out.append(
                (
                    t.year,
                    f"{t.year}: year {t.watch_list_years_counted} running on Tier 2 Watch List, "
                    f"but the law in force allowed {rule.limit} years and a waiver for "
                    f"{rule.waiver_years} more: check the tiers of this country's copies",
                )
            )
        elif not t.waiver:
            out.append(
                (
                    t.year,
                    f"{t.year}: year {t.watch_list_years_counted} running on Tier 2 Watch List "
                    "(past the limit of the law in force) but the narrative states no waiver",
                )
            )
    return out


# Tiers as numbers for research (the `panel` table and `panel_wide.csv`): the coding of
# Judith G. Kelley's data for "Scorecard Diplomacy: Grading States to Influence Their
# Reputation and Behavior" (Cambridge University Press, 2017): 1 best to 4 worst, the Watch
# List between Tier 2 and Tier 3. A Special Case is outside the ranking and an unknown tier is
# unknown: both are null (missing), never a number that an average would take in; the `tier`
# text beside the number says which.
TIER_NUMBERS = {"Tier 1": 1, "Tier 2": 2, WATCH_LIST: 3, "Tier 3": 4}
TIER_CODING = (
    "tier_number codes the tier as in Kelley (2017), Scorecard Diplomacy (Cambridge University "
    "Press): Tier 1 = 1, Tier 2 = 2, Tier 2 Watch List = 3, Tier 3 = 4 (higher is worse). "
    "Special Case and an unknown tier are null (missing): outside the ranking, never a number; "
    "the tier column says which. Work that puts the Watch List at 2.5 can recode 3 as 2.5 and "
    "4 as 3."
)


def tier_number(tier: str | None) -> int | None:
    """The tier as a number (TIER_CODING): 1, 2, 3 (Watch List) or 4; None for a Special
    Case or an unknown tier."""
    return TIER_NUMBERS.get(tier) if tier is not None else None
