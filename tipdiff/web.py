"""Web pages saved as snapshots. No Prefect here.

Snapshots live in their own folder (default data/snapshots), never in data/raw. A page is
saved under its content hash; an existing snapshot is never overwritten: a changed page
is saved beside the old one, the newest is used, and the event is logged.
"""

from __future__ import annotations

import asyncio
import csv
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

from .atomic import write_atomically
from .limits import MAX_PAGE_BYTES
from .model import InputError, InputFormatError
from .read import sha256_bytes

MAX_BYTES = MAX_PAGE_BYTES  # a fetched page larger than this is refused


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


MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")


def fetch_page(url: str, *, timeout: float = 20.0, max_bytes: int = MAX_BYTES) -> bytes:
    """GET a page. `timeout` is an overall deadline for the page, redirects and every byte
    of the body included (not per read: a server that sends one byte a second is cut at the
    deadline). Redirects are followed up to MAX_REDIRECTS times and only to http or https.

    Raises FetchError, with transient=True for timeouts, lost connections and 5xx/429."""
    coro = _fetch(url, timeout, max_bytes)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1) as pool:  # called from inside an event loop: use another one
        return pool.submit(asyncio.run, coro).result()


async def _fetch(url: str, timeout: float, max_bytes: int) -> bytes:
    progress = {"status": None, "bytes": 0}
    try:
        async with asyncio.timeout(timeout):
            return await _get(url, timeout, max_bytes, progress)
    except TimeoutError:
        if progress["status"] is None:
            what = "no response"
        else:
            what = f"the page was not complete ({progress['bytes']} bytes received)"
        raise FetchError(
            f"{url}: {what} within {timeout:g} s: expected a page within {timeout:g} s",
            transient=True,
        ) from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise FetchError(f"{url}: {exc}: expected an http(s) URL", transient=False) from None
    except httpx.DecodingError as exc:
        raise FetchError(
            f"{url}: the page cannot be decoded ({exc}): expected a page", transient=False
        ) from None
    except (httpx.TransportError, OSError) as exc:
        raise FetchError(
            f"{url}: no response ({exc or type(exc).__name__}): expected a page within "
            f"{timeout:g} s",
            transient=True,
        ) from None


async def _get(url: str, timeout: float, max_bytes: int, progress: dict) -> bytes:
    headers = {"User-Agent": "tipdiff/0.1 (+research)"}
    async with httpx.AsyncClient(follow_redirects=False, timeout=timeout, headers=headers) as c:
        current = httpx.URL(url)
        for _hop in range(MAX_REDIRECTS + 1):
            async with c.stream("GET", current) as response:
                progress["status"] = response.status_code
                if response.has_redirect_location:
                    target = current.join(response.headers["location"])
                    if target.scheme not in _SCHEMES:
                        raise FetchError(
                            f"{url}: redirect to {target.scheme}:// refused: expected an http "
                            "or https page",
                            transient=False,
                        )
                    current = target
                    continue
                if response.status_code != 200:
                    code = response.status_code
                    raise FetchError(
                        f"{url}: HTTP {code}: expected 200 OK",
                        transient=code >= 500 or code == 429,
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise _too_large(url, max_bytes)
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    progress["bytes"] = len(body)
                    if len(body) > max_bytes:
                        raise _too_large(url, max_bytes)
                return bytes(body)
    raise FetchError(
        f"{url}: more than {MAX_REDIRECTS} redirects: expected the page", transient=False
    )


def _too_large(url: str, max_bytes: int) -> FetchError:
    return FetchError(
        f"{url}: larger than {max_bytes} bytes: expected a single narrative page",
        transient=False,
    )


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


def survey_inputs(raw: Path, snapshots: Path | None):
    """The run's inputs: every file below `raw` and the current snapshot of each fetched
    page (tipdiff.inputs.survey), each read and hashed once."""
    from .inputs import Inventory, survey

    found = survey(raw)
    if snapshots is None or not snapshots.exists():
        return found
    current = current_snapshots(snapshots)
    snaps = survey(snapshots)
    return Inventory(
        found.files + tuple(f for f in snaps.files if f.path in current),
        found.errors + tuple(e for e in snaps.errors if e.source in current),
    )
