"""The run's decisions, as plain functions (no Prefect): what the inputs are, whether there
is anything to do, how files are batched, and what a failed batch costs. The flow
(tipdiff.flows.pipeline) calls these and passes data between tasks; the CLI calls the same
no-change check before it imports Prefect or starts a server, so a run that finds nothing
new ends at the speed of a Python start.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from . import manifest, publish
from .align import AlignConfig
from .inputs import SourceFile
from .model import InputError
from .read import sha256_bytes
from .web import survey_inputs

NO_CHANGE = (
    "no change: inputs, code, settings and overrides are those of this set; nothing was "
    "parsed, aligned or published"
)


@dataclass(frozen=True)
class Survey:
    """The inputs of a run, read and hashed once, and its fingerprint against the published
    set's manifest (`previous`)."""

    files: tuple[SourceFile, ...]
    errors: tuple[InputError, ...]  # the errors given, then the inputs that cannot be read
    unreadable: tuple[InputError, ...]  # the inputs below --raw that cannot be read
    overrides: str | None
    fingerprint: dict
    previous: dict | None


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def file_sha256(path: str | None) -> str | None:
    """The overrides file's hash for the rerun check (an unreadable file never matches)."""
    if not path:
        return None
    try:
        return sha256_bytes(Path(path).read_bytes())
    except OSError as exc:
        return f"unreadable: {exc}"


def survey(
    raw: Path,
    snapshots: Path,
    out: Path,
    *,
    overrides: str | None,
    config: AlignConfig,
    errors: Sequence[InputError] = (),
    settings: Mapping | None = None,
) -> Survey:
    """Every input below `raw` (and fetched snapshots), each read and hashed once, with the
    fingerprint of everything the outputs depend on (`settings`: the run's other settings
    that change what it writes, such as the feeds' base URL)."""
    found = survey_inputs(Path(raw), Path(snapshots))
    all_errors = (*errors, *found.errors)
    settings = {k: v for k, v in (settings or {}).items() if v is not None}
    return Survey(
        files=tuple(found.files),
        errors=tuple(all_errors),
        unreadable=tuple(found.errors),
        overrides=overrides,
        fingerprint=manifest.fingerprint(
            sources=found.files,
            input_errors=all_errors,
            config=config,
            overrides_sha256=file_sha256(overrides),
            settings=settings,
        ),
        previous=publish.read_manifest(Path(out)),
    )


def nothing_to_do(out: Path, s: Survey) -> bool:
    """The published set was made from exactly these inputs, code, settings and overrides,
    and every file it lists still has the sha256 its manifest records."""
    return manifest.unchanged(s.previous, s.fingerprint) and publish.outputs_present(
        Path(out), s.previous
    )


def record_no_change(out: Path, s: Survey, *, started_at: str, started: float) -> dict:
    """Record the check in the published manifest (`last_check`) and give the run's result."""
    seconds = time.perf_counter() - started
    check = {
        "at": started_at,
        "result": NO_CHANGE,
        "fingerprint": s.fingerprint["digest"],
        "seconds": round(seconds, 3),
    }
    publish.record_check(Path(out), s.previous, check)
    return {
        "out": str(out),
        "unchanged": True,
        "counts": s.previous["counts"],
        "cache": {k: {"computed": 0, "cached": 0} for k in ("parse", "align")},
        "errors": publish.published_errors(Path(out)),
        "timings_seconds": {"check": round(seconds, 3)},
        "digest": None,  # nothing new: no digest, nothing to notify
        "notified": None,
    }


def year_batches(files: Sequence[SourceFile]) -> dict[int, tuple[SourceFile, ...]]:
    """Files by the report year their folder names (0: none), in year order: one parse task
    each (Prefect's per-task cost favours few, larger tasks)."""
    by_year: dict[int, list[SourceFile]] = defaultdict(list)
    for f in files:
        by_year[f.folder_year or 0].append(f)
    return {y: tuple(by_year[y]) for y in sorted(by_year)}


def failure(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def parse_failed(files: Sequence[SourceFile], exc: BaseException) -> list[InputError]:
    """Every file of a parse batch that failed: an error row each (nothing else is lost)."""
    return [
        InputError(
            f.path,
            f"{f.path}: parsing the batch of {len(files)} file(s) it belongs to failed "
            f"({failure(exc)}): expected a parse result; this file is left out of the run",
        )
        for f in files
    ]


def align_failed(pairs, exc: BaseException) -> list[InputError]:
    """Every country pair of an alignment batch that failed: an error row naming its files."""
    return [
        InputError(
            b.source,
            f"{a.source} and {b.source}: {b.country} {a.year}->{b.year}: aligning the "
            f"{a.year}->{b.year} year pair failed ({failure(exc)}): the changes between these "
            "years are missing from this run; everything else is published",
        )
        for a, b in pairs
    ]


def cache_counts(states: Sequence) -> dict[str, int]:
    """How many of a step's task states came from the cache."""
    cached = sum(1 for s in states if s.name == "Cached")
    return {"computed": len(states) - cached, "cached": cached}


def sorted_errors(errors: Sequence[InputError]) -> list[InputError]:
    return sorted(errors, key=lambda e: (e.source, e.message))


def overrides_summary(reviewed: Mapping, notes: Sequence) -> dict:
    return {
        "path": reviewed["path"],
        "sha256": reviewed["sha256"],
        "rows": len(reviewed["overrides"]),
        "not_applied": len(notes),
    }
