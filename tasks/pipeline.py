"""Thin Prefect tasks: one core call each. Retries and caching live here, nowhere else.

Only IO tasks retry. The two expensive steps (parsing a year, aligning a year pair) are
cached across runs on content hashes plus the code version that produced them. Every other
task says NO_CACHE: Prefect's default policy hashes all inputs, which for a whole corpus
of narratives and tables cost seconds per run (measured: 8.1 s of a 19.7 s run).

The two CPU-bound steps take turns within a process (tasks/cpu.py). Tasks import the heavy
core modules (pandas, scipy, Jinja2 behind them) when they run, so a run that stops at the
no-change check never loads them.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import time
from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE
from tipdiff.tasks import cpu

from tipdiff import inputs, manifest, publish, read, web
from tipdiff.align import ALIGNER_VERSION, AlignConfig
from tipdiff.model import InputError
from tipdiff.parse import PARSER_VERSION


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


# The two cached steps return their result pickled, as one bytes value (`packed`), and the
# flow unpacks it once (`unpacked`). Prefect answers "is it cached?" by reading and
# deserializing the whole record, then reads and deserializes it again to use it: with
# 50,000 narratives' and changes' objects inside, that was about 1 s per load of the full
# history, twice; a bytes value costs next to nothing to load, twice or not. It also keeps
# Dask from pickling the objects again between processes. RESULT_FORMAT is in the keys: a
# record of another shape is never taken for one of these.
RESULT_FORMAT = "packed3"


def packed(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def unpacked(result: bytes):
    """A cached step's result as objects (see RESULT_FORMAT)."""
    return pickle.loads(result)


def parse_cache_key(_context, parameters) -> str:
    files = _unboxed(parameters["files"])
    return f"tipdiff-parse-{PARSER_VERSION}-{RESULT_FORMAT}-" + _digest(
        [(f.path, f.sha256) for f in files]
    )


class Payload:
    """An opaque box for large task arguments. Prefect does not walk into it looking for
    futures (it would visit every nested object), and Dask does not take it apart."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


def _unboxed(value):
    return value.value if isinstance(value, Payload) else value


def align_cache_key(_context, parameters) -> str:
    pairs = _unboxed(parameters["pairs"])
    content = [
        [(d.key, d.year, d.country, d.tier, [r.text for r in d.recommendations]) for d in pair]
        for pair in pairs
    ]
    return f"tipdiff-align-{ALIGNER_VERSION}-{RESULT_FORMAT}-" + _digest(
        [parameters["config"], content]
    )


def _is_transient(_task, _task_run, state) -> bool:
    try:
        state.result()
    except web.FetchError as exc:
        return exc.transient
    except Exception:  # noqa: BLE001 - anything else is not worth a retry
        return False
    return False


@task(
    name="fetch-page",
    retries=3,
    retry_delay_seconds=[0.5, 1, 2],
    retry_condition_fn=_is_transient,
    cache_policy=NO_CACHE,
)
def fetch_page(url: str, timeout: float) -> bytes:
    return web.fetch_page(url, timeout=timeout)


@task(name="save-snapshot", retries=2, retry_delay_seconds=0.5, cache_policy=NO_CACHE)
def save_snapshot(root: str, source: web.WebSource, data: bytes) -> dict:
    return web.save_snapshot(Path(root), source, data)


@task(name="parse-year", cache_key_fn=parse_cache_key, persist_result=True)
def parse_year(files: tuple[inputs.SourceFile, ...]) -> bytes:
    """The year's ParseResult, packed (RESULT_FORMAT)."""
    fixed_mmap_threshold()
    with cpu.TURN:  # one CPU-bound step at a time (tasks/cpu.py)
        return packed(inputs.parse_files(files))


@task(name="dedupe", cache_policy=NO_CACHE)
def dedupe(documents: Payload):
    from tipdiff import corpus

    return corpus.dedupe(documents.value)


@task(name="align-year-pair", cache_key_fn=align_cache_key, persist_result=True)
def align_year_pair(pairs: Payload, config: dict) -> bytes:
    """The pair's CountryDiffs, packed (RESULT_FORMAT)."""
    from tipdiff import corpus

    fixed_mmap_threshold()
    with cpu.TURN:  # one CPU-bound step at a time (tasks/cpu.py)
        return packed(corpus.align_batch(pairs.value, config=AlignConfig.from_dict(config)))


@task(name="share-texts", cache_policy=NO_CACHE)
def share_texts(documents: Payload, diffs: Payload):
    from tipdiff import corpus

    return corpus.share_texts(documents.value, diffs.value)


@task(name="read-overrides", retries=2, retry_delay_seconds=0.5, cache_policy=NO_CACHE)
def read_overrides(path: str | None) -> dict:
    """The reviewer overrides file: its rows, bad rows as errors, and its sha256."""
    from tipdiff import review

    if not path:
        return {"path": None, "sha256": None, "overrides": (), "errors": ()}
    try:
        data = Path(path).read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problem = f"{path}: cannot read the overrides file ({exc}): expected a UTF-8 CSV"
        return {
            "path": path,
            "sha256": None,
            "overrides": (),
            "errors": (InputError(path, problem),),
        }
    rows, errors = review.read_overrides(text, source=path)
    return {"path": path, "sha256": read.sha256_bytes(data), "overrides": rows, "errors": errors}


@task(name="apply-overrides", cache_policy=NO_CACHE)
def apply_overrides(diffs: Payload, overrides: Payload, config: dict):
    from tipdiff import corpus

    return corpus.apply_reviews(diffs.value, overrides.value, config=AlignConfig.from_dict(config))


@task(name="history", cache_policy=NO_CACHE)
def history(documents: Payload, diffs: Payload, config: dict, published: str | None = None):
    """Each country's history, and the reinstatement checks behind its lineage (answers
    of the `published` set's checks are reused: lineage.Checks)."""
    from tipdiff import corpus, lineage

    cfg = AlignConfig.from_dict(config)
    checks = lineage.Checks.load(Path(published) if published else None, cfg)
    return corpus.histories(documents.value, diffs.value, config=cfg, checks=checks), checks


@task(name="tables", cache_policy=NO_CACHE)
def build_tables(histories: Payload, errors: Payload, notes: Payload):
    from tipdiff import tables

    use_system_allocator_for_arrow()  # before the run's first Arrow allocation
    built = tables.build_tables(histories.value, errors.value, notes.value)
    _release()
    return built


def use_system_allocator_for_arrow() -> None:
    """Arrow's default pool (mimalloc) keeps what tables and Parquet files freed; the
    system allocator gives it back (measured on the 190 x 24 history, core alone: peak RSS
    460 -> 414 MiB, same bytes out)."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def fixed_mmap_threshold() -> None:
    """glibc serves a block of 128 KiB or more with mmap, in pages of its own that go back to
    the system when freed, but raises that threshold each time such a block is freed (up to
    32 MiB). After the first packed results, the pickles and result records of about a MiB
    each came from the heap, which cannot give them back whole. A fixed threshold keeps
    them in pages of their own (measured on the 190 x 24 history, cold run: peak RSS 570 ->
    510 MiB). Called by the first CPU-bound tasks of a run (the setting is per process)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD
    except (OSError, AttributeError):  # not glibc
        pass


def _release() -> None:
    """Give memory that big steps let go back to the system (glibc keeps freed small blocks
    otherwise, and a run's peak memory grows with every step that builds rows or text).
    No gc.collect(): the corpus's objects hold no cycles and go when their last reference
    does; a full collection over them took about 0.15 s a call and changed no peak (cold
    run on 190 x 24: 570 MiB without, 573 MiB with)."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to trim
        pass


@task(name="reports", cache_policy=NO_CACHE)
def build_reports(
    histories: Payload,
    errors: Payload,
    notes: Payload,
    config: dict,
    published: str | None = None,
    base_url: str | None = None,
) -> tuple:
    """The report site (every page's view, each page rendered when published; unchanged
    year-pair sections and feed entries are taken from the `published` set) and the
    Markdown summary for the artifact."""
    from tipdiff.render import pages

    site = pages.site(
        histories.value,
        errors.value,
        config=AlignConfig.from_dict(config),
        notes=notes.value,
        published=Path(published) if published else None,
        base_url=base_url,
    )
    return site, site.summary()


@task(name="digest", cache_policy=NO_CACHE)
def make_digest(
    tables_: Payload, histories: Payload, published: str | None, made_at: str, config: dict
) -> tuple[dict, dict[str, bytes]]:
    """What is new in this set against the `published` one (tipdiff.digest), and its files
    (digest.json, the page, the global feed with the previous set's entries)."""
    from tipdiff import digest
    from tipdiff.render.digests import digest_files
    from tipdiff.render.view import page_names

    previous, feed, not_read = digest.read_previous(Path(published) if published else None)
    stems = page_names(histories.value)
    pages = {h.country: f"{stems[h.key]}.html" for h in histories.value}
    d = digest.build_digest(
        tables_.value,
        previous,
        pages=pages,
        made_at=made_at,
        previous_set=Path(published).name if published and previous is not None else None,
        not_read=not_read,
    )
    return d, digest_files(d, feed, config=AlignConfig.from_dict(config))


@task(name="notify", cache_policy=NO_CACHE)
def notify_webhook(url: str, body: bytes) -> dict:
    """Post the digest to the webhook (tipdiff.notify: retries within one deadline; never
    raises)."""
    from tipdiff import notify

    return notify.post_json(url, body).to_dict()


@task(name="code-revision", cache_policy=NO_CACHE)
def code_revision() -> str:
    return manifest.code_revision(Path(__file__).resolve().parent.parent)


@task(name="year-pairs", cache_policy=NO_CACHE)
def year_pairs_of(documents: Payload):
    from tipdiff import corpus

    return corpus.year_pairs(documents.value)


@task(name="publish", retries=2, retry_delay_seconds=0.5, cache_policy=NO_CACHE)
def publish_outputs(
    out: str,
    tables_: Payload,
    reports: Payload,
    sources: Payload,
    config: dict,
    checks: Payload,
    published: str | None = None,
    more: Payload | None = None,
    **kwargs,
) -> dict:
    """Write every output into a new set one file at a time (report pages are rendered
    here, one by one), then the manifest (made from their hashes), and switch to the set.
    `checks`: the run's reinstatement checks (lineage.Checks), published for the next run;
    table blocks the `published` set holds are reused (tipdiff.blocks). Returns the
    manifest."""
    from tipdiff.blocks import Blocks
    from tipdiff.lineage import CHECKS_INDEX

    _release()  # the flow has let the corpus go: make room before the outputs are made
    made: dict = {}
    started = time.perf_counter()
    blocks = Blocks(Path(published) if published else None)
    extra = {CHECKS_INDEX: checks.value.to_json(), **(more.value if more else {})}

    def make_manifest(hashes: dict[str, str]) -> dict:
        timings = {**kwargs.pop("timings"), "render_and_write": time.perf_counter() - started}
        c = checks.value
        reused = {
            "lineage_checks": {"computed": c.computed, "reused": c.reused},
            "table_blocks": {"computed": blocks.written, "reused": blocks.reused},
        }
        sections = getattr(reports.value, "sections", None)
        if sections is not None:  # counted while the pages were made
            reused["page_parts"] = {"computed": sections.rendered, "reused": sections.reused}
        kwargs["cache"] = {**kwargs["cache"], **reused}
        made.update(
            manifest.build_manifest(
                sources=sources.value,
                tables=tables_.value,
                output_hashes=hashes,
                config=AlignConfig.from_dict(config),
                timings=timings,
                **kwargs,
            )
        )
        return made

    cfg = AlignConfig.from_dict(config)
    files = publish.iter_output_files(tables_.value, reports.value, blocks, extra, cfg)
    names = publish.output_names(tables_.value, reports.value, extra, cfg)
    publish.publish_streamed(Path(out), names, files, make_manifest)
    return made


@task(name="artifacts", cache_policy=NO_CACHE)
def publish_artifacts(summary_markdown: str, tiers: Payload) -> None:
    df = tiers.value
    rows = df.astype(object).where(df.notna(), None).to_dict(orient="records")
    create_markdown_artifact(
        summary_markdown, key="tipdiff-summary", description="tipdiff run summary"
    )
    create_table_artifact(rows, key="tipdiff-tiers", description="tier per country and year")
