"""Year-pair sections of the country pages, reused from the published set when unchanged.

A country page is mostly its year pairs' sections (a table of every change per pair). When
a report year is added, every country's page changes, but of each page only the new pair's
section and the parts that sum up the whole (lead, tier timeline, recommendation history):
the older pairs' sections come out as the same text, unless a recommendation dropped in an
older pair comes back in the new year (the dropped row then says "asked again in ...").

So each section is keyed by the sha256 of its view (`repr` of the frozen `view.Pair`: every
value its template reads), and the published set carries `reports/sections.json`: the render
code's digest, the settings, and where in each published page each section sits (key,
start, length, sha256 of its bytes). The next run takes a section's bytes from the published
page when its key is the same, the render code and settings are the same, and the bytes
still have their recorded sha256; anything else is rendered. A page made of reused sections
is therefore the same bytes as one rendered whole, which the tests check against a clean
run. The index itself depends on the pages only, so it too is the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

INDEX = "reports/sections.json"
_FORMAT = 1
_HERE = Path(__file__).parent


@lru_cache(maxsize=1)
def render_code() -> str:
    """sha256 of the render package's code and templates: any change there renders anew."""
    h = hashlib.sha256()
    for path in sorted([*_HERE.glob("*.py"), *(_HERE / "templates").iterdir()]):
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def view_digest(pair) -> str:
    """sha256 of a section's whole view (the dataclass repr holds every field, nested)."""
    return hashlib.sha256(repr(pair).encode()).hexdigest()


def section_key(kind: str, digest: str) -> str:
    """The key of one section: its kind (html, md) and its view's digest."""
    return hashlib.sha256(f"{kind}\0{digest}".encode()).hexdigest()[:32]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


class Sections:
    """Sections offered for reuse (from the published set's index) and the places of the
    sections of the pages rendered in this run (the next run's index)."""

    def __init__(self, settings: Mapping, published: Path | None = None):
        self.settings = dict(settings)
        self.placed: dict[str, list[list]] = {}  # page -> [[key, start, length, sha], ...]
        self.offered: dict[str, tuple[str, int, int, str]] = {}  # key -> (page, start, ...)
        self.reused = 0
        self.rendered = 0
        self._root = published
        self._page: tuple[str, bytes] | None = None
        self._digests: dict[int, tuple[object, str]] = {}  # id(view) -> (view, its digest)
        if published is not None:
            self._read_index(published)

    def _read_index(self, root: Path) -> None:
        try:
            index = json.loads((root / INDEX).read_bytes())
        except (OSError, ValueError):
            return  # no index (a first run, an earlier tipdiff): everything is rendered
        if not isinstance(index, dict) or index.get("format") != _FORMAT:
            return
        if index.get("render_code") != render_code() or index.get("settings") != self.settings:
            return
        for page, places in index.get("pages", {}).items():
            for key, start, length, sha in places:
                self.offered.setdefault(key, (page, start, length, sha))

    def _published_bytes(self, key: str) -> bytes | None:
        where = self.offered.get(key)
        if where is None or self._root is None:
            return None
        page, start, length, sha = where
        if self._page is None or self._page[0] != page:
            try:
                self._page = (page, (self._root / page).read_bytes())
            except OSError:
                self._page = (page, b"")
        data = self._page[1][start : start + length]
        return data if len(data) == length and _sha(data) == sha else None

    def section(self, kind: str, pair, render: Callable[[], str]) -> tuple[str, str]:
        """(key, text) of one section: the published bytes when they can be reused, else
        `render()`."""
        known = self._digests.get(id(pair))
        if known is None or known[0] is not pair:  # the HTML and Markdown pages share one
            known = self._digests[id(pair)] = (pair, view_digest(pair))
        key = section_key(kind, known[1])
        data = self._published_bytes(key)
        if data is not None:
            self.reused += 1
            return key, data.decode("utf-8")
        self.rendered += 1
        return key, render()

    def place(self, page: str, text: str, sections: list[tuple[str, str]]) -> str:
        """Record where each of the page's sections sits (in its UTF-8 bytes); the page."""
        data = text.encode("utf-8")
        places, at = [], 0
        for key, section in sections:
            chunk = section.encode("utf-8")
            start = data.find(chunk, at)
            if start < 0:  # cannot happen for a section the page printed; never guess
                raise ValueError(f"{page}: a section was rendered but is not in the page")
            places.append([key, start, len(chunk), _sha(chunk)])
            at = start + len(chunk)
        self.placed[page] = places
        return text

    def index(self) -> bytes:
        """The index the next run reads (`INDEX`): the same bytes for the same pages."""
        body = {
            "format": _FORMAT,
            "about": "where each year-pair section sits in the country pages of this set, so "
            "the next tipdiff run can reuse the sections that did not change",
            "render_code": render_code(),
            "settings": self.settings,
            "pages": dict(sorted(self.placed.items())),
        }
        return (json.dumps(body, separators=(",", ":"), sort_keys=False) + "\n").encode()
