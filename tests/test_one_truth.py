"""One truth on every surface (issue 15): a real `tipdiff run` over a synthetic history of
every report year (2001-2024: Special Case spells, Watch List streaks, reinstated asks,
whole-report files), then, for every country and year pair, the counts of each kind of change
are read from each surface's own output and must be equal: the changes table (CSV), `show
--json`, `diff --json` on that pair's two files (with the earlier reports, so reinstated asks
are known), the country page, the year page, the index and the Atom feed. The evidence
verdicts of dropped asks (issue 20) are read the same way: the changes table's
evidence_verdict, `show --json`, `diff --json`, the country page and the feed."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict

import jsonschema
import lxml.etree
import lxml.html
import pytest

from tipdiff.cli import main
from tipdiff.diff import KINDS
from tipdiff.jsonschemas import schemas
from tipdiff.testing.history import make_history

from .conftest import ROOT, cli_env

YEARS = range(2001, 2025)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    history = make_history(6, YEARS, seed=15, whole_report_years=(2012,))
    history.write(raw)
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "tipdiff", "run", "--raw", str(raw), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
        env=cli_env(tmp_path_factory.mktemp("prefect-home")),
    )
    assert proc.returncode == 0, proc.stderr
    return history, raw, out


def _json(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def _li_counts(elements) -> dict[str, int]:
    """Counts from a rendered `ul.counts` (each item 'symbol N kind', class k-<kind>)."""
    out = {}
    for li in elements:
        kind = li.get("class").removeprefix("k-")
        n = int(re.search(r"(\d+)\s+\S+\s*$", li.text_content().strip()).group(1))
        out[kind] = n
    return out


def _verdicts(elements) -> dict[str, int]:
    """Verdict counts from a rendered `ul.verdicts` (each item 'N dropped: words', class
    v-<verdict>)."""
    return {
        li.get("class").removeprefix("v-"): int(li.text_content().split()[0]) for li in elements
    }


def _json_verdicts(pair) -> dict[str, int]:
    said = Counter(c["evidence"]["verdict"] for c in pair["changes"] if c["evidence"])
    assert _nonzero(pair["evidence_counts"]) == dict(said)
    return dict(said)


def _nonzero(counts) -> dict[str, int]:
    return {k: n for k, n in counts.items() if n}


def test_every_surface_tells_the_same_counts(published, capsys):
    history, raw, out = published
    reports = out / "reports"

    # the changes table: one change per change_id
    table: dict[tuple, Counter] = defaultdict(Counter)
    verdicts: dict[tuple, Counter] = defaultdict(Counter)
    seen = set()
    with open(out / "changes.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            key = (r["country"], int(r["from_year"]), int(r["to_year"]))
            if (key, r["change_id"]) not in seen:
                seen.add((key, r["change_id"]))
                table[key][r["kind"]] += 1
                if r["evidence_verdict"]:
                    verdicts[key][r["evidence_verdict"]] += 1
    said = Counter()
    for c in verdicts.values():
        said.update(c)
    assert said["done"] and said["none"], said  # the history's bodies answer dropped asks
    assert sum(c["reinstated"] for c in table.values()) > 0  # the history brings asks back
    assert {k for c in table.values() for k in c} <= set(KINDS)

    # pages: the index names each country's page
    index = lxml.html.parse(str(reports / "index.html")).getroot()
    stems = {
        a.text_content(): a.get("href").removesuffix(".html")
        for a in index.xpath("//section[@id='countries']//tbody//th//a")
    }
    assert set(stems) == set(history.countries)
    show_schema = jsonschema.Draft202012Validator(schemas()["show"])
    diff_schema = jsonschema.Draft202012Validator(schemas()["diff"])
    files_of = defaultdict(dict)
    for d in history.documents:
        files_of[d.country][d.year] = str(raw / d.source)

    checked = 0
    for country in history.countries:
        shown = _json(capsys, ["show", country, "--out", str(out), "--json"])
        show_schema.validate(shown)
        page = lxml.html.parse(str(reports / f"{stems[country]}.html")).getroot()
        feed = lxml.etree.parse(str(reports / "feeds" / f"{stems[country]}.xml")).getroot()
        ns = {"a": "http://www.w3.org/2005/Atom"}
        entries = {
            int(e.findtext("a:id", namespaces=ns).rsplit(":", 1)[1]): e
            for e in feed.findall("a:entry", ns)
        }
        years = sorted(files_of[country])
        for p in shown["pairs"]:
            a, b = p["from_year"], p["to_year"]
            key = (country, a, b)
            want = dict(table[key])
            assert _nonzero(p["counts"]) == want, ("show", key)
            assert Counter(c["kind"] for c in p["changes"]) == Counter(want), ("show rows", key)
            earlier = [files_of[country][y] for y in years if y < a]
            diffed = _json(
                capsys,
                ["diff", "--json", files_of[country][a], files_of[country][b],
                 "--earlier", *earlier],
            )
            diff_schema.validate(diffed)
            (pair,) = [q for q in diffed["pairs"] if q["country"] == country]
            assert _nonzero(pair["counts"]) == want, ("diff", key)
            section = page.get_element_by_id(f"y{a}-{b}")
            assert _li_counts(section.xpath(".//ul[@class='counts']/li")) == want, ("page", key)
            content = lxml.html.fromstring(entries[b].findtext("a:content", namespaces=ns))
            assert _li_counts(content.xpath(".//ul[@class='counts']/li")) == want, ("feed", key)
            # the evidence verdicts of its dropped asks, on every surface
            said = dict(verdicts[key])
            assert _json_verdicts(p) == said, ("show verdicts", key)
            assert _json_verdicts(pair) == said, ("diff verdicts", key)
            assert _verdicts(section.xpath(".//ul[@class='verdicts']/li")) == said, ("page", key)
            assert _verdicts(content.xpath(".//ul[@class='verdicts']/li")) == said, ("feed", key)
            checked += 1
    assert checked == len(table) == len(history.pairs)

    # the year pages and the index: the sum over the countries compared that year
    totals: dict[int, Counter] = defaultdict(Counter)
    for (_country, _a, b), counts in table.items():
        totals[b].update(counts)
    index_rows = {}
    header = [th.get("class").split()[-1].removeprefix("k-")
              for th in index.xpath("//section[@id='years']//thead//th[contains(@class,'k-')]")]
    for tr in index.xpath("//section[@id='years']//tbody/tr"):
        year = int(tr.xpath("string(th)"))
        cells = [td.text_content() for td in tr.xpath("td")][2:]
        index_rows[year] = {k: int(v) for k, v in zip(header, cells, strict=True) if v != "–"}
    for year in YEARS:
        want = _nonzero(totals[year])
        assert _nonzero(index_rows.get(year, {})) == want, ("index", year)
        yp = lxml.html.parse(str(reports / f"{year}.html")).getroot()
        heads = [th.get("class").split()[-1].removeprefix("k-")
                 for th in yp.xpath("//section[@id='changes']//thead//th")]
        cells = [int(td.text_content()) for td in yp.xpath("//section[@id='changes']//tbody//td")]
        assert _nonzero(dict(zip(heads, cells, strict=True))) == want, ("year page", year)
