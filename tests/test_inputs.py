"""The raw folder as found on disk: what counts as an input, links, bounds and duplicates
(issue 9, items 1, 4 and 9). Real files, links and FIFOs in a temp folder; no Prefect."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tipdiff.corpus import DUPLICATE_RULE, dedupe
from tipdiff.inputs import parse_files, parse_paths, survey
from tipdiff.limits import MAX_INPUT_BYTES, MAX_ITEMS, MAX_PDF_BYTES, input_limit

from .conftest import ROOT

RAW = ROOT / "data" / "raw"


def narrative(country: str, year: int, items: list[str], tier: str = "Tier 2") -> str:
    """A narrative in the shape of the real ones (title, tier header, summary, bulleted
    recommendations, next section); fictional country, our own words."""
    return (
        f"{year} Trafficking in Persons Report: {country}\n"
        f"{country.upper()}: {tier}\n"
        f"The Government of {country} does not fully meet the minimum standards for the "
        "elimination of trafficking but is making significant efforts to do so.\n"
        "PRIORITIZED RECOMMENDATIONS:\n" + "\n".join(f"• {item}" for item in items) + "\n"
        "PROSECUTION\nThe government maintained law enforcement efforts.\n"
    )


ITEMS = [
    "Train border guards to screen travellers for signs of forced labour.",
    "Open a second shelter for adult male victims.",
    "Publish yearly statistics on prosecutions and convictions.",
]


def test_a_dot_folder_above_raw_hides_nothing_and_hidden_names_below_are_skipped(tmp_path, monkeypatch):
    raw = tmp_path / ".cache" / "tip" / "raw"  # the root's own path has a hidden part
    shutil.copytree(RAW, raw)
    (raw / "2023" / ".DS_Store").write_bytes(b"\x00\x01")
    (raw / ".git").mkdir()
    (raw / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    expected = sorted(str(p) for p in raw.glob("20*/*.txt"))
    found = survey(raw)
    assert sorted(f.path for f in found.files) == expected and len(expected) == 10
    assert found.errors == ()
    # The same folder reached through '..' (as in `tipdiff run --raw ../data/raw`)
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    dotted = Path("..") / ".cache" / "tip" / "raw"
    assert len(survey(dotted).files) == 10
    assert all(f.folder_year in (2022, 2023, 2024) for f in survey(dotted).files)


def test_dangling_links_loops_and_fifos_are_errors_that_name_them(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2023").mkdir(parents=True)
    good = raw / "2023" / "freedonia.txt"
    good.write_text(narrative("Freedonia", 2023, ITEMS))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "sylvania.txt").write_text(narrative("Sylvania", 2023, ITEMS))
    os.symlink(elsewhere / "sylvania.txt", raw / "2023" / "linked.txt")  # followed
    os.symlink(tmp_path / "gone.txt", raw / "2023" / "dangling.txt")
    os.symlink(raw / "2023" / "loop_b.txt", raw / "2023" / "loop_a.txt")
    os.symlink(raw / "2023" / "loop_a.txt", raw / "2023" / "loop_b.txt")
    os.symlink("..", raw / "2023" / "back_up")  # a folder link into its own ancestor
    os.mkfifo(raw / "2023" / "pipe.txt")  # never opened for reading: it would block
    found = survey(raw)
    assert [Path(f.path).name for f in found.files] == ["freedonia.txt", "linked.txt"]
    by_name = {Path(e.source).name: e.message for e in found.errors}
    assert set(by_name) == {"dangling.txt", "loop_a.txt", "loop_b.txt", "back_up", "pipe.txt"}
    assert f"a symbolic link to {tmp_path / 'gone.txt'}, which does not exist" in by_name["dangling.txt"]
    assert "a symbolic link loop" in by_name["loop_a.txt"]
    assert "a link back to a folder that contains it (a loop)" in by_name["back_up"]
    assert "a FIFO (named pipe): expected a narrative file" in by_name["pipe.txt"]
    assert all(e.message.startswith(e.source + ": ") for e in found.errors)
    assert parse_files(found.files).errors == ()


def _read_bytes_so_far() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


def test_a_file_past_the_byte_bound_is_an_error_and_is_never_read(tmp_path):
    raw = tmp_path / "raw"
    (raw / "2023").mkdir(parents=True)
    (raw / "2023" / "freedonia.txt").write_text(narrative("Freedonia", 2023, ITEMS))
    huge = raw / "2023" / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: 50 MiB that cost no disk
        fh.truncate(50 * 1024 * 1024)
    before = _read_bytes_so_far()
    found = survey(raw)
    read = _read_bytes_so_far() - before
    assert read < MAX_INPUT_BYTES // 4, read  # the 50 MiB were not read to hash them
    assert [Path(f.path).name for f in found.files] == ["freedonia.txt"]
    (error,) = found.errors
    assert error.source == str(huge)
    assert error.message == (
        f"{huge}: 50.0 MiB, larger than the 16.0 MiB a text or HTML input may have "
        "(tipdiff.limits): expected one narrative, or one report; the file was not read")
    # a PDF of the whole report may be larger than its text: its bound is MAX_PDF_BYTES
    assert input_limit(b"%PDF-1.7\n") == MAX_PDF_BYTES > MAX_INPUT_BYTES == input_limit(b"\0" * 9)
    # `tipdiff parse FILE` takes the same path: refused before reading
    before = _read_bytes_so_far()
    result = parse_paths([str(huge)])
    assert _read_bytes_so_far() - before < MAX_INPUT_BYTES // 4
    assert result.documents == () and result.errors == (error,)


def test_a_narrative_past_the_item_bound_is_refused_by_name(tmp_path):
    many = tmp_path / "hugeland_2023.txt"
    many.write_text(narrative("Hugeland", 2023, [f"Train the officials of ward {i}." for i in range(MAX_ITEMS + 1)]))
    ok = tmp_path / "freedonia_2023.txt"
    ok.write_text(narrative("Freedonia", 2023, ITEMS))
    at_bound = tmp_path / "sylvania_2023.txt"
    at_bound.write_text(narrative("Sylvania", 2023, [f"Fund the shelter of ward {i}." for i in range(MAX_ITEMS)]))
    result = parse_paths([str(many), str(ok), str(at_bound)])
    assert sorted(d.country for d in result.documents) == ["Freedonia", "Sylvania"]
    (error,) = result.errors
    assert error.source == str(many)
    assert error.message.startswith(
        f"{many}: Hugeland 2023: {MAX_ITEMS + 1} recommendations, more than the {MAX_ITEMS} "
        "a narrative may have")
    assert "this narrative is left out" in error.message


def _docs(tmp_path, files: dict[str, str]):
    paths = []
    for name, text in files.items():
        (tmp_path / name).write_text(text)
        paths.append(str(tmp_path / name))
    result = parse_paths(paths)
    assert result.errors == ()
    return result.documents


def test_two_different_texts_for_one_country_and_year_name_both_and_follow_the_rule(tmp_path):
    """Issue 16 row 17: a second copy is a warning on the copy used, naming both files and
    the one used; an error only when the copies disagree on the tier."""
    fuller = narrative("Freedonia", 2023, [*ITEMS, "Ratify the regional protocol on migrant workers."])
    docs = _docs(tmp_path, {"a_partial.txt": narrative("Freedonia", 2023, ITEMS),
                            "b_fuller.txt": fuller})
    chosen, errors = dedupe(docs)
    assert errors == ()
    (kept,) = chosen
    assert Path(kept.source).name == "b_fuller.txt"  # not the first path
    a, b = str(tmp_path / "a_partial.txt"), str(tmp_path / "b_fuller.txt")
    assert kept.warnings[-1] == (
        f"a second copy: Freedonia 2023 is in {b} and in {a}; the texts differ: 4 vs 3 "
        f"recommendations, 1 recommendation text(s) in only one of them; using {b} because it "
        f"has more recommendations (4 vs 3) (rule: {DUPLICATE_RULE})")
    # copies that disagree on the tier: an error naming both, the fuller copy still used
    other_tier = narrative("Freedonia", 2023, ITEMS).replace("Tier 2", "Tier 3")
    (tmp_path / "a_partial.txt").write_text(other_tier)
    docs = _docs(tmp_path, {"a_partial.txt": other_tier, "b_fuller.txt": fuller})
    chosen, errors = dedupe(docs)
    assert [Path(d.source).name for d in chosen] == ["b_fuller.txt"]
    (error,) = errors
    assert error.source == a
    assert error.message.startswith(f"{a}: Freedonia 2023 is in {b} and in {a}; the texts differ: "
                                    "tier Tier 2 vs Tier 3, ")
    assert error.message.endswith("expected copies of one narrative to agree on the tier; check "
                                  "which copy is right")


@pytest.mark.parametrize("second, how", [
    (lambda text: text, "the two files are identical"),
    (lambda text: text.replace("\n", "\r\n"), "the files differ but give the same tier and recommendations"),
])
def test_duplicates_say_whether_their_texts_differ_and_ties_go_to_the_first_path(tmp_path, second, how):
    text = narrative("Sylvania", 2024, ITEMS)
    docs = _docs(tmp_path, {"z_copy.txt": second(text), "m_original.txt": text})
    chosen, errors = dedupe(docs)
    assert errors == ()
    assert [Path(d.source).name for d in chosen] == ["m_original.txt"]
    note = chosen[0].warnings[-1]
    assert f"and in {tmp_path / 'z_copy.txt'}; {how}; using {tmp_path / 'm_original.txt'}" in note
    assert "because it comes first by path" in note


def test_the_size_bound_goes_by_the_detected_kind_not_the_name(tmp_path):
    """Issue 16 row 14: a 17 MB text file named .pdf was accepted while its .txt twin was
    refused. Now both are refused by the text bound; a PDF named .txt gets the PDF bound."""
    text = b"FREEDONIA: Tier 2\n" + b"Lorem ipsum dolor sit amet.\n" * (17 * 1024 * 1024 // 28)
    assert MAX_INPUT_BYTES < len(text) < MAX_PDF_BYTES
    twins = [tmp_path / "2023" / "big.txt", tmp_path / "2023" / "big.pdf"]
    pdf = tmp_path / "2023" / "report_saved_as.txt"
    twins[0].parent.mkdir()
    for path in twins:
        path.write_bytes(text)
    pdf.write_bytes(b"%PDF-1.4\n" + b"%" + b"x" * (17 * 1024 * 1024) + b"\n")
    found = survey(tmp_path)
    assert sorted(e.source for e in found.errors) == sorted(str(p) for p in twins)
    for e in found.errors:
        assert "larger than the 16.0 MiB a text or HTML input may have" in e.message
    assert [f.path for f in found.files] == [str(pdf)]  # within the 64 MiB of a PDF
    assert parse_paths([str(twins[1])]).errors[0].message == next(
        e.message for e in found.errors if e.source == str(twins[1]))
