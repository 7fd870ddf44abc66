"""The one real narrative we have (Peru 2023), exactly as a user handed it over."""

from tipdiff.parse import parse_bytes

from .conftest import SEED


def test_seed_parses_exactly():
    result = parse_bytes(SEED.read_bytes(), source=str(SEED))
    assert result.errors == ()
    (doc,) = result.documents
    assert (doc.country, doc.country_code, doc.year) == ("Peru", "PER", 2023)
    assert (doc.tier, doc.tier_source, doc.tier_movement) == ("Tier 2", "both", "remained")
    assert doc.tier_movement_text.endswith("therefore Peru remained on Tier 2.")
    assert len(doc.recommendations) == 11
    assert [r.index for r in doc.recommendations] == list(range(11))
    assert doc.recommendations[0].text == (
        "Increase funding to implement the National Policy Against Trafficking and allocate "
        "dedicated anti-trafficking budgets for member entities of the national multisectoral "
        "commission, as required by law.")
    assert doc.recommendations[-1].text == (
        "Enforce laws against crimes that facilitate trafficking, such as fraudulent job "
        "recruitment, recruitment fees, illegal mining and logging, and counterfeit operations.")
    assert doc.recommendations[7].text.startswith(
        "Increase efforts to proactively identify trafficking victims – particularly among")
    assert not any(r.truncated for r in doc.recommendations)
    assert doc.warnings == ()


def test_seed_path_year_and_text_year_agree_and_stray_pipe_is_not_an_item():
    result = parse_bytes(SEED.read_bytes(), source="elsewhere/no-year.txt")
    (doc,) = result.documents
    assert doc.year == 2023
    assert all("|" not in r.text for r in doc.recommendations)
