"""Incremental reuse of published output (issue 11): what a run takes from the published set
instead of making it again, and proof that the result is the same bytes as a clean run.

The corpus is the synthetic history (tipdiff.testing.history): fictional countries, every
input shape, reinstated items. "Before" is every year but the last; "after" adds it, as a
user does each June.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from tipdiff import corpus
from tipdiff.align import AlignConfig
from tipdiff.blocks import INDEX as BLOCKS_INDEX
from tipdiff.blocks import Blocks, block_bounds
from tipdiff.inputs import inventory, parse_files
from tipdiff.lineage import CHECKS_INDEX, Checks
from tipdiff.render import pages
from tipdiff.render.sections import INDEX
from tipdiff.tables import build_tables, csv_rows, jsonl_rows, table_pieces
from tipdiff.testing.history import make_history

YEARS = range(2014, 2021)
LAST = YEARS[-1]


def _model(raw: Path, years) -> dict:
    """The core on the files of `years` (as the run computes it, without Prefect)."""
    files = tuple(f for f in inventory(raw) if f.folder_year in years)
    docs, _dups = corpus.dedupe(parse_files(files).documents)
    diffs = [d for pairs in corpus.year_pairs(docs).values() for d in corpus.align_batch(pairs)]
    diffs, notes = corpus.apply_reviews(diffs, ())
    return {
        "docs": docs,
        "histories": corpus.histories(docs, diffs),
        "diffs": diffs,
        "notes": notes,
    }


@pytest.fixture(scope="module")
def history_models(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    history = make_history(8, YEARS, seed=11, whole_report_years=())
    history.write(raw)
    return _model(raw, YEARS[:-1]), _model(raw, YEARS)


def _site(model, published=None, config=None):
    return pages.site(
        model["histories"],
        (),
        notes=model["notes"],
        published=published,
        **({"config": config} if config else {}),
    )


def _write(files: dict, root: Path) -> Path:
    """The files as a published set: with a manifest that vouches for each (tipdiff.trust)."""
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    _vouch(root)
    return root


def _vouch(root: Path) -> None:
    """A manifest listing the sha256 of every file in `root`, as a publish writes it."""
    outputs = {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
               for p in sorted(root.rglob("*")) if p.is_file() and p.name != "manifest.json"}
    (root / "manifest.json").write_text(json.dumps({"outputs": outputs}))


def test_adding_a_year_reuses_unchanged_sections_and_gives_the_clean_runs_bytes(
    history_models, tmp_path
):
    before, after = history_models
    published = _write(dict(_site(before).files()), tmp_path / "published")
    clean = _site(after)
    clean_files = dict(clean.files())
    incremental = _site(after, published)
    assert dict(incremental.files()) == clean_files  # every page and the index itself
    counts = (incremental.sections.reused, incremental.sections.rendered)
    # a retried publish makes the pages again: the same bytes, the same index and counts
    assert dict(incremental.files()) == clean_files
    assert (incremental.sections.reused, incremental.sections.rendered) == counts
    s = incremental.sections
    assert clean.sections.reused == 0
    assert s.reused + s.rendered == clean.sections.rendered
    # rendered again: the new pair's two sections per country, and the older pairs whose
    # dropped row now says that the item is asked again in the new year; nothing else
    countries = sum(1 for h in after["histories"] if h.narratives[-1].year == LAST)
    before_files = {
        k: (published / k).read_bytes()
        for k in clean_files
        if k.endswith(".md") and (published / k).exists()
    }
    changed = []
    for name, data in clean_files.items():
        if name in before_files:
            old = _md_sections(before_files[name].decode())
            new = _md_sections(_text(data))
            changed += [(name, h) for h, text in new.items() if h in old and old[h] != text]
    assert changed, "the last year must bring back something an older pair dropped"
    # (and the feed entries of those pairs: HTML, Markdown and feed, three parts each)
    assert s.rendered == 3 * countries + 3 * len(changed)
    for name, heading in changed:
        assert f"asked again in {LAST}" in _md_sections(_text(clean_files[name]))[heading]


def _text(data: str | bytes) -> str:
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _md_sections(page: str) -> dict[str, str]:
    """A country page's year-pair sections by heading ("2016 → 2017")."""
    parts = page.split("\n## ")[1:]
    return {p.split("\n", 1)[0]: p for p in parts if " → " in p.split("\n", 1)[0]}


def test_a_published_section_whose_bytes_changed_is_rendered_again(history_models, tmp_path):
    before, _after = history_models
    files = dict(_site(before).files())
    published = _write(files, tmp_path / "published")
    index = json.loads(files[INDEX])
    page, places = next(iter(index["pages"].items()))
    _key, start, length, _sha = places[0]
    data = bytearray((published / page).read_bytes())
    data[start + length // 2] ^= 0x01  # one bit inside the first section, as a disk or an edit
    (published / page).write_bytes(bytes(data))
    again = _site(before, published)
    assert dict(again.files()) == files  # the damaged section was not copied
    assert again.sections.rendered == 1
    parts = [*index["pages"].values(), *index["feed_entries"].values()]
    assert again.sections.reused == sum(len(p) for p in parts) - 1


def test_other_settings_or_render_code_reuse_nothing(history_models, tmp_path, monkeypatch):
    before, _after = history_models
    files = dict(_site(before).files())
    published = _write(files, tmp_path / "published")
    other = replace(AlignConfig(), cutoff=AlignConfig().cutoff - 5)
    s = _site(before, published, other)  # the same model under other settings
    dict(s.files())
    assert s.sections.reused == 0 and s.sections.rendered > 0

    def without_index(files):
        return {k: v for k, v in files.items() if k != INDEX}

    monkeypatch.setattr("tipdiff.render.sections.render_code", lambda: "other templates")
    s = _site(before, published)
    assert without_index(dict(s.files())) == without_index(files) and s.sections.reused == 0
    monkeypatch.undo()

    # an index that is not JSON, or none at all: everything is rendered, nothing fails
    (published / INDEX).write_text("{not json")
    s = _site(before, published)
    assert dict(s.files()) == files and s.sections.reused == 0
    (published / INDEX).unlink()
    s = _site(before, published)
    assert dict(s.files()) == files and s.sections.reused == 0


# --------------------------------------------------------------------------- table blocks


def _table_files(model, published=None) -> tuple[dict[str, bytes], Blocks]:
    built = build_tables(model["histories"], (), model["notes"])
    blocks = Blocks(published)
    files = {
        file: b"".join(pieces)
        for name, df in built.items()
        for file, pieces in table_pieces(name, df, blocks)
    }
    files[BLOCKS_INDEX] = blocks.index()
    return files, blocks


def test_adding_a_year_reuses_unchanged_table_blocks_and_gives_the_clean_runs_bytes(
    history_models, tmp_path
):
    before, after = history_models
    published = _write(_table_files(before)[0], tmp_path / "published")
    clean, clean_blocks = _table_files(after)
    incremental, blocks = _table_files(after, published)
    assert incremental == clean  # every table file and the index itself
    assert clean_blocks.reused == 0 and blocks.reused + blocks.written == clean_blocks.written
    # the new year's blocks are written; of the older ones, most come from the published set
    built = build_tables(after["histories"], (), after["notes"])
    new = sum(1 for s, _e in block_bounds("recommendations", built["recommendations"])
              if built["recommendations"]["year"].iloc[s] == LAST)
    new += sum(1 for s, _e in block_bounds("changes", built["changes"])
               if built["changes"]["to_year"].iloc[s] == LAST)
    assert blocks.written >= 2 * new  # CSV and JSON Lines
    # every block whose rows the published set holds unchanged is reused, in both files (the
    # rest are the new year's and the older pairs' whose dropped rows now say when they
    # come back)
    from tipdiff.blocks import _block_keys

    old_built = build_tables(before["histories"], (), before["notes"])
    unchanged = sum(
        len(set(_block_keys(name, built[name])[1]) & set(_block_keys(name, old_built[name])[1]))
        for name in ("recommendations", "changes")
    )
    assert blocks.reused == 2 * unchanged
    assert blocks.reused >= 0.7 * (blocks.reused + blocks.written)
    # each file is the same bytes as pandas writes the whole table in one call
    for name, df in built.items():
        assert clean[f"{name}.csv"] == csv_rows(df, True)
        assert clean[f"{name}.jsonl"] == jsonl_rows(df)


def test_a_damaged_block_or_an_index_of_other_code_is_never_copied(history_models, tmp_path):
    before, _after = history_models
    files, _ = _table_files(before)
    published = _write(files, tmp_path / "published")
    index = json.loads(files[BLOCKS_INDEX])
    spec = index["files"]["changes.jsonl"]
    start = spec["header"] + sum(length for _k, length, _s in spec["blocks"][:3])
    data = bytearray((published / "changes.jsonl").read_bytes())
    data[start + 5] ^= 0x01  # inside the fourth block
    (published / "changes.jsonl").write_bytes(bytes(data))
    again, blocks = _table_files(before, published)
    assert again == files
    assert blocks.written == 1

    index["code"] = "an earlier tipdiff"
    (published / BLOCKS_INDEX).write_text(json.dumps(index))
    _vouch(published)
    again, blocks = _table_files(before, published)
    assert again == files and blocks.reused == 0


def test_a_csv_cell_with_a_line_break_leaves_that_file_out_of_the_index(
    history_models, tmp_path
):
    before, _after = history_models
    built = build_tables(before["histories"], (), before["notes"])
    changes = built["changes"].copy()
    changes.loc[len(changes) // 2, "review_note"] = "checked by hand:\nsame ask, new wording"
    blocks = Blocks()
    files = {f: b"".join(p) for f, p in table_pieces("changes", changes, blocks)}
    assert files["changes.csv"] == csv_rows(changes, True)
    assert files["changes.jsonl"] == jsonl_rows(changes)
    assert b'"checked by hand:\nsame ask, new wording"' in files["changes.csv"]
    index = json.loads(blocks.index())
    assert "changes.csv" not in index["files"] and "changes.jsonl" in index["files"]
    published = _write({**files, BLOCKS_INDEX: blocks.index()}, tmp_path / "published")
    again = Blocks(published)
    assert {f: b"".join(p) for f, p in table_pieces("changes", changes, again)} == files
    assert again.reused == len(index["files"]["changes.jsonl"]["blocks"])


# ---------------------------------------------------------------- reinstatement checks


def _histories(raw_model, checks):
    return corpus.histories(raw_model["docs"], raw_model["diffs"], checks=checks)


def test_adding_a_year_reuses_earlier_reinstatement_checks_with_the_clean_lineage(
    history_models, tmp_path
):
    before, after = history_models
    first = Checks()
    _histories(before, first)
    (tmp_path / CHECKS_INDEX).write_bytes(first.to_json())
    _vouch(tmp_path)
    clean_checks, checks = Checks(), Checks.load(tmp_path)
    clean = _histories(after, clean_checks)
    incremental = _histories(after, checks)
    assert incremental == clean  # every thread, id and flag
    assert checks.to_json() == clean_checks.to_json()  # what the run publishes
    assert checks.reused == len(first.made) > 0  # every earlier check is asked again
    assert len(checks.made) > checks.reused  # the new year's checks are made
    assert any(t.reinstated and t.last_year == LAST for h in clean for t in h.lineage.threads)


def test_a_reinstatement_answer_that_does_not_fit_or_other_settings_is_recomputed(
    history_models, tmp_path
):
    before, _after = history_models
    first = Checks()
    clean = _histories(before, first)
    data = json.loads(first.to_json())
    key = next(k for k, v in data["checks"].items() if v)  # one check that found a return
    data["checks"][key] = [[999, 0]]  # an answer naming an item the lists do not have
    (tmp_path / CHECKS_INDEX).write_text(json.dumps(data))
    _vouch(tmp_path)  # even an index the manifest vouches for is checked answer by answer
    checks = Checks.load(tmp_path)
    assert _histories(before, checks) == clean
    assert checks.reused == len(first.made) - 1
    other = replace(AlignConfig(), cutoff=AlignConfig().cutoff + 1)
    assert Checks.load(tmp_path, other).offered == {}
    (tmp_path / CHECKS_INDEX).write_text("[1, 2")
    assert Checks.load(tmp_path).offered == {}
