"""The Prefect pipeline, run for real under one session-scoped test harness."""

from __future__ import annotations

import json
import shutil
import time

import jsonschema
import pandas as pd
import pytest

from tipdiff import parse as parse_module
from tipdiff.align import DEFAULT_CONFIG
from tipdiff.digest import DIGEST_FILES
from tipdiff.evidence import DEFAULT_EVIDENCE, EVIDENCE_VERSION
from tipdiff.publish import LockBusy, current_set, run_lock
from tipdiff.tables import SCHEMA

from .conftest import ROOT, tree_state

RAW = ROOT / "data" / "raw"
TABLES = (
    "recommendations", "changes", "evidence", "sentences", "stock_asks", "tiers", "lineage",
    "errors", "warnings", "panel",
)

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(raw, out, **kw):
    from tipdiff.flows.pipeline import tipdiff_run

    return tipdiff_run(raw=str(raw), out=str(out), progress=False, **kw)


def _outputs(out):
    """Every file of the published set but the manifest and the digest (both depend on the
    run: its time, the set it replaced), pages and feeds under reports/ included (read from
    the set `current` names, resolved once)."""
    current = current_set(out)
    return {str(p.relative_to(current)): p.read_bytes() for p in sorted(current.rglob("*"))
            if p.is_file() and p.name != "manifest.json"
            and str(p.relative_to(current)) not in DIGEST_FILES}


def test_demo_run_publishes_every_table_report_schema_and_manifest(tmp_path, fresh_result_cache):
    before = tree_state(RAW)
    out = tmp_path / "out"
    result = run(RAW, out)
    assert tree_state(RAW) == before  # data/raw is never written
    assert result["errors"] == []
    for name in TABLES:
        for ext in ("parquet", "csv", "jsonl"):
            assert (out / f"{name}.{ext}").exists()
        df = pd.read_parquet(out / f"{name}.parquet")
        assert list(df.columns) == [c[0] for c in SCHEMA[name]]
        assert len(pd.read_csv(out / f"{name}.csv")) == len(df)
    schema = json.loads((out / "schema.json").read_text())
    assert set(schema["$defs"]) == set(TABLES)
    for name in TABLES:  # every published row conforms to its schema
        row_schema = {**schema["$defs"][name], "$schema": schema["$schema"]}
        validator = jsonschema.Draft202012Validator(row_schema)
        for line in (out / f"{name}.jsonl").read_text().splitlines():
            row = json.loads(line)
            assert list(row) == row_schema["required"]
            validator.validate(row)
    recs = pd.read_parquet(out / "recommendations.parquet")
    assert len(recs) == 49 and recs["lineage_id"].notna().all()
    assert set(recs["country"]) == {"Peru", "Freedonia", "Sylvania", "Ruritania"}
    changes = pd.read_parquet(out / "changes.parquet")
    split = changes[changes.kind == "split"]
    assert len(split) == 2 and split["change_id"].nunique() == 1
    assert set(changes.kind) == {"unchanged", "reworded", "split", "merged", "added", "reinstated",
                                 "dropped"}
    back = changes[changes.kind == "reinstated"]
    assert len(back) == 2 and back["last_asked_year"].tolist() == [2022, 2022]
    tiers = pd.read_parquet(out / "tiers.parquet").set_index(["country", "year"])
    assert tiers.loc[("Sylvania", 2023), "watch_list_limit_reached"]
    assert tiers.loc[("Sylvania", 2024), "tier_change"] == "downgraded"
    assert tiers.loc[("Freedonia", 2024), "tier_change"] == "upgraded"
    lineage = pd.read_parquet(out / "lineage.parquet")
    assert lineage["reinstated"].sum() == 2
    manifest = json.loads((out / "manifest.json").read_text())
    assert {s["path"] for s in manifest["sources"]} == {str(p) for p in RAW.glob("*/*.txt")}
    assert all(len(s["sha256"]) == 64 for s in manifest["sources"])
    assert manifest["parser_version"] == parse_module.PARSER_VERSION
    # which evidence matcher read the bodies, with its thresholds (and the fingerprint knows it)
    assert manifest["evidence"] == {
        "version": EVIDENCE_VERSION, "config": DEFAULT_EVIDENCE.to_dict()
    }
    assert manifest["fingerprint"]["evidence_version"] == EVIDENCE_VERSION
    assert manifest["thresholds"]["cutoff"] == DEFAULT_CONFIG.cutoff and manifest["code_revision"]
    assert set(manifest["outputs"]) == set(_outputs(out)) | set(DIGEST_FILES)
    reports = out / "reports"
    assert "**split**" in (reports / "freedonia.md").read_text()
    assert "<del>" in (reports / "freedonia.html").read_text()
    assert "Sylvania" in (reports / "index.html").read_text()
    assert {p.name for p in (reports / "feeds").iterdir()} == {
        "PER.xml", "freedonia.xml", "ruritania.xml", "sylvania.xml", "digest.xml"}
    digest = json.loads((out / "digest.json").read_text())
    assert digest["scope"] == "latest" and digest["changed"]  # a first publication
    assert "reports/index.html" in manifest["outputs"]


def test_rerun_is_served_from_cache_and_identical(tmp_path, fresh_result_cache, monkeypatch):
    out = tmp_path / "out"
    first = run(RAW, out)
    tables = _outputs(out)
    import tipdiff.manifest

    # another tipdiff: the rerun cannot stop at the check (tests/test_rerun.py), so every
    # task runs, and parse and align come from the cache
    monkeypatch.setattr(tipdiff.manifest, "code_digest", lambda: "another tipdiff")
    second = run(RAW, out)
    assert first["cache"]["parse"]["computed"] == 3 and first["cache"]["align"]["computed"] == 2
    assert second["cache"] == {
        "parse": {"computed": 0, "cached": 3},
        "align": {"computed": 0, "cached": 2},
        # every reinstatement check, table block and page section comes from the published set
        "lineage_checks": {"computed": 0, "reused": 2},
        # sections (HTML and Markdown of six pairs), feed entries (one per country and year)
        "page_parts": {"computed": 0, "reused": 12 + 10},
        "table_blocks": {"computed": 0, "reused": 30},
    }
    assert _outputs(out) == tables
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["inputs_changed_since_previous_run"] == {"added": [], "removed": [], "changed": []}


def test_adding_a_year_touches_only_that_years_pairs(tmp_path, fresh_result_cache):
    raw = tmp_path / "raw"
    for year in ("2022", "2023"):
        shutil.copytree(RAW / year, raw / year)
    out = tmp_path / "out"
    run(raw, out)
    shutil.copytree(RAW / "2024", raw / "2024")
    result = run(raw, out)
    assert result["cache"]["parse"] == {"computed": 1, "cached": 2}
    assert result["cache"]["align"] == {"computed": 1, "cached": 1}
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["inputs_changed_since_previous_run"]["added"]) == 3
    # The pages' unchanged parts come from the published set (render.sections): of the three
    # 2022 -> 2023 sections, Ruritania's (HTML, Markdown and its 2023 feed entry) is
    # unchanged; Freedonia's and Sylvania's drops come back in 2024, and their rows now say
    # so. The 2022 feed entries and Peru's 2023 one are the same; the 2024 parts are new.
    assert manifest["cache"]["page_parts"] == {"computed": 3 * (3 + 2), "reused": 3 + 3 + 1}
    for country in ("freedonia", "sylvania"):
        assert "asked again in 2024" in (out / "reports" / f"{country}.md").read_text()
    clean = tmp_path / "clean"
    run(raw, clean)
    assert _outputs(out) == _outputs(clean)
    # so do the table rows of the years and year pairs the new year leaves alone
    # (tipdiff.blocks): each country's 2022 and 2023 recommendations and its 2022 -> 2023 rows
    assert manifest["cache"]["table_blocks"]["reused"] > 0
    # a reinstatement check looks two or three reports ahead: 2022 and 2023 made none, so
    # the checks of items dropped after 2022 that come back in 2024 are all new
    assert manifest["cache"]["lineage_checks"]["reused"] == 0
    assert manifest["cache"]["lineage_checks"]["computed"] > 0
    clean_cache = json.loads((clean / "manifest.json").read_text())["cache"]
    assert clean_cache["page_parts"]["reused"] == 0 and clean_cache["table_blocks"]["reused"] == 0


def test_parser_version_change_reparses_everything_and_is_not_a_content_change(
        tmp_path, fresh_result_cache, monkeypatch):
    out = tmp_path / "out"
    run(RAW, out)
    import tipdiff.tasks.pipeline

    import tipdiff.manifest

    monkeypatch.setattr(tipdiff.tasks.pipeline, "PARSER_VERSION", "999-test")
    monkeypatch.setattr(tipdiff.manifest, "PARSER_VERSION", "999-test")
    result = run(RAW, out)
    assert result["cache"]["parse"] == {"computed": 3, "cached": 0}
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["parser_version_change"]["to"] == "999-test"
    assert manifest["inputs_changed_since_previous_run"] == {"added": [], "removed": [], "changed": []}


def test_bad_inputs_are_reported_by_name_and_the_rest_is_processed(tmp_path, fresh_result_cache):
    raw = tmp_path / "raw"
    shutil.copytree(RAW / "2023", raw / "2023")
    (raw / "2023" / "empty.txt").write_bytes(b"")
    (raw / "2023" / "scan.txt").write_bytes(bytes(range(256)) * 8)
    (raw / "2023" / "notes.txt").write_text("Meeting notes: bring the projector.\n")
    (raw / "2023" / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    shutil.copy(ROOT / "tests/fixtures/shapes/header_disagrees.txt", raw / "2023" / "fenwick.txt")
    dup = raw / "2023" / "zz_copy_of_peru.txt"
    dup.write_bytes((RAW / "2023" / "peru_2023_tip_excerpt.txt").read_bytes())
    before = tree_state(raw)
    out = tmp_path / "out"
    result = run(raw, out)
    assert tree_state(raw) == before
    errors = pd.read_csv(out / "errors.csv")
    assert sorted(errors["source"].str.rsplit("/", n=1).str[-1]) == [
        "empty.txt", "notes.txt", "report.pdf", "scan.txt"]
    assert "extract the text first" in errors[errors.source.str.endswith("report.pdf")]["message"].iloc[0]
    assert all(src in msg for src, msg in zip(errors["source"], errors["message"], strict=True))
    assert len(result["errors"]) == 4
    # the second copy of Peru 2023 is a warning naming both files and the one used
    (copy,) = [m for m in pd.read_parquet(out / "warnings.parquet")["message"] if "a second copy" in m]
    assert f"is in {raw / '2023' / 'peru_2023_tip_excerpt.txt'} and in {dup}" in copy
    recs = pd.read_parquet(out / "recommendations.parquet")
    assert set(recs["country"]) == {"Peru", "Freedonia", "Sylvania", "Ruritania", "Grand Fenwick"}
    warnings = pd.read_parquet(out / "warnings.parquet")
    fenwick = warnings[warnings.country == "Grand Fenwick"]["message"].tolist()
    assert any("disagree" in m for m in fenwick)  # parser doubts are published, not dropped


def test_a_second_run_on_the_same_out_waits_then_says_why_it_stopped(tmp_path):
    out = tmp_path / "out"
    with run_lock(out, wait=0):
        with pytest.raises(LockBusy, match="another tipdiff run is writing here"):
            run(RAW, out, wait=0.3)
    assert not (out / "manifest.json").exists()


def test_a_second_run_waits_for_the_first_to_finish(tmp_path):
    import threading

    out = tmp_path / "out"
    held, release = threading.Event(), threading.Event()

    def other_run():
        with run_lock(out, wait=0):
            held.set()
            release.wait(10)

    holder = threading.Thread(target=other_run)
    holder.start()
    held.wait(10)
    threading.Timer(1.0, release.set).start()
    started = time.monotonic()
    result = run(RAW, out, wait=30)
    holder.join()
    assert time.monotonic() - started >= 1.0  # it waited for the lock
    assert result["counts"]["documents"] == 10 and (out / "manifest.json").exists()


def test_artifacts_are_published(tmp_path):
    from prefect.client.orchestration import get_client

    run(RAW, tmp_path / "out")
    with get_client(sync_client=True) as client:
        arts = {a.key: a for a in client.read_latest_artifacts()}
    summary = arts["tipdiff-summary"].data
    assert "| Freedonia | 2022–2024 | Tier 1 | upgraded |" in summary  # the index, as Markdown
    assert "](" not in summary  # no links to pages the artifact does not have
    assert "## Freedonia" not in summary  # the summary, not every country's page
    assert arts["tipdiff-tiers"].type == "table"


def test_dask_task_runner_gives_the_same_tables(tmp_path, fresh_result_cache):
    from prefect.settings import PREFECT_LOCAL_STORAGE_PATH, temporary_settings
    from prefect_dask import DaskTaskRunner
    from tipdiff.flows.pipeline import tipdiff_run

    threads = tmp_path / "threads"
    run(RAW, threads)
    dask_flow = tipdiff_run.with_options(task_runner=DaskTaskRunner(
        cluster_kwargs={"n_workers": 2, "threads_per_worker": 1, "processes": True,
                        "dashboard_address": None}))
    dask_out = tmp_path / "dask"
    with temporary_settings(updates={PREFECT_LOCAL_STORAGE_PATH: tmp_path / "dask-results"}):
        result = dask_flow(raw=str(RAW), out=str(dask_out), progress=False)
    assert result["cache"]["parse"]["computed"] == 3 and result["cache"]["align"]["computed"] == 2
    assert _outputs(dask_out) == _outputs(threads)


def _narrative(country, year, items, tier="Tier 2"):
    from .test_inputs import narrative

    return narrative(country, year, items, tier)


def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe_other_formats_stay_exact(
        tmp_path, fresh_result_cache, monkeypatch):
    import csv

    from tipdiff.tables import FORMULA_STARTS

    items = ['=HYPERLINK("http://example.invalid","Fund shelters")', "+1 Train more labour inspectors.",
             "-2 Publish data on convictions.", "@SUM(1) Open a hotline for victims.",
             "Ordinary item: fund the shelter."]  # tab and CR starts: see test_tables_csv.py
    raw = tmp_path / "raw"
    for year, tier in ((2023, "Tier 2"), (2024, "Tier 1")):
        (raw / str(year)).mkdir(parents=True)
        (raw / str(year) / "freedonia.txt").write_text(_narrative("Freedonia", year, items, tier))
    (raw / "=HYPERLINK(1).txt").write_text("Meeting notes: bring the projector.\n")
    monkeypatch.chdir(raw)  # sources are then relative: '=HYPERLINK(1).txt' starts a cell
    out = tmp_path / "out"
    run(".", out)
    exact = pd.read_parquet(out / "recommendations.parquet")
    assert exact[exact.year == 2023]["text"].tolist() == items  # Parquet: exact
    jsonl = [json.loads(line) for line in (out / "recommendations.jsonl").read_text().splitlines()]
    assert [r["text"] for r in jsonl if r["year"] == 2023] == items  # JSON Lines: exact
    with open(out / "recommendations.csv", newline="") as fh:
        texts = [r["text"] for r in csv.DictReader(fh) if r["year"] == "2023"]
    assert texts == ["'" + t if t.startswith(FORMULA_STARTS) else t for t in items]
    with open(out / "errors.csv", newline="") as fh:
        errors = list(csv.DictReader(fh))
    assert [e["source"] for e in errors] == ["'=HYPERLINK(1).txt"]
    for name in TABLES:  # no cell of any CSV starts a formula
        with open(out / f"{name}.csv", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell.startswith(FORMULA_STARTS) for cell in row), (name, row)
    schema = json.loads((out / "schema.json").read_text())
    assert "leading apostrophe (')" in schema["description"] and "Parquet and JSON Lines hold every value exactly" in schema["description"]


def test_a_failed_year_pair_or_parse_batch_is_error_rows_and_the_rest_is_published(
        tmp_path, fresh_result_cache, monkeypatch):
    import tipdiff.corpus
    import tipdiff.inputs

    real_align, real_parse = tipdiff.corpus.align_batch, tipdiff.inputs.parse_files

    def align_batch(pairs, **kw):  # the failure a 252 GiB matrix gave, for one year pair only
        if pairs[0][0].year == 2023:
            raise MemoryError("Unable to allocate 252. GiB for an array")
        return real_align(pairs, **kw)

    def parse_files(files):
        if files[0].folder_year == 2022:
            raise RuntimeError("parser crashed")
        return real_parse(files)

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    (raw / "2025").mkdir()
    for f in (raw / "2024").iterdir():
        (raw / "2025" / f.name.replace("2024", "2025")).write_text(f.read_text().replace("2024", "2025"))
    monkeypatch.setattr(tipdiff.corpus, "align_batch", align_batch)
    result = run(raw, tmp_path / "out")
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    align_rows = errors[errors.message.str.contains("aligning the 2023->2024 year pair failed")]
    assert len(align_rows) == 3  # one per country pair, naming both files
    for _, row in align_rows.iterrows():
        old = row.source.replace("2024", "2023")
        assert row.message.startswith(f"{old} and {row.source}: ")
        assert "(MemoryError: Unable to allocate 252. GiB for an array)" in row.message
    changes = pd.read_parquet(tmp_path / "out" / "changes.parquet")
    assert set(zip(changes.from_year, changes.to_year, strict=True)) == {(2022, 2023), (2024, 2025)}
    assert len(pd.read_parquet(tmp_path / "out" / "tiers.parquet")) == 13  # every narrative
    assert len(result["errors"]) == 3

    monkeypatch.setattr(tipdiff.corpus, "align_batch", real_align)
    monkeypatch.setattr(tipdiff.inputs, "parse_files", parse_files)
    raw2 = tmp_path / "raw2"  # other paths: the parse cache of the first run does not apply
    shutil.copytree(raw, raw2)
    result = run(raw2, tmp_path / "out2")
    errors = pd.read_csv(tmp_path / "out2" / "errors.csv")
    assert sorted(errors.source) == sorted(str(p) for p in (raw2 / "2022").iterdir())
    assert all("parsing the batch of 3 file(s) it belongs to failed (RuntimeError: parser crashed)"
               in m for m in errors.message)
    tiers = pd.read_parquet(tmp_path / "out2" / "tiers.parquet")
    assert sorted(set(tiers.year)) == [2023, 2024, 2025] and len(tiers) == 10


def test_no_usable_narrative_never_replaces_a_publication_and_an_empty_raw_is_refused(
        tmp_path, fresh_result_cache):
    from tipdiff.publish import NothingToPublish

    out = tmp_path / "out"
    run(RAW, out)
    before = _outputs(out)
    bad = tmp_path / "bad"
    (bad / "2023").mkdir(parents=True)
    (bad / "2023" / "empty.txt").write_bytes(b"")
    (bad / "2023" / "notes.txt").write_text("Meeting notes: bring the projector.\n")
    with pytest.raises(NothingToPublish, match="the 10 narratives published in .* are kept") as caught:
        run(bad, out)
    assert not caught.value.usage and len(caught.value.errors) == 2
    assert _outputs(out) == before  # nothing was replaced
    empty = tmp_path / "empty"
    (empty / "2023").mkdir(parents=True)
    (empty / "2023" / ".DS_Store").write_bytes(b"\x00")
    with pytest.raises(NothingToPublish, match="no input files found") as caught:
        run(empty, tmp_path / "fresh")
    assert caught.value.usage and not (tmp_path / "fresh" / "manifest.json").exists()
    result = run(bad, out, allow_empty=True)  # said so: the empty set replaces the old one
    assert result["counts"]["documents"] == 0 and len(result["errors"]) == 2
    assert len(pd.read_parquet(out / "recommendations.parquet")) == 0
