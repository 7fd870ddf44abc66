"""Publishing a run's outputs into --out, and the run lock. No Prefect here.

Every output is first written completely into a staging folder inside --out (same file
system), flushed to disk, then moved into place with os.replace, the manifest last. A crash
at any point leaves each published file whole: either the previous version or the new one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .atomic import write_atomically
from .model import TipdiffError
from .tables import json_schema, table_files

LOCK_NAME = ".tipdiff.lock"


class LockBusy(TipdiffError):
    """Another run holds the output folder's lock."""


def output_files(
    tables: Mapping[str, pd.DataFrame], reports: Mapping[str, str | bytes]
) -> dict[str, bytes]:
    """Every published file except the manifest, as bytes."""
    files: dict[str, bytes] = {}
    for name, df in tables.items():
        files.update(table_files(name, df))
    files["schema.json"] = (json.dumps(json_schema(), indent=2) + "\n").encode("utf-8")
    files.update(
        {
            name: text if isinstance(text, bytes) else text.encode("utf-8")
            for name, text in reports.items()
        }
    )
    return files


def publish(out: Path, files: Mapping[str, bytes], manifest: Mapping) -> None:
    """Write the outputs atomically, the manifest (which lists their hashes) last."""
    data = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write_atomically(out, {**files, "manifest.json": data}, last="manifest.json")


@contextmanager
def run_lock(out: Path, *, wait: float) -> Iterator[None]:
    """One run per output folder. Waits up to `wait` seconds, then raises LockBusy."""
    from filelock import FileLock, Timeout

    out.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(out / LOCK_NAME))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise LockBusy(
            f"{out}: another tipdiff run is writing here (lock {out / LOCK_NAME}); "
            f"waited {wait:g} s. Try again when it has finished, or pass --wait SECONDS"
        ) from None
    try:
        yield
    finally:
        lock.release()


def read_manifest(out: Path) -> dict | None:
    try:
        return json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
