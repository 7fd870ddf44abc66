"""`datapackage.json`: the published tables as a Frictionless Data Package (Tabular Data
Package, v1 descriptors), made from the same declaration as the tables (tables.SCHEMA) and
the model's vocabularies, so the description cannot drift from the data.

Every table is two resources: its CSV (`changes`) and its Parquet file (`changes-parquet`),
with the same fields. Each field has its type, description and, where the model fixes them,
its allowed values (constraints.enum: KINDS, TIERS, tier CHANGES, LIST_STATUSES, ...);
non-null fields are `required`. Primary keys and foreign keys are declared within each
format: a change row names its two recommendations by `from_recommendation_id` /
`to_recommendation_id` (the recommendation's `KEY:YEAR:NUMBER`, so a foreign key holds even
where one end is empty; a Frictionless key whose fields are partly null would not);
recommendations, changes and the tiers point at the panel's (country, year), lineage ids at
the lineage table. `panel_wide.csv` is one more resource (years as columns).

CSV cells that begin like a spreadsheet formula carry a leading apostrophe (tables.CSV_NOTE):
the package says so, on the package and on every CSV resource; no field that has allowed
values or a pattern can begin that way, so the CSV resources validate as they are.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.metadata import PackageNotFoundError, version

import pandas as pd

from .align import DEFAULT_CONFIG, AlignConfig
from .countries import COW_SOURCE
from .diff import KINDS
from .evidence import STANCES, VERDICTS
from .model import LIST_STATUSES
from .panel import WIDE, WIDE_KEYS, WIDE_NOTE, wide_years
from .parse.body import PROSE
from .tables import CSV_NOTE, LISTS, SCHEMA
from .tiers import CHANGES, MOVES, TIER_CODING, TIERS

NAME = "datapackage.json"
LICENSE = {
    "name": "CC0-1.0",
    "path": "https://creativecommons.org/publicdomain/zero/1.0/",
    "title": "Creative Commons Zero v1.0 Universal",
}
LICENSE_NOTE = (
    "The Trafficking in Persons Report is a work of the United States Government, in the "
    "public domain in the United States (17 U.S.C. 105). The tables derived from it here are "
    "dedicated to the public domain under CC0 1.0: use them without asking. Inputs that are "
    "not the report (for example the synthetic demo narratives) are as their authors say."
)
SOURCES = [
    {
        "title": "U.S. Department of State, Trafficking in Persons Report (annual): the country "
        "narratives' tiers and recommendations",
        "path": "https://www.state.gov/trafficking-in-persons-report/",
    },
    {
        "title": "The input files this set was made from, each with its sha256, and the sha256 "
        "of every published file: manifest.json",
        "path": "manifest.json",
    },
]
_TYPES = {"string": "string", "Int64": "integer", "Float64": "number", "boolean": "boolean"}
_SHA = {"pattern": "^[0-9a-f]{64}$"}
_ENUMS: dict[str, list] = {
    "kind": list(KINDS),
    "tier": list(TIERS),
    "tier_change": list(CHANGES),
    "stated_change": list(MOVES),
    "tier_source": ["header", "summary", "header and summary"],
    "list_status": list(LIST_STATUSES),
    "decided_by": ["aligner", "review"],
    "verdict": list(VERDICTS),
    "evidence_verdict": list(VERDICTS),
    "stance": list(STANCES),
    "section": list(PROSE),
}
# Columns that hold JSON text in every format (a JSON object per cell).
_OBJECTS = {"scores"}
PRIMARY_KEYS = {
    "recommendations": ["recommendation_id"],
    "tiers": ["country", "year"],
    "lineage": ["lineage_id"],
    "panel": ["country", "year"],
}
# (table, fields, referenced table, referenced fields)
FOREIGN_KEYS = [
    ("recommendations", ["country", "year"], "panel", ["country", "year"]),
    ("recommendations", ["lineage_id"], "lineage", ["lineage_id"]),
    ("changes", ["from_recommendation_id"], "recommendations", ["recommendation_id"]),
    ("changes", ["to_recommendation_id"], "recommendations", ["recommendation_id"]),
    ("changes", ["country", "from_year"], "panel", ["country", "year"]),
    ("changes", ["country", "to_year"], "panel", ["country", "year"]),
    ("changes", ["lineage_id"], "lineage", ["lineage_id"]),
    ("tiers", ["country", "year"], "panel", ["country", "year"]),
]
DESCRIPTIONS = {
    "recommendations": "one row per recommendation in a report year",
    "changes": "one row per link, or per unmatched item, between a country's consecutive "
    "report years loaded; the rows of one split or merge share change_id (no primary key: a "
    "row is its change_id with from_recommendation_id and to_recommendation_id, either of "
    "which may be empty)",
    "tiers": "one row per country and report year: the tier, its movement and the Watch List "
    "facts of the law that year",
    "lineage": "one row per recommendation thread across the years",
    "errors": "one row per input that could not be used",
    "warnings": "one row per doubt about an input",
    "evidence": "one row per sentence of a later report's body that speaks to a dropped (or "
    "reworded-weaker) ask, ranked: the change's verdict (done, partly, none) and each "
    "sentence's stance",
    "sentences": "one row per sentence of a narrative's body (summary, prosecution, protection, "
    "prevention, trafficking profile, government efforts), numbered through the body",
    "stock_asks": "one row per stock ask in a report year: near-identical wording given to "
    "several countries, with the countries and those that got it for the first time",
    "panel": "research-ready tier panel: one row per country and report year, with ISO3 and "
    "Correlates of War codes, the tier as text and number, the movement, the Watch List streak "
    "and limit as the law stood that year, and counts of each kind of change since the "
    "previous report loaded. " + TIER_CODING + " " + COW_SOURCE,
}


def table_description(table: str) -> str:
    """What a table's row is (a table added without a line in DESCRIPTIONS still gets one)."""
    return DESCRIPTIONS.get(table, f"the {table} table (its fields say what each row holds)")


def _version() -> str:
    try:
        return version("tipdiff")
    except PackageNotFoundError:
        return "unknown"


def _field(
    table: str, column: str, dtype: str, _json: str, nullable: bool, description: str, *, bands
) -> dict:
    if column in LISTS:
        kind = "array"
    elif column in _OBJECTS:
        kind = "object"
    else:
        kind = _TYPES[dtype]
    field: dict = {"name": column, "type": kind, "description": description}
    constraints: dict = {}
    if not nullable:
        constraints["required"] = True
    allowed = bands if column == "band" else _ENUMS.get(column)
    if allowed is not None:
        constraints["enum"] = list(allowed)
    if column.endswith("sha256"):
        constraints.update(_SHA)
    if column == "country_code":
        constraints["pattern"] = "^[A-Z]{3}$"
    if kind == "integer" and (column == "year" or column.endswith("_year")):
        constraints.update({"minimum": 1900, "maximum": 2100})
    if column in ("number", "from_number", "to_number", "last_asked_number"):
        constraints["minimum"] = 1
    if column == "tier_number":
        constraints.update({"minimum": 1, "maximum": 4})
    if column == "score":
        constraints.update({"minimum": 0, "maximum": 100})
    if constraints:
        field["constraints"] = constraints
    return field


# Frictionless reads a Parquet list column as numpy arrays, which its `array` type refuses:
# in the Parquet resources a list column is declared `any` and says what it holds.
_PARQUET_LIST = (
    " In Parquet a list (list<...>): declared 'any' because Frictionless reads Parquet lists "
    "as arrays its 'array' type does not take; the CSV resource declares it 'array'."
)


def _schema(table: str, suffix: str, bands) -> dict:
    fields = [_field(table, *column, bands=bands) for column in SCHEMA[table]]
    if suffix:
        for f in fields:
            if f["type"] == "array":
                f.update(type="any", description=f["description"] + _PARQUET_LIST)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if table in PRIMARY_KEYS:
        schema["primaryKey"] = PRIMARY_KEYS[table]
    keys = [
        {"fields": fields, "reference": {"resource": f"{other}{suffix}", "fields": theirs}}
        for name, fields, other, theirs in FOREIGN_KEYS
        if name == table
    ]
    if keys:
        schema["foreignKeys"] = keys
    return schema


_CSV_DIALECT = {
    "delimiter": ",",
    "doubleQuote": True,
    "quoteChar": '"',
    "lineTerminator": "\n",
    "header": True,
}


def descriptor(
    years: list[int] | None = None, *, config: AlignConfig = DEFAULT_CONFIG
) -> dict:
    """The Data Package of a published set. `years`: the report years of the set (the
    columns of panel_wide.csv)."""
    bands = [name for name, _low in config.bands]
    resources = []
    for table in SCHEMA:
        resources.append(
            {
                "name": table,
                "path": f"{table}.csv",
                "profile": "tabular-data-resource",
                "title": f"{table} (CSV)",
                "description": f"{table_description(table)}. {CSV_NOTE}",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": _CSV_DIALECT,
                "schema": _schema(table, "", bands),
            }
        )
    for table in SCHEMA:
        resources.append(
            {
                "name": f"{table}-parquet",
                "path": f"{table}.parquet",
                "profile": "tabular-data-resource",
                "title": f"{table} (Parquet)",
                "description": f"{table_description(table)}. Every value exactly, lists as lists.",
                "format": "parquet",
                "mediatype": "application/vnd.apache.parquet",
                "schema": _schema(table, "-parquet", bands),
            }
        )
    panel = {c[0]: c for c in SCHEMA["panel"]}
    wide_fields = [_field("panel", *panel[k], bands=bands) for k in WIDE_KEYS]
    wide_fields += [
        {
            "name": str(y),
            "type": "integer",
            "description": f"tier_number in the {y} report (empty: no report loaded, Special "
            "Case or unknown tier)",
            "constraints": {"minimum": 1, "maximum": 4},
        }
        for y in years or []
    ]
    resources.append(
        {
            "name": "panel-wide",
            "path": WIDE,
            "profile": "tabular-data-resource",
            "title": "tier numbers, countries by report years (CSV)",
            "description": f"{WIDE_NOTE} {CSV_NOTE}",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": _CSV_DIALECT,
            "schema": {
                "fields": wide_fields,
                "missingValues": [""],
                "primaryKey": ["country"],
            },
        }
    )
    return {
        "profile": "tabular-data-package",
        "name": "tipdiff",
        "title": "What changed in the U.S. Trafficking in Persons Report, country by country, "
        "year to year",
        "description": (
            "Tables made by tipdiff from saved copies of the country narratives of the U.S. "
            "State Department's Trafficking in Persons Report: every recommendation, how each "
            "changed from one report year to the next (kinds: " + ", ".join(KINDS) + "), the "
            "tiers, the recommendation threads, and a research-ready tier panel. " + CSV_NOTE
            + " The same tables as Parquet (exact) and JSON Lines, tipdiff.xlsx for Excel, and "
            "schema.json (JSON Schema of every row) sit beside this file. " + LICENSE_NOTE
        ),
        "version": _version(),
        "homepage": "https://www.state.gov/trafficking-in-persons-report/",
        "keywords": ["human trafficking", "TIP Report", "recommendations", "tiers", "panel"],
        "licenses": [LICENSE],
        "sources": SOURCES,
        "resources": resources,
    }


def datapackage_json(
    tables: Mapping[str, pd.DataFrame], *, config: AlignConfig = DEFAULT_CONFIG
) -> bytes:
    """`datapackage.json` for a set's tables (the same bytes for the same years)."""
    panel = tables.get("panel")
    years = wide_years(panel) if panel is not None else []
    text = json.dumps(descriptor(years, config=config), indent=2, ensure_ascii=False)
    return (text + "\n").encode("utf-8")
