"""The model as the records every output shows: one vocabulary, one numbering.

Tables are made of these rows, and every `--json` output of these objects; pages and feeds
read the same model (tipdiff.render.view) and say the same in words. Nothing here aligns,
scores or decides: it names and numbers what the model holds.

- Items are numbered from 1 as the report prints them: `number` (#1 is the first item of that
  year's list). The core's 0-based positions never leave the core.
- A change is one object in JSON (`pair_object`) and one row per link in the `changes` table
  (`change_rows`): a split into two items is two rows with one `change_id`. `group_changes`
  turns rows back into the objects, so `tipdiff show` (which reads the published table) and
  `tipdiff diff` (which reads the model) print the same objects by construction.
- A word diff is one string in the wdiff convention: deleted words in `[-...-]`, inserted
  ones in `{+...+}`, the rest as it is; `\\` escapes those marks and itself inside words.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from .corpus import CountryHistory
from .countries import cow_code
from .diff import KINDS, CountryDiff
from .evidence import VERDICTS
from .model import Narrative, ParseResult
from .review import text_sha256
from .stock import StockGroup
from .themes import Tags
from .themes import tag as theme_tags
from .tiers import tier_number

NUMBERING = (
    "number: 1-based position in that year's list, as the report prints it (#1 is the first)"
)


def recommendation_id(key: str, year: int, number: int) -> str:
    """The id of one recommendation: `KEY:YEAR:NUMBER` (the country's ISO3 code, else its
    name in capitals; the report year; its 1-based number), e.g. `PER:2023:3`. The changes
    table names both ends of a link with it (`from_recommendation_id`, `to_recommendation_id`),
    so a change row points at recommendation rows even where one end is empty."""
    return f"{key}:{year}:{number}"


def change_id(key: str, from_year: int, to_year: int, kind: str, old: tuple, new: tuple) -> str:
    """Stable id of one change (the rows of a split or merge share it)."""
    raw = f"{key}|{from_year}|{to_year}|{kind}|{old}|{new}"
    return "C" + hashlib.sha256(raw.encode()).hexdigest()[:12]


# ------------------------------------------------------------------------- word diffs

_MARKS = re.compile(r"(\\|\[-|-\]|\{\+|\+\})")


def _esc(text: str) -> str:
    return _MARKS.sub(lambda m: "\\" + m.group(0), text)


def inline_diff(word_diff: Iterable[tuple[str, str, str]]) -> str:
    """A change's word diff as one string: `[-removed-]`, `{+added+}`, equal words plain."""
    parts = []
    for tag, old, new in word_diff:
        if tag == "equal":
            parts.append(_esc(new))
        elif tag == "delete":
            parts.append(f"[-{_esc(old)}-]")
        elif tag == "insert":
            parts.append(f"{{+{_esc(new)}+}}")
        else:
            parts.append(f"[-{_esc(old)}-] {{+{_esc(new)}+}}")
    return " ".join(p for p in parts if p)


# ------------------------------------------------------------------------- narratives


def item_object(number: int, text: str, *, truncated: bool = False) -> dict:
    return {
        "number": number,
        "text": text,
        "text_sha256": text_sha256(text),
        "truncated": truncated,
    }


def narrative_object(n: Narrative) -> dict:
    """One parsed narrative (`tipdiff parse --json`)."""
    return {
        "source": n.source,
        "sha256": n.sha256,
        "country": n.country,
        "country_code": n.country_code,
        "country_in_report": n.country_in_report,
        "year": n.year,
        "tier": n.tier,
        "tier_source": tier_source(n.tier_source),
        "stated_change": n.tier_movement,
        "stated_text": n.tier_movement_text,
        "waiver": n.waiver,
        "list_status": n.list_status,
        "recommendations": [
            item_object(r.index + 1, r.text, truncated=r.truncated) for r in n.recommendations
        ],
        "warnings": list(n.warnings),
        "sections": [
            {
                "name": sec.name,
                "heading": sec.heading,
                "first_line": sec.first_line,
                "last_line": sec.last_line,
            }
            for sec in n.sections
        ],
        "sentences": [sentence_object(x) for x in n.sentences],
    }


def sentence_object(x) -> dict:
    """One sentence of a narrative's body (the `sentences` table's own columns)."""
    return {"section": x.section, "number": x.number, "text": x.text}


def parse_object(result: ParseResult) -> dict:
    """What a parse found (`tipdiff parse --json` adds the parser's version)."""
    return {
        "documents": [narrative_object(d) for d in result.documents],
        "errors": [e.to_dict() for e in result.errors],
    }


def tier_source(source: str | None) -> str | None:
    """Where the tier is stated: header, summary, or header and summary."""
    return "header and summary" if source == "both" else source


# ------------------------------------------------------------------------- tiers


def tier_rows(h: CountryHistory) -> list[dict]:
    """One row per report year of a country (the `tiers` table)."""
    by_year = {n.year: n for n in h.narratives}
    rows = []
    for t in h.tiers:
        n = by_year[t.year]
        rows.append(
            {
                "country": h.country,
                "country_code": h.country_code,
                "country_in_report": n.country_in_report or h.country,
                "year": t.year,
                "tier": t.tier,
                "tier_source": tier_source(n.tier_source),
                "tier_change": t.tier_change,
                "stated_change": n.tier_movement,
                "stated_text": n.tier_movement_text,
                "waiver": t.waiver,
                "watch_list_years": t.watch_list_years,
                "watch_list_years_counted": t.watch_list_years_counted,
                "watch_list_limit": t.watch_list_limit,
                "watch_list_limit_reached": t.watch_list_limit_reached,
                "recommendations": len(n.recommendations),
                "list_status": n.list_status,
            }
        )
    return rows


# ------------------------------------------------------------------------- changes


def change_rows(h: CountryHistory, d: CountryDiff) -> list[dict]:
    """The rows of one year pair's changes (the `changes` table): one per link, and one per
    item of the other kinds; `candidates` and the change's own fields repeat on every row
    of a split or merge."""
    id_of = h.lineage.id_of
    texts_by_year = {n.year: n.recommendations for n in h.narratives}
    rows = []
    for c in d.changes:
        cid = change_id(d.key, d.from_year, d.to_year, c.kind, c.old, c.new)
        pairs = row_items(c)
        other = d.new_texts if not c.new else d.old_texts
        candidates = [
            {"number": k + 1, "text": other[k], "score": s} for k, s in c.candidates
        ]
        last = None
        if c.last_asked is not None:
            year, i = c.last_asked
            last = (year, i + 1, texts_by_year[year][i].text)
        for o, n in pairs:
            lid = id_of[(d.to_year, n)] if n is not None else id_of[(d.from_year, o)]
            from_text = d.old_texts[o] if o is not None else None
            to_text = d.new_texts[n] if n is not None else None
            rows.append(
                {
                    "country": d.country,
                    "country_code": d.country_code,
                    "from_year": d.from_year,
                    "to_year": d.to_year,
                    "kind": c.kind,
                    "change_id": cid,
                    "from_number": None if o is None else o + 1,
                    "to_number": None if n is None else n + 1,
                    "from_text": from_text,
                    "to_text": to_text,
                    "from_text_sha256": None if from_text is None else text_sha256(from_text),
                    "to_text_sha256": None if to_text is None else text_sha256(to_text),
                    "score": c.score,
                    "band": c.band,
                    "scores": json.dumps(c.scores, sort_keys=True) if c.scores else None,
                    "word_diff": inline_diff(c.word_diff)
                    if c.word_diff and c.kind != "unchanged"
                    else None,
                    "decided_by": c.decided_by,
                    "review_note": c.note,
                    "candidates": candidates,
                    "last_asked_year": last[0] if last else None,
                    "last_asked_number": last[1] if last else None,
                    "last_asked_text": last[2] if last else None,
                    "returns_in": c.returns_in,
                    "lineage_id": lid,
                    "evidence_verdict": c.evidence.verdict if c.evidence else None,
                    **row_tags(h, d, o, n),
                    "from_recommendation_id": None
                    if o is None
                    else recommendation_id(d.key, d.from_year, o + 1),
                    "to_recommendation_id": None
                    if n is None
                    else recommendation_id(d.key, d.to_year, n + 1),
                }
            )
    return rows


def evidence_rows(h: CountryHistory, d: CountryDiff) -> list[dict]:
    """The rows of the `evidence` table for one year pair: for each change with evidence
    (a dropped or reworded-weaker ask), the later report's sentences about it, ranked."""
    rows = []
    for c in d.changes:
        if c.evidence is None:
            continue
        cid = change_id(d.key, d.from_year, d.to_year, c.kind, c.old, c.new)
        for rank, f in enumerate(c.evidence.sentences, 1):
            rows.append(
                {
                    "country": d.country,
                    "country_code": d.country_code,
                    "from_year": d.from_year,
                    "to_year": d.to_year,
                    "change_id": cid,
                    "kind": c.kind,
                    "from_number": c.old[0] + 1,
                    "verdict": c.evidence.verdict,
                    "rank": rank,
                    "number": f.number,
                    "section": f.section,
                    "stance": f.stance,
                    "score": f.score,
                    "text": f.text,
                }
            )
    return rows


def sentence_rows(h: CountryHistory) -> list[dict]:
    """The rows of the `sentences` table: every narrative's body prose, by section."""
    return [
        {
            "country": h.country,
            "country_code": h.country_code,
            "year": n.year,
            **sentence_object(x),
        }
        for n in h.narratives
        for x in n.sentences
    ]


def evidence_object(verdict: str | None, year: int, rows: Sequence[Mapping]) -> dict | None:
    """What the later report says of one change, as every --json output gives it (None when
    it has no evidence: not a dropped or reworded-weaker ask, or no body was searched)."""
    if verdict is None:
        return None
    ranked = sorted((plain_row(r) for r in rows), key=lambda r: r["rank"])
    return {
        "year": year,
        "verdict": verdict,
        "sentences": [
            {
                "rank": r["rank"],
                "number": r["number"],
                "section": r["section"],
                "stance": r["stance"],
                "score": r["score"],
                "text": r["text"],
            }
            for r in ranked
        ],
    }


def row_items(c) -> list[tuple[int | None, int | None]]:
    """The (old index, new index) of each row a change makes in the `changes` table: one per
    link, else one row with the item it has (added: no old; dropped and unseen: no new)."""
    return list(c.links) or [(c.old[0] if c.old else None, c.new[0] if c.new else None)]


def row_tags(h: CountryHistory, d: CountryDiff, old: int | None, new: int | None) -> dict:
    """The theme tags of one change row: its later item's, or for a dropped (or unseen)
    row with no later item, its earlier item's. Theme pages count by this same rule."""
    tags = h.tags[(d.to_year, new)] if new is not None else h.tags[(d.from_year, old)]
    frames, themes = tag_lists(tags)
    return {"frames": frames, "themes": themes}


@lru_cache(maxsize=4096)
def tag_lists(tags: Tags) -> tuple[list[str], list[str]]:
    """A Tags' frames and themes as the lists a table cell holds: one pair of lists per
    distinct Tags, shared by every row that has it (100,000 rows hold a few thousand
    distinct tag sets). Never mutate them."""
    return list(tags.frames), list(tags.themes)


def stock_row(g: StockGroup, names: Mapping[str, str]) -> dict:
    """One stock ask (the `stock_asks` table); `names`: country key -> standard name."""
    frames, themes = tag_lists(theme_tags(g.text))
    return {
        "year": g.year,
        "stock_group": g.group_id,
        "size": g.size,
        "first_time": len(g.first_time),
        "text": g.text,
        "countries": sorted(names[k] for k in g.countries),
        "first_time_countries": sorted(names[k] for k in g.first_time),
        "frames": frames,
        "themes": themes,
    }


def _plain(value):
    """A value read back from a table as JSON has it: None for missing, int/float/str,
    lists as lists (Parquet gives numpy arrays and numpy scalars)."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def frame_rows(df: pd.DataFrame) -> list[dict]:
    """A published table's rows with plain values (as `plain_row`), integers as int."""
    return [plain_row(r) for r in df.astype(object).to_dict(orient="records")]


def plain_row(row: Mapping) -> dict:
    """A row read from a published table, with plain values (no NaN, no numpy types)."""
    return {k: _plain(v) for k, v in row.items()}


def group_changes(
    rows: Sequence[Mapping], evidence: Sequence[Mapping] = ()
) -> list[dict]:
    """A year pair's change rows as change objects, in row order (one per change_id), each
    with its `evidence` (from the pair's `evidence` rows)."""
    out: dict[str, dict] = {}
    said: dict[str, list] = {}
    for e in evidence:
        said.setdefault(e["change_id"], []).append(e)
    for raw in rows:
        r = plain_row(raw)
        c = out.get(r["change_id"])
        if c is None:
            scores = r["scores"]
            c = out[r["change_id"]] = {
                "kind": r["kind"],
                "change_id": r["change_id"],
                "from": [],
                "to": [],
                "score": r["score"],
                "band": r["band"],
                "scores": json.loads(scores) if scores else {},
                "word_diff": r["word_diff"],
                "decided_by": r["decided_by"],
                "review_note": r["review_note"],
                "candidates": r["candidates"] or [],
                "last_asked": None
                if r["last_asked_year"] is None
                else {
                    "year": r["last_asked_year"],
                    "number": r["last_asked_number"],
                    "text": r["last_asked_text"],
                },
                "returns_in": r["returns_in"],
                "lineage_id": r["lineage_id"],
                "evidence": evidence_object(
                    r.get("evidence_verdict"), r["to_year"], said.get(r["change_id"], ())
                ),
            }
        for side, num, text, sha in (
            ("from", "from_number", "from_text", "from_text_sha256"),
            ("to", "to_number", "to_text", "to_text_sha256"),
        ):
            if r[num] is not None and r[num] not in [x["number"] for x in c[side]]:
                c[side].append({"number": r[num], "text": r[text], "text_sha256": r[sha]})
    return list(out.values())


def pair_object(
    tiers_from: Mapping,
    tiers_to: Mapping,
    rows: Sequence[Mapping],
    evidence: Sequence[Mapping] = (),
) -> dict:
    """One year pair as every `--json` output gives it: the tier rows of its two years (as
    `tier_rows` makes them), its change rows (as `change_rows` makes them) and their
    evidence rows (as `evidence_rows` makes them)."""
    a, b = plain_row(tiers_from), plain_row(tiers_to)
    changes = group_changes(rows, evidence)
    counts = dict.fromkeys(KINDS, 0)
    verdicts = dict.fromkeys(VERDICTS, 0)
    for c in changes:
        counts[c["kind"]] += 1
        if c["evidence"] is not None:
            verdicts[c["evidence"]["verdict"]] += 1
    return {
        "country": b["country"],
        "country_code": b["country_code"],
        "country_in_report": b["country_in_report"],
        "from_year": a["year"],
        "to_year": b["year"],
        "tier_from": a["tier"],
        "tier_to": b["tier"],
        "tier_change": b["tier_change"],
        "from_list": a["list_status"],
        "to_list": b["list_status"],
        "counts": counts,
        "evidence_counts": verdicts,
        "changes": changes,
    }


def history_pairs(h: CountryHistory) -> list[dict]:
    """Every year pair of a country as `pair_object`s, oldest first (from the model)."""
    tiers = {r["year"]: r for r in tier_rows(h)}
    return [
        pair_object(tiers[d.from_year], tiers[d.to_year], change_rows(h, d), evidence_rows(h, d))
        for d in h.diffs
    ]



# ------------------------------------------------------------------------- panel


def panel_rows(h: CountryHistory) -> list[dict]:
    """One row per report year of a country (the `panel` table): its codes (ISO3, COW), both
    names, the tier as text and as a number (tiers.TIER_CODING), the movement and the Watch
    List facts of the law that year (as `tier_rows`), and how many changes of each kind
    since the previous report loaded (a split or merge counts once; null for the first)."""
    counts = {d.to_year: (d.from_year, d.counts()) for d in h.diffs}
    cow = cow_code(h.country_code, h.country)
    rows = []
    for t in tier_rows(h):
        previous, by_kind = counts.get(t["year"], (None, None))
        rows.append(
            {
                "country": t["country"],
                "country_code": t["country_code"],
                "cow_code": cow,
                "country_in_report": t["country_in_report"],
                "year": t["year"],
                "tier": t["tier"],
                "tier_number": tier_number(t["tier"]),
                "tier_change": t["tier_change"],
                "waiver": t["waiver"],
                "watch_list_years": t["watch_list_years"],
                "watch_list_years_counted": t["watch_list_years_counted"],
                "watch_list_limit": t["watch_list_limit"],
                "watch_list_limit_reached": t["watch_list_limit_reached"],
                "list_status": t["list_status"],
                "recommendations": t["recommendations"],
                "previous_year": previous,
                **{f"n_{k}": None if by_kind is None else by_kind[k] for k in KINDS},
            }
        )
    return rows
