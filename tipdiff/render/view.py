"""What the pages show, read off the model: plain data for the templates.

Nothing here aligns, scores or counts anew: counts come from `CountryDiff.counts()`, kinds,
scores, bands, word diffs, candidates and reviewer decisions from each `Change`, threads
(first asked, years present, streak, reinstated) from the `Lineage`, tiers and the Watch List
rule from the `TierYear`s. The view only selects, orders and labels what the model holds.

A country's view depends on that country alone (its history, its diffs, the thresholds), so
its page and feed are byte-identical on a rerun unless the country itself changed.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..align import DEFAULT_CONFIG, KINDS, AlignConfig, Change
from ..corpus import CountryHistory
from ..diff import CountryDiff
from ..lineage import Thread
from ..model import InputError
from ..tiers import RANKED, SHORT_NAMES, SPECIAL_CASE, TIERS, WATCH_LIST_LIMIT

# Kinds of change as a reader sees them: `added` splits into added and reinstated.
SHOWN_KINDS = ("unchanged", "reworded", "split", "merged", "added", "reinstated", "dropped")
SYMBOL = {
    "unchanged": "=",
    "reworded": "~",
    "split": "<",
    "merged": ">",
    "added": "+",
    "reinstated": "↺",
    "dropped": "−",
}
MEANING = {
    "unchanged": "asked again in the same words (ignoring case, spacing and punctuation).",
    "reworded": "one recommendation asked again in other words; the word diff shows how.",
    "split": "one recommendation of the earlier year became several in the later year.",
    "merged": "several recommendations of the earlier year became one in the later year.",
    "added": "new in the later year: nothing in the earlier year asked the same.",
    "reinstated": "in the later year, asked in an earlier report, absent in between "
    "(it came back within two reports).",
    "dropped": "asked in the earlier year, not in the later year.",
}
BAND_MEANING = {
    "exact": "the same text",
    "close": "small edits: a few words changed",
    "moderate": "the same ask in noticeably different words",
    "weak": "related, but much changed: worth a look",
}
LINKED = ("unchanged", "reworded", "split", "merged")
CHANGED = ("reworded", "split", "merged", "added", "dropped")
SHORT_TIER = {**SHORT_NAMES, None: "?"}
TOP = 10  # rows in "most change" and "longest-standing" lists


def page_names(histories: Sequence[CountryHistory]) -> dict[str, str]:
    """Country key -> file stem. ISO3 codes as they are ("PER"); other names as a slug of
    safe characters ("grand-fenwick"), never a year or "index", unique within the run."""
    names: dict[str, str] = {}
    taken = {"index"}
    for h in sorted(histories, key=lambda h: h.key):
        if h.country_code:
            stem = h.country_code
        else:
            stem = re.sub(r"[^a-z0-9]+", "-", h.country.lower()).strip("-")[:60] or "country"
            if stem.isdigit() or stem in taken:
                stem = f"{stem}-{hashlib.sha256(h.key.encode()).hexdigest()[:8]}"
        taken.add(stem)
        names[h.key] = stem
    return names


# ------------------------------------------------------------------ one country


@dataclass(frozen=True)
class Item:
    year: int
    number: int  # 1-based, as people count
    text: str
    truncated: bool = False


@dataclass(frozen=True)
class Candidate:
    year: int
    number: int
    score: str
    text: str


@dataclass(frozen=True)
class ChangeRow:
    kind: str  # one of SHOWN_KINDS
    symbol: str
    old: tuple[Item, ...]
    new: tuple[Item, ...]
    score: str | None = None
    band: str | None = None
    word_diff: tuple[tuple[str, str, str], ...] = ()
    candidates: tuple[Candidate, ...] = ()
    by_review: bool = False
    note: str | None = None
    last_seen: int | None = None  # reinstated: the last earlier report that asked it
    returns_in: int | None = None  # dropped: the later report where it comes back


@dataclass(frozen=True)
class Count:
    kind: str
    symbol: str
    n: int


@dataclass(frozen=True)
class Pair:
    from_year: int
    to_year: int
    anchor: str
    tier_from: str | None
    tier_to: str | None
    tier_change: str | None
    counts: tuple[Count, ...]
    rows: tuple[ChangeRow, ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class TierRow:
    year: int
    tier: str | None
    short: str
    move: str | None  # upgraded / downgraded / remained, or None
    watch_list_years: int
    limit: bool
    tier_source: str | None
    move_text: str  # the move in words, also when it is outside the ranking


@dataclass(frozen=True)
class ThreadRow:
    number: int | None  # position in the latest list, None for threads that ended
    text: str
    truncated: bool
    first_year: int
    last_year: int
    years_present: str
    streak: int
    reinstated: bool


@dataclass(frozen=True)
class Source:
    year: int
    source: str
    sha256: str
    is_url: bool


@dataclass(frozen=True)
class Note:
    year: int
    source: str
    message: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    rows: tuple[tuple[str, int], ...]  # (label, y)
    points: tuple[dict, ...]
    segments: tuple[tuple[int, int, int, int], ...]
    years: tuple[tuple[int, int], ...]  # (year, x)
    summary: str


@dataclass(frozen=True)
class CountryView:
    key: str
    stem: str
    country: str
    code: str | None
    years: tuple[int, ...]
    latest: TierRow
    latest_count: int
    tiers: tuple[TierRow, ...]
    timeline: Timeline
    pairs: tuple[Pair, ...]  # newest first
    current: tuple[ThreadRow, ...]
    ended: tuple[ThreadRow, ...]
    warnings: tuple[Note, ...]
    sources: tuple[Source, ...]
    lead: str


def shown_counts(d: CountryDiff, reinstated: int) -> tuple[Count, ...]:
    """The model's counts, with the reinstated share of `added` shown apart."""
    c = d.counts()
    n = {**c, "added": c["added"] - reinstated, "reinstated": reinstated}
    return tuple(Count(k, SYMBOL[k], n[k]) for k in SHOWN_KINDS)


def counts_text(counts: Sequence[Count]) -> str:
    return ", ".join(f"{c.n} {c.kind}" for c in counts if c.n) or "no recommendations"


def _score(x: float | None) -> str | None:
    return None if x is None else f"{x:.1f}"


class _Country:
    """Lookups over one history: narratives by year, threads by item, and where threads
    end (dropped) and begin again (added on an existing thread: reinstated)."""

    def __init__(self, h: CountryHistory, diffs: Sequence[CountryDiff] = ()):
        self.h = h
        self.by_year = {n.year: n for n in h.narratives}
        id_of = h.lineage.id_of
        self.dropped: dict[str, list[int]] = defaultdict(list)  # thread -> years it ended
        self.added: dict[str, list[int]] = defaultdict(list)  # thread -> years it began
        for d in diffs:
            for c in d.changes:
                if c.kind == "dropped":
                    self.dropped[id_of[(d.from_year, c.old[0])]].append(d.from_year)
                elif c.kind == "added":
                    self.added[id_of[(d.to_year, c.new[0])]].append(d.to_year)

    def item(self, year: int, index: int) -> Item:
        r = self.by_year[year].recommendations[index]
        return Item(year, index + 1, r.text, r.truncated)

    def thread_id(self, year: int, index: int) -> str:
        return self.h.lineage.id_of[(year, index)]


def _row(cv: _Country, d: CountryDiff, c: Change) -> ChangeRow:
    kind, last_seen, returns_in = c.kind, None, None
    if c.kind == "added":
        # An added item joins a thread only when the lineage reinstated it: it came back.
        ended = [y for y in cv.dropped[cv.thread_id(d.to_year, c.new[0])] if y < d.from_year]
        if ended:
            kind, last_seen = "reinstated", max(ended)
    elif c.kind == "dropped":
        back = [y for y in cv.added[cv.thread_id(d.from_year, c.old[0])] if y > d.to_year]
        returns_in = min(back) if back else None
    other_year = d.from_year if c.kind == "added" else d.to_year
    candidates = tuple(
        Candidate(other_year, i + 1, _score(s) or "", cv.item(other_year, i).text)
        for i, s in c.candidates
    )
    return ChangeRow(
        kind=kind,
        symbol=SYMBOL[kind],
        old=tuple(cv.item(d.from_year, i) for i in c.old),
        new=tuple(cv.item(d.to_year, j) for j in c.new),
        score=_score(c.score),
        band=c.band,
        word_diff=tuple(c.word_diff) if c.kind == "reworded" else (),
        candidates=candidates,
        by_review=c.decided_by == "review",
        note=c.note,
        last_seen=last_seen,
        returns_in=returns_in,
    )


def _pair_notes(cv: _Country, d: CountryDiff) -> tuple[str, ...]:
    """Why a side may be empty: a missing list is explained, never shown as silent drops."""
    notes = []
    for year, texts, other, what in (
        (d.from_year, d.old_texts, d.new_texts, "added"),
        (d.to_year, d.new_texts, d.old_texts, "dropped"),
    ):
        if texts or not other:
            continue
        n = cv.by_year[year]
        said = [w for w in n.warnings if "recommendations section" in w]
        why = (
            f"the parser warned: {said[0]}"
            if said
            else f"its tier is {n.tier}, and the report may give no recommendations then"
            if n.tier == SPECIAL_CASE
            else "no list was found in the copy"
        )
        notes.append(
            f"The {year} narrative has no recommendations ({why}), so every item of the "
            f"other year shows as {what}. Check the {year} copy ({n.source}) before reading "
            "this as a change in the report."
        )
    return tuple(notes)


def tier_rows(h: CountryHistory) -> tuple[TierRow, ...]:
    by_year = {n.year: n for n in h.narratives}
    out: list[TierRow] = []
    for t in h.tiers:
        prev = out[-1] if out else None
        text = (
            t.tier_change
            or ("first report loaded" if prev is None else None)
            or ("changed (outside the ranking)" if prev.tier != t.tier else "–")
        )
        out.append(
            TierRow(
                t.year,
                t.tier,
                SHORT_TIER.get(t.tier, "?"),
                t.tier_change,
                t.watch_list_years,
                t.watch_list_limit_reached,
                by_year[t.year].tier_source,
                text,
            )
        )
    return tuple(out)


def timeline(h: CountryHistory, rows_: Sequence[TierRow]) -> Timeline:
    """Geometry of the tier timeline (drawn as inline SVG by the template)."""
    labels = list(TIERS) + (["unknown"] if any(r.tier is None for r in rows_) else [])
    left, step, top, row_h = 150, 64, 22, 30
    y_of = {t: top + k * row_h for k, t in enumerate(labels)}
    x_of = {r.year: left + k * step for k, r in enumerate(rows_)}
    width = left + step * max(len(rows_) - 1, 0) + 60
    height = top + row_h * len(labels) + 16
    points, segments = [], []
    for k, r in enumerate(rows_):
        x, y = x_of[r.year], y_of[r.tier or "unknown"]
        move = f" ({r.move})" if r.move and r.move != "remained" else ""
        limit = (
            f"; Watch List year {r.watch_list_years}: downgrade required unless waived"
            if r.limit
            else ""
        )
        points.append(
            {
                "x": x,
                "y": y,
                "label": r.short + ("!" if r.limit else ""),
                "title": f"{r.year}: {r.tier or 'tier unknown'}{move}{limit}",
                "move": r.move or "none",
            }
        )
        if k:
            p = rows_[k - 1]
            if p.tier in RANKED and r.tier in RANKED:
                segments.append((x_of[p.year], y_of[p.tier], x, y))
    summary = "; ".join(p["title"] for p in points)
    return Timeline(
        width,
        height,
        tuple((t, y_of[t]) for t in labels),
        tuple(points),
        tuple(segments),
        tuple((r.year, x_of[r.year]) for r in rows_),
        summary,
    )


def _thread_row(cv: _Country, t: Thread, number: int | None, year: int) -> ThreadRow:
    member = max(m for m in t.members if m[0] == year)
    it = cv.item(*member)
    return ThreadRow(
        number,
        it.text,
        it.truncated,
        t.first_year,
        t.last_year,
        ", ".join(map(str, t.years_present)),
        t.streak,
        t.reinstated,
    )


def country_view(
    h: CountryHistory, diffs: Sequence[CountryDiff], stem: str, warnings: Sequence[tuple]
) -> CountryView:
    """`diffs` are this country's; `warnings` its (year, source, message) rows as published."""
    cv = _Country(h, diffs)
    pairs = []
    for d in sorted(diffs, key=lambda d: d.from_year, reverse=True):
        rows = tuple(_row(cv, d, c) for c in d.changes)
        pairs.append(
            Pair(
                d.from_year,
                d.to_year,
                f"y{d.from_year}-{d.to_year}",
                d.tier_from,
                d.tier_to,
                d.tier_change,
                shown_counts(d, sum(r.kind == "reinstated" for r in rows)),
                rows,
                _pair_notes(cv, d),
            )
        )
    latest_n = h.narratives[-1]
    latest_year = latest_n.year
    current, ended = [], []
    for t in h.lineage.threads:
        if t.last_year == latest_year:
            idx = min(i for y, i in t.members if y == latest_year)
            current.append((idx, _thread_row(cv, t, idx + 1, latest_year)))
        else:
            ended.append(_thread_row(cv, t, None, t.last_year))
    current.sort(key=lambda x: x[0])
    ended.sort(key=lambda r: (-r.last_year, r.first_year, r.text))
    trs = tier_rows(h)
    years = tuple(n.year for n in h.narratives)
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    latest = trs[-1]
    move = f", {latest.move}" if latest.move and latest.move != "remained" else ""
    if latest.move == "remained":
        move = ", remained"
    lead = (
        f"{len(years)} report year{'s' if len(years) != 1 else ''} ({span}). "
        f"{latest_year}: {latest.tier or 'tier unknown'}{move}; "
        f"{len(latest_n.recommendations)} recommendation"
        f"{'s' if len(latest_n.recommendations) != 1 else ''}."
    )
    if pairs:
        lead += f" Since {pairs[0].from_year}: {counts_text(pairs[0].counts)}."
    else:
        lead += " Only one report year is loaded, so there is nothing to compare yet."
    if latest.limit:
        lead += (
            f" {latest.watch_list_years} years running on Tier 2 Watch List: a downgrade "
            "to Tier 3 is required unless waived."
        )
    return CountryView(
        key=h.key,
        stem=stem,
        country=h.country,
        code=h.country_code,
        years=years,
        latest=latest,
        latest_count=len(latest_n.recommendations),
        tiers=trs,
        timeline=timeline(h, trs),
        pairs=tuple(pairs),
        current=tuple(r for _, r in current),
        ended=tuple(ended),
        warnings=tuple(Note(*w) for w in warnings),
        sources=tuple(
            Source(n.year, n.source, n.sha256, n.source.startswith(("http://", "https://")))
            for n in h.narratives
        ),
        lead=lead,
    )


# ------------------------------------------------------------------ a report year


def year_view(
    year: int,
    views: Mapping[str, CountryView],
    histories: Sequence[CountryHistory],
    all_years: Sequence[int],
) -> dict:
    movers, at_limit, countries, carry, most, longest = [], [], [], [], [], []
    total = dict.fromkeys(SHOWN_KINDS, 0)
    for h in histories:
        v = views[h.key]
        trs = {r.year: r for r in v.tiers}
        if year not in trs:
            continue
        t = trs[year]
        before = [r for r in v.tiers if r.year < year]
        prev = before[-1] if before else None
        countries.append({"view": v, "tier": t, "prev": prev})
        if prev and prev.tier != t.tier:
            movers.append({"view": v, "prev": prev, "tier": t})
        if t.limit:
            at_limit.append({"view": v, "tier": t})
        pair = next((p for p in v.pairs if p.to_year == year), None)
        if pair:
            for c in pair.counts:
                total[c.kind] += c.n
            old_n = sum(1 for r in pair.rows for _ in r.old)
            n_changed = sum(c.n for c in pair.counts if c.kind not in ("unchanged",))
            carried = sum(len(r.old) for r in pair.rows if r.kind in LINKED)
            carry.append(
                {
                    "view": v,
                    "pair": pair,
                    "carried": carried,
                    "total": old_n,
                    "share": f"{100 * carried / old_n:.0f}%" if old_n else "–",
                }
            )
            if n_changed:
                most.append({"view": v, "pair": pair, "n": n_changed})
        # consecutive reports of this country up to `year` that carry each thread
        reports = [y for y in v.years if y <= year]
        cv = _Country(h)
        for th in h.lineage.threads:
            if year not in th.years_present:
                continue
            run = 0
            for y in reversed(reports):
                if y not in th.years_present:
                    break
                run += 1
            if run >= 2:
                idx = min(i for y, i in th.members if y == year)
                longest.append(
                    {
                        "view": v,
                        "since": reports[len(reports) - run],
                        "reports": run,
                        "item": cv.item(year, idx),
                    }
                )
    most.sort(key=lambda r: (-r["n"], r["view"].country))
    longest.sort(key=lambda r: (-r["reports"], r["since"], r["view"].country, r["item"].number))
    movers.sort(key=lambda r: r["view"].country)
    k = list(all_years).index(year)
    return {
        "year": year,
        "prev_year": all_years[k - 1] if k else None,
        "next_year": all_years[k + 1] if k + 1 < len(all_years) else None,
        "countries": countries,
        "movers": movers,
        "at_limit": at_limit,
        "counts": tuple(Count(kk, SYMBOL[kk], n) for kk, n in total.items()),
        "compared": len(carry),
        "carry": carry,
        "most": most[:TOP],
        "longest": longest[:TOP],
        "watch_list_limit": WATCH_LIST_LIMIT,
    }


# ------------------------------------------------------------------ the whole run


def index_view(
    views: Mapping[str, CountryView],
    histories: Sequence[CountryHistory],
    years: Mapping[int, dict],
    errors: Sequence[InputError],
    n_warnings: int,
) -> dict:
    all_years = sorted(years)
    latest = all_years[-1] if all_years else None
    rows = []
    for h in histories:
        v = views[h.key]
        rows.append(
            {
                "view": v,
                "span": str(v.years[0]) if len(v.years) == 1 else f"{v.years[0]}–{v.years[-1]}",
                "last_pair": v.pairs[0] if v.pairs else None,
            }
        )
    return {
        "years": [years[y] for y in reversed(all_years)],
        "latest": years[latest] if latest is not None else None,
        "countries": rows,
        "n_narratives": sum(len(h.narratives) for h in histories),
        "n_warnings": n_warnings,
        "errors": errors,
    }


SCORER_MEANING = {
    "idf_jaccard": "IDF-weighted Jaccard over word stems",
    "containment": "weighted containment of the shorter text in the other",
    "token_sort_ratio": "rapidfuzz token_sort_ratio on the content words",
    "ratio": "rapidfuzz ratio on the content words",
}


def legend(config: AlignConfig = DEFAULT_CONFIG) -> dict:
    bands = []
    for k, (name, low) in enumerate(config.bands):
        high = config.bands[k - 1][1] if k else None
        low = max(low, config.cutoff)
        rng = (
            f"{low:g}"
            if high is None and low == 100
            else f"{low:g} to below {high:g}"
            if high is not None
            else f"{low:g} and above"
        )
        bands.append({"name": name, "range": rng, "meaning": BAND_MEANING.get(name, "")})
    weights = [
        (SCORER_MEANING.get(name, name), w)
        for name, w in config.scorers
        if name != "containment_floor"
    ]
    floor = config.scorer_weights.get("containment_floor")
    return {
        "kinds": [(k, SYMBOL[k], MEANING[k]) for k in SHOWN_KINDS],
        "bands": bands,
        "weights": [(what, f"{100 * w:.0f}%") for what, w in weights],
        "containment_floor": f"{floor:g}" if floor else None,
        "cutoff": f"{config.cutoff:g}",
        "stock_weight": f"{config.stock_weight:g}",
        "limit": WATCH_LIST_LIMIT,
        "tiers": [(t, SHORT_TIER[t]) for t in TIERS],
    }


def group_diffs(diffs: Sequence[CountryDiff]) -> dict[str, list[CountryDiff]]:
    out: dict[str, list[CountryDiff]] = defaultdict(list)
    for d in diffs:
        out[d.key].append(d)
    return out


assert set(KINDS) <= set(SHOWN_KINDS)
