"""datapackage.json (issue 17): the published set is a Frictionless Data Package that the
`frictionless` library validates as published (types, allowed values, primary and foreign
keys across CSV and Parquet), hand-broken copies fail, and a set whose CSV cells carry the
formula apostrophe still validates and says so."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

from tipdiff.datapackage import FOREIGN_KEYS, PRIMARY_KEYS
from tipdiff.diff import KINDS
from tipdiff.model import LIST_STATUSES
from tipdiff.publish import current_set, output_files, publish
from tipdiff.tables import CSV_NOTE, SCHEMA
from tipdiff.tiers import CHANGES, TIERS

from .conftest import ROOT

RAW = ROOT / "data" / "raw"
FRICTIONLESS = Path(sys.executable).with_name("frictionless")


@pytest.fixture(scope="module")
def demo_set(tmp_path_factory, prefect_harness):
    """What `make demo` publishes: the main job on data/raw (the flow, as `tipdiff run`)."""
    from tipdiff.flows.pipeline import tipdiff_run

    out = tmp_path_factory.mktemp("processed")
    result = tipdiff_run(raw=str(RAW), out=str(out), progress=False)
    assert result["errors"] == []
    return out


def _errors(report) -> list[tuple[str, str, str | None]]:
    return [(task.name, e.type, getattr(e, "field_name", None))
            for task in report.tasks for e in task.errors]


def test_the_published_demo_set_passes_frictionless_validate(demo_set):
    proc = subprocess.run([str(FRICTIONLESS), "validate", "datapackage.json"], cwd=demo_set,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    report = validate(demo_set / "datapackage.json")
    assert report.valid, _errors(report)
    names = {task.name for task in report.tasks}
    assert names == {*SCHEMA, *(f"{t}-parquet" for t in SCHEMA), "panel-wide"}
    rows = {task.name: task.stats.get("rows") for task in report.tasks}
    assert rows["changes"] == len(pd.read_parquet(demo_set / "changes.parquet")) == 33
    assert rows["recommendations"] == 49 and rows["panel"] == rows["tiers"] == 10


def test_every_field_is_described_with_its_type_and_allowed_values(demo_set):
    package = json.loads((demo_set / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC0-1.0"
    assert "public domain" in package["description"] and "17 U.S.C. 105" in package["description"]
    assert any("state.gov" in s["path"] for s in package["sources"])
    assert any(s["path"] == "manifest.json" for s in package["sources"])
    assert CSV_NOTE in package["description"]
    resources = {r["name"]: r for r in package["resources"]}
    for table, columns in SCHEMA.items():
        for name, fmt in ((table, "csv"), (f"{table}-parquet", "parquet")):
            r = resources[name]
            assert r["format"] == fmt and r["path"] == f"{table}.{fmt}"
            assert (CSV_NOTE in r["description"]) == (fmt == "csv")
            fields = {f["name"]: f for f in r["schema"]["fields"]}
            assert list(fields) == [c[0] for c in columns]
            for column, _dtype, _json, nullable, description in columns:
                f = fields[column]
                assert f["description"].startswith(description) and f["type"]
                assert f.get("constraints", {}).get("required", False) == (not nullable)
            assert r["schema"].get("primaryKey") == PRIMARY_KEYS.get(table)
            suffix = "" if fmt == "csv" else "-parquet"
            assert [(k["fields"], k["reference"]) for k in r["schema"].get("foreignKeys", [])] == [
                (fields_, {"resource": other + suffix, "fields": theirs})
                for t, fields_, other, theirs in FOREIGN_KEYS if t == table]
    enums = {f["name"]: f["constraints"]["enum"] for r in package["resources"]
             for f in r["schema"]["fields"] if "enum" in f.get("constraints", {})}
    assert enums["kind"] == list(KINDS) and enums["tier"] == list(TIERS)
    assert enums["tier_change"] == list(CHANGES) and enums["list_status"] == list(LIST_STATUSES)
    assert enums["band"] == ["exact", "close", "moderate", "weak"]
    wide = resources["panel-wide"]["schema"]["fields"]
    assert [f["name"] for f in wide] == ["country", "country_code", "cow_code", "2022", "2023", "2024"]


def _broken_copy(demo_set: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(current_set(demo_set), copy)
    return copy


def test_hand_broken_copies_fail(demo_set, tmp_path):
    cases = {}
    # a kind of change the model does not have
    copy = _broken_copy(demo_set, tmp_path / "kind")
    text = (copy / "changes.csv").read_text(encoding="utf-8")
    (copy / "changes.csv").write_text(text.replace(",unchanged,", ",moved,", 1), encoding="utf-8")
    cases["kind"] = copy
    # a recommendation removed: the changes that name it point at nothing
    copy = _broken_copy(demo_set, tmp_path / "fk")
    lines = (copy / "recommendations.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    gone = next(i for i, line in enumerate(lines) if "SYLVANIA:2022:3" in line)
    (copy / "recommendations.csv").write_text("".join(lines[:gone] + lines[gone + 1:]), encoding="utf-8")
    cases["fk"] = copy
    # a tier number out of the coding, in Parquet
    copy = _broken_copy(demo_set, tmp_path / "parquet")
    panel = pd.read_parquet(copy / "panel.parquet")
    panel.loc[0, "tier_number"] = 9
    panel.to_parquet(copy / "panel.parquet", index=False)
    cases["parquet"] = copy
    # a country and year twice in the tiers table
    copy = _broken_copy(demo_set, tmp_path / "pk")
    lines = (copy / "tiers.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (copy / "tiers.csv").write_text("".join(lines + lines[1:2]), encoding="utf-8")
    cases["pk"] = copy
    found = {name: _errors(validate(copy / "datapackage.json")) for name, copy in cases.items()}
    assert ("changes", "constraint-error", "kind") in found["kind"]
    assert ("changes", "foreign-key", None) in found["fk"]
    assert {e[0] for e in found["fk"]} == {"changes"}  # the Parquet set is still whole
    assert ("panel-parquet", "constraint-error", "tier_number") in found["parquet"]
    assert ("tiers", "primary-key", None) in found["pk"]
    proc = subprocess.run([str(FRICTIONLESS), "validate", "datapackage.json"], cwd=cases["fk"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0 and "foreign-key" in proc.stdout


ITEMS = ['=HYPERLINK("http://example.invalid","Fund shelters")', "+1 Train more labour inspectors.",
         "-2 Publish data on convictions.", "@SUM(1) Open a hotline for victims."]


def test_formula_like_cells_are_published_with_the_apostrophe_and_still_validate(
        tmp_path, monkeypatch):
    """Recommendations, file names and country names that begin like formulas: the CSV cells
    carry the apostrophe the package describes, the keys still join, and the set validates.
    (The parser takes no such country name from a header; a Narrative made in Python can
    carry one, and reaches every table.)"""
    from dataclasses import replace

    from tipdiff.corpus import analyse
    from tipdiff.inputs import parse_paths
    from tipdiff.render import pages
    from tipdiff.tables import build_tables

    from .test_inputs import narrative

    raw = tmp_path / "raw"
    for year, extra in ((2023, []), (2024, ["Screen workers for forced labour."])):
        (raw / str(year)).mkdir(parents=True)
        text = narrative("Freedonia", year, ITEMS + extra)
        (raw / str(year) / f"=evil_{year}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(raw)  # sources relative: '=evil_2023.txt' would start a cell
    parsed = parse_paths(sorted(str(p.relative_to(raw)) for p in raw.rglob("*.txt")))
    assert len(parsed.documents) == 2, parsed.errors
    named = [replace(d, source=d.source.split("/")[-1], country="=HYPERLINK(\"x\",\"y\")",
                     country_in_report="@Evil") for d in parsed.documents]
    docs = [*parsed.documents, *named]
    analysis = analyse(docs)
    tables = build_tables(analysis.histories, parsed.errors)
    reports = pages.render_reports(analysis.histories, parsed.errors)
    reports.pop(pages.SUMMARY)
    out = tmp_path / "out"
    publish(out, output_files(tables, reports), {"tool": "tipdiff"})
    folder = current_set(out)
    report = validate(folder / "datapackage.json")
    assert report.valid, _errors(report)
    with open(folder / "recommendations.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    hostile = [r for r in rows if r["country_in_report"] == "'@Evil"]
    assert {r["country"] for r in hostile} == {"'=HYPERLINK(\"x\",\"y\")"}
    assert [r["text"] for r in hostile if r["year"] == "2023"] == ["'" + t for t in ITEMS]
    assert {r["source"] for r in hostile} == {"'=evil_2023.txt", "'=evil_2024.txt"}
    assert hostile[0]["recommendation_id"] == "'=HYPERLINK(\"X\",\"Y\"):2023:1"
    with open(folder / "changes.csv", newline="", encoding="utf-8") as fh:
        ends = {r["to_recommendation_id"] for r in csv.DictReader(fh)}
    assert hostile[0]["recommendation_id"].replace("2023", "2024") in ends  # keys still join
    exact = pd.read_parquet(folder / "recommendations.parquet")
    assert exact["country"].iloc[0].startswith("=HYPERLINK")  # Parquet: exact
    with open(folder / "panel_wide.csv", newline="", encoding="utf-8") as fh:
        wide = list(csv.reader(fh))
    assert wide == [["country", "country_code", "cow_code", "2023", "2024"],
                    ["'=HYPERLINK(\"x\",\"y\")", "", "", "2", "2"],
                    ["Freedonia", "", "", "2", "2"]]
