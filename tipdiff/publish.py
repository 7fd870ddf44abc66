"""Publishing a run's outputs into --out as one set, the run lock, and the rule that an
empty run never replaces results. No Prefect here.

Layout of --out:

    versions/<id>/          one complete set: tables, reports/, schema.json, manifest.json
    current -> versions/<id>                  the published set (a relative symbolic link)
    changes.csv -> current/changes.csv        one such link per published file
    reports -> current/reports                and per published folder
    .tipdiff.lock                             one run at a time

Publishing a set: every file is written into `versions/.staging-<random>/` and flushed to
disk; the folder is renamed to `versions/<id>` in one step; the top-level links are made
(they point through `current`, so they never need to change); then `current` is switched
to the new version by renaming a fresh link over it. rename(2) replaces a name in one step:
a reader who resolves `current` finds the old set or the new one, never a mix and never
nothing. The set that was replaced is kept until the next run (a reader may still be
reading it); older versions are removed.

A crash or `kill -9` at any point leaves the old set or the new one current and whole. What
a killed run leaves (a staging folder, a version that never became current, a temporary
link) is never visible through `current` and is removed by the next run.

Readers: to read one consistent set, resolve `current` once and read every file from the
folder it names (for example `os.path.realpath("data/processed/current")`). The top-level
paths (`data/processed/changes.csv`, ...) keep working as before: each is always a whole
file of the current set, but two files opened one after the other can straddle a switch.

Folders written by an earlier tipdiff (plain files at the top of --out) are adopted on the
first publish: the files are hard-linked (or copied) into a version that becomes current,
then each is replaced by a link to the same bytes, so the switch to the new set is still
one step.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .model import TipdiffError

if TYPE_CHECKING:
    import pandas as pd

LOCK_NAME = ".tipdiff.lock"
VERSIONS = "versions"
CURRENT = "current"
MANIFEST = "manifest.json"
_DEBRIS = (".staging-", ".current-", ".link-")


class LockBusy(TipdiffError):
    """Another run holds the output folder's lock."""


class PublishError(TipdiffError):
    """The output folder is not in a shape tipdiff can publish into."""


class OutputNotWritable(PublishError):
    """--out cannot be written (read-only, no permission, not creatable)."""


class NothingToPublish(TipdiffError):
    """A run found nothing to publish, and publishing would replace results or hide a
    mistake. Nothing was published. `errors` are the input errors that explain why."""

    def __init__(self, message: str, *, errors: tuple[str, ...] = (), usage: bool = False):
        super().__init__(message)
        self.errors = errors
        self.usage = usage  # the run was pointed at an empty folder (a usage error)


def refuse_empty(
    *,
    files_found: int,
    documents: int,
    previous_manifest: Mapping | None,
    raw: str,
    out: str,
    errors: tuple[str, ...] = (),
    allow_empty: bool = False,
) -> None:
    """Raise NothingToPublish when no input file was found at all, or when no usable
    narrative was found and `out` holds a non-empty publication; unless `allow_empty`."""
    if allow_empty:
        return
    if files_found == 0:
        raise NothingToPublish(
            f"--raw {raw}: no input files found (names starting with a dot and README.md are "
            "not inputs): expected one sub-folder per report year with narrative files; "
            "nothing was published. Pass --allow-empty to publish empty tables anyway",
            errors=errors,
            usage=not errors,
        )
    published = int(((previous_manifest or {}).get("counts") or {}).get("documents") or 0)
    if documents == 0 and published:
        raise NothingToPublish(
            f"no usable narrative in {raw}: {files_found} input file(s), none could be used "
            f"(see the errors); the {published} narratives published in {out} are kept. "
            "Fix the inputs, or pass --allow-empty to replace them with empty tables",
            errors=errors,
        )


def output_files(tables: Mapping[str, pd.DataFrame], reports) -> dict[str, bytes]:
    """Every published file except the manifest, as bytes (`iter_output_files`, whole)."""
    return {
        name: data if isinstance(data, bytes) else b"".join(data)
        for name, data in iter_output_files(tables, reports)
    }


def _reports(reports) -> tuple[list[str], Iterator[tuple[str, str | bytes]]]:
    """Report files given whole (a mapping) or rendered one at a time (an object with
    `names` and `files()`, like tipdiff.render.pages.Site)."""
    if isinstance(reports, Mapping):
        return list(reports), iter(reports.items())
    return list(reports.names), reports.files()


def research_files(tables: Mapping[str, pd.DataFrame], config=None) -> dict[str, Callable]:
    """The files made from the tables for other tools and for spreadsheets, each made when
    called: `panel_wide.csv` (tipdiff.panel), `datapackage.json` (tipdiff.datapackage) and
    `tipdiff.xlsx` (tipdiff.workbook). Only with the panel table (a whole set)."""
    from functools import partial

    from .align import DEFAULT_CONFIG
    from .datapackage import NAME as DATAPACKAGE
    from .datapackage import datapackage_json
    from .panel import WIDE, wide_csv
    from .workbook import NAME as WORKBOOK
    from .workbook import workbook

    if "panel" not in tables:
        return {}
    config = config or DEFAULT_CONFIG
    return {
        WIDE: partial(wide_csv, tables["panel"]),
        DATAPACKAGE: partial(datapackage_json, tables, config=config),
        WORKBOOK: partial(workbook, tables, config=config),
    }


def output_names(
    tables: Mapping[str, pd.DataFrame],
    reports,
    extra: Mapping[str, bytes] | None = None,
    config=None,
) -> list[str]:
    """The names `iter_output_files` yields, in its order."""
    from .blocks import INDEX

    names = [f"{t}.{ext}" for t in tables for ext in ("parquet", "csv", "jsonl")]
    research = list(research_files(tables, config))
    return [*names, INDEX, *(extra or {}), "schema.json", *research, *_reports(reports)[0]]


def iter_output_files(
    tables: Mapping[str, pd.DataFrame],
    reports,
    blocks=None,
    extra: Mapping[str, bytes] | None = None,
    config=None,
) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """The files of `output_files`, made one at a time: a table's CSV and JSON Lines in
    pieces, each report page when its turn comes (for `publish_streamed`: no table is ever
    in memory as a whole text, and never every page at once). `reports`: as `_reports`.
    `blocks` (tipdiff.blocks.Blocks): the published set's table blocks offered for reuse;
    its index of the blocks written follows the tables. `extra`: more files, made already
    (such as lineage_checks.json). `config`: the aligner settings the legends name (the
    workbook's and the data package's bands)."""
    from .blocks import INDEX, Blocks
    from .tables import json_schema, table_pieces

    blocks = blocks or Blocks()
    for name, df in tables.items():
        yield from table_pieces(name, df, blocks)
    yield INDEX, blocks.index()
    yield from (extra or {}).items()
    yield "schema.json", (json.dumps(json_schema(), indent=2) + "\n").encode("utf-8")
    for name, make in research_files(tables, config).items():
        yield name, make()
    for name, text in _reports(reports)[1]:
        yield name, text if isinstance(text, bytes) else text.encode("utf-8")


def publish(out: Path, files: Mapping[str, bytes], manifest: Mapping) -> Path:
    """Publish `files` and the manifest as one new set (see the module docstring). Returns
    the version folder that is now current. The caller holds the run lock."""
    return publish_streamed(out, list(files), iter(files.items()), lambda _hashes: manifest)


def publish_streamed(
    out: Path,
    names: Sequence[str],
    files: Iterator[tuple[str, str | bytes]],
    make_manifest: Callable[[dict[str, str]], Mapping],
) -> Path:
    """`publish`, with the files made one at a time: each is written into the staging
    folder as it comes and let go; the manifest is made last from their sha256
    (`make_manifest(hashes)`) and written into the same set. `names` are the names `files`
    will yield, in order."""
    for name in [*names, MANIFEST]:
        parts = name.split("/")
        if (
            name.startswith("/")
            or any(not part or part.startswith(".") for part in parts)
            or parts[0] in (CURRENT, VERSIONS, LOCK_NAME)
        ):
            raise PublishError(f"{name!r}: not a name tipdiff publishes under")
    tops = sorted({name.split("/")[0] for name in [*names, MANIFEST]})  # files and folders
    out.mkdir(parents=True, exist_ok=True)
    versions = out / VERSIONS
    versions.mkdir(exist_ok=True)
    clean_debris(out)
    _adopt_earlier_layout(out, {*names, MANIFEST})
    replaced = _current_version(out)
    new = _write_version_streamed(versions, names, files, make_manifest)
    for name in tops:  # before the switch: a new name resolves to nothing until then
        _link(out, name)
    _switch(out, new)
    for path in out.iterdir():  # names the new set no longer has
        if path.name not in tops and _is_our_link(path):
            path.unlink()
    for version in versions.iterdir():
        if version.name not in (new.name, replaced):
            shutil.rmtree(version, ignore_errors=True)
    return new


def current_set(out: Path) -> Path | None:
    """The folder of the published set, resolved once (None before the first publish)."""
    name = _current_version(out)
    return out / VERSIONS / name if name else None


class NotPublished(TipdiffError):
    """--out holds no published set, or a table of it cannot be read."""


@dataclass(frozen=True)
class PublishedSet:
    """One published set, read from the folder `current` named when it was resolved (once),
    so its tables and manifest belong together even if a run publishes meanwhile."""

    folder: Path
    manifest: dict
    tables: dict[str, pd.DataFrame]


TABLES = (
    "recommendations",
    "changes",
    "evidence",
    "sentences",
    "stock_asks",
    "tiers",
    "lineage",
    "errors",
    "warnings",
    "panel",
)


def load(
    out: Path,
    tables: Iterable[str] | None = TABLES,
    *,
    manifest: bool = True,
    columns: Mapping[str, Sequence[str]] | None = None,
) -> PublishedSet:
    """The published set in `out`: `tables` (by name; None: every table the set has) as
    DataFrames from their Parquet files, and the manifest (unless `manifest` is false: then
    {}). `columns`: only these columns of the tables it names (a reader that needs a few
    reads a fraction of the bytes). Raises NotPublished with where and what was expected."""
    import pandas as pd  # here, not at import: a no-change rerun never loads pandas

    out = Path(out)
    folder = current_set(out)
    if folder is None:
        if (out / "tiers.parquet").is_file():  # a folder an earlier tipdiff wrote
            folder = out
        else:
            raise NotPublished(
                f"{out}: no published set (no {CURRENT} link, no tables): expected the --out "
                "folder of a finished `tipdiff run`"
            )
    read = {}
    try:
        if manifest:
            read = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NotPublished(
            f"{folder / MANIFEST}: cannot read the manifest ({exc}): expected the JSON a "
            "`tipdiff run` writes"
        ) from None
    if tables is None:  # every table of the set: the known ones in order, then any other
        present = {p.stem for p in folder.glob("*.parquet")}
        tables = [t for t in TABLES if t in present] + sorted(present - set(TABLES))
    frames = {}
    for name in tables:
        path = folder / f"{name}.parquet"
        try:
            wanted = (columns or {}).get(name)
            if wanted:
                import pyarrow.parquet as pq

                missing = [c for c in wanted if c not in pq.read_schema(path).names]
                if missing:
                    raise NotPublished(
                        f"{path}: the {name} table has no column {', '.join(missing)}: it was "
                        "written by an earlier tipdiff; run `tipdiff run` again to rewrite it"
                    )
            frames[name] = pd.read_parquet(path, columns=list(wanted) if wanted else None)
        except NotPublished:
            raise
        except Exception as exc:  # noqa: BLE001 - pyarrow raises many kinds for a bad file
            raise NotPublished(
                f"{path}: cannot read the {name} table ({type(exc).__name__}: {exc}): "
                "expected a Parquet file written by `tipdiff run`; run it again to rewrite it"
            ) from None
    return PublishedSet(folder=folder, manifest=read, tables=frames)


def read_manifest(out: Path) -> dict | None:
    """The manifest of the published set (or of a folder an earlier tipdiff wrote)."""
    folder = current_set(out) or out
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def outputs_present(out: Path, manifest: Mapping) -> bool:
    """Every output the published manifest lists is a file in the current set, with the
    sha256 the manifest records for it (a truncated page, two swapped files, an edited
    table are not "no change": the run publishes a whole set again)."""
    folder = current_set(out)
    if folder is None:
        return False
    outputs = manifest.get("outputs") or {}
    if not isinstance(outputs, Mapping):
        return False
    for name, expected in outputs.items():
        if not isinstance(name, str) or name.startswith("/") or ".." in name.split("/"):
            return False
        try:
            with open(folder / name, "rb") as fh:
                if hashlib.file_digest(fh, "sha256").hexdigest() != expected:
                    return False
        except OSError:
            return False
    return True


def published_errors(out: Path) -> list[str]:
    """The messages of the current set's errors table (errors.jsonl), in its order."""
    folder = current_set(out)
    if folder is None:
        return []
    try:
        lines = (folder / "errors.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    return [json.loads(line)["message"] for line in lines if line.strip()]


def record_check(out: Path, manifest: Mapping, check: Mapping) -> dict:
    """A rerun found nothing changed: add what it checked to the current set's manifest
    (`last_check`), replacing the manifest file in one step; no other file changes."""
    folder = current_set(out)
    if folder is None:
        raise PublishError(f"{out}: no published set to record the check in")
    updated = {**manifest, "last_check": dict(check)}
    data = (json.dumps(updated, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    tmp = folder / f".staging-{uuid.uuid4().hex}-{MANIFEST}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, folder / MANIFEST)
    except BaseException as exc:  # a full disk, a kill: the set keeps its manifest, no debris
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise PublishError(
                f"{out}: cannot record the no-change check in the manifest "
                f"({exc.strerror or exc}): the published set is whole and unchanged; "
                "free some space (or make --out writable) and run again"
            ) from None
        raise
    _fsync_dir(folder)
    return updated


def clean_debris(out: Path) -> int:
    """Remove what killed runs left: staging folders, temporary links. Never visible to
    readers, since nothing links to them."""
    n = 0
    for folder in (out, out / VERSIONS):
        if not folder.is_dir():
            continue
        for p in folder.iterdir():
            if p.name.startswith(_DEBRIS):
                if p.is_dir() and not p.is_symlink():
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    p.unlink(missing_ok=True)
                n += 1
    return n


def _current_version(out: Path) -> str | None:
    try:
        target = os.readlink(out / CURRENT)
    except OSError:
        return None
    head, _, name = target.partition("/")
    return name if head == VERSIONS and name else None


def _is_our_link(path: Path) -> bool:
    try:
        return os.readlink(path) == f"{CURRENT}/{path.name}"
    except OSError:
        return False


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_version(versions: Path, data: Mapping[str, bytes], *, sources: Path | None = None):
    """A complete version folder: staged, flushed, then renamed into place in one step.
    With `sources`, the files are hard-linked (or copied) from that folder instead."""
    staging = versions / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    try:
        for name in data:
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if sources is not None:
                try:
                    os.link(sources / name, path)
                except OSError:
                    shutil.copy2(sources / name, path)
                continue
            with open(path, "wb") as fh:
                fh.write(data[name])
                fh.flush()
                os.fsync(fh.fileno())
        for folder in sorted({(staging / name).parent for name in data}, reverse=True):
            _fsync_dir(folder)
    except BaseException:  # a full disk: no staging folder is left behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = versions / f"{stamp}-{uuid.uuid4().hex[:6]}"
    os.rename(staging, final)
    _fsync_dir(versions)
    return final


def _write_version_streamed(versions: Path, names, files, make_manifest) -> Path:
    """A complete version folder from files made one at a time (see `publish_streamed`):
    staged, flushed, then renamed into place in one step."""
    staging = versions / f".staging-{uuid.uuid4().hex}"
    staging.mkdir()
    hashes: dict[str, str] = {}
    expected = list(names)
    try:
        for name, data in files:
            if not expected or name != expected[0]:
                raise PublishError(f"{name!r}: not the next file announced ({expected[:1]})")
            expected.pop(0)
            hashes[name] = _write_file(staging / name, data)
            del data
        if expected:
            raise PublishError(f"{expected[0]!r}: announced but never made")
        manifest = make_manifest(hashes)
        _write_file(
            staging / MANIFEST,
            (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"),
        )
        for folder in sorted({(staging / name).parent for name in hashes}, reverse=True):
            _fsync_dir(folder)
        _fsync_dir(staging)
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, OSError):  # a full disk: the published set stays as it was
            raise PublishError(
                f"{versions.parent}: writing the new set failed ({exc.strerror or exc}): "
                "the published set is whole and unchanged; free some space (or make --out "
                "writable) and run again"
            ) from None
        raise
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = versions / f"{stamp}-{uuid.uuid4().hex[:6]}"
    os.rename(staging, final)
    _fsync_dir(versions)
    return final


def _write_file(path: Path, data: str | bytes | Iterable[bytes]) -> str:
    """Write and flush a file (given whole or in pieces); returns its sha256."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pieces = (
        [data.encode("utf-8")]
        if isinstance(data, str)
        else [data]
        if isinstance(data, bytes)
        else data
    )
    digest = hashlib.sha256()
    with open(path, "wb") as fh:
        for piece in pieces:
            fh.write(piece)
            digest.update(piece)
        fh.flush()
        os.fsync(fh.fileno())
    return digest.hexdigest()


def _switch(out: Path, version: Path) -> None:
    tmp = out / f".current-{uuid.uuid4().hex}"
    os.symlink(f"{VERSIONS}/{version.name}", tmp)
    os.replace(tmp, out / CURRENT)
    _fsync_dir(out)


def _link(out: Path, name: str) -> None:
    path = out / name
    if _is_our_link(path):
        return
    if path.is_dir() and not path.is_symlink():
        raise PublishError(
            f"{path}: a folder tipdiff did not make where it publishes {name}: expected no "
            "folder of that name in --out; move it away and run again"
        )
    tmp = out / f".link-{uuid.uuid4().hex}"
    os.symlink(f"{CURRENT}/{name}", tmp)
    os.replace(tmp, path)


def _adopt_earlier_layout(out: Path, names: set[str]) -> None:
    """Plain files an earlier tipdiff published at the top of `out` become a version (the
    current one) and are replaced by links to the same bytes. See the module docstring."""
    current = current_set(out)
    if current is not None:  # finish an adoption that a killed run left half done
        for path in current.iterdir():
            top = out / path.name
            if top.is_file() and not top.is_symlink() and _same_file(top, path):
                _link(out, path.name)
        return
    earlier = set(names) | {MANIFEST}
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        earlier |= set(manifest.get("outputs") or ())
    except (OSError, ValueError, TypeError):
        pass
    plain = sorted(
        n for n in earlier if "/" not in n and (out / n).is_file() and not (out / n).is_symlink()
    )
    if not plain:
        return
    version = _write_version(out / VERSIONS, dict.fromkeys(plain, b""), sources=out)
    _switch(out, version)
    for name in plain:
        _link(out, name)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b) or a.read_bytes() == b.read_bytes()
    except OSError:
        return False


@contextmanager
def run_lock(out: Path, *, wait: float) -> Iterator[None]:
    """One run per output folder. Waits up to `wait` seconds, then raises LockBusy."""
    from filelock import FileLock, Timeout

    try:
        out.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(out / LOCK_NAME))
        lock.acquire(timeout=wait)
    except Timeout:
        raise LockBusy(
            f"{out}: another tipdiff run is writing here (lock {out / LOCK_NAME}); "
            f"waited {wait:g} s. Try again when it has finished, or pass --wait SECONDS"
        ) from None
    except OSError as exc:
        raise OutputNotWritable(
            f"--out {out}: cannot write there ({exc.strerror or exc}): expected a folder "
            "tipdiff can create files in (the run's lock, then the published sets); "
            "nothing was read or published"
        ) from None
    try:
        yield
    finally:
        lock.release()
