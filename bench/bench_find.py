"""Reading across countries on the full synthetic history (issue 19): `tipdiff find`, theme
tags and stock asks, timed.

usage: python bench/bench_find.py [--out DIR] [--countries 190] [--years 24] [--repeats 7]

Builds the published set of a synthetic history (tipdiff.testing.history, 190 countries x
24 years by default) with the core alone (bench_run.core: no Prefect), unless `--out` names a
folder that holds one already. Then, medians of `--repeats`:

1. `find()` on the loaded set, per query (the search itself);
2. `find()` given the folder (reading the columns it needs from Parquet, then searching);
3. `tipdiff find` as a process, as a user runs it (interpreter start and imports included);
4. theme tags of every distinct recommendation text (tipdiff.themes.tag, cache cleared);
5. stock-ask groups of every recommendation of every year (tipdiff.stock.assign).

Prints the figures and writes them as JSON (bench/results/find.json; --json PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = (
    "recruitment fees",
    "penalize victims",
    "train judges on the anti-trafficking law",
    "shelter for male victims",
    "complicit officials",
)


def build(out: Path, countries: int, years: int) -> float:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_run import core

    from tipdiff.testing.history import make_history

    raw = Path(tempfile.mkdtemp(prefix="bench-find-raw-"))
    make_history(countries, range(2001, 2001 + years), seed=2026).write(raw)
    t0 = time.perf_counter()
    core(raw, out)
    return time.perf_counter() - t0


def timed(fn, repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t0)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, help="a published set to use (else one is built)")
    ap.add_argument("--countries", type=int, default=190)
    ap.add_argument("--years", type=int, default=24)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--json", type=Path, default=ROOT / "bench" / "results" / "find.json")
    args = ap.parse_args(argv)

    from tipdiff import stock, themes
    from tipdiff.find import COLUMNS, TABLES, find
    from tipdiff.publish import load

    result: dict = {"countries": args.countries, "years": args.years, "repeats": args.repeats}
    out = args.out
    if out is None:
        out = Path(tempfile.mkdtemp(prefix="bench-find-out-"))
        result["build_seconds"] = round(build(out, args.countries, args.years), 1)
    published = load(out, TABLES, manifest=False, columns=COLUMNS)
    recs = published.tables["recommendations"]
    result["recommendations"] = len(recs)
    result["distinct_texts"] = int(recs["text"].nunique())
    print(f"published set {out}: {len(recs)} recommendations, "
          f"{result['distinct_texts']} distinct texts")

    find("warm up", published)
    per_query = {}
    for q in QUERIES:
        times = timed(lambda q=q: find(q, published), args.repeats)
        per_query[q] = {"median_s": round(statistics.median(times), 4),
                        "hits": find(q, published).total}
    result["find_loaded"] = per_query
    result["find_loaded_median_s"] = round(
        statistics.median(v["median_s"] for v in per_query.values()), 4)
    with_load = timed(lambda: find(QUERIES[0], out), args.repeats)
    result["find_with_load_median_s"] = round(statistics.median(with_load), 4)
    cli = timed(
        lambda: subprocess.run(
            [sys.executable, "-m", "tipdiff", "find", QUERIES[0], "--out", str(out)],
            check=True, capture_output=True,
        ),
        args.repeats,
    )
    result["cli_process_median_s"] = round(statistics.median(cli), 3)
    cpu = []
    for _ in range(args.repeats):  # CPU time of the process: less at the mercy of other work
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(
            [sys.executable, "-m", "tipdiff", "find", QUERIES[0], "--out", str(out)],
            check=True, capture_output=True,
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    result["cli_process_cpu_median_s"] = round(statistics.median(cpu), 3)
    result["load_average"] = [round(x, 2) for x in os.getloadavg()]
    imports = timed(
        lambda: subprocess.run(
            [sys.executable, "-c", "import pandas, pyarrow.parquet, rapidfuzz, tipdiff.find"],
            check=True, capture_output=True,
        ),
        args.repeats,
    )
    result["cli_imports_median_s"] = round(statistics.median(imports), 3)

    texts = recs["text"].unique().tolist()

    def tag_all():
        themes.tag.cache_clear()
        for t in texts:
            themes.tag(t)

    result["tag_all_distinct_median_s"] = round(statistics.median(timed(tag_all, 3)), 3)
    rows = list(recs[["country", "year", "number", "text"]].itertuples(index=False))
    result["stock_assign_median_s"] = round(
        statistics.median(timed(lambda: stock.assign(rows), 3)), 3)
    result["stock_groups"] = len(set(stock.assign(rows).values()))

    each = ", ".join(f"{v['median_s']:.3f}" for v in per_query.values())
    print(f"find, set loaded:   median {result['find_loaded_median_s']:.3f} s over "
          f"{len(QUERIES)} queries ({each})")
    print(f"find, with loading: median {result['find_with_load_median_s']:.3f} s")
    print(f"tipdiff find (process): median {result['cli_process_median_s']:.2f} s, of which "
          f"interpreter and imports {result['cli_imports_median_s']:.2f} s; CPU time "
          f"{result['cli_process_cpu_median_s']:.2f} s (load average "
          f"{result['load_average'][0]} on {os.cpu_count()} cores)")
    print(f"theme tags of {len(texts)} distinct texts: {result['tag_all_distinct_median_s']:.2f} s")
    print(f"stock asks of {len(rows)} recommendations: {result['stock_assign_median_s']:.2f} s "
          f"({result['stock_groups']} groups)")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
