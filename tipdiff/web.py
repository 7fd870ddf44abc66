"""Web pages saved as snapshots. No Prefect here.

Snapshots live in their own folder (default data/snapshots), never in data/raw. A page is
saved under its content hash; an existing snapshot is never overwritten: a changed page
is saved beside the old one, the newest is used, and the event is logged.
"""

from __future__ import annotations

import csv
import json
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .atomic import write_atomically
from .model import InputError, InputFormatError
from .read import sha256_bytes

MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebSource:
    year: int
    country: str
    url: str


class FetchError(InputFormatError):
    """A page could not be fetched. `transient` says whether trying again may help."""

    def __init__(self, message: str, *, transient: bool):
        super().__init__(message)
        self.transient = transient


def read_sources(path: Path) -> tuple[tuple[WebSource, ...], tuple[InputError, ...]]:
    """A CSV with columns year,country,url. Bad rows are errors naming the line."""
    sources, errors = [], []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        return (), (
            InputError(str(path), f"{path}: cannot read the sources file: {exc.strerror or exc}"),
        )
    rows = csv.DictReader(text.splitlines())
    if not rows.fieldnames or not {"year", "country", "url"} <= set(rows.fieldnames):
        return (), (
            InputError(str(path), f"{path}: line 1: expected the header 'year,country,url'"),
        )
    for line, row in enumerate(rows, start=2):
        year, url = (row.get("year") or "").strip(), (row.get("url") or "").strip()
        if not re.fullmatch(r"(?:19|20)\d\d", year) or not re.match(r"https?://", url):
            errors.append(
                InputError(
                    str(path),
                    f"{path}: line {line}: expected a year (YYYY) and an "
                    f"http(s) URL, got {year!r} and {url!r}",
                )
            )
            continue
        sources.append(WebSource(int(year), (row.get("country") or "").strip(), url))
    return tuple(sources), tuple(errors)


def fetch_page(url: str, *, timeout: float = 20.0, max_bytes: int = MAX_BYTES) -> bytes:
    """GET a page. Raises FetchError(transient=True) for timeouts, resets and 5xx/429."""
    request = urllib.request.Request(url, headers={"User-Agent": "tipdiff/0.1 (+research)"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        transient = exc.code >= 500 or exc.code == 429
        raise FetchError(f"{url}: HTTP {exc.code}: expected 200 OK", transient=transient) from None
    except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise FetchError(
            f"{url}: no response ({reason}): expected a page within {timeout:g} s", transient=True
        ) from None
    if len(data) > max_bytes:
        raise FetchError(
            f"{url}: larger than {max_bytes} bytes: expected a single narrative page",
            transient=False,
        )
    return data


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "page"


def save_snapshot(
    root: Path, source: WebSource, data: bytes, *, fetched_at: str | None = None
) -> dict:
    """Save a fetched page under root/YEAR/ by content hash; never overwrite. Returns the event."""
    fetched_at = fetched_at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = sha256_bytes(data)
    folder = root / str(source.year)
    stem = f"{_slug(source.country or source.url)}-{_slug(source.url)[-24:]}"
    name = f"{stem}.{digest[:12]}.html"
    previous = sorted(folder.glob(f"{stem}.*.html")) if folder.exists() else []
    if (folder / name).exists():
        event = "unchanged"
    else:
        event = "changed" if previous else "new"
        write_atomically(folder, {name: data})
    record = {
        "event": event,
        "url": source.url,
        "year": source.year,
        "country": source.country,
        "sha256": digest,
        "fetched_at": fetched_at,
        "path": str(folder / name),
        "previous": [str(p) for p in previous if p.name != name],
    }
    with open(root / "snapshots.jsonl", "a", encoding="utf-8") as log:
        log.write(json.dumps(record, ensure_ascii=False) + "\n")
    return record


def current_snapshots(root: Path) -> set[str]:
    """The newest snapshot of every page, by the snapshot log's order: older versions stay on
    disk (never overwritten) but are not parsed."""
    newest: dict[tuple[int, str], str] = {}
    try:
        lines = (root / "snapshots.jsonl").read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    for line in lines:
        try:
            rec = json.loads(line)
            newest[(int(rec["year"]), rec["url"])] = rec["path"]
        except (ValueError, KeyError, TypeError):
            continue
    return {p for p in newest.values() if Path(p).exists()}
