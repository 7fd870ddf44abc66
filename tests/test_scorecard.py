"""The bench's scorecard (tipdiff.testing.scorecard): tables that say exactly what the truth
says score 1.0 everywhere; each kind of mistake costs exactly what it should; the baselines
behave as defined."""

from __future__ import annotations

import pandas as pd
import pytest

from tipdiff.testing.history import SPECIAL_CASE, make_history
from tipdiff.testing.scorecard import exact_baseline, greedy_baseline, score


@pytest.fixture(scope="module")
def history():
    return make_history(10, range(2010, 2020), seed=4, whole_report_years=(2012,))


def truth_tables(h, *, drop_link=None, wrong_tier=None, unflag=False):
    """The tables a perfect run would publish for history h (with optional mistakes); items
    numbered from 1, as the tables number them (the truth's indexes are 0-based)."""
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    changes, tiers = [], []
    for p in h.pairs:
        for (o, n), kind in p.links.items():
            if (p.country, p.from_year, o, n) == drop_link:
                continue
            union((p.country, p.from_year, o), (p.country, p.to_year, n))
            changes.append((p.country, p.from_year, p.to_year, kind, o + 1, n + 1))
        changes += [(p.country, p.from_year, p.to_year, "added", None, n + 1) for n in p.added]
        changes += [(p.country, p.from_year, p.to_year, "dropped", o + 1, None) for o in p.dropped]
    for r in h.reinstated:
        union((r.country, r.from_year, r.from_index), (r.country, r.to_year, r.to_index))
    flagged = {find((r.country, r.from_year, r.from_index)) for r in h.reinstated}
    recs = []
    moves = {(p.country, p.to_year): p.tier_change for p in h.pairs}
    for d in h.documents:
        for i, text in enumerate(d.items):
            recs.append((d.country, d.year, i + 1, text, str(find((d.country, d.year, i)))))
        tier = "Tier 1" if (d.country, d.year) == wrong_tier else d.tier
        tiers.append((d.country, d.year, tier, moves.get((d.country, d.year))))
    lineage = [(str(root), root in flagged and not unflag) for root in {find(k) for k in parent}]
    return {
        "recommendations": pd.DataFrame(
            recs, columns=["country", "year", "number", "text", "lineage_id"]
        ),
        "changes": pd.DataFrame(
            changes,
            columns=["country", "from_year", "to_year", "kind", "from_number", "to_number"],
        ).astype({"from_number": "Int64", "to_number": "Int64"}),
        "tiers": pd.DataFrame(tiers, columns=["country", "year", "tier", "tier_change"]),
        "lineage": pd.DataFrame(lineage, columns=["lineage_id", "reinstated"]),
    }


def test_a_run_that_matches_the_truth_scores_one_everywhere(history):
    q = score(history, truth_tables(history))
    d = q["documents"]
    assert (d["found"], d["list_exact"], d["tier_exact"], d["extra"]) == (1.0, 1.0, 1.0, 0)
    t = q["pairs"]["tipdiff"]["all_pairs"]
    assert (t["precision"], t["recall"], t["f1"]) == (1.0, 1.0, 1.0)
    assert t["added"]["f1"] == t["dropped"]["f1"] == t["added_dropped_accuracy"] == 1.0
    assert t["split_recall"] == t["merge_recall"] == 1.0 and t["splits"] and t["merges"]
    assert q["tier_changes"]["accuracy"] == 1.0
    assert q["reinstated"]["n"] and q["reinstated"]["recall"] == q["reinstated"]["precision"] == 1.0
    exact = q["pairs"]["baseline: exact text"]["all_pairs"]
    assert exact["recall"] < 1.0 and exact["split_recall"] == 0.0  # it cannot see edits or splits


def test_each_mistake_costs_what_it_should(history):
    p = next(p for p in history.pairs if any(k == "verbatim" for k in p.links.values()))
    (o, n) = next(lk for lk, k in p.links.items() if k == "verbatim")
    q = score(history, truth_tables(history, drop_link=(p.country, p.from_year, o, n)))
    t = q["pairs"]["tipdiff"]["all_pairs"]
    assert t["precision"] == 1.0 and t["recall"] == (t["links"] - 1) / t["links"]
    assert t["recall_by_kind"]["verbatim"]["recall"] < 1.0

    doc = next(d for d in history.documents if d.tier not in ("Tier 1", SPECIAL_CASE))
    q = score(history, truth_tables(history, wrong_tier=(doc.country, doc.year)))
    assert q["documents"]["tier_exact"] == (len(history.documents) - 1) / len(history.documents)

    q = score(history, truth_tables(history, unflag=True))
    assert q["reinstated"]["recall"] == 0.0 and q["reinstated"]["flagged_threads"] == 0

    tables = truth_tables(history)
    first = tables["recommendations"].index[0]
    tables["recommendations"].loc[first, "text"] = "Something else entirely."
    q = score(history, tables)
    assert q["documents"]["list_exact"] == (len(history.documents) - 1) / len(history.documents)


def test_baselines():
    old = ["Establish a victim hotline.", "Fund NGO-run shelters for trafficking victims."]
    new = [
        "Fund NGO-run shelters for trafficking victims, including men.",
        "Establish a victim hotline.",
    ]
    assert exact_baseline(old, new) == ({(0, 1)}, {0}, {1})
    assert greedy_baseline(old, new) == ({(0, 1), (1, 0)}, set(), set())
    assert greedy_baseline(old, ["Ratify the protocol on migrant smuggling."]) == (
        set(),
        {0},
        {0, 1},
    )
    assert greedy_baseline([], new) == (set(), {0, 1}, set())
