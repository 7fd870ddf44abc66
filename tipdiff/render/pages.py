"""The report pages, as HTML and Markdown twins, and the Atom feeds.

`render_reports` returns every file under `reports/` (name -> text or bytes): `index`, one
page per report year (`2024.html`), one per country (`PER.html`, `grand-fenwick.html`), each
as `.html` and `.md`, and `feeds/<country>.xml`. HTML is escaped by Jinja2's autoescape, and
Markdown by `escape.md_escape` applied to every `{{ }}` (the environment's finalize), so no
template can forget. Pages carry no timestamps: equal input gives equal bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..align import DEFAULT_CONFIG, AlignConfig
from ..corpus import CountryHistory
from ..diff import CountryDiff
from ..model import InputError
from ..tables import warning_rows
from . import feeds, view
from .escape import MdSafe, md_escape

TEMPLATES = Path(__file__).parent / "templates"
REPORTS = "reports"  # folder under --out
SUMMARY = "summary.md"  # the Prefect artifact's text, not a published file


def _md_finalize(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    return md_escape(value)


@lru_cache(maxsize=2)
def environment(kind: str) -> Environment:
    common = dict(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    if kind == "html":
        return Environment(autoescape=True, **common)
    env = Environment(autoescape=False, finalize=_md_finalize, **common)
    env.filters["md"] = MdSafe  # Markdown that tipdiff built itself (never input text)
    return env


def _render(kind: str, template: str, config: AlignConfig, **context) -> str:
    page = environment(kind).get_template(f"{template}.{kind}.j2")
    return page.render(legend=view.legend(config), **context).rstrip("\n") + "\n"


def country_files(
    h: CountryHistory,
    diffs: Sequence[CountryDiff],
    stem: str,
    *,
    config: AlignConfig = DEFAULT_CONFIG,
) -> tuple[view.CountryView, dict[str, str | bytes]]:
    """One country's page (HTML, Markdown) and feed: they depend on this country alone."""
    v = view.country_view(h, diffs, stem, warning_rows(h.narratives))
    pair_to = {p.to_year: p for p in v.pairs}
    entries = {
        t.year: _render("html", "feed_entry", config, c=v, t=t, p=pair_to.get(t.year))
        for t in v.tiers
    }
    return v, {
        f"{REPORTS}/{stem}.html": _render("html", "country", config, c=v),
        f"{REPORTS}/{stem}.md": _render("md", "country", config, c=v),
        f"{REPORTS}/feeds/{stem}.xml": feeds.country_feed(v, entries),
    }


def _site(histories, diffs, errors, config) -> tuple[dict, dict, dict]:
    names = view.page_names(histories)
    by_key = view.group_diffs(diffs)
    views, files = {}, {}
    for h in histories:
        v, f = country_files(h, by_key.get(h.key, []), names[h.key], config=config)
        views[h.key] = v
        files.update(f)
    all_years = sorted({n.year for h in histories for n in h.narratives})
    years = {y: view.year_view(y, views, histories, all_years) for y in all_years}
    n_warnings = sum(len(v.warnings) for v in views.values())
    return files, years, view.index_view(views, histories, years, errors, n_warnings)


def render_reports(
    histories: Sequence[CountryHistory],
    diffs: Sequence[CountryDiff],
    errors: Sequence[InputError],
    *,
    config: AlignConfig = DEFAULT_CONFIG,
) -> dict[str, str | bytes]:
    """Every page and feed of a run keyed by its path under --out, plus `summary.md`: the
    index without links to other pages, for the Prefect artifact (not a published file)."""
    files, years, idx = _site(histories, diffs, errors, config)
    for y, yv in years.items():
        files[f"{REPORTS}/{y}.html"] = _render("html", "year", config, y=yv)
        files[f"{REPORTS}/{y}.md"] = _render("md", "year", config, y=yv)
    files[f"{REPORTS}/index.html"] = _render("html", "index", config, i=idx, links=True)
    files[f"{REPORTS}/index.md"] = _render("md", "index", config, i=idx, links=True)
    files = dict(sorted(files.items()))
    files[SUMMARY] = _render("md", "index", config, i=idx, links=False)
    return files
