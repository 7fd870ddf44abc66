"""tipdiff.xlsx (issue 17), read back with openpyxl, a reader of its own: the legend first,
every table a sheet with a frozen header, filters and fitted widths, every cell the table's
value; hostile texts stay text (never a formula), control characters survive, Excel's limits
are kept and said."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace

import openpyxl
import pandas as pd
import pytest

from tipdiff import workbook as wb_module
from tipdiff.corpus import analyse
from tipdiff.tables import SCHEMA, _frame, build_tables
from tipdiff.workbook import CUT_MARK, MAX_CELL, SHEETS, workbook

from .conftest import demo_model


@pytest.fixture(scope="module")
def demo_tables():
    _docs, _diffs, hist, errors = demo_model()
    return build_tables(hist, errors)


def _open(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def _unescaped(text):
    """A string cell as Excel shows it: OOXML writes a character XML cannot hold (and a
    literal `_xHHHH_`) as `_xHHHH_`, which Excel decodes and openpyxl leaves as it is."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def _width(ws, index: int) -> float:
    """The width of the column at 1-based `index` (a run of equal widths is one entry)."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.min <= index <= dim.max:
            return dim.width
    raise AssertionError(f"no width for column {index}")


def _expected(value):
    """A table value as the sheet should hold it."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return value


def test_every_table_is_a_sheet_with_every_value(demo_tables):
    book = _open(workbook(demo_tables))
    assert book.sheetnames == ["legend", *SHEETS]
    assert book.active.title == "legend"
    for name in SHEETS:
        ws, df = book[name], demo_tables[name]
        rows = list(ws.iter_rows(values_only=True))
        assert list(rows[0]) == [c[0] for c in SCHEMA[name]]
        assert len(rows) == len(df) + 1
        for got, want in zip(rows[1:], df.astype(object).itertuples(index=False), strict=True):
            assert list(got) == [_expected(v) for v in want], name
        assert ws.freeze_panes == "A2"
        last = openpyxl.utils.get_column_letter(len(df.columns))
        assert ws.auto_filter.ref == f"A1:{last}{max(len(df), 1) + 1}"
        widths = [_width(ws, i + 1) for i in range(len(df.columns))]
        assert all(6 <= w <= 62 for w in widths), (name, widths)
    changes = book["changes"]
    text_col = [c.value for c in changes[1]].index("to_text") + 1
    assert _width(changes, text_col) > 50 and _width(changes, 1) < 20
    tiers_header = [c.value for c in book["tiers"][1]]
    first = dict(zip(tiers_header, [c.value for c in book["tiers"][2]], strict=True))
    assert isinstance(first["year"], int) and first["waiver"] is False  # typed, not text


def test_the_legend_explains_every_sheet_and_column(demo_tables):
    legend = list(_open(workbook(demo_tables))["legend"].iter_rows(values_only=True))
    assert legend[0] == ("about", "name", "meaning")
    named = {(a.strip(), b) for a, b, _c in legend[1:]}
    for name in SHEETS:
        assert ("sheet", name) in named
        for column in SCHEMA[name]:
            assert (name, column[0]) in named, (name, column[0])
    kinds = [b for a, b, _c in legend if a == "kind of change"]
    assert kinds == ["unchanged", "reworded", "split", "merged", "added", "reinstated",
                     "dropped", "unseen"]
    text = " ".join(c for row in legend for c in row if c)
    assert "Kelley (2017)" in text and "Correlates of War" in text and "CC0" in text


HOSTILE = ['=HYPERLINK("http://example.invalid","Fund shelters")', "+cmd|' /C calc'!A0",
           "-2+3", "@SUM(A1:A2)", "\t=1+1", "bell \x07 escape \x1b[31m red", "_x0041_ literal",
           "right-to-left \u202e override", "emoji 🚀 and CJK 人身売買"]


def test_hostile_texts_stay_text_and_survive():
    rows = [{"source": f"f{i}.txt", "message": m} for i, m in enumerate(HOSTILE)]
    rows.append({"source": "huge.txt", "message": "a" * (MAX_CELL + 5000)})
    tables = {"errors": _frame("errors", rows), "warnings": _frame("warnings", [])}
    data = workbook(tables)
    book = _open(data)
    ws = book["errors"]
    cells = [ws.cell(row=r, column=2) for r in range(2, len(rows) + 2)]
    assert all(c.data_type == "s" for c in cells)  # text, never a formula ('f')
    assert [_unescaped(c.value) for c in cells[:len(HOSTILE)]] == HOSTILE
    huge = cells[-1].value
    assert len(huge) == MAX_CELL and huge.endswith(CUT_MARK)
    legend = " ".join(c or "" for row in book["legend"].iter_rows(values_only=True) for c in row)
    assert "1 cell(s) longer than Excel allows were cut" in legend
    assert list(book["warnings"].iter_rows(values_only=True)) == [
        tuple(c[0] for c in SCHEMA["warnings"])]  # an empty table: its header
    assert workbook(tables) == data  # the same tables, the same bytes


def test_numbers_that_are_no_numbers_and_lists_of_candidates():
    row = {c[0]: None for c in SCHEMA["changes"]}
    row.update(country="Freedonia", from_year=2023, to_year=2024, kind="added", change_id="C1",
               to_number=1, to_text="Fund shelters.", lineage_id="L1", decided_by="aligner",
               score=float("inf"),
               candidates=[{"number": 2, "text": "=fund", "score": 31.5}])
    book = _open(workbook({"changes": _frame("changes", [row])}))
    header = [c.value for c in book["changes"][1]]
    values = dict(zip(header, [c.value for c in book["changes"][2]], strict=True))
    assert values["score"] == "inf"
    assert json.loads(values["candidates"]) == [{"number": 2, "text": "=fund", "score": 31.5}]
    assert values["from_number"] is None and values["to_number"] == 1


def test_rows_beyond_an_excel_sheet_are_left_out_and_said(monkeypatch, demo_tables):
    monkeypatch.setattr(wb_module, "MAX_ROWS", 11)  # a sheet of 10 rows under its header
    book = _open(workbook(demo_tables))
    assert book["changes"].max_row == 11
    legend = [row for row in book["legend"].iter_rows(values_only=True) if row[1] == "changes"]
    assert "only the first 10 fit in an Excel sheet, the other 23 are in changes.parquet" in legend[0][2]


def test_the_workbook_of_a_set_with_a_hostile_country_name(demo_tables):
    _docs, _diffs, hist, _errors = demo_model()
    docs = [replace(n, country="=EVIL()", country_code=None) for h in hist for n in h.narratives
            if h.country == "Sylvania"]
    tables = build_tables(analyse(docs).histories, ())
    ws = _open(workbook(tables))["panel"]
    assert ws["A2"].value == "=EVIL()" and ws["A2"].data_type == "s"


def test_a_table_the_sheets_do_not_name_yet_still_gets_a_sheet_after_them(demo_tables):
    more = {**demo_tables, "later": pd.DataFrame({"country": ["Freedonia"], "score": [1.5]})}
    book = _open(workbook(more))
    assert book.sheetnames == ["legend", *SHEETS, "later"]
    assert list(book["later"].iter_rows(values_only=True)) == [("country", "score"),
                                                               ("Freedonia", 1.5)]
    # the narratives' body sentences are a table for data tools, not a sheet
    assert "sentences" in demo_tables and "sentences" not in book.sheetnames
