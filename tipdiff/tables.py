"""The published tables, built with pandas from the model. One declared schema drives the
DataFrames, their dtypes and `schema.json`, so the three cannot drift apart."""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

import pandas as pd
import pyarrow as pa

from . import records
from .blocks import Blocks, json_cells
from .corpus import CountryHistory
from .diff import KINDS
from .evidence import STANCES, VERDICTS
from .model import LIST_STATUSES, InputError, Narrative
from .parse.body import PROSE
from .review import ReviewNote, text_sha256
from .stock import STOCK_CUTOFF, STOCK_MIN
from .stock import groups as stock_groups
from .themes import FRAMES, SUBTHEMES
from .tiers import CHANGES, TIERS

# table -> [(column, pandas dtype, JSON type, nullable, description)]. Items are numbered
# from 1 (records.NUMBERING); list-valued columns are "object" columns of lists (LISTS).
_NUMBER = "1-based position in that year's list, as the report prints it (#1 is the first)"
_FRAMES = (
    "the report's frames the ask belongs to (docs/themes.md), one or more of: "
    + ", ".join(FRAMES)
)
_THEMES = (
    "the ask's sub-themes (docs/themes.md), none or more of: " + ", ".join(SUBTHEMES)
)
_STOCK = (
    f"stock ask: the group of near-identical asks (rapidfuzz ratio >= {STOCK_CUTOFF:g} "
    f"after normalization) that {STOCK_MIN} or more countries got in that report year, "
    "as in the stock_asks table; null if the ask is not one"
)
SCHEMA: dict[str, list[tuple[str, str, str, bool, str]]] = {
    "recommendations": [
        ("country", "string", "string", False, "standard country name, one spelling across years"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3; null for unknown names"),
        (
            "country_in_report",
            "string",
            "string",
            False,
            "the country's name as that year's report writes it (e.g. Burma)",
        ),
        ("year", "Int64", "integer", False, "report year"),
        ("number", "Int64", "integer", False, _NUMBER),
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
        ("frames", "object", "array", False, _FRAMES),
        ("themes", "object", "array", False, _THEMES),
        ("stock_group", "string", "string", True, _STOCK),
        (
            "stock_size",
            "Int64",
            "integer",
            True,
            "countries that got this stock ask in that report year; null if not one",
        ),
        (
            "recommendation_id",
            "string",
            "string",
            False,
            "KEY:YEAR:NUMBER (ISO3 code, else the name in capitals; report year; number), "
            "e.g. PER:2023:3: the key change rows point at",
        ),
    ],
    "changes": [
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        ("from_year", "Int64", "integer", False, "the earlier report year of the pair"),
        ("to_year", "Int64", "integer", False, "the later report year of the pair"),
        ("kind", "string", "string", False, "|".join(KINDS) + " (see the README's vocabulary)"),
        ("change_id", "string", "string", False, "groups the rows of one split or merge"),
        ("from_number", "Int64", "integer", True, f"{_NUMBER}, in from_year; null if none"),
        ("to_number", "Int64", "integer", True, f"{_NUMBER}, in to_year; null if none"),
        ("from_text", "string", "string", True, "the from_year recommendation"),
        ("to_text", "string", "string", True, "the to_year recommendation"),
        ("from_text_sha256", "string", "string", True, "sha256 of from_text (UTF-8)"),
        ("to_text_sha256", "string", "string", True, "sha256 of to_text (UTF-8)"),
        (
            "score",
            "Float64",
            "number",
            True,
            "combined score 0-100 of a link (reinstated: against the last earlier wording); "
            "null for added, dropped and unseen",
        ),
        ("band", "string", "string", True, "the score's named range (see the legend)"),
        ("scores", "string", "string", True, "JSON object: each scorer's own score 0-100"),
        (
            "word_diff",
            "string",
            "string",
            True,
            "word-level edits: [-removed-] {+added+}, other words as they are (a backslash "
            "escapes these marks); null when nothing changed",
        ),
        ("decided_by", "string", "string", False, "aligner|review (a reviewer override)"),
        ("review_note", "string", "string", True, "the reviewer's note"),
        (
            "candidates",
            "object",
            "array",
            False,
            "added, dropped and unseen: items of the other year that resemble this one "
            "but scored below the link cutoff ('possibly the same as'), best first, each "
            "{number, text, score}; empty if none",
        ),
        ("last_asked_year", "Int64", "integer", True, "reinstated: the report that last asked it"),
        ("last_asked_number", "Int64", "integer", True, f"reinstated: its {_NUMBER}, then"),
        ("last_asked_text", "string", "string", True, "reinstated: its wording then"),
        ("returns_in", "Int64", "integer", True, "dropped: the later report that asks it again"),
        ("lineage_id", "string", "string", False, "thread of the item(s) across years"),
        (
            "evidence_verdict",
            "string",
            "string",
            True,
            "dropped and reworded-weaker asks: what the to_year report's body says of it, "
            + "|".join(VERDICTS)
            + " (done: reported done; partly: reported partly or in progress; none: no "
            "evidence found, or evidence against); null for other kinds, and when the to_year "
            "copy has no body to search. The sentences are in the evidence table",
        ),
        ("frames", "object", "array", False, _FRAMES + " (of to_text; dropped rows: from_text)"),
        ("themes", "object", "array", False, _THEMES + " (of to_text; dropped rows: from_text)"),
        (
            "from_recommendation_id",
            "string",
            "string",
            True,
            "recommendation_id of the from_year item (country, from_year, from_number); null "
            "if none",
        ),
        (
            "to_recommendation_id",
            "string",
            "string",
            True,
            "recommendation_id of the to_year item (country, to_year, to_number); null if none",
        ),
    ],
    "evidence": [
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        ("from_year", "Int64", "integer", False, "the report that asked it"),
        ("to_year", "Int64", "integer", False, "the report whose body was searched"),
        ("change_id", "string", "string", False, "the change (changes.change_id)"),
        ("kind", "string", "string", False, "dropped|reworded (reworded-weaker)"),
        ("from_number", "Int64", "integer", False, f"the ask's {_NUMBER}, in from_year"),
        ("verdict", "string", "string", False, "|".join(VERDICTS) + ": the change's verdict"),
        ("rank", "Int64", "integer", False, "1 = the sentence that decides the verdict"),
        ("number", "Int64", "integer", False, "the sentence's number in to_year's body"),
        ("section", "string", "string", False, "|".join(PROSE) + ": where the sentence is"),
        (
            "stance",
            "string",
            "string",
            False,
            "|".join(STANCES) + ": what the sentence says of the ask (against: not done, or "
            "still missing)",
        ),
        ("score", "Float64", "number", False, "0-100: how much of the ask the sentence is about"),
        ("text", "string", "string", False, "the sentence as the report writes it"),
    ],
    "sentences": [
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        ("year", "Int64", "integer", False, "report year"),
        ("section", "string", "string", False, "|".join(PROSE) + " (as each year names them)"),
        ("number", "Int64", "integer", False, "1-based, through the narrative's body"),
        ("text", "string", "string", False, "one sentence of the body, lines joined"),
    ],
    "stock_asks": [
        ("year", "Int64", "integer", False, "report year"),
        ("stock_group", "string", "string", False, "the group's id (recommendations.stock_group)"),
        ("size", "Int64", "integer", False, "countries that got it that year"),
        (
            "first_time",
            "Int64",
            "integer",
            False,
            "of those, countries asked it for the first time (a new thread that year, with "
            "the country's earlier reports loaded)",
        ),
        ("text", "string", "string", False, "the wording most of them got"),
        ("countries", "object", "array", False, "standard names of the countries, A-Z"),
        (
            "first_time_countries",
            "object",
            "array",
            False,
            "standard names of the countries asked it for the first time, A-Z",
        ),
        ("frames", "object", "array", False, _FRAMES + " (of text)"),
        ("themes", "object", "array", False, _THEMES + " (of text)"),
    ],
    "tiers": [
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        (
            "country_in_report",
            "string",
            "string",
            False,
            "the country's name as that year's report writes it",
        ),
        ("year", "Int64", "integer", False, "report year"),
        ("tier", "string", "string", True, "|".join(TIERS) + "; null if unknown"),
        (
            "tier_source",
            "string",
            "string",
            True,
            "where the copy states the tier: header|summary|header and summary",
        ),
        (
            "tier_change",
            "string",
            "string",
            True,
            "|".join(CHANGES) + ": against the previous report loaded; unranked when either "
            "is a Special Case; null for the first report loaded or an unknown tier",
        ),
        (
            "stated_change",
            "string",
            "string",
            True,
            "upgraded|downgraded|remained as the report itself states it",
        ),
        ("stated_text", "string", "string", True, "the report's sentence that states it"),
        (
            "waiver",
            "boolean",
            "boolean",
            False,
            "the narrative states a waiver from an otherwise required downgrade",
        ),
        (
            "watch_list_years",
            "Int64",
            "integer",
            False,
            "consecutive report years on Tier 2 Watch List, ending this year",
        ),
        (
            "watch_list_years_counted",
            "Int64",
            "integer",
            False,
            "of those, the years that count toward the Watch List limit of the law in force "
            "(from the 2009 report on)",
        ),
        (
            "watch_list_limit",
            "Int64",
            "integer",
            True,
            "the law's limit that year in consecutive Watch List years; null before the "
            "automatic downgrade began (2009 report)",
        ),
        (
            "watch_list_limit_reached",
            "boolean",
            "boolean",
            True,
            "the counted years reached the limit: the next report must downgrade unless a "
            "waiver is granted; null when no limit applied",
        ),
        ("recommendations", "Int64", "integer", False, "recommendations the copy lists"),
        ("list_status", "string", "string", False, "|".join(LIST_STATUSES)),
    ],
    "lineage": [
        ("lineage_id", "string", "string", False, "thread of one recommendation across years"),
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        ("first_year", "Int64", "integer", False, "first report loaded that carries it"),
        (
            "in_first_loaded",
            "boolean",
            "boolean",
            False,
            "first_year is the country's first report loaded: the ask may be older",
        ),
        ("last_year", "Int64", "integer", False, "last report loaded that carries it"),
        ("years_present", "object", "array", False, "the report years that carry it"),
        ("streak", "Int64", "integer", False, "consecutive reports up to the latest one"),
        ("reinstated", "boolean", "boolean", False, "dropped, then back within two reports"),
        ("text_first", "string", "string", False, "its first wording"),
        ("text_latest", "string", "string", False, "its latest wording"),
    ],
    "errors": [
        ("source", "string", "string", False, "input that failed"),
        ("message", "string", "string", False, "where and what was expected"),
    ],
    "warnings": [
        ("source", "string", "string", False, "input the warning is about"),
        ("country", "string", "string", False, "standard country name"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3"),
        ("year", "Int64", "integer", False, "report year"),
        (
            "message",
            "string",
            "string",
            False,
            "e.g. header and summary tiers disagree, an item cut off, a stated tier move the "
            "tiers loaded contradict, a reviewer override that no longer matches",
        ),
    ],
    "panel": [
        ("country", "string", "string", False, "standard country name, one spelling across years"),
        ("country_code", "string", "string", True, "ISO 3166-1 alpha-3; null for unknown names"),
        (
            "cow_code",
            "Int64",
            "integer",
            True,
            "Correlates of War state number; null where COW lists no state (territories such "
            "as Hong Kong, Macau, Curacao, Sint Maarten) or the name is unknown",
        ),
        (
            "country_in_report",
            "string",
            "string",
            False,
            "the country's name as that year's report writes it (e.g. Burma)",
        ),
        ("year", "Int64", "integer", False, "report year"),
        ("tier", "string", "string", True, "|".join(TIERS) + "; null if unknown"),
        (
            "tier_number",
            "Int64",
            "integer",
            True,
            "the tier as a number, as Kelley (2017) codes it: Tier 1 = 1, Tier 2 = 2, Tier 2 "
            "Watch List = 3, Tier 3 = 4; null for a Special Case or an unknown tier",
        ),
        (
            "tier_change",
            "string",
            "string",
            True,
            "|".join(CHANGES) + ": against the previous report loaded (as in tiers)",
        ),
        ("waiver", "boolean", "boolean", False, "the narrative states a waiver"),
        (
            "watch_list_years",
            "Int64",
            "integer",
            False,
            "consecutive report years on Tier 2 Watch List, ending this year",
        ),
        (
            "watch_list_years_counted",
            "Int64",
            "integer",
            False,
            "of those, the years that count toward the limit of the law in force that year",
        ),
        (
            "watch_list_limit",
            "Int64",
            "integer",
            True,
            "the law's limit that year in consecutive Watch List years; null before 2009",
        ),
        (
            "watch_list_limit_reached",
            "boolean",
            "boolean",
            True,
            "the next report must downgrade unless a waiver is granted; null when no limit "
            "applied",
        ),
        ("list_status", "string", "string", False, "|".join(LIST_STATUSES)),
        ("recommendations", "Int64", "integer", False, "recommendations the copy lists"),
        (
            "previous_year",
            "Int64",
            "integer",
            True,
            "the previous report loaded for the country, which the counts compare with; "
            "null for its first report loaded",
        ),
        *[
            (
                f"n_{kind}",
                "Int64",
                "integer",
                True,
                f"changes of kind {kind} since previous_year (a split or merge counts once); "
                "null for the first report loaded",
            )
            for kind in KINDS
        ],
    ],
}
# List-valued columns: their Arrow type (Parquet) and the JSON Schema of their items. In CSV
# a list is written as its JSON array text.
LISTS = {
    "candidates": (
        pa.list_(
            pa.struct([("number", pa.int64()), ("text", pa.string()), ("score", pa.float64())])
        ),
        {
            "type": "object",
            "properties": {
                "number": {"type": "integer"},
                "text": {"type": "string"},
                "score": {"type": "number"},
            },
            "required": ["number", "text", "score"],
            "additionalProperties": False,
        },
    ),
    "years_present": (pa.list_(pa.int64()), {"type": "integer"}),
    "frames": (pa.list_(pa.string()), {"enum": list(FRAMES)}),
    "themes": (pa.list_(pa.string()), {"enum": list(SUBTHEMES)}),
    "countries": (pa.list_(pa.string()), {"type": "string"}),
    "first_time_countries": (pa.list_(pa.string()), {"type": "string"}),
}
_ARROW = {
    "string": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "boolean": pa.bool_(),
}


def arrow_schema(name: str) -> pa.Schema:
    """The Parquet schema of a table (explicit, so an empty list column keeps its type)."""
    return pa.schema(
        [
            pa.field(col, LISTS[col][0] if dtype == "object" else _ARROW[dtype], nullable)
            for col, dtype, _j, nullable, _d in SCHEMA[name]
        ]
    )


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


def country_warnings(h: CountryHistory) -> list[tuple[int, str, str]]:
    """Every warning about one country as (year, source, message), in year order: the
    parser's (warning_rows), then the model's doubts about its tier facts."""
    source = {n.year: n.source for n in h.narratives}
    rows = warning_rows(h.narratives) + [(y, source[y], m) for y, m in h.doubts]
    return sorted(rows, key=lambda r: r[0])


def build_tables(
    histories: Sequence[CountryHistory],
    errors: Sequence[InputError],
    notes: Sequence[ReviewNote] = (),
) -> dict[str, pd.DataFrame]:
    """Every table of a run, from the model (tipdiff.records). `notes` are reviewer
    overrides that did not apply (warnings)."""
    recs, lineage, changes = _Columns("recommendations"), _Columns("lineage"), _Columns("changes")
    evidence, sentences = _Columns("evidence"), _Columns("sentences")
    tiers, warnings, panel = [], [], []
    stocks = stock_groups(histories)
    stocks_of: dict[str, list] = {}
    for g in stocks:
        for key in g.countries:
            stocks_of.setdefault(key, []).append(g)
    for h in histories:
        sizes = {g.group_id: g.size for g in stocks_of.get(h.key, ())}
        warnings += [
            {
                "source": source,
                "country": h.country,
                "country_code": h.country_code,
                "year": year,
                "message": message,
            }
            for year, source, message in country_warnings(h)
        ]
        for n in h.narratives:
            for r in n.recommendations:
                recs.append(
                    {
                        "country": h.country,
                        "country_code": h.country_code,
                        "country_in_report": n.country_in_report or h.country,
                        "year": n.year,
                        "number": r.index + 1,
                        "text": r.text,
                        "text_sha256": text_sha256(r.text),
                        "truncated": r.truncated,
                        "lineage_id": h.lineage.id_of[(n.year, r.index)],
                        "source": n.source,
                        "sha256": n.sha256,
                        "frames": records.tag_lists(h.tags[(n.year, r.index)])[0],
                        "themes": records.tag_lists(h.tags[(n.year, r.index)])[1],
                        "stock_group": h.stock.get((n.year, r.index)),
                        "stock_size": sizes.get(h.stock.get((n.year, r.index))),
                        "recommendation_id": records.recommendation_id(
                            h.key, n.year, r.index + 1
                        ),
                    }
                )
        tiers += records.tier_rows(h)
        panel += records.panel_rows(h)
        for th in h.lineage.threads:
            lineage.append(
                {
                    "lineage_id": th.lineage_id,
                    "country": h.country,
                    "country_code": h.country_code,
                    "first_year": th.first_year,
                    "in_first_loaded": th.in_first_loaded,
                    "last_year": th.last_year,
                    "years_present": list(th.years_present),
                    "streak": th.streak,
                    "reinstated": th.reinstated,
                    "text_first": th.text_first,
                    "text_latest": th.text_latest,
                }
            )
        for d in h.diffs:
            for row in records.change_rows(h, d):
                changes.append(row)
            for row in records.evidence_rows(h, d):
                evidence.append(row)
        for row in records.sentence_rows(h):
            sentences.append(row)
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
    names = {h.key: h.country for h in histories}
    stock_rows = [records.stock_row(g, names) for g in stocks]
    return {
        "recommendations": _frame("recommendations", recs),
        "changes": _frame("changes", changes),
        "evidence": _frame("evidence", evidence),
        "sentences": _frame("sentences", sentences),
        "stock_asks": _frame("stock_asks", stock_rows),
        "tiers": _frame("tiers", tiers),
        "lineage": _frame("lineage", lineage),
        "errors": _frame("errors", err_rows),
        "warnings": _frame("warnings", warnings),
        "panel": _frame("panel", panel),
    }


def json_schema() -> dict:
    """JSON Schema (draft 2020-12): one row of each table under $defs, by table name."""
    defs = {}
    for name, cols in SCHEMA.items():
        props = {}
        for col, _dtype, jtype, nullable, desc in cols:
            prop: dict = {"type": [jtype, "null"] if nullable else jtype}
            if col in LISTS:
                prop["items"] = LISTS[col][1]
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
    "line feed (so the cell is quoted and its row stays whole), and a list-valued cell "
    "(candidates, years_present, frames, themes, countries, first_time_countries) is written "
    "as its JSON array; Parquet and JSON Lines hold "
    "every value exactly, lists as lists."
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
    """Rows as CSV text (with the header line if asked), cells neutralised and lists as
    JSON arrays (CSV_NOTE)."""
    lists = [c for c in rows.columns if c in LISTS]
    if lists:
        rows = rows.assign(
            **{c: json_cells(rows[c], ensure_ascii=False, separators=(",", ":")) for c in lists}
        )
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
    # an explicit schema: an empty list column keeps its type (the pandas metadata, which
    # restores the nullable dtypes on reading, stays)
    pq_table = pa.Table.from_pandas(df, schema=arrow_schema(name), preserve_index=False)
    import pyarrow.parquet as pq_io

    pq_io.write_table(pq_table, pq)
    del pq_table
    yield f"{name}.parquet", iter((pq.getvalue(),))
    blocks = blocks or Blocks()
    for ext, write in (("csv", csv_rows), ("jsonl", jsonl_rows)):
        yield f"{name}.{ext}", blocks.pieces(name, f"{name}.{ext}", df, write, _ROWS_PER_PIECE)
