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
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.futures import as_completed
from tipdiff.tasks import pipeline as t
from tipdiff.tasks.pipeline import Payload

from tipdiff import plan, publish
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
    overrides_default: str | None = None,
    notify: str | None = None,
    base_url: str | None = None,
) -> dict:
    """Parse everything in `raw` (and fetched snapshots), align each country's consecutive
    years, and publish tables, reports and a manifest into `out` as one set. `config` holds
    aligner settings (tipdiff.align.AlignConfig fields) that differ from the defaults;
    `overrides` is a reviewer overrides CSV (tipdiff.review); without it,
    `overrides_default` is used when that file exists when the run starts (what `tipdiff
    serve` passes: the default file, looked for at each scheduled run as `run` looks for it).
    `notify` is a webhook URL that gets the run's digest (what is new in the set) after
    publishing, when there is news.
    `base_url` is the http(s) address where `out`/reports/ is served (the feeds' links
    are then absolute).

    A parse batch (a report year) or an alignment batch (a year pair) that fails becomes
    error rows naming its files; everything else is published. A run that finds no input
    file, or no usable narrative where results are already published, publishes nothing
    and raises publish.NothingToPublish, unless `allow_empty`."""
    started_at, clock = plan.now(), time.perf_counter()
    log = get_run_logger()  # INFO: shown by `tipdiff serve`, quiet in `tipdiff run`
    log.info("tipdiff run started: reading %s, publishing to %s", raw, out)
    timings: dict[str, float] = {}
    cfg = AlignConfig.from_dict(config)
    config = cfg.to_dict()  # every setting, for keys and manifest
    if overrides is None and overrides_default and Path(overrides_default).is_file():
        overrides = overrides_default
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
        survey = plan.survey(
            Path(raw),
            Path(snapshots),
            Path(out),
            overrides=overrides,
            config=cfg,
            errors=errors,
            settings={"base_url": base_url},
        )
        if plan.nothing_to_do(Path(out), survey):
            log.info("tipdiff run: no change since the published set in %s; nothing to do", out)
            return plan.record_no_change(
                Path(out), survey, started_at=started_at, started=clock
            )
        files, errors, previous = survey.files, list(survey.errors), survey.previous
        by_year = plan.year_batches(files)
        bar = _Progress(len(by_year), progress)
        parse_futures = {t.parse_year.submit(batch): batch for batch in by_year.values()}
        documents = []
        for fut in as_completed(list(parse_futures)):
            fut.wait()  # records the final state (the API does not keep task states here)
            if fut.state.is_completed():
                result = t.unpacked(fut.result())
                documents += result.documents
                errors += result.errors
            else:
                errors += plan.parse_failed(
                    parse_futures[fut], fut.state.result(raise_on_failure=False)
                )
            bar.step("parsing")
        cache = {"parse": plan.cache_counts([f.state for f in parse_futures])}
        failed = any(not f.state.is_completed() for f in parse_futures)
        del parse_futures  # their states hold the packed results: the objects are unpacked
        documents, duplicates = t.dedupe(Payload(documents))
        errors += duplicates
        timings["parse"] = time.perf_counter() - clock - sum(timings.values())
        publish.refuse_empty(
            files_found=len(files) + len(survey.unreadable),
            documents=len(documents),
            previous_manifest=previous,
            raw=raw,
            out=out,
            errors=tuple(e.message for e in plan.sorted_errors(errors)),
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
                errors += plan.align_failed(pairs, fut.state.result(raise_on_failure=False))
        bar.close()
        cache["align"] = plan.cache_counts([f.state for f in align_futures])
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
        errors = plan.sorted_errors(errors)
        tables = t.build_tables(Payload(histories), Payload(errors), Payload(review_notes))
        digest, digest_files = t.make_digest(
            Payload(tables), Payload(histories), published, started_at, config
        )
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
            more=Payload(digest_files),
            overrides=plan.overrides_summary(reviewed, review_notes),
            code_revision=t.code_revision(),
            timings=timings,
            cache=cache,
            previous=previous,
            started_at=started_at,
            # a batch that failed may succeed next time: no fingerprint, no short-circuit
            fingerprint=None if failed else survey.fingerprint,
        )
        t.publish_artifacts(summary, Payload(tables["tiers"]))
    # After publishing, outside the lock: a slow or broken webhook never holds up a run or
    # what it published, and a run that brought nothing new posts nothing.
    delivery = None
    for u in digest["not_read"]:
        log.warning("tipdiff run: digest: not read from the previous set: %s: %s",
                    u["file"], u["problem"])
    if notify and digest["changed"]:
        delivery = t.notify_webhook(notify, digest_files["digest.json"])
        log.info("tipdiff run: digest to %s: %s", delivery["url"], delivery["message"])
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
        "digest": {k: digest[k] for k in ("changed", "scope", "not_read", "counts")},
        "notified": delivery,
    }
