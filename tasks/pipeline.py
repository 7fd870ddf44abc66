"""Thin Prefect tasks: one core call each. Retries and caching live here, nowhere else.

Only IO tasks retry. The two expensive steps (parsing a year, aligning a year pair) are
cached across runs on content hashes plus the code version that produced them.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from prefect import task
from prefect.artifacts import create_markdown_artifact, create_table_artifact

from tipdiff import corpus, manifest, render, sources, store, tables
from tipdiff.align import DEFAULT_CONFIG
from tipdiff.corpus import ALIGNER_VERSION
from tipdiff.parse import PARSER_VERSION


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()


def parse_cache_key(_context, parameters) -> str:
    files = parameters["files"]
    return f"tipdiff-parse-{PARSER_VERSION}-" + _digest([(f.path, f.sha256) for f in files])


def align_cache_key(_context, parameters) -> str:
    pairs = parameters["pairs"]
    content = [
        [(d.key, d.year, d.country, d.tier, [r.text for r in d.recommendations]) for d in pair]
        for pair in pairs
    ]
    return f"tipdiff-align-{ALIGNER_VERSION}-" + _digest([repr(DEFAULT_CONFIG), content])


def _is_transient(_task, _task_run, state) -> bool:
    try:
        state.result()
    except sources.FetchError as exc:
        return exc.transient
    except Exception:  # noqa: BLE001 - anything else is not worth a retry
        return False
    return False


@task(name="fetch-page", retries=3, retry_delay_seconds=[0.5, 1, 2], retry_condition_fn=_is_transient)
def fetch_page(url: str, timeout: float) -> bytes:
    return sources.fetch_page(url, timeout=timeout)


@task(name="save-snapshot", retries=2, retry_delay_seconds=0.5)
def save_snapshot(root: str, source: sources.WebSource, data: bytes) -> dict:
    return sources.save_snapshot(Path(root), source, data)


@task(name="inventory", retries=2, retry_delay_seconds=0.5)
def inventory(raw: str, snapshots: str | None) -> tuple[sources.SourceFile, ...]:
    found = sources.inventory(Path(raw))
    if snapshots:
        current = sources.current_snapshots(Path(snapshots))
        found += tuple(f for f in sources.inventory(Path(snapshots)) if f.path in current)
    return found


@task(name="parse-year", cache_key_fn=parse_cache_key, persist_result=True)
def parse_year(files: tuple[sources.SourceFile, ...]):
    return sources.parse_files(files)


@task(name="dedupe")
def dedupe(documents):
    return corpus.dedupe(documents)


@task(name="align-year-pair", cache_key_fn=align_cache_key, persist_result=True)
def align_year_pair(pairs):
    return corpus.align_batch(pairs)


@task(name="history")
def history(documents, diffs):
    return corpus.histories(documents, diffs)


@task(name="tables")
def build_tables(histories, diffs, errors):
    return tables.build_tables(histories, diffs, errors)


@task(name="reports")
def build_reports(histories, diffs, errors) -> dict[str, str]:
    return {"report.md": render.markdown_report(histories, diffs, errors),
            "report.html": render.html_report(histories, diffs, errors)}


@task(name="previous-manifest")
def previous_manifest(out: str):
    return store.read_manifest(Path(out))


@task(name="code-revision")
def code_revision() -> str:
    return store.code_revision(Path(__file__).resolve().parent.parent)


@task(name="manifest")
def build_manifest(**kwargs) -> dict:
    return manifest.build_manifest(config=DEFAULT_CONFIG, **kwargs)


@task(name="year-pairs")
def year_pairs_of(documents):
    return corpus.year_pairs(documents)


@task(name="output-files")
def output_files(tables_, reports):
    return store.output_files(tables_, reports)


@task(name="publish", retries=2, retry_delay_seconds=0.5)
def publish(out: str, files: dict[str, bytes], manifest: dict) -> None:
    store.publish(Path(out), files, manifest)


@task(name="artifacts")
def publish_artifacts(summary_markdown: str, rows: list[dict]) -> None:
    create_markdown_artifact(summary_markdown, key="tipdiff-summary", description="tipdiff run summary")
    create_table_artifact(rows, key="tipdiff-tiers", description="tier per country and year")
