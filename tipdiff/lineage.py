"""Recommendation threads over any number of years, for one country."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .align import DEFAULT_CONFIG, AlignConfig, align
from .diff import CountryDiff
from .scoring import TermWeights

REINSTATE_WITHIN = 2  # an item may be absent this many reports and still come back


@dataclass(frozen=True, slots=True)
class Thread:
    lineage_id: str
    first_year: int
    last_year: int
    years_present: tuple[int, ...]
    streak: int  # consecutive reports up to the country's latest one that carry this thread
    reinstated: bool
    members: tuple[tuple[int, int], ...]  # (year, index)
    text_first: str
    text_latest: str


@dataclass(frozen=True, slots=True)
class Lineage:
    country_key: str
    threads: tuple[Thread, ...]
    id_of: Mapping[tuple[int, int], str]  # (year, index) -> lineage_id


class _UnionFind:
    def __init__(self):
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def lineage_id(country_key: str, year: int, index: int) -> str:
    """Deterministic: the same first member gives the same id on every run and machine."""
    return "L" + hashlib.sha256(f"{country_key}|{year}|{index}".encode()).hexdigest()[:12]


def build_lineage(
    country_key: str,
    texts_by_year: Mapping[int, Sequence[str]],
    diffs: Sequence[CountryDiff],
    *,
    weights: TermWeights | None = None,
    config: AlignConfig = DEFAULT_CONFIG,
) -> Lineage:
    """Threads from the consecutive-year diffs; a thread that ends and an item added within
    REINSTATE_WITHIN reports later that asks the same thing join as one, `reinstated`."""
    years = sorted(texts_by_year)
    uf = _UnionFind()
    for y in years:
        for i in range(len(texts_by_year[y])):
            uf.find((y, i))
    for d in diffs:
        for c in d.changes:
            for o, n in c.links:
                uf.union((d.from_year, o), (d.to_year, n))
    added_by_year = {d.to_year: [c.new[0] for c in d.changes if c.kind == "added"] for d in diffs}
    dropped_after = {
        d.from_year: [c.old[0] for c in d.changes if c.kind == "dropped"] for d in diffs
    }

    reinstated_roots: set = set()
    for k, y in enumerate(years):
        ended = dropped_after.get(y, [])
        if not ended:
            continue
        for later in years[k + 2 : k + 2 + REINSTATE_WITHIN]:
            candidates = [
                j for j in added_by_year.get(later, []) if uf.find((later, j)) == (later, j)
            ]
            if not candidates or not ended:
                continue
            changes = align(
                [texts_by_year[y][i] for i in ended],
                [texts_by_year[later][j] for j in candidates],
                weights=weights,
                config=config,
            )
            back = [
                (ended[o], candidates[n])
                for c in changes
                if c.kind in ("unchanged", "reworded")
                for o, n in c.links
            ]
            for o, n in back:
                uf.union((y, o), (later, n))
                reinstated_roots.add(uf.find((y, o)))
            taken = {o for o, _ in back}
            ended = [i for i in ended if i not in taken]

    groups: dict = {}
    for y in years:
        for i in range(len(texts_by_year[y])):
            groups.setdefault(uf.find((y, i)), []).append((y, i))
    latest = years[-1] if years else None
    reinstated = {uf.find(r) for r in reinstated_roots}
    threads, id_of = [], {}
    for root, members in groups.items():
        members.sort()
        first, last = members[0], members[-1]
        present = tuple(sorted({y for y, _ in members}))
        streak = 0
        for y in reversed(years):
            if y not in present:
                break
            streak += 1
        lid = lineage_id(country_key, *first)
        latest_member = max(m for m in members if m[0] == last[0])
        threads.append(
            Thread(
                lineage_id=lid,
                first_year=first[0],
                last_year=last[0],
                years_present=present,
                streak=streak if last[0] == latest else 0,
                reinstated=root in reinstated,
                members=tuple(members),
                text_first=texts_by_year[first[0]][first[1]],
                text_latest=texts_by_year[latest_member[0]][latest_member[1]],
            )
        )
        for m in members:
            id_of[m] = lid
    threads.sort(key=lambda t: t.members[0])
    return Lineage(country_key, tuple(threads), id_of)
