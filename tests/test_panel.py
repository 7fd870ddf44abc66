"""The research panel (issue 17): Correlates of War codes checked by hand, the tier coding
for every tier and Special Case, and the panel read against the other tables of the same run
(one row per country and report year; its counts are the changes table's)."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest

from tipdiff.corpus import analyse
from tipdiff.countries import cow_code, resolve
from tipdiff.diff import KINDS
from tipdiff.inputs import inventory, parse_files
from tipdiff.panel import wide, wide_csv
from tipdiff.tables import build_tables
from tipdiff.testing.history import make_history
from tipdiff.tiers import TIER_NUMBERS, TIERS, tier_number

# COW state numbers typed by hand from the Correlates of War state system list (not from the
# library), for names as the TIP Report writes them, old names included.
COW_BY_HAND = {
    "United States": 2, "Canada": 20, "Mexico": 70, "The Bahamas": 31, "Cuba": 40,
    "Haiti": 41, "Dominican Republic": 42, "Peru": 135, "Brazil": 140, "United Kingdom": 200,
    "France": 220, "Germany": 255, "Czech Republic": 316, "Serbia": 345,
    "Serbia and Montenegro": 345, "Montenegro": 341, "Macedonia": 343,
    "North Macedonia": 343, "Bosnia and Herzegovina": 346, "Kosovo": 347, "Russia": 365,
    "Ukraine": 369, "Belarus": 370, "Cote d'Ivoire": 437, "Nigeria": 475,
    "Congo, Republic of the": 484, "Congo, Democratic Republic of the": 490, "Eritrea": 531,
    "Swaziland": 572, "Eswatini": 572, "South Africa": 560, "Libya": 620, "Sudan": 625,
    "South Sudan": 626, "Iran": 630, "Turkey": 640, "Syria": 652, "Yemen": 679,
    "Afghanistan": 700, "China": 710, "Taiwan": 713, "Korea, North": 731,
    "Korea, South": 732, "Japan": 740, "India": 750, "Pakistan": 770, "Burma": 775,
    "Thailand": 800, "Vietnam": 816, "Philippines": 840, "Indonesia": 850,
    "Timor-Leste": 860, "Australia": 900, "Kiribati": 946, "Tuvalu": 947, "Tonga": 955,
    "Nauru": 970, "Marshall Islands": 983, "Palau": 986, "Micronesia": 987, "Samoa": 990,
}
# In the TIP Report with a narrative of their own, but no state of the COW system.
NO_COW = ["Hong Kong", "Macau", "Curacao", "Sint Maarten", "Aruba", "Freedonia"]


@pytest.mark.parametrize("name", sorted(COW_BY_HAND))
def test_cow_codes_are_right_for_countries_checked_by_hand(name):
    standard, iso3 = resolve(name)
    assert cow_code(iso3, standard) == COW_BY_HAND[name], (name, standard, iso3)


@pytest.mark.parametrize("name", NO_COW)
def test_territories_and_unknown_names_have_no_cow_code(name):
    standard, iso3 = resolve(name)
    assert cow_code(iso3, standard) is None
    assert (iso3 is None) == (name == "Freedonia")  # the territories keep their ISO3 code


def test_the_tier_coding_for_every_tier_and_special_case():
    assert {t: tier_number(t) for t in TIERS} == {
        "Tier 1": 1, "Tier 2": 2, "Tier 2 Watch List": 3, "Tier 3": 4, "Special Case": None}
    assert tier_number(None) is None and tier_number("Tier 4") is None
    assert sorted(TIER_NUMBERS.values()) == [1, 2, 3, 4]


@pytest.fixture(scope="module")
def history_tables(tmp_path_factory):
    """A synthetic history of every report year (Special Case spells, Watch List streaks,
    reinstated asks) through the core, as a run makes its tables."""
    raw = tmp_path_factory.mktemp("raw")
    make_history(8, range(2001, 2025), seed=17).write(raw)
    parsed = parse_files(inventory(raw))
    result = analyse(parsed.documents)
    return build_tables(result.histories, parsed.errors)


def test_the_panel_is_one_row_per_country_and_year_and_agrees_with_the_other_tables(history_tables):
    panel, tiers, changes = (history_tables[t] for t in ("panel", "tiers", "changes"))
    assert len(panel) == len(tiers) and not panel.duplicated(["country", "year"]).any()
    shared = ["country", "country_code", "country_in_report", "year", "tier", "tier_change",
              "waiver", "watch_list_years", "watch_list_years_counted", "watch_list_limit",
              "watch_list_limit_reached", "recommendations", "list_status"]
    pd.testing.assert_frame_equal(panel[shared], tiers[shared])
    numbers = [None if pd.isna(n) else int(n) for n in panel["tier_number"]]
    assert numbers == [None if pd.isna(t) else tier_number(t) for t in panel["tier"]]
    special = panel[panel["tier"] == "Special Case"]
    assert len(special) > 0 and special["tier_number"].isna().all()
    assert (panel["watch_list_years"] >= 3).any()  # streaks past the limit are in the data
    counts = (changes.drop_duplicates("change_id").groupby(["country", "to_year", "kind"])
              .size().unstack("kind", fill_value=0))
    seen = 0
    for row in panel.itertuples():
        if pd.isna(row.previous_year):
            assert all(pd.isna(getattr(row, f"n_{k}")) for k in KINDS)
            continue
        seen += 1
        want = counts.loc[(row.country, row.year)] if (row.country, row.year) in counts.index else {}
        for k in KINDS:
            assert getattr(row, f"n_{k}") == int(want.get(k, 0)), (row.country, row.year, k)
        earlier = panel[(panel.country == row.country) & (panel.year < row.year)]["year"]
        assert row.previous_year == earlier.max()
    assert seen > 100 and panel["n_reinstated"].sum() > 0


def test_the_wide_table_is_the_panel_laid_out_by_year(history_tables):
    panel = history_tables["panel"]
    table = wide(panel)
    years = sorted(panel["year"].unique())
    assert list(table.columns) == ["country", "country_code", "cow_code", *map(str, years)]
    assert len(table) == panel["country"].nunique()
    for row in panel.itertuples():
        cell = table.loc[table.country == row.country, str(row.year)].iloc[0]
        assert (pd.isna(cell) and pd.isna(row.tier_number)) or cell == row.tier_number
    rows = list(csv.reader(io.StringIO(wide_csv(panel).decode("utf-8"))))
    assert rows[0] == list(table.columns) and len(rows) == len(table) + 1
    special = panel[panel["tier"] == "Special Case"].iloc[0]
    at = rows[0].index(str(special["year"]))
    assert next(r for r in rows if r[0] == special["country"])[at] == ""  # no number for SC


def test_a_real_name_gets_its_codes_and_keeps_the_reports_name():
    import tipdiff

    text = ("BURMA: Tier 3\nThe Government of Burma does not fully meet the minimum standards "
            "for the elimination of trafficking and is not making significant efforts to do so."
            "\nPRIORITIZED RECOMMENDATIONS:\n• End the use of forced labor by the military.\n"
            "PROSECUTION\nThe government decreased law enforcement efforts.\n")
    docs = tipdiff.parse_text(text, source="burma.txt", year=2019).documents
    (row,) = build_tables(analyse(docs).histories, ())["panel"].to_dict("records")
    assert (row["country"], row["country_code"], row["cow_code"]) == ("Myanmar", "MMR", 775)
    assert (row["country_in_report"], row["tier_number"]) == ("Burma", 4)
