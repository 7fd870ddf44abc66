"""The report pages, their Markdown twins and the feeds: golden snapshots of the demo corpus,
and what each page must show, built from model objects (including the fields the aligner
and reviewers fill: candidates, decided_by, note)."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from tipdiff.align import DEFAULT_CONFIG, Change
from tipdiff.corpus import align_batch, histories
from tipdiff.diff import CountryDiff
from tipdiff.model import Narrative, Recommendation
from tipdiff.render import pages, view
from tipdiff.tables import build_tables
from tipdiff.themes import TAGS

from .conftest import FIXTURES, assert_golden
from .conftest import demo_model as _demo

GOLDEN = FIXTURES / "golden" / "reports"
def demo_model():
    """(histories, diffs, errors) of the demo corpus."""
    _docs, diffs, hist, errors = _demo()
    return hist, diffs, errors


PAGES = ["index", "2022", "2023", "2024", "PER", "freedonia", "ruritania", "sylvania", "themes",
         *(f"theme-{t}" for t in TAGS)]
COUNTRIES = ["PER", "freedonia", "ruritania", "sylvania"]


@lru_cache(maxsize=1)
def demo_files() -> dict:
    hist, _diffs, errors = demo_model()
    return pages.render_reports(hist, errors)


def outline(html: str) -> str:
    """The structure of a page: elements with their id, class, link, and the text of
    headings, table headers, captions and labels (not the CSS, not every word)."""
    doc = lxml.html.document_fromstring(html)
    lines = []
    labelled = {"title", "h1", "h2", "h3", "th", "caption", "dt", "a", "summary", "figcaption",
                "text", "desc"}

    def walk(el, depth):
        if not isinstance(el.tag, str):
            return
        label = el.tag
        if el.get("id"):
            label += f"#{el.get('id')}"
        if el.get("class"):
            label += "." + ".".join(el.get("class").split())
        for attr in ("href", "colspan", "scope", "role", "aria-labelledby", "lang", "rel"):
            if el.get(attr):
                label += f" {attr}={el.get(attr)}"
        if el.tag in labelled:
            text = " ".join(el.text_content().split())
            label += f' "{text[:80]}"'
        lines.append("  " * depth + label)
        if el.tag != "style":
            for child in el:
                walk(child, depth + 1)

    walk(doc, 0)
    return "\n".join(lines) + "\n"


def test_the_demo_corpus_gives_every_page_as_html_and_markdown_and_a_feed_per_country():
    files = demo_files()
    expected = {f"reports/{p}.{ext}" for p in PAGES for ext in ("html", "md")}
    expected |= {f"reports/feeds/{c}.xml" for c in COUNTRIES} | {"summary.md"}
    expected |= {"reports/sections.json"}  # where each year-pair section sits (reuse)
    assert set(files) == expected


# the theme pages are alike: two of them have golden files (every one is checked for
# existence above and, on a long history, against the tables in test_one_truth.py)
GOLDEN_PAGES = [p for p in PAGES if not p.startswith("theme-")] + [
    "theme-prosecution", "theme-shelters_services"]


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_markdown_page_golden(page):
    assert_golden(demo_files()[f"reports/{page}.md"], GOLDEN / f"{page}.md")


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_html_structure_golden(page):
    assert_golden(outline(demo_files()[f"reports/{page}.html"]), GOLDEN / f"{page}.html.outline")


@pytest.mark.parametrize("country", COUNTRIES)
def test_feed_golden(country):
    assert_golden(demo_files()[f"reports/feeds/{country}.xml"].decode(), GOLDEN / "feeds" / f"{country}.xml")


def test_every_page_stands_alone_offline_with_real_tables_a_legend_and_print_css():
    for name, text in demo_files().items():
        if not name.endswith(".html"):
            continue
        doc = lxml.html.document_fromstring(text)
        assert not doc.xpath("//script"), name
        csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
        assert csp and "default-src 'none'" in csp[0], name
        for attr in ("src", "href"):  # nothing is loaded or linked from elsewhere
            for url in doc.xpath(f"//@{attr}"):
                assert not re.match(r"[a-z]+:|//", url), (name, url)
        assert doc.xpath("//link[@rel='stylesheet']") == [], name
        assert "@media print" in doc.xpath("//style")[0].text, name
        for table in doc.xpath("//table"):
            assert table.xpath(".//th"), name  # every table has header cells
        legend = doc.get_element_by_id("legend")
        words = " ".join(legend.text_content().split())
        for kind in view.SHOWN_KINDS:
            assert kind in words, (name, kind)
        for band in ("exact", "close", "moderate", "weak"):
            assert band in words
        assert "IDF-weighted Jaccard" in words and f"at least {DEFAULT_CONFIG.cutoff:g}" in words


def test_every_link_between_pages_lands_on_a_page_and_an_anchor_that_exist():
    files = demo_files()
    ids = {}
    for name, text in files.items():
        if name.endswith(".html"):
            ids[name] = set(lxml.html.document_fromstring(text).xpath("//@id"))
    checked = 0
    for name, text in files.items():
        if not name.endswith(".html"):
            continue
        for href in lxml.html.document_fromstring(text).xpath("//a/@href"):
            page, _, anchor = href.partition("#")
            target = str(Path(name).parent / page) if page else name
            assert target in files, (name, href)
            if anchor:
                assert anchor in ids[target], (name, href)
            checked += 1
    assert checked > 100


def test_colour_is_never_the_only_signal():
    doc = lxml.html.document_fromstring(demo_files()["reports/freedonia.html"])
    for cell in doc.xpath("//td[contains(@class, 'kind')]"):  # each kind says its name
        assert cell.xpath("string(.)").split()[1] in view.SHOWN_KINDS
    css = doc.xpath("//style")[0].text
    assert "del{background:var(--del);text-decoration:line-through}" in css
    assert "ins{background:var(--ins);text-decoration:underline}" in css


def test_country_page_shows_timeline_word_diff_reinstated_history_warnings_and_sources():
    html = demo_files()["reports/freedonia.html"]
    doc = lxml.html.document_fromstring(html)
    svg = doc.xpath("//svg[contains(@class, 'tier-timeline')]")[0]
    assert len(svg.xpath(".//circle")) == 3 and "2024: Tier 1 (upgraded)" in svg.text_content()
    diff = doc.xpath("//div[@class='word-diff']")[0]
    assert diff.xpath(".//del") and diff.xpath(".//ins")
    rows = doc.xpath("//section[@id='y2023-2024']//tbody/tr")
    kinds = [r.xpath("string(td[1])").split()[1] for r in rows]
    assert kinds.count("reinstated") == 1 and kinds.count("added") == 1  # not "2 added"
    back = rows[kinds.index("reinstated")]
    assert "last asked in 2022" in back.text_content()
    history = doc.get_element_by_id("recommendations").text_content()
    assert "↺ yes" in history and "No longer asked" in history
    warnings = doc.get_element_by_id("warnings").text_content()
    assert warnings.count("is not a known country name") == 1  # once, not once per year
    sources = doc.get_element_by_id("sources")
    h, *_ = [h for h in demo_model()[0] if h.country == "Freedonia"]
    for n in h.narratives:
        assert n.source in sources.text_content() and n.sha256 in sources.text_content()


def test_a_one_year_country_shows_its_list():
    h = next(h for h in demo_model()[0] if h.country == "Peru")
    doc = lxml.html.document_fromstring(demo_files()["reports/PER.html"])
    rows = doc.xpath("//section[@id='recommendations']//tbody/tr")
    assert [r.xpath("string(td[2])") for r in rows] == [r.text for r in h.narratives[0].recommendations]
    assert "nothing to compare yet" in doc.xpath("string(//p[@class='lead'])")
    md = demo_files()["reports/PER.md"]
    assert f"| 11 | {h.narratives[0].recommendations[-1].text[:40]}" in md


def test_year_page_reads_movers_limit_carry_over_and_longest_standing_off_the_model():
    doc = lxml.html.document_fromstring(demo_files()["reports/2023.html"])
    limit = doc.get_element_by_id("limit").text_content()
    assert "Sylvania" in limit  # two years running on the Watch List in 2023
    carried = {r.xpath("string(th)"): r.xpath("string(td[2])")
               for r in doc.xpath("//section[@id='carried']//tbody/tr")}
    hist, diffs, _ = demo_model()
    for d in diffs:
        if d.to_year == 2023:
            linked = {i for c in d.changes if c.kind in ("unchanged", "reworded", "split", "merged") for i in c.old}
            assert carried[d.country] == f"{len(linked)} of {len(d.old_texts)}"  # none unseen
    longest = doc.get_element_by_id("longest").text_content()
    assert "2022" in longest
    doc24 = lxml.html.document_fromstring(demo_files()["reports/2024.html"])
    movers = {r.xpath("string(th)"): r.xpath("string(td[3])") for r in doc24.xpath("//section[@id='movers']//tbody/tr")}
    assert movers == {"Freedonia": "upgraded", "Sylvania": "downgraded",
                      "Ruritania": "unranked (a Special Case year: outside the ranking)"}


def test_reports_are_deterministic_and_a_country_depends_on_itself_alone():
    hist, diffs, errors = demo_model()
    again = pages.render_reports(hist, errors)
    assert again == demo_files()
    names = view.page_names(hist)
    for h in hist:  # rendered without the rest of the corpus: the same bytes
        _, alone = pages.country_files(h, names[h.key])
        for name, data in alone.items():
            assert demo_files()[name] == data, name
    for name, data in demo_files().items():
        text = data.decode() if isinstance(data, bytes) else data
        if "/feeds/" not in name:
            assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:\d\d", text), name  # no timestamps


# ------------------------------------------------------------------ model-fed features


def narrative(year, recs, *, tier="Tier 2", warnings=(), source=None):
    source = source or f"data/raw/{year}/freedonia_{year}.txt"
    return Narrative(
        source=source, sha256=hashlib.sha256(source.encode()).hexdigest(), country="Freedonia",
        country_code=None, year=year, tier=tier, tier_source="header", tier_movement=None,
        tier_movement_text=None,
        recommendations=tuple(Recommendation(i, t) for i, t in enumerate(recs)),
        warnings=tuple(warnings))


OLD = ("Fund shelters for forced labor victims in the fishing fleet.",
       "Train border guards to screen migrants for trafficking indicators.")
NEW = ("Open a second shelter for adult men exploited at sea.",
       "Publish annual data on trafficking prosecutions and convictions.")


def _reviewed_site():
    old, new = narrative(2023, OLD), narrative(2024, NEW)
    diff = CountryDiff(
        "Freedonia", None, 2023, 2024, "Tier 2", "Tier 2", "remained", OLD, NEW,
        (
            Change("reworded", (0,), (0,), 31.5, "weak", {"idf_jaccard": 20.0},
                   (("replace", OLD[0], NEW[0]),), decided_by="review",
                   note="The same shelter programme, renamed by the ministry."),
            Change("added", (), (1,), candidates=((1, 38.25),)),
            Change("dropped", (1,), (), candidates=((1, 38.25),)),
        ),
    )
    hist = histories([old, new], [diff])
    return pages.render_reports(hist, [])


def test_possible_links_and_reviewer_overrides_are_shown_from_the_model():
    files = _reviewed_site()
    doc = lxml.html.document_fromstring(files["reports/freedonia.html"])
    rows = {r.get("class"): r for r in doc.xpath("//section[@id='y2023-2024']//tbody/tr")}
    reworded = rows["row-reworded"].text_content()
    assert "set by a reviewer" in reworded and "renamed by the ministry" in reworded
    assert "31.5" in reworded  # the model's score, not a new one
    added = " ".join(rows["row-added"].text_content().split())
    assert f"possibly the same as 2023 #2 (score 38.2): {OLD[1]}" in added
    dropped = " ".join(rows["row-dropped"].text_content().split())
    assert f"possibly the same as 2024 #2 (score 38.2): {NEW[1]}" in dropped
    md = files["reports/freedonia.md"]
    assert "✎ set by a reviewer" in md and "Reviewer's note: The same shelter programme" in md
    assert "*possibly the same as 2023 #2* (score 38.2)" in md
    feed = files["reports/feeds/freedonia.xml"].decode()
    assert "[set by a reviewer]" in feed


def test_a_narrative_without_a_recommendations_section_is_explained_not_silently_dropped():
    old = narrative(2023, OLD)
    new = narrative(2024, (), warnings=("no recommendations section found",))
    diffs = align_batch([(old, new)])
    hist = histories([old, new], diffs)
    files = pages.render_reports(hist, [])
    doc = lxml.html.document_fromstring(files["reports/freedonia.html"])
    notice = doc.xpath("string(//section[@id='y2023-2024']//p[@class='notice'])")
    assert "no recommendations section found" in notice and "shows as dropped" in notice
    assert new.source in notice
    assert "no recommendations section found" in doc.get_element_by_id("warnings").text_content()
    assert "> **Note:** The 2024 narrative has no recommendations" in files["reports/freedonia.md"]


def test_the_unknown_country_warning_is_published_once_per_country():
    hist, diffs, errors = demo_model()
    warnings = build_tables(hist, errors)["warnings"]
    unknown = warnings[warnings["message"].str.contains("is not a known country name")]
    assert sorted(unknown["country"]) == ["Freedonia", "Ruritania", "Sylvania"]
    assert unknown["year"].tolist() == [2022, 2022, 2022]
    assert all("also said of 2023, 2024" in m for m in unknown["message"])


def test_a_run_with_no_narrative_still_renders_the_theme_pages():
    files = pages.render_reports([], [])
    assert {f"reports/theme-{t}.html" for t in TAGS} <= set(files)
    doc = lxml.html.document_fromstring(files["reports/theme-legislation.html"])
    assert [th.text_content() for th in doc.xpath("//table[@class='theme-counts']//thead//th")] == [
        "year", "countries asked", "new", "reinstated", "persisting", "dropped"]
    assert not doc.xpath("//table[@class='theme-counts']//tbody/tr")
    assert "No report year loaded" in files["reports/themes.html"]
