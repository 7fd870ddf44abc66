"""The run benchmark: `tipdiff run` beside Prefect's own floor, the core alone, Dask, quality
against recorded truth, and a scale curve. Run with `make bench` (about 10 minutes) or
`make bench-run`; `--tiny` runs every step once on a tiny corpus (CI does, to prove the bench
works; its timings mean nothing).

Corpus: tipdiff.testing.history (190 fictional countries x 24 years by default; every input
shape; truth recorded). Every `tipdiff run` is a fresh process, as users run it, in Prefect's
embedded mode on a Prefect home whose database already exists (migrated once at the start and
copied), so the floor and the runs pay the same server start.

1. floor: import prefect and run an empty flow, embedded (the least any run pays);
2. core alone: the same work in plain function calls, no Prefect (parse, align, lineage,
   tables, reports, publish), stages timed;
3. cold (empty result cache and output folder), no-change rerun, and add-a-year (the
   published state of a cold run, plus one more report year): medians, time above the floor,
   (time above the floor) / (core alone), peak RSS;
4. Dask: the cold run on a local Dask cluster of two workers; are the tables identical?
5. quality on the synthetic history: documents, links, added/dropped, split/merge, tier
   changes, reinstated; beside the exact-text and greedy token_set baselines;
6. scale: cold run and core alone at 1x, 2x and 4x the countries, time and peak RSS.
Prints the figures and writes them as JSON (bench/results/run.json; --json PATH).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tipdiff.flows import PREFECT_DEFAULTS  # noqa: E402

from tipdiff.testing.history import make_history  # noqa: E402

TABLES = ("recommendations", "changes", "stock_asks", "tiers", "lineage", "errors", "warnings")
TARGETS = {"cold": 8.0, "no_change": 1.0, "add_year": 2.0, "peak_rss_mib": 600.0}

FLOOR_CODE = """
import os
from tipdiff.flows import prefect_environment
prefect_environment()
from tipdiff.flows.server import OwnedServer  # what `tipdiff run` starts and owns

server = OwnedServer().start()
os.environ["PREFECT_API_URL"] = server.api_url
try:
    from prefect import flow
    from prefect.settings import (
        PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    )

    @flow(name="tipdiff-bench-floor")
    def empty():
        return None

    updates = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None, PREFECT_API_URL: server.wait_ready(120)}
    with temporary_settings(updates=updates):
        try:
            empty()
        finally:
            server.drain_prefect()
finally:
    server.stop()
"""

# ----------------------------------------------------------------------------- processes


def env_for(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_DEFAULTS)
    env["PREFECT_HOME"] = str(home)
    return env


def timed(argv: list[str], env: dict) -> tuple[float, float]:
    """Run a process to its end: (wall seconds, peak RSS in MiB of it and its children)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:4])} ... failed ({code}):\n{stderr.decode()[-3000:]}")
    return seconds, usage.ru_maxrss / 1024


def tipdiff_run(raw: Path, out: Path, home: Path, *extra: str) -> tuple[float, float]:
    argv = [sys.executable, "-m", "tipdiff.cli", "run", "--raw", str(raw), "--out", str(out)]
    return timed([*argv, *extra], env_for(home))


def floor_run(home: Path) -> tuple[float, float]:
    return timed([sys.executable, "-c", FLOOR_CODE], env_for(home))


def core_run(raw: Path, out: Path, stages: Path) -> tuple[float, float]:
    argv = [sys.executable, str(Path(__file__).resolve()), "--core", str(raw), str(out)]
    return timed([*argv, "--stages", str(stages)], dict(os.environ))


# ----------------------------------------------------------------------------- core alone


def core(raw: Path, out: Path) -> dict[str, float]:
    """Everything the flow computes, as plain calls in this process: no Prefect imported.
    Mirrors flows/pipeline.py; returns seconds per stage."""
    from collections import defaultdict

    from tipdiff import corpus, inputs, lineage, manifest, publish, tables
    from tipdiff.align import AlignConfig
    from tipdiff.render import pages

    clock, stages = time.perf_counter(), {}

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        clock = now

    import ctypes

    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())  # as tipdiff.tasks does
    ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # as tipdiff.tasks does (glibc)
    config = AlignConfig.from_dict(None)
    found = inputs.survey(raw)
    files = found.files
    by_year = defaultdict(list)
    for f in files:
        by_year[f.folder_year or 0].append(f)
    documents, errors = [], list(found.errors)
    for y in sorted(by_year):
        result = inputs.parse_files(tuple(by_year[y]))
        documents += result.documents
        errors += result.errors
    documents, duplicates = corpus.dedupe(documents)
    errors += duplicates
    lap("parse")
    diffs = []
    for pairs in corpus.year_pairs(documents).values():
        diffs += corpus.align_batch(pairs, config=config)
    diffs, notes = corpus.apply_reviews(diffs, (), config=config)
    lap("align")
    checks = lineage.Checks(config)
    histories = corpus.histories(documents, diffs, config=config, checks=checks)
    lap("lineage")
    errors.sort(key=lambda e: (e.source, e.message))
    built = tables.build_tables(histories, errors, notes)
    lap("tables")
    site = pages.site(histories, errors, config=config, notes=notes)
    lap("report_views")

    def make_manifest(hashes):
        return manifest.build_manifest(
            sources=files,
            config=config,
            overrides=None,
            code_revision="bench",
            tables=built,
            timings=stages,
            cache={},
            output_hashes=hashes,
            previous=None,
            started_at="bench",
        )

    extra = {lineage.CHECKS_INDEX: checks.to_json()}
    names = publish.output_names(built, site, extra)
    files = publish.iter_output_files(built, site, None, extra)
    publish.publish_streamed(out, names, files, make_manifest)
    lap("render_serialize_publish")
    return stages


# ----------------------------------------------------------------------------- steps


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def published_tables(out: Path) -> dict[str, bytes]:
    """The published table files of an output folder, by name."""
    return {
        p.name: p.read_bytes()
        for name in TABLES
        for p in sorted(out.glob(f"{name}.*"))
        if p.suffix in (".parquet", ".csv", ".jsonl")
    }


def read_tables(out: Path):
    import pandas as pd

    return {name: pd.read_parquet(out / f"{name}.parquet") for name in TABLES}


def fresh_home(template: Path, where: Path) -> Path:
    shutil.copytree(template, where)
    return where


def summary(label: str, seconds: list[float], rss: list[float], floor: float, core: float):
    m = median(seconds)
    fig = {
        "seconds": [round(s, 3) for s in seconds],
        "median": round(m, 3),
        "above_floor": round(m - floor, 3),
        "ratio_to_core": round((m - floor) / core, 3) if core else None,
        "peak_rss_mib": round(max(rss), 1),
    }
    print(
        f"{label:<22} median {m:7.2f} s  above the floor {m - floor:6.2f} s  "
        f"(x{fig['ratio_to_core']} the core alone)  peak RSS {max(rss):5.0f} MiB   "
        f"[{', '.join(f'{s:.2f}' for s in seconds)}]"
    )
    return fig


def run_bench(args) -> dict:
    """Every step; one after another for timing, or (--tiny) independent steps side by side,
    since tiny timings mean nothing and CI's time is worth saving."""
    n = args.repeats
    countries, years = args.countries, range(args.first_year, args.first_year + args.years)
    added_year = years[-1] + 1
    whole = None if not args.tiny else (years[1],)
    work = Path(tempfile.mkdtemp(prefix="tipdiff-bench-run-"))
    result: dict = {"tiny": args.tiny, "repeats": n, "targets_above_floor": TARGETS}
    try:
        history = make_history(
            countries, range(years[0], added_year + 1), seed=args.seed, whole_report_years=whole
        )
        truth = make_history(countries, years, seed=args.seed, whole_report_years=whole)
        raw = work / "raw"
        truth.write(raw)
        c = result["corpus"] = truth.counts()
        result["machine"] = {
            "cpus": os.cpu_count(),
            "load_at_start": os.getloadavg(),
            "python": platform.python_version(),
        }
        print(
            f"corpus: {c['countries']} countries x {c['years']} years: {c['documents']} "
            f"narratives in {c['files']} files, {c['items']} recommendations, "
            f"whole-report years {c['whole_report_years']}; load {os.getloadavg()[0]:.1f}"
        )
        template = work / "home-template"  # migrated once; every run starts from a copy
        first = floor_run(template)  # migrates the database: a floor only in --tiny

        def floors():
            return [first] if args.tiny else [floor_run(template) for _ in range(n)]

        def cores():
            out = []
            for k in range(n):
                s, m = core_run(raw, work / f"core-out-{k}", work / f"core-stages-{k}.json")
                out.append((s, m, json.loads((work / f"core-stages-{k}.json").read_text())))
            return out

        def cold_then_reruns():
            cold = [
                tipdiff_run(raw, work / f"out-{k}", fresh_home(template, work / f"home-{k}"))
                for k in range(n)
            ]
            home0, out0 = work / "home-0", work / "out-0"
            tables = published_tables(out0)
            timings = json.loads((out0 / "manifest.json").read_text())["timings_seconds"]
            same = [tipdiff_run(raw, out0, home0) for _ in range(n)]
            unchanged = published_tables(out0) == tables
            add = []
            for k in range(n):
                home, out = work / f"add-home-{k}", work / f"add-out-{k}"
                shutil.copytree(home0, home)
                shutil.copytree(out0, out)
                history.write(raw, years=[added_year])
                try:
                    add.append(tipdiff_run(raw, out, home))
                finally:
                    shutil.rmtree(raw / str(added_year))
            return cold, tables, timings, same, unchanged, add

        def dask():
            home = fresh_home(template, work / "dask-home")
            s, m = tipdiff_run(raw, work / "dask-out", home, "--runner", "dask")
            return s, m, published_tables(work / "dask-out")

        def scale(f):
            h = make_history(countries * f, years, seed=args.seed, whole_report_years=whole)
            raw_f = work / f"raw-x{f}"
            h.write(raw_f)
            s, m = tipdiff_run(raw_f, work / f"out-x{f}", fresh_home(template, work / f"home-x{f}"))
            cs, cm = core_run(raw_f, work / f"core-out-x{f}", work / f"core-stages-x{f}.json")
            shutil.rmtree(raw_f)
            return len(h.documents), s, m, cs, cm

        steps = {"floor": floors, "core": cores, "runs": cold_then_reruns, "dask": dask}
        steps.update({f"x{f}": (lambda f=f: scale(f)) for f in args.scale[1:]})
        if args.tiny:
            from concurrent.futures import ThreadPoolExecutor

            with ThreadPoolExecutor(max_workers=3) as pool:
                futures = {k: pool.submit(fn) for k, fn in steps.items()}
                done = {k: f.result() for k, f in futures.items()}
        else:
            done = {k: fn() for k, fn in steps.items()}

        floor_s = [s for s, _ in done["floor"]]
        floor = median(floor_s)
        result["floor"] = {
            "seconds": [round(s, 3) for s in floor_s],
            "median": round(floor, 3),
            "peak_rss_mib": round(max(m for _, m in done["floor"]), 1),
        }
        listed = ", ".join(f"{s:.2f}" for s in floor_s)
        print(f"{'floor (empty flow)':<22} median {floor:7.2f} s   [{listed}]")
        core_s = [s for s, _, _ in done["core"]]
        core_t = median(core_s)
        stages = [st for _, _, st in done["core"]]
        result["core"] = {
            "seconds": [round(s, 3) for s in core_s],
            "median": round(core_t, 3),
            "peak_rss_mib": round(max(m for _, m, _ in done["core"]), 1),
            "stages_median": {k: round(median([st[k] for st in stages]), 3) for k in stages[0]},
        }
        print(
            f"{'core alone (no Prefect)':<22} median {core_t:7.2f} s  peak RSS "
            f"{result['core']['peak_rss_mib']:5.0f} MiB  stages {result['core']['stages_median']}"
        )
        cold, cold_tables, timings, same, unchanged, add = done["runs"]
        for key, label, runs in (
            ("cold", "cold", cold),
            ("no_change", "no-change rerun", same),
            ("add_year", f"add a year ({added_year})", add),
        ):
            result[key] = summary(label, [s for s, _ in runs], [m for _, m in runs], floor, core_t)
        result["cold"]["manifest_timings"] = timings
        result["no_change"]["tables_unchanged"] = unchanged

        s, m, dask_tables = done["dask"]
        result["dask"] = {
            "seconds": round(s, 3),
            "above_floor": round(s - floor, 3),
            "peak_rss_mib": round(m, 1),
            "tables_identical": dask_tables == cold_tables,
        }
        print(
            f"{'dask, 2 workers, cold':<22} {s:7.2f} s  above the floor {s - floor:6.2f} s  "
            f"tables identical to the threads run: {result['dask']['tables_identical']}"
        )

        from tipdiff.testing.scorecard import score

        result["quality"] = score(truth, read_tables(work / "out-0"))
        print_quality(result["quality"])

        scale_rows = [
            (
                1,
                countries,
                c["documents"],
                result["cold"]["median"],
                result["cold"]["peak_rss_mib"],
                core_t,
                result["core"]["peak_rss_mib"],
            )
        ]
        scale_rows += [(f, countries * f, *done[f"x{f}"]) for f in args.scale[1:]]
        result["scale"] = [
            {
                "factor": f,
                "countries": nc,
                "narratives": nd,
                "cold_seconds": round(s, 3),
                "cold_above_floor": round(s - floor, 3),
                "cold_peak_rss_mib": round(m, 1),
                "core_seconds": round(cs, 3),
                "core_peak_rss_mib": round(cm, 1),
            }
            for f, nc, nd, s, m, cs, cm in scale_rows
        ]
        print("scale (1x: the medians above; larger sizes: one run each):")
        for row in result["scale"]:
            print(
                f"  {row['factor']}x {row['countries']:5} countries {row['narratives']:6} "
                f"narratives: cold {row['cold_seconds']:7.2f} s (above the floor "
                f"{row['cold_above_floor']:6.2f} s), {row['cold_peak_rss_mib']:6.0f} MiB; core "
                f"{row['core_seconds']:6.2f} s, {row['core_peak_rss_mib']:6.0f} MiB"
            )
        result["machine"]["load_at_end"] = os.getloadavg()
        result["targets_met"] = {
            "cold": result["cold"]["above_floor"] <= TARGETS["cold"],
            "no_change": result["no_change"]["above_floor"] <= TARGETS["no_change"],
            "add_year": result["add_year"]["above_floor"] <= TARGETS["add_year"],
            "peak_rss_mib": max(
                result[k]["peak_rss_mib"] for k in ("cold", "no_change", "add_year")
            )
            <= TARGETS["peak_rss_mib"],
        }
        note = " (tiny: steps ran side by side; timings mean nothing)" if args.tiny else ""
        print(f"targets met{note}: {result['targets_met']}")
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return result


def _f(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def print_quality(q: dict) -> None:
    d = q["documents"]
    print(
        f"quality: {d['n']} narratives: found {_f(d['found'])}, item list exact "
        f"{_f(d['list_exact'])}, tier exact {_f(d['tier_exact'])}; extra documents {d['extra']}"
    )
    shapes = d["by_shape"].items()
    print(
        "  list exact by shape: "
        + ", ".join(f"{s} {_f(v['list_exact']).strip()} (n={v['n']})" for s, v in shapes)
    )
    for part in ("all_pairs", "pairs_parsed_exactly"):
        first = q["pairs"]["tipdiff"][part]
        label = part.replace("_", " ")
        print(f"  year pairs ({label}: {first['pairs']}, {first['links']} true links)")
        print(
            f"    {'system':<32} {'P':>6} {'R':>6} {'F1':>6} {'added F1':>9} {'dropped F1':>10} "
            f"{'status':>7} {'split R':>7} {'merge R':>7}"
        )
        for name, r in q["pairs"].items():
            r = r[part]
            print(
                f"    {name:<32} {_f(r['precision'])} {_f(r['recall'])} {_f(r['f1'])} "
                f"{_f(r['added']['f1']):>9} {_f(r['dropped']['f1']):>10} "
                f"{_f(r['added_dropped_accuracy']):>7} {_f(r['split_recall']):>7} "
                f"{_f(r['merge_recall']):>7}"
            )
    t = q["pairs"]["tipdiff"]["all_pairs"]["recall_by_kind"]
    kinds = ", ".join(f"{k} {_f(v['recall']).strip()} (n={v['n']})" for k, v in t.items())
    print(f"  tipdiff link recall by kind: {kinds}")
    r, tc = q["reinstated"], q["tier_changes"]
    print(
        f"  tier changes accuracy {_f(tc['accuracy'])} over {tc['n']} "
        f"pairs; reinstated: recall {_f(r['recall'])} of {r['n']}, precision {_f(r['precision'])} "
        f"of {r['flagged_threads']} flagged threads"
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tiny", action="store_true", help="every step once on a tiny corpus")
    ap.add_argument("--countries", type=int)
    ap.add_argument("--years", type=int)
    ap.add_argument("--first-year", type=int)
    ap.add_argument("--repeats", type=int)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--scale", type=int, nargs="+", default=[1, 2, 4])
    ap.add_argument("--json", type=Path, help="where to write the figures")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--core", nargs=2, metavar=("RAW", "OUT"), help=argparse.SUPPRESS)
    ap.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.core:
        stages = core(Path(args.core[0]), Path(args.core[1]))
        args.stages.write_text(json.dumps(stages))
        return 0
    defaults = (8, 6, 2019, 1) if args.tiny else (190, 24, 2001, 3)
    for name, value in zip(("countries", "years", "first_year", "repeats"), defaults, strict=True):
        if getattr(args, name) is None:
            setattr(args, name, value)
    result = run_bench(args)
    path = args.json or ROOT / "bench" / "results" / ("run-tiny.json" if args.tiny else "run.json")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")
    print(f"written: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
