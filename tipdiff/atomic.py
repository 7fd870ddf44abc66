"""Write files into a folder so that each file is whole: staged, flushed, moved. No Prefect.

Each file is atomic, the set is not: this suits web snapshots (every snapshot has a new
name). A run's outputs are published as one set by `publish`, which switches versions.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Mapping
from pathlib import Path


def write_atomically(out: Path, files: Mapping[str, bytes], *, last: str | None = None) -> None:
    """Publish `files` (name -> bytes) into `out`; `last` (the manifest) is moved in last."""
    out.mkdir(parents=True, exist_ok=True)
    clean_stale_staging(out)
    staging = out / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        for name, data in files.items():
            path = staging / name  # a name may hold sub-folders: reports/feeds/PER.xml
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        order = [n for n in files if n != last] + ([last] if last in files else [])
        for name in order:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
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
