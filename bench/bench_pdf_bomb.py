"""Peak memory and time of `tipdiff parse` on a PDF text bomb (issue 16, row 2): one page
whose 40 KB of compressed content show 20 million characters. The PDF reader runs in a
child process with at most tipdiff.limits.MAX_PDF_MEMORY of address space, so the file is
refused with an error instead of taking gigabytes (it took 3.3 GB and 19 s before).

    .venv/bin/python bench/bench_pdf_bomb.py [--chars 20000000] [--repeats 3]

Prints the medians of the wall time and of the peak RSS of the `tipdiff parse` process and
its children (resource.getrusage(RUSAGE_CHILDREN) of a fresh process each time).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MEASURE = """
import resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "parse", sys.argv[1]],
                      capture_output=True, text=True)
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(seconds, peak, proc.returncode, proc.stderr.strip().splitlines()[-1][:160])
"""


def main(argv=None) -> int:
    from tests.hostile_pdf import text_bomb

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=20_000_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    path = Path(tempfile.mkdtemp(prefix="tipdiff-bomb-")) / "bomb.pdf"
    path.write_bytes(text_bomb(args.chars))
    runs = []
    for _ in range(args.repeats):
        out = subprocess.run([sys.executable, "-c", MEASURE, str(path)], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.split(" ", 3)
        runs.append((float(out[0]), float(out[1]), int(out[2]), out[3].strip()))
    print(json.dumps({
        "pdf_bytes": path.stat().st_size,
        "characters": args.chars,
        "seconds_median": round(statistics.median(r[0] for r in runs), 2),
        "peak_rss_mib_median": round(statistics.median(r[1] for r in runs)),
        "exit_status": runs[0][2],
        "message": runs[0][3],
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
