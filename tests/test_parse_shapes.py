"""Every shape in FORMATS.md, written in our own words with fictional countries.

Each fixture has explicit expectations here and a golden JSON of the whole parse
(regenerate with TIPDIFF_UPDATE_GOLDEN=1 and review the diff).
"""

from __future__ import annotations

import pytest

from tipdiff.parse import parse_bytes
from tipdiff.records import parse_object

from .conftest import FIXTURES, assert_golden

SHAPES = FIXTURES / "shapes"

# file: (country, year, tier, tier_source, movement, items, first item, last item)
CASES = {
    "semicolons_2017.txt": ("Freedonia", 2017, "Tier 2 Watch List", "both", "remained", 5,
                            "Vigorously investigate and prosecute trafficking offenses, including those involving complicit officials, and convict and sentence traffickers – including recruiters – to significant prison terms",
                            "establish a national coordinating body with a dedicated budget."),
    "inline_bullets_2019.txt": ("Sylvania", 2019, "Tier 2", "both", "upgraded", 5,
                                "Investigate; prosecute; and convict traffickers, including officials complicit in trafficking crimes.",
                                "Adopt a national action plan."),
    "glued_2020.txt": ("Grand Fenwick", 2020, "Tier 2", "both", "remained", 5,
                       "Amend the criminal code to prescribe adequate penalties.",
                       "Increase the number of labor inspectors and grant them authority to enter private homes."),
    "bullet_lines_2021.txt": ("Osterlich", 2021, "Tier 1", "both", "remained", 4,
                              "Increase efforts to identify victims among asylum-seekers and refer them to care.",
                              "Train prosecutors to pursue labor trafficking cases rather than lesser labor-law violations."),
    "dash_lines.txt": ("Ruritania", 2022, "Tier 3", "both", "downgraded", 4,
                       "Cease the use of forced labor in the annual cotton harvest.",
                       "Establish a victim hotline."),
    "paragraphs_headerless.txt": ("Sylvania", 2022, "Tier 2", "summary", "remained", 3,
                                  "Increase proactive victim identification among domestic workers and refer victims to services. Screening should include male victims.",
                                  "Raise awareness of forced labor among employers in agriculture."),
    "hard_wrapped_lines_2023.txt": ("Freedonia", 2023, "Tier 2 Watch List", "both", "downgraded", 5,
                                    "Significantly increase efforts to investigate and prosecute trafficking crimes, including forced labor in the fishing industry.",
                                    "Amend the law to define trafficking consistent with the 2000 UN TIP Protocol."),
    "running_text_2022.txt": ("Osterlich", 2022, "Tier 2", "both", "remained", 5,
                              "Increase efforts to identify victims among migrant workers. The government should screen workers in the agricultural sector before deportation.",
                              "Screen children in street situations for trafficking indicators."),
    "asterisks_wrapped_header_2024.txt": ("Grand Fenwick", 2024, "Tier 2 Watch List", "both", "remained", 4,
                                          "Increase funding for victim services, including shelters for men.",
                                          "Adopt and implement the national action plan."),
    "special_case.txt": ("Ruritania", 2022, "Special Case", "both", None, 0, None, None),
    "truncated.txt": ("Sylvania", 2021, "Tier 2", "both", "remained", 3,
                      "Increase investigations of forced labor in the mining sector.",
                      "Provide specialized shelter services for child victims and ensure they are"),
    "news_old_mirror_2009.txt": ("Osterlich", 2009, "Tier 2 Watch List", "both", None, 3,
                                 "Enact legislation that criminalizes all forms of trafficking",
                                 "train border guards to identify victims."),
    "waiver_auto_downgrade.txt": ("Ruritania", 2019, "Tier 3", "both", "downgraded", 2,
                                  "Cease forced labor in state-owned enterprises.",
                                  "Prosecute officials who confiscate workers' passports."),
    "header_disagrees.txt": ("Grand Fenwick", 2023, "Tier 2", "summary", "remained", 1,
                             "Establish a victim hotline.", "Establish a victim hotline."),
    "no_tier_anywhere.txt": ("Freedonia", 2021, None, None, None, 1,
                             "Establish a victim hotline.", "Establish a victim hotline."),
    "pre2017_profile_first.txt": ("Sylvania", 2015, "Tier 2", "both", "remained", 3,
                                  "Increase prosecutions of traffickers", "fund anti-trafficking NGOs."),
    "page_2023.html": ("Freedonia", 2023, "Tier 2", "both", "remained", 3,
                       "Increase efforts to investigate; prosecute; and convict traffickers.",
                       "Establish a victim hotline."),
    # Real-copy failure classes (issue 7), each in our own words.
    "semicolons_no_and_2016.txt": ("Sylvania", 2016, "Tier 2", "both", "remained", 4,
                                   "Pass a law that separates smuggling from trafficking and penalizes both labor and sex trafficking",
                                   "continue to train consular staff posted in logging regions to spot victims."),
    "semicolons_and_comma_2009.txt": ("Osterlich", 2009, "Tier 2", "header", None, 3,
                                      "Give the labor inspectorate the right to enter farms without a warrant",
                                      "allocate money in the national budget for the hotline run by churches."),
    "semicolons_cut_off_2015.txt": ("Ruritania", 2015, "Tier 2 Watch List", "both", None, 4,
                                    "Prosecute the owners of brick kilns that hold workers through debt",
                                    "extend the victim fund to"),
    "intro_prosecution_sentence_2018.txt": ("Grand Fenwick", 2018, "Tier 2", "both", "remained", 3,
                                            "Convict labor traffickers under the trafficking article rather than the labor code",
                                            "publish the national action plan before the next reporting period."),
    "glued_any_verb_2020.txt": ("Sylvania", 2020, "Tier 2", "both", "remained", 8,
                                "Document every referral of a victim by border officials.",
                                "Train labor inspectors on the plan."),
    "stray_bullet_last_line_2022.txt": ("Freedonia", 2022, "Tier 2 Watch List", "both", "remained", 4,
                                        "Screen seasonal farm workers for signs of forced labor before they are deported.",
                                        "Publish sentences handed down in trafficking cases."),
    "freedonia_2023.txt": ("Freedonia", 2023, "Tier 2", "both", "remained", 2,
                           "Increase funding for the national referral system.",
                           "Train judges on the use of victim testimony by video."),
    "archive_title_bare_tier_2014.txt": ("Osterlich", 2014, "Tier 1", "header", None, 3,
                                         "Sentence convicted traffickers to prison rather than fines",
                                         "train labor inspectors to recognize forced labor in construction."),
    "mirror_banner_wrapped_name_2023.txt": ("Grand Fenwick", 2023, "Tier 2", "both", "remained", 2,
                                            "Increase victim identification among workers in the vineyards.",
                                            "Provide interpreters to victims during court hearings."),
    "page_starts_at_recommendations_2015.txt": ("Sylvania", 2015, None, None, None, 4,
                                                "Vigorously prosecute officials who take bribes from recruiters",
                                                "inform workers going abroad about their rights."),
    "earliest_should_asks_2006.txt": ("Ruritania", 2006, "Tier 2", "header", None, 4,
                                      "Ruritania should increase funding for the shelter and extend its services to men.",
                                      "publish data on convictions."),
    "utf16_no_bom_2022.txt": ("Osterlich", 2022, "Tier 2", "both", "remained", 3,
                              "Increase the number of “labor” inspections in the tomato greenhouses.",
                              "Amend the penal code so that forced begging is a crime."),
    "one_item_then_prose_2008.txt": ("Ruritania", 2008, "Tier 1", "header", None, 1,
                                     "Give victims who testify against traffickers a residence permit of at least one year.",
                                     "Give victims who testify against traffickers a residence permit of at least one year."),
}
TRUNCATED = {"truncated.txt", "semicolons_cut_off_2015.txt"}
# Each failure class of issue 7 and the fixture that reproduces it (bench/eval_shapes.py
# prints the same table).
FAILURE_CLASSES = {
    "1 semicolon lists without a final 'and'": ["semicolons_no_and_2016.txt", "semicolons_and_comma_2009.txt",
                                                "semicolons_cut_off_2015.txt"],
    "2 end of list searched before its start": ["intro_prosecution_sentence_2018.txt"],
    "3 glued items before any verb": ["glued_any_verb_2020.txt"],
    "4 one stray bullet": ["stray_bullet_last_line_2022.txt"],
    "5 brackets in a country header": ["bracket_names_2021.txt"],
    "6 year in the file name": ["freedonia_2023.txt"],
    "7 UTF-16 without a byte-order mark": ["utf16_no_bom_2022.txt"],
    "8 PDF-extracted text": ["pdf_extracted_2022.txt"],
}


def parse_fixture(name: str):
    return parse_bytes((SHAPES / name).read_bytes(), source=name)


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape_parses_as_expected(name):
    country, year, tier, tier_source, movement, n, first, last = CASES[name]
    result = parse_fixture(name)
    assert result.errors == ()
    (doc,) = result.documents
    assert (doc.country, doc.year, doc.tier, doc.tier_source, doc.tier_movement) == (
        country, year, tier, tier_source, movement)
    texts = [r.text for r in doc.recommendations]
    assert len(texts) == n, texts
    if n:
        assert (texts[0], texts[-1]) == (first, last)
    for t in texts:  # clean text: single spaces, no glyphs, no non-breaking spaces
        assert "  " not in t and "\u00a0" not in t and not t.startswith(("•", "*", "- "))
    assert [r.truncated for r in doc.recommendations] == [name in TRUNCATED and i == n - 1 for i in range(n)]


@pytest.mark.parametrize("name", sorted(CASES) + ["pdf_multi_country.txt", "bracket_names_2021.txt",
                                                  "pdf_extracted_2022.txt"])
def test_shape_golden(name):
    assert_golden(parse_object(parse_fixture(name)), SHAPES / "golden" / (name + ".json"))


def test_pdf_text_with_several_countries_gives_one_document_each():
    result = parse_fixture("pdf_multi_country.txt")
    assert result.errors == ()
    a, b = result.documents
    assert (a.country, a.year, a.tier, len(a.recommendations)) == ("Freedonia", 2022, "Tier 2", 3)
    assert (b.country, b.year, b.tier, len(b.recommendations)) == ("Sylvania", 2022, "Tier 2 Watch List", 2)
    # hyphenation repaired, compound hyphen kept, page furniture and the previous country's tail gone
    assert a.recommendations[2].text == "Train anti-trafficking police on victim-centered approaches."
    assert a.recommendations[1].text == "Provide long-term shelter for adult victims."
    assert "214" not in " ".join(r.text for r in a.recommendations)
    assert b.recommendations[-1].text == "Establish a victim hotline."


def test_hyphenation_from_hard_wraps_is_repaired():
    (doc,) = parse_fixture("hard_wrapped_lines_2023.txt").documents
    assert "trafficking crimes" in doc.recommendations[0].text
    assert "national anti-trafficking commission" in doc.recommendations[1].text


def test_header_and_summary_disagreement_is_a_warning():
    (doc,) = parse_fixture("header_disagrees.txt").documents
    assert any("disagree" in w and "Tier 1" in w and "Tier 2" in w for w in doc.warnings)


def test_unknown_tier_is_not_a_crash_and_says_so():
    (doc,) = parse_fixture("no_tier_anywhere.txt").documents
    assert doc.tier is None and any("tier unknown" in w for w in doc.warnings)


def test_html_ignores_scripts_styles_and_navigation():
    (doc,) = parse_fixture("page_2023.html").documents
    texts = " ".join(r.text for r in doc.recommendations)
    assert "fake hotline" not in texts and "knowledge" not in texts and "Privacy" not in texts
    assert doc.recommendations[1].text == "Provide specialized services to male victims, including shelter."


def test_truncated_copy_is_marked_and_nothing_is_invented():
    (doc,) = parse_fixture("truncated.txt").documents
    last = doc.recommendations[-1]
    assert last.truncated and last.text.endswith("ensure they are")
    assert any("cut off" in w for w in doc.warnings)


def test_brackets_in_country_headers_name_the_country():
    result = parse_fixture("bracket_names_2021.txt")
    assert result.errors == ()
    assert [(d.country, d.country_code, d.tier, len(d.recommendations)) for d in result.documents] == [
        ("China", "CHN", "Tier 3", 2), ("Cocos (Keeling) Islands", "CCK", "Tier 2", 1)]


def test_year_from_the_file_name_says_where_it_came_from():
    (doc,) = parse_fixture("freedonia_2023.txt").documents
    assert doc.year == 2023
    assert "report year 2023 taken from the file name: the text states none" in doc.warnings
    # the text, then the file name, then the folder, then --year
    data = (SHAPES / "freedonia_2023.txt").read_bytes()
    assert parse_bytes(data, source="raw/2021/freedonia_2023.txt", year=2020).documents[0].year == 2023
    assert parse_bytes(data, source="raw/2021/freedonia.txt", year=2020).documents[0].year == 2021
    (doc,) = parse_bytes(data, source="freedonia.txt", year=2020).documents
    assert doc.year == 2020 and "report year 2020 taken from --year: the text states none" in doc.warnings


def test_pdf_extracted_text_repairs_only_what_is_certain():
    freedonia, sylvania = parse_fixture("pdf_extracted_2022.txt").documents
    texts = [r.text for r in freedonia.recommendations]
    # a running header between two lines of one item never splits it, nor ends up inside it
    assert texts[1] == "Provide long-term shelter for adult victims, including men."
    assert not any("FREEDONIA" in t or "65" in t for t in texts)
    # "conftict": the text spells "conflict" elsewhere, so the repair is certain
    assert texts[0].endswith("displaced by the conflict.")
    # "inftuence": nothing vouches for "influence": left as is, with a warning
    assert "inftuence" in texts[2] and "workers—particularly" in texts[2]
    assert any("'inftuence' may be a broken ligature" in w for w in freedonia.warnings)
    # the glued running header never starts a country
    assert [d.country for d in (freedonia, sylvania)] == ["Freedonia", "Sylvania"]
    assert freedonia.tier_movement_text.startswith("The government demonstrated overall increasing efforts")
    assert "—" in freedonia.tier_movement_text and "Š" not in freedonia.tier_movement_text


@pytest.mark.parametrize("failure_class", sorted(FAILURE_CLASSES))
def test_every_failure_class_has_a_fixture_with_expectations(failure_class):
    for name in FAILURE_CLASSES[failure_class]:
        assert name in CASES or name in ("bracket_names_2021.txt", "pdf_extracted_2022.txt"), name
