"""The tipdiff flow: wiring only. Order comes from the data passed between tasks.

One task per report year (parse) and per year pair (align), never per document or per pair
of countries: Prefect's per-task cost and its embedded SQLite server favour few, larger tasks.
Large arguments travel in a Payload box: otherwise Prefect walks every nested object looking
for futures (measured: 25 s of a 33 s profiled run on 1,200 narratives). Prefect's own
quote() is a tuple, which Dask takes apart; the box survives both runners.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed
from tipdiff.tasks import pipeline as t
from tipdiff.tasks.pipeline import Payload

from tipdiff import manifest, publish
from tipdiff.align import AlignConfig
from tipdiff.model import InputError
from tipdiff.read import sha256_bytes
from tipdiff.web import read_sources, survey_inputs

FLOW_NAME = "tipdiff-run"


class _Progress:
    """A progress bar on a terminal, silence otherwise."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled and total and sys.stderr.isatty():
            from rich.progress import Progress

            self.bar = Progress(transient=True)
            self.bar.start()
            self.task = self.bar.add_task("tipdiff", total=total)

    def extend(self, more: int) -> None:
        if self.bar:
            self.bar.update(self.task, total=self.bar.tasks[0].total + more)

    def step(self, label: str) -> None:
        if self.bar:
            self.bar.update(self.task, advance=1, description=label)

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


def _failure(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _parse_failed(files, exc: BaseException) -> list[InputError]:
    """Every file of a parse batch that failed: an error row each (nothing else is lost)."""
    return [
        InputError(
            f.path,
            f"{f.path}: parsing the batch of {len(files)} file(s) it belongs to failed "
            f"({_failure(exc)}): expected a parse result; this file is left out of the run",
        )
        for f in files
    ]


def _align_failed(pairs, exc: BaseException) -> list[InputError]:
    """Every country pair of an alignment batch that failed: an error row naming its files."""
    return [
        InputError(
            b.source,
            f"{a.source} and {b.source}: {b.country} {a.year}->{b.year}: aligning the "
            f"{a.year}->{b.year} year pair failed ({_failure(exc)}): the changes between these "
            "years are missing from this run; everything else is published",
        )
        for a, b in pairs
    ]


def _file_sha256(path: str | None) -> str | None:
    """The overrides file's hash for the rerun check (an unreadable file never matches)."""
    if not path:
        return None
    try:
        return sha256_bytes(Path(path).read_bytes())
    except OSError as exc:
        return f"unreadable: {exc}"


def _cache_counts(futures) -> dict[str, int]:
    states = [f.state for f in futures]
    cached = sum(1 for s in states if s.name == "Cached")
    return {"computed": len(states) - cached, "cached": cached}


@flow(name=FLOW_NAME)
def tipdiff_run(
    raw: str = "data/raw",
    out: str = "data/processed",
    sources_file: str | None = None,
    snapshots: str = "data/snapshots",
    wait: float = 300.0,
    fetch_timeout: float = 20.0,
    progress: bool = True,
    allow_empty: bool = False,
    config: dict | None = None,
    overrides: str | None = None,
    base_url: str | None = None,
) -> dict:
    """Parse everything in `raw` (and fetched snapshots), align each country's consecutive
    years, and publish tables, reports and a manifest into `out` as one set. `config` holds
    aligner settings (tipdiff.align.AlignConfig fields) that differ from the defaults;
    `overrides` is a reviewer overrides CSV (tipdiff.review); `base_url` the http(s) address
    where `out`/reports/ is served (the feeds' links are then absolute).

    A parse batch (a report year) or an alignment batch (a year pair) that fails becomes
    error rows naming its files; everything else is published. A run that finds no input
    file, or no usable narrative where results are already published, publishes nothing
    and raises publish.NothingToPublish, unless `allow_empty`."""
    started_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    log = get_run_logger()  # INFO: shown by `tipdiff serve`, quiet in `tipdiff run`
    log.info("tipdiff run started: reading %s, publishing to %s", raw, out)
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    config = AlignConfig.from_dict(config).to_dict()  # every setting, for keys and manifest
    with publish.run_lock(Path(out), wait=wait):
        errors: list[InputError] = []
        if sources_file:
            web, bad_rows = read_sources(Path(sources_file))
            errors += bad_rows
            fetches = [(s, t.fetch_page.submit(s.url, fetch_timeout)) for s in web]
            for s, fut in fetches:
                fut.wait()
                if fut.state.is_completed():
                    t.save_snapshot(snapshots, s, fut.result())
                else:
                    exc = fut.state.result(raise_on_failure=False)
                    errors.append(InputError(s.url, str(exc)))
            timings["fetch"] = time.perf_counter() - clock

        # Before any task: each input is read and hashed once, and when the inputs, the
        # code and the settings are those of the published set, there is nothing to do.
        found = survey_inputs(Path(raw), Path(snapshots))
        files = found.files
        errors += found.errors
        previous = publish.read_manifest(Path(out))
        fingerprint = manifest.fingerprint(
            sources=files,
            input_errors=errors,
            config=AlignConfig.from_dict(config),
            overrides_sha256=_file_sha256(overrides),
            settings={"base_url": base_url},
        )
        if manifest.unchanged(previous, fingerprint) and publish.outputs_present(
            Path(out), previous
        ):
            timings["check"] = time.perf_counter() - clock
            check = {
                "at": started_at,
                "result": "no change: inputs, code, settings and overrides are those of this "
                "set; nothing was parsed, aligned or published",
                "fingerprint": fingerprint["digest"],
                "seconds": round(timings["check"], 3),
            }
            publish.record_check(Path(out), previous, check)
            log.info("tipdiff run: no change since the published set in %s; nothing to do", out)
            return {
                "out": out,
                "unchanged": True,
                "counts": previous["counts"],
                "cache": {k: {"computed": 0, "cached": 0} for k in ("parse", "align")},
                "errors": publish.published_errors(Path(out)),
                "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
            }
        by_year = defaultdict(list)
        for f in files:
            by_year[f.folder_year or 0].append(f)
        bar = _Progress(len(by_year), progress)
        parse_futures = {
            t.parse_year.submit(tuple(by_year[y])): by_year[y] for y in sorted(by_year)
        }
        documents = []
        for fut in as_completed(list(parse_futures)):
            fut.wait()  # records the final state (the API does not keep task states here)
            if fut.state.is_completed():
                result = t.unpacked(fut.result())
                documents += result.documents
                errors += result.errors
            else:
                errors += _parse_failed(
                    parse_futures[fut], fut.state.result(raise_on_failure=False)
                )
            bar.step("parsing")
        cache = {"parse": _cache_counts(parse_futures)}
        failed = any(not f.state.is_completed() for f in parse_futures)
        del parse_futures  # their states hold the packed results: the objects are unpacked
        documents, duplicates = t.dedupe(Payload(documents))
        errors += duplicates
        timings["parse"] = time.perf_counter() - clock - sum(timings.values())
        publish.refuse_empty(
            files_found=len(files) + len(found.errors),
            documents=len(documents),
            previous_manifest=previous,
            raw=raw,
            out=out,
            errors=tuple(e.message for e in sorted(errors, key=lambda e: (e.source, e.message))),
            allow_empty=allow_empty,
        )

        batches = t.year_pairs_of(Payload(documents))
        align_futures = [
            t.align_year_pair.submit(Payload(pairs), config) for pairs in batches.values()
        ]
        bar.extend(len(align_futures))
        for _ in as_completed(align_futures):
            bar.step("aligning")
        diffs = []
        for pairs, fut in zip(batches.values(), align_futures, strict=True):  # in year order
            fut.wait()
            if fut.state.is_completed():
                diffs += t.unpacked(fut.result())
            else:
                errors += _align_failed(pairs, fut.state.result(raise_on_failure=False))
        bar.close()
        cache["align"] = _cache_counts(align_futures)
        failed = failed or any(not f.state.is_completed() for f in align_futures)
        del align_futures, batches
        diffs = t.share_texts(Payload(documents), Payload(diffs))  # one copy of each text
        reviewed = t.read_overrides(overrides)
        errors += reviewed["errors"]
        diffs, review_notes = t.apply_overrides(
            Payload(diffs), Payload(reviewed["overrides"]), config
        )
        timings["align"] = time.perf_counter() - clock - sum(timings.values())

        # the published set's answers to reinstatement checks, table blocks and page sections
        # are reused where unchanged (tipdiff.lineage.Checks, tipdiff.blocks, render.sections)
        published = publish.current_set(Path(out))
        published = str(published) if published else None
        histories, checks = t.history(Payload(documents), Payload(diffs), config, published)
        errors.sort(key=lambda e: (e.source, e.message))
        tables = t.build_tables(Payload(histories), Payload(errors), Payload(review_notes))
        reports, summary = t.build_reports(
            Payload(histories),
            Payload(errors),
            Payload(review_notes),
            config,
            published,
            base_url,
        )
        # The corpus as objects is done with (the pages' views keep what they show): let it
        # go before the outputs are made as bytes.
        del documents, diffs, histories
        timings["lineage_tables_views"] = time.perf_counter() - clock - sum(timings.values())
        manifest_ = t.publish_outputs(
            out,
            Payload(tables),
            Payload(reports),
            sources=Payload(files),
            config=config,
            checks=Payload(checks),
            published=published,
            overrides={
                "path": reviewed["path"],
                "sha256": reviewed["sha256"],
                "rows": len(reviewed["overrides"]),
                "not_applied": len(review_notes),
            },
            code_revision=t.code_revision(),
            timings=timings,
            cache=cache,
            previous=previous,
            started_at=started_at,
            # a batch that failed may succeed next time: no fingerprint, no short-circuit
            fingerprint=None if failed else fingerprint,
        )
        t.publish_artifacts(summary, Payload(tables["tiers"]))
    c = manifest_["counts"]
    log.info(
        "tipdiff run finished: %d narratives of %d countries, %d error(s); results in %s "
        "(pages: %s)",
        c["documents"],
        c["countries"],
        len(errors),
        Path(out).resolve(),
        os.path.abspath(Path(out) / "reports" / "index.html"),
    )
    return {
        "out": out,
        "unchanged": False,
        "counts": manifest_["counts"],
        "cache": manifest_["cache"],  # with what publishing reused from the published set
        "errors": [e.message for e in errors],
        "timings_seconds": manifest_["timings_seconds"],
    }
