"""The tipdiff flow: wiring only. Order comes from the data passed between tasks.

One task per report year (parse) and per year pair (align), never per document or per pair
of countries: Prefect's per-task cost and its embedded SQLite server favour few, larger tasks.
Large arguments travel in a Payload box: otherwise Prefect walks every nested object looking
for futures (measured: 25 s of a 33 s profiled run on 1,200 narratives). Prefect's own
quote() is a tuple, which Dask takes apart; the box survives both runners.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed
from tipdiff.tasks import pipeline as t
from tipdiff.tasks.pipeline import Payload

from tipdiff import publish
from tipdiff.align import AlignConfig
from tipdiff.model import InputError
from tipdiff.web import read_sources

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
    config: dict | None = None,
    overrides: str | None = None,
) -> dict:
    """Parse everything in `raw` (and fetched snapshots), align each country's consecutive
    years, and publish tables, reports and a manifest into `out` atomically. `config` holds
    aligner settings (tipdiff.align.AlignConfig fields) that differ from the defaults;
    `overrides` is a reviewer overrides CSV (tipdiff.review)."""
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

        files = t.inventory(raw, snapshots if Path(snapshots).exists() else None)
        by_year = defaultdict(list)
        for f in files:
            by_year[f.folder_year or 0].append(f)
        bar = _Progress(len(by_year), progress)
        parse_futures = [t.parse_year.submit(tuple(by_year[y])) for y in sorted(by_year)]
        documents = []
        for fut in as_completed(parse_futures):
            result = fut.result()
            documents += result.documents
            errors += result.errors
            bar.step("parsing")
        documents, duplicates = t.dedupe(Payload(documents))
        errors += duplicates
        timings["parse"] = time.perf_counter() - clock - sum(timings.values())

        batches = t.year_pairs_of(Payload(documents))
        align_futures = [
            t.align_year_pair.submit(Payload(pairs), config) for pairs in batches.values()
        ]
        bar.extend(len(align_futures))
        for _ in as_completed(align_futures):
            bar.step("aligning")
        diffs = [d for fut in align_futures for d in fut.result()]  # in year order
        bar.close()
        reviewed = t.read_overrides(overrides)
        errors += reviewed["errors"]
        diffs, review_notes = t.apply_overrides(
            Payload(diffs), Payload(reviewed["overrides"]), config
        )
        timings["align"] = time.perf_counter() - clock - sum(timings.values())

        histories = t.history(Payload(documents), Payload(diffs), config)
        errors.sort(key=lambda e: (e.source, e.message))
        tables = t.build_tables(
            Payload(histories), Payload(diffs), Payload(errors), Payload(review_notes)
        )
        reports = t.build_reports(
            Payload(histories), Payload(diffs), Payload(errors), Payload(review_notes), config
        )
        summary = reports.pop("summary.md")  # the artifact's text, not a published file
        files_out = t.output_files(Payload(tables), Payload(reports))
        timings["tables_and_reports"] = time.perf_counter() - clock - sum(timings.values())

        cache = {"parse": _cache_counts(parse_futures), "align": _cache_counts(align_futures)}
        manifest = t.build_manifest(
            sources=Payload(files),
            tables_=Payload(tables),
            outputs=Payload(files_out),
            config=config,
            overrides={
                "path": reviewed["path"],
                "sha256": reviewed["sha256"],
                "rows": len(reviewed["overrides"]),
                "not_applied": len(review_notes),
            },
            code_revision=t.code_revision(),
            timings=timings,
            cache=cache,
            previous=t.previous_manifest(out),
            started_at=started_at,
        )
        t.publish_outputs(out, Payload(files_out), Payload(manifest))
        t.publish_artifacts(summary, Payload(tables["tiers"]))
    c = manifest["counts"]
    log.info(
        "tipdiff run finished: %d narratives of %d countries, %d error(s); results in %s "
        "(pages: %s)",
        c["documents"],
        c["countries"],
        len(errors),
        Path(out).resolve(),
        (Path(out) / "reports" / "index.html").resolve(),
    )
    return {
        "out": out,
        "counts": manifest["counts"],
        "cache": cache,
        "errors": [e.message for e in errors],
        "timings_seconds": manifest["timings_seconds"],
    }
