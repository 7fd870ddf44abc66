"""The same ask across countries ("stock asks"): per report year, groups of near-identical
recommendations given to several countries.

Within one report year every recommendation of every country is compared in its matching
form (tipdiff.normalize.clean, then rapidfuzz's default processor: lower case, letters and
digits only). Equal forms are one ask; a form joins the group of another when rapidfuzz
`ratio` of the two is at least `STOCK_CUTOFF` (a few words edited, nothing more). Groups are
made leader first: the forms given to most countries lead, and a form joins the best
scoring leader, never a chain of them, so two asks of a group are each near-identical to
its leader. A group is a stock ask when it spans `STOCK_MIN` countries or more.

Only forms that share one of their rarer words are compared (each form with the leaders
that hold any of its three least common words that year): near-identical forms share
nearly every word, so nothing is lost, and a year of 2,000 asks costs thousands of
comparisons instead of millions.

A group's id names its year and its leader's form, so it is the same in every output of a
run; a country's membership depends on every country of that year, which is why the
country pages (made from one country alone) do not show it.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from .normalize import clean

STOCK_CUTOFF = 90.0  # rapidfuzz ratio (0-100) of two matching forms
STOCK_MIN = 2  # countries a group must span
_RARE = 3  # a form is compared with leaders holding one of its this many rarest words


@dataclass(frozen=True, slots=True)
class StockGroup:
    """One stock ask of one report year."""

    year: int
    group_id: str
    text: str  # the wording most of its countries got (ties: the first country's)
    members: tuple[tuple[str, int], ...]  # (country key, item index), by key and index
    countries: tuple[str, ...]  # country keys, sorted
    first_time: tuple[str, ...]  # keys of the countries asked it for the first time

    @property
    def size(self) -> int:
        return len(self.countries)


def form(text: str) -> str:
    """The matching form of an ask (two asks with equal forms are the same ask)."""
    return default_process(clean(text))


def group_id(year: int, leader: str) -> str:
    return f"S{year}-" + hashlib.sha256(leader.encode()).hexdigest()[:10]


def assign(items: Iterable[tuple[str, int, int, str]]) -> dict[tuple[str, int, int], str]:
    """Stock-ask groups of (country key, year, index, text) items: {(key, year, index):
    group id} for the items of groups spanning STOCK_MIN countries or more."""
    by_year: dict[int, list[tuple[str, int, str]]] = defaultdict(list)
    for key, year, index, text in items:
        by_year[year].append((key, index, text))
    out: dict[tuple[str, int, int], str] = {}
    for year, rows in by_year.items():
        for (key, index), gid in _year_groups(year, rows).items():
            out[(key, year, index)] = gid
    return out


def _year_groups(year: int, rows: Sequence[tuple[str, int, str]]) -> dict[tuple[str, int], str]:
    holders: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, index, text in rows:
        f = form(text)
        if f:
            holders[f].append((key, index))
    countries = {f: len({k for k, _ in hs}) for f, hs in holders.items()}
    forms = sorted(holders, key=lambda f: (-countries[f], f))
    words = {f: set(f.split()) for f in forms}
    df = Counter(w for f in forms for w in words[f])
    leaders: list[str] = []
    posting: dict[str, list[int]] = defaultdict(list)  # word -> leaders that hold it
    leader_of: dict[str, str] = {}
    for f in forms:
        rare = sorted(words[f], key=lambda w: (df[w], w))[:_RARE]
        seen: set[int] = set()
        best, best_score = None, STOCK_CUTOFF
        for w in rare:
            for k in posting.get(w, ()):
                if k in seen:
                    continue
                seen.add(k)
                lead = leaders[k]
                if not 0.8 * len(lead) <= len(f) <= 1.25 * len(lead):
                    continue
                score = fuzz.ratio(f, lead, score_cutoff=best_score)
                if score > best_score or (score == best_score and best is None):
                    best, best_score = lead, score
        if best is None:
            k = len(leaders)
            leaders.append(f)
            for w in words[f]:
                posting[w].append(k)
            best = f
        leader_of[f] = best
    spans: dict[str, set[str]] = defaultdict(set)
    for f, lead in leader_of.items():
        spans[lead].update(k for k, _ in holders[f])
    out = {}
    for f, lead in leader_of.items():
        if len(spans[lead]) >= STOCK_MIN:
            gid = group_id(year, lead)
            for member in holders[f]:
                out[member] = gid
    return out


def groups(histories: Sequence, *, year: int | None = None) -> tuple[StockGroup, ...]:
    """Every stock ask the model holds (each history's `stock`), largest first (then by
    year, newest first, and id); one year's only with `year`. `first_time`: countries
    whose item starts a thread that year and whose earlier reports are loaded (the
    lineage's first_year is that year, not the country's first report loaded)."""
    members: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    firsts: dict[str, set[str]] = defaultdict(set)
    years: dict[str, int] = {}
    for h in histories:
        stock: Mapping = h.stock
        if not stock:
            continue
        by_year = {n.year: n for n in h.narratives}
        threads = {t.lineage_id: t for t in h.lineage.threads}
        for (y, index), gid in stock.items():
            if year is not None and y != year:
                continue
            years[gid] = y
            members[gid].append((h.key, index, by_year[y].recommendations[index].text))
            t = threads[h.lineage.id_of[(y, index)]]
            if t.first_year == y and not t.in_first_loaded:
                firsts[gid].add(h.key)
    out = []
    for gid, ms in members.items():
        ms.sort()
        counts = Counter(text for _k, _i, text in ms)
        first_at = {}
        for pos, (_k, _i, text) in enumerate(ms):
            first_at.setdefault(text, pos)
        common = min(counts, key=lambda t: (-counts[t], first_at[t]))
        out.append(
            StockGroup(
                years[gid],
                gid,
                common,
                tuple((k, i) for k, i, _t in ms),
                tuple(sorted({k for k, _i, _t in ms})),
                tuple(sorted(firsts[gid])),
            )
        )
    out.sort(key=lambda g: (-g.size, -g.year, g.group_id))
    return tuple(out)
