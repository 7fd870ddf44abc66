"""The published tables, built with pandas from the model. One declared schema drives the
DataFrames, their dtypes and `schema.json`, so the three cannot drift apart."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator, Sequence

import pandas as pd

from .blocks import Blocks
from .corpus import CountryHistory
from .diff import CountryDiff
from .model import InputError, Narrative
from .review import ReviewNote, text_sha256

# table -> [(column, pandas dtype, JSON type, nullable, description)]
SCHEMA: dict[str, list[tuple[str, str, str, bool, str]]] = {
    "recommendations": [
        ("country", "string", "string", False, "country name, one spelling across years"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3; null for unknown names"),
        ("year", "Int64", "integer", False, "report year"),
        ("index", "Int64", "integer", False, "0-based position in that year's list"),
        ("text", "string", "string", False, "recommendation as printed, whitespace cleaned"),
        (
            "text_sha256",
            "string",
            "string",
            False,
            "sha256 of text (UTF-8): the key reviewer overrides use",
        ),
        ("truncated", "boolean", "boolean", False, "the copy was cut off inside this item"),
        ("lineage_id", "string", "string", False, "thread of this recommendation across years"),
        ("source", "string", "string", False, "input file"),
        ("sha256", "string", "string", False, "sha256 of the input file"),
    ],
    "changes": [
        ("country", "string", "string", False, ""),
        ("country_code", "string", "string", True, ""),
        ("from_year", "Int64", "integer", False, ""),
        ("to_year", "Int64", "integer", False, ""),
        ("kind", "string", "string", False, "unchanged|reworded|split|merged|added|dropped"),
        ("change_id", "string", "string", False, "groups the rows of one split or merge"),
        ("from_index", "Int64", "integer", True, "null for added"),
        ("to_index", "Int64", "integer", True, "null for dropped"),
        ("from_text", "string", "string", True, ""),
        ("to_text", "string", "string", True, ""),
        ("from_text_sha256", "string", "string", True, "sha256 of from_text (UTF-8)"),
        ("to_text_sha256", "string", "string", True, "sha256 of to_text (UTF-8)"),
        ("score", "Float64", "number", True, "combined score 0-100; null for added/dropped"),
        ("band", "string", "string", True, "named score band"),
        ("decided_by", "string", "string", False, "aligner|review (a reviewer override)"),
        ("review_note", "string", "string", True, "the reviewer's note"),
        (
            "candidate_index",
            "Int64",
            "integer",
            True,
            "added/dropped: 0-based index of the most likely counterpart on the other side, "
            "scored below the link cutoff ('possibly the same as'); null if none",
        ),
        ("candidate_text", "string", "string", True, "text of that counterpart"),
        ("candidate_score", "Float64", "number", True, "its combined score 0-100"),
        ("lineage_id", "string", "string", False, ""),
    ],
    "tiers": [
        ("country", "string", "string", False, ""),
        ("country_code", "string", "string", True, ""),
        ("year", "Int64", "integer", False, ""),
        ("tier", "string", "string", True, "Tier 1|Tier 2|Tier 2 Watch List|Tier 3|Special Case"),
        ("tier_source", "string", "string", True, "header|summary|both"),
        (
            "tier_change",
            "string",
            "string",
            True,
            "upgraded|downgraded|remained vs the previous year present",
        ),
        ("watch_list_years", "Int64", "integer", False, "consecutive years on Tier 2 Watch List"),
        (
            "watch_list_limit_reached",
            "boolean",
            "boolean",
            False,
            "two years running on the Watch List",
        ),
    ],
    "lineage": [
        ("lineage_id", "string", "string", False, ""),
        ("country", "string", "string", False, ""),
        ("country_code", "string", "string", True, ""),
        ("first_year", "Int64", "integer", False, ""),
        ("last_year", "Int64", "integer", False, ""),
        ("years_present", "string", "string", False, "comma-separated years"),
        ("streak", "Int64", "integer", False, "consecutive reports up to the latest one"),
        ("reinstated", "boolean", "boolean", False, "dropped, then back within two reports"),
        ("text_first", "string", "string", False, ""),
        ("text_latest", "string", "string", False, ""),
    ],
    "errors": [
        ("source", "string", "string", False, "input that failed"),
        ("message", "string", "string", False, "where and what was expected"),
    ],
    "warnings": [
        ("source", "string", "string", False, "input the parser had doubts about"),
        ("country", "string", "string", False, ""),
        ("country_code", "string", "string", True, ""),
        ("year", "Int64", "integer", False, ""),
        (
            "message",
            "string",
            "string",
            False,
            "e.g. header and summary tiers disagree, item cut off",
        ),
    ],
}


class _Columns:
    """A table's rows kept as one list per column: a row given as a dict is taken apart at
    once (58,000 change rows as dicts held about 0.1 GiB more at the run's peak)."""

    def __init__(self, name: str):
        self.name = name
        self.columns: dict[str, list] = {c[0]: [] for c in SCHEMA[name]}

    def append(self, row: dict) -> None:
        for col, values in self.columns.items():
            values.append(row[col])


def _frame(name: str, rows: list[dict] | _Columns) -> pd.DataFrame:
    cols = SCHEMA[name]
    if isinstance(rows, _Columns):
        df = pd.DataFrame(rows.columns, columns=[c[0] for c in cols])
        rows.columns = {}  # the frame holds the values now
    else:
        df = pd.DataFrame(rows, columns=[c[0] for c in cols])
    return df.astype({c[0]: c[1] for c in cols})


def change_id(key: str, from_year: int, to_year: int, kind: str, old: tuple, new: tuple) -> str:
    raw = f"{key}|{from_year}|{to_year}|{kind}|{old}|{new}"
    return "C" + hashlib.sha256(raw.encode()).hexdigest()[:12]


# The parser's warning for a name with no ISO3 code. It says the same of every narrative of
# that country, so a run publishes it once per country (its first year), not once per year.
UNKNOWN_COUNTRY = "is not a known country name"


def warning_rows(narratives: Sequence[Narrative]) -> list[tuple[int, str, str]]:
    """One country's parser warnings as (year, source, message), in year order; the
    unknown-country warning once, naming the other years it was said of."""
    rows, first_unknown, also = [], None, []
    for n in narratives:
        for w in n.warnings:
            if UNKNOWN_COUNTRY in w:
                if first_unknown is None:
                    first_unknown = len(rows)
                    rows.append((n.year, n.source, w))
                else:
                    also.append(n.year)
                continue
            rows.append((n.year, n.source, w))
    if also:
        year, source, w = rows[first_unknown]
        rows[first_unknown] = (
            year,
            source,
            f"{w} (also said of {', '.join(map(str, sorted(set(also))))}; said once per run)",
        )
    return rows


def build_tables(
    histories: Sequence[CountryHistory],
    diffs: Sequence[CountryDiff],
    errors: Sequence[InputError],
    notes: Sequence[ReviewNote] = (),
) -> dict[str, pd.DataFrame]:
    """Every table of a run. `notes` are reviewer overrides that did not apply (warnings)."""
    recs, lineage = _Columns("recommendations"), _Columns("lineage")
    tiers, warnings = [], []
    id_of: dict[tuple[str, int, int], str] = {}
    for h in histories:
        for (year, index), lid in h.lineage.id_of.items():
            id_of[(h.key, year, index)] = lid
        warnings += [
            {
                "source": source,
                "country": h.country,
                "country_code": h.country_code,
                "year": year,
                "message": message,
            }
            for year, source, message in warning_rows(h.narratives)
        ]
        for n in h.narratives:
            for r in n.recommendations:
                recs.append(
                    {
                        "country": h.country,
                        "country_code": h.country_code,
                        "year": n.year,
                        "index": r.index,
                        "text": r.text,
                        "text_sha256": text_sha256(r.text),
                        "truncated": r.truncated,
                        "lineage_id": id_of[(h.key, n.year, r.index)],
                        "source": n.source,
                        "sha256": n.sha256,
                    }
                )
        by_year = {n.year: n for n in h.narratives}
        for t in h.tiers:
            tiers.append(
                {
                    "country": h.country,
                    "country_code": h.country_code,
                    "year": t.year,
                    "tier": t.tier,
                    "tier_source": by_year[t.year].tier_source,
                    "tier_change": t.tier_change,
                    "watch_list_years": t.watch_list_years,
                    "watch_list_limit_reached": t.watch_list_limit_reached,
                }
            )
        for th in h.lineage.threads:
            lineage.append(
                {
                    "lineage_id": th.lineage_id,
                    "country": h.country,
                    "country_code": h.country_code,
                    "first_year": th.first_year,
                    "last_year": th.last_year,
                    "years_present": ",".join(map(str, th.years_present)),
                    "streak": th.streak,
                    "reinstated": th.reinstated,
                    "text_first": th.text_first,
                    "text_latest": th.text_latest,
                }
            )
    changes = _Columns("changes")
    for d in diffs:
        key = d.key
        for c in d.changes:
            cid = change_id(key, d.from_year, d.to_year, c.kind, c.old, c.new)
            pairs = c.links or [(c.old[0] if c.old else None, c.new[0] if c.new else None)]
            cand, cand_score = c.candidates[0] if c.candidates else (None, None)
            cand_text = (
                None
                if cand is None
                else (d.new_texts[cand] if c.kind == "dropped" else d.old_texts[cand])
            )
            for o, n in pairs:
                lid = id_of[(key, d.to_year, n)] if n is not None else id_of[(key, d.from_year, o)]
                from_text = d.old_texts[o] if o is not None else None
                to_text = d.new_texts[n] if n is not None else None
                changes.append(
                    {
                        "country": d.country,
                        "country_code": d.country_code,
                        "from_year": d.from_year,
                        "to_year": d.to_year,
                        "kind": c.kind,
                        "change_id": cid,
                        "from_index": o,
                        "to_index": n,
                        "from_text": from_text,
                        "to_text": to_text,
                        "from_text_sha256": None if from_text is None else text_sha256(from_text),
                        "to_text_sha256": None if to_text is None else text_sha256(to_text),
                        "score": c.score,
                        "band": c.band,
                        "decided_by": c.decided_by,
                        "review_note": c.note,
                        "candidate_index": cand,
                        "candidate_text": cand_text,
                        "candidate_score": cand_score,
                        "lineage_id": lid,
                    }
                )
    warnings += [
        {
            "source": n.source,
            "country": n.country,
            "country_code": n.country_code,
            "year": n.year,
            "message": n.message,
        }
        for n in notes
    ]
    err_rows = [{"source": e.source, "message": e.message} for e in errors]
    return {
        "recommendations": _frame("recommendations", recs),
        "changes": _frame("changes", changes),
        "tiers": _frame("tiers", tiers),
        "lineage": _frame("lineage", lineage),
        "errors": _frame("errors", err_rows),
        "warnings": _frame("warnings", warnings),
    }


def json_schema() -> dict:
    """JSON Schema (draft 2020-12): one row of each table under $defs, by table name."""
    defs = {}
    for name, cols in SCHEMA.items():
        props = {}
        for col, _dtype, jtype, nullable, desc in cols:
            prop: dict = {"type": [jtype, "null"] if nullable else jtype}
            if desc:
                prop["description"] = desc
            props[col] = prop
        defs[name] = {
            "title": f"one row of {name}",
            "type": "object",
            "properties": props,
            "required": [c[0] for c in cols],
            "additionalProperties": False,
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "tipdiff-tables.schema.json",
        "title": "tipdiff tables",
        "description": "Rows of every table tipdiff publishes (Parquet, CSV, JSON Lines). "
        + CSV_NOTE,
        "$defs": defs,
    }


# A spreadsheet runs a cell that begins with one of these as a formula (=HYPERLINK(...),
# +cmd|..., -1+1, @SUM(...)); tab and carriage return are the variants that slip past filters.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_NOTE = (
    "In the CSV files only, a text cell that begins with =, +, -, @, a tab or a carriage "
    "return is written with a leading apostrophe (') so that spreadsheets show it as text "
    "instead of running it as a formula, and a carriage return inside a cell is written as a "
    "line feed (so the cell is quoted and its row stays whole); Parquet and JSON Lines hold "
    "every value exactly."
)


def csv_cell(value):
    """A text value made safe for spreadsheets (see CSV_NOTE); anything else unchanged."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS):
        value = "'" + value
    if "\r" in value:  # the csv writer quotes only \n (its line terminator), not a bare \r
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value


def _csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    text = [c for c in df.columns if pd.api.types.is_string_dtype(df[c].dtype)]
    if not text:
        return df
    safe = None
    for c in text:
        col = df[c]
        # Only the cells that need it go through csv_cell (most need nothing: measured
        # 1.0 s of 2.0 s serializing a full history when every cell went through it).
        starts = col.str.slice(0, 1).isin(FORMULA_STARTS)
        needs = (starts | col.str.contains("\r", regex=False)).fillna(False).astype(bool)
        if needs.any():
            if safe is None:
                safe = df.copy()
            safe.loc[needs, c] = col[needs].map(csv_cell)
    return df if safe is None else safe


# Rows per piece when writing CSV and JSON Lines: each row's text depends on that row alone,
# so the pieces join to the same bytes, without the whole table as text at once (to_json
# builds the text, then a copy with one record per line: 0.1 GiB for 50,000 changes).
_ROWS_PER_PIECE = 5000


def table_files(name: str, df: pd.DataFrame) -> dict[str, bytes]:
    """Parquet, CSV and JSON Lines bytes of one table (deterministic for equal frames).
    CSV text cells are neutralised for spreadsheets (CSV_NOTE); the other two are exact."""
    return {file: b"".join(pieces) for file, pieces in table_pieces(name, df)}


def csv_rows(rows: pd.DataFrame, header: bool) -> bytes:
    """Rows as CSV text (with the header line if asked), cells neutralised (CSV_NOTE)."""
    return _csv_safe(rows).to_csv(index=False, header=header, lineterminator="\n").encode()


def jsonl_rows(rows: pd.DataFrame, _header: bool = False) -> bytes:
    """Rows as JSON Lines (JSON Lines has no header)."""
    lines = rows.to_json(orient="records", lines=True, force_ascii=False).strip("\n")
    return (lines + "\n").encode("utf-8") if lines else b""


def table_pieces(
    name: str, df: pd.DataFrame, blocks: Blocks | None = None
) -> Iterator[tuple[str, Iterator[bytes]]]:
    """`table_files`, each file as pieces of whole rows, made as they are read (a writer
    never holds a whole CSV or JSON Lines text). With `blocks`, the CSV and JSON Lines rows
    that the published set already holds are taken from it (tipdiff.blocks)."""
    pq = io.BytesIO()
    df.to_parquet(pq, index=False, engine="pyarrow")
    yield f"{name}.parquet", iter((pq.getvalue(),))
    blocks = blocks or Blocks()
    for ext, write in (("csv", csv_rows), ("jsonl", jsonl_rows)):
        yield f"{name}.{ext}", blocks.pieces(name, f"{name}.{ext}", df, write, _ROWS_PER_PIECE)
