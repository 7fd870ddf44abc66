"""What issue 15 added to the pages, seen in a real browser (headless Chromium, as in
test_browser.py): a country page with a reinstated item (its earlier wording beside it), a
Special Case year (named unranked, in words), a long history (24 report years), and a
country the report names differently from the standard name. Screenshots must not be blank;
set TIPDIFF_SCREENSHOTS=DIR to keep them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tipdiff.corpus import analyse
from tipdiff.inputs import parse_paths
from tipdiff.parse import parse_narrative
from tipdiff.render import pages
from tipdiff.testing.history import make_history

from .test_browser import browser, not_blank  # noqa: F401 - the shared browser fixture
from .test_reports import demo_model


def _write(files: dict, root: Path) -> Path:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return root / "reports"


# Our own words, with a real name: the report says Burma, the standard name is Myanmar.
def _burma(year: int, tier: str, move: str) -> str:
    return (
        f"{year} Trafficking in Persons Report: Burma\nBURMA: {tier}\n"
        "The Government of Burma does not fully meet the minimum standards for the elimination "
        f"of trafficking and is not making significant efforts to do so; therefore Burma {move}.\n"
        "PRIORITIZED RECOMMENDATIONS:\nEnd the use of forced labor by the armed forces.\n"
        "Screen displaced people for trafficking indicators.\nPROSECUTION\nThe government "
        "decreased law enforcement efforts.\n"
    )


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    hist, _diffs, errors = demo_model()
    demo = _write(pages.render_reports(hist, errors), tmp_path_factory.mktemp("demo"))
    raw = tmp_path_factory.mktemp("raw")
    make_history(3, range(2001, 2025), seed=7, whole_report_years=()).write(raw)
    parsed = parse_paths(sorted(str(p) for p in raw.rglob("*.*")), year=None, country=None,
                         fmt="auto")
    burma = [
        parse_narrative(_burma(2022, "Tier 3", "remained on Tier 3"), source="burma_2022.txt"),
        parse_narrative(_burma(2023, "Tier 3", "remained on Tier 3"), source="burma_2023.txt"),
    ]
    docs = [*parsed.documents, *(d for r in burma for d in r.documents)]
    result = analyse(docs)
    long = _write(pages.render_reports(result.histories, ()), tmp_path_factory.mktemp("long"))
    return demo, long, result.histories


def test_reinstated_special_case_long_history_and_report_names_in_chromium(browser, sites, tmp_path):  # noqa: F811
    from .test_browser import OFFLINE_FLAGS  # noqa: F401 - the browser is launched with them

    demo, long, histories = sites
    keep = os.environ.get("TIPDIFF_SCREENSHOTS")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    shots = {}

    page.goto((demo / "freedonia.html").as_uri())
    row = page.locator("tr.row-reinstated")
    assert row.count() == 1 and row.first.is_visible()
    text = " ".join(row.first.inner_text().split())
    assert "↺ reinstated" in text and "last asked in 2022 as #5" in text
    assert "Establish a victim hotline." in text  # the earlier wording, beside the new one
    shots["reinstated"] = page.screenshot(full_page=True)

    page.goto((demo / "ruritania.html").as_uri())
    tiers = page.locator("#tiers table tbody tr").first  # newest first: 2024, Special Case
    assert "Special Case" in tiers.inner_text()
    assert "unranked (a Special Case year: outside the ranking)" in tiers.inner_text()
    shots["special-case"] = page.screenshot(full_page=True)

    longest = max(histories, key=lambda h: len(h.narratives))
    stem = next(h for h in histories if h is longest).country.lower().replace(" ", "-")
    page.goto((long / f"{stem}.html").as_uri())
    assert page.locator("h1").count() == 1
    assert page.locator("section[id^='y']").count() == len(longest.diffs) >= 20
    assert page.locator("svg.tier-timeline circle").count() == len(longest.narratives)
    shots["long-history"] = page.screenshot(full_page=True)

    page.goto((long / "MMR.html").as_uri())
    assert page.locator("h1").inner_text().startswith("Burma")
    assert "Standard name: Myanmar (ISO3 MMR)" in page.locator("p.aka").inner_text()
    page.goto((long / "index.html").as_uri())
    assert page.locator("#countries").get_by_role("link", name="Burma").is_visible()
    context.close()

    assert problems == []
    for name, png in shots.items():
        path = tmp_path / f"{name}.png"
        path.write_bytes(png)
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            shutil.copy(path, Path(keep) / path.name)
        m = not_blank(browser, png)
        assert m["width"] == 1280 and m["height"] >= 900, (name, m)
        assert m["colours"] > 20 and m["ink"] > 0.01, (name, m)
