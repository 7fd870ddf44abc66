"""The command line: the top layer, and the only place that turns errors into exit codes.

Exit status: 0 all good; 1 some inputs failed but the rest was processed; 2 usage error;
3 the run did not start (another run holds the output folder's lock).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import textwrap
from pathlib import Path

from .model import InputError, ParseResult
from .read import FORMATS

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_LOCKED = 0, 1, 2, 3

DESCRIPTION = """\
What changed in the U.S. State Department's Trafficking in Persons (TIP) Report, country by
country, from one year to the next: which recommendations were kept word for word or
reworded, which are new, dropped, split, merged or reinstated, and how each tier moved.
tipdiff reads saved copies of the country narratives (text or HTML, one folder per report
year) and writes tables, pages and feeds for people to read.

Start with `tipdiff run` (results in data/processed/, pages in data/processed/reports/),
then `tipdiff show COUNTRY` for one country's history in the terminal."""

EXIT_CODES = """\
exit status:
  0  all good
  1  some inputs could not be used (each is named with the place and what was expected;
     everything else was processed and published)
  2  usage error (a bad argument, a missing folder, an unknown country)
  3  `run` did not start: another run holds the output folder's lock"""


class _Help(argparse.RawDescriptionHelpFormatter):
    """Keeps the description's lines, and ends each option's help with its default."""

    def _get_help_string(self, action):
        text = action.help or ""
        default = action.default
        if (
            "%(default)" not in text
            and default not in (None, False, argparse.SUPPRESS)
            and (action.option_strings or action.nargs in ("?", "*"))
        ):
            text += " (default: %(default)s)"
        return text


class _Version(argparse.Action):
    """--version: the package version, with the parser's, aligner's and evidence matcher's
    (loaded only now)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        import tipdiff

        from .align import ALIGNER_VERSION
        from .evidence import EVIDENCE_VERSION
        from .parse import PARSER_VERSION

        print(
            f"tipdiff {tipdiff.__version__} (parser {PARSER_VERSION}, aligner {ALIGNER_VERSION}, "
            f"evidence {EVIDENCE_VERSION})"
        )
        parser.exit(EXIT_OK)


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


def _webhook(text: str) -> str:
    from .notify import check_url

    problem = check_url(text)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return text


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


def _say(text: str = "", file=None) -> None:
    """Print text that holds input (names, items, messages): control characters visible."""
    from .render.escape import terminal_safe

    print(terminal_safe(text), file=file or sys.stdout)


def _print_parse(result: ParseResult) -> None:
    from .records import tier_source
    from .render.text import wrap
    from .tables import warning_rows

    print = _say  # noqa: A001 - every line below holds input text (escaped there, once)
    rows = [
        [
            d.country_in_report or d.country,
            d.country_code or "-",
            d.year,
            d.tier or "unknown",
            tier_source(d.tier_source) or "-",
            d.tier_movement or "-",
            len(d.recommendations),
            d.list_status,
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
                    "tier_source",
                    "stated_change",
                    "recs",
                    "list",
                    "warnings",
                    "source",
                ],
            )
        )
    for d in result.documents:
        print()
        name = d.country_in_report or d.country
        print(f"{name} {d.year} ({d.tier or 'tier unknown'}), {d.source}:")
        if d.tier_movement_text:
            print(wrap("  the report says: ", d.tier_movement_text))
        if not d.recommendations:
            print("  no recommendations found")
        for r in d.recommendations:
            cut = " [cut off in the copy]" if r.truncated else ""
            print(wrap(f"  {r.index + 1:>2}. ", r.text + cut))
    by_country: dict[str, list] = {}
    for d in result.documents:
        by_country.setdefault(d.key, []).append(d)
    for docs in by_country.values():  # the unknown-country warning once per country
        docs.sort(key=lambda d: (d.year, d.source))
        for year, source, message in warning_rows(docs):
            d = next(d for d in docs if d.year == year and d.source == source)
            print(
                f"warning: {source}: {d.country} {year}: {message}",
                file=sys.stderr,
            )


def _print_errors(errors) -> None:
    for e in errors:
        _say(f"error: {e.message}", file=sys.stderr)


def cmd_parse(args) -> int:
    from . import api
    from .records import parse_object

    results = [
        api.parse_file(f, year=args.year, country=args.country, format=args.format)
        for f in args.files
    ]
    result = ParseResult(
        tuple(d for r in results for d in r.documents), tuple(e for r in results for e in r.errors)
    )
    if args.json:
        doc = {"parser_version": _parser_version(), **parse_object(result)}
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        _print_parse(result)
    _print_errors(result.errors)
    return EXIT_INPUT if result.errors else EXIT_OK


def _parser_version() -> str:
    from .parse import PARSER_VERSION

    return PARSER_VERSION


def cmd_diff(args) -> int:
    from . import api
    from .render.text import pairs_text

    overrides = args.overrides or api.default_overrides(DEFAULT_RAW)  # as `run` uses it
    try:
        result = api.diff(
            args.old,
            args.new,
            earlier=args.earlier,
            overrides=overrides,
            format=args.format,
        )
    except api.UsageError as exc:
        return _usage_error("diff", str(exc))
    if result.overrides:
        default = "" if args.overrides else "; the default file, as `run` uses it"
        _say(
            f"tipdiff diff: reviewer overrides from {result.overrides} "
            f"({result.override_rows} row(s){default})",
            file=sys.stderr,
        )
    for note in result.notes:
        _say(f"tipdiff diff: {note}", file=sys.stderr)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(pairs_text(result.pairs), end="")
        if result.pairs:
            print(
                f"(aligner {result.aligner_version}; evidence {result.evidence_version}; "
                f"term weights: {result.term_weights})"
            )
            if not result.earlier_given:
                print(
                    "(an ask that comes back after an absence shows as added here: pass the "
                    "earlier reports with --earlier to see it as reinstated, as `run` does)"
                )
    _print_errors(result.errors)
    return EXIT_INPUT if result.errors else EXIT_OK


DEFAULT_RAW = "data/raw"


def default_overrides(raw: str | None) -> Path:
    """overrides.csv beside the --raw folder (data/overrides.csv for the default --raw),
    whether it exists or not (`serve` looks for it at each scheduled run)."""
    return Path(raw or DEFAULT_RAW).parent / "overrides.csv"


def _usage_error(command: str, message: str) -> int:
    print(f"tipdiff {command}: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_pipeline_paths(args) -> str | None:
    """What is wrong with the folders of `run`/`serve`, or None (api.check_run_paths)."""
    from .api import check_run_paths

    return check_run_paths(
        args.raw, args.out, args.snapshots, args.sources, getattr(args, "overrides", None)
    )


def cmd_run(args) -> int:
    from . import api
    from .flows.server import ServerFailed
    from .publish import LockBusy, NothingToPublish, OutputNotWritable, PublishError

    try:
        result = api.run(
            args.raw,
            args.out,
            sources=args.sources,
            snapshots=args.snapshots,
            wait=args.wait,
            allow_empty=args.allow_empty,
            overrides=args.overrides,  # None: overrides.csv beside --raw, if it exists
            runner=args.runner,
            dask_address=args.dask_address,
            base_url=args.base_url,
            notify=args.notify,
            progress=True,
        )
    except (api.UsageError, OutputNotWritable) as exc:
        return _usage_error("run", str(exc))
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
    return _report_run(args, result)


def _report_run(args, result: dict) -> int:
    """What a run did, for people; its exit status."""
    c = result["counts"]
    cache = result["cache"]
    if result.get("unchanged"):
        print(
            f"tipdiff: no change since the published set ({c['documents']} narratives of "
            f"{c['countries']} countries): the inputs, the parser and aligner, the settings and "
            f"the overrides are the same; nothing was parsed, aligned or published "
            f"(checked in {result['timings_seconds'].get('check', 0):.2f} s; recorded in "
            f"{args.out}/manifest.json as last_check)"
        )
    else:
        print(
            f"tipdiff: {c['documents']} narratives of {c['countries']} countries, "
            f"{c['recommendations']} recommendations, {c['change_rows']} change rows"
        )
        print(
            f"cache: parsed {cache['parse']['computed']} year(s) "
            f"({cache['parse']['cached']} from cache), aligned {cache['align']['computed']} "
            f"year pair(s) ({cache['align']['cached']} from cache)" + _reuse_text(cache)
        )
        parser_warnings = c.get("parser_warnings", c.get("warnings"))
        if parser_warnings:
            print(f"{parser_warnings} parser warning(s): see {args.out}/warnings.csv")
        if c.get("overrides_not_applied"):
            print(
                f"{c['overrides_not_applied']} reviewer override(s) did not apply (a text "
                f"changed, or no such year pair): see {args.out}/warnings.csv"
            )
        print(
            f"results in {args.out}/: recommendations, changes, stock_asks, tiers, lineage, "
            f"panel, errors, warnings, evidence, sentences (.parquet/.csv/.jsonl), "
            f"panel_wide.csv, tipdiff.xlsx (for Excel), datapackage.json, schema.json, "
            f"manifest.json; read "
            f"{args.out}/reports/index.html (pages per year and country, Markdown twins, Atom "
            f"feeds in reports/feeds/), or `tipdiff show COUNTRY --out {args.out}`"
        )
    digest = result.get("digest")
    if digest:
        from .digest import DIGEST_JSON

        news = "something new" if digest["changed"] else "nothing new"
        print(f"digest: {news} ({args.out}/{DIGEST_JSON}, {args.out}/reports/digest.html)")
    sent = result.get("notified")
    if sent:
        where = "stdout" if sent["delivered"] else "stderr"
        print(
            f"notify: {sent['url']}: {sent['message']} after {sent['attempts']} attempt(s)",
            file=sys.stdout if where == "stdout" else sys.stderr,
        )
    for message in result["errors"]:
        _say(f"error: {message}", file=sys.stderr)
    return EXIT_INPUT if result["errors"] else EXIT_OK


def _reuse_text(cache: dict) -> str:
    """What the run took from the published set instead of making it again."""
    kinds = (
        ("reinstatement checks", cache.get("lineage_checks")),
        ("table blocks", cache.get("table_blocks")),
        ("page parts (year-pair sections, feed entries)", cache.get("page_parts")),
    )
    parts = [f"{w}: {c['reused']} of {c['reused'] + c['computed']} reused" for w, c in kinds if c]
    return f"; from the published set: {', '.join(parts)}" if parts else ""


def cmd_serve(args) -> int:
    problem = _check_pipeline_paths(args)
    if problem:
        return _usage_error("serve", problem)
    base_url = None
    if args.base_url:
        from .render.feeds import absolute_base

        try:
            base_url = absolute_base(args.base_url)
        except ValueError as exc:
            return _usage_error("serve", f"--base-url {args.base_url!r}: {exc}")
    if not os.environ.get("PREFECT_API_URL"):
        print(
            "tipdiff serve: error: needs a running Prefect server. Start one with\n"
            "  prefect server start --host 127.0.0.1 --port 4200 --analytics-off\n"
            "and set PREFECT_API_URL=http://127.0.0.1:4200/api",
            file=sys.stderr,
        )
        return EXIT_USAGE
    from .flows import prefect_environment

    # Each run the deployment executes logs its start and where its results went (the flow
    # logs at INFO); the rest of Prefect stays at the quiet default level.
    os.environ.setdefault("PREFECT_LOGGING_LOGGERS_PREFECT_FLOW_RUNS_LEVEL", "INFO")
    prefect_environment()
    from .flows.pipeline import tipdiff_run
    from .flows.server import end_on_sigterm_within

    end_on_sigterm_within()  # SIGTERM ends serve in a few seconds, even with no server left
    params = {
        "raw": str(Path(args.raw).resolve()),
        "out": str(Path(args.out).resolve()),
        "snapshots": str(Path(args.snapshots).resolve()),
        "progress": False,
        "allow_empty": args.allow_empty,
    }
    if args.sources:
        params["sources_file"] = str(Path(args.sources).resolve())
    if args.overrides:
        params["overrides"] = str(Path(args.overrides).resolve())
    else:  # looked for at each run, as `run` looks for it when it starts
        params["overrides_default"] = str(default_overrides(args.raw).resolve())
    if args.notify:
        params["notify"] = args.notify
    if base_url:
        params["base_url"] = base_url
    print(
        f"serving deployment '{tipdiff_run.name}/{args.name}' on cron '{args.cron}' (UTC): "
        f"each run reads {params['raw']} and publishes to {params['out']}, with reviewer "
        f"overrides from "
        f"{params.get('overrides') or params['overrides_default'] + ' (when it exists)'}; "
        "Ctrl-C or SIGTERM stops",
        flush=True,
    )
    tipdiff_run.serve(
        name=args.name, cron=args.cron, parameters=params, print_starting_message=False
    )
    return EXIT_OK


def cmd_show(args) -> int:
    from . import api
    from .publish import NotPublished
    from .render.escape import terminal_safe as terminal
    from .render.text import pairs_text, wrap

    try:
        data = api.show(args.country, args.out)
    except (api.UsageError, NotPublished) as exc:
        return _usage_error("show", str(exc))
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    code = f" ({data['country_code']})" if data["country_code"] else ""
    print(f"{terminal(data['country_in_report'])}{code}")
    if data["country_in_report"] != data["country"]:
        print(f"standard name: {terminal(data['country'])}")
    tiers = []
    for t in data["tiers"]:
        move = f", {t['tier_change']}" if t["tier_change"] not in (None, "remained") else ""
        limit = " [at the Watch List limit]" if t["watch_list_limit_reached"] else ""
        waiver = " [waiver stated]" if t["waiver"] else ""
        tiers.append(f"{t['year']} {t['tier'] or 'unknown'}{move}{limit}{waiver}")
    print(wrap("tiers: ", " -> ".join(tiers)))
    for p in data["pairs"]:
        print()
        print(pairs_text([p]), end="")
    if not data["pairs"]:
        year = data["tiers"][-1]["year"]
        print(f"\nonly one report year ({year}); its recommendations:")
        for r in data["recommendations"]:
            print(wrap(f"  {r['number']:>2}. ", r["text"]))
    for w in data["warnings"]:
        print(f"warning: {terminal(w['source'])}: {w['year']}: {terminal(w['message'])}")
    return EXIT_OK


def cmd_find(args) -> int:
    from .find import FIRST, MAX_QUERY, FindError, find
    from .publish import NotPublished
    from .render.escape import terminal_safe as terminal
    from .render.text import wrap

    try:
        result = find(
            args.text,
            Path(args.out),
            theme=args.theme,
            year=args.year,
            kind=args.kind,
            country=args.country,
            limit=args.limit,
            **({} if args.min_score is None else {"min_score": args.min_score}),
        )
    except FindError as exc:
        return _usage_error("find", terminal(str(exc)[: MAX_QUERY + 400]))
    except NotPublished as exc:
        return _usage_error("find", terminal(str(exc)))
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return EXIT_OK
    filters = [
        f"{what} {terminal(value)}"
        for what, value in (
            ("theme", result.theme),
            ("year", result.year),
            ("kind", result.kind),
            ("country", result.country),
        )
        if value is not None
    ]
    what = f"for '{terminal(args.text)}'" if args.text.strip() else "(no text: filters only)"
    shown = len(result.hits)
    print(
        f"{result.total} match{'es' if result.total != 1 else ''} {what}"
        + (f" ({'; '.join(filters)})" if filters else "")
        + (f", best first; showing {shown}" if shown < result.total else "")
        + (":" if shown else ".")
    )
    for k, h in enumerate(result.hits, 1):
        code = f" ({h.country_code})" if h.country_code else ""
        score = f"{h.score:5.1f}" if h.score is not None else "    -"
        if h.kind is None:
            how = FIRST
        elif h.kind == "dropped":
            how = f"dropped (asked in {h.from_year} as #{h.number}, not in {h.year})"
        else:
            how = f"{h.kind} (against {h.from_year})"
        number = "" if h.kind == "dropped" else f" #{h.number}"
        print()
        print(f"{k:>3}. {score}  {terminal(h.country_in_report)}{code} {h.year}{number}: {how}")
        print(wrap("       ", h.text))
        tags = ", ".join(h.frames + h.themes) or "none"
        asked = ", ".join(map(str, h.years_present))
        stock = f"; stock ask {h.stock_group}" if h.stock_group else ""
        print(wrap("       ", f"themes: {tags}; asked in {asked}{stock}"))
        print(f"       {terminal(os.path.join(args.out, h.page))}")
    return EXIT_OK


def _theme(text: str) -> str:
    from .find import FindError, check_theme

    try:
        return check_theme(text)
    except FindError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a whole number, 0 or more")
    return value


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not math.isfinite(value) or not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a score from 0 to 100")
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="tipdiff", description=DESCRIPTION, epilog=EXIT_CODES, formatter_class=_Help
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    sub = parser.add_subparsers(
        dest="command", required=True, parser_class=_Parser, metavar="COMMAND"
    )

    def command(name: str, summary: str, description: str):
        return sub.add_parser(
            name,
            help=summary,
            description=textwrap.fill(description, 90),
            epilog=EXIT_CODES,
            formatter_class=_Help,
        )

    p = command(
        "parse",
        "show what tipdiff reads in saved narratives",
        "Parse saved copies of country narratives and show what was found: country, year, "
        "tier, and every recommendation.",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="narrative files (text, HTML or PDF)")
    p.add_argument("--year", type=_year, help="report year when neither text nor path states it")
    p.add_argument("--country", help="country name when the text states none")
    p.add_argument("--format", choices=FORMATS, default="auto", help="input format")
    p.add_argument("--json", action="store_true", help="print one JSON object instead")
    p.set_defaults(func=cmd_parse)

    d = command(
        "diff",
        "what changed between two narrative files",
        "What changed between two narrative files of different report years: every country "
        "present in both. The files are compared in report-year order (OLD and NEW are "
        "swapped, with a note, if OLD is the newer report).",
    )
    d.add_argument("old", metavar="OLD", help="narrative file of the earlier report year")
    d.add_argument("new", metavar="NEW", help="narrative file of the later report year")
    d.add_argument("--format", choices=FORMATS, default="auto", help="input format")
    d.add_argument("--json", action="store_true", help="print one JSON object instead")
    d.add_argument(
        "--overrides",
        metavar="FILE",
        help="reviewer overrides CSV to apply (see README: Reviewer overrides; default: "
        "data/overrides.csv, as `run` uses it, if it exists)",
    )
    d.add_argument(
        "--earlier",
        nargs="*",
        default=[],
        metavar="FILE",
        help="earlier reports of the same countries: an ask that comes back after an absence "
        "is then reported as reinstated, as `run` reports it",
    )
    d.set_defaults(func=cmd_diff)

    def pipeline_args(p):
        p.add_argument(
            "--raw", default=DEFAULT_RAW, help="input folder, one sub-folder per report year"
        )
        p.add_argument(
            "--out", default="data/processed", help="output folder (tables, reports/, manifest)"
        )
        p.add_argument(
            "--sources", help="CSV of web pages to fetch first (columns year,country,url)"
        )
        p.add_argument("--snapshots", default="data/snapshots", help="where fetched pages are kept")
        p.add_argument(
            "--overrides",
            metavar="FILE",
            help="reviewer overrides CSV (default: overrides.csv beside --raw, if it exists)",
        )
        p.add_argument(
            "--notify",
            metavar="URL",
            type=_webhook,
            help="after a run that brings something new, POST its digest (digest.json) to "
            "this http(s) webhook; retried within a 20 s deadline, never fails the run",
        )
        p.add_argument(
            "--allow-empty",
            action="store_true",
            help="publish even when no input is found, or none is usable (replacing results)",
        )
        p.add_argument(
            "--base-url",
            metavar="URL",
            help="the http(s) address where --out's reports/ folder is served: the Atom feeds "
            "then carry absolute links (default: links relative to the feed)",
        )

    r = command(
        "run",
        "the main job: parse, align, publish tables, pages and feeds",
        "Parse every narrative under --raw, align each country's consecutive report years, "
        "and publish tables, pages (reports/), feeds (reports/feeds/) and a manifest "
        "into --out. Runs Prefect in its embedded mode: nothing to start.",
    )
    pipeline_args(r)
    r.add_argument(
        "--wait",
        type=_seconds,
        default=300.0,
        help="seconds to wait for another run on the same --out",
    )
    r.add_argument(
        "--runner",
        choices=("threads", "dask"),
        default="threads",
        help="where tasks run: threads here, or a Dask cluster (needs tipdiff[dask])",
    )
    r.add_argument(
        "--dask-address",
        help="scheduler address of an existing Dask cluster (default: start a local one)",
    )
    r.set_defaults(func=cmd_run)

    s = command(
        "show",
        "one country's whole history, from the published tables",
        "One country's tiers and changes per year pair, read from the tables a finished "
        "`tipdiff run` published in --out.",
    )
    s.add_argument("country", metavar="COUNTRY", help="country name or ISO3 code")
    s.add_argument("--out", default="data/processed", help="output folder of a finished run")
    s.add_argument("--json", action="store_true", help="print one JSON object instead")
    s.set_defaults(func=cmd_show)

    f = command(
        "find",
        "find recommendations across countries and years, ranked",
        "Recommendations of the published set that resemble TEXT (fuzzy: rapidfuzz over the "
        "words of every recommendation), best first, with country, report year, the kind of "
        "change that brought it into that year's list, the years it was asked, its themes and "
        "a link to the country page. Each ask appears once (its best year). An empty TEXT "
        "with a filter lists everything the filters keep.",
    )
    f.add_argument(
        "text", metavar="TEXT", help="words to look for (matched as text, never as a pattern)"
    )
    f.add_argument(
        "--theme",
        type=_theme,
        help="only asks with this frame or sub-theme tag (see docs/themes.md)",
    )
    f.add_argument("--year", type=_year, help="only this report year")
    f.add_argument(
        "--kind",
        help="only this kind of change into the year's list (unchanged, reworded, split, "
        "merged, added, reinstated, dropped, unseen)",
    )
    f.add_argument("--country", help="only this country (name or ISO3 code)")
    f.add_argument("--limit", type=_count, default=20, help="at most this many hits (0: all)")
    f.add_argument(
        "--min-score",
        type=_score,
        help="leave out hits scoring below this, 0-100 (default: 70)",
    )
    f.add_argument("--out", default="data/processed", help="output folder of a finished run")
    f.add_argument("--json", action="store_true", help="print one JSON object instead")
    f.set_defaults(func=cmd_find)

    v = command(
        "serve",
        "run the main job on a schedule (needs a Prefect server)",
        "Serve the main job as a scheduled Prefect deployment on a running Prefect server "
        "(PREFECT_API_URL). Each run is logged with where its results went.",
    )
    pipeline_args(v)
    v.add_argument("--cron", default="0 6 * * *", help="schedule, in cron syntax, in UTC")
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
