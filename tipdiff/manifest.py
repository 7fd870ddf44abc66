"""The run manifest: what went in, with which code and thresholds, what came out. Pure."""

from __future__ import annotations

import hashlib
import json
import subprocess
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from .align import ALIGNER_VERSION, AlignConfig
from .evidence import EVIDENCE_VERSION, EvidenceSettings
from .inputs import SourceFile
from .model import InputError
from .parse import PARSER_VERSION
from .scoring import reference_weights
from .stock import STOCK_CUTOFF, STOCK_MIN
from .themes import THEMES_VERSION

if TYPE_CHECKING:
    import pandas as pd


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


def _counts(tables: Mapping[str, pd.DataFrame], overrides: Mapping | None) -> dict:
    """counts_from_tables, with the warnings table's rows told apart: the reviewer overrides
    that did not apply, and the rest (the parser's doubts)."""
    counts = counts_from_tables(tables)
    not_applied = int((overrides or {}).get("not_applied") or 0)
    counts["overrides_not_applied"] = not_applied
    counts["parser_warnings"] = counts["warnings"] - not_applied
    return counts


def build_manifest(
    *,
    sources: Sequence[SourceFile],
    config: AlignConfig,
    overrides: Mapping | None = None,
    code_revision: str,
    tables: Mapping[str, pd.DataFrame],
    timings: Mapping[str, float],
    cache: Mapping[str, Mapping[str, int]],
    output_hashes: Mapping[str, str],
    previous: Mapping | None,
    started_at: str,
    fingerprint: Mapping | None = None,
) -> dict:
    prev_sources = {s["path"]: s["sha256"] for s in (previous or {}).get("sources", [])}
    now_sources = {s.name: s.sha256 for s in sources}
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
        "themes_version": THEMES_VERSION,
        "stock_asks": {"cutoff": STOCK_CUTOFF, "min_countries": STOCK_MIN},
        "thresholds": config.to_dict(),
        "term_weights": reference_weights(config.stock_weight).name,
        # which matcher read the later reports' bodies for dropped asks, with its thresholds
        "evidence": evidence_settings(),
        "overrides": dict(overrides) if overrides else None,
        "sources": [s.identity() for s in sources],
        "inputs_changed_since_previous_run": inputs_changed,
        "parser_version_change": parser_change,
        "counts": _counts(tables, overrides),
        "cache": {k: dict(v) for k, v in cache.items()},
        "timings_seconds": {k: round(v, 3) for k, v in timings.items()},
        "outputs": dict(output_hashes),
        "fingerprint": dict(fingerprint) if fingerprint else None,
    }


def evidence_settings() -> dict:
    """The evidence matcher's version and thresholds, as the manifest records them."""
    settings = EvidenceSettings()
    return {"version": settings.version, "config": dict(settings.config)}


# What decides a run's outputs besides the code: a rerun whose fingerprint equals the
# published manifest's has nothing to do (see `unchanged`).
FINGERPRINT_VERSION = 1


def fingerprint(
    *,
    sources: Sequence[SourceFile],
    input_errors: Sequence[InputError],
    config: AlignConfig,
    overrides_sha256: str | None,
    settings: Mapping | None = None,
) -> dict:
    """Everything a run's outputs depend on, as the manifest records it: the inputs (names,
    sizes, hashes, and the inputs that could not be read), the parser, aligner and evidence
    versions, the aligner config, the reviewer overrides file's hash, the run's other settings
    that change what it writes (`settings`, such as the feeds' base URL), and tipdiff's own code
    (a digest of its files, so a new renderer or table layout is never mistaken for no
    change)."""
    listed = [[s.path, s.size, s.sha256] for s in sources]
    parts = {
        "version": FINGERPRINT_VERSION,
        "parser_version": PARSER_VERSION,
        "aligner_version": ALIGNER_VERSION,
        "evidence_version": EVIDENCE_VERSION,
        "config": _digest(config.to_dict()),
        "overrides_sha256": overrides_sha256,
        "settings": _digest(dict(settings or {})),
        "inputs": _digest([listed, sorted([e.source, e.message] for e in input_errors)]),
        "code": code_digest(),
    }
    return {**parts, "digest": _digest(parts)}


def unchanged(previous: Mapping | None, now: Mapping) -> bool:
    """True when the published manifest was made from exactly what this run would use."""
    before = (previous or {}).get("fingerprint") or {}
    return bool(before) and before.get("digest") == now["digest"]


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True).encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """sha256 over tipdiff's source, templates and data (the core, the flows, the tasks)."""
    h = hashlib.sha256()
    for name in ("tipdiff", "tipdiff.flows", "tipdiff.tasks"):
        spec = find_spec(name)
        for folder in (spec.submodule_search_locations or []) if spec else []:
            root = Path(folder)
            for path in sorted(root.rglob("*")):
                if path.suffix in (".py", ".j2", ".json", ".css") and "testing" not in path.parts:
                    h.update(f"{name}/{path.relative_to(root)}".encode())
                    h.update(path.read_bytes())
    return h.hexdigest()


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
