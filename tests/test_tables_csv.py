"""CSV formula injection (issue 9, item 3): text cells that a spreadsheet would run are
neutralised with a leading apostrophe in CSV only; Parquet and JSON Lines stay exact."""

from __future__ import annotations

import csv
import io
import json

import pandas as pd

from tipdiff.tables import SCHEMA, _frame, table_files

HOSTILE = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+cmd|' /C calc'!A0", "-2+3",
           "@SUM(A1:A2)", "\t=1+1", "\r=1+1", "'quoted already", "plain text", "a = b", None]


def test_every_formula_start_is_neutralised_in_csv_and_exact_elsewhere():
    rows = [{"source": f"file{i}.txt" if value is None else value, "message": value or "m"}
            for i, value in enumerate(HOSTILE)]
    files = table_files("errors", _frame("errors", rows))
    with io.StringIO(files["errors.csv"].decode("utf-8"), newline="") as fh:
        cells = [r["source"] for r in csv.DictReader(fh)]
    assert cells == ["'=HYPERLINK(\"http://example.invalid\",\"x\")", "'+cmd|' /C calc'!A0", "'-2+3",
                     "'@SUM(A1:A2)", "'\t=1+1", "'\n=1+1", "'quoted already", "plain text", "a = b",
                     "file9.txt"]
    assert len(cells) == len(rows)  # a carriage return did not split a row
    exact = [r["source"] for r in rows]
    assert pd.read_parquet(io.BytesIO(files["errors.parquet"]))["source"].tolist() == exact
    lines = files["errors.jsonl"].decode("utf-8").splitlines()
    assert [json.loads(line)["source"] for line in lines] == exact


def test_numbers_are_not_text_and_stay_as_numbers_in_csv():
    row = {c[0]: None for c in SCHEMA["changes"]}
    row.update(country="Freedonia", from_year=2023, to_year=2024, kind="added", change_id="C1",
               to_index=0, to_text="-Fund shelters.", lineage_id="L1", score=-1.5)
    csv_text = table_files("changes", _frame("changes", [row]))["changes.csv"].decode("utf-8")
    (parsed,) = csv.DictReader(io.StringIO(csv_text))
    assert parsed["score"] == "-1.5" and parsed["to_text"] == "'-Fund shelters."
