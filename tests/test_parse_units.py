"""Headers, tiers, countries, encodings and bad input, as small table-driven cases."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tipdiff import countries
from tipdiff.parse import find_headers, find_tier_statement, parse_bytes, split_items

from .conftest import FIXTURES, ROOT, SEED

SHAPES = FIXTURES / "shapes"


@pytest.mark.parametrize("lines, name, tier", [
    (["FREEDONIA: Tier 2"], "FREEDONIA", "Tier 2"),
    (["FREEDONIA: TIER 2 WATCH LIST"], "FREEDONIA", "Tier 2 Watch List"),
    (["FREEDONIA (Tier 2)"], "FREEDONIA", "Tier 2"),
    (["Freedonia (Tier 3)"], "Freedonia", "Tier 3"),
    (["FREEDONIA (Tier 1) Extracted in part  from the U.S. State Dept 2023 TIP Report"], "FREEDONIA", "Tier 1"),
    (["FREEDONIA", "(Tier 2 Watch List)", "–", "Extracted", "in part from the U.S. State Dept",
      "2023 TIP Report - Freedonia"], "FREEDONIA", "Tier 2 Watch List"),
    (["FREEDONIA (TIER 2)   [Extracted from U.S. State Dept Trafficking in Persons Report, June 2009]"], "FREEDONIA", "Tier 2"),
    (["SPECIAL CASE: FREEDONIA"], "FREEDONIA", "Special Case"),
    (["Freedonia (Special Case)"], "Freedonia", "Special Case"),
    (["Special Case (Freedonia)"], "Freedonia", "Special Case"),
    (["THE BAHAMAS: Tier 1"], "THE BAHAMAS", "Tier 1"),
    (["CONGO, DEMOCRATIC REPUBLIC OF THE: Tier 2 Watch List"], "CONGO, DEMOCRATIC REPUBLIC OF THE", "Tier 2 Watch List"),
    (["KOREA, NORTH: Tier 3"], "KOREA, NORTH", "Tier 3"),
    (["CÔTE D'IVOIRE: Tier 2"], "CÔTE D'IVOIRE", "Tier 2"),
])
def test_header_forms(lines, name, tier):
    (h,) = find_headers(lines + ["The Government of X does not fully meet the minimum standards."])
    assert (h.name, h.tier, h.line) == (name, tier, 0)


@pytest.mark.parametrize("line", [
    "Freedonia remained on Tier 2 (Tier 2) and the government said so.",
    "PRIORITIZED RECOMMENDATIONS:",
    "Tier 2",
    "The government (Tier 2) reported",
])
def test_prose_is_not_a_header(line):
    assert find_headers([line]) == []


@pytest.mark.parametrize("sentence, tier, movement", [
    ("therefore Freedonia remained on Tier 2.", "Tier 2", "remained"),
    ("therefore, Freedonia remained on Tier 2 Watch List for the third consecutive year.", "Tier 2 Watch List", "remained"),
    ("Freedonia made key achievements; therefore Freedonia was upgraded to Tier 1.", "Tier 1", "upgraded"),
    ("Therefore Freedonia was downgraded to Tier 2 Watch List.", "Tier 2 Watch List", "downgraded"),
    ("Freedonia was automatically downgraded to Tier 3 after four consecutive years on Tier 2 Watch List.", "Tier 3", "downgraded"),
    ("Freedonia was granted a waiver from an otherwise required downgrade to Tier 3 because of its plan.", "Tier 2 Watch List", "remained"),
    ("Freedonia is placed on Tier 2 Watch List for its failure to show evidence.", "Tier 2 Watch List", None),
    ("Freedonia is a Special Case for the fifth consecutive year.", "Special Case", None),
    ("The government made no statement about its ranking.", None, None),
])
def test_tier_sentences(sentence, tier, movement):
    found_tier, found_movement, text, _ = find_tier_statement("The summary says so. " + sentence)
    assert (found_tier, found_movement) == (tier, movement)
    if tier:
        assert text == sentence


@pytest.mark.parametrize("names, code", [
    (["Swaziland", "Eswatini", "ESWATINI"], "SWZ"),
    (["Burma", "BURMA"], "MMR"),
    (["Turkey", "Türkiye", "TÜRKIYE"], "TUR"),
    (["Macedonia", "North Macedonia", "NORTH MACEDONIA"], "MKD"),
    (["CONGO, DEMOCRATIC REPUBLIC OF THE", "Congo, Democratic Republic of the"], "COD"),
    (["KOREA, NORTH", "Korea, North"], "PRK"),
    (["THE BAHAMAS", "The Bahamas", "Bahamas"], "BHS"),
    (["CÔTE D'IVOIRE", "Cote d’Ivoire"], "CIV"),
    (["PERU", "Peru"], "PER"),
])
def test_names_that_changed_map_to_one_code(names, code):
    resolved = {countries.resolve(n) for n in names}
    assert len(resolved) == 1 and next(iter(resolved))[1] == code


def test_fictional_country_keeps_its_name_without_code():
    assert countries.resolve("GRAND FENWICK") == ("Grand Fenwick", None)


@pytest.mark.parametrize("encode", [
    lambda t: t.encode("utf-8"),
    lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    lambda t: t.replace("\n", "\r\n").encode("cp1252"),
    lambda t: t.encode("utf-16"),
    lambda t: t.encode("utf-16-le"),
    lambda t: t.replace("\n", "\r\n").encode("utf-16-be"),
], ids=["utf8", "utf8-bom", "crlf", "cp1252-crlf", "utf16", "utf16le-no-bom", "utf16be-no-bom-crlf"])
def test_encodings_give_the_same_result(encode):
    text = SEED.read_text(encoding="utf-8").replace("Venezuelans", "Venezuelans “in need”")
    base = parse_bytes(text.encode("utf-8"), source="s.txt").documents[0]
    doc = parse_bytes(encode(text), source="s.txt").documents[0]
    assert [r.text for r in doc.recommendations] == [r.text for r in base.recommendations]
    assert "“in need”" in doc.recommendations[7].text
    assert (doc.country, doc.year, doc.tier) == ("Peru", 2023, "Tier 2")
    if encode(".")[1:2] == b"\x00" or encode(".")[:1] == b"\x00":  # UTF-16 without a BOM says so
        assert any("UTF-16 text without a byte-order mark" in w for w in doc.warnings)


@pytest.mark.parametrize("data, fragment", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (b"Dear diary, today I baked bread and walked the dog.\n", "not a TIP country narrative"),
    (b"FREEDONIA: Tier 2\nThe Government of Freedonia fully meets the minimum standards.\n", "no report year"),
])
def test_bad_input_is_a_clean_error_naming_the_file(data, fragment):
    result = parse_bytes(data, source="in/bad.txt")
    assert result.documents == ()
    (err,) = result.errors
    assert err.source == "in/bad.txt" and err.message.startswith("in/bad.txt") and fragment in err.message


def test_no_year_error_names_the_line_and_what_was_expected():
    result = parse_bytes(b"intro\nFREEDONIA: Tier 2\nThe Government of Freedonia fully meets the minimum standards.\n",
                         source="x.txt")
    assert "line 2" in result.errors[0].message and "--year" in result.errors[0].message


def test_year_from_folder_then_flag():
    data = (SHAPES / "running_text_2022.txt").read_text().replace(
        "Trafficking in Persons Report 2022 - Country Narratives - Osterlich\n", "").encode()
    assert parse_bytes(data, source="raw/2021/x.txt").documents[0].year == 2021
    assert parse_bytes(data, source="x.txt", year=2020).documents[0].year == 2020
    assert parse_bytes(data, source="x.txt").errors


def test_cli_bad_inputs_exit_1_and_the_rest_is_parsed(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blob.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "novel.txt").write_text("It was a dark and stormy night.\n")
    args = [str(tmp_path / n) for n in ("empty.txt", "blob.bin", "novel.txt")] + [str(SEED)]
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "parse", "--json", *args],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    out = json.loads(proc.stdout)
    assert [d["country_code"] for d in out["documents"]] == ["PER"]
    assert sorted(e["source"] for e in out["errors"]) == sorted(args[:3])
    for e in out["errors"]:
        assert e["source"] in e["message"] and "expected" in e["message"]


def test_cli_usage_error_exits_2():
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "parse", "--format", "docx", str(SEED)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.parametrize("block, expected", [
    ("Investigate; prosecute; and convict traffickers. Establish a victim hotline.",
     ["Investigate; prosecute; and convict traffickers.", "Establish a victim hotline."]),
    ("Train police, e.g. in Freedonia City. Fund shelters.", ["Train police, e.g. in Freedonia City.", "Fund shelters."]),
    ("Cooperate with the U.S. Government on cases. Fund shelters.",
     ["Cooperate with the U.S. Government on cases.", "Fund shelters."]),
    ("Amend Law No. 12 on labor. Fund shelters.", ["Amend Law No. 12 on labor.", "Fund shelters."]),
])
def test_split_traps(block, expected):
    assert split_items(block)[0] == expected


@pytest.mark.parametrize("gap", ["\n", "\n\n", "\n \n", "\n\u00a0\n", "\n\t\n"])
def test_dash_lines_separated_by_blank_lines_lose_their_dash(gap):
    """Mirror copies put a dash before each item with blank (or space-only) lines between
    some of them; a dash after a blank line is a separator too, never part of the text."""
    items = " - Train judges on the law.", " - Ensure victims are not penalized.", \
        "-  Publish annual data on prosecutions.", " - Fund shelters."
    text = ("FREEDONIA: Tier 2\nThe Government of Freedonia does not fully meet the minimum "
            "standards; therefore Freedonia remained on Tier 2.\nPRIORITIZED RECOMMENDATIONS:\n"
            + gap.join(items) + "\nPROSECUTION\nThe government maintained law enforcement efforts.\n")
    (doc,) = parse_bytes(text.encode(), source="raw/2021/freedonia.txt").documents
    assert [r.text for r in doc.recommendations] == [
        "Train judges on the law.", "Ensure victims are not penalized.",
        "Publish annual data on prosecutions.", "Fund shelters."]


def test_mirror_banner_on_the_header_line_and_recommendations_header_glued_mid_line():
    text = ("[ Human Trafficking, Country-by-Country ] FREEDONIA (Tier 1) Extracted in part from the "
            "U.S. State Dept 2023 TIP Report\nThe Government of Freedonia fully meets the minimum "
            "standards for the elimination of trafficking; therefore Freedonia remained on Tier 1. "
            "Funding remained adequate to combat the crime.PRIORITIZED RECOMMENDATIONS:Increase funding "
            "for victim services. Train judges on trauma-informed procedures.PROSECUTION The government "
            "maintained law enforcement efforts.\n")
    (doc,) = parse_bytes(text.encode(), source="mirror.txt").documents
    assert (doc.country, doc.year, doc.tier, doc.tier_source) == ("Freedonia", 2023, "Tier 1", "both")
    assert [r.text for r in doc.recommendations] == [
        "Increase funding for victim services.", "Train judges on trauma-informed procedures."]


def test_a_year_cited_in_the_summary_prose_is_not_the_report_year():
    text = ("FREEDONIA: Tier 2\nThe Government of Freedonia does not fully meet the minimum standards "
            "for the elimination of trafficking but is making significant efforts to do so, as noted in\n"
            "the 2019 TIP Report; therefore Freedonia remained on Tier 2.\n"
            "PRIORITIZED RECOMMENDATIONS:\nEstablish a victim hotline.\n")
    result = parse_bytes(text.encode(), source="raw/2021/freedonia.txt")
    assert result.documents[0].year == 2021  # from the folder, not from the prose


def test_a_misfiled_year_is_a_warning_and_the_text_wins():
    data = (SHAPES / "glued_2020.txt").read_bytes()
    (doc,) = parse_bytes(data, source="raw/2021/glued.txt").documents
    assert doc.year == 2020
    assert any("the text says 2020 but the file is in a 2021 folder" in w for w in doc.warnings)


def test_renamed_countries_are_one_country_across_years():
    from tipdiff.corpus import align_batch, year_pairs

    def narrative(header, year, items):
        return (f"SYNTHETIC TEST TEXT (invented wording)\n{year} Trafficking in Persons Report\n{header}\n"
                "The Government does not fully meet the minimum standards for the elimination of "
                f"trafficking but is making significant efforts to do so.\nPRIORITIZED RECOMMENDATIONS:\n{items}\n"
                "PROSECUTION\nThe government maintained law enforcement efforts.\n").encode()

    docs = [
        *parse_bytes(narrative("SWAZILAND: Tier 2", 2017, "Establish a victim hotline. • Fund shelters."),
                     source="a.txt").documents,
        *parse_bytes(narrative("ESWATINI: Tier 2 Watch List", 2019, "Establish a national victim hotline."),
                     source="b.txt").documents,
    ]
    assert {(d.country, d.country_code) for d in docs} == {("Eswatini", "SWZ")}
    ((years, pairs),) = year_pairs(docs).items()
    assert years == (2017, 2019)
    (diff,) = align_batch(pairs)
    assert diff.tier_change == "downgraded"
    assert sorted(c.kind for c in diff.changes) == ["dropped", "reworded"]


def test_full_report_text_with_real_name_forms_gives_one_document_per_country_with_codes():
    result = parse_bytes((SHAPES / "pdf_real_names_synthetic_2021.txt").read_bytes(), source="r.txt")
    assert result.errors == ()
    assert [(d.country_code, d.year, d.tier, d.tier_source, len(d.recommendations)) for d in result.documents] == [
        ("COD", 2021, "Tier 2 Watch List", "both", 2), ("CIV", 2021, "Tier 2", "both", 1),
        ("PRK", 2021, "Tier 3", "both", 1), ("BHS", 2021, "Tier 1", "both", 1)]
    assert not any("not a known country" in w for d in result.documents for w in d.warnings)


def test_an_early_year_copied_with_a_list_and_no_should_sentence_reads_the_list():
    """Before 2008 the asks sit in the summary's 'should' sentences; a copy of an early year
    that carries a list of its own instead (a mirror's re-layout) is read as a list, not as
    'no recommendations section found'."""
    text = ("FREEDONIA (Tier 2)\nThe Government of Freedonia does not fully meet the minimum "
            "standards for the elimination of trafficking; therefore Freedonia remained on Tier 2. "
            "* Train labor inspectors to spot forced labor. * Fund shelters run by civil society. "
            "* Establish a victim hotline. *\nPROSECUTION\nThe government maintained law "
            "enforcement efforts.\n")
    (doc,) = parse_bytes(text.encode(), source="raw/2004/freedonia.txt").documents
    assert [r.text for r in doc.recommendations] == [
        "Train labor inspectors to spot forced labor.", "Fund shelters run by civil society.",
        "Establish a victim hotline."]
    assert "no recommendations section found" not in doc.warnings


def test_a_semicolon_list_wrapped_inside_words_is_rejoined_as_any_list_is():
    """PDF text of the older reports wraps inside words ("empl-" / "oyers") in the semicolon
    paragraph too; the words are rejoined there as in every other list style, and a compound
    that the text spells with a hyphen keeps it."""
    text = ("FREEDONIA (Tier 2)\nThe Government of Freedonia does not fully meet the minimum "
            "standards; therefore Freedonia remained on Tier 2.\n"
            "RECOMMENDATIONS FOR FREEDONIA: Allow migrant workers to change empl-\noyers freely "
            "by reforming the sponsorship system; fund anti-\ntrafficking units and "
            "anti-trafficking hotlines; and institut-\nionalize training for consular officers.\n"
            "PROSECUTION\nThe government maintained law enforcement efforts.\n")
    (doc,) = parse_bytes(text.encode(), source="raw/2012/freedonia.txt").documents
    assert [r.text for r in doc.recommendations] == [
        "Allow migrant workers to change employers freely by reforming the sponsorship system",
        "fund anti-trafficking units and anti-trafficking hotlines",
        "institutionalize training for consular officers."]


def test_should_sentences_of_the_earliest_reports_are_rejoined_across_wrapped_words():
    text = ("FREEDONIA (Tier 2)\nThe Government of Freedonia does not fully meet the minimum "
            "standards but is making efforts. The government should increase prose-\ncutions of "
            "traffickers and should fund shelters for victims.\n")
    (doc,) = parse_bytes(text.encode(), source="raw/2004/freedonia.txt").documents
    assert [r.text for r in doc.recommendations] == [
        "The government should increase prosecutions of traffickers and should fund shelters "
        "for victims."]
