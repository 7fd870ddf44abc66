"""The report pages, as HTML and Markdown twins, and the Atom feeds.

`site` gives a renderer for every file under `reports/` (each rendered when asked for, so a
run can write pages one at a time); `render_reports` renders them all at once: `index`, one
page per report year (`2024.html`), one per country (`PER.html`, `grand-fenwick.html`), each
as `.html` and `.md`, and `feeds/<country>.xml`. HTML is escaped by Jinja2's autoescape, and
Markdown by `escape.md_escape` applied to every `{{ }}` (the environment's finalize), so no
template can forget. Pages carry no timestamps: equal input gives equal bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import stock
from ..align import DEFAULT_CONFIG, AlignConfig
from ..corpus import CountryHistory
from ..model import InputError
from ..review import ReviewNote
from . import feeds, markup, view
from .escape import MdSafe
from .sections import INDEX, Sections

TEMPLATES = Path(__file__).parent / "templates"
REPORTS = "reports"  # folder under --out
SUMMARY = "summary.md"  # the Prefect artifact's text, not a published file


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
        env = Environment(autoescape=True, finalize=markup.html_finalize, **common)
        env.globals["m"] = markup.HTML
        return env
    env = Environment(autoescape=False, finalize=markup.md_finalize, **common)
    env.filters["md"] = MdSafe  # Markdown that tipdiff built itself (never input text)
    env.globals["m"] = markup.MARKDOWN
    return env


def _render(kind: str, template: str, config: AlignConfig, **context) -> str:
    page = environment(kind).get_template(f"{template}.{kind}.j2")
    return page.render(legend=view.legend(config), **context).rstrip("\n") + "\n"


def _pair_section(kind: str, p: view.Pair) -> str:
    """One year pair's section of a country page, as the page prints it."""
    text = environment(kind).get_template(f"pair.{kind}.j2").render(p=p)
    return text[:-1] if text.endswith("\n") else text  # the page's loop adds the newline


def _country_page(kind: str, v: view.CountryView, config: AlignConfig, sections: Sections):
    """A country page whose year-pair sections are reused when unchanged (render.sections)."""
    used: list[tuple[str, str]] = []
    safe = Markup if kind == "html" else MdSafe

    def section(p: view.Pair):
        key, text = sections.section(kind, p, partial(_pair_section, kind, p))
        used.append((key, text))
        return safe(text)

    page = _render(kind, "country", config, c=v, section=section)
    return sections.place(f"{REPORTS}/{v.stem}.{kind}", page, used)


def country_files(
    h: CountryHistory,
    stem: str,
    *,
    config: AlignConfig = DEFAULT_CONFIG,
    notes: Sequence[ReviewNote] = (),
) -> tuple[view.CountryView, dict[str, str | bytes]]:
    """One country's page (HTML, Markdown) and feed: they depend on this country alone.
    `notes` are this country's reviewer overrides that did not apply (shown as warnings)."""
    v = _country_view(h, stem, notes)
    renderers = _country_renderers(v, config, Sections(config.to_dict()))
    return v, {name: make() for name, make in renderers.items()}


def _country_view(h, stem, notes) -> view.CountryView:
    return view.country_view(h, stem, [(n.year, n.source, n.message) for n in notes])


def _country_renderers(
    v: view.CountryView, config: AlignConfig, sections: Sections, base_url: str | None = None
) -> dict[str, Callable]:
    name = f"{REPORTS}/feeds/{v.stem}.xml"

    def feed() -> bytes:
        pair_to = {p.to_year: p for p in v.pairs}
        entries = {}
        for t in v.tiers:  # an entry is reused when what it shows is unchanged
            p = pair_to.get(t.year)
            shown = (v.country, t, tuple(s for s in v.sources if s.year == t.year))
            make = partial(_render, "html", "feed_entry", config, c=v, t=t, p=p)
            entries[t.year] = sections.entry(name, t.year, shown, p, make)
        return feeds.country_feed(v, entries, base_url)

    return {
        f"{REPORTS}/{v.stem}.html": partial(_country_page, "html", v, config, sections),
        f"{REPORTS}/{v.stem}.md": partial(_country_page, "md", v, config, sections),
        name: feed,
    }


@dataclass(frozen=True)
class Site:
    """Every report file of a run, each rendered only when asked for (`files`), so a run
    never holds every page at once; and the artifact's summary."""

    renderers: Mapping[str, Callable[[], str | bytes]]  # name under --out, sorted
    summary: Callable[[], str]
    sections: Sections  # which page parts were reused (and where each one sits)

    @property
    def names(self) -> list[str]:
        return list(self.renderers)

    def files(self) -> Iterator[tuple[str, str | bytes]]:
        self.sections.reused = self.sections.rendered = 0  # counts of this pass (a retry)
        for name, make in self.renderers.items():
            yield name, make()


def site(
    histories: Sequence[CountryHistory],
    errors: Sequence[InputError],
    *,
    config: AlignConfig = DEFAULT_CONFIG,
    notes: Sequence[ReviewNote] = (),
    published: Path | None = None,
    base_url: str | None = None,
) -> Site:
    """The views of every page (cheap next to rendering), and a renderer for each file:
    `index`, one page per report year (`2024.html`), one per country (`PER.html`,
    `grand-fenwick.html`), each as `.html` and `.md`, `feeds/<country>.xml`, and last
    `reports/sections.json` (render.sections). `notes`: reviewer overrides that did not
    apply, shown on their country's page. `published`: the published set's folder, whose
    unchanged year-pair sections and feed entries are reused. `base_url`: where reports/ is
    served (feeds.absolute_base), for absolute links in the feeds."""
    sections = Sections(config.to_dict(), published)
    names = view.page_names(histories)
    notes_of: dict[str, list[ReviewNote]] = {}
    for n in notes:
        notes_of.setdefault(n.country_code or n.country.upper(), []).append(n)
    views, renderers = {}, {}
    for h in histories:
        v = _country_view(h, names[h.key], notes_of.get(h.key, ()))
        views[h.key] = v
        renderers.update(_country_renderers(v, config, sections, base_url))
    all_years = sorted({n.year for h in histories for n in h.narratives})
    stock_of: dict[int, list] = {}
    for g in stock.groups(histories):  # largest first
        stock_of.setdefault(g.year, []).append(g)
    years = {
        y: view.year_view(y, views, histories, all_years, stock_of.get(y, ()))
        for y in all_years
    }
    themes = view.theme_views(histories, views, all_years)
    for t in themes.values():
        for kind in ("html", "md"):
            renderers[f"{REPORTS}/{t.stem}.{kind}"] = partial(
                _render, kind, "theme", config, t=t, rule=view.THEME_RULE,
                meanings=view.STATUS_MEANING,
            )
    themes_index = view.themes_index(themes)
    for kind in ("html", "md"):
        renderers[f"{REPORTS}/themes.{kind}"] = partial(
            _render, kind, "themes", config, ti=themes_index
        )
    n_warnings = sum(len(v.warnings) for v in views.values())
    idx = view.index_view(views, histories, years, errors, n_warnings)
    for y, yv in years.items():
        renderers[f"{REPORTS}/{y}.html"] = partial(_render, "html", "year", config, y=yv)
        renderers[f"{REPORTS}/{y}.md"] = partial(_render, "md", "year", config, y=yv)
    for kind in ("html", "md"):
        renderers[f"{REPORTS}/index.{kind}"] = partial(
            _render, kind, "index", config, i=idx, links=True
        )
    renderers = dict(sorted(renderers.items()))
    renderers[INDEX] = sections.index  # last: it records where the pages put each section
    return Site(
        renderers=renderers,
        summary=partial(_render, "md", "index", config, i=idx, links=False),
        sections=sections,
    )


def render_reports(
    histories: Sequence[CountryHistory],
    errors: Sequence[InputError],
    *,
    config: AlignConfig = DEFAULT_CONFIG,
    notes: Sequence[ReviewNote] = (),
) -> dict[str, str | bytes]:
    """Every page and feed of a run keyed by its path under --out (see `site`), plus
    `summary.md`: the index without links to other pages, for the Prefect artifact (not a
    published file)."""
    s = site(histories, errors, config=config, notes=notes)
    return {**dict(s.files()), SUMMARY: s.summary()}
