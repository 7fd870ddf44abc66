"""The big tables' CSV and JSON Lines, reused block by block from the published set.

Turning 100,000 rows into CSV and JSON Lines text is most of what writing the tables costs,
and when a report year is added almost every row is one the published set already holds:
the rows of a country and year (`recommendations`), or of a country and year pair
(`changes`), come out the same unless that country's history changed there. So the rows are
cut into blocks (BLOCK_KEYS, each a run of rows with the same key), each block is keyed by
a digest of its values (two 64-bit hashes per row from pandas' hash_pandas_object, plus the
table's columns, dtypes and the code and library versions that write the text), and the
published set carries `blocks.json`: the blocks of each file in order, with each block's key,
length and the sha256 of its bytes. A run copies a block's bytes from the published file when
its key is the same and the bytes still have their sha256; it writes the other blocks' text
with pandas, as a whole run would. Each row's text depends on that row alone, so the file is
the same bytes either way (the tests compare with a clean run), and so is the index.

A CSV cell holding a line break makes a row span lines: a file where that happens is written
without blocks from there on and is left out of the index (the next run writes it whole).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from .trust import vouched_bytes

INDEX = "blocks.json"
BLOCK_KEYS = {"recommendations": ("country", "year"), "changes": ("country", "from_year")}
_FORMAT = 1
_HASH_KEYS = ("tipdiff-blocks-1", "tipdiff-blocks-2")  # 16 bytes each: two 64-bit hashes
_WINDOW = 2000  # blocks at most per piece yielded (pieces are also cut at rows_per_piece)


@lru_cache(maxsize=1)
def writer_code() -> str:
    """What decides a row's text: tipdiff's table code and the libraries that write it."""
    import pyarrow

    here = Path(__file__).parent
    h = hashlib.sha256(f"pandas {pd.__version__} pyarrow {pyarrow.__version__}".encode())
    for name in ("tables.py", "blocks.py"):
        h.update(b"\0" + (here / name).read_bytes())
    return h.hexdigest()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def block_bounds(name: str, df: pd.DataFrame) -> list[tuple[int, int]]:
    """[(start, end)) of each run of rows with the same BLOCK_KEYS value, in order."""
    keys = df[list(BLOCK_KEYS[name])]
    changed = keys.ne(keys.shift()).fillna(True).any(axis=1).to_numpy(dtype=bool, copy=True)
    changed[:1] = True
    starts = np.flatnonzero(changed)
    ends = [*starts[1:].tolist(), len(df)]
    return list(zip(starts.tolist(), ends, strict=True))


def json_cells(column: pd.Series, **options) -> pd.Series:
    """Each list of a column as its JSON text (json.dumps(list(v), **options)). Equal lists
    of hashable items (tags, years) are encoded once: a table's list columns hold few
    distinct values (measured: 570,000 json.dumps calls on the 190 x 24 history). The items
    of one column are of one type, so equal tuples are equal lists."""
    cache: dict = {}

    def encode(value) -> str:
        items = list(value)
        try:
            key = tuple(items)
            text = cache.get(key)
        except TypeError:  # items that are not hashable (candidates are dicts)
            return json.dumps(items, **options)
        if text is None:
            text = cache[key] = json.dumps(items, **options)
        return text

    return column.map(encode)


def _block_keys(name: str, df: pd.DataFrame) -> tuple[list[tuple[int, int]], list[str]]:
    """Each block's bounds and key: a digest of its rows' two 64-bit hashes, the table's
    name, columns and dtypes."""
    lists = [c for c in df.columns if df[c].dtype == object]  # lists: hashed as JSON text
    hashable = df.assign(**{c: json_cells(df[c], sort_keys=True) for c in lists})
    cols = [
        pd.util.hash_pandas_object(hashable, index=False, hash_key=k).to_numpy()
        for k in _HASH_KEYS
    ]
    hashes = np.ascontiguousarray(np.stack(cols, axis=1))
    head = f"{name}|{list(df.columns)}|{[str(t) for t in df.dtypes]}|".encode()
    bounds = block_bounds(name, df)
    return bounds, [_sha(head + hashes[s:e].tobytes()) for s, e in bounds]


class Blocks:
    """Blocks offered for reuse (the published set's index) and the blocks of the files this
    run writes (the next run's index)."""

    def __init__(self, published: Path | None = None):
        self.placed: dict[str, dict] = {}  # file -> {"header": n, "blocks": [[key, n, sha]]}
        self.offered: dict[str, dict[str, tuple[int, int, str]]] = {}  # file -> key -> place
        self.reused = 0
        self.written = 0
        self._keyed: tuple = (None, [], [])  # (table, block bounds, block keys)
        self._root = published
        if published is not None:
            self._read_index(published)

    def _read_index(self, root: Path) -> None:
        data = vouched_bytes(root, INDEX)  # the set's manifest vouches for it, or no reuse
        if data is None:
            return
        try:
            index = json.loads(data)
            if index.get("format") != _FORMAT or index.get("code") != writer_code():
                return
            for file, spec in index["files"].items():
                at, places = int(spec["header"]), {}
                for key, length, sha in spec["blocks"]:
                    places.setdefault(key, (at, int(length), sha))
                    at += int(length)
                self.offered[file] = places
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self.offered = {}  # no usable index: every block is written

    def pieces(
        self,
        name: str,
        file: str,
        df: pd.DataFrame,
        write: Callable[[pd.DataFrame, bool], bytes],
        rows_per_piece: int,
    ) -> Iterator[bytes]:
        """The bytes of `file` (table `name` as CSV or JSON Lines): published blocks where
        their key matches, `write(rows, header)` for the rest, in pieces of whole rows."""
        if name not in BLOCK_KEYS or df.empty:
            for start in range(0, max(len(df), 1), rows_per_piece):
                yield write(df.iloc[start : start + rows_per_piece], start == 0)
            return
        if self._keyed[0] is not df:  # CSV and JSON Lines of one table share them
            self._keyed = (df, *_block_keys(name, df))
        _df, bounds, keys = self._keyed
        offered = self.offered.get(file, {})
        old = self._open(file) if offered else None
        header = write(df.iloc[:0], True)
        blocks: list[list] = []
        self.placed[file] = {"header": len(header), "blocks": blocks}
        window: list[tuple[int, bytes | None, tuple | None]] = []  # (block, reused, place)
        need_rows = 0  # rows of the window's blocks that are written anew
        yield header
        try:
            for b, key in enumerate(keys):
                place = offered.get(key) if old is not None else None
                chunk = None if place is None else os.pread(old, place[1], place[0])
                if chunk is not None and (len(chunk) != place[1] or _sha(chunk) != place[2]):
                    chunk = None  # changed since it was published: written anew
                window.append((b, chunk, place))
                if chunk is None:
                    need_rows += bounds[b][1] - bounds[b][0]
                if need_rows >= rows_per_piece or len(window) >= _WINDOW:
                    yield self._emit(file, df, write, bounds, keys, window, blocks)
                    window, need_rows = [], 0
            yield self._emit(file, df, write, bounds, keys, window, blocks)
        finally:
            if old is not None:
                os.close(old)

    def _emit(self, file, df, write, bounds, keys, window, blocks) -> bytes:
        """A window of blocks in order: the reused ones as published, the others written in
        one pandas call over their rows (blocks of new rows are spread over the file)."""
        need = [b for b, chunk, _place in window if chunk is None]
        made: dict[int, bytes] = {}
        if need:
            if need[-1] - need[0] == len(need) - 1:  # one run of rows (every block, cold)
                rows = df.iloc[bounds[need[0]][0] : bounds[need[-1]][1]]
            else:
                rows = df.iloc[np.concatenate([np.arange(*bounds[b]) for b in need])]
            data = write(rows, False)
            lines = data.split(b"\n")
            if len(lines) == len(rows) + 1 and not lines[-1]:
                at = 0
                for b in need:
                    n = bounds[b][1] - bounds[b][0]
                    made[b] = b"\n".join(lines[at : at + n]) + b"\n"
                    at += n
            else:  # a cell held a line break: rows are not lines, so this file has no blocks
                self.placed.pop(file, None)
                made = {b: write(df.iloc[bounds[b][0] : bounds[b][1]], False) for b in need}
            self.written += len(need)
        out = []
        for b, chunk, place in window:
            if chunk is None:
                chunk = made[b]
                blocks.append([keys[b], len(chunk), _sha(chunk)])
            else:
                blocks.append([keys[b], place[1], place[2]])
                self.reused += 1
            out.append(chunk)
        return b"".join(out)

    def _open(self, file: str) -> int | None:
        """The published file, open for reading blocks where they sit (never read whole:
        a run's memory does not grow by the published files)."""
        try:
            return os.open(self._root / file, os.O_RDONLY) if self._root else None
        except OSError:
            return None

    def index(self) -> bytes:
        """The index the next run reads (`INDEX`): the same bytes for the same files."""
        body = {
            "format": _FORMAT,
            "about": "the blocks of rows of the big tables' CSV and JSON Lines files, in order "
            "(key, bytes, sha256), so the next tipdiff run can reuse the unchanged ones",
            "code": writer_code(),
            "files": dict(sorted(self.placed.items())),
        }
        return (json.dumps(body, separators=(",", ":")) + "\n").encode()
