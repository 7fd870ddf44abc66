"""The same ask across countries (issue 19): near-identical asks of one report year given to
several countries form a group; a group is never a chain; a country asked for the first time
is one whose earlier reports are loaded and did not carry the ask."""

from __future__ import annotations

from rapidfuzz import fuzz

from tipdiff.corpus import analyse
from tipdiff.model import Narrative, Recommendation
from tipdiff.stock import STOCK_CUTOFF, assign, form, groups


def _narrative(country: str, year: int, asks: list[str]) -> Narrative:
    return Narrative(
        source=f"{country.lower()}_{year}.txt", sha256="0" * 64, country=country,
        country_code=None, year=year, tier="Tier 2", tier_source="header", tier_movement=None,
        tier_movement_text=None,
        recommendations=tuple(Recommendation(i, t) for i, t in enumerate(asks)),
    )


HOTLINE = "Establish a national hotline for victims and publicize its number."
FEES = "Eliminate recruitment fees charged to migrant workers by licensed agencies."


def test_near_identical_asks_of_one_year_form_one_group_across_countries():
    found = assign([
        ("AAA", 2024, 0, HOTLINE),
        ("BBB", 2024, 3, HOTLINE.upper().rstrip(".")),  # case and punctuation only
        ("CCC", 2024, 1, "Establish a national hotline for victims, and publicise its number."),
        ("DDD", 2024, 0, "Train judges on the trafficking law."),  # another ask
        ("AAA", 2023, 0, HOTLINE),  # another year: its own groups
    ])
    assert found[("AAA", 2024, 0)] == found[("BBB", 2024, 3)] == found[("CCC", 2024, 1)]
    assert found[("AAA", 2024, 0)].startswith("S2024-")
    assert ("DDD", 2024, 0) not in found  # given to one country: not a stock ask
    assert ("AAA", 2023, 0) not in found  # alone in its year


def test_one_country_twice_is_not_a_stock_ask_and_different_asks_never_merge():
    found = assign([("AAA", 2024, 0, FEES), ("AAA", 2024, 1, FEES),
                    ("BBB", 2024, 0, FEES.replace("licensed", "unlicensed")),
                    ("CCC", 2024, 0, "Eliminate recruitment fees charged to fishermen.")])
    assert fuzz.ratio(form(FEES), form("Eliminate recruitment fees charged to fishermen.")) \
        < STOCK_CUTOFF
    assert found[("AAA", 2024, 0)] == found[("BBB", 2024, 0)]
    assert ("CCC", 2024, 0) not in found
    assert assign([("AAA", 2024, 0, FEES), ("AAA", 2024, 1, FEES)]) == {}


def test_a_group_is_never_a_chain():
    """X is given to three countries, Y (one word off X) to one, Z (one word off Y, two off
    X) to one: Y joins X's group; Z is compared with X, the leader, not with Y."""
    x = "Provide shelter and medical care to adult male victims in every province."
    y = "Provide shelter and medical care to adult male victims in every district."
    z = "Provide housing and medical care to adult male victims in every district."
    fx, fy, fz = form(x), form(y), form(z)
    assert fuzz.ratio(fy, fz) >= STOCK_CUTOFF > fuzz.ratio(fx, fz)
    assert fuzz.ratio(fx, fy) >= STOCK_CUTOFF
    found = assign([("A", 2024, 0, x), ("B", 2024, 0, x), ("C", 2024, 0, x),
                    ("D", 2024, 0, y), ("E", 2024, 0, z), ("F", 2024, 0, z)])
    assert found[("D", 2024, 0)] == found[("A", 2024, 0)]
    assert found[("E", 2024, 0)] == found[("F", 2024, 0)] != found[("A", 2024, 0)]


def test_groups_name_the_countries_asked_for_the_first_time():
    docs = [
        _narrative("Averland", 2023, [HOTLINE, "Train police on the law."]),
        _narrative("Averland", 2024, [HOTLINE, "Train police on the law."]),
        _narrative("Brisca", 2023, ["Open a shelter for men."]),
        _narrative("Brisca", 2024, ["Open a shelter for men.", HOTLINE]),
        _narrative("Cendora", 2024, [HOTLINE]),  # its first report loaded: unknown
    ]
    model = analyse(docs)
    (g,) = groups(model.histories, year=2024)
    assert g.year == 2024 and g.size == 3 and g.text == HOTLINE
    assert g.countries == ("AVERLAND", "BRISCA", "CENDORA")
    assert g.first_time == ("BRISCA",)
    by = {h.key: h for h in model.histories}
    assert by["BRISCA"].stock == {(2024, 1): g.group_id}
    assert groups(model.histories, year=2023) == ()  # one country had it in 2023
