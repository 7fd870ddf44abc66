"""Atomic output store, run lock, and serialization of the tables. No Prefect here.

Every output is first written completely into a staging folder inside --out (same file
system), flushed to disk, then moved into place with os.replace, the manifest last. A crash
at any point leaves each published file whole: either the previous version or the new one.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from .model import TipdiffError

LOCK_NAME = ".tipdiff.lock"


class LockBusy(TipdiffError):
    """Another run holds the output folder's lock."""


def table_files(name: str, df: pd.DataFrame) -> dict[str, bytes]:
    """Parquet, CSV and JSON Lines bytes of one table (deterministic for equal frames)."""
    pq = io.BytesIO()
    df.to_parquet(pq, index=False, engine="pyarrow")
    csv = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    jsonl = df.to_json(orient="records", lines=True, force_ascii=False).strip("\n")
    jsonl = (jsonl + "\n" if jsonl else "").encode("utf-8")
    return {f"{name}.parquet": pq.getvalue(), f"{name}.csv": csv, f"{name}.jsonl": jsonl}


def output_files(
    tables: Mapping[str, pd.DataFrame], reports: Mapping[str, str]
) -> dict[str, bytes]:
    """Every published file except the manifest, as bytes."""
    from .tables import json_schema

    files: dict[str, bytes] = {}
    for name, df in tables.items():
        files.update(table_files(name, df))
    files["schema.json"] = (json.dumps(json_schema(), indent=2) + "\n").encode("utf-8")
    files.update({name: text.encode("utf-8") for name, text in reports.items()})
    return files


def publish(out: Path, files: Mapping[str, bytes], manifest: Mapping) -> None:
    """Write the outputs atomically, the manifest (which lists their hashes) last."""
    data = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write_atomically(out, {**files, "manifest.json": data}, last="manifest.json")


def write_atomically(out: Path, files: Mapping[str, bytes], *, last: str | None = None) -> None:
    """Publish `files` (name -> bytes) into `out`; `last` (the manifest) is moved in last."""
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(out)
    staging = out / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        for name, data in files.items():
            path = staging / name
            with open(path, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        order = [n for n in files if n != last] + ([last] if last in files else [])
        for name in order:
            os.replace(staging / name, out / name)
        dir_fd = os.open(out, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def clean_stale_staging(out: Path) -> int:
    """Remove staging folders a killed run left behind (they are never published)."""
    n = 0
    for p in out.glob(".staging-*") if out.exists() else ():
        shutil.rmtree(p, ignore_errors=True)
        n += 1
    return n


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
