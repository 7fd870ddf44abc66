"""tipdiff's Python API, declared in `tipdiff/__init__.py` (`__all__`): what the commands do,
as functions that return data. The command line calls these and only formats what they
return; errors are exceptions here (tipdiff.TipdiffError and its kinds) and exit codes there.

Importing tipdiff stays light: each function imports what it needs when it is called, and
only `run` imports Prefect. `python -m tipdiff.apidoc docs/api.md` writes the API reference
from these docstrings (a test checks that it is current and runs every example in it).
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from .model import InputError, Narrative, ParseResult, TipdiffError

if TYPE_CHECKING:
    from .publish import PublishedSet
    from .review import Override

PathLike: TypeAlias = str | os.PathLike
# What `diff` compares: a narrative file, or narratives parsed already.
Documents: TypeAlias = PathLike | ParseResult | Narrative | Sequence[Narrative]


class UsageError(TipdiffError, ValueError):
    """An argument is not what tipdiff expected; the message says what was expected."""


# --------------------------------------------------------------------------- parse


def parse_file(
    path: PathLike,
    *,
    year: int | None = None,
    country: str | None = None,
    format: str = "auto",
) -> ParseResult:
    """The country narratives in a saved copy (text, HTML or PDF: any shape of
    docs/input-shapes.md), with what went wrong as data, never raised.

    `result.documents` holds one `Narrative` per country found (country, ISO3 code, year,
    tier, recommendations, and the parser's `warnings` about it); `result.errors` holds an
    `InputError` (source, message) for what could not be read or parsed: a missing file, a
    file over the size bound (tipdiff.limits), a text that is no narrative. `year` and
    `country` are used when the copy does not state them; `format` is "auto", "text",
    "html" or "pdf".

    >>> import tipdiff
    >>> result = tipdiff.parse_file("data/raw/2023/peru_2023_tip_excerpt.txt")
    >>> peru = result.documents[0]
    >>> peru.country, peru.country_code, peru.year, peru.tier
    ('Peru', 'PER', 2023, 'Tier 2')
    >>> len(peru.recommendations), peru.recommendations[0].text[:40]
    (11, 'Increase funding to implement the Nation')
    >>> tipdiff.parse_file("no/such/file.txt").errors[0].message
    'no/such/file.txt: cannot read the file: No such file or directory'
    """
    from .inputs import parse_paths

    return parse_paths([os.fspath(path)], year=year, country=country, fmt=format)


def parse_text(
    text: str,
    *,
    source: str = "<text>",
    year: int | None = None,
    country: str | None = None,
) -> ParseResult:
    """`parse_file` for a text you hold already (plain text or HTML). `source` names it in
    errors and warnings; its sha256 is that of the text as UTF-8. The same bounds apply as to
    a file (size, recommendations per narrative).

    >>> import tipdiff
    >>> text = '''FREEDONIA: Tier 2
    ... PRIORITIZED RECOMMENDATIONS:
    ... Train judges on the anti-trafficking law.
    ... Fund shelters for adult victims.
    ... PROSECUTION
    ... The government maintained law enforcement efforts.'''
    >>> result = tipdiff.parse_text(text, source="freedonia.txt", year=2024)
    >>> doc = result.documents[0]
    >>> doc.country, doc.year, doc.tier
    ('Freedonia', 2024, 'Tier 2')
    >>> [r.text for r in doc.recommendations]
    ['Train judges on the anti-trafficking law.', 'Fund shelters for adult victims.']
    >>> [w for w in doc.warnings if "not a known country name" in w] != []
    True
    >>> tipdiff.parse_text("a shopping list", source="list.txt").errors[0].source
    'list.txt'
    """
    from .inputs import parse_data

    if not isinstance(text, str):
        raise UsageError(f"text: expected a str, got {type(text).__name__} (for bytes or a "
                         "file, use parse_file)")
    return parse_data(text.encode("utf-8"), source=source, year=year, country=country)


# --------------------------------------------------------------------------- diff


@dataclass(frozen=True)
class DiffResult:
    """What `diff` found. `pairs` are the year-pair objects every tipdiff output shares
    (tipdiff.records.pair_object: the two tiers and every change, items numbered from 1 as
    the report prints them; the same objects as `tipdiff diff --json` and `show --json`);
    `errors` what could not be used; `notes` what the comparison had to assume ("note: ..."
    and "warning: ..." sentences). `to_dict()` is the `tipdiff diff --json` document."""

    pairs: tuple[dict, ...]
    errors: tuple[InputError, ...] = ()
    notes: tuple[str, ...] = ()
    aligner_version: str = ""
    evidence_version: str = ""
    term_weights: str = ""
    overrides: str | None = None  # the reviewer overrides file applied, if a file was given
    override_rows: int = 0
    swapped: bool = False  # OLD was the newer report: compared in report-year order
    earlier_given: bool = field(default=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "aligner_version": self.aligner_version,
            "evidence_version": self.evidence_version,
            "term_weights": self.term_weights,
            "overrides": self.overrides,
            "pairs": list(self.pairs),
            "errors": [e.to_dict() for e in self.errors],
        }


def _label(what, default: str) -> str:
    return os.fspath(what) if isinstance(what, str | os.PathLike) else default


def _documents(what, fmt: str) -> ParseResult:
    if isinstance(what, ParseResult):
        return what
    if isinstance(what, Narrative):
        return ParseResult((what,))
    if isinstance(what, str | os.PathLike):
        return parse_file(what, format=fmt)
    if isinstance(what, Sequence) and all(isinstance(d, Narrative) for d in what):
        return ParseResult(tuple(what))
    raise UsageError(
        f"{what!r}: expected a narrative file's path, a ParseResult, a Narrative or a "
        "sequence of Narratives"
    )


def _overrides(overrides) -> tuple[tuple[Override, ...], tuple[InputError, ...]]:
    """Reviewer overrides from a CSV file's path, or given as Override objects."""
    from .review import Override, read_overrides

    if overrides is None:
        return (), ()
    if isinstance(overrides, str | os.PathLike):
        path = os.fspath(overrides)
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                f"overrides {path}: cannot read it ({exc}): expected a UTF-8 CSV of reviewer "
                "overrides"
            ) from None
        return read_overrides(text, source=path)
    rows = tuple(overrides)
    if not all(isinstance(o, Override) for o in rows):
        raise UsageError("overrides: expected a CSV file's path or tipdiff.review.Override rows")
    return rows, ()


def diff(
    old: Documents,
    new: Documents,
    *,
    earlier: Iterable[Documents] = (),
    overrides: PathLike | Iterable[Override] | None = None,
    format: str = "auto",
) -> DiffResult:
    """What changed between two report years of the countries present in both: the same
    verdicts as `run` gives for that pair (the same model, tipdiff.corpus.analyse).

    `old` and `new` are narrative files (paths) or narratives parsed already (a
    ParseResult, a Narrative, or a sequence of them). If `old` is the newer report they are
    compared in report-year order and `notes` says so. `earlier`: earlier reports of the same
    countries, so that an ask back after an absence is `reinstated` (with its last wording),
    as in `run`; without them it is `added`. `overrides`: reviewer overrides (a CSV path, or
    tipdiff.review.Override rows); those that match nothing are in `notes`. A dropped ask's
    `returns_in` (the later report that asks it again) needs the later reports: two files
    leave it empty.

    Raises UsageError when an `earlier` report is not earlier than `old`, or the overrides
    file cannot be read.

    >>> import tipdiff
    >>> result = tipdiff.diff("data/raw/2022/synthetic_sylvania_2022.txt",
    ...                       "data/raw/2023/synthetic_sylvania_2023.txt")
    >>> pair = result.pairs[0]
    >>> pair["country"], pair["from_year"], pair["to_year"], pair["tier_change"]
    ('Sylvania', 2022, 2023, 'remained')
    >>> {kind: n for kind, n in pair["counts"].items() if n}
    {'unchanged': 2, 'reworded': 1, 'merged': 1, 'dropped': 1}
    >>> merged = next(c for c in pair["changes"] if c["kind"] == "merged")
    >>> [item["number"] for item in merged["from"]], [item["number"] for item in merged["to"]]
    ([3, 4], [3])
    >>> result.errors
    ()
    """
    from .align import ALIGNER_VERSION
    from .corpus import analyse
    from .evidence import EVIDENCE_VERSION
    from .records import history_pairs
    from .scoring import reference_weights

    old_label, new_label = _label(old, "OLD"), _label(new, "NEW")
    a, b = _documents(old, format), _documents(new, format)
    before = [_documents(e, format) for e in earlier]
    errors = a.errors + b.errors + tuple(e for r in before for e in r.errors)
    notes: list[str] = []
    old_years = sorted({d.year for d in a.documents})
    new_years = sorted({d.year for d in b.documents})
    swapped = bool(old_years and new_years and min(old_years) > max(new_years))
    if swapped:
        notes.append(
            f"note: OLD ({old_label}, report year {', '.join(map(str, old_years))}) is newer "
            f"than NEW ({new_label}, {', '.join(map(str, new_years))}); comparing them in "
            "report-year order, the older one first"
        )
        a, b, old_years, new_years = b, a, new_years, old_years
        old_label, new_label = new_label, old_label
    elif old_years and old_years == new_years:
        notes.append(
            f"warning: both files are report year {', '.join(map(str, old_years))}: "
            "expected two different report years"
        )
    late = sorted(
        {d.year for r in before for d in r.documents if old_years and d.year >= min(old_years)}
    )
    if late:
        raise UsageError(
            f"earlier: report year {', '.join(map(str, late))} is not earlier than OLD "
            f"({', '.join(map(str, old_years))}): expected earlier reports of the same countries"
        )
    rows, bad_rows = _overrides(overrides)
    errors += bad_rows
    olds = {d.key for d in a.documents}
    wanted = {d.key for d in b.documents if d.key in olds}
    docs = [
        d
        for d in (*(d for r in before for d in r.documents), *a.documents, *b.documents)
        if d.key in wanted
    ]
    analysis = analyse(docs, rows)
    notes += [f"warning: {n.message}" for n in analysis.notes]
    pairs = tuple(
        p
        for h in analysis.histories
        for p in history_pairs(h)
        if p["from_year"] in old_years and p["to_year"] in new_years
    )
    if not pairs and not errors:
        errors = (
            InputError(
                new_label,
                f"{old_label} and {new_label}: no country appears in both files: expected "
                "narratives of the same country in two report years",
            ),
        )
    return DiffResult(
        pairs=pairs,
        errors=tuple(errors),
        notes=tuple(notes),
        aligner_version=ALIGNER_VERSION,
        evidence_version=EVIDENCE_VERSION,
        term_weights=reference_weights().name,
        overrides=os.fspath(overrides) if isinstance(overrides, str | os.PathLike) else None,
        override_rows=len(rows),
        swapped=swapped,
        earlier_given=bool(before),
    )


# --------------------------------------------------------------------------- run


def check_run_paths(
    raw: PathLike,
    out: PathLike,
    snapshots: PathLike = "data/snapshots",
    sources: PathLike | None = None,
    overrides: PathLike | None = None,
) -> str | None:
    """What is wrong with the folders and files of a run, or None."""
    raw, out, snapshots = Path(raw), Path(out), Path(snapshots)
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
    if sources and not Path(sources).is_file():
        return f"--sources {sources}: no such file: expected a CSV with year,country,url"
    if overrides and not Path(overrides).is_file():
        return (
            f"--overrides {overrides}: no such file: expected a CSV with the columns "
            "country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note"
        )
    return None


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def default_overrides(raw: PathLike) -> str | None:
    """overrides.csv beside the raw folder (data/overrides.csv for data/raw), if it exists."""
    path = Path(raw).parent / "overrides.csv"
    return str(path) if path.is_file() else None


_OWNED: set[str] = set()  # addresses of the servers runs of this process owned (and stopped)


def _prefect_api_url() -> str | None:
    """The Prefect server this process already uses, if any: the environment's, or Prefect's
    settings when Prefect is imported (a test harness, a profile), unless it is a server an
    earlier run of this process owned (stopped since)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        url = PREFECT_API_URL.value()
        return url if url and url not in _OWNED else None
    return None


def run(raw: PathLike = "data/raw", out: PathLike = "data/processed", **options: Any) -> dict:
    """The main job, as `tipdiff run`: parse every narrative below `raw`, align each
    country's consecutive report years, and publish tables, pages, feeds, the data package,
    the workbook and a manifest into `out` as one set (a Prefect flow, tipdiff.flows).

    Options (each as `tipdiff run` has it): `sources` (CSV of pages to fetch first),
    `snapshots` (default data/snapshots), `overrides` (reviewer overrides CSV; default
    overrides.csv beside `raw` when it exists; False for none), `wait` (seconds to wait for
    another run on `out`, default 300), `allow_empty`, `base_url` (the http(s) address where
    `out`/reports/ is served: feeds then carry absolute links), `runner` ("threads" or
    "dask"), `dask_address`, `progress` (a progress bar on a terminal; default False); any
    other option is passed to the flow as a parameter.

    Unless Prefect already has a server (PREFECT_API_URL, or Prefect's settings in this
    process), the run starts one it owns and stops it when it ends; Prefect's quiet, offline
    defaults (tipdiff.flows.PREFECT_DEFAULTS) are set in os.environ where unset. Returns the
    run's summary: `out`, `unchanged` (nothing to do since the published set), `counts`,
    `cache`, `errors` (messages of inputs that failed; the rest was published) and
    `timings_seconds`. Raises UsageError (bad paths or options), LockBusy (another run holds
    `out` for longer than `wait`), NothingToPublish (no usable input; nothing was replaced)
    and PublishError.

    >>> import tempfile, tipdiff
    >>> out = tempfile.mkdtemp()
    >>> summary = tipdiff.run("data/raw", out)
    >>> summary["counts"]["documents"], summary["counts"]["countries"], summary["errors"]
    (10, 4, [])
    >>> tipdiff.run("data/raw", out)["unchanged"]
    True
    """
    options = dict(options)
    sources = options.pop("sources", None)
    snapshots = options.pop("snapshots", "data/snapshots")
    overrides = options.pop("overrides", None)
    wait = options.pop("wait", 300.0)
    runner = options.pop("runner", "threads")
    dask_address = options.pop("dask_address", None)
    base_url = options.pop("base_url", None)
    if overrides is None:
        overrides = default_overrides(raw)
    elif overrides is False:
        overrides = None
    problem = check_run_paths(raw, out, snapshots, sources, overrides)
    if problem:
        raise UsageError(problem)
    if isinstance(wait, bool) or not isinstance(wait, int | float) or not wait >= 0:
        raise UsageError(f"wait {wait!r}: expected a number of seconds, 0 or more")
    wait = float(wait)
    if runner not in ("threads", "dask"):
        raise UsageError(f"runner {runner!r}: expected 'threads' or 'dask'")
    if base_url is not None:
        from .render.feeds import absolute_base

        try:
            base_url = absolute_base(base_url)
        except ValueError as exc:
            raise UsageError(f"--base-url {base_url!r}: {exc}") from None
    from .publish import run_lock

    # Refuse early, before Prefect starts (LockBusy; the flow locks again for itself); and
    # when nothing changed since the published set, stop here: no Prefect, no server
    # (tipdiff.plan). A run that fetches first (`sources`) checks inside the flow.
    with run_lock(Path(out), wait=wait):
        if not sources:
            unchanged = _nothing_to_do(raw, out, snapshots, overrides, base_url)
            if unchanged is not None:
                return unchanged
    if runner == "dask":
        try:
            import prefect_dask  # noqa: F401
        except ImportError:
            raise UsageError(
                "--runner dask needs the optional extra: pip install 'tipdiff[dask]'"
            ) from None
    from .flows import prefect_environment

    prefect_environment()
    # No process of ours outlives the run: unless a server is given, the run owns one
    # (tipdiff.flows.server: it dies with this process, even after kill -9).
    server = None
    if not _prefect_api_url():
        from .flows.server import OwnedServer

        server = OwnedServer().start()
        _OWNED.add(server.api_url)
        os.environ["PREFECT_API_URL"] = server.api_url  # before Prefect is imported
    parameters = {
        "raw": os.fspath(raw),
        "out": os.fspath(out),
        "sources_file": os.fspath(sources) if sources else None,
        "snapshots": os.fspath(snapshots),
        "wait": wait,
        "progress": bool(options.pop("progress", False)),
        "allow_empty": bool(options.pop("allow_empty", False)),
        "overrides": os.fspath(overrides) if overrides else None,
        **({"base_url": base_url} if base_url else {}),
        **options,
    }
    try:
        return _run_flow(parameters, server, runner, dask_address)
    finally:
        if server is not None:
            server.stop()
            os.environ.pop("PREFECT_API_URL", None)


def _nothing_to_do(raw, out, snapshots, overrides, base_url) -> dict | None:
    """The run's summary when the published set was made from exactly these inputs, code,
    settings and overrides and is whole (tipdiff.plan), recorded in its manifest; else
    None. Called with the run lock held."""
    import time

    from . import plan
    from .align import DEFAULT_CONFIG

    started_at, clock = plan.now(), time.perf_counter()
    survey = plan.survey(
        Path(raw),
        Path(snapshots),
        Path(out),
        overrides=os.fspath(overrides) if overrides else None,
        config=DEFAULT_CONFIG,
        settings={"base_url": base_url},
    )
    if not plan.nothing_to_do(Path(out), survey):
        return None
    return plan.record_no_change(Path(out), survey, started_at=started_at, started=clock)


def _run_flow(parameters: dict, server, runner: str, dask_address: str | None) -> dict:
    import logging

    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        temporary_settings,
    )

    from .flows.pipeline import tipdiff_run

    for name in ("prefect.flow_runs", "prefect.task_runs"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoTracebackForTipdiffErrors) for f in logger.filters):
            logger.addFilter(_NoTracebackForTipdiffErrors())
    flow_fn = tipdiff_run
    if runner == "dask":
        from prefect_dask import DaskTaskRunner

        task_runner = (
            DaskTaskRunner(address=dask_address)
            if dask_address
            else DaskTaskRunner(cluster_kwargs={"n_workers": 2, "threads_per_worker": 1})
        )
        flow_fn = tipdiff_run.with_options(task_runner=task_runner)
    unknown = sorted(set(parameters) - set(inspect.signature(tipdiff_run.fn).parameters))
    if unknown:
        raise UsageError(f"{', '.join(unknown)}: not an option of run")
    updates: dict = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    if server is not None:
        timeout = float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", 120))
        updates[PREFECT_API_URL] = server.wait_ready(timeout)
    with temporary_settings(updates=updates):
        try:
            return flow_fn(**parameters)
        finally:
            if server is not None:
                server.drain_prefect()


class _NoTracebackForTipdiffErrors:
    """A logging filter: Prefect logs a traceback with every failed flow or task run.
    tipdiff's own errors say where and what was expected and are reported as such: their
    tracebacks are noise."""

    def filter(self, record) -> bool:
        if record.exc_info and isinstance(record.exc_info[1], TipdiffError):
            record.exc_info = None
            record.exc_text = None
        return True


# --------------------------------------------------------------------------- load, show


def load(
    out: PathLike = "data/processed",
    tables: Iterable[str] | None = None,
    *,
    manifest: bool = True,
) -> PublishedSet:
    """One published set, read consistently: `current` is resolved once and every table
    comes from the set it names, even while a run publishes a new one. Returns a
    `PublishedSet`: `.tables` (pandas DataFrames keyed by table name, from the Parquet files:
    every value exact, lists as lists), `.manifest` (the run's manifest.json) and `.folder`.
    `tables`: the names to read (default: every table the set has). Raises NotPublished
    (no published set in `out`, or a table that cannot be read).

    >>> import tipdiff
    >>> published = tipdiff.load(out)
    >>> sorted(published.tables)  # doctest: +NORMALIZE_WHITESPACE
    ['changes', 'errors', 'evidence', 'lineage', 'panel', 'recommendations', 'sentences',
     'stock_asks', 'tiers', 'warnings']
    >>> panel = published.tables["panel"]
    >>> panel[panel["country"] == "Sylvania"][["year", "tier", "tier_number", "tier_change"]]
       year               tier  tier_number tier_change
    7  2022  Tier 2 Watch List            3        <NA>
    8  2023  Tier 2 Watch List            3    remained
    9  2024             Tier 3            4  downgraded
    >>> published.manifest["counts"]["recommendations"]
    49
    """
    import re

    from .publish import load as load_set

    if tables is not None:
        tables = list(tables)
        bad = [t for t in tables if not isinstance(t, str) or not re.fullmatch(r"[a-z][a-z_]*", t)]
        if bad:
            raise UsageError(f"tables {bad!r}: expected table names such as 'changes' or 'panel'")
    return load_set(Path(out), tables, manifest=manifest)


def show(country: str, out: PathLike | PublishedSet = "data/processed") -> dict:
    """One country's whole history from a published set, as `tipdiff show --json` prints
    it: names and codes, every year's tier row, every year pair (as `diff` gives them), the
    latest year's recommendations and the warnings. `country`: a name (the standard one or
    the report's) or an ISO3 code, in any case. `out`: the output folder of a run, or a set
    `load` returned. Raises UsageError for an empty or unknown country (the message names
    the countries there are) and NotPublished.

    >>> import tipdiff
    >>> history = tipdiff.show("sylvania", out)
    >>> [(t["year"], t["tier"]) for t in history["tiers"]]
    [(2022, 'Tier 2 Watch List'), (2023, 'Tier 2 Watch List'), (2024, 'Tier 3')]
    >>> [(p["from_year"], p["to_year"], p["counts"]["dropped"]) for p in history["pairs"]]
    [(2022, 2023, 1), (2023, 2024, 1)]
    """
    from .publish import PublishedSet
    from .render.escape import terminal_safe as terminal

    if not country.strip():
        raise UsageError("COUNTRY is empty: expected a country name or ISO3 code")
    published = (
        out
        if isinstance(out, PublishedSet)
        else load(
            out, ("tiers", "changes", "evidence", "recommendations", "warnings"), manifest=False
        )
    )
    data = _show_data(published, country)
    if data is None:
        known = sorted(set(published.tables["tiers"]["country"]))
        where = published.folder if isinstance(out, PublishedSet) else out
        raise UsageError(
            f"no country {terminal(country)!r} in {where}: expected a name or ISO3 code of "
            f"one of: {', '.join(map(terminal, known))}"
        )
    return data


def _show_data(published: PublishedSet, wanted: str) -> dict | None:
    """One country's history from a published set's tables (records' vocabulary), or None
    if it is not there."""
    from .countries import country_in
    from .records import frame_rows, item_object, pair_object

    country = country_in(published.tables["tiers"], wanted)
    if country is None:
        return None

    def rows(name: str) -> list[dict]:
        df = published.tables[name]
        return frame_rows(df[df["country"] == country])

    tier_rows = sorted(rows("tiers"), key=lambda r: r["year"])
    by_year = {t["year"]: t for t in tier_rows}
    pairs: dict[tuple[int, int], list] = {}
    for r in rows("changes"):
        pairs.setdefault((r["from_year"], r["to_year"]), []).append(r)
    said: dict[tuple[int, int], list] = {}
    for r in rows("evidence"):
        said.setdefault((r["from_year"], r["to_year"]), []).append(r)
    latest = tier_rows[-1]
    recs = sorted(
        (r for r in rows("recommendations") if r["year"] == latest["year"]),
        key=lambda r: r["number"],
    )
    warnings = sorted(rows("warnings"), key=lambda r: (r["year"], r["source"]))
    return {
        "country": country,
        "country_code": latest["country_code"],
        "country_in_report": latest["country_in_report"],
        "tiers": tier_rows,
        "pairs": [
            pair_object(by_year[a], by_year[b], rs, said.get((a, b), ()))
            for (a, b), rs in sorted(pairs.items())
        ],
        "recommendations": [
            item_object(r["number"], r["text"], truncated=r["truncated"]) for r in recs
        ],
        "warnings": [
            {"year": w["year"], "source": w["source"], "message": w["message"]} for w in warnings
        ],
    }
