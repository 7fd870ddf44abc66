"""An Atom feed per country (feedgen), one entry per report year, so people can subscribe.

Atom requires an `updated` date on the feed and each entry. A run has no date of its own
that stays the same on a rerun, so an entry is dated 1 January of its report year (UTC) and
the feed by its latest entry: an unchanged country's feed is byte-identical on a rerun.
Titles and text go in as text and lxml escapes them; the entry content is HTML that the
autoescaping templates built.

Links are relative to the feed (`../PER.html`) unless a base URL is given (`--base-url`: the
http(s) address where the `reports/` folder is served): then every link is absolute
(`https://example.org/tip/reports/PER.html`), as feed readers that ignore relative links
need.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit, urlunsplit

from feedgen.feed import FeedGenerator

from .escape import visible_controls
from .view import CountryView, counts_text

# Characters XML 1.0 does not allow (lxml refuses them): dropped from feed text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(text: str) -> str:
    """Feed text: control characters visible (escape.visible_controls), then what XML 1.0
    cannot hold dropped."""
    return _NOT_XML.sub("", visible_controls(text))


def _date(year: int) -> datetime:
    return datetime(year, 1, 1, tzinfo=UTC)


_MAX_URL = 2000  # characters: longer addresses break feed readers and logs


def absolute_base(url: str) -> str:
    """A base URL for the feeds' links: an absolute http or https address, ending with "/"
    (where `reports/` is served). Raises ValueError saying what was expected."""
    expected = "expected an absolute http(s) address such as https://example.org/tip/reports/"
    if not isinstance(url, str) or not url or len(url) > _MAX_URL:
        raise ValueError(f"empty or longer than {_MAX_URL} characters: {expected}")
    if any(ord(ch) < 33 or ord(ch) == 127 or ch in '"<>\\^`{|}' for ch in url):
        raise ValueError(f"spaces, control characters or characters a URL cannot hold: {expected}")
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ValueError(expected)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError(f"a query, a fragment or a user name: {expected}")
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc, path, "", ""))


def _href(base: str | None, relative: str, absolute: str) -> str:
    """`relative` (from the feed's folder) without a base, else the base joined with
    `absolute` (from reports/), each path segment percent-encoded."""
    if base is None:
        return relative
    return base + quote(absolute, safe="/#")


def country_feed(v: CountryView, content: Mapping[int, str], base_url: str | None = None) -> bytes:
    """`content`: each report year's entry as HTML (the feed_entry template). `base_url`
    (absolute_base): where reports/ is served, for absolute links."""
    fg = FeedGenerator()
    fg.id(f"urn:tipdiff:country:{v.stem}")
    fg.title(_x(f"TIP Report changes: {v.name}"))
    fg.subtitle(_x(f"What changed for {v.name} in each report year, as tipdiff reads it."))
    fg.author({"name": "tipdiff"})
    page = f"{v.stem}.html"
    fg.link(href=_href(base_url, f"../{page}", page), rel="alternate", type="text/html")
    fg.link(
        href=_href(base_url, f"{v.stem}.xml", f"feeds/{v.stem}.xml"),
        rel="self",
        type="application/atom+xml",
    )
    fg.language("en")
    fg.generator("tipdiff")
    fg.updated(_date(v.years[-1]))
    pair_to = {p.to_year: p for p in v.pairs}
    for t in v.tiers:  # oldest first; feedgen's "prepend" puts the newest on top
        fe = fg.add_entry()
        fe.id(f"urn:tipdiff:country:{v.stem}:{t.year}")
        p = pair_to.get(t.year)
        tier = t.tier or "tier unknown"
        title = f"{t.name} {t.year}: {tier} ({t.move_text})"
        if p is not None:
            title += f"; since {p.from_year}: {counts_text(p.counts)}"
        else:
            title += "; first report year loaded"
        fe.title(_x(title))
        fe.updated(_date(t.year))
        anchor = f"#{p.anchor}" if p is not None else "#tiers"
        fe.link(
            href=_href(base_url, f"../{page}{anchor}", f"{page}{anchor}"),
            rel="alternate",
            type="text/html",
        )
        fe.content(_x(content[t.year]), type="html")
    return fg.atom_str(pretty=True)
