"""`tipdiff.xlsx`: the tables as one Excel workbook, for people who open data in a
spreadsheet (the CSV files stay plain UTF-8 for data tools).

Written with XlsxWriter: a `legend` sheet first (every sheet and column explained, the kinds
of change, bands, tier movements and codes), then one sheet per table with a frozen header
row, filters on every column and column widths fitted to their contents. Every text is
written as a text cell, never as a formula, a number or a link (a recommendation that begins
with "=" stays those characters); control characters are escaped by the writer. Lists and
JSON objects are written as their JSON text, as in CSV. Excel's own limits are kept and said
where they bite: a cell holds at most 32,767 characters (a longer text is cut and ends with
CUT_MARK; the Parquet and CSV files hold it whole) and a sheet at most 1,048,576 rows (rows
beyond are left out of that sheet and the legend says how many). The bytes are the same for
the same tables (a fixed creation date; the writer's zip entries carry fixed times).
"""

from __future__ import annotations

import io
import json
import math
from collections.abc import Mapping
from datetime import datetime

import pandas as pd

from .align import DEFAULT_CONFIG, AlignConfig
from .countries import COW_SOURCE
from .datapackage import LICENSE_NOTE, table_description
from .diff import KIND_MEANING, KINDS
from .model import LIST_STATUSES
from .tables import LISTS, SCHEMA
from .tiers import CHANGE_MEANING, TIER_CODING

NAME = "tipdiff.xlsx"
MAX_CELL = 32_767  # characters in one Excel cell
MAX_ROWS = 1_048_576  # rows in one Excel sheet, the header included
CUT_MARK = " [cut: Excel holds 32,767 characters in a cell; the Parquet and CSV files hold all]"
# Sheets in the order a reader wants them (after the legend); any other table follows, but
# for LEFT_OUT: every sentence of every narrative's body is a table for data tools (its
# Parquet, CSV and JSON Lines files), not a sheet to scroll (100,000 rows on a full history).
SHEETS = (
    "panel",
    "tiers",
    "changes",
    "evidence",
    "recommendations",
    "stock_asks",
    "lineage",
    "warnings",
    "errors",
)
LEFT_OUT = ("sentences",)


def sheet_names(tables: Mapping[str, pd.DataFrame]) -> list[str]:
    """The tables' sheets in order: SHEETS first, then any other table of the set but the
    ones LEFT_OUT."""
    return [n for n in SHEETS if n in tables] + [
        n for n in tables if n not in SHEETS and n not in LEFT_OUT
    ]
_WIDTH = (6, 60)  # column widths, in characters, at least and at most
_CREATED = datetime(2001, 1, 1)  # fixed, so equal tables give equal bytes


def _json_text(value) -> str | None:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "tolist"):  # a Parquet list read back: numpy array
        value = value.tolist()
    if isinstance(value, list | tuple):
        value = [_plain(v) for v in value]
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _plain(value):
    """A value inside a list cell as JSON has it (numpy scalars as Python ones)."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _column(df: pd.DataFrame, name: str) -> tuple[str, list]:
    """A column as its cell kind ("text", "number", "boolean") and its Python values, None
    where it is empty."""
    col = df[name]
    if name in LISTS or col.dtype == object:
        return "text", [_json_text(v) for v in col.tolist()]
    kind = (
        "boolean"
        if pd.api.types.is_bool_dtype(col.dtype)
        else "number"
        if pd.api.types.is_numeric_dtype(col.dtype)
        else "text"
    )
    values = col.astype(object).where(col.notna(), None).tolist()
    if kind == "number":  # a float that is no number (inf) is written as its text
        values = [v if v is None or math.isfinite(v) else str(v) for v in values]
    elif kind == "text":
        values = [None if v is None else str(v) for v in values]
    return kind, values


def _text(text: str) -> tuple[str, bool]:
    """The text as a cell holds it, and whether it had to be cut (MAX_CELL)."""
    if len(text) > MAX_CELL:
        return text[: MAX_CELL - len(CUT_MARK)] + CUT_MARK, True
    return text, False


def _table_sheet(wb, name: str, df: pd.DataFrame, header_format) -> dict:
    ws = wb.add_worksheet(name)
    columns = list(df.columns)
    shown = min(len(df), MAX_ROWS - 1)
    made = [_column(df.iloc[:shown], c) for c in columns]
    kinds, values = [k for k, _v in made], [v for _k, v in made]
    widths = [len(c) + 2 for c in columns]  # room for the filter button
    for col, title in enumerate(columns):
        ws.write_string(0, col, title, header_format)
    cut = 0
    write = {"text": ws.write_string, "number": ws.write_number, "boolean": ws.write_boolean}
    writers = [write[k] for k in kinds]
    for r in range(shown):
        for col, put in enumerate(writers):
            value = values[col][r]
            if value is None:
                continue
            if isinstance(value, str):
                if len(value) > MAX_CELL:
                    value, _ = _text(value)
                    cut += 1
                ws.write_string(r + 1, col, value)
                width = len(value)
            else:
                put(r + 1, col, value)
                width = 5 if isinstance(value, bool) else len(str(value))
            if width > widths[col]:
                widths[col] = width
    for col, width in enumerate(widths):
        ws.set_column(col, col, max(_WIDTH[0], min(_WIDTH[1], width + 1)))
    ws.freeze_panes(1, 0)
    if columns:
        ws.autofilter(0, 0, max(shown, 1), len(columns) - 1)
    return {"rows": len(df), "shown": shown, "cut_cells": cut}


def _legend_rows(
    tables: Mapping[str, pd.DataFrame], written: Mapping[str, dict], config: AlignConfig
):
    """(heading, what, meaning) rows of the legend sheet."""
    yield ("tipdiff", "", "What changed in the U.S. Trafficking in Persons Report, country by "
           "country, year to year. One sheet per table; each column is explained below. The "
           "same tables are published as Parquet (exact), CSV (plain UTF-8, for data tools) and "
           "JSON Lines, described by datapackage.json.")
    yield ("licence", "", LICENSE_NOTE)
    for name in sheet_names(tables):
        w = written[name]
        rows = f"{w['rows']} rows"
        if w["shown"] < w["rows"]:
            rows += (
                f"; only the first {w['shown']} fit in an Excel sheet, the other "
                f"{w['rows'] - w['shown']} are in {name}.parquet and {name}.csv"
            )
        if w["cut_cells"]:
            rows += f"; {w['cut_cells']} cell(s) longer than Excel allows were cut (CUT_MARK)"
        yield ("sheet", name, f"{table_description(name)} ({rows})")
        for column, _dtype, _json, nullable, description in SCHEMA.get(name, ()):
            note = description + ("" if nullable else " (never empty)")
            if column in LISTS:
                note += " (a list, written as its JSON text)"
            yield (f"  {name}", column, note)
    for kind in KINDS:
        yield ("kind of change", kind, KIND_MEANING[kind])
    for name, low in config.bands:
        yield ("band", name, f"a link's score from {max(low, config.cutoff):g}")
    for change, meaning in CHANGE_MEANING.items():
        yield ("tier movement", change or "(empty)", meaning)
    for status, meaning in LIST_STATUSES.items():
        yield ("list_status", status, meaning)
    yield ("tier_number", "", TIER_CODING)
    yield ("cow_code", "", COW_SOURCE)
    yield ("cut cells", "", f"a text longer than {MAX_CELL} characters ends with:{CUT_MARK}")


def workbook(
    tables: Mapping[str, pd.DataFrame], *, config: AlignConfig = DEFAULT_CONFIG
) -> bytes:
    """The workbook's bytes (the same for equal tables)."""
    import xlsxwriter

    out = io.BytesIO()
    wb = xlsxwriter.Workbook(
        out,
        {
            "constant_memory": True,  # rows go to disk as they are written
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
        },
    )
    wb.set_properties(
        {"title": "tipdiff tables", "author": "tipdiff", "created": _CREATED}
    )
    bold = wb.add_format({"bold": True})
    legend = wb.add_worksheet("legend")
    written = {name: _table_sheet(wb, name, tables[name], bold) for name in sheet_names(tables)}
    for col, title in enumerate(("about", "name", "meaning")):
        legend.write_string(0, col, title, bold)
    for r, row in enumerate(_legend_rows(tables, written, config), start=1):
        for col, text in enumerate(row):
            legend.write_string(r, col, _text(text)[0])
    legend.set_column(0, 0, 22)
    legend.set_column(1, 1, 26)
    legend.set_column(2, 2, 110)
    legend.freeze_panes(1, 0)
    legend.activate()
    wb.close()
    return out.getvalue()
