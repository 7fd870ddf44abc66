"""The Python API (issue 17): `tipdiff.__all__` is what docs/api.md documents, the reference
is made from the docstrings and every example in it runs; `import tipdiff` stays light;
`diff` gives the verdicts a published run holds; errors are data for bad inputs and
exceptions for bad arguments."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
from importlib.metadata import version

import pytest

import tipdiff
from tipdiff import api, apidoc
from tipdiff.publish import output_files, publish
from tipdiff.render import pages
from tipdiff.review import read_overrides, text_sha256
from tipdiff.tables import build_tables

from .conftest import ROOT, demo_model

RAW = ROOT / "data" / "raw"
DOC = ROOT / "docs" / "api.md"


def test_the_reference_is_made_from_the_docstrings_and_is_current():
    assert DOC.read_text(encoding="utf-8") == apidoc.reference(), (
        "docs/api.md is out of date: python -m tipdiff.apidoc docs/api.md"
    )


def test_all_is_exactly_what_the_documentation_documents():
    documented = re.findall(r"^## `(\w+)`$", DOC.read_text(encoding="utf-8"), re.M)
    assert documented == list(tipdiff.__all__)
    assert list(tipdiff.__all__) == [*apidoc.FUNCTIONS, *apidoc.TYPES]
    for name in tipdiff.__all__:
        obj = getattr(tipdiff, name)
        assert obj.__doc__ and len(obj.__doc__) > 40, f"{name} has no docstring"
        if name in apidoc.FUNCTIONS:
            assert ">>> " in obj.__doc__, f"{name}: its docstring has no example"


def test_every_example_in_the_api_documentation_runs(prefect_harness, fresh_result_cache,
                                                     monkeypatch):
    """doctest over docs/api.md, from the repository's root (the examples read data/raw and
    publish into a temporary folder with a real flow run)."""
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(DOC), module_relative=False, globs={},
                              optionflags=doctest.ELLIPSIS, verbose=False)
    assert result.attempted >= 30
    assert result.failed == 0


def test_import_is_light_and_help_shows_the_api():
    code = (
        "import sys, tipdiff\n"
        "heavy = [m for m in ('pandas', 'prefect', 'scipy', 'pyarrow', 'rapidfuzz', 'xlsxwriter')"
        " if m in sys.modules]\n"
        "assert not heavy, heavy\n"
        "print(tipdiff.__version__)\n"
        "help(tipdiff)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd="/", timeout=120)
    assert proc.returncode == 0, proc.stderr
    first, _, help_text = proc.stdout.partition("\n")
    assert first == version("tipdiff") == tipdiff.__version__
    for name in tipdiff.__all__:
        assert re.search(rf"\b{name}\b", help_text), name
    assert "Help on package tipdiff" in help_text


def test_diff_stays_the_function_after_the_core_module_of_that_name_is_imported():
    code = (
        "import tipdiff, sys\n"
        "first = tipdiff.diff('data/raw/2022/synthetic_sylvania_2022.txt',\n"
        "                     'data/raw/2023/synthetic_sylvania_2023.txt')\n"
        "import tipdiff.corpus, tipdiff.records\n"
        "from tipdiff.diff import KINDS\n"
        "again = tipdiff.diff('data/raw/2022/synthetic_sylvania_2022.txt',\n"
        "                     'data/raw/2023/synthetic_sylvania_2023.txt')\n"
        "assert again.pairs == first.pairs and callable(tipdiff.diff)\n"
        "assert sys.modules['tipdiff.diff'].KINDS == KINDS\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_the_package_is_typed():
    assert (ROOT / "tipdiff" / "py.typed").is_file()
    assert "py.typed" in (ROOT / "pyproject.toml").read_text()


# --------------------------------------------------------------------------- parse


def test_parse_file_and_parse_text_give_errors_as_data():
    peru = RAW / "2023" / "peru_2023_tip_excerpt.txt"
    from_file = tipdiff.parse_file(peru)
    from_text = tipdiff.parse_text(peru.read_text(encoding="utf-8"), source=str(peru))
    assert from_file.documents == from_text.documents  # same bytes (UTF-8): same sha256 too
    assert from_file.errors == () and isinstance(from_file, tipdiff.ParseResult)
    missing = tipdiff.parse_file("/no/such/dir/x.txt")
    assert missing.documents == () and "cannot read the file" in missing.errors[0].message
    html = tipdiff.parse_text(
        "<html><body><h2>SYLVANIA: Tier 3</h2><p>PRIORITIZED RECOMMENDATIONS:</p>"
        "<ul><li>Fund shelters for child victims.</li><li>Train border guards.</li></ul>"
        "<h3>PROSECUTION</h3><p>The government decreased law enforcement efforts.</p>"
        "</body></html>", source="page.html", year=2021)
    (doc,) = html.documents
    assert (doc.tier, doc.year, [r.text for r in doc.recommendations]) == (
        "Tier 3", 2021, ["Fund shelters for child victims.", "Train border guards."])


def test_parse_text_keeps_the_bounds_of_a_file():
    huge = "FREEDONIA: Tier 2\n" + "x" * (16 * 1024 * 1024 + 1)
    result = tipdiff.parse_text(huge, source="huge.txt")
    assert result.documents == () and "larger than the 16.0 MiB" in result.errors[0].message
    items = "\n".join(f"- Train officials in district {i}." for i in range(501))
    many = tipdiff.parse_text(
        f"FREEDONIA: Tier 2\nPRIORITIZED RECOMMENDATIONS:\n{items}\nPROSECUTION\n"
        "The government maintained law enforcement efforts.", source="many.txt", year=2024)
    assert many.documents == () and "501 recommendations, more than the 500" in many.errors[0].message


# --------------------------------------------------------------------------- diff


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The demo corpus published as `tipdiff run` publishes it (core calls, no Prefect)."""
    out = tmp_path_factory.mktemp("out")
    _docs, _diffs, hist, errors = demo_model()
    reports = pages.render_reports(hist, errors)
    reports.pop(pages.SUMMARY)
    publish(out, output_files(build_tables(hist, errors), reports), {"tool": "tipdiff"})
    return out


@pytest.mark.parametrize("country", ["freedonia", "sylvania", "ruritania"])
def test_diff_gives_the_verdicts_the_published_run_holds(published, country):
    files = {int(p.parent.name): p for p in RAW.glob(f"*/synthetic_{country}_*.txt")}
    history = tipdiff.show(country, published)
    years = sorted(files)
    for k, (a, b) in enumerate(zip(years, years[1:], strict=False)):
        result = tipdiff.diff(files[a], files[b], earlier=[files[y] for y in years[:k]])
        assert result.errors == () and len(result.pairs) == 1
        assert _without_returns(result.pairs[0]) == _without_returns(history["pairs"][k])
        assert json.loads(json.dumps(result.to_dict()))["pairs"] == list(result.pairs)
        # when a dropped ask comes back needs the later reports, which two files do not have
        assert all(c["returns_in"] is None for c in result.pairs[0]["changes"])


def _without_returns(pair: dict) -> dict:
    return {**pair, "changes": [{**c, "returns_in": None} for c in pair["changes"]]}


def test_diff_takes_parsed_narratives_and_compares_in_report_year_order():
    old = tipdiff.parse_file(RAW / "2022" / "synthetic_sylvania_2022.txt")
    new = tipdiff.parse_file(RAW / "2023" / "synthetic_sylvania_2023.txt")
    forward = tipdiff.diff(old, new.documents[0])
    backward = tipdiff.diff(new.documents, old)
    assert backward.swapped and not forward.swapped
    assert backward.pairs == forward.pairs
    assert any("is newer than NEW" in n for n in backward.notes)
    assert any("both files are report year 2022" in n for n in tipdiff.diff(old, old).notes)
    nothing = tipdiff.diff(old, tipdiff.parse_file(RAW / "2023" / "peru_2023_tip_excerpt.txt"))
    assert nothing.pairs == () and "no country appears in both" in nothing.errors[0].message


def test_diff_refuses_bad_arguments_with_usage_errors(tmp_path):
    old = RAW / "2022" / "synthetic_sylvania_2022.txt"
    new = RAW / "2023" / "synthetic_sylvania_2023.txt"
    with pytest.raises(tipdiff.UsageError, match="not earlier than OLD"):
        tipdiff.diff(old, new, earlier=[RAW / "2024" / "synthetic_sylvania_2024.txt"])
    bad = tmp_path / "overrides.csv"
    bad.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(tipdiff.UsageError, match="cannot read it"):
        tipdiff.diff(old, new, overrides=bad)
    with pytest.raises(tipdiff.UsageError, match="expected a narrative file's path"):
        tipdiff.diff(42, new)
    assert issubclass(tipdiff.UsageError, tipdiff.TipdiffError)
    assert issubclass(tipdiff.UsageError, ValueError)


def test_diff_applies_overrides_given_as_rows_or_as_a_file(tmp_path):
    old = RAW / "2022" / "synthetic_sylvania_2022.txt"
    new = RAW / "2023" / "synthetic_sylvania_2023.txt"
    plain = tipdiff.diff(old, new).pairs[0]
    kept = next(c for c in plain["changes"] if c["kind"] == "unchanged")
    text_a, text_b = kept["from"][0]["text"], kept["to"][0]["text"]
    csv_text = ("country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n"
                f"Sylvania,2022,{text_sha256(text_a)},2023,{text_sha256(text_b)},unlink,not the same\n"
                f"Sylvania,2022,{text_sha256('no such ask')},2023,{text_sha256(text_b)},link,"
                "a row that matches nothing\n")
    path = tmp_path / "overrides.csv"
    path.write_text(csv_text, encoding="utf-8")
    rows, errors = read_overrides(csv_text, source="rows")
    for given in (path, rows):
        result = tipdiff.diff(old, new, overrides=given)
        pair = result.pairs[0]
        assert pair["counts"]["unchanged"] == plain["counts"]["unchanged"] - 1
        assert any(c["decided_by"] == "review" and c["review_note"] == "not the same"
                   for c in pair["changes"])
        assert any("warning:" in n and "line 3" in n for n in result.notes)


# --------------------------------------------------------------------------- load, show, run


def test_load_reads_every_table_of_one_set(published, tmp_path):
    every = tipdiff.load(published)
    from tipdiff.publish import TABLES

    assert set(every.tables) == set(TABLES) == {
        "recommendations", "changes", "evidence", "sentences", "stock_asks", "tiers", "lineage",
        "errors", "warnings", "panel"}
    assert every.folder == published or every.folder.parent.name == "versions"
    assert list(tipdiff.load(published, ["tiers"], manifest=False).tables) == ["tiers"]
    with pytest.raises(tipdiff.NotPublished, match="no published set"):
        tipdiff.load(tmp_path)


def test_bad_arguments_are_usage_errors_not_tracebacks(published):
    with pytest.raises(tipdiff.UsageError, match="expected table names"):
        tipdiff.load(published, ["../../etc/passwd"])
    with pytest.raises(tipdiff.UsageError, match="expected a str"):
        tipdiff.parse_text(b"FREEDONIA: Tier 2")


def test_show_refuses_an_empty_or_unknown_country(published):
    with pytest.raises(tipdiff.UsageError, match="COUNTRY is empty"):
        tipdiff.show("  ", published)
    with pytest.raises(tipdiff.UsageError, match="Freedonia, Peru, Ruritania, Sylvania"):
        tipdiff.show("Atlantis", published)
    loaded = tipdiff.load(published)
    assert tipdiff.show("PER", loaded) == tipdiff.show("peru", published)


def test_run_refuses_bad_arguments_before_prefect_starts(tmp_path):
    code = (
        "import sys, tipdiff\n"
        f"out = {str(tmp_path / 'out')!r}\n"
        "cases = [dict(raw='/no/such/raw'), dict(base_url='javascript:alert(1)'),\n"
        "         dict(base_url='https://example.org/a b/'), dict(runner='spark'),\n"
        "         dict(wait=-1), dict(wait='soon'), dict(raw='data/raw', out='data/raw/out'),\n"
        "         dict(base_url='https://example.org/', no_such_option=1)]\n"
        "for case in cases:\n"
        "    args = {'raw': 'data/raw', 'out': out, **case}\n"
        "    try:\n"
        "        tipdiff.run(args.pop('raw'), args.pop('out'), **args)\n"
        "    except tipdiff.UsageError as exc:\n"
        "        print(type(exc).__name__, str(exc)[:60])\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 8 and all(line.startswith("UsageError ") for line in lines), lines
    assert "no such folder" in lines[0] and "javascript" in lines[1]
    assert "no_such_option: not an option of run" in lines[7]
    assert not (tmp_path / "out" / "current").exists()  # nothing was published


def test_run_applies_the_default_overrides_beside_raw(tmp_path):
    raw = tmp_path / "data" / "raw"
    raw.mkdir(parents=True)
    assert api.default_overrides(raw) is None
    (tmp_path / "data" / "overrides.csv").write_text("x", encoding="utf-8")
    assert api.default_overrides(raw) == str(tmp_path / "data" / "overrides.csv")
