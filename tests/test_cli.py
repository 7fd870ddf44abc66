"""The command line explains itself: --version, help on every argument with its default, the
exit codes in --help; `show` reads a country's history from published tables; `parse`
lists the recommendations; `diff` compares in report-year order. Real subprocesses."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tipdiff.atomic import write_atomically
from tipdiff.cli import build_parser
from tipdiff.publish import output_files
from tipdiff.render import pages
from tipdiff.tables import build_tables

from .conftest import ROOT
from .test_reports import demo_model

RAW = ROOT / "data" / "raw"


def tipdiff(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return subprocess.run([sys.executable, "-m", "tipdiff.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_version():
    proc = tipdiff("--version")
    assert proc.returncode == 0
    assert re.fullmatch(
        r"tipdiff \d+\.\d+\.\d+ \(parser [\d.]+, aligner [\d.]+, evidence [\d.]+\)\n", proc.stdout
    )


def test_help_speaks_to_users_and_lists_the_exit_codes():
    proc = tipdiff("--help")
    assert proc.returncode == 0
    assert "What changed in the U.S. State Department's Trafficking in Persons" in proc.stdout
    assert "top layer" not in proc.stdout
    for code, meaning in [("0", "all good"), ("1", "some inputs could not be used"),
                          ("2", "usage error"), ("3", "another run holds")]:
        assert re.search(rf"^\s+{code}\s+.*{meaning}", proc.stdout, re.M), code
    for command in ("parse", "diff", "run", "show", "serve"):
        sub = tipdiff(command, "--help")
        assert sub.returncode == 0 and "exit status:" in sub.stdout, command
    assert "two narrative files" in tipdiff("diff", "--help").stdout


def _actions(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from ((f"{name} {a.dest}", a, sub) for a, *_ in [(x,) for x in sub._actions])
        else:
            yield action.dest, action, parser


def test_every_argument_has_help_and_its_default_is_shown():
    parser = build_parser()
    seen = 0
    for name, action, owner in _actions(parser):
        if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
            continue
        assert action.help, f"{name} has no help"
        if action.default not in (None, False, argparse.SUPPRESS):
            help_text = owner.format_help()
            assert f"(default: {action.default})" in " ".join(help_text.split()), name
        seen += 1
    assert seen > 20


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The demo corpus published as `tipdiff run` publishes it (core calls, no Prefect)."""
    out = tmp_path_factory.mktemp("out")
    hist, diffs, errors = demo_model()
    reports = pages.render_reports(hist, errors)
    reports.pop(pages.SUMMARY)
    write_atomically(out, output_files(build_tables(hist, errors), reports))
    return out


def test_show_prints_a_countrys_whole_history_from_the_published_tables(published):
    proc = tipdiff("show", "freedonia", "--out", str(published))
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout
    assert text.startswith("Freedonia\ntiers: 2022 Tier 2 -> 2023 Tier 2 -> 2024 Tier 1, upgraded\n")
    assert ("Freedonia, 2022 -> 2023: Tier 2 -> Tier 2 (remained)\n"
            "  2 unchanged, 2 reworded, 1 split, 1 added, 1 dropped\n") in text
    assert "  3 unchanged, 1 reworded, 1 added, 1 reinstated, 3 dropped" in text  # 2023 -> 2024
    back = text[text.index("↺ reinstated"):]
    block = re.split(r"\n  (?=\S)", back)[0]  # up to the next change
    assert "last asked in 2022 as #" in block
    split = text[text.index("< split"):]
    assert "2022 #2: Fund NGO-run shelters, extend" in split
    assert "2023 #2: Fund NGO-run shelters, including" in split and "2023 #3: Provide free legal" in split
    assert text.count("is not a known country name") == 1


def test_show_json_and_a_one_year_country_by_its_code(published):
    proc = tipdiff("show", "per", "--out", str(published), "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["country"] == "Peru" and data["country_code"] == "PER"
    assert [t["year"] for t in data["tiers"]] == [2023] and data["pairs"] == []
    assert len(data["recommendations"]) == 11
    assert data["recommendations"][0]["number"] == 1  # numbered as the report prints them
    plain = tipdiff("show", "Peru", "--out", str(published)).stdout
    assert "only one report year (2023); its recommendations:" in plain and "11. " in plain


def test_show_says_what_is_missing_and_exits_2(published, tmp_path):
    unknown = tipdiff("show", "Atlantis", "--out", str(published))
    assert unknown.returncode == 2 and "no country 'Atlantis'" in unknown.stderr
    assert "Freedonia, Peru, Ruritania, Sylvania" in unknown.stderr
    empty = tipdiff("show", "Peru", "--out", str(tmp_path))
    assert empty.returncode == 2 and "no published set" in empty.stderr
    blank = tipdiff("show", "", "--out", str(published))
    assert blank.returncode == 2 and "COUNTRY is empty" in blank.stderr
    assert "Traceback" not in unknown.stderr + empty.stderr + blank.stderr


def test_show_on_a_damaged_table_names_the_file_and_reads_one_set(published, tmp_path):
    """Issue 16 row 13: a damaged Parquet file is a clear error naming it, never a pyarrow
    traceback; and show reads every table from the one set `current` names."""
    import shutil

    from tipdiff.publish import current_set

    out = tmp_path / "out"
    shutil.copytree(published, out, symlinks=True)
    folder = current_set(out) or out
    good = tipdiff("show", "Freedonia", "--out", str(out), "--json")
    assert good.returncode == 0, good.stderr
    damaged = folder / "changes.parquet"
    damaged.write_bytes(damaged.read_bytes()[:200])  # cut short
    bad = tipdiff("show", "Freedonia", "--out", str(out))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert f"{damaged}: cannot read the changes table" in bad.stderr
    assert "run it again to rewrite it" in bad.stderr


def test_parse_lists_the_recommendations_and_warns_once_per_country():
    files = sorted(str(p) for p in RAW.glob("*/synthetic_freedonia_*.txt"))
    proc = tipdiff("parse", *files)
    assert proc.returncode == 0, proc.stderr
    assert "Freedonia 2023 (Tier 2)" in proc.stdout
    assert "   2. Fund NGO-run shelters, including dedicated shelters for male victims." in proc.stdout
    assert proc.stderr.count("is not a known country name") == 1
    assert "also said of 2023, 2024" in proc.stderr


def test_diff_with_old_newer_than_new_says_so_and_compares_in_report_year_order():
    old = str(RAW / "2022" / "synthetic_sylvania_2022.txt")
    new = str(RAW / "2023" / "synthetic_sylvania_2023.txt")
    forward = tipdiff("diff", old, new, "--json")
    backward = tipdiff("diff", new, old, "--json")
    assert forward.returncode == backward.returncode == 0
    assert "is newer than NEW" in backward.stderr and "older one first" in backward.stderr
    assert "newer" not in forward.stderr
    assert json.loads(backward.stdout) == json.loads(forward.stdout)
    same = tipdiff("diff", old, old)
    assert "both files are report year 2022" in same.stderr
