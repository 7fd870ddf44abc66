"""What the pages show, read off the model: plain data for the templates.

Nothing here aligns, scores or counts anew: counts come from `CountryDiff.counts()`, kinds,
scores, bands, word diffs, candidates and reviewer decisions from each `Change`, threads
(first asked, years present, streak, reinstated) from the `Lineage`, tiers and the Watch List
rule from the `TierYear`s. The view only selects, orders and labels what the model holds.

A country's view depends on that country alone (its history, its diffs, the thresholds), so
its page and feed are byte-identical on a rerun unless the country itself changed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..align import DEFAULT_CONFIG, AlignConfig, Change
from ..corpus import CountryHistory
from ..diff import KIND_MEANING, KINDS, LINKED, CountryDiff
from ..lineage import Thread
from ..model import LIST_HIDDEN, LIST_STATUSES, InputError
from ..records import NUMBERING, row_items, row_tags, tier_source
from ..stock import STOCK_CUTOFF, STOCK_MIN, StockGroup
from ..tables import country_warnings
from ..themes import FRAMES, SUBTHEMES, TAGS, THEMES_VERSION, tag
from ..tiers import (
    CHANGE_MEANING,
    RANKED,
    SHORT_NAMES,
    SPECIAL_CASE,
    TIERS,
    UNRANKED,
    WATCH_LIST_RULES,
)
from .names import page_names  # noqa: F401 (the pages' file names; find reads them too)

# Every kind of change (tipdiff.diff.KINDS), with a symbol that repeats what its name says.
SHOWN_KINDS = KINDS
SYMBOL = {
    "unchanged": "=",
    "reworded": "~",
    "split": "<",
    "merged": ">",
    "added": "+",
    "reinstated": "↺",
    "dropped": "−",
    "unseen": "?",
}
MEANING = {k: v + "." for k, v in KIND_MEANING.items()}
# Score bands by name (AlignConfig.bands): a band names a score range, never a kind.
BAND_MEANING = {
    "exact": "the same text",
    "close": "small edits: a few words changed",
    "moderate": "the same ask in noticeably different words",
    "weak": "related, but much changed: worth a look",
}
TIER_SOURCE_MEANING = {
    "header": "the country's header line (\u201cFREEDONIA: Tier 2\u201d) states the tier",
    "summary": "the summary's sentence (\u201c... therefore Freedonia remained on Tier 2\u201d) "
    "states it; where it and a header disagree, the sentence is used and a warning says so",
    "header and summary": "both state it, and they agree",
}
SHORT_TIER = {**SHORT_NAMES, None: "?"}
TOP = 10  # rows in "most change" and "longest-standing" lists


# ------------------------------------------------------------------ one country


@dataclass(frozen=True)
class Item:
    year: int
    number: int  # 1-based, as people count
    text: str
    truncated: bool = False
    tags: tuple[str, ...] = ()  # its frames and sub-themes (tipdiff.themes)


@dataclass(frozen=True)
class Candidate:
    year: int
    number: int
    score: str
    text: str


# The evidence verdicts (tipdiff.evidence.VERDICTS) in words, as pages say them.
VERDICT_WORDS = {
    "done": "reported done",
    "partly": "reported partly or in progress",
    "none": "no evidence found",
}
STANCE_WORDS = {
    "done": "reports it done",
    "partly": "reports a partial step",
    "against": "evidence against: not done or still missing",
    "other": "about it, but no step of the government's",
}


@dataclass(frozen=True)
class Said:
    """One sentence of the later report about a dropped ask."""

    number: int
    section: str
    stance: str
    stance_words: str
    score: str
    text: str


@dataclass(frozen=True)
class EvidenceView:
    """What the later report says of a dropped (or reworded-weaker) ask."""

    year: int
    verdict: str  # tipdiff.evidence.VERDICTS
    words: str  # the verdict in words
    sentences: tuple[Said, ...]
    searched: int  # sentences read


@dataclass(frozen=True)
class Tally:
    verdict: str
    words: str
    n: int


@dataclass(frozen=True)
class ChangeRow:
    kind: str  # one of KINDS
    symbol: str
    old: tuple[Item, ...]
    new: tuple[Item, ...]
    score: str | None = None
    band: str | None = None
    word_diff: tuple[tuple[str, str, str], ...] = ()
    candidates: tuple[Candidate, ...] = ()
    by_review: bool = False
    note: str | None = None
    last_asked: Item | None = None  # reinstated: its last earlier wording
    returns_in: int | None = None  # dropped: the later report where it comes back
    cut_year: int | None = None  # unseen: the year whose copy hides part of its list
    evidence: EvidenceView | None = None  # dropped, reworded-weaker: the later report's word
    tags: tuple[str, ...] = ()  # of its rows, by records.row_tags (theme filters)


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
    verdicts: tuple[Tally, ...] = ()  # evidence verdicts of the pair's changes, those present


@dataclass(frozen=True)
class TierRow:
    year: int
    tier: str | None
    short: str
    move: str | None  # tiers.CHANGES, or None
    watch_list_years: int
    limit: bool  # the Watch List limit of the law in force that year is reached
    tier_source: str | None  # header, summary, or header and summary
    move_text: str  # the move in words: every value named (first report loaded, unranked)
    stated: str | None = None  # the report's own sentence about its tier and move
    stated_change: str | None = None  # upgraded / downgraded / remained, as it states it
    waiver: bool = False  # the narrative states a waiver from an otherwise required downgrade
    watch_list_counted: int = 0  # Watch List years that count toward that year's limit
    name: str = ""  # the country's name in that year's report


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
    first_asked: str  # what is known of when it was first asked, in words
    tags: tuple[str, ...] = ()


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
    """A tier timeline drawn down the page: one row per report year (oldest at the top),
    one column per tier (best on the left). Its width does not grow with the years, so its
    labels keep their size however long the history is (at 25 years it is 336 px wide and
    its 12 px labels are never scaled down on a 390 px screen)."""

    width: int
    height: int
    top: int  # y of the first year's row
    columns: tuple[tuple[str, str, int], ...]  # (label, second line, x) of each tier
    points: tuple[dict, ...]
    segments: tuple[tuple[int, int, int, int], ...]
    years: tuple[tuple[int, int], ...]  # (year, y)
    summary: str


@dataclass(frozen=True)
class CountryView:
    key: str
    stem: str
    country: str  # the standard name
    code: str | None
    name: str  # the name the latest report gives it ("Burma")
    names: tuple[tuple[str, str], ...]  # (years, name) for every name the reports use
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
    filters: tuple[str, ...] = ()  # every tag some row of the page carries, in TAGS order


def shown_counts(d: CountryDiff) -> tuple[Count, ...]:
    """The model's counts per kind (CountryDiff.counts), every kind."""
    c = d.counts()
    return tuple(Count(k, SYMBOL[k], c[k]) for k in KINDS)


def counts_text(counts: Sequence[Count]) -> str:
    return ", ".join(f"{c.n} {c.kind}" for c in counts if c.n) or "no recommendations"


def _score(x: float | None) -> str | None:
    return None if x is None else f"{x:.1f}"


class _Country:
    """Lookups over one history: narratives by year, items by position."""

    def __init__(self, h: CountryHistory):
        self.h = h
        self.by_year = {n.year: n for n in h.narratives}

    def item(self, year: int, index: int) -> Item:
        r = self.by_year[year].recommendations[index]
        tags = self.h.tags.get((year, index))
        return Item(year, index + 1, r.text, r.truncated, tags.all if tags else ())


def _row(cv: _Country, d: CountryDiff, c: Change) -> ChangeRow:
    other_year = d.to_year if not c.new else d.from_year
    candidates = tuple(
        Candidate(other_year, i + 1, _score(s) or "", cv.item(other_year, i).text)
        for i, s in c.candidates
    )
    cut_year = None
    if c.kind == "unseen":
        cut_year = d.to_year if c.old else d.from_year
    return ChangeRow(
        kind=c.kind,
        symbol=SYMBOL[c.kind],
        old=tuple(cv.item(d.from_year, i) for i in c.old),
        new=tuple(cv.item(d.to_year, j) for j in c.new),
        score=_score(c.score),
        band=c.band,
        word_diff=tuple(c.word_diff) if c.kind in ("reworded", "reinstated") else (),
        candidates=candidates,
        by_review=c.decided_by == "review",
        note=c.note,
        last_asked=cv.item(*c.last_asked) if c.last_asked else None,
        returns_in=c.returns_in,
        cut_year=cut_year,
        evidence=evidence_view(c),
        tags=_ordered(
            t
            for o, n in row_items(c)
            for key in ("frames", "themes")
            for t in row_tags(cv.h, d, o, n)[key]
        ),
    )


def evidence_view(c: Change) -> EvidenceView | None:
    e = c.evidence
    if e is None:
        return None
    return EvidenceView(
        e.year,
        e.verdict,
        VERDICT_WORDS[e.verdict],
        tuple(
            Said(f.number, f.section.replace("_", " "), f.stance, STANCE_WORDS[f.stance],
                 _score(f.score) or "", f.text)
            for f in e.sentences
        ),
        e.searched,
    )


def verdict_tally(d: CountryDiff) -> tuple[Tally, ...]:
    """How many of the pair's changes got each evidence verdict (only verdicts present)."""
    n = dict.fromkeys(VERDICT_WORDS, 0)
    for c in d.changes:
        if c.evidence is not None:
            n[c.evidence.verdict] += 1
    return tuple(Tally(v, VERDICT_WORDS[v], k) for v, k in n.items() if k)


def _ordered(tags) -> tuple[str, ...]:
    found = set(tags)
    return tuple(t for t in TAGS if t in found)


def _pair_notes(cv: _Country, d: CountryDiff) -> tuple[str, ...]:
    """Why a side may be empty or partial: explained, never shown as silent drops."""
    notes = []
    for year, texts, other, status, what in (
        (d.from_year, d.old_texts, d.new_texts, d.old_list, "added"),
        (d.to_year, d.new_texts, d.old_texts, d.new_list, "dropped"),
    ):
        n = cv.by_year[year]
        if status in LIST_HIDDEN:
            side = "old" if what == "dropped" else "new"
            unseen = sum(1 for c in d.changes if c.kind == "unseen" and getattr(c, side))
            notes.append(
                f"The {year} copy ({n.source}) does not show its whole list "
                f"({LIST_STATUSES[status]}). {unseen} recommendation"
                f"{'s' if unseen != 1 else ''} of the other year with no counterpart in it "
                f"{'are' if unseen != 1 else 'is'} shown as unseen, not as {what}."
            )
            continue
        if texts or not other:
            continue
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


def move_text(change: str | None, first: bool, tier: str | None) -> str:
    """A tier movement in words, every value named."""
    if first:
        return "first report loaded"
    if change is None:
        return "unknown: " + ("this tier" if tier is None else "the tier before") + " is unknown"
    if change == UNRANKED:
        return "unranked (a Special Case year: outside the ranking)"
    return change


def tier_rows(h: CountryHistory) -> tuple[TierRow, ...]:
    by_year = {n.year: n for n in h.narratives}
    out: list[TierRow] = []
    for k, t in enumerate(h.tiers):
        n = by_year[t.year]
        out.append(
            TierRow(
                t.year,
                t.tier,
                SHORT_TIER.get(t.tier, "?"),
                t.tier_change,
                t.watch_list_years,
                bool(t.watch_list_limit_reached),
                tier_source(n.tier_source),
                move_text(t.tier_change, k == 0, t.tier),
                n.tier_movement_text,
                n.tier_movement,
                t.waiver,
                t.watch_list_years_counted,
                n.country_in_report or h.country,
            )
        )
    return tuple(out)


# Column headings of the timeline, on two lines so that every column stays narrow.
_TIER_HEADING = {
    "Tier 1": ("Tier 1", ""),
    "Tier 2": ("Tier 2", ""),
    "Tier 2 Watch List": ("Tier 2", "Watch List"),
    "Tier 3": ("Tier 3", ""),
    "Special Case": ("Special", "Case"),
    "unknown": ("tier", "unknown"),
}


def timeline(h: CountryHistory, rows_: Sequence[TierRow]) -> Timeline:
    """Geometry of the tier timeline (drawn as inline SVG by the template)."""
    labels = list(TIERS) + (["unknown"] if any(r.tier is None for r in rows_) else [])
    left, col_w, top, row_h = 50, 56, 46, 22
    x_of = {t: left + col_w // 2 + k * col_w for k, t in enumerate(labels)}
    y_of = {r.year: top + k * row_h for k, r in enumerate(rows_)}
    width = left + col_w * len(labels) + 6
    height = top + row_h * max(len(rows_) - 1, 0) + 16
    points, segments = [], []
    for k, r in enumerate(rows_):
        x, y = x_of[r.tier or "unknown"], y_of[r.year]
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
                "label": "!" if r.limit else "",
                "title": f"{r.year}: {r.tier or 'tier unknown'}{move}{limit}",
                "move": r.move or "none",
            }
        )
        if k:
            p = rows_[k - 1]
            if p.tier in RANKED and r.tier in RANKED:
                segments.append((x_of[p.tier], y_of[p.year], x, y))
    summary = "; ".join(p["title"] for p in points)
    return Timeline(
        width,
        height,
        top,
        tuple((*_TIER_HEADING[t], x_of[t]) for t in labels),
        tuple(points),
        tuple(segments),
        tuple((r.year, y_of[r.year]) for r in rows_),
        summary,
    )


def first_asked(t: Thread) -> str:
    """What is known of when a thread was first asked."""
    if t.in_every_report:
        return f"in every report loaded, since {t.first_year}"
    if t.in_first_loaded:
        return f"{t.first_year} or earlier (the first report loaded)"
    return str(t.first_year)


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
        first_asked(t),
        it.tags,
    )


def _names(h: CountryHistory) -> tuple[tuple[str, str], ...]:
    """Every name the reports give the country, with the years that use it."""
    years: dict[str, list[int]] = {}
    for n in h.narratives:
        years.setdefault(n.country_in_report or h.country, []).append(n.year)
    return tuple((_span(ys), name) for name, ys in years.items())


def _span(years: Sequence[int]) -> str:
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def country_view(h: CountryHistory, stem: str, notes: Sequence[tuple] = ()) -> CountryView:
    """One country's page. `notes`: further (year, source, message) warnings about it (the
    reviewer overrides that did not apply), after its own (tables.country_warnings)."""
    cv = _Country(h)
    pairs = []
    for d in sorted(h.diffs, key=lambda d: d.from_year, reverse=True):
        pairs.append(
            Pair(
                d.from_year,
                d.to_year,
                f"y{d.from_year}-{d.to_year}",
                d.tier_from,
                d.tier_to,
                d.tier_change,
                shown_counts(d),
                tuple(_row(cv, d, c) for c in d.changes),
                _pair_notes(cv, d),
                verdict_tally(d),
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
    move = f", {latest.move_text}" if len(trs) > 1 else ""
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
            f" {latest.watch_list_counted} years running on Tier 2 Watch List under the "
            "automatic-downgrade rule: the next report must downgrade it to Tier 3 unless a "
            "waiver is granted."
        )
    warnings = list(country_warnings(h)) + list(notes)
    return CountryView(
        key=h.key,
        stem=stem,
        country=h.country,
        code=h.country_code,
        name=h.country_in_report,
        names=_names(h),
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
        filters=_ordered(
            t
            for rows in (
                [r.tags for p in pairs for r in p.rows],
                [r.tags for _i, r in current],
                [r.tags for r in ended],
            )
            for tags in rows
            for t in tags
        ),
    )


# ------------------------------------------------------------------ a report year


def year_view(
    year: int,
    views: Mapping[str, CountryView],
    histories: Sequence[CountryHistory],
    all_years: Sequence[int],
    stock: Sequence[StockGroup] = (),
) -> dict:
    """A report year's page. `stock`: that year's stock asks (stock.groups), largest
    first."""
    movers, at_limit, countries, carry, most, longest = [], [], [], [], [], []
    total = dict.fromkeys(SHOWN_KINDS, 0)
    k = list(all_years).index(year)
    prev_year = all_years[k - 1] if k else None
    appeared, disappeared = [], []
    for h in histories:
        v = views[h.key]
        trs = {r.year: r for r in v.tiers}
        if prev_year is not None and (year in trs) != (prev_year in trs):
            (appeared if year in trs else disappeared).append(
                {"view": v, "years": v.years, "tier": trs.get(year) or trs[prev_year]}
            )
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
            old_n = sum(len(r.old) for r in pair.rows if r.kind != "unseen")
            n_changed = sum(c.n for c in pair.counts if c.kind not in ("unchanged",))
            carried = sum(len(r.old) for r in pair.rows if r.kind in LINKED)
            unseen = sum(len(r.old) for r in pair.rows if r.kind == "unseen")
            carry.append(
                {
                    "view": v,
                    "pair": pair,
                    "carried": carried,
                    "total": old_n,
                    "unseen": unseen,
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
    most.sort(key=lambda r: (-r["n"], r["view"].name))
    longest.sort(key=lambda r: (-r["reports"], r["since"], r["view"].name, r["item"].number))
    movers.sort(key=lambda r: r["view"].name)
    return {
        "year": year,
        "prev_year": prev_year,
        "appeared": sorted(appeared, key=lambda r: r["view"].name),
        "disappeared": sorted(disappeared, key=lambda r: r["view"].name),
        "next_year": all_years[k + 1] if k + 1 < len(all_years) else None,
        "countries": countries,
        "movers": movers,
        "at_limit": at_limit,
        "counts": tuple(Count(kk, SYMBOL[kk], n) for kk, n in total.items()),
        "compared": len(carry),
        "carry": carry,
        "most": most[:TOP],
        "longest": longest[:TOP],
        "stock": stock_rows(stock[:TOP], views),
        "stock_groups": len(stock),
        "stock_rule": STOCK_RULE,
    }


# ------------------------------------------------------------------ across countries

# How a change counts on a theme page: an ask of that theme new to the country's list,
# back after an absence, carried over from the previous report, or no longer asked.
# `unseen` (the other copy is cut off) is not counted: it says nothing about the report.
THEME_STATUS = {
    "added": "new",
    "reinstated": "reinstated",
    "unchanged": "persisting",
    "reworded": "persisting",
    "split": "persisting",
    "merged": "persisting",
    "dropped": "dropped",
}
STATUSES = ("new", "reinstated", "persisting", "dropped")
STATUS_MEANING = {
    "new": "an ask of this theme that the previous report did not have (kind added)",
    "reinstated": "an ask of this theme back after one or more reports without it",
    "persisting": "an ask of this theme carried over: unchanged, reworded, split or merged",
    "dropped": "an ask of this theme the previous report had and this one does not",
}
THEME_RULE = (
    "A change counts for a theme when its later wording carries the tag (a dropped ask: its "
    "earlier wording), as in the changes table's frames and themes columns; a country counts "
    "once per year and column, however many of its asks qualify. Unseen items (a copy cut "
    "off) are not counted."
)


def theme_stem(name: str) -> str:
    """File stem of a theme's page (country stems never start with "theme")."""
    return f"theme-{name}"


@dataclass(frozen=True)
class CountryRef:
    name: str
    stem: str
    anchor: str  # a section of its page, or "" for the page


@dataclass(frozen=True)
class ThemeYear:
    year: int
    asked: tuple[CountryRef, ...]  # countries whose list that year has an ask of the theme
    statuses: tuple[tuple[str, tuple[CountryRef, ...]], ...]  # (status, countries), STATUSES


@dataclass(frozen=True)
class ThemeView:
    name: str
    kind: str  # "frame" or "sub-theme"
    group: str  # the sub-theme's group, or "Frames"
    meaning: str
    stem: str
    years: tuple[ThemeYear, ...]  # newest first


def theme_views(
    histories: Sequence[CountryHistory],
    views: Mapping[str, CountryView],
    all_years: Sequence[int],
) -> dict[str, ThemeView]:
    """Every theme's page: per report year, the countries whose list carries an ask of the
    theme, and those with new, reinstated, persisting and dropped asks of it (THEME_STATUS,
    counted by records.row_tags: the changes table's rule)."""
    asked: dict[tuple[str, int], dict[str, CountryRef]] = {}
    found: dict[tuple[str, int, str], dict[str, CountryRef]] = {}
    for h in histories:
        v = views[h.key]
        anchors = {d.to_year: f"y{d.from_year}-{d.to_year}" for d in h.diffs}
        for (year, _i), tags in h.tags.items():
            ref = CountryRef(v.name, v.stem, anchors.get(year, ""))
            for t in tags.all:
                asked.setdefault((t, year), {})[h.key] = ref
        for d in h.diffs:
            ref = CountryRef(v.name, v.stem, f"y{d.from_year}-{d.to_year}")
            for c in d.changes:
                status = THEME_STATUS.get(c.kind)
                if status is None:
                    continue
                for o, n in row_items(c):
                    tags = row_tags(h, d, o, n)
                    for t in (*tags["frames"], *tags["themes"]):
                        found.setdefault((t, d.to_year, status), {})[h.key] = ref

    def refs(table: Mapping[str, CountryRef] | None) -> tuple[CountryRef, ...]:
        return tuple(sorted((table or {}).values(), key=lambda r: (r.name, r.stem)))

    out = {}
    for name in TAGS:
        is_frame = name in FRAMES
        out[name] = ThemeView(
            name=name,
            kind="frame" if is_frame else "sub-theme",
            group="Frames" if is_frame else SUBTHEMES[name][0],
            meaning=FRAMES[name] if is_frame else SUBTHEMES[name][1],
            stem=theme_stem(name),
            years=tuple(
                ThemeYear(
                    year,
                    refs(asked.get((name, year))),
                    tuple((st, refs(found.get((name, year, st)))) for st in STATUSES),
                )
                for year in sorted(all_years, reverse=True)
            ),
        )
    return out


def themes_index(themes: Mapping[str, ThemeView]) -> dict:
    """The page that lists every theme, with its latest year's counts."""
    rows = []
    for t in themes.values():
        latest = t.years[0] if t.years else None
        rows.append(
            {
                "theme": t,
                "latest": latest,
                "counts": {st: len(cs) for st, cs in latest.statuses} if latest else {},
            }
        )
    return {
        "frames": [r for r in rows if r["theme"].kind == "frame"],
        "subthemes": [r for r in rows if r["theme"].kind == "sub-theme"],
        "year": rows[0]["latest"].year if rows and rows[0]["latest"] else None,
        "statuses": STATUSES,
        "status_meaning": STATUS_MEANING,
        "rule": THEME_RULE,
    }


def stock_rows(
    groups: Sequence[StockGroup], views: Mapping[str, CountryView]
) -> list[dict]:
    """Stock asks as a year page shows them: the countries by name, those asked it for the
    first time marked."""
    out = []
    for g in groups:
        first = set(g.first_time)
        countries = sorted(
            ({"view": views[k], "first": k in first} for k in g.countries),
            key=lambda r: (r["view"].name, r["view"].stem),
        )
        out.append(
            {"group": g, "tags": tag(g.text).all, "countries": countries, "n_first": len(first)}
        )
    return out


STOCK_RULE = (
    f"Near-identical asks (rapidfuzz ratio of {STOCK_CUTOFF:g} or more after normalization, "
    f"each against the group's most common wording) given to {STOCK_MIN} or more countries "
    "in one report year; the stock_asks table lists every group, and each recommendation's "
    "stock_group names its group."
)


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
        "tiers": [(t, SHORT_TIER[t]) for t in TIERS],
        "changes": [(k or "(empty)", v) for k, v in CHANGE_MEANING.items()],
        "tier_sources": list(TIER_SOURCE_MEANING.items()),
        "lists": list(LIST_STATUSES.items()),
        "rules": [
            {
                "years": f"{r.first_year}–{r.last_year}" if r.last_year else f"{r.first_year} on",
                "limit": r.limit,
                "waiver_years": r.waiver_years,
                "source": r.source,
            }
            for r in WATCH_LIST_RULES
        ],
        "numbering": NUMBERING,
        "themes": THEMES_LEGEND,
        "stock": STOCK_RULE,
    }


THEMES_LEGEND = (
    "Each recommendation carries theme tags: the frames it belongs to ("
    + ", ".join(FRAMES)
    + f") and its sub-themes ({len(SUBTHEMES)}, such as legislation, victim_identification, "
    "recruitment_fees). They are read from the ask's own words by rules (themes "
    f"{THEMES_VERSION}): the report never groups its asks under frame headings. On a "
    "country page, “Show only the asks of one theme” hides the other rows."
)
