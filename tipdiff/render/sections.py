"""Parts of the country pages and feeds, reused from the published set when unchanged.

A country page is mostly its year pairs' sections (a table of every change per pair), and a
country's feed is one entry per report year. When a report year is added, every country's
page and feed change, but only by the new pair's section and entry and the parts that sum up
the whole (lead, tier timeline, recommendation history): the older sections and entries come
out as the same text, unless a recommendation dropped in an older pair comes back in the new
year (the dropped row then says "asked again in ...").

So each part is keyed by the sha256 of what it shows (`repr` of the frozen views its
template reads: the `view.Pair`, and for a feed entry also the country's name, the year's
tier row and sources), and the published set carries `reports/sections.json`: the render
code's digest, the settings, where in each published page each section sits (key, start,
length, sha256 of its bytes), and each feed's entries (key, year, sha256 of the entry's
HTML). The next run takes a part from the published page or feed when its key is the same,
the render code and settings are the same, and the bytes still have their recorded sha256;
anything else is rendered. A page or feed made of reused parts is therefore the same bytes
as one rendered whole, which the tests check against a clean run. The index itself depends
on the pages and feeds only, so it too is the same bytes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

from ..trust import vouched_bytes

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
    """Page sections and feed entries offered for reuse (from the published set's index),
    and those of the pages and feeds made in this run (the next run's index). `reused` and
    `rendered` count both kinds of part."""

    def __init__(self, settings: Mapping, published: Path | None = None):
        self.settings = dict(settings)
        self.placed: dict[str, list[list]] = {}  # page -> [[key, start, length, sha], ...]
        self.offered: dict[str, tuple[str, int, int, str]] = {}  # key -> (page, start, ...)
        self.entries: dict[str, dict[int, list]] = {}  # feed -> year -> [key, year, sha]
        self.offered_entries: dict[str, tuple[str, int, str]] = {}  # key -> (feed, year, sha)
        self._feed: tuple[str, dict[str, str]] | None = None  # a published feed's entries
        self.reused = 0
        self.rendered = 0
        self._root = published
        self._page: tuple[str, bytes] | None = None
        self._digests: dict[int, tuple[object, str]] = {}  # id(view) -> (view, its digest)
        if published is not None:
            self._read_index(published)

    def _read_index(self, root: Path) -> None:
        data = vouched_bytes(root, INDEX)  # the set's manifest vouches for it, or no reuse
        try:
            index = json.loads(data) if data is not None else None
        except ValueError:
            index = None
        if index is None:
            return  # no index (a first run, an earlier tipdiff, a changed one): all rendered
        if not isinstance(index, dict) or index.get("format") != _FORMAT:
            return
        if index.get("render_code") != render_code() or index.get("settings") != self.settings:
            return
        try:
            for page, places in index.get("pages", {}).items():
                for key, start, length, sha in places:
                    self.offered.setdefault(key, (page, int(start), int(length), sha))
            for feed, entries in index.get("feed_entries", {}).items():
                for key, year, sha in entries:
                    self.offered_entries.setdefault(key, (feed, int(year), sha))
        except (TypeError, ValueError, AttributeError):  # not an index this code wrote
            self.offered, self.offered_entries = {}, {}

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

    def _digest(self, pair) -> str:
        known = self._digests.get(id(pair))
        if known is None or known[0] is not pair:  # the pages and the feed share one
            known = self._digests[id(pair)] = (pair, view_digest(pair))
        return known[1]

    def section(self, kind: str, pair, render: Callable[[], str]) -> tuple[str, str]:
        """(key, text) of one section: the published bytes when they can be reused, else
        `render()`."""
        key = section_key(kind, self._digest(pair))
        data = self._published_bytes(key)
        if data is not None:
            self.reused += 1
            return key, data.decode("utf-8")
        self.rendered += 1
        return key, render()

    def entry(self, feed: str, year: int, views: tuple, pair, render: Callable[[], str]) -> str:
        """The HTML content of one feed entry (one report year of a country's feed): the
        published entry's when its views are the same, else `render()`. `views`: what the
        entry shows besides the year pair (the country's name, the year's tier row and
        sources)."""
        digest = self._digest(pair) if pair is not None else "none"
        key = section_key("feed", f"{digest}\0{views!r}")
        text = self._published_entry(key, year)
        if text is None:
            self.rendered += 1
            text = render()
        else:
            self.reused += 1
        self.entries.setdefault(feed, {})[year] = [key, year, _sha(text.encode("utf-8"))]
        return text

    def _published_entry(self, key: str, year: int) -> str | None:
        where = self.offered_entries.get(key)
        if where is None or self._root is None:
            return None
        feed, published_year, sha = where
        if self._feed is None or self._feed[0] != feed:
            self._feed = (feed, _feed_contents(self._root / feed))
        text = self._feed[1].get(str(published_year))
        return text if text is not None and _sha(text.encode("utf-8")) == sha else None

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
            "about": "where each year-pair section sits in the country pages of this set, and "
            "each feed's entries, so the next tipdiff run can reuse the parts that did not "
            "change",
            "render_code": render_code(),
            "settings": self.settings,
            "pages": dict(sorted(self.placed.items())),
            "feed_entries": {f: list(e.values()) for f, e in sorted(self.entries.items())},
        }
        return (json.dumps(body, separators=(",", ":"), sort_keys=False) + "\n").encode()


_ATOM = "{http://www.w3.org/2005/Atom}"


def _feed_contents(path: Path) -> dict[str, str]:
    """A published Atom feed's entry contents by report year (the last part of the id)."""
    from lxml import etree

    try:
        root = etree.fromstring(path.read_bytes(), etree.XMLParser(resolve_entities=False))
    except (OSError, etree.XMLSyntaxError):
        return {}
    out = {}
    for e in root.iter(f"{_ATOM}entry"):
        ident, content = e.findtext(f"{_ATOM}id"), e.findtext(f"{_ATOM}content")
        if ident and content is not None:
            out[ident.rsplit(":", 1)[-1]] = content
    return out
