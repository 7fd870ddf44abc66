"""Recommendation threads over any number of years, for one country."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .align import ALIGNER_VERSION, DEFAULT_CONFIG, AlignConfig, align
from .diff import CountryDiff
from .scoring import TermWeights
from .trust import vouched_bytes

REINSTATE_WITHIN = 2  # an item may be absent this many reports and still come back


@dataclass(frozen=True, slots=True)
class Thread:
    lineage_id: str
    # the first report loaded that carries it; when that is the country's first report
    # loaded (`in_first_loaded`), the ask may be older than that
    first_year: int
    last_year: int
    years_present: tuple[int, ...]
    streak: int  # consecutive reports up to the country's latest one that carry this thread
    reinstated: bool
    members: tuple[tuple[int, int], ...]  # (year, index)
    text_first: str
    text_latest: str
    in_first_loaded: bool = False  # carried by the country's first report loaded

    @property
    def in_every_report(self) -> bool:
        """Carried by every report loaded from its first year to the country's latest."""
        return self.streak > 0 and self.streak == len(self.years_present) and self.in_first_loaded


@dataclass(frozen=True, slots=True)
class Lineage:
    country_key: str
    threads: tuple[Thread, ...]
    id_of: Mapping[tuple[int, int], str]  # (year, index) -> lineage_id
    # (year, index, later year, index): an item the report dropped after `year` and added
    # back in `later` (within REINSTATE_WITHIN reports)
    reinstatements: tuple[tuple[int, int, int, int], ...] = ()


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


CHECKS_INDEX = "lineage_checks.json"
_CHECKS_FORMAT = 1


@lru_cache(maxsize=1)
def _aligner_code() -> str:
    """What decides an alignment's result: the aligner's code and its shipped vocabulary."""
    here = Path(__file__).parent
    h = hashlib.sha256(ALIGNER_VERSION.encode())
    for name in ("align.py", "scoring.py", "normalize.py", "data/reference_vocabulary.json"):
        h.update(b"\0" + (here / name).read_bytes())
    return h.hexdigest()


class Checks:
    """The reinstatement checks of a run: which items that ended came back among the items
    added a report or two later. Each check aligns the two lists of texts, which is most of
    the lineage's cost, and when a report year is added every earlier check comes out the
    same. So the published set keeps each check's answer (`lineage_checks.json`, keyed by a
    digest of the two lists of texts, with the aligner's code and settings), the next run
    takes the answers whose key it asks again, and aligns the rest. Only checks this run
    made go into its file, so a run that reused answers writes what a clean run writes."""

    def __init__(self, config: AlignConfig = DEFAULT_CONFIG, offered: Mapping | None = None):
        self.settings = {"aligner_code": _aligner_code(), "config": config.to_dict()}
        self.offered = dict(offered or {})
        self.made: dict[str, list[list[int]]] = {}
        self.reused = 0  # checks answered from the published file
        self.computed = 0  # checks aligned in this run

    @classmethod
    def load(cls, published: Path | None, config: AlignConfig = DEFAULT_CONFIG) -> Checks:
        """The answers of the published set's file, if it was made with this aligner and
        these settings (any other file, or none, offers nothing)."""
        fresh = cls(config)
        try:
            raw = vouched_bytes(published, CHECKS_INDEX)  # the manifest vouches, or no reuse
            data = json.loads(raw) if raw is not None else None
            if (
                data
                and data.get("format") == _CHECKS_FORMAT
                and data.get("settings") == fresh.settings
            ):
                return cls(config, {str(k): v for k, v in data["checks"].items()})
        except (OSError, ValueError, AttributeError, TypeError):
            pass
        return fresh

    def links(
        self, ended: Sequence[str], added: Sequence[str], compute: Callable[[], list]
    ) -> list[tuple[int, int]]:
        """(position in `ended`, position in `added`) of each item that came back."""
        key = hashlib.sha256(json.dumps([ended, added]).encode()).hexdigest()[:32]
        known = self.offered.get(key)
        if _valid(known, len(ended), len(added)):
            self.reused += 1
            back = [(o, n) for o, n in known]
        else:
            self.computed += 1
            back = compute()
        self.made[key] = [[o, n] for o, n in back]
        return back

    def to_json(self) -> bytes:
        body = {
            "format": _CHECKS_FORMAT,
            "about": "the answer of each reinstatement check this run made (which items that "
            "ended came back a report or two later), so the next tipdiff run can reuse them",
            "settings": self.settings,
            "checks": dict(sorted(self.made.items())),
        }
        return (json.dumps(body, separators=(",", ":")) + "\n").encode()


def _valid(known, n_ended: int, n_added: int) -> bool:
    return isinstance(known, list) and all(
        isinstance(p, list)
        and len(p) == 2
        and all(isinstance(i, int) for i in p)
        and 0 <= p[0] < n_ended
        and 0 <= p[1] < n_added
        for p in known
    )


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
    checks: Checks | None = None,
) -> Lineage:
    """Threads from the consecutive-year diffs; a thread that ends and an item added within
    REINSTATE_WITHIN reports later that asks the same thing join as one, `reinstated` (a
    thread that ends or begins where a copy does not show its whole list joins the same
    way, without being called reinstated).
    `checks`: answers of earlier reinstatement checks to reuse (and where this run's go)."""
    checks = checks or Checks(config)
    years = sorted(texts_by_year)
    uf = _UnionFind()
    for y in years:
        for i in range(len(texts_by_year[y])):
            uf.find((y, i))
    for d in diffs:
        for c in d.changes:
            for o, n in c.links:
                uf.union((d.from_year, o), (d.to_year, n))
    # Items a thread may end with (dropped, or not visible in the next copy) and items a
    # thread may begin again with (added, or not visible in the copy before).
    ends = ("dropped", "unseen")
    begins = ("added", "unseen")
    added_by_year = {
        d.to_year: [c.new[0] for c in d.changes if c.kind in begins and c.new] for d in diffs
    }
    dropped_after = {
        d.from_year: [c.old[0] for c in d.changes if c.kind in ends and c.old] for d in diffs
    }
    # how each item ended (after its year) and began (in its year): one item may do both
    ended_as: dict[tuple[int, int], str] = {}
    began_as: dict[tuple[int, int], str] = {}
    for d in diffs:
        for c in d.changes:
            if c.kind in ends and c.old:
                ended_as[(d.from_year, c.old[0])] = c.kind
            if c.kind in begins and c.new:
                began_as[(d.to_year, c.new[0])] = c.kind

    reinstated_roots: set = set()
    back_links: list[tuple[int, int, int, int]] = []
    claimed: set[tuple[int, int]] = set()
    for k, y in enumerate(years):
        ended = dropped_after.get(y, [])
        if not ended:
            continue
        for later in years[k + 2 : k + 2 + REINSTATE_WITHIN]:
            # items a check of an earlier year took already are not offered again (a test
            # on what later years link, such as a merge into the next report, would make a
            # year's verdicts depend on the reports after it)
            candidates = [j for j in added_by_year.get(later, []) if (later, j) not in claimed]
            if not candidates or not ended:
                continue
            old = [texts_by_year[y][i] for i in ended]
            new = [texts_by_year[later][j] for j in candidates]

            def same_asks(old=old, new=new) -> list[tuple[int, int]]:
                changes = align(old, new, weights=weights, config=config)
                kept = ("unchanged", "reworded")
                return [(o, n) for c in changes if c.kind in kept for o, n in c.links]

            back = [(ended[o], candidates[n]) for o, n in checks.links(old, new, same_asks)]
            for o, n in back:
                uf.union((y, o), (later, n))
                claimed.add((later, n))
                # reinstated only when the report dropped it and added it back; across a copy
                # that does not show its whole list the thread simply goes on
                if ended_as[(y, o)] == "dropped" and began_as[(later, n)] == "added":
                    reinstated_roots.add(uf.find((y, o)))
                    back_links.append((y, o, later, n))
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
                in_first_loaded=first[0] == years[0],
            )
        )
        for m in members:
            id_of[m] = lid
    threads.sort(key=lambda t: t.members[0])
    return Lineage(country_key, tuple(threads), id_of, tuple(sorted(back_links)))
