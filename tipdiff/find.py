"""`tipdiff find`: recommendations of the published set that resemble a text, ranked.

Reads one published set (`publish.load`: the tables, so a find says what the tables say) and
scores every recommendation the filters keep against the query with rapidfuzz: the better of

- `token_set_ratio` over the content-word stems of both (tipdiff.normalize.content_stems:
  "penalize victims" finds "victims are not penalized"; a query whose words are all in an
  ask scores 100, whatever their order), and
- `partial_ratio` over both clean texts (a phrase, typos included, anywhere in the ask).

A hit is one recommendation of one report year: its country, year, number, text, the kind
of change that brought it into that year's list (`added`, `reworded`, ...; none for a
country's first report loaded), the years its thread was asked, its theme tags and stock
group, and a link to its country page. An ask dropped in a year is a hit of that year with
kind `dropped` (its number and text those of the year before). Each thread (lineage_id)
appears at one year only: the year of its best-scoring hit, the latest on a tie (with every
item the thread has that year, so the parts of a split stay together). Hits are ranked by
score, then newest year, then country and number.

Nothing of the query is ever read as a pattern: it is only compared as text. Bad arguments
raise FindError (a usage error) naming what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace

from rapidfuzz import fuzz, process

from .model import TipdiffError
from .normalize import clean, content_stems
from .publish import PublishedSet, load
from .render.names import page_names
from .themes import FRAMES, SUBTHEMES, TAGS

MAX_QUERY = 1000  # characters: a query is a phrase or an ask, never a document
MIN_SCORE = 70.0  # hits scoring below this are left out
# The columns a find reads (a fraction of the set: the changes table's scores, word diffs
# and hints are never read).
COLUMNS = {
    "recommendations": (
        "country", "country_code", "country_in_report", "year", "number", "text",
        "lineage_id", "frames", "themes", "stock_group",
    ),
    "changes": (
        "country", "country_code", "from_year", "to_year", "kind", "from_number",
        "to_number", "from_text", "lineage_id", "frames", "themes",
    ),
    "tiers": ("country", "country_code", "country_in_report", "year"),
    "lineage": ("lineage_id", "years_present"),
}
TABLES = tuple(COLUMNS)
FIRST = "first report loaded"  # what a hit with no kind means


class FindError(TipdiffError, ValueError):
    """A find argument that cannot be used; the message says what is allowed."""


@dataclass(frozen=True, slots=True)
class Hit:
    score: float | None  # 0-100; None when no text was given (filters only)
    country: str
    country_code: str | None
    country_in_report: str
    year: int
    number: int  # 1-based, in `year` (a dropped ask: in the report before)
    text: str
    kind: str | None  # the kind of change into this year's list; None: first report loaded
    from_year: int | None  # the earlier report it was compared with
    years_present: tuple[int, ...]
    lineage_id: str
    frames: tuple[str, ...]
    themes: tuple[str, ...]
    stock_group: str | None
    page: str  # the country page (and year-pair section), relative to the output folder


@dataclass(frozen=True, slots=True)
class FindResult:
    query: str
    theme: str | None
    year: int | None
    kind: str | None
    country: str | None  # the standard name the --country filter resolved to
    total: int  # matching hits, before `limit`
    hits: tuple[Hit, ...]
    min_score: float = MIN_SCORE

    def to_dict(self) -> dict:
        """The `tipdiff find --json` object (docs/schemas/find.schema.json)."""
        return {
            "query": self.query,
            "filters": {
                "theme": self.theme,
                "year": self.year,
                "kind": self.kind,
                "country": self.country,
            },
            "min_score": self.min_score,
            "total": self.total,
            "hits": [
                {
                    **asdict(h),
                    "years_present": list(h.years_present),
                    "frames": list(h.frames),
                    "themes": list(h.themes),
                }
                for h in self.hits
            ],
        }


def check_theme(theme: str | None) -> str | None:
    if theme is None or theme in TAGS:
        return theme
    raise FindError(
        f"unknown theme {theme!r}: expected a frame ({', '.join(FRAMES)}) or a sub-theme "
        f"({', '.join(SUBTHEMES)})"
    )


def check_kind(kind: str | None) -> str | None:
    from .diff import KINDS  # only when asked: it loads the aligner

    if kind is None or kind in KINDS:
        return kind
    raise FindError(f"unknown kind {kind!r}: expected one of {', '.join(KINDS)}")


def check_query(text: str) -> str:
    """The query's clean form ('' for none); refuses one too long or with no word."""
    if len(text) > MAX_QUERY:
        raise FindError(
            f"TEXT is {len(text):,} characters long: expected at most {MAX_QUERY:,} (a phrase "
            "or one recommendation)"
        )
    if not text.strip():
        return ""
    if not content_stems(clean(text)) and not any(ch.isalnum() for ch in text):
        raise FindError(
            f"TEXT {text!r} has no letters or digits to compare: expected words of a "
            "recommendation (it is matched as text, never as a pattern)"
        )
    return clean(text)


def find(
    text: str,
    out: Path | str | PublishedSet = "data/processed",
    *,
    theme: str | None = None,
    year: int | None = None,
    kind: str | None = None,
    country: str | None = None,
    limit: int | None = 20,
    min_score: float = MIN_SCORE,
) -> FindResult:
    """Recommendations of the published set in `out` (or an already loaded PublishedSet)
    that resemble `text`, best first (see the module's doc). An empty `text` lists every
    recommendation the filters keep (at least one filter is then needed). `limit`: at most
    this many hits (None or 0: all). Raises FindError for bad arguments, and
    publish.NotPublished when `out` holds no published set."""
    query = check_query(text)
    theme, kind = check_theme(theme), check_kind(kind)
    if not query and theme is kind is year is country is None:
        raise FindError("TEXT is empty and no filter is given: expected words to look for, "
                        "or at least one of --theme, --year, --kind, --country")
    if limit is not None and limit < 0:
        raise FindError(f"limit {limit}: expected 0 (all) or more")
    if not math.isfinite(min_score) or not 0 <= min_score <= 100:
        raise FindError(f"min_score {min_score}: expected a number from 0 to 100")
    published = (
        out
        if isinstance(out, PublishedSet)
        else load(Path(out), TABLES, manifest=False, columns=COLUMNS)
    )
    t = published.tables
    recs, changes, tiers = t["recommendations"], t["changes"], t["tiers"]
    name = resolve_country(tiers, country) if country is not None else None

    # every recommendation, with the kind of change that brought it into its year's list
    into = changes[changes["to_number"].notna()][
        ["country", "to_year", "to_number", "kind", "from_year"]
    ].drop_duplicates(["country", "to_year", "to_number"])
    present = recs[
        ["country", "country_code", "country_in_report", "year", "number", "text",
         "lineage_id", "frames", "themes", "stock_group"]
    ].merge(
        into.rename(columns={"to_year": "year", "to_number": "number"}),
        on=["country", "year", "number"],
        how="left",
    )
    gone = changes[changes["kind"] == "dropped"][
        ["country", "country_code", "to_year", "from_year", "from_number", "from_text",
         "lineage_id", "frames", "themes", "kind"]
    ].rename(columns={"to_year": "year", "from_number": "number", "from_text": "text"})
    names = tiers[["country", "year", "country_in_report"]]
    gone = gone.merge(names, on=["country", "year"], how="left")
    gone["stock_group"] = None
    rows = _concat(present, gone)
    if name is not None:
        rows = rows[rows["country"] == name]
    if year is not None:
        rows = rows[rows["year"] == year]
    if kind is not None:
        rows = rows[rows["kind"] == kind]
    if theme is not None:
        column = "frames" if theme in FRAMES else "themes"
        rows = rows[rows[column].map(lambda tags: theme in tags)]
    if query:
        texts = rows["text"].unique().tolist()
        score = dict(zip(texts, _scores(query, texts), strict=True))
        rows = rows.assign(score=rows["text"].map(score))
        rows = rows[rows["score"] >= min_score]
    else:
        rows = rows.assign(score=None)
    rows = rows.sort_values(
        ["score", "year", "country", "number"],
        ascending=[False, False, True, True],
        na_position="last",
        kind="stable",
    )
    # each thread once: at its best year (a split thread's parts of that year together)
    best_year = rows.drop_duplicates("lineage_id").set_index("lineage_id")["year"]
    rows = rows[rows["year"].to_numpy() == rows["lineage_id"].map(best_year).to_numpy()]
    total = len(rows)
    if limit:
        rows = rows.head(limit)
    years = dict(
        zip(t["lineage"]["lineage_id"], t["lineage"]["years_present"], strict=True)
    )
    stems = page_names(
        [
            SimpleNamespace(key=code if isinstance(code, str) else c.upper(), country=c,
                            country_code=code if isinstance(code, str) else None)
            for c, code in tiers[["country", "country_code"]].drop_duplicates().itertuples(
                index=False
            )
        ]
    )
    hits = tuple(_hit(r, years, stems) for r in rows.to_dict(orient="records"))
    return FindResult(
        query=text,
        theme=theme,
        year=year,
        kind=kind,
        country=name,
        total=total,
        hits=hits,
        min_score=min_score,
    )


def _concat(a, b):
    import pandas as pd

    b = b[[c for c in a.columns]]
    return pd.concat([a, b], ignore_index=True) if len(b) else a


def _scores(query: str, texts: list[str]) -> list[float]:
    """The better of stem token_set_ratio and clean-text partial_ratio, per text."""
    if not texts:
        return []
    q_stems = " ".join(content_stems(query))
    cleaned = [clean(x) for x in texts]
    best = process.cdist([query], cleaned, scorer=fuzz.partial_ratio, workers=-1)[0]
    if q_stems:
        stems = [" ".join(content_stems(x)) for x in cleaned]
        by_stem = process.cdist([q_stems], stems, scorer=fuzz.token_set_ratio, workers=-1)[0]
        best = [max(float(a), float(b)) for a, b in zip(best, by_stem, strict=True)]
    return [round(float(s), 1) for s in best]


def _plain(value):
    if value is None:
        return None
    try:
        if value != value:  # NaN, pd.NA raises
            return None
    except TypeError:
        return None
    return value


def _hit(r: Mapping, years: Mapping, stems: Mapping[str, str]) -> Hit:
    code = _plain(r["country_code"])
    key = code or r["country"].upper()
    from_year = _plain(r["from_year"])
    kind = _plain(r["kind"])
    anchor = f"#y{int(from_year)}-{int(r['year'])}" if from_year is not None else ""
    score = _plain(r["score"])
    return Hit(
        score=None if score is None else float(score),
        country=r["country"],
        country_code=code,
        country_in_report=_plain(r["country_in_report"]) or r["country"],
        year=int(r["year"]),
        number=int(r["number"]),
        text=r["text"],
        kind=kind,
        from_year=None if from_year is None else int(from_year),
        years_present=tuple(int(y) for y in years.get(r["lineage_id"], ())),
        lineage_id=r["lineage_id"],
        frames=tuple(r["frames"]),
        themes=tuple(r["themes"]),
        stock_group=_plain(r["stock_group"]),
        page=f"reports/{stems[key]}.html{anchor}",
    )


def resolve_country(tiers, wanted: str) -> str:
    """The standard name of a country of the set, from a name (standard or as a report
    writes it) or an ISO3 code, case-insensitive; FindError naming them if it is none."""
    from .countries import country_in

    name = country_in(tiers, wanted)
    if name is not None:
        return name
    known = sorted(set(tiers["country"]))
    shown = ", ".join(known[:30]) + (f" and {len(known) - 30} more" if len(known) > 30 else "")
    raise FindError(
        f"no country {wanted!r} in the published set: expected a name or ISO3 code of one "
        f"of: {shown}"
    )
