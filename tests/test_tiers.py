"""Tier facts as the law stood each year (issue 15): the Watch List's automatic downgrade
began with the 2009 report (William Wilberforce TVPRA of 2008), waivers for up to two years
until the 2018 report and for one year from 2019 (Frederick Douglass TVPRA of 2018); before
2009 there was no limit. A waiver the narrative states is recorded; what the law makes
doubtful is a warning; the movement the report states stands beside the computed one."""

from __future__ import annotations

from tipdiff.corpus import analyse
from tipdiff.parse import parse_narrative
from tipdiff.records import tier_rows
from tipdiff.tables import build_tables
from tipdiff.tiers import UNRANKED, tier_doubts, tier_history, watch_list_rule

WL = "Tier 2 Watch List"


def _facts(tiers, waivers=None):
    return [
        (t.year, t.watch_list_years, t.watch_list_years_counted, t.watch_list_limit,
         t.watch_list_limit_reached)
        for t in tier_history(tiers, waivers)
    ]


def test_no_limit_before_the_2009_report():
    facts = _facts({y: WL for y in range(2004, 2009)})
    assert facts == [(y, y - 2003, 0, None, None) for y in range(2004, 2009)]
    assert tier_doubts(tier_history({y: WL for y in range(2004, 2009)})) == []


def test_the_limit_counts_from_2009_and_is_reached_after_two_years():
    facts = _facts({2007: WL, 2008: WL, 2009: WL, 2010: WL})
    assert facts == [
        (2007, 1, 0, None, None),
        (2008, 2, 0, None, None),
        (2009, 3, 1, 2, False),  # the first counted year
        (2010, 4, 2, 2, True),  # two counted years: the next report must downgrade or waive
    ]


def test_waivers_two_years_until_2018_one_from_2019():
    assert (watch_list_rule(2012).waiver_years, watch_list_rule(2019).waiver_years) == (2, 1)
    tiers = {y: WL for y in range(2009, 2014)}  # 2011 and 2012 waived, 2013 impossible
    hist = tier_history(tiers, {2011: True, 2012: True})
    assert [(t.year, t.waiver) for t in hist if t.waiver] == [(2011, True), (2012, True)]
    doubts = tier_doubts(hist)
    assert [y for y, _ in doubts] == [2013]
    assert "allowed 2 years and a waiver for 2 more" in doubts[0][1]
    later = tier_history({y: WL for y in range(2018, 2022)}, {2020: True, 2021: True})
    (only,) = tier_doubts(later)
    assert only[0] == 2021 and "a waiver for 1 more" in only[1]


def test_a_year_past_the_limit_with_no_waiver_stated_is_a_doubt():
    (doubt,) = tier_doubts(tier_history({2015: WL, 2016: WL, 2017: WL}))
    assert doubt[0] == 2017 and "states no waiver" in doubt[1]


def test_special_case_years_are_unranked_and_the_first_year_has_no_change():
    hist = tier_history({2020: "Tier 2", 2021: "Special Case", 2022: "Special Case", 2023: "Tier 3"})
    assert [t.tier_change for t in hist] == [None, UNRANKED, UNRANKED, UNRANKED]


# A narrative in our own words, as the report words a waived third year.
WAIVED = """2011 Trafficking in Persons Report: Freedonia
FREEDONIA (Tier 2 Watch List)
The Government of Freedonia does not fully comply with the minimum standards for the
elimination of trafficking; however, it is making significant efforts to do so. The government
has a written plan that, if implemented, would constitute significant efforts to meet the
minimum standards, and Freedonia was granted a waiver per the Trafficking Victims Protection
Act from an otherwise required downgrade to Tier 3. Therefore Freedonia remained on Tier 2
Watch List for a third consecutive year.
RECOMMENDATIONS FOR FREEDONIA:
Prosecute labor recruiters who deceive workers; and open a shelter for adult victims.
PROSECUTION
The government maintained law enforcement efforts.
"""


def _year(year: int, statement: str) -> str:
    return (
        f"{year} Trafficking in Persons Report: Freedonia\nFREEDONIA (Tier 2 Watch List)\n"
        "The Government of Freedonia does not fully comply with the minimum standards for the "
        f"elimination of trafficking; however, it is making significant efforts to do so. {statement}\n"
        "RECOMMENDATIONS FOR FREEDONIA:\nProsecute labor recruiters who deceive workers; and "
        "open a shelter for adult victims.\nPROSECUTION\nThe government maintained law "
        "enforcement efforts.\n"
    )


def test_a_stated_waiver_and_the_stated_movement_reach_the_tiers_table():
    docs = [
        parse_narrative(_year(2009, "Therefore Freedonia was placed on Tier 2 Watch List."),
                        source="f2009.txt").documents[0],
        parse_narrative(_year(2010, "Therefore Freedonia remained on Tier 2 Watch List."),
                        source="f2010.txt").documents[0],
        parse_narrative(WAIVED, source="f2011.txt").documents[0],
        # the report says "upgraded", but the tiers loaded say it remained: a warning
        parse_narrative(_year(2012, "Therefore Freedonia was upgraded to Tier 2 Watch List."),
                        source="f2012.txt").documents[0],
    ]
    assert [d.waiver for d in docs] == [False, False, True, False]
    (h,) = analyse(docs).histories
    rows = {r["year"]: r for r in tier_rows(h)}
    assert rows[2011]["waiver"] and rows[2011]["stated_change"] == "remained"
    assert "remained on Tier 2 Watch List for a third consecutive year" in rows[2011]["stated_text"]
    assert rows[2010]["watch_list_limit_reached"] is True
    assert rows[2011]["watch_list_years_counted"] == 3
    warnings = build_tables(analyse(docs).histories, ())["warnings"]
    messages = warnings["message"].tolist()
    assert any("says Freedonia upgraded" in m and "remained by the tiers loaded" in m
               for m in messages)
    # 2012: a fourth counted year, within the two waiver years, but no waiver stated
    assert any(m.startswith("2012: year 4 running on Tier 2 Watch List") for m in messages)
    assert not any(m.startswith("2011:") for m in messages)  # the waiver is stated
