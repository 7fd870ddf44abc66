"""Reviewer overrides: read from a CSV people edit, keyed on text, applied on top of the
aligner, and never silently lost."""

from __future__ import annotations

import json
import subprocess
import sys

from tipdiff.align import AlignConfig, align
from tipdiff.corpus import apply_reviews
from tipdiff.diff import diff_narratives
from tipdiff.parse import parse_bytes
from tipdiff.review import apply_overrides, read_overrides, text_sha256
from tipdiff.scoring import prepare, reference_weights

from .conftest import ROOT

RAW = ROOT / "data" / "raw"
HEADER = "country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n"

OLD = [
    "Increase funding to implement the national strategy and give each ministry on the commission its own budget line.",
    "Train labor inspectors to identify forced labor on palm plantations.",
    "Establish a victim hotline.",
]
NEW = [
    "Increase funding for anti-trafficking work, including carrying out the national strategy and sustaining shelters.",
    "Train labor inspectors to identify forced labor on palm plantations and in fisheries.",
    "Screen asylum-seekers for trafficking indicators.",
]


def row(country, fy, old_text, ty, new_text, verdict, note=""):
    return f"{country},{fy},{text_sha256(old_text)},{ty},{text_sha256(new_text)},{verdict},{note}\n"


def _apply(changes, csv_text, old=OLD, new=NEW):
    overrides, errors = read_overrides(csv_text, source="overrides.csv")
    assert not errors
    return apply_overrides(
        changes,
        prepare(old),
        prepare(new),
        overrides,
        weights=reference_weights(),
        config=AlignConfig(),
    )


def kinds(changes):
    return sorted((c.kind, c.old, c.new, c.decided_by) for c in changes)


def test_bad_rows_are_errors_naming_the_line_and_the_rest_still_count():
    text = (
        HEADER
        + row("Freedonia", 2022, OLD[0], 2023, NEW[0], "link")
        + "Freedonia,22,abc,2023,zz,maybe,\n"
        + row("Freedonia", 2023, OLD[0], 2022, NEW[0], "unlink")
    )
    overrides, errors = read_overrides(text, source="data/overrides.csv")
    assert len(overrides) == 1 and overrides[0].line == 2
    assert [e.message.split(": expected")[0] for e in errors] == [
        "data/overrides.csv: line 3",
        "data/overrides.csv: line 4",
    ]
    assert (
        "from_year as YYYY" in errors[0].message
        and "verdict 'link' or 'unlink'" in errors[0].message
    )
    assert "from_year before to_year" in errors[1].message
    _, missing = read_overrides("country,verdict\nX,link\n", source="o.csv")
    assert "line 1: expected the header" in missing[0].message


def test_link_joins_two_items_the_aligner_kept_apart():
    changes = align(
        OLD,
        NEW,
        config=AlignConfig(cutoff=95.0, floor=95.0, second_look=0.0, leftover_token_set=0.0),
    )
    assert ("dropped", (0,), (), "aligner") in kinds(changes)
    out, skipped = _apply(
        changes, HEADER + row("Freedonia", 2022, OLD[0], 2023, NEW[0], "link", "same ask")
    )
    assert not skipped
    linked = next(c for c in out if c.old == (0,))
    assert (linked.kind, linked.new, linked.decided_by, linked.note) == (
        "reworded",
        (0,),
        "review",
        "same ask",
    )
    assert linked.score is not None and linked.word_diff
    # every index still appears exactly once
    assert sorted(i for c in out for i in c.old) == [0, 1, 2]
    assert sorted(j for c in out for j in c.new) == [0, 1, 2]


def test_unlink_separates_a_link_into_dropped_and_added():
    changes = align(OLD, NEW)
    assert any(c.links == [(1, 1)] for c in changes)
    out, _ = _apply(
        changes, HEADER + row("Freedonia", 2022, OLD[1], 2023, NEW[1], "unlink", "different sites")
    )
    assert ("dropped", (1,), (), "review") in kinds(out) and ("added", (), (1,), "review") in kinds(
        out
    )
    untouched = [c for c in out if c.decided_by == "aligner"]
    assert untouched and all(1 not in c.old and 1 not in c.new for c in untouched)


def test_two_links_from_one_old_item_make_a_split():
    changes = align(OLD, NEW)
    text = (
        HEADER
        + row("F", 2022, OLD[1], 2023, NEW[1], "link")
        + row("F", 2022, OLD[1], 2023, NEW[2], "link")
    )
    out, skipped = _apply(changes, text)
    assert not skipped
    split = next(c for c in out if c.kind == "split")
    assert (split.old, split.new, split.decided_by) == ((1,), (1, 2), "review")


def test_an_override_that_no_longer_matches_is_reported_not_dropped():
    changes = align(OLD, NEW)
    text = HEADER + row("Freedonia", 2022, "A text that was edited since.", 2023, NEW[0], "link")
    out, skipped = _apply(changes, text)
    assert out == changes
    ((o, why),) = skipped
    assert o.line == 2 and "no 2022 recommendation has text sha256" in why and "not applied" in why


def test_a_many_to_many_group_is_refused():
    changes = align(OLD, NEW)
    text = (
        HEADER
        + row("F", 2022, OLD[0], 2023, NEW[0], "link")
        + row("F", 2022, OLD[0], 2023, NEW[1], "link")
        + row("F", 2022, OLD[1], 2023, NEW[0], "link")
    )
    out, skipped = _apply(changes, text)
    assert [o.line for o, _ in skipped] == [4]
    assert "expected a split (one old item) or a merge (one new item)" in skipped[0][1]


def _freedonia():
    docs = {}
    for year in (2022, 2023):
        path = RAW / str(year) / f"synthetic_freedonia_{year}.txt"
        docs[year] = parse_bytes(path.read_bytes(), source=str(path)).documents[0]
    return docs[2022], docs[2023]


def test_overrides_for_a_pair_not_in_the_run_are_reported():
    a, b = _freedonia()
    d = diff_narratives(a, b)
    overrides, _ = read_overrides(
        HEADER + row("Freedonia", 2019, "x", 2020, "y", "link"), source="o.csv"
    )
    diffs, notes = apply_reviews([d], overrides)
    assert diffs[0] == d
    assert "Freedonia has no 2019→2020 year pair in this run" in notes[0].message


def test_cli_diff_applies_overrides_like_the_run(tmp_path):
    a, b = _freedonia()
    dropped = next(c for c in diff_narratives(a, b).changes if c.kind == "dropped")
    old_text = a.recommendations[dropped.old[0]].text
    added = next(c for c in diff_narratives(a, b).changes if c.kind == "added")
    new_text = b.recommendations[added.new[0]].text
    csv_path = tmp_path / "overrides.csv"
    csv_path.write_text(
        HEADER + row("FREEDONIA", 2022, old_text, 2023, new_text, "link", "checked by hand")
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tipdiff",
            "diff",
            "--json",
            "--overrides",
            str(csv_path),
            str(RAW / "2022/synthetic_freedonia_2022.txt"),
            str(RAW / "2023/synthetic_freedonia_2023.txt"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    changes = json.loads(proc.stdout)["pairs"][0]["changes"]
    reviewed = [c for c in changes if c["decided_by"] == "review"]
    numbers = lambda side: [it["number"] for it in side]  # noqa: E731
    assert reviewed == [next(c for c in changes if numbers(c["from"]) == [i + 1 for i in dropped.old])]
    assert numbers(reviewed[0]["to"]) == [j + 1 for j in added.new]
    assert reviewed[0]["review_note"] == "checked by hand"


def test_terminal_report_shows_possible_links_and_reviewer_decisions():
    from tipdiff.corpus import histories
    from tipdiff.diff import CountryDiff
    from tipdiff.model import Narrative, Recommendation
    from tipdiff.records import history_pairs
    from tipdiff.render.text import pairs_text

    loose = AlignConfig(cutoff=95.0, floor=95.0, second_look=0.0, leftover_token_set=0.0,
                        candidate_floor=20.0)
    changes = align(OLD, NEW, config=loose)
    reviewed, _ = _apply(changes, HEADER + row("F", 2022, OLD[1], 2023, NEW[1], "link", "checked"))
    d = CountryDiff("Freedonia", None, 2022, 2023, "Tier 2", "Tier 2", "remained",
                    tuple(OLD), tuple(NEW), reviewed)
    narratives = [
        Narrative(f"f{y}.txt", "0" * 64, "Freedonia", None, y, "Tier 2", "header", None, None,
                  tuple(Recommendation(i, t) for i, t in enumerate(texts)))
        for y, texts in ((2022, OLD), (2023, NEW))
    ]
    (h,) = histories(narratives, [d])
    text = pairs_text(history_pairs(h))
    assert "possibly the same as 2023 #1" in text  # the funding ask, below the cutoff here
    assert "set by a reviewer: checked" in text


# ------------------------------------------------------------- issue 16, rows 5, 7, 11


def test_a_field_past_the_bound_is_an_error_naming_the_line_and_the_rest_count():
    good = row("Freedonia", 2022, OLD[0], 2023, NEW[0], "link", "same ask")
    text = (HEADER + row("Freedonia", 2022, OLD[1], 2023, NEW[1], "link", "n" * 5000)
            + row("Freedonia", 2022, OLD[2], 2023, NEW[2], "link", "n" * 200 * 1024) + good)
    overrides, errors = read_overrides(text, source="o.csv")
    assert [o.line for o in overrides] == [4]
    first, second = (e.message for e in errors)
    assert first == (
        "o.csv: line 2: a field of 5,000 characters: expected fields of at most 4,096 "
        "characters (tipdiff.limits.MAX_OVERRIDE_FIELD); the row was not applied")
    # the csv module refuses the 200 KiB field at its own process-wide limit (131,072 unless
    # a library raised it, as frictionless does when the tests import it), or tipdiff's bound
    # does: either way an error naming line 3 and the bound
    assert second.startswith("o.csv: line 3: ") and second.endswith(
        "expected fields of at most 4,096 characters (tipdiff.limits.MAX_OVERRIDE_FIELD); "
        "the row was not applied")


def test_conflicting_rows_for_one_pair_are_an_error_naming_both_lines():
    text = (HEADER + row("Freedonia", 2022, OLD[0], 2023, NEW[0], "link", "L")
            + row("Freedonia", 2022, OLD[1], 2023, NEW[1], "link")
            + row("FREEDONIA", 2022, OLD[0], 2023, NEW[0], "unlink", "U")
            + row("Freedonia", 2022, OLD[1], 2023, NEW[1], "link", "again"))
    overrides, errors = read_overrides(text, source="o.csv")
    assert [(o.line, o.verdict) for o in overrides] == [(3, "link")]
    assert errors[0].message.startswith(
        f"o.csv: lines 2 and 4: link and then unlink for the same pair of Freedonia texts "
        f"(2022 {text_sha256(OLD[0])[:12]}…, 2023 {text_sha256(NEW[0])[:12]}…): expected one "
        "verdict per pair; neither row was applied")
    assert errors[1].message == (
        "o.csv: line 5: the same pair and verdict (link) as line 3: expected one row per pair "
        "of texts; line 3 is applied, this one is not")


def _diff_cli(args, cwd):
    return subprocess.run([sys.executable, "-m", "tipdiff", "diff", *args,
                           str(RAW / "2022/synthetic_freedonia_2022.txt"),
                           str(RAW / "2023/synthetic_freedonia_2023.txt")],
                          capture_output=True, text=True, cwd=cwd)


def test_cli_diff_applies_the_default_overrides_file_as_run_does_and_says_so(tmp_path):
    a, b = _freedonia()
    dropped = next(c for c in diff_narratives(a, b).changes if c.kind == "dropped")
    added = next(c for c in diff_narratives(a, b).changes if c.kind == "added")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "overrides.csv").write_text(HEADER + row(
        "FREEDONIA", 2022, a.recommendations[dropped.old[0]].text, 2023,
        b.recommendations[added.new[0]].text, "link", "checked by hand"))
    proc = _diff_cli(["--json"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert ("tipdiff diff: reviewer overrides from data/overrides.csv (1 row(s); the default "
            "file, as `run` uses it)") in proc.stderr
    out = json.loads(proc.stdout)
    assert out["overrides"] == "data/overrides.csv"
    (reviewed,) = [c for c in out["pairs"][0]["changes"] if c["decided_by"] == "review"]
    assert reviewed["review_note"] == "checked by hand"
    # a note past the csv module's bound: an error naming the line, no traceback
    (tmp_path / "data" / "overrides.csv").write_text(
        HEADER + "FREEDONIA,2022,x,2023,y,link," + "n" * 200_000 + "\n")
    proc = _diff_cli([], tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "error: data/overrides.csv: line 2: not a row tipdiff can read" in proc.stderr
