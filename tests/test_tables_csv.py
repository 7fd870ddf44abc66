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
               to_number=1, to_text="-Fund shelters.", lineage_id="L1", score=-1.5,
               decided_by="aligner", candidates=[], frames=["protection"], themes=[])
    csv_text = table_files("changes", _frame("changes", [row]))["changes.csv"].decode("utf-8")
    (parsed,) = csv.DictReader(io.StringIO(csv_text))
    assert parsed["score"] == "-1.5" and parsed["to_text"] == "'-Fund shelters."


def test_a_table_written_in_pieces_is_byte_for_byte_the_table_written_whole(monkeypatch):
    """The published CSV and JSON Lines are made a few thousand rows at a time (issue 11,
    memory); the joined pieces must be what pandas writes for the whole frame, header once,
    formula cells neutralised in every piece, a frame of zero rows still a header."""
    import tipdiff.tables as tables_mod

    monkeypatch.setattr(tables_mod, "_ROWS_PER_PIECE", 7)
    rows = []
    for i in range(23):  # 4 pieces, the last one short
        row = {c[0]: None for c in SCHEMA["changes"]}
        row.update(country=f"Country {i % 5}", from_year=2020, to_year=2021, kind="reworded",
                   change_id=f"C{i}", from_number=i + 1, to_number=i + 1, score=50.0 + i / 3,
                   from_text=f"=Prosecute case {i}, \"quoted\"\nnext line",
                   to_text=f"Prosecute cases — {i} ünïcode", lineage_id=f"L{i}",
                   decided_by="aligner", frames=["prosecution"], themes=["sentencing"] * (i % 2),
                   candidates=[{"number": i + 2, "text": f"=cell {i}", "score": 30.5}] * (i % 2))
        rows.append(row)
    for frame in (_frame("changes", rows), _frame("changes", [])):
        files = table_files("changes", frame)
        assert files["changes.csv"] == tables_mod.csv_rows(frame, True)
        whole_jsonl = frame.to_json(orient="records", lines=True, force_ascii=False).strip("\n")
        assert files["changes.jsonl"] == (whole_jsonl + "\n" if whole_jsonl else "").encode()
    assert files["changes.csv"].count(b"\n") == 1  # the empty frame: the header alone
    with_lists = table_files("changes", _frame("changes", rows))
    (first, second) = list(csv.DictReader(io.StringIO(with_lists["changes.csv"].decode())))[:2]
    assert first["candidates"] == "[]"  # lists are JSON arrays in CSV
    assert json.loads(second["candidates"]) == [{"number": 3, "text": "=cell 1", "score": 30.5}]
    back = pd.read_parquet(io.BytesIO(with_lists["changes.parquet"]))
    assert list(back["candidates"][1]) == [{"number": 3, "text": "=cell 1", "score": 30.5}]
    assert json.loads(with_lists["changes.jsonl"].splitlines()[1])["candidates"][0]["number"] == 3
    assert table_files("changes", _frame("changes", rows))["changes.csv"].count(b"change_id") == 1
