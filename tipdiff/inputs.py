"""Local inputs: the inventory of raw files, and reading them into parse results. No Prefect.

`data/raw` is only ever read here. What is found below a root is either a file to parse or
an error that names it; nothing is skipped without a word except hidden names (starting
with a dot) *below* the root and the folders' README.md. The root's own path may contain
anything (`../data/raw`, `~/.cache/tip/raw`).

Symbolic links are followed, to files and to folders. A link to nothing (dangling), a link
loop, a folder link that leads back into a folder being read, and anything that is not a
regular file (a FIFO, a socket, a device) are errors. Sizes are checked before reading:
a file larger than its bound (`limits.input_limit`: MAX_INPUT_BYTES, or MAX_PDF_BYTES for a
PDF) is an error and is never read into memory.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .limits import MAX_ITEMS, describe_bytes, input_limit, is_pdf
from .model import InputError, ParseResult
from .parse import parse_bytes
from .read import path_text, sha256_bytes

_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: str
    sha256: str
    size: int
    folder_year: int | None
    # When it was surveyed: parsing checks that the file is still the one that was hashed
    # (size and modification time) instead of hashing it again. Not part of its identity.
    mtime_ns: int | None = field(default=None, compare=False)

    @property
    def name(self) -> str:
        """The path as tables, the manifest and messages write it (read.path_text)."""
        return path_text(self.path)

    def identity(self) -> dict:
        """What the manifest records of a source (and what a rerun compares)."""
        return {
            "path": self.name,
            "sha256": self.sha256,
            "size": self.size,
            "folder_year": self.folder_year,
        }


@dataclass(frozen=True, slots=True)
class Inventory:
    """What was found below the roots: files to parse, and errors for what cannot be."""

    files: tuple[SourceFile, ...] = ()
    errors: tuple[InputError, ...] = ()


class TooLarge(OSError):
    """A file is larger than its bound (limits.input_limit); it was not read."""


def _too_large_message(path, size: int, limit: int, head: bytes) -> str:
    kind = "a PDF" if is_pdf(head) else "a text or HTML input"
    return (
        f"{path_text(path)}: {describe_bytes(size)}, larger than the {describe_bytes(limit)} "
        f"{kind} may have (tipdiff.limits): expected one narrative, or one report; "
        "the file was not read"
    )


def read_bounded(path: str | Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (by default the bound of the
    kind its first bytes show: limits.input_limit, never its name). The size is checked
    before the rest is read, and again while reading (a file may grow). Raises TooLarge or
    OSError."""
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with open(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, f"{_kind(st.st_mode)}, not a regular file")
        head = fh.read(_HEAD)
        if limit is None:
            limit = input_limit(head)
        if st.st_size > limit:
            raise TooLarge(errno.EFBIG, _too_large_message(path, st.st_size, limit, head))
        data = head + fh.read(limit + 1 - len(head))
    if len(data) > limit:
        raise TooLarge(errno.EFBIG, _too_large_message(path, len(data), limit, head))
    return data


_HEAD = 4096  # bytes read first: enough to tell a PDF (tipdiff.limits.is_pdf)


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    ):
        if test(mode):
            return name
    return "not a regular file"


def _link_error(path: Path, exc: OSError) -> InputError:
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    if exc.errno == errno.ELOOP:
        what = (
            f"a symbolic link loop ({path_text(path)} -> {path_text(target)} never reaches a file)"
        )
    elif exc.errno == errno.ENOENT:
        what = f"a symbolic link to {path_text(target)}, which does not exist (a dangling link)"
    else:
        what = (
            f"a symbolic link to {path_text(target)} that cannot be followed "
            f"({exc.strerror or exc})"
        )
    shown = path_text(path)
    return InputError(shown, f"{shown}: {what}: expected a narrative file or a folder of them")


def survey(*roots: Path) -> Inventory:
    """Every file below the roots (sorted by path), with its sha256, and an error for every
    entry that cannot be an input. Reads, never writes."""
    files: list[SourceFile] = []
    errors: list[InputError] = []
    for root in roots:
        if not root.exists():
            continue
        _walk(root, root, frozenset(), files, errors)
    files.sort(key=lambda f: f.path)
    errors.sort(key=lambda e: e.source)
    return Inventory(tuple(files), tuple(errors))


def inventory(*roots: Path) -> tuple[SourceFile, ...]:
    """The files of `survey` only (for callers that report the errors some other way)."""
    return survey(*roots).files


def _walk(root: Path, folder: Path, ancestors: frozenset, files: list, errors: list) -> None:
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        shown = path_text(folder)
        errors.append(
            InputError(
                shown,
                f"{shown}: cannot list the folder ({exc.strerror or exc}): "
                "expected a readable folder of narratives",
            )
        )
        return
    ancestors = ancestors | {(st.st_dev, st.st_ino)}
    for entry in entries:
        if entry.name.startswith("."):
            continue  # hidden below the root (.DS_Store, .git, editors' swap files)
        path = Path(entry.path)
        shown = path_text(path)
        try:
            st = path.stat()  # follows symbolic links
        except OSError as exc:
            if entry.is_symlink():
                errors.append(_link_error(path, exc))
            else:
                errors.append(InputError(shown, f"{shown}: cannot read ({exc.strerror or exc})"))
            continue
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in ancestors:
                errors.append(
                    InputError(
                        shown,
                        f"{shown}: a link back to a folder that contains it (a loop): "
                        "expected a folder of narratives; not followed",
                    )
                )
                continue
            _walk(root, path, ancestors, files, errors)
            continue
        if entry.name.lower() == "readme.md":
            continue
        if not stat.S_ISREG(st.st_mode):
            errors.append(
                InputError(
                    shown,
                    f"{shown}: {_kind(st.st_mode)}: expected a narrative file; not read",
                )
            )
            continue
        try:
            data = read_bounded(path)
        except TooLarge as exc:
            errors.append(InputError(shown, exc.strerror))
            continue
        except OSError as exc:
            errors.append(
                InputError(shown, f"{shown}: cannot read the file: {exc.strerror or exc}")
            )
            continue
        years = [int(p) for p in path.relative_to(root).parts[:-1] if _YEAR.fullmatch(p)]
        files.append(
            SourceFile(
                str(path),
                sha256_bytes(data),
                len(data),
                years[-1] if years else None,
                st.st_mtime_ns if st.st_size == len(data) else None,
            )
        )


def parse_paths(
    paths: Sequence[str],
    *,
    surveyed: Mapping[str, SourceFile] | None = None,
    **parse_kwargs,
) -> ParseResult:
    """Read and parse files. A file that cannot be read, is larger than its bound,
    changed since it was inventoried (with `surveyed`: its size and modification time, so it
    is not hashed again; its hash when the time was not known), holds a narrative with more
    than MAX_ITEMS recommendations, or makes the reader or parser fail in any way is an error
    entry naming it, never a crash: one file never costs the others. Files are named as
    read.path_text writes them."""
    docs, errors = [], []
    for path in paths:
        source = path_text(path)
        try:
            result = _parse_one(path, source, surveyed, parse_kwargs)
        except Exception as exc:  # noqa: BLE001 - one file's failure stays that file's
            why = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            result = ParseResult(
                errors=(
                    InputError(
                        source,
                        f"{source}: reading or parsing this file failed ({why}): expected a "
                        "TIP country narrative; this file is left out, the others are used",
                    ),
                )
            )
        docs += result.documents
        errors += result.errors
    return ParseResult(tuple(docs), tuple(errors))


def _parse_one(path: str, source: str, surveyed, parse_kwargs) -> ParseResult:
    try:
        before = os.stat(path).st_mtime_ns if surveyed is not None else None
        data = read_bounded(path)
    except TooLarge as exc:
        return ParseResult(errors=(InputError(source, exc.strerror),))
    except OSError as exc:
        return ParseResult(
            errors=(InputError(source, f"{source}: cannot read the file: {exc.strerror or exc}"),)
        )
    known = surveyed.get(path) if surveyed is not None else None
    if known is None:
        digest, changed = None, False
    elif known.mtime_ns is not None:
        digest = known.sha256
        changed = (len(data), before) != (known.size, known.mtime_ns)
    else:
        digest = sha256_bytes(data)
        changed = digest != known.sha256
    if changed:
        return ParseResult(
            errors=(
                InputError(
                    source,
                    f"{source}: the file changed while the run was reading it; "
                    "expected it to stay as inventoried: run again",
                ),
            )
        )
    return parse_data(data, source=source, sha256=digest, **parse_kwargs)


def parse_data(data: bytes, *, source: str, sha256: str | None = None, **parse_kwargs):
    """Parse one input's bytes within the bounds every input has: at most the size bound of
    the kind its bytes show (limits.input_limit), and a narrative with more than MAX_ITEMS
    recommendations is an error naming it (the rest of the input is kept). `parse_paths`
    and the API's `parse_text` both come here."""
    limit = input_limit(data[:_HEAD])
    if len(data) > limit:
        message = _too_large_message(source, len(data), limit, data[:_HEAD])
        return ParseResult(errors=(InputError(source, message),))
    result = parse_bytes(data, source=source, sha256=sha256, **parse_kwargs)
    docs, errors = [], []
    for doc in result.documents:
        if len(doc.recommendations) > MAX_ITEMS:
            errors.append(
                InputError(
                    source,
                    f"{source}: {doc.country} {doc.year}: {len(doc.recommendations)} "
                    f"recommendations, more than the {MAX_ITEMS} a narrative may have "
                    "(tipdiff.limits.MAX_ITEMS; real narratives have a few dozen at most): "
                    "expected one country's narrative; this narrative is left out",
                )
            )
        else:
            docs.append(doc)
    return ParseResult(tuple(docs), tuple(errors) + result.errors)


def parse_files(files: tuple[SourceFile, ...]) -> ParseResult:
    """Parse a batch of inventoried files (each was hashed when it was surveyed: once)."""
    return parse_paths([f.path for f in files], surveyed={f.path: f for f in files})
