"""Golden files for the tables and the diff text, built by the core from the demo corpus
(the report pages have theirs in test_reports.py). Regenerate on purpose with
TIPDIFF_UPDATE_GOLDEN=1."""

from __future__ import annotations

import pytest

from tipdiff.records import history_pairs
from tipdiff.render.text import pairs_text
from tipdiff.tables import build_tables, csv_rows

from .conftest import FIXTURES, assert_golden, demo_model

GOLDEN = FIXTURES / "golden"


@pytest.fixture(scope="module")
def demo():
    return demo_model()


@pytest.mark.parametrize("table", ["recommendations", "changes", "stock_asks", "tiers", "lineage", "errors", "warnings", "panel"])
def test_table_golden(demo, table):
    _, diffs, hist, errors = demo
    df = build_tables(hist, errors)[table]
    assert_golden(csv_rows(df, True).decode("utf-8"), GOLDEN / f"{table}.csv")  # as published


def test_diff_text_golden(demo):
    _, _, hist, _ = demo
    pairs = {(p["country"], p["from_year"]): p for h in hist for p in history_pairs(h)}
    text = pairs_text([pairs[("Sylvania", 2022)], pairs[("Freedonia", 2023)]])
    assert_golden(text, GOLDEN / "diff_sylvania_freedonia.txt")
