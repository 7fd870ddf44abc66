"""The aligner: analyst verdicts on real-shaped pairs, properties, and a brute-force check."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from itertools import pairwise

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tipdiff.align import DEFAULT_CONFIG, AlignConfig, align
from tipdiff.diff import diff_narratives
from tipdiff.lineage import build_lineage
from tipdiff.parse import parse_bytes
from tipdiff.scoring import TermWeights, prepare, reference_weights, score_matrix
from tipdiff.testing.evalset import ASKS, make_pair
from tipdiff.tiers import tier_history, tier_move

from .conftest import ROOT

RAW = ROOT / "data" / "raw"


def _doc(path):
    return parse_bytes((RAW / path).read_bytes(), source=str(path)).documents[0]


def _kinds(changes):
    return sorted((c.kind, c.old, c.new) for c in changes)


def test_demo_split_reword_add_drop_verdicts():
    d = diff_narratives(_doc("2022/synthetic_freedonia_2022.txt"), _doc("2023/synthetic_freedonia_2023.txt"))
    assert _kinds(d.changes) == sorted([
        ("unchanged", (0,), (0,)), ("split", (1,), (1, 2)), ("reworded", (2,), (3,)),
        ("reworded", (3,), (4,)), ("unchanged", (5,), (5,)), ("added", (), (6,)), ("dropped", (4,), ()),
    ])
    assert d.tier_change == "remained"


def test_demo_merge_and_tier_moves():
    d = diff_narratives(_doc("2022/synthetic_sylvania_2022.txt"), _doc("2023/synthetic_sylvania_2023.txt"))
    assert ("merged", (2, 3), (2,)) in _kinds(d.changes)
    assert ("dropped", (5,), ()) in _kinds(d.changes)
    e = diff_narratives(_doc("2023/synthetic_sylvania_2023.txt"), _doc("2024/synthetic_sylvania_2024.txt"))
    assert e.tier_change == "downgraded"
    f = diff_narratives(_doc("2023/synthetic_freedonia_2023.txt"), _doc("2024/synthetic_freedonia_2024.txt"))
    assert f.tier_change == "upgraded"


def test_reworded_change_carries_band_scores_and_word_diff():
    (c,) = align(["Draft and implement the national action plan."], ["Implement the national action plan."])
    assert c.kind == "reworded" and c.band in dict(DEFAULT_CONFIG.bands)
    assert set(c.scores) == {"idf_jaccard", "containment", "token_sort_ratio", "ratio"}
    old_again = " ".join(o for _, o, _ in c.word_diff if o)
    new_again = " ".join(n for _, _, n in c.word_diff if n)
    assert (old_again, new_again) == ("Draft and implement the national action plan.",
                                      "Implement the national action plan.")
    assert c.word_diff == (("delete", "Draft and", ""),
                           ("equal", "implement the national action plan.", "Implement the national action plan."))


def test_word_diff_ignores_case_and_edge_punctuation_but_keeps_the_words():
    (c,) = align(["Cease forced labor in the cotton harvest."],
                 ["Cease forced labor in the cotton harvest, including by local officials."])
    assert c.word_diff == (
        ("equal", "Cease forced labor in the cotton harvest.", "Cease forced labor in the cotton harvest,"),
        ("insert", "", "including by local officials."))


def test_stock_phrases_do_not_make_different_asks_alike():
    old = ["Increase efforts to identify victims among asylum-seekers and refugees.",
           "Vigorously investigate and prosecute officials complicit in trafficking crimes."]
    new = ["Increase efforts to prosecute child sex tourism offenses.",
           "Vigorously investigate and prosecute forced begging of children, including complicit officials."]
    weights = TermWeights.from_texts([t for a in ASKS for t in a])
    kinds = [c.kind for c in align(old, new, weights=weights)]
    assert sorted(kinds) == ["added", "added", "dropped", "dropped"]


def test_case_and_quote_drift_is_unchanged():
    (c,) = align(["Provide “shelter” to LGBTI victims – including men."],
                 ["provide \"shelter\" to LGBTQI+ victims including men"])
    assert c.kind == "unchanged"


def test_tier_change_order():
    assert tier_move("Tier 2", "Tier 2 Watch List") == "downgraded"
    assert tier_move("Tier 3", "Tier 2 Watch List") == "upgraded"
    assert tier_move("Tier 1", "Tier 1") == "remained"
    assert tier_move("Special Case", "Tier 3") is None and tier_move(None, "Tier 1") is None


lists = st.integers(0, 10**6).map(lambda s: make_pair(s))


@settings(max_examples=40, deadline=None)
@given(lists)
def test_a_year_aligned_with_itself_is_all_unchanged(pair):
    changes = align(pair.old, pair.old)
    assert [(c.kind, c.old, c.new) for c in changes] == [("unchanged", (i,), (i,)) for i in range(len(pair.old))]


@settings(max_examples=60, deadline=None)
@given(lists)
def test_every_item_appears_in_exactly_one_change(pair):
    changes = align(pair.old, pair.new)
    olds = [i for c in changes for i in c.old]
    news = [j for c in changes for j in c.new]
    assert sorted(olds) == list(range(len(pair.old)))
    assert sorted(news) == list(range(len(pair.new)))


@settings(max_examples=40, deadline=None)
@given(lists, st.floats(35, 100), st.floats(0, 30))
def test_raising_the_cutoff_never_adds_links(pair, cutoff, raise_by):
    low = align(pair.old, pair.new, config=AlignConfig(cutoff=cutoff))
    high = align(pair.old, pair.new, config=AlignConfig(cutoff=cutoff + raise_by))
    assert {lk for c in high for lk in c.links} <= {lk for c in low for lk in c.links}


SWAP = {"added": "dropped", "dropped": "added", "split": "merged", "merged": "split",
        "unchanged": "unchanged", "reworded": "reworded"}


@settings(max_examples=60, deadline=None)
@given(lists)
def test_swapping_the_years_swaps_added_dropped_and_split_merged(pair):
    forward = {(c.kind, c.old, c.new) for c in align(pair.old, pair.new)}
    backward = {(SWAP[c.kind], c.new, c.old) for c in align(pair.new, pair.old)}
    assert forward == backward


def _brute_force_links(old, new, config):
    A, B = prepare(old), prepare(new)
    M = score_matrix(A, B, weights=reference_weights(), scorer_weights=config.scorer_weights)
    S = M.combined
    # a pair may be linked when it scores at least the floor and, below the close band,
    # shares content of its own (own_shared) or is contained whole in the other
    own_ok = (S >= dict(config.bands)["close"]) | (M.own_shared >= config.own_floor) | (
        M.parts["containment"] >= config.own_contained)
    n, m = S.shape
    hint = config.position_hint * (1 - np.abs(np.arange(n)[:, None] / max(n - 1, 1)
                                              - np.arange(m)[None, :] / max(m - 1, 1)))
    best, best_links = -1.0, set()
    small, large = (n, m) if n <= m else (m, n)
    for perm in itertools.permutations(range(large), small):
        pairs = [(i, perm[i]) if n <= m else (perm[i], i) for i in range(small)]
        kept = [(i, j) for i, j in pairs if S[i, j] >= config.floor and own_ok[i, j]]
        total = sum(S[i, j] + hint[i, j] for i, j in kept)
        if total > best + 1e-9:
            best, best_links = total, {(i, j) for i, j in kept if S[i, j] >= config.cutoff}
    return best_links


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10**6), st.integers(2, 5), st.integers(2, 5))
# a local run found this one: an ask restated whole in the other was linked below the cutoff,
# which the brute force does not model, so the restated rule is off here too
@example(seed=4125, n=2, m=4)
def test_optimal_assignment_agrees_with_brute_force(seed, n, m):
    pair = make_pair(seed)
    old, new = list(pair.old[:n]), list(pair.new[:m])
    # the assignment alone: no split/merge groups or further parts, no second look, no
    # leftover pass, no restated asks
    config = AlignConfig(part_containment=2.0, extra_part_cover=0.0, second_look=0.0,
                         leftover_token_set=0.0, restated_share=0.0)
    links = {lk for c in align(old, new, config=config) for lk in c.links}
    assert links == _brute_force_links(old, new, config)


def test_lineage_reinstated_streak_and_deterministic_ids():
    docs = [_doc(f"{y}/synthetic_freedonia_{y}.txt") for y in (2022, 2023, 2024)]
    texts = {d.year: [r.text for r in d.recommendations] for d in docs}
    diffs = [diff_narratives(a, b) for a, b in pairwise(docs)]
    lin = build_lineage("FREEDONIA", texts, diffs)
    again = build_lineage("FREEDONIA", texts, [diff_narratives(a, b) for a, b in pairwise(docs)])
    assert lin.id_of == again.id_of
    hotline = lin.id_of[(2022, 4)]
    assert lin.id_of[(2024, 4)] == hotline  # dropped in 2023, back in 2024
    thread = next(t for t in lin.threads if t.lineage_id == hotline)
    assert thread.reinstated and thread.years_present == (2022, 2024) and thread.streak == 1
    first = next(t for t in lin.threads if t.lineage_id == lin.id_of[(2022, 0)])
    assert first.years_present == (2022, 2023, 2024) and first.streak == 3 and not first.reinstated
    split = {lin.id_of[(2023, 1)], lin.id_of[(2023, 2)], lin.id_of[(2022, 1)]}
    assert len(split) == 1  # a split keeps its parts in the parent's thread
    assert sorted(lin.id_of) == sorted((y, i) for y in texts for i in range(len(texts[y])))


def test_tier_history_watch_list_streak_and_limit():
    hist = tier_history({2021: "Tier 2", 2022: "Tier 2 Watch List", 2023: "Tier 2 Watch List",
                         2024: "Tier 3", 2026: "Tier 2 Watch List"})
    assert [(h.tier_change, h.watch_list_years, h.watch_list_limit_reached) for h in hist] == [
        (None, 0, False), ("downgraded", 1, False), ("remained", 2, True),
        ("downgraded", 0, False), ("upgraded", 1, False)]


def test_cli_diff_json_contract():
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "diff", "--json",
                           str(RAW / "2022/synthetic_sylvania_2022.txt"), str(RAW / "2023/synthetic_sylvania_2023.txt")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    (d,) = json.loads(proc.stdout)["pairs"]
    assert (d["country"], d["from_year"], d["to_year"], d["tier_change"]) == ("Sylvania", 2022, 2023, "remained")
    seen_from = sorted(it["number"] for c in d["changes"] for it in c["from"])
    seen_to = sorted(it["number"] for c in d["changes"] for it in c["to"])
    assert seen_from == list(range(1, 7)) and seen_to == list(range(1, 5))  # numbered from 1
    assert all(it["text"] for c in d["changes"] for it in c["from"] + c["to"])
    assert {c["kind"] for c in d["changes"]} <= {"unchanged", "reworded", "split", "merged", "added", "dropped"}
    assert sum(d["counts"].values()) == len(d["changes"])


def test_cli_diff_with_no_common_country_is_an_error():
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "diff",
                           str(RAW / "2022/synthetic_sylvania_2022.txt"), str(RAW / "2023/synthetic_freedonia_2023.txt")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1 and "no country appears in both" in proc.stderr


def test_stray_space_hyphen_is_the_same_wording():
    from tipdiff.normalize import clean

    assert clean("Provide long- term care") == clean("Provide long-term care")
    assert clean("both sex- and labor trafficking") == "both sex- and labor trafficking"


def test_cli_diff_over_multi_country_files_diffs_every_country_in_both(tmp_path):
    old = (ROOT / "tests/fixtures/shapes/pdf_multi_country.txt").read_text()
    new = old.replace("JUNE 2022", "JUNE 2023").replace("Establish a victim hotline.",
                                                        "Establish a national victim hotline.")
    (tmp_path / "new.txt").write_text(new)
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "diff", "--json",
                           str(ROOT / "tests/fixtures/shapes/pdf_multi_country.txt"), str(tmp_path / "new.txt")],
                          capture_output=True, text=True, cwd=ROOT)
    diffs = json.loads(proc.stdout)["pairs"]
    assert [(d["country"], d["from_year"], d["to_year"]) for d in diffs] == [
        ("Freedonia", 2022, 2023), ("Sylvania", 2022, 2023)]
    assert [c["kind"] for c in diffs[1]["changes"]] == ["unchanged", "reworded"]
