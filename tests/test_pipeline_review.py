"""Reviewer overrides through the whole pipeline: applied, published, reported, stable."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from tipdiff.publish import current_set

from .conftest import ROOT

RAW = ROOT / "data" / "raw"
HEADER = "country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n"

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(raw, out, **kw):
    from tipdiff.flows.pipeline import tipdiff_run

    return tipdiff_run(raw=str(raw), out=str(out), progress=False, **kw)


def _tables(out):
    current = current_set(out)
    return {str(p.relative_to(current)): p.read_bytes() for p in sorted(current.rglob("*"))
            if p.is_file()
            and p.suffix in (".csv", ".parquet", ".jsonl")}


def test_run_applies_overrides_reports_stale_ones_and_reruns_identically(tmp_path, fresh_result_cache):
    raw = tmp_path / "data" / "raw"
    shutil.copytree(RAW, raw)
    first = tmp_path / "first"
    run(raw, first)
    changes = pd.read_parquet(first / "changes.parquet")
    assert set(changes.decided_by) == {"aligner"}
    # A reviewer separates one of the aligner's rewordings, and links a drop to an add.
    reworded = changes[(changes.kind == "reworded") & (changes.country == "Sylvania")].iloc[0]
    dropped = changes[(changes.kind == "dropped") & (changes.country == "Freedonia")
                      & (changes.from_year == 2022)].iloc[0]
    added = changes[(changes.kind == "added") & (changes.country == "Freedonia")
                    & (changes.from_year == 2022)].iloc[0]
    csv_text = (HEADER
                + f"Sylvania,{reworded.from_year},{reworded.from_text_sha256},{reworded.to_year},"
                  f"{reworded.to_text_sha256},unlink,not the same ask\n"
                + f"Freedonia,2022,{dropped.from_text_sha256},2023,{added.to_text_sha256},link,\n"
                + f"Freedonia,2022,{'0' * 64},2023,{added.to_text_sha256},link,stale\n")
    overrides = raw.parent / "overrides.csv"  # the default place: beside --raw
    overrides.write_text(csv_text)
    out = tmp_path / "out"
    result = run(raw, out, overrides=str(overrides))
    assert result["errors"] == []
    changes = pd.read_parquet(out / "changes.parquet")
    review = changes[changes.decided_by == "review"]
    assert set(review.kind) == {"dropped", "added", "reworded"}
    sep = review[review.country == "Sylvania"]
    assert sorted(sep.kind) == ["added", "dropped"] and set(sep.review_note) == {"not the same ask"}
    joined = review[review.country == "Freedonia"]
    assert list(joined.kind) == ["reworded"]
    assert (joined.from_text_sha256.iloc[0], joined.to_text_sha256.iloc[0]) == (
        dropped.from_text_sha256, added.to_text_sha256)
    # lineage follows the reviewer: the joined items share a thread, the separated ones do not
    recs = pd.read_parquet(out / "recommendations.parquet").set_index(["year", "text_sha256"])
    assert recs.loc[(2022, dropped.from_text_sha256), "lineage_id"] == recs.loc[(2023, added.to_text_sha256), "lineage_id"]
    assert recs.loc[(reworded.from_year, reworded.from_text_sha256), "lineage_id"] != recs.loc[
        (reworded.to_year, reworded.to_text_sha256), "lineage_id"]
    warnings = pd.read_parquet(out / "warnings.parquet")
    stale = warnings[warnings.source == str(overrides)]
    assert len(stale) == 1 and "line 4" in stale.message.iloc[0] and "not applied" in stale.message.iloc[0]
    page = (out / "reports" / "freedonia.md").read_text()  # the reader sees it on the page too
    assert "line 4" in page and "not applied" in page
    assert "review" in page.lower()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["overrides"]["rows"] == 3 and manifest["overrides"]["not_applied"] == 1
    assert len(manifest["overrides"]["sha256"]) == 64
    assert manifest["thresholds"]["cutoff"] == 40.0 and manifest["term_weights"].startswith("reference")
    again = tmp_path / "again"
    run(raw, again, overrides=str(overrides))
    assert _tables(again) == _tables(out)
