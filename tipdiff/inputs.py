"""Local inputs: the inventory of raw files, and reading them into parse results. No Prefect.

`data/raw` is only ever read here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from .model import InputError, ParseResult
from .parse import parse_bytes
from .read import sha256_bytes


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    sha256: str
    size: int
    folder_year: int | None


def inventory(*roots: Path) -> tuple[SourceFile, ...]:
    """Every file below the roots (sorted), with its sha256. Reads, never writes. No file is
    skipped for its name (only the folder's README and hidden files): what is not a narrative
    becomes an error that says so, rather than disappearing."""
    out = []
    for root in roots:
        if not root.exists():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file():
                continue
            if path.name.lower() == "readme.md" or any(p.startswith(".") for p in path.parts):
                continue
            data = path.read_bytes()
            years = [
                int(p)
                for p in path.relative_to(root).parts[:-1]
                if re.fullmatch(r"(?:19|20)\d\d", p)
            ]
            out.append(
                SourceFile(
                    str(path),
                    sha256_bytes(data),
                    len(data),
                    years[-1] if years else None,
                )
            )
    return tuple(out)


def parse_paths(
    paths: Sequence[str], *, expected_sha256: Mapping[str, str] | None = None, **parse_kwargs
) -> ParseResult:
    """Read and parse files. A file that cannot be read, or (with `expected_sha256`) changed
    since it was inventoried, is an error entry naming it, never a crash."""
    docs, errors = [], []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            errors.append(InputError(path, f"{path}: cannot read the file: {exc.strerror or exc}"))
            continue
        if expected_sha256 is not None and sha256_bytes(data) != expected_sha256[path]:
            errors.append(
                InputError(
                    path,
                    f"{path}: the file changed while the run was reading it; "
                    "expected it to stay as inventoried: run again",
                )
            )
            continue
        result = parse_bytes(data, source=path, **parse_kwargs)
        docs += result.documents
        errors += result.errors
    return ParseResult(tuple(docs), tuple(errors))


def parse_files(files: tuple[SourceFile, ...]) -> ParseResult:
    """Parse a batch of inventoried files."""
    return parse_paths([f.path for f in files], expected_sha256={f.path: f.sha256 for f in files})
