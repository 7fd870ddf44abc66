"""The report pages in a real browser: headless Chromium (Debian's package, driven by
Playwright; `make test` installs it) opens the index, a year page and a country page from
disk, with no console error and no request leaving the machine; it finds the tier timeline
and a word diff, follows the index's link to the country page, and takes screenshots that
must not be blank. Set TIPDIFF_SCREENSHOTS=DIR to keep the screenshots.

Without Chromium the test skips on a developer's machine and fails under CI (CI set)."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path

import pytest

from tipdiff.render import pages

from .test_reports import demo_model

# Flags for a closed network: without the background-networking ones, Chromium keeps
# trying to reach Google's services (refused here, and not ours to make).
OFFLINE_FLAGS = [
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]


def chromium_path() -> str:
    found = os.environ.get("TIPDIFF_CHROMIUM") or shutil.which("chromium") or shutil.which(
        "chromium-browser")
    if not found:
        message = ("Chromium not found: install Debian's package (`apt-get install chromium`, "
                   "which `make test` does as root) or set TIPDIFF_CHROMIUM")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    for name, data in pages.render_reports(demo_model()[0], demo_model()[2]).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return out / "reports"


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=OFFLINE_FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def not_blank(browser, png: bytes) -> dict:
    """Decode the screenshot in a blank page (a canvas) and measure it."""
    page = browser.new_page()
    try:
        page.set_content("<!DOCTYPE html><canvas></canvas>")
        return page.evaluate(
            """async (src) => {
                const img = new Image(); img.src = src; await img.decode();
                const c = document.querySelector('canvas');
                c.width = img.width; c.height = img.height;
                const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
                const d = ctx.getImageData(0, 0, c.width, c.height).data;
                const colours = new Set(); let ink = 0;
                for (let i = 0; i < d.length; i += 4) {
                    colours.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
                    if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
                }
                return {width: c.width, height: c.height, colours: colours.size,
                        ink: ink / (d.length / 4)};
            }""",
            "data:image/png;base64," + base64.b64encode(png).decode(),
        )
    finally:
        page.close()


def test_pages_in_headless_chromium(browser, site, tmp_path):
    keep = os.environ.get("TIPDIFF_SCREENSHOTS")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests, problems = [], []

    def outside(route):  # anything not on disk is refused, and recorded
        requests.append(route.request.url)
        route.abort() if not route.request.url.startswith("file://") else route.continue_()

    context.route("**/*", outside)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))

    shots = {}
    for name in ("index.html", "2023.html", "freedonia.html"):
        response = page.goto((site / name).as_uri())
        assert response is None or response.ok, name
        assert page.locator("h1").count() == 1
        assert page.locator("#legend").is_visible()
        shots[name] = page.screenshot()
        if name == "2023.html":
            assert page.locator("#limit").get_by_role("link", name="Sylvania").is_visible()
            assert page.locator("#carried tbody tr").count() == 3  # Peru has one year only

    timeline = page.locator("svg.tier-timeline")  # still on the country page
    assert timeline.is_visible()
    box = timeline.bounding_box()
    assert box["width"] > 200 and box["height"] > 100
    assert page.locator("svg.tier-timeline circle").count() == 3
    assert page.locator(".word-diff del").first.is_visible()
    assert page.locator(".word-diff ins").first.is_visible()
    assert page.locator("td.kind", has_text="reinstated").count() == 1

    page.emulate_media(media="print")  # print: the navigation goes, the content stays
    assert not page.locator("header.site nav").is_visible()
    assert page.locator("svg.tier-timeline").is_visible()
    page.emulate_media(media="screen")

    page.goto((site / "index.html").as_uri())  # the index's link leads to the country page
    page.locator("#countries").get_by_role("link", name="Freedonia").click()
    page.wait_for_load_state()
    assert page.url == (site / "freedonia.html").as_uri()
    assert page.locator("h1").inner_text() == "Freedonia"
    shots["followed-link.png"] = page.screenshot(full_page=True)
    context.close()

    assert requests and all(u.startswith("file://") for u in requests), requests
    assert problems == []
    for name, png in shots.items():
        stem = name.removesuffix(".html").removesuffix(".png")
        path = tmp_path / f"{stem}.png"
        path.write_bytes(png)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(keep) / path.name)
        m = not_blank(browser, png)
        assert m["width"] == 1280 and m["height"] >= 900, (name, m)
        assert m["colours"] > 20 and m["ink"] > 0.01, (name, m)  # text and lines, not blank


# ----------------------------------------------------- issue 19: 25 years stay readable

# What a page of a 25-year history must keep in a real browser, measured there:
# - no text label smaller than 10 px: SVG text at its drawn size (computed font size times
#   the SVG's scale on screen), every other visible text at its computed size;
# - no horizontal overflow of the page, and no table wider than its box;
MEASURE = """() => {
  const de = document.documentElement;
  let svg = 1e9, html = 1e9, smallest = '';
  for (const t of document.querySelectorAll('svg text')) {
    const m = t.getScreenCTM();
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < svg) svg = px;
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || el.closest('svg') || !el.getClientRects().length) continue;
    const px = parseFloat(getComputedStyle(el).fontSize);
    if (px < html) { html = px; smallest = el.tagName + '.' + el.className; }
  }
  const tables = [...document.querySelectorAll('.scroll, table')]
    .filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => (e.querySelector('caption') || e).textContent.slice(0, 60));
  return {svg, html, smallest, page: de.scrollWidth - de.clientWidth, tables,
          svgWidth: document.querySelector('svg.tier-timeline').getBoundingClientRect().width};
}"""

# The text of what must never end a printed page: a table's caption and header, a heading.
HEADS = """() => {
  const heads = [];
  for (const t of document.querySelectorAll('table')) {
    if (t.tHead) heads.push(t.tHead.innerText);
    if (t.caption && t.tHead) heads.push(t.caption.innerText + ' ' + t.tHead.innerText);
  }
  for (const h of document.querySelectorAll('h2, h3')) heads.push(h.innerText);
  return heads;
}"""


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    """Pages of a synthetic history of 25 report years (2001-2025), six countries."""
    from tipdiff import corpus
    from tipdiff.inputs import parse_paths
    from tipdiff.testing.history import make_history

    raw = tmp_path_factory.mktemp("raw25")
    make_history(6, range(2001, 2026), seed=19).write(raw)
    parsed = parse_paths(sorted(str(p) for p in raw.rglob("*") if p.is_file()),
                         year=None, country=None, fmt="auto")
    model = corpus.analyse(parsed.documents)
    assert {len(h.narratives) for h in model.histories} == {25}
    out = tmp_path_factory.mktemp("site25")
    for name, data in pages.render_reports(model.histories, parsed.errors).items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return out / "reports"


def _norm(text: str) -> str:
    return " ".join(text.split())


def printed_orphans(pdf: bytes, heads: list[str]) -> list[tuple[int, str]]:
    """Pages (but the last) whose text ends with a table header, a caption and header, or a
    heading: what a reader would find orphaned at the foot of a printed page."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    texts = [_norm(doc[i].get_textpage().get_text_range()) for i in range(len(doc))]
    heads = [h for h in (_norm(h) for h in heads) if len(h) >= 4]
    return [(i, h[:60]) for i, t in enumerate(texts[:-1]) for h in heads if t.endswith(h)]


def test_a_25_year_country_page_stays_readable_at_desktop_and_phone_width(browser, long_site):
    keep = os.environ.get("TIPDIFF_SCREENSHOTS")
    stem = sorted(p.stem for p in long_site.glob("*.html")
                  if not p.stem[:1].isdigit() and p.stem not in ("index", "themes")
                  and not p.stem.startswith("theme-"))[0]
    for width in (1280, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.route("**/*", lambda route: route.abort()
                      if not route.request.url.startswith("file://") else route.continue_())
        page = context.new_page()
        page.goto((long_site / f"{stem}.html").as_uri())
        assert page.locator("svg.tier-timeline circle").count() == 25
        m = page.evaluate(MEASURE)
        assert m["svg"] >= 10, (width, m)  # every timeline label at 10 px or more
        assert m["html"] >= 10, (width, m)
        assert m["page"] <= 0 and m["tables"] == [], (width, m)  # nothing wider than the screen
        # the 24 year pairs and 25 report years are one line each until opened
        nav = page.locator("nav.toc details.collapse")
        assert nav.count() == 1 and not nav.get_attribute("open")
        assert page.locator("nav.toc a[href^='#y']").first.is_hidden()
        nav.locator("summary").click()
        assert page.locator("nav.toc a[href^='#y']").count() == 24
        assert page.locator("nav.toc a[href^='#y']").first.is_visible()
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(keep) / f"country-25-years-{width}.png"),
                            full_page=width == 390)
        context.close()


def test_a_theme_filter_shows_only_that_themes_rows_without_script(browser, long_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    stem = next(p.stem for p in sorted(long_site.glob("*.html"))
                if not p.stem[:1].isdigit() and p.stem not in ("index", "themes")
                and not p.stem.startswith("theme-"))
    page.goto((long_site / f"{stem}.html").as_uri())
    assert page.locator("script").count() == 0
    rows = "tr[data-tags]"
    total = page.locator(rows).count()
    assert page.evaluate(f"[...document.querySelectorAll('{rows}')].every(r => r.offsetParent)")
    page.locator("details.filters summary").click()
    choice = page.locator("details.filters ul.filter-list a").nth(4)
    tag = choice.inner_text()
    choice.click()
    shown = page.evaluate(
        f"[...document.querySelectorAll('{rows}')].filter(r => r.offsetParent)"
        ".map(r => r.dataset.tags.split(' '))")
    tagged = page.evaluate(
        f"[...document.querySelectorAll('{rows}')].filter(r => r.dataset.tags.split(' ')"
        f".includes('{tag}')).length")
    assert 0 < len(shown) == tagged < total and all(tag in t for t in shown)
    assert page.locator(f".only-note.n-{tag}").is_visible()
    page.locator(f".only-note.n-{tag} a", has_text="Show every ask").click()
    assert page.evaluate(
        f"[...document.querySelectorAll('{rows}')].filter(r => r.offsetParent).length") == total
    page.close()


def test_printing_a_25_year_country_page_leaves_no_orphaned_header(browser, long_site):
    """Chromium prints the page (page.pdf, A4 and Letter); pypdfium2 reads each page's text:
    no page may end with a table's header (with or without its caption) or a heading."""
    stem = next(p.stem for p in sorted(long_site.glob("*.html"))
                if not p.stem[:1].isdigit() and p.stem not in ("index", "themes")
                and not p.stem.startswith("theme-"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for name in (f"{stem}.html", "2025.html", "theme-prosecution.html"):
        page.goto((long_site / name).as_uri())
        page.emulate_media(media="print")
        heads = page.evaluate(HEADS)
        assert len(heads) > 5
        for fmt in ("A4", "Letter"):
            pdf = page.pdf(format=fmt)
            assert pdf.startswith(b"%PDF")
            assert printed_orphans(pdf, heads) == [], (name, fmt)
    page.close()


def test_the_other_pages_of_a_long_history_fit_a_phone_too(browser, long_site):
    measure = MEASURE.replace(
        "document.querySelector('svg.tier-timeline').getBoundingClientRect().width", "0")
    for name in ("index.html", "2025.html", "themes.html", "theme-prosecution.html"):
        page = browser.new_page(viewport={"width": 390, "height": 900})
        page.goto((long_site / name).as_uri())
        m = page.evaluate(measure)
        assert m["page"] <= 0 and m["tables"] == [] and m["html"] >= 10, (name, m)
        page.close()
