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
