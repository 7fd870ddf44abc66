"""The no-change check's cost of hashing every published file against the manifest
(tipdiff.publish.outputs_present), on a set published from the full synthetic history
(tipdiff/testing/history.py: 190 countries x 24 years, as `make bench-run` builds it).

    .venv/bin/python bench/bench_outputs_check.py [--out DIR] [--repeats 5]

Without --out it writes the history and runs `tipdiff run` once (a few minutes) into a
temporary folder. It prints the published set's size, the check's median seconds (warm: the
files in the page cache, as on a rerun soon after a run) and seconds per MB.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="an --out folder a run has published into")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--countries", type=int, default=190)
    ap.add_argument("--years", type=int, default=24)
    args = ap.parse_args(argv)
    from tipdiff import publish

    out = args.out
    if out is None:
        from tipdiff.testing.history import make_history

        work = Path(tempfile.mkdtemp(prefix="tipdiff-bench-check-"))
        make_history(args.countries, range(2001, 2001 + args.years)).write(work / "raw")
        out = work / "out"
        env = {**os.environ, "PREFECT_HOME": str(work / "home")}
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tipdiff.cli", "run", "--raw", str(work / "raw"),
                        "--out", str(out)], env=env, cwd=ROOT, check=False,
                       stdout=subprocess.DEVNULL)
        print(f"published the history in {time.perf_counter() - started:.1f} s")
    manifest = publish.read_manifest(out)
    folder = publish.current_set(out)
    outputs = manifest["outputs"]
    size = sum((folder / name).stat().st_size for name in outputs)
    times = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        assert publish.outputs_present(out, manifest)
        times.append(time.perf_counter() - started)
    median = statistics.median(times)
    mb = size / 1e6
    result = {"files": len(outputs), "megabytes": round(mb, 1), "seconds_median": round(median, 3),
              "seconds_per_mb": round(median / mb, 5), "repeats": args.repeats}
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
