"""The tier panel for spreadsheets: countries by report years, tier numbers in the cells.

The long `panel` table (one row per country and report year: tipdiff.records.panel_rows) is
what statistical tools read; `panel_wide.csv` is the same tiers laid out wide, one row per
country and one column per report year, for people who compare years by eye. Cells hold
`tier_number` (tiers.TIER_CODING); a year with no report loaded, a Special Case or an unknown
tier is an empty cell (the long table says which).
"""

from __future__ import annotations

import pandas as pd

from .tiers import TIER_CODING

WIDE = "panel_wide.csv"
WIDE_KEYS = ("country", "country_code", "cow_code")
WIDE_NOTE = (
    "panel_wide.csv: one row per country (country, country_code, cow_code), one column per "
    "report year holding tier_number; empty where no report of that year was loaded, or the "
    "tier is a Special Case or unknown (the panel table says which). " + TIER_CODING
)


def wide(panel: pd.DataFrame) -> pd.DataFrame:
    """Countries by report years (columns named by the year), tier numbers as nullable
    integers; countries in the panel's order (by name), years ascending."""
    keys = panel[list(WIDE_KEYS)].drop_duplicates("country").reset_index(drop=True)
    cells = panel.set_index(["country", "year"])["tier_number"]  # one row per country and year
    out = keys.astype({"country": "string", "country_code": "string", "cow_code": "Int64"})
    for y in wide_years(panel):
        out[str(y)] = keys["country"].map(cells.xs(y, level="year")).astype("Int64")
    return out


def wide_years(panel: pd.DataFrame) -> list[int]:
    """The report years that are columns of the wide table, ascending."""
    return sorted({int(y) for y in panel["year"]})


def wide_csv(panel: pd.DataFrame) -> bytes:
    """`panel_wide.csv`: plain UTF-8, text cells made safe for spreadsheets as in every CSV
    (tables.CSV_NOTE)."""
    from .tables import csv_rows

    return csv_rows(wide(panel), True)
