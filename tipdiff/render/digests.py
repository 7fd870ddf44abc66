"""The digest of a run (tipdiff.digest) as a page (HTML and Markdown twins) and as the newest
entry of the global Atom feed `reports/feeds/digest.xml`, which keeps the entries of the
previous sets' feeds (the newest tipdiff.digest.FEED_ENTRIES). A run that brings nothing new
adds no entry. Input text is escaped as on every page (Jinja2's autoescape; Markdown escapes)."""

from __future__ import annotations

from collections.abc import Mapping

from feedgen.feed import FeedGenerator

from .. import digest as dg
from ..align import DEFAULT_CONFIG, AlignConfig
from .feeds import _x
from .pages import _render
from .view import VERDICT_WORDS


def _page(kind: str, d: Mapping, config: AlignConfig) -> str:
    return _render(kind, "digest", config, d=d, verdicts=VERDICT_WORDS, line=dg.summary_line(d))


def digest_files(
    d: Mapping, previous_feed: bytes | None = None, *, config: AlignConfig = DEFAULT_CONFIG
) -> dict[str, bytes]:
    """digest.json, the page as HTML and Markdown, and the global feed."""
    html = _page("html", d, config)
    return {
        dg.DIGEST_JSON: dg.digest_json(d),
        f"{dg.DIGEST_PAGE}.html": html.encode(),
        f"{dg.DIGEST_PAGE}.md": _page("md", d, config).encode(),
        dg.DIGEST_FEED: digest_feed(d, html, previous_feed),
    }


def digest_feed(d: Mapping, html: str, previous_feed: bytes | None) -> bytes:
    entries = dg.previous_entries(previous_feed)
    if d["changed"]:
        own = f"urn:tipdiff:digest:{d['made_at']}"
        entries = [e for e in entries if e["id"] != own]
        body = html.split('<main id="main">', 1)[-1].split("</main>", 1)[0]
        entries.insert(
            0,
            {
                "id": own,
                "title": f"{d['made_at'][:10]}: {dg.summary_line(d)}",
                "updated": d["made_at"],
                "content": body.strip(),
            },
        )
    entries = entries[: dg.FEED_ENTRIES]
    fg = FeedGenerator()
    fg.id("urn:tipdiff:digest")
    fg.title("TIP Report changes: what is new after each run")
    fg.subtitle("One entry per published set that brought something new, newest first.")
    fg.author({"name": "tipdiff"})
    fg.link(href="../digest.html", rel="alternate", type="text/html")
    fg.link(href="digest.xml", rel="self", type="application/atom+xml")
    fg.language("en")
    fg.generator("tipdiff")
    newest = max((dg.parse_time(e["updated"].replace("+00:00", "Z")) for e in entries),
                 default=dg.parse_time(d["made_at"]))
    fg.updated(newest)
    for e in reversed(entries):  # feedgen puts the last added on top
        fe = fg.add_entry()
        fe.id(_x(e["id"]))
        fe.title(_x(e["title"]))
        fe.updated(dg.parse_time(e["updated"].replace("+00:00", "Z")))
        fe.link(href="../digest.html", rel="alternate", type="text/html")
        fe.content(_x(e["content"]), type="html")
    return fg.atom_str(pretty=True)
