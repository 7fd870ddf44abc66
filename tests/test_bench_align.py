"""The aligner bench's scoring rules (bench/bench_align.py): real pairs whose other copy is cut,
parser-made lists scored against hand labels, counterpart hints, and the earlier aligner
loaded from git beside the current one. Own-words copies only; real text never enters here."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import bench_align as ba  # noqa: E402

from tests.test_realsets import OLD, _record  # noqa: E402
from tipdiff.align import Change  # noqa: E402

# The new copy is cut two letters into its fourth item.
NEW = (
    "2022 Trafficking in Persons Report: Kenya\n\nKENYA: Tier 2\n\n"
    "The Government of Kenya does not fully meet the minimum standards for the elimination of "
    "trafficking but is making significant efforts to do so; therefore Kenya remained on Tier 2.\n\n"
    "PRIORITIZED RECOMMENDATIONS:\n\n"
    "Train border officers to screen travellers for signs of exploitation. \u2022 Fund the "
    "shelters run by charities in every coastal town. \u2022 License labour recruiters and cap "
    "the fees they may charge workers. \u2022 Gi"
)
OLD_ITEMS = [
    "Train border officers to screen travellers for signs of exploitation.",
    "Fund the two shelters run by charities in the coastal towns.",
    "Publish the yearly count of cases opened, tried and ended.",
]
NEW_ITEMS = [
    "Train border officers to screen travellers for signs of exploitation.",
    "Fund the shelters run by charities in every coastal town.",
    "License labour recruiters and cap the fees they may charge workers.",
    "Gi",
]


@pytest.fixture()
def real(tmp_path):
    """One labelled real-shaped pair: old #3 has no counterpart in the visible part of the cut
    new copy (unseen), new #4 is a two-letter fragment (unjudged), new #3 is added."""
    recs = [
        _record("KEN-2021-ecoi", OLD, OLD_ITEMS, cut_last=False, split="dev", year=2021),
        _record("KEN-2022-ecoi", NEW, NEW_ITEMS, cut_last=True, split="dev", year=2022),
    ]
    manifest = tmp_path / "copies.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    pair = {
        "id": "KEN-2021-2022",
        "old": "KEN-2021-ecoi",
        "new": "KEN-2022-ecoi",
        "era": "2017-2025",
        "links": [[1, 1, "verbatim"], [2, 2, "light_edit"]],
        "added": [3],
        "dropped": [],
        "not_visible_old": [3],
        "not_visible_new": [],
        "unjudged_old": [],
        "unjudged_new": [4],
        "reinstated": [],
        "split": "dev",
    }
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(pair) + "\n", encoding="utf-8")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "KEN-2021-ecoi.txt").write_bytes(OLD.encode("utf-8"))
    (copies / "KEN-2022-ecoi.txt").write_bytes(NEW.encode("utf-8"))
    parts, why = ba.real_parts(copies, manifest=manifest, pairs_manifest=pairs)
    assert why is None
    return parts


def scripted(*changes):
    return lambda old, new: changes


def test_real_pairs_are_read_through_the_loader_with_their_fates(real):
    (p,) = real["dev"]
    assert p.old == OLD_ITEMS and p.new == NEW_ITEMS  # hand-labelled spans, normalized
    assert p.links == {(0, 0): "verbatim", (1, 1): "light_edit"}  # 0-based, bench kinds
    assert p.added == {2} and p.dropped == set()
    assert p.unseen_old == {2} and p.unjudged_new == {3}
    assert real["held"] == [] and real["held-parsed"] == []
    (q,) = real["dev-parsed"]  # the parser reads these copies exactly: nothing lost
    assert q.old == OLD_ITEMS and q.new == NEW_ITEMS and not q.lost and q.spurious == 0


def test_items_without_a_judged_fate_are_never_counted_as_errors(real):
    (p,) = real["dev"]
    right = (
        Change("unchanged", (0,), (0,)),
        Change("reworded", (1,), (1,)),
        Change("added", (), (2,)),
    )
    # old #3 left dropped (its counterpart may be past the cut): not an error; the fragment
    # new #4 left added: not an error either
    r = ba.evaluate([p], scripted(*right, Change("dropped", (2,), ()), Change("added", (), (3,))))
    assert (r["precision"], r["recall"], r["added_dropped_acc"]) == (1.0, 1.0, 1.0)
    assert r["added_dropped_judged"] == 5  # old #1-#2, new #1-#3
    # linked to the fragment instead: a link nobody can judge, not a false one
    r = ba.evaluate([p], scripted(*right, Change("reworded", (2,), (3,))))
    assert (r["precision"], r["false_links"], r["added_dropped_acc"]) == (1.0, 0, 1.0)


def test_a_link_from_an_unseen_item_to_a_visible_one_is_false(real):
    (p,) = real["dev"]
    r = ba.evaluate(
        [p],
        scripted(
            Change("unchanged", (0,), (0,)),
            Change("reworded", (1,), (1,)),
            Change("reworded", (2,), (2,)),  # the label says old #3 has no visible counterpart
            Change("added", (), (3,)),
        ),
    )
    assert r["false_links"] == 1 and r["false_links_to_unseen"] == 1
    assert r["precision"] == pytest.approx(2 / 3)
    assert r["added_dropped_acc"] == pytest.approx(4 / 5)  # new #3 is added, not linked


def test_parser_lists_carry_labels_and_lose_what_the_parser_glued():
    # The parser glued items 2 and 3 and kept a stray letter on item 1.
    assert ba.map_items(
        ["Train border officers.", "Fund the shelters.", "Publish the count."],
        ["Train border officers.S", "Fund the shelters. Publish the count."],
    ) == {0: 0}
    p = ba.Pair(
        id="x",
        old=["a"],
        new=["b"],
        links={(0, 0): "light_edit"},
        added=set(),
        dropped=set(),
        decoys=set(),
        lost=Counter(split=2),
    )
    r = ba.evaluate([p], scripted(Change("reworded", (0,), (0,))))
    assert r["links"] == 3 and r["true_links_found"] == 1
    assert r["recall_by_shown_kind"]["split part"] == (0.0, 2, 0)


def test_counterpart_hints_are_scored_as_right_and_hints_on_new_asks_as_false():
    rec = {
        "old": ["draft a law on recruiters", "fund shelters", "train judges"],
        "new": ["enforce the recruiters law", "fund shelters", "train prosecutors"],
        "links": [{"old": 1, "new": 1, "kind": "verbatim"}],
        "added": [
            {"new": 0, "kind": "new", "counterpart": 0},
            {"new": 2, "kind": "new", "counterpart": None, "near_linked": 1},
        ],
        "dropped": [
            {"old": 0, "counterpart": 0},
            {"old": 2, "counterpart": None},
        ],
        "decoys": [{"old": 2, "new": 2, "why": "same_subject"}],
    }
    p = ba._pair(rec, "h")
    out = scripted(
        Change("added", (), (0,), candidates=((0, 33.0),)),  # its true counterpart: right
        Change("unchanged", (1,), (1,)),
        Change("added", (), (2,), candidates=((1, 30.0),)),  # a new ask hinted: false, useless
        Change("dropped", (0,), (), candidates=()),  # counterpart not shown: missed
        Change("dropped", (2,), ()),  # no counterpart, no hint: right
    )
    r = ba.evaluate([p], out)
    ch = r["counterpart_hints"]
    assert ch["recall"] == {"rate": 0.5, "found": 1, "of": 2}
    assert ch["false_hint_rate"] == {"rate": 0.5, "found": 1, "of": 2}
    assert ch["useless_hints"] == 1
    assert (r["hints"], r["hints_right"]) == (2, 1)
    assert r["decoys_linked_by_why"] == {"same_subject": {"linked": 0, "of": 1}}


def test_heldout2_fields_are_read_per_part_and_how():
    rec = {
        "old": ["a b c d e f", "g h"],
        "new": ["a b c d e f g h"],
        "links": [
            {"old": 0, "new": 0, "kind": "merge", "part": "main"},
            {"old": 1, "new": 0, "kind": "merge", "part": "addon"},
        ],
        "added": [],
        "dropped": [],
        "decoys": [],
    }
    p = ba._pair(rec, "m")
    r = ba.evaluate([p], scripted(Change("reworded", (0,), (0,)), Change("dropped", (1,), ())))
    assert r["recall_by_part"] == {
        "merge part: addon": {"rate": 0.0, "found": 0, "of": 1},
        "merge part: main": {"rate": 1.0, "found": 1, "of": 1},
    }


def test_the_earlier_aligner_is_loaded_from_git_beside_the_current_one():
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout")
    shown = subprocess.run(
        ["git", "show", "HEAD:tipdiff/align.py"], cwd=ROOT, capture_output=True, text=True
    ).stdout
    version = next(
        line.split('"')[1] for line in shown.splitlines() if line.startswith("ALIGNER_VERSION")
    )
    before = ba.load_before("HEAD")
    assert before.version == version and before.label.startswith(f"aligner {version} (")
    assert before.align.__module__.startswith("tipdiff_")  # its own package, not ours
    changes = before(OLD_ITEMS, OLD_ITEMS[:2])
    assert sorted(c.kind for c in changes) == ["dropped", "unchanged", "unchanged"]
