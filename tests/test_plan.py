"""The run's decisions as plain functions (issue 21): the survey and its fingerprint, the
no-change check (also made by the CLI before Prefect is imported or a server started), the
batches, and the error rows a failed batch costs. No Prefect here, but for the last test,
which runs the real command with Prefect made unimportable."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from tipdiff import plan
from tipdiff.align import DEFAULT_CONFIG
from tipdiff.corpus import analyse
from tipdiff.inputs import parse_files
from tipdiff.publish import current_set, output_files, publish_streamed
from tipdiff.render import pages
from tipdiff.tables import build_tables

from .conftest import ROOT, cli_env

RAW = ROOT / "data" / "raw"


def _publish(raw, out, survey):
    """What a run publishes for `raw` (core calls), with the survey's fingerprint."""
    from tipdiff import manifest

    parsed = parse_files(survey.files)
    model = analyse(parsed.documents)
    tables = build_tables(model.histories, parsed.errors)
    reports = pages.render_reports(model.histories, parsed.errors)
    reports.pop(pages.SUMMARY)
    files = output_files(tables, reports)

    def make(hashes):
        return manifest.build_manifest(
            sources=survey.files, config=DEFAULT_CONFIG, code_revision="test", tables=tables,
            timings={}, cache={}, output_hashes=hashes, previous=survey.previous,
            started_at=plan.now(), fingerprint=survey.fingerprint,
        )

    publish_streamed(out, list(files), iter(files.items()), make)


def _survey(raw, out):
    return plan.survey(raw, out.parent / "snapshots", out, overrides=None, config=DEFAULT_CONFIG)


def test_nothing_to_do_only_when_inputs_and_every_published_file_are_unchanged(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    s = _survey(raw, out)
    assert len(s.files) == 10 and s.previous is None and not plan.nothing_to_do(out, s)
    _publish(raw, out, s)
    again = _survey(raw, out)
    assert again.fingerprint == s.fingerprint and plan.nothing_to_do(out, again)
    result = plan.record_no_change(out, again, started_at="2026-01-01T00:00:00Z", started=0.0)
    assert result["unchanged"] and result["counts"]["documents"] == 10
    last = json.loads((current_set(out) / "manifest.json").read_text())["last_check"]
    assert last["fingerprint"] == s.fingerprint["digest"] and last["result"] == plan.NO_CHANGE
    # an edited published page is not "no change"
    page = current_set(out) / "reports" / "index.html"
    page.write_text(page.read_text() + "<!-- edited -->")
    assert not plan.nothing_to_do(out, _survey(raw, out))
    # nor is a changed input
    _publish(raw, out, _survey(raw, out))
    (raw / "2024" / "synthetic_sylvania_2024.txt").write_text("FREEDONIA: Tier 1\n")
    assert not plan.nothing_to_do(out, _survey(raw, out))


def test_batches_and_failed_batches_name_every_file():
    s = plan.survey(RAW, ROOT / "nowhere", ROOT / "nowhere-out", overrides=None,
                    config=DEFAULT_CONFIG)
    batches = plan.year_batches(s.files)
    assert list(batches) == [2022, 2023, 2024] and sum(len(b) for b in batches.values()) == 10
    rows = plan.parse_failed(batches[2023], MemoryError())
    assert [r.source for r in rows] == [f.path for f in batches[2023]]
    assert all("batch of 4 file(s)" in r.message and "MemoryError" in r.message for r in rows)


def test_a_run_with_nothing_new_never_imports_prefect(tmp_path):
    """The CLI checks before it imports Prefect or starts a server: with Prefect made
    unimportable, a first run fails (it needs Prefect), a no-change rerun succeeds."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    out = tmp_path / "out"
    env = cli_env(tmp_path / "home")
    cmd = [sys.executable, "-m", "tipdiff", "run", "--raw", str(raw), "--out", str(out)]
    first = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    blocked = tmp_path / "no-prefect"
    (blocked / "prefect").mkdir(parents=True)
    (blocked / "prefect" / "__init__.py").write_text("raise ImportError('prefect is blocked')\n")
    env["PYTHONPATH"] = str(blocked)
    again = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "no change since the published set" in again.stdout
    (raw / "2024" / "synthetic_sylvania_2024.txt").unlink()  # something changed: Prefect needed
    changed = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert changed.returncode != 0 and "prefect is blocked" in changed.stderr
