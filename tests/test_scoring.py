"""Scoring: one code path for every score, weights as data, one verdict per pair."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tipdiff.align import ALIGNER_VERSION, DEFAULT_CONFIG, AlignConfig, ListTooLong, align
from tipdiff.corpus import align_batch, year_pairs
from tipdiff.diff import diff_narratives
from tipdiff.inputs import inventory, parse_files
from tipdiff.scoring import SCORERS, prepare, reference_weights, score_matrix, score_pair
from tipdiff.testing.evalset import make_pair

from .conftest import ROOT


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6))
def test_scalar_score_is_the_matrix_score(seed):
    pair = make_pair(seed)
    A, B = prepare(pair.old), prepare(pair.new)
    weights, sw = reference_weights(), DEFAULT_CONFIG.scorer_weights
    M = score_matrix(A, B, weights=weights, scorer_weights=sw)
    for i in range(len(A)):
        for j in range(len(B)):
            score, parts = score_pair(A[i], B[j], weights=weights, scorer_weights=sw)
            assert score == round(float(M.combined[i, j]), 2)
            assert parts == M.parts_at(i, j)
            assert set(parts) == set(SCORERS)


def test_scorer_weights_are_data():
    a, b = prepare(["Train judges on the anti-trafficking law."]), prepare(["Train police."])
    only_ratio = AlignConfig(scorers=(("ratio", 1.0),))
    score, parts = score_pair(
        a[0], b[0], weights=reference_weights(), scorer_weights=only_ratio.scorer_weights
    )
    assert score == parts["ratio"]


def test_config_round_trips_through_plain_json():
    config = AlignConfig(cutoff=50.0, scorers=(("idf_jaccard", 0.7), ("ratio", 0.3)))
    assert AlignConfig.from_dict(json.loads(json.dumps(config.to_dict()))) == config
    assert AlignConfig.from_dict(None) == DEFAULT_CONFIG
    with pytest.raises(ValueError, match="unknown aligner settings \\['cutof'\\]"):
        AlignConfig.from_dict({"cutof": 3})


def test_unlinked_items_keep_their_possible_counterparts():
    old = [
        "Increase funding to implement the national policy and allocate dedicated budgets to the ministries on the commission.",
        "Establish a victim hotline.",
    ]
    new = [
        "Increase funding for anti-trafficking efforts, including implementing the national policy and sustaining shelter services.",
        "Train consular officers abroad.",
    ]
    loose = AlignConfig(
        cutoff=90.0, floor=90.0, candidate_floor=20.0, second_look=0.0, leftover_token_set=0.0
    )
    changes = align(old, new, config=loose)
    dropped = next(c for c in changes if c.kind == "dropped" and c.old == (0,))
    added = next(c for c in changes if c.kind == "added" and c.new == (0,))
    assert dropped.candidates and dropped.candidates[0][0] == 0
    assert added.candidates and added.candidates[0][0] == 0
    assert 20.0 <= dropped.candidates[0][1] < 90.0
    assert dropped.candidates[0][1] == added.candidates[0][1]
    # nothing similar enough: no candidates
    hotline = next(c for c in changes if c.kind == "dropped" and c.old == (1,))
    assert all(score >= 20.0 for _, score in hotline.candidates)
    strict = AlignConfig(
        cutoff=90.0, floor=90.0, candidate_floor=99.0, second_look=0.0, leftover_token_set=0.0
    )
    assert all(not c.candidates for c in align(old, new, config=strict))


def test_a_list_past_the_bound_is_refused_not_aligned():
    config = AlignConfig(max_items=5)
    with pytest.raises(ListTooLong, match="the new list has 6 recommendations: expected at most 5"):
        align(["Fund shelters."], [f"Train group {k} of judges." for k in range(6)], config=config)


def test_diff_and_run_give_one_verdict_for_one_pair():
    """`tipdiff diff` of two files and the run's batch alignment score a pair the same way."""
    docs = parse_files(inventory(ROOT / "data" / "raw")).documents
    batches = year_pairs(docs)
    for pairs in batches.values():
        in_batch = align_batch(pairs)
        for (a, b), batch_diff in zip(pairs, in_batch, strict=True):
            assert diff_narratives(a, b).changes == batch_diff.changes
    raw = ROOT / "data" / "raw"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tipdiff.cli",
            "diff",
            "--json",
            str(raw / "2022/synthetic_freedonia_2022.txt"),
            str(raw / "2023/synthetic_freedonia_2023.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    out = json.loads(proc.stdout)
    from tipdiff.corpus import analyse
    from tipdiff.records import history_pairs

    (h,) = [h for h in analyse(docs).histories if h.country == "Freedonia"]
    (expected,) = [p for p in history_pairs(h) if p["from_year"] == 2022]
    # the run also knows the 2024 report, where the dropped victim-hotline ask comes back;
    # two files cannot say that: everything else is the same
    back = [c for c in expected["changes"] if c["returns_in"]]
    assert [(c["kind"], c["returns_in"]) for c in back] == [("dropped", 2024)]
    back[0]["returns_in"] = None
    assert out["pairs"] == [expected]
    assert out["term_weights"] == reference_weights().name
    assert out["aligner_version"] == ALIGNER_VERSION


def test_second_look_keeps_a_restated_ask_below_the_cutoff_but_not_a_stock_phrase_decoy():
    old = [
        "To further its efforts, the government should continue to ensure that the majority of "
        "convicted traffickers serve time in prison.",
        "The government should also provide anti-trafficking training to peacekeeping troops "
        "before their deployment.",
    ]
    new = [
        "The government should seek appropriate prison sentences for convicted traffickers and "
        "ensure they serve them.",
        "The government should also provide anti-trafficking training to its consular staff.",
    ]
    strict = AlignConfig(cutoff=45.0)  # the restated ask scores about 43 here
    assert not any(c.links for c in align(old, new, config=replace(strict, second_look=0.0)))
    changes = align(old, new, config=strict)
    linked = next(c for c in changes if c.links == [(0, 0)])
    assert linked.kind == "reworded" and linked.score < strict.cutoff
    # the other two share their opener but little of their own content: not linked
    assert not any((1, 1) in c.links for c in changes)
    # raising the cutoff never adds links, second look included
    higher = {lk for c in align(old, new, config=replace(strict, cutoff=60.0)) for lk in c.links}
    assert higher <= {lk for c in changes for lk in c.links}
