"""The synthetic full history (tipdiff.testing.history): deterministic, a prefix per year,
every shape and event present, and its recorded truth consistent with itself and with what
the parser reads back from the documents it wrote."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest

from tipdiff import countries
from tipdiff.parse import parse_bytes
from tipdiff.testing.history import LINK_KINDS, SHAPES, SPECIAL_CASE, country_names, make_history
from tipdiff.tiers import tier_move


@pytest.fixture(scope="module")
def full():
    return make_history(190, range(2001, 2025), seed=2026)


def test_same_arguments_same_bytes_and_truth_other_seed_other_history():
    a = make_history(12, range(2015, 2022), seed=7)
    b = make_history(12, range(2015, 2022), seed=7)
    c = make_history(12, range(2015, 2022), seed=8)
    assert a.files == b.files and a.truth() == b.truth()
    assert a.files != c.files and a.truth()["pairs"] != c.truth()["pairs"]


def test_a_shorter_history_is_a_prefix_of_a_longer_one():
    short = make_history(15, range(2016, 2023), seed=5, whole_report_years=(2018,))
    long = make_history(15, range(2016, 2024), seed=5, whole_report_years=(2018,))
    assert {k: v for k, v in long.files.items() if not k.startswith("2023/")} == short.files
    assert [d for d in long.documents if d.year < 2023] == list(short.documents)
    assert [p for p in long.pairs if p.to_year < 2023] == list(short.pairs)
    assert any(k.startswith("2023/") for k in long.files)


def test_pair_truth_accounts_for_every_item_once(full):
    docs = {(d.country, d.year): d for d in full.documents}
    for p in full.pairs:
        n_old = len(docs[(p.country, p.from_year)].items)
        n_new = len(docs[(p.country, p.to_year)].items)
        linked_old = {o for o, _ in p.links}
        linked_new = {n for _, n in p.links}
        assert linked_old.isdisjoint(p.dropped) and linked_new.isdisjoint(p.added)
        assert linked_old | p.dropped == set(range(n_old)), (p.country, p.from_year)
        assert linked_new | p.added == set(range(n_new)), (p.country, p.to_year)
        for o, parts in p.splits:
            assert len(parts) >= 2 and all(p.links[(o, n)] == "split" for n in parts)
        for parts, n in p.merges:
            assert len(parts) >= 2 and all(p.links[(o, n)] == "merge" for o in parts)
        assert p.tier_change == tier_move(p.tier_from, p.tier_to)
        assert (p.tier_from, p.tier_to) == (
            docs[(p.country, p.from_year)].tier,
            docs[(p.country, p.to_year)].tier,
        )


def test_tiers_follow_the_watch_list_rule_and_special_cases_have_no_list(full):
    by_country = defaultdict(list)
    for d in full.documents:
        by_country[d.country].append(d)
        if d.tier == SPECIAL_CASE:
            assert d.items == ()
        else:
            assert 1 <= len(d.items) <= 15
    # The automatic downgrade began with the 2009 report: two years counted from then, then
    # at most two waivers (one from the 2019 report); before 2009, no limit at all.
    longest_counted, longest_before = 0, 0
    for series in by_country.values():
        streak = counted = 0
        for d in series:
            on = d.tier == "Tier 2 Watch List"
            streak = streak + 1 if on else 0
            counted = counted + 1 if on and d.year >= 2009 else 0
            if d.year < 2009:
                longest_before = max(longest_before, streak)
            assert counted <= (4 if d.year < 2019 else 3), (d.country, d.year, counted)
            longest_counted = max(longest_counted, counted)
    assert longest_counted == 4
    assert longest_before > 4  # no limit held a country back before the rule began


def test_reinstated_items_come_back_one_or_two_reports_after_they_were_dropped(full):
    pairs = {(p.country, p.to_year): p for p in full.pairs}
    docs = {(d.country, d.year): d for d in full.documents}
    years = defaultdict(list)
    for d in full.documents:
        years[d.country].append(d.year)
    for r in full.reinstated:
        ys = years[r.country]
        gap = ys.index(r.to_year) - ys.index(r.from_year)
        assert gap in (2, 3), r
        assert r.to_index in pairs[(r.country, r.to_year)].added
        after = ys[ys.index(r.from_year) + 1]
        assert r.from_index in pairs[(r.country, after)].dropped
        assert r.from_index < len(docs[(r.country, r.from_year)].items)


def test_the_full_history_holds_every_shape_and_every_event(full):
    c = full.counts()
    assert (c["countries"], c["years"]) == (190, 24)
    assert all(c["shapes"][s] > 20 for s in (*SHAPES, "whole_report")), c["shapes"]
    assert c["whole_report_years"] and c["special_case_documents"] > 20
    kinds = Counter(k for p in full.pairs for k in p.links.values())
    assert all(kinds[k] > 100 for k in LINK_KINDS), kinds
    assert sum(len(p.added) for p in full.pairs) > 1000
    assert sum(len(p.dropped) for p in full.pairs) > 1000
    assert len(full.reinstated) > 500
    moves = Counter(p.tier_change for p in full.pairs)
    assert moves["upgraded"] > 100 and moves["downgraded"] > 100 and moves["remained"] > 1000
    assert any(
        d.year > 2001
        for d in full.documents
        if d.year == min(x.year for x in full.documents if x.country == d.country)
    )  # a country that appears later
    raw = b"".join(full.files.values())
    for marker in (b"\xef\xbb\xbf", b"\r\n", "–".encode("cp1252"), b"<li>"):
        assert marker in raw


def test_country_names_are_fictional_and_distinct():
    names = country_names(800)
    assert len(set(names)) == 800
    assert all(countries.resolve(n.upper()) == (n, None) for n in names)


# Shapes whose items are marked by the text itself (a glyph, a semicolon list, a line each,
# markup): a correct parser must return the recorded list exactly. (Glued, running-text and
# header-less paragraph lists also depend on how well the parser spots an item's first verb;
# the bench reports them.)
MARKED = (
    "semicolons",
    "profile_first",
    "inline_bullets",
    "bullet_lines",
    "asterisks",
    "html",
    "hard_wrapped",
)


def test_parser_reads_back_every_document_and_the_marked_shapes_exactly():
    h = make_history(30, range(2001, 2025), seed=11, whole_report_years=())
    parsed = {}
    for rel, data in h.files.items():
        result = parse_bytes(data, source=f"raw/{rel}")
        assert result.errors == (), rel
        for d in result.documents:
            parsed[(d.country, d.year)] = d
    assert set(parsed) == {(d.country, d.year) for d in h.documents}
    seen = Counter()
    for d in h.documents:
        got = parsed[(d.country, d.year)]
        assert got.tier == d.tier, d.source
        if d.shape in MARKED:
            seen[d.shape] += 1
            assert tuple(r.text for r in got.recommendations) == d.items, d.source
    assert set(seen) == set(MARKED)
