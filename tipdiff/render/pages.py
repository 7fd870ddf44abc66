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
from ..review import ReviewNote
from ..tables import warning_rows
from . import feeds, markup, view
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
        auto_reload=False,  # templates ship with the package: no stat of each on every page
    )
    if kind == "html":
        env = Environment(autoescape=True, **common)
        env.globals["m"] = markup.HTML
        return env
    env = Environment(autoescape=False, finalize=_md_finalize, **common)
    env.filters["md"] = MdSafe  # Markdown that tipdiff built itself (never input text)
    env.globals["m"] = markup.MARKDOWN
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
    notes: Sequence[ReviewNote] = (),
) -> tuple[view.CountryView, dict[str, str | bytes]]:
    """One country's page (HTML, Markdown) and feed: they depend on this country alone.
    `notes` are this country's reviewer overrides that did not apply (shown as warnings)."""
    warnings = warning_rows(h.narratives) + [(n.year, n.source, n.message) for n in notes]
    v = view.country_view(h, diffs, stem, warnings)
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


def _site(histories, diffs, errors, config, notes) -> tuple[dict, dict, dict]:
    names = view.page_names(histories)
    by_key = view.group_diffs(diffs)
    notes_of: dict[str, list[ReviewNote]] = {}
    for n in notes:
        notes_of.setdefault(n.country_code or n.country.upper(), []).append(n)
    views, files = {}, {}
    for h in histories:
        v, f = country_files(
            h, by_key.get(h.key, []), names[h.key], config=config, notes=notes_of.get(h.key, ())
        )
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
    notes: Sequence[ReviewNote] = (),
) -> dict[str, str | bytes]:
    """Every page and feed of a run keyed by its path under --out, plus `summary.md`: the
    index without links to other pages, for the Prefect artifact (not a published file).
    `notes`: reviewer overrides that did not apply, shown on their country's page."""
    files, years, idx = _site(histories, diffs, errors, config, notes)
    for y, yv in years.items():
        files[f"{REPORTS}/{y}.html"] = _render("html", "year", config, y=yv)
        files[f"{REPORTS}/{y}.md"] = _render("md", "year", config, y=yv)
    files[f"{REPORTS}/index.html"] = _render("html", "index", config, i=idx, links=True)
    files[f"{REPORTS}/index.md"] = _render("md", "index", config, i=idx, links=True)
    files = dict(sorted(files.items()))
    files[SUMMARY] = _render("md", "index", config, i=idx, links=False)
    return files
