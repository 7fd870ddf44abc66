"""Pipeline timings: `tipdiff run` as users run it, cold and warm, on the demo data and at
full scale (190 fictional countries x 25 years). Prints medians of 3 runs and the peak
memory of the tipdiff process. Run with `make bench-pipeline` (about 5 minutes)."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tipdiff.testing.evalset import synthetic_corpus  # noqa: E402

ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "DO_NOT_TRACK": "1"}


def run(raw: Path, out: Path, home: Path) -> tuple[float, float, dict]:
    """One `tipdiff run`: wall seconds, peak RSS of the tipdiff process (MiB), manifest."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(ENV, PREFECT_HOME=str(home))
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tipdiff.cli", "run", "--raw", str(raw), "--out", str(out)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"tipdiff run failed: {proc.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024, json.loads((out / "manifest.json").read_text())


def series(label: str, raw: Path, work: Path, n: int = 3) -> None:
    cold, warm, rss = [], [], []
    for k in range(n):  # cold: a fresh Prefect home (server migrations) and an empty cache
        s, m, manifest = run(raw, work / f"cold-out-{k}", work / f"cold-home-{k}")
        cold.append(s)
        rss.append(m)
    home, out = work / "cold-home-0", work / "cold-out-0"
    for _ in range(n):  # warm: the same home and output folder, nothing changed
        s, m, manifest = run(raw, out, home)
        warm.append(s)
        rss.append(m)
    c = manifest["counts"]
    print(
        f"{label}: {c['documents']} narratives, {c['recommendations']} recommendations, "
        f"{c['change_rows']} change rows"
    )
    print(
        f"  cold  median {statistics.median(cold):6.2f} s  ({', '.join(f'{x:.2f}' for x in cold)})"
    )
    print(
        f"  warm  median {statistics.median(warm):6.2f} s  "
        f"({', '.join(f'{x:.2f}' for x in warm)}); "
        f"cache: {manifest['cache']}"
    )
    print(
        f"  warm/cold {statistics.median(warm) / statistics.median(cold):.2f}; "
        f"stages of the last warm run: {manifest['timings_seconds']}"
    )
    print(f"  peak RSS of the tipdiff process: max {max(rss):.0f} MiB")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="tipdiff-bench-"))
    try:
        series("demo data (data/raw)", ROOT / "data" / "raw", work / "demo")
        raw = work / "scale-raw"
        for rel, text in synthetic_corpus(190, range(2000, 2024)).items():
            (raw / rel).parent.mkdir(parents=True, exist_ok=True)
            (raw / rel).write_text(text)
        series("full scale, 190 countries x 24 years", raw, work / "scale")
        for rel, text in synthetic_corpus(190, range(2000, 2025)).items():  # one more year
            if rel.startswith("2024/"):
                (raw / rel).parent.mkdir(parents=True, exist_ok=True)
                (raw / rel).write_text(text)
        s, m, manifest = run(raw, work / "scale" / "cold-out-0", work / "scale" / "cold-home-0")
        print(f"  adding a 25th year: {s:.2f} s, {m:.0f} MiB; cache: {manifest['cache']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
