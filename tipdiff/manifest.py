"""The run manifest: what went in, with which code and thresholds, what came out. Pure."""

from __future__ import annotations

import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from pathlib import Path

import pandas as pd

from .align import ALIGNER_VERSION, AlignConfig
from .inputs import SourceFile
from .parse import PARSER_VERSION
from .read import sha256_bytes
from .scoring import reference_weights


def counts_from_tables(tables: Mapping[str, pd.DataFrame]) -> dict:
    """What a run produced, read off its tables (one tiers row per narrative)."""
    tiers, changes = tables["tiers"], tables["changes"]
    return {
        "documents": len(tiers),
        "countries": int(tiers["country"].nunique()),
        "recommendations": len(tables["recommendations"]),
        "change_rows": len(changes),
        "changes_by_kind": {
            k: int(v)
            for k, v in changes.drop_duplicates("change_id")["kind"].value_counts().items()
        },
        "errors": len(tables["errors"]),
        "warnings": len(tables["warnings"]),
    }


def build_manifest(
    *,
    sources: Sequence[SourceFile],
    config: AlignConfig,
    overrides: Mapping | None = None,
    code_revision: str,
    tables: Mapping[str, pd.DataFrame],
    timings: Mapping[str, float],
    cache: Mapping[str, Mapping[str, int]],
    outputs: Mapping[str, bytes],
    previous: Mapping | None,
    started_at: str,
) -> dict:
    prev_sources = {s["path"]: s["sha256"] for s in (previous or {}).get("sources", [])}
    now_sources = {s.path: s.sha256 for s in sources}
    inputs_changed = (
        {
            "added": sorted(set(now_sources) - set(prev_sources)),
            "removed": sorted(set(prev_sources) - set(now_sources)),
            "changed": sorted(
                p for p in now_sources if p in prev_sources and prev_sources[p] != now_sources[p]
            ),
        }
        if previous
        else None
    )
    parser_change = None
    if previous and previous.get("parser_version") != PARSER_VERSION:
        parser_change = {
            "from": previous.get("parser_version"),
            "to": PARSER_VERSION,
            "note": "every input was parsed again because the parser changed; this is a change "
            "of tipdiff, not of the reports, and is not counted as an input change",
        }
    return {
        "tool": "tipdiff",
        "started_at": started_at,
        "code_revision": code_revision,
        "parser_version": PARSER_VERSION,
        "aligner_version": ALIGNER_VERSION,
        "thresholds": config.to_dict(),
        "term_weights": reference_weights(config.stock_weight).name,
        "overrides": dict(overrides) if overrides else None,
        "sources": [asdict(s) for s in sources],
        "inputs_changed_since_previous_run": inputs_changed,
        "parser_version_change": parser_change,
        "counts": counts_from_tables(tables),
        "cache": {k: dict(v) for k, v in cache.items()},
        "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
        "outputs": {name: sha256_bytes(data) for name, data in outputs.items()},
    }


def code_revision(where: Path) -> str:
    """The git commit of the code, with '+dirty' for local edits; 'unknown' outside git."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=where, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        if not rev:
            return "unknown"
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=where,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"
