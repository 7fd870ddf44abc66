"""Reruns (issue 11): a rerun with nothing changed stops before any task runs and says so in
the manifest; any change of inputs, settings, overrides or code runs in full; a batch that
failed is never taken for a finished result; each raw file is hashed once per run."""

from __future__ import annotations

import json
import shutil

import pytest
import tipdiff.tasks.pipeline as task_module

from tipdiff import inputs, manifest
from tipdiff.parse import narrative
from tipdiff.publish import current_set

from .conftest import ROOT

RAW = ROOT / "data" / "raw"

pytestmark = pytest.mark.usefixtures("prefect_harness")


def run(raw, out, **kw):
    from tipdiff.flows.pipeline import tipdiff_run

    return tipdiff_run(raw=str(raw), out=str(out), progress=False, **kw)


def published(out):
    """Every file of the current set, with the set's folder name."""
    current = current_set(out)
    return current.name, {
        str(p.relative_to(current)): p.read_bytes()
        for p in sorted(current.rglob("*"))
        if p.is_file()
    }


class _NoTask:
    def __getattr__(self, name):
        raise AssertionError(f"a task ran ({name}) although nothing changed")

    def __call__(self, *a, **kw):
        raise AssertionError("a task ran although nothing changed")


def forbid_tasks(monkeypatch):
    from prefect.tasks import Task

    for name, obj in vars(task_module).copy().items():
        if isinstance(obj, Task):
            monkeypatch.setattr(task_module, name, _NoTask())


def test_a_rerun_with_nothing_changed_runs_no_task_and_records_the_check(
    tmp_path, fresh_result_cache, monkeypatch
):
    out = tmp_path / "out"
    first = run(RAW, out)
    assert first["unchanged"] is False
    version, files = published(out)
    before = json.loads(files.pop("manifest.json"))
    assert before["fingerprint"]["parser_version"] and len(before["fingerprint"]["digest"]) == 64

    forbid_tasks(monkeypatch)
    second = run(RAW, out)
    assert second["unchanged"] is True
    assert second["counts"] == first["counts"] and second["errors"] == first["errors"]
    assert second["cache"] == {
        "parse": {"computed": 0, "cached": 0},
        "align": {"computed": 0, "cached": 0},
    }
    again_version, again = published(out)
    after = json.loads(again.pop("manifest.json"))
    assert again_version == version and again == files  # nothing published, nothing rewritten
    check = after.pop("last_check")
    assert after == before  # the manifest gained the check and nothing else
    assert check["fingerprint"] == before["fingerprint"]["digest"]
    assert "no change" in check["result"] and check["seconds"] >= 0


def test_changed_inputs_settings_overrides_code_or_missing_outputs_run_in_full(
    tmp_path, fresh_result_cache, monkeypatch
):
    raw, out = tmp_path / "raw", tmp_path / "out"
    shutil.copytree(RAW, raw)
    run(raw, out)

    target = next(raw.glob("2024/*.txt"))
    target.write_bytes(target.read_bytes().replace(b"hotline", b"help line", 1))
    changed = run(raw, out)
    assert changed["unchanged"] is False
    assert changed["cache"]["parse"] == {"computed": 1, "cached": 2}
    m = json.loads((out / "manifest.json").read_text())
    assert m["inputs_changed_since_previous_run"]["changed"] == [str(target)]

    assert run(raw, out, config={"cutoff": 55.0})["unchanged"] is False
    assert run(raw, out, config={"cutoff": 55.0})["unchanged"] is True

    overrides = tmp_path / "overrides.csv"
    overrides.write_text("country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n")
    kw = {"config": {"cutoff": 55.0}, "overrides": str(overrides)}
    assert run(raw, out, **kw)["unchanged"] is False
    assert run(raw, out, **kw)["unchanged"] is True
    overrides.write_text(overrides.read_text() + "\n")  # same rows, other bytes: not the same file
    assert run(raw, out, **kw)["unchanged"] is False

    (current_set(out) / "reports" / "index.html").unlink()  # a published file went missing
    assert run(raw, out, **kw)["unchanged"] is False
    assert (out / "reports" / "index.html").is_file()

    monkeypatch.setattr(manifest, "code_digest", lambda: "another tipdiff")
    full = run(raw, out, **kw)
    assert full["unchanged"] is False
    assert full["cache"]["parse"] == {"computed": 0, "cached": 3}
    assert full["cache"]["align"] == {"computed": 0, "cached": 2}
    # the render and table code are those of the published set: nothing to write anew
    assert full["cache"]["page_parts"]["computed"] == full["cache"]["table_blocks"]["computed"] == 0


def test_a_failed_batch_is_not_taken_for_a_result_and_the_rerun_computes_it(
    tmp_path, fresh_result_cache, monkeypatch
):
    out = tmp_path / "out"
    from tipdiff import corpus

    real = corpus.align_batch

    def failing(pairs, **kw):
        if any(b.year == 2024 for _, b in pairs):
            raise RuntimeError("simulated crash in one year pair")
        return real(pairs, **kw)

    monkeypatch.setattr(corpus, "align_batch", failing)
    first = run(RAW, out)
    assert any("simulated crash" in e for e in first["errors"])
    assert json.loads((out / "manifest.json").read_text())["fingerprint"] is None
    monkeypatch.setattr(corpus, "align_batch", real)
    second = run(RAW, out)
    assert second["unchanged"] is False and not second["errors"]
    assert second["cache"]["align"]["computed"] == 1


def test_each_raw_file_is_hashed_once_per_run(tmp_path, fresh_result_cache, monkeypatch):
    raw_bytes = {p.read_bytes() for p in RAW.rglob("*.txt")}
    hashed = []

    def counting(real):
        def sha256_bytes(data):
            if data in raw_bytes:
                hashed.append(data)
            return real(data)

        return sha256_bytes

    for module in (inputs, narrative):
        monkeypatch.setattr(module, "sha256_bytes", counting(module.sha256_bytes))
    run(RAW, tmp_path / "out")
    assert len(hashed) == len(raw_bytes) == len(set(hashed))
    hashed.clear()
    assert run(RAW, tmp_path / "out")["unchanged"] is True
    assert len(hashed) == len(raw_bytes) == len(set(hashed))
