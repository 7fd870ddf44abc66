"""What a run may take from the published set: only files the set's own manifest vouches for.

The reuse indexes (`blocks.json`, `reports/sections.json`, `lineage_checks.json`) say where
the published set holds parts that the next run can copy instead of making them again. An
index that was edited, swapped or damaged after its set was published would have the run
copy the wrong parts (and record them again, so the damage would last). So an index is used
only when its bytes have the sha256 that the manifest of the same set records for it; any
other index, or none, or a set without a readable manifest, offers nothing, and the run
makes everything itself. No Prefect, no writing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST = "manifest.json"


def vouched_bytes(root: Path | None, name: str) -> bytes | None:
    """The bytes of `root/name` if the manifest in `root` lists that file with exactly their
    sha256 (its `outputs`); otherwise None."""
    if root is None:
        return None
    try:
        outputs = json.loads((root / MANIFEST).read_bytes()).get("outputs") or {}
        expected = outputs.get(name)
        data = (root / name).read_bytes()
    except (OSError, ValueError, AttributeError):
        return None
    if not isinstance(expected, str) or hashlib.sha256(data).hexdigest() != expected:
        return None
    return data
