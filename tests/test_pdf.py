"""PDFs in the report's layout (built here with reportlab): the same documents as the
equivalent text; scanned and encrypted PDFs get clear errors; the CLI and the run's
inventory take PDFs like any other input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tipdiff.inputs import inventory, parse_files
from tipdiff.parse import parse_bytes
from tipdiff.records import parse_object

from .conftest import ROOT
from .pdf_report import Page, build_pdf, build_scanned_pdf, paginate

# Two countries, the second starting on the page where the first ends; a list broken across
# a page; words hyphenated at line ends (`traf-`/`ficking` joined, `anti-`/`trafficking`
# kept); `fi`/`fl` written with ligature characters, as typesetting does.
BODY = [
    "of their passports. Traffickers also exploit children in street vending in the capital.",
    "FREEDONIA: TIER 2",
    "The Government of Freedonia does not fully meet the minimum standards for the elimination of traf-",
    "ficking but is making signi\ufb01cant efforts to do so; therefore Freedonia remained on Tier 2. The con\ufb02ict in",
    "the east limited efforts.",
    "PRIORITIZED RECOMMENDATIONS:",
    "Increase efforts to investigate and prosecute trafficking crimes, including in the con\ufb02ict zone. •",
    "Provide long-term shelter for adult victims, including men, and fund NGOs that run",
    "shelters. • Train anti-",
    "trafficking police on victim-centered approaches. • Establish a victim hotline.",
    "PROSECUTION",
    "The government maintained law enforcement efforts.",
    "SYLVANIA: TIER 2 WATCH LIST",
    "The Government of Sylvania does not fully meet the minimum standards for the elimination of trafficking",
    "but is making significant efforts to do so; therefore Sylvania remained on Tier 2 Watch List for the",
    "second consecutive year.",
    "PRIORITIZED RECOMMENDATIONS:",
    "Amend the law to criminalize all forms of sex trafficking.",
    "Identify victims among workers in the \ufb01shing \ufb02eet.",
    "PROSECUTION",
    "The government decreased law enforcement efforts.",
]
PAGES = [
    Page(tuple(BODY[:8]), "FREEDONIA", 215),
    Page(tuple(BODY[8:]), "", 216),
]


def _plain(text: str) -> str:
    return text.replace("\ufb01", "fi").replace("\ufb02", "fl")


EQUIVALENT_TEXT = "TRAFFICKING IN PERSONS REPORT | JUNE 2022\n" + _plain("\n".join(BODY)) + "\n"


def _docs(result):
    assert result.errors == ()
    out = []
    for d in parse_object(result)["documents"]:
        del d["source"], d["sha256"]
        # sections are located by input line, and a PDF's lines are not its text copy's
        d["sections"] = [(s["name"], s["heading"]) for s in d["sections"]]
        out.append(d)
    return out


@pytest.fixture(scope="module")
def report_pdf() -> bytes:
    return build_pdf(PAGES)


def test_a_pdf_gives_the_same_documents_as_its_text(report_pdf):
    from_pdf = _docs(parse_bytes(report_pdf, source="report.pdf"))
    from_text = _docs(parse_bytes(EQUIVALENT_TEXT.encode(), source="report.txt"))
    assert from_pdf == from_text
    freedonia, sylvania = from_pdf
    assert (freedonia["country"], freedonia["year"], freedonia["tier"]) == ("Freedonia", 2022, "Tier 2")
    assert [r["text"] for r in freedonia["recommendations"]] == [
        "Increase efforts to investigate and prosecute trafficking crimes, including in the conflict zone.",
        "Provide long-term shelter for adult victims, including men, and fund NGOs that run shelters.",
        "Train anti-trafficking police on victim-centered approaches.",
        "Establish a victim hotline.",
    ]
    assert [r["text"] for r in sylvania["recommendations"]] == [
        "Amend the law to criminalize all forms of sex trafficking.",
        "Identify victims among workers in the fishing fleet.",
    ]
    assert freedonia["stated_text"].startswith("The Government of Freedonia does not fully meet")
    assert "trafficking but is making significant efforts" in freedonia["stated_text"]


def test_running_headers_never_enter_a_list_nor_start_a_country(report_pdf):
    from_pdf = _docs(parse_bytes(report_pdf, source="report.pdf"))
    assert [d["country"] for d in from_pdf] == ["Freedonia", "Sylvania"]
    texts = " ".join(r["text"] for d in from_pdf for r in d["recommendations"])
    for furniture in ("215", "216", "FREEDONIA", "TRAFFICKING IN PERSONS REPORT", "JUNE"):
        assert furniture not in texts


def test_a_longer_report_gives_one_document_per_country():
    lines = []
    names = ["FREEDONIA", "SYLVANIA", "OSTERLICH", "RURITANIA", "GRAND FENWICK"]
    for name in names:
        lines += [f"{name}: TIER 2",
                  f"The Government of {name.title()} does not fully meet the minimum standards for the elimination",
                  f"of trafficking but is making significant efforts to do so; therefore {name.title()} remained on Tier 2.",
                  "PRIORITIZED RECOMMENDATIONS:"]
        lines += [f"Increase efforts to identify victims of forced labor in sector number {k} and refer them to care."
                  for k in range(1, 9)]
        lines += ["PROSECUTION", "The government maintained law enforcement efforts."]
    running = [n for n in names for _ in range(2)]
    data = build_pdf(paginate(lines, per_page=9, running=running))
    result = parse_bytes(data, source="long.pdf", year=2022)
    assert result.errors == ()
    assert [(d.country, len(d.recommendations)) for d in result.documents] == [(n.title(), 8) for n in names]
    text = parse_bytes("\n".join(lines).encode(), source="long.txt", year=2022)
    assert _docs(result) == _docs(text)


def test_a_scanned_pdf_says_to_ocr_it_first():
    result = parse_bytes(build_scanned_pdf(), source="in/scan.pdf")
    (err,) = result.errors
    assert result.documents == ()
    assert err.message.startswith("in/scan.pdf: ") and "no text layer" in err.message
    assert "OCR it first" in err.message


def test_an_encrypted_pdf_says_it_needs_a_password():
    data = build_pdf(PAGES, encrypt="secret")
    (err,) = parse_bytes(data, source="in/locked.pdf").errors
    assert err.message.startswith("in/locked.pdf: ") and "encrypted" in err.message
    assert "password" in err.message


def test_a_damaged_pdf_is_a_clean_error(report_pdf):
    (err,) = parse_bytes(report_pdf[: len(report_pdf) // 3], source="cut.pdf").errors
    assert err.message.startswith("cut.pdf: ") and "PDF" in err.message


def test_a_pdf_read_as_text_is_a_clean_error(report_pdf):
    (err,) = parse_bytes(report_pdf, source="r.pdf", fmt="text").errors
    assert "PDF" in err.message and "--format" in err.message


def test_the_cli_parses_a_pdf_like_any_input(tmp_path, report_pdf):
    path = tmp_path / "report.pdf"
    path.write_bytes(report_pdf)
    proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", "parse", "--json", str(path)],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert [(d["country"], len(d["recommendations"])) for d in out["documents"]] == [
        ("Freedonia", 4), ("Sylvania", 2)]


def test_the_runs_inventory_passes_a_pdf_to_the_parser(tmp_path, report_pdf):
    raw = tmp_path / "raw" / "2022"
    raw.mkdir(parents=True)
    (raw / "report.pdf").write_bytes(report_pdf)
    (raw / "notes.txt").write_text(EQUIVALENT_TEXT.replace("FREEDONIA", "OSTERLICH").replace("Freedonia", "Osterlich"))
    result = parse_files(inventory(tmp_path / "raw"))
    assert result.errors == ()
    assert sorted(d.country for d in result.documents) == ["Freedonia", "Osterlich", "Sylvania", "Sylvania"]
