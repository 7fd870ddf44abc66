"""Golden files for the tables and the diff text, built by the core from the demo corpus
(the report pages have theirs in test_reports.py). Regenerate on purpose with
TIPDIFF_UPDATE_GOLDEN=1."""

from __future__ import annotations

import pytest

from tipdiff.diff import diff_narratives
from tipdiff.render.text import text_report
from tipdiff.tables import build_tables

from .conftest import FIXTURES, assert_golden, demo_model

GOLDEN = FIXTURES / "golden"


@pytest.fixture(scope="module")
def demo():
    return demo_model()


@pytest.mark.parametrize("table", ["recommendations", "changes", "tiers", "lineage", "errors", "warnings"])
def test_table_golden(demo, table):
    _, diffs, hist, errors = demo
    df = build_tables(hist, diffs, errors)[table]
    assert_golden(df.to_csv(index=False, lineterminator="\n"), GOLDEN / f"{table}.csv")


def test_diff_text_golden(demo):
    docs, *_ = demo
    by = {(d.country, d.year): d for d in docs}
    text = text_report([diff_narratives(by[("Sylvania", 2022)], by[("Sylvania", 2023)]),
                        diff_narratives(by[("Freedonia", 2023)], by[("Freedonia", 2024)])])
    assert_golden(text, GOLDEN / "diff_sylvania_freedonia.txt")
