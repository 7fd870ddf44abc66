"""`make bench` works: the run benchmark on a tiny corpus, every step once, in real
processes (Prefect's embedded server, a Dask cluster). Its timings are not checked, only that
every figure is there and the checks it makes hold."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT

TIMED = ("floor", "core", "cold", "no_change", "add_year")


def test_tiny_bench_writes_every_figure(tmp_path):
    out = tmp_path / "run.json"
    proc = subprocess.run(
        [sys.executable, "bench/bench_run.py", "--tiny", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-3000:]
    r = json.loads(out.read_text())
    assert r["tiny"] is True and r["corpus"]["documents"] > 30
    for step in TIMED:
        assert r[step]["median"] > 0 and len(r[step]["seconds"]) == r["repeats"]
        # a real process was measured (a no-change rerun never loads Prefect: about 50 MiB)
        assert r[step]["peak_rss_mib"] > 20
    for step in ("cold", "no_change", "add_year"):
        assert isinstance(r[step]["above_floor"], float) and isinstance(
            r[step]["ratio_to_core"], float
        )
    assert set(r["core"]["stages_median"]) >= {"parse", "align", "lineage", "tables"}
    assert r["no_change"]["tables_unchanged"] is True
    assert r["dask"]["seconds"] > 0 and r["dask"]["tables_identical"] is True
    q = r["quality"]
    assert q["documents"]["found"] == 1.0 and 0 < q["documents"]["list_exact"] <= 1
    assert set(q["pairs"]) == {"tipdiff", "baseline: exact text", "baseline: greedy token_set>=60"}
    for system in q["pairs"].values():
        for part in system.values():
            for key in (
                "precision",
                "recall",
                "f1",
                "added_dropped_accuracy",
                "split_recall",
                "merge_recall",
            ):
                assert 0 <= part[key] <= 1, key
    assert q["tier_changes"]["accuracy"] == 1.0 and q["reinstated"]["n"] > 0
    assert [s["factor"] for s in r["scale"]] == [1, 2, 4]
    sizes = [s["narratives"] for s in r["scale"]]
    assert sizes == sorted(sizes) and sizes[2] > 3 * sizes[0]
    assert all(s["cold_seconds"] > 0 and s["core_peak_rss_mib"] > 0 for s in r["scale"])
    assert set(r["targets_met"]) == {"cold", "no_change", "add_year", "peak_rss_mib"}
    assert "floor (empty flow)" in proc.stdout and "quality:" in proc.stdout
