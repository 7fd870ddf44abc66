"""The command line: the top layer, and the only place that turns errors into exit codes.

Exit status: 0 all good; 1 some inputs failed but the rest was processed; 2 usage error;
3 the run did not start (another run holds the output folder's lock).
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import re
import sys
from pathlib import Path

from .inputs import parse_paths
from .model import InputError, ParseResult, TipdiffError

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2 without a traceback
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number of seconds, 0 or more")
    return value


def _year(text: str) -> int:
    if not re.fullmatch(r"(?:19|20)\d\d", text.strip()):
        raise argparse.ArgumentTypeError(f"{text!r}: expected a report year such as 2023")
    return int(text)


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*map(str, r)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def _print_parse(result: ParseResult) -> None:
    rows = [
        [
            d.country,
            d.country_code or "-",
            d.year,
            d.tier or "unknown",
            d.tier_source or "-",
            d.tier_movement or "-",
            len(d.recommendations),
            len(d.warnings),
            d.source,
        ]
        for d in result.documents
    ]
    if rows:
        print(
            _table(
                rows,
                [
                    "country",
                    "code",
                    "year",
                    "tier",
                    "from",
                    "movement",
                    "recs",
                    "warnings",
                    "source",
                ],
            )
        )
    for d in result.documents:
        for w in d.warnings:
            print(f"warning: {d.source}: {d.country} {d.year}: {w}")


def _print_errors(errors) -> None:
    for e in errors:
        print(f"error: {e.message}", file=sys.stderr)


def cmd_parse(args) -> int:
    result = parse_paths(args.files, year=args.year, country=args.country, fmt=args.format)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_parse(result)
    _print_errors(result.errors)
    return EXIT_INPUT if result.errors else EXIT_OK


def cmd_diff(args) -> int:
    from .align import TermWeights
    from .diff import diff_narratives, pair_documents
    from .render import text_report

    old = parse_paths([args.old], year=None, country=None, fmt=args.format)
    new = parse_paths([args.new], year=None, country=None, fmt=args.format)
    errors = old.errors + new.errors
    pairs = pair_documents(old.documents, new.documents)
    weights = TermWeights.from_texts(
        r.text for d in (*old.documents, *new.documents) for r in d.recommendations
    )
    diffs = [diff_narratives(a, b, weights=weights) for a, b in pairs]
    if not pairs and not errors:
        errors = (
            InputError(
                args.new,
                (
                    f"{args.old} and {args.new}: no country appears in both files: "
                    "expected narratives of the same country in two report years"
                ),
            ),
        )
    if args.json:
        print(json.dumps({"diffs": [d.to_dict() for d in diffs]}, ensure_ascii=False, indent=2))
    else:
        print(text_report(diffs), end="")
    _print_errors(errors)
    return EXIT_INPUT if errors else EXIT_OK


def _usage_error(command: str, message: str) -> int:
    print(f"tipdiff {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _check_pipeline_paths(args) -> str | None:
    """What is wrong with the folders of `run`/`serve`, or None."""
    raw, out, snapshots = Path(args.raw), Path(args.out), Path(args.snapshots)
    if not raw.is_dir():
        what = "is a file, not a folder" if raw.exists() else "no such folder"
        return (
            f"--raw {raw}: {what}: expected a folder of narratives (one sub-folder per report year)"
        )
    for option, path in (("--out", out), ("--snapshots", snapshots)):
        if path.exists() and not path.is_dir():
            return (
                f"{option} {path}: is a file, not a folder: expected a folder (created if missing)"
            )
    raw_r = raw.resolve()
    if _inside(out.resolve(), raw_r):
        return (
            f"--out {out} is inside --raw {raw}: the next run would read the outputs as "
            "inputs, and tipdiff never writes into the raw folder: expected an output folder "
            "outside it"
        )
    if _inside(snapshots.resolve(), raw_r):
        return (
            f"--snapshots {snapshots} is inside --raw {raw}: fetched pages would be written "
            "into the raw folder, which tipdiff never writes: expected a folder outside it"
        )
    if args.sources and not Path(args.sources).is_file():
        return f"--sources {args.sources}: no such file: expected a CSV with year,country,url"
    return None


def cmd_run(args) -> int:
    problem = _check_pipeline_paths(args)
    if problem:
        return _usage_error("run", problem)
    from .publish import LockBusy, run_lock

    try:  # refuse early and quietly, before Prefect starts; the flow locks again for itself
        with run_lock(Path(args.out), wait=args.wait):
            pass
    except LockBusy as exc:
        print(f"tipdiff run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    if args.runner == "dask":
        try:
            import prefect_dask  # noqa: F401
        except ImportError:
            return _usage_error(
                "run", "--runner dask needs the optional extra: pip install 'tipdiff[dask]'"
            )
    from .flows import prefect_environment

    prefect_environment()
    # No process of ours outlives the run: unless a server is given, the run owns one
    # (tipdiff.flows.server: it dies with this process, even after kill -9).
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        from .flows.server import OwnedServer

        server = OwnedServer().start()
        os.environ["PREFECT_API_URL"] = server.api_url  # before Prefect is imported
    try:
        return _run_flow(args, server)
    finally:
        if server is not None:
            server.stop()
            os.environ.pop("PREFECT_API_URL", None)


class _NoTracebackForTipdiffErrors(logging.Filter):
    """Prefect logs a traceback with every failed flow or task run. tipdiff's own errors say
    where and what was expected and are reported as such: their tracebacks are noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], TipdiffError):
            record.exc_info = None
            record.exc_text = None
        return True


def _run_flow(args, server) -> int:
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )

    from .flows.pipeline import tipdiff_run
    from .flows.server import ServerFailed
    from .publish import LockBusy, NothingToPublish, PublishError

    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logging.getLogger(name).addFilter(_NoTracebackForTipdiffErrors())
    flow_fn = tipdiff_run
    if args.runner == "dask":
        from prefect_dask import DaskTaskRunner

        runner = (
            DaskTaskRunner(address=args.dask_address)
            if args.dask_address
            else DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1})
        )
        flow_fn = tipdiff_run.with_options(task_runner=runner)
    updates: dict = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    try:
        if server is not None:
            timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))
            updates[PREFECT_API_URL] = server.wait_ready(timeout)
        with temporary_settings(updates=updates):
            try:
                result = flow_fn(
                    raw=args.raw,
                    out=args.out,
                    sources_file=args.sources,
                    snapshots=args.snapshots,
                    wait=args.wait,
                    progress=True,
                    allow_empty=args.allow_empty,
                )
            finally:
                if server is not None:
                    server.drain_prefect()
    except LockBusy as exc:
        print(f"tipdiff run: {exc}", file=sys.stderr)
        return EXIT_LOCKED
    except NothingToPublish as exc:
        _print_errors(InputError("", m) for m in exc.errors)
        print(f"tipdiff run: error: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.usage else EXIT_INPUT
    except (ServerFailed, PublishError, OSError) as exc:
        print(f"tipdiff run: error: {exc}", file=sys.stderr)
        return EXIT_INPUT
    c = result["counts"]
    cache = result["cache"]
    print(
        f"tipdiff: {c['documents']} narratives of {c['countries']} countries, "
        f"{c['recommendations']} recommendations, {c['change_rows']} change rows"
    )
    print(
        f"cache: parsed {cache['parse']['computed']} year(s) "
        f"({cache['parse']['cached']} from cache), "
        f"aligned {cache['align']['computed']} year pair(s) ({cache['align']['cached']} from cache)"
    )
    if c.get("warnings"):
        print(f"{c['warnings']} parser warning(s): see {args.out}/warnings.csv")
    print(
        f"results in {args.out}/: recommendations, changes, tiers, lineage, errors, warnings "
        f"(.parquet/.csv/.jsonl), schema.json, manifest.json; read {args.out}/report.html "
        f"or {args.out}/report.md"
    )
    for message in result["errors"]:
        print(f"error: {message}", file=sys.stderr)
    return EXIT_INPUT if result["errors"] else EXIT_OK


def cmd_serve(args) -> int:
    problem = _check_pipeline_paths(args)
    if problem:
        return _usage_error("serve", problem)
    if not os.environ.get("PREFECT_API_URL"):
        print(
            "tipdiff serve: error: needs a running Prefect server. Start one with\n"
            "  prefect server start --host 127.0.0.1 --port 4200\n"
            "and set PREFECT_API_URL=http://127.0.0.1:4200/api",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from .flows import prefect_environment

    prefect_environment()
    from .flows.pipeline import tipdiff_run

    params = {
        "raw": str(Path(args.raw).resolve()),
        "out": str(Path(args.out).resolve()),
        "snapshots": str(Path(args.snapshots).resolve()),
        "progress": False,
        "allow_empty": args.allow_empty,
    }
    if args.sources:
        params["sources_file"] = str(Path(args.sources).resolve())
    print(f"serving deployment '{tipdiff_run.name}/{args.name}' on cron '{args.cron}'", flush=True)
    tipdiff_run.serve(
        name=args.name, cron=args.cron, parameters=params, print_starting_message=False
    )
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="tipdiff", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("parse", help="parse narratives and show what was found")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--year", type=_year, help="report year when neither text nor path states it")
    p.add_argument("--country", help="country name when the text states none")
    p.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=cmd_parse)

    d = sub.add_parser("diff", help="what changed between two report years")
    d.add_argument("old", metavar="OLD")
    d.add_argument("new", metavar="NEW")
    d.add_argument("--format", choices=("auto", "text", "html"), default="auto")
    d.add_argument("--json", action="store_true", help="print one JSON object")
    d.set_defaults(func=cmd_diff)

    def pipeline_args(p):
        p.add_argument("--raw", default="data/raw", help="input folder, one sub-folder per year")
        p.add_argument("--out", default="data/processed", help="output folder")
        p.add_argument("--sources", help="CSV of web pages to fetch: year,country,url")
        p.add_argument("--snapshots", default="data/snapshots", help="where fetched pages are kept")
        p.add_argument(
            "--allow-empty",
            action="store_true",
            help="publish even when no input is found, or none is usable (replacing results)",
        )

    r = sub.add_parser("run", help="the pipeline: parse, align, publish tables and reports")
    pipeline_args(r)
    r.add_argument(
        "--wait",
        type=_seconds,
        default=300.0,
        help="seconds to wait for another run on the same --out (default 300)",
    )
    r.add_argument("--runner", choices=("threads", "dask"), default="threads")
    r.add_argument("--dask-address", help="scheduler address of an existing Dask cluster")
    r.set_defaults(func=cmd_run)

    v = sub.add_parser("serve", help="serve the pipeline as a scheduled Prefect deployment")
    pipeline_args(v)
    v.add_argument("--cron", default="0 6 * * *", help="schedule (default: daily at 06:00)")
    v.add_argument("--name", default="tipdiff-scheduled", help="deployment name")
    v.set_defaults(func=cmd_serve)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
