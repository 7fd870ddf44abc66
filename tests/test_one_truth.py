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
from collections import Counter, defaultdict

import jsonschema
import lxml.etree
import lxml.html
import pytest

from tipdiff.cli import main
from tipdiff.diff import KINDS
from tipdiff.jsonschemas import schemas

YEARS = range(2001, 2025)


@pytest.fixture(scope="module")
def published(synthetic_run):
    return synthetic_run


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


# ----------------------------------------------------------------- issue 19: across countries

STATUS = {"added": "new", "reinstated": "reinstated", "unchanged": "persisting",
          "reworded": "persisting", "split": "persisting", "merged": "persisting",
          "dropped": "dropped"}  # written out here, not imported: the test states the rule


def _csv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_theme_pages_count_what_the_tables_say(published):
    """Every theme page (HTML and Markdown): per report year, the countries asked and the
    countries with new, reinstated, persisting and dropped asks of the theme, equal to the
    recommendations and changes tables (their frames and themes columns)."""
    from tipdiff.themes import TAGS

    _history, _raw, out = published
    reports = out / "reports"
    want: dict[tuple, set] = defaultdict(set)
    for r in _csv(out / "changes.csv"):
        status = STATUS.get(r["kind"])
        if status is None:
            continue  # unseen: not counted
        for t in json.loads(r["frames"]) + json.loads(r["themes"]):
            want[(t, int(r["to_year"]), status)].add(r["country"])
    for r in _csv(out / "recommendations.csv"):
        for t in json.loads(r["frames"]) + json.loads(r["themes"]):
            want[(t, int(r["year"]), "asked")].add(r["country"])
    names = {}  # the pages name countries as the latest report does: map to standard names
    for r in _csv(out / "tiers.csv"):
        names[r["country_in_report"]] = r["country"]
    checked = nonzero = 0
    for t in TAGS:
        page = lxml.html.parse(str(reports / f"theme-{t}.html")).getroot()
        heads = [th.text_content().strip() for th in page.xpath("//table[@class='theme-counts']//thead//th")]
        assert heads == ["year", "countries asked", "new", "reinstated", "persisting", "dropped"]
        md = (reports / f"theme-{t}.md").read_text(encoding="utf-8")
        md_rows = {int(m.group(1)): [int(x) for x in m.group(2).split("|") if x.strip()]
                   for m in re.finditer(r"^\| (\d{4}) \|((?: \d+ \|)+)$", md, re.M)}
        for tr in page.xpath("//table[@class='theme-counts']//tbody/tr"):
            year = int(tr.xpath("string(th)"))
            cells = [int(td.text_content()) for td in tr.xpath("td")]
            expect = [len(want[(t, year, s)]) for s in
                      ("asked", "new", "reinstated", "persisting", "dropped")]
            assert cells == expect, (t, year)
            assert md_rows[year] == expect, ("md", t, year)
            section = page.get_element_by_id(f"y{year}")
            for status, p in zip(("asked", "new", "reinstated", "persisting", "dropped"),
                                 section.xpath("./p"), strict=False):
                named = {names.get(a.text_content(), a.text_content()) for a in p.xpath(".//a")}
                assert named == want[(t, year, status)], (t, year, status)
            checked += 1
            nonzero += any(expect)
    assert checked == len(TAGS) * len(YEARS) and nonzero > 200


def test_year_pages_show_the_stock_asks_the_tables_hold(published):
    """The same ask across countries: the stock_asks table, each recommendation's
    stock_group, and each year page's largest groups with the countries asked for the first
    time, agree."""
    _history, _raw, out = published
    stock = {r["stock_group"]: r for r in _csv(out / "stock_asks.csv")}
    assert stock, "the synthetic history gives several countries the same asks"
    members: dict[str, set] = defaultdict(set)
    for r in _csv(out / "recommendations.csv"):
        if r["stock_group"]:
            members[r["stock_group"]].add(r["country"])
            assert int(r["stock_size"]) == int(stock[r["stock_group"]]["size"])
    assert set(members) == set(stock)
    for gid, row in stock.items():
        assert sorted(members[gid]) == json.loads(row["countries"]) and int(row["size"]) >= 2
        assert set(json.loads(row["first_time_countries"])) <= members[gid]
        assert int(row["first_time"]) == len(json.loads(row["first_time_countries"]))
    names = {r["country_in_report"]: r["country"] for r in _csv(out / "tiers.csv")}
    shown = 0
    for year in YEARS:
        mine = sorted((r for r in stock.values() if int(r["year"]) == year),
                      key=lambda r: (-int(r["size"]), r["stock_group"]))
        page = lxml.html.parse(str(out / "reports" / f"{year}.html")).getroot()
        rows = page.xpath("//section[@id='stock']//tbody/tr")
        assert [tr.get("id") for tr in rows] == [r["stock_group"] for r in mine[:10]], year
        for tr in rows:
            row = stock[tr.get("id")]
            size, first = (int(td.text_content()) for td in tr.xpath("td[@class='num']"))
            assert (size, first) == (int(row["size"]), int(row["first_time"]))
            links = tr.xpath("td[last()]/a")
            assert sorted(names.get(a.text_content(), a.text_content()) for a in links) == \
                json.loads(row["countries"])
            starred = {names.get(a.text_content(), a.text_content()) for a in links
                       if (a.tail or "").strip().startswith("★") or
                       (a.getnext() is not None and a.getnext().get("class") == "first")}
            assert starred == set(json.loads(row["first_time_countries"]))
            shown += 1
    assert shown > 20


def test_find_says_what_the_tables_say(published, capsys):
    """`find` with filters only: the asks added in a year are the changes table's added rows,
    and each hit's kind, number and tags are the tables' own."""
    from tipdiff.find import find

    _history, _raw, out = published
    changes = _csv(out / "changes.csv")
    for year in (2005, 2013, 2024):
        added = {(r["country"], int(r["to_number"])) for r in changes
                 if r["kind"] == "added" and int(r["to_year"]) == year}
        hits = find("", out, year=year, kind="added", limit=0).hits
        assert {(h.country, h.number) for h in hits} == added
        dropped = {(r["country"], int(r["from_number"])) for r in changes
                   if r["kind"] == "dropped" and int(r["to_year"]) == year}
        shown = _json(capsys, ["find", "", "--year", str(year), "--kind", "dropped",
                               "--limit", "0", "--out", str(out), "--json"])
        jsonschema.Draft202012Validator(schemas()["find"]).validate(shown)
        assert {(h["country"], h["number"]) for h in shown["hits"]} == dropped
    recs = {(r["country"], int(r["year"]), int(r["number"])): r
            for r in _csv(out / "recommendations.csv")}
    for h in find("investigate and prosecute", out, limit=50).hits:
        if h.kind == "dropped":
            continue
        r = recs[(h.country, h.year, h.number)]
        assert (h.text, list(h.frames), list(h.themes)) == (
            r["text"], json.loads(r["frames"]), json.loads(r["themes"]))
        assert (h.stock_group or "") == r["stock_group"]
