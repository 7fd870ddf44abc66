"""Issue 16, rows 1-3: one bad PDF costs one file, never its year; the text a PDF yields is
bounded while it is extracted; running headers and footers never become items or countries.

Every PDF here is made by the test: hostile structures byte by byte (tests/hostile_pdf.py),
narratives in the report's layout with fpdf2.
"""

from __future__ import annotations

import pytest

from tipdiff import limits
from tipdiff.inputs import parse_files, parse_paths, survey
from tipdiff.parse import parse_bytes

from .hostile_pdf import deep_tree_pdf, narrative_pdf, pages_pdf, text_bomb, text_lines

ITEMS = [
    "Increase efforts to investigate and prosecute trafficking crimes, including complicit officials.",
    "Provide long-term shelter for adult victims, including men.",
    "Train labor inspectors to identify forced labor in the fishing fleet.",
    "Establish a victim hotline staffed by trained counselors.",
    "Amend the penal code to remove the requirement of force for child sex trafficking.",
    "Fund NGOs that run shelters in the border provinces.",
]
PAGE_1 = [
    "2023 Trafficking in Persons Report: Freedonia",
    "FREEDONIA: Tier 2",
    "The Government of Freedonia does not fully meet the minimum standards for the elimination of",
    "trafficking but is making significant efforts to do so; therefore Freedonia remained on Tier 2.",
    "PRIORITIZED RECOMMENDATIONS:",
    *("- " + t for t in ITEMS[:4]),
]
PAGE_2 = [
    *("- " + t for t in ITEMS[4:]),
    "PROSECUTION",
    "The government maintained law enforcement efforts. The penal code criminalized sex",
    "trafficking and labor trafficking and prescribed penalties of five to 15 years of imprisonment.",
]
PAGE_3 = [
    "PROTECTION",
    "The government increased efforts to protect victims. It identified 120 victims and referred",
    "all of them to care. Shelters for men remained scarce.",
]


def _one_freedonia(result, year=2023):
    assert result.errors == ()
    (doc,) = result.documents
    assert (doc.country, doc.year, doc.tier) == ("Freedonia", year, "Tier 2")
    assert [r.text for r in doc.recommendations] == ITEMS
    return doc


@pytest.mark.parametrize("running", [
    "FREEDONIA: Tier 2",  # the same country, in the header's own form
    "SYLVANIA: Tier 3",  # another country
    "RECOMMENDATIONS FOR SYLVANIA:",  # a recommendations heading
    "2023 TRAFFICKING IN PERSONS REPORT | Freedonia",
])
@pytest.mark.parametrize("footer", ["", "Freedonia | page {n}"])
def test_a_running_header_or_footer_is_dropped_whatever_it_says(running, footer):
    data = narrative_pdf([PAGE_1, PAGE_2, PAGE_3], running=running, footer=footer)
    doc = _one_freedonia(parse_bytes(data, source="freedonia_2023.pdf"))
    texts = " ".join(r.text for r in doc.recommendations)
    assert "SYLVANIA" not in texts and "page" not in texts


def test_a_country_header_inside_another_countrys_list_starts_no_country():
    """Not repeated (one page carries it), so only its place tells: no narrative begins
    there. It is left out, with a warning naming the line."""
    lines = PAGE_1 + ["SYLVANIA: Tier 3"] + PAGE_2 + PAGE_3
    doc = _one_freedonia(parse_bytes("\n".join(lines).encode(), source="freedonia_2023.txt"))
    (note,) = [w for w in doc.warnings if "SYLVANIA" in w]
    assert note.startswith("line 10: 'SYLVANIA: Tier 3' reads like a country header, but no "
                           "narrative begins there")


def test_a_second_country_after_a_list_still_starts_where_its_narrative_begins():
    sylvania = ["SYLVANIA: Tier 3",
                "The Government of Sylvania does not fully meet the minimum standards for the elimination of",
                "trafficking and is not making significant efforts to do so; therefore Sylvania remained on Tier 3.",
                "PRIORITIZED RECOMMENDATIONS:", "• Fund the national hotline.", "PROSECUTION",
                "The government decreased law enforcement efforts."]
    result = parse_bytes("\n".join(PAGE_1 + PAGE_2 + sylvania).encode(), source="two_2023.txt")
    assert [(d.country, d.tier, len(d.recommendations)) for d in result.documents] == [
        ("Freedonia", "Tier 2", 6), ("Sylvania", "Tier 3", 1)]


# ------------------------------------------------------------ hostile structures, bounds


GOOD = ["FREEDONIA: Tier 2", "PRIORITIZED RECOMMENDATIONS:", "Fund shelters."]


def test_a_page_tree_that_lies_about_its_size_is_one_clear_error():
    (err,) = parse_bytes(pages_pdf([text_lines(GOOD)], count=900_000), source="liar.pdf").errors
    assert err.message.startswith("liar.pdf: the PDF says it has 900,000 pages, more than the 2,000")
    assert "MAX_PDF_PAGES" in err.message
    (err,) = parse_bytes(pages_pdf([text_lines(GOOD)], count=3), source="short.pdf").errors
    assert err.message.startswith("short.pdf: not a readable PDF (page 2 of 3) (PdfiumError")


def test_a_page_tree_5000_levels_deep_is_one_clear_error():
    (err,) = parse_bytes(deep_tree_pdf(5000, GOOD), source="deep.pdf").errors
    assert err.message.startswith("deep.pdf: not a readable PDF (page 1 of 1) (PdfiumError")


def test_a_text_bomb_is_refused_within_the_memory_bound():
    """73 KB that inflate to 20 M characters: the reader runs out of the address space it may
    use (MAX_PDF_MEMORY) in its child process; the caller gets an error for the file."""
    data = text_bomb(20_000_000)
    assert len(data) < 100_000
    (err,) = parse_bytes(data, source="bomb.pdf").errors
    assert err.message.startswith("bomb.pdf: the PDF reader was ended by SIGABRT or ran out of "
                                  "the 768 MiB it may use (tipdiff.limits.MAX_PDF_MEMORY)")


def test_characters_per_page_and_per_document_are_bounded_while_extracting(monkeypatch):
    big_page = text_bomb(limits.MAX_PAGE_CHARS + 1000)
    (err,) = parse_bytes(big_page, source="big.pdf").errors
    assert err.message.startswith("big.pdf: page 1: 101,")
    assert err.message.endswith(" characters of text, more than the 100,000 characters a page may "
                                "have (tipdiff.limits.MAX_PAGE_CHARS): expected the PDF of one "
                                "narrative or of the report; the file was not used")
    # the document's bound: every page within its own bound, the sum past it
    monkeypatch.setattr("tipdiff.read.MAX_PDF_CHARS", 2500)
    page = text_lines(["x" * 90] * 10)
    (err,) = parse_bytes(pages_pdf([page] * 4), source="long.pdf").errors
    assert err.message.startswith("long.pdf: page 3: 2,")
    assert "characters of text up to this page, more than the 2,500 characters a PDF may have " \
        "(tipdiff.limits.MAX_PDF_CHARS)" in err.message


def test_one_bad_pdf_costs_that_file_only_and_its_year_parses(tmp_path, monkeypatch):
    year = tmp_path / "raw" / "2023"
    year.mkdir(parents=True)
    for name in ("freedonia", "sylvania", "ruritania", "osterlich"):
        (year / f"{name}.txt").write_text("\n".join(
            line.replace("Freedonia", name.title()).replace("FREEDONIA", name.upper())
            for line in PAGE_1 + PAGE_2))
    (year / "liar.pdf").write_bytes(pages_pdf([text_lines(GOOD)], count=900_000))
    (year / "deep.pdf").write_bytes(deep_tree_pdf(5000, GOOD))
    (year / "bomb.pdf").write_bytes(text_bomb(20_000_000))
    result = parse_files(survey(tmp_path / "raw").files)
    assert sorted(d.country for d in result.documents) == [
        "Freedonia", "Osterlich", "Ruritania", "Sylvania"]
    assert sorted(e.source.rsplit("/", 1)[1] for e in result.errors) == [
        "bomb.pdf", "deep.pdf", "liar.pdf"]
    # any failure at all inside one file's reading or parsing stays that file's
    import tipdiff.inputs as inputs

    real = inputs.parse_bytes

    def fails_on_osterlich(data, *, source, **kw):
        if "osterlich" in source:
            raise RecursionError("maximum recursion depth exceeded")
        return real(data, source=source, **kw)

    monkeypatch.setattr(inputs, "parse_bytes", fails_on_osterlich)
    paths = sorted(str(p) for p in year.glob("*.txt"))
    result = parse_paths(paths)
    assert sorted(d.country for d in result.documents) == ["Freedonia", "Ruritania", "Sylvania"]
    (err,) = result.errors
    assert err.message == (f"{year / 'osterlich.txt'}: reading or parsing this file failed "
                           "(RecursionError: maximum recursion depth exceeded): expected a TIP "
                           "country narrative; this file is left out, the others are used")
