"""A synthetic full history of TIP country narratives, with its truth recorded.

`make_history(countries, years, seed=...)` writes every fictional country's narrative for
every report year, each document in one of the input shapes real copies come in (see
FORMATS.md: semicolon paragraphs, inline bullets, glued sentences, bullet lines, one item per
paragraph, hard-wrapped lines, hard-wrapped running text, inline asterisks, HTML pages,
mirror and archive headers, profile-first layouts), some years as whole-report files with
every country in one PDF-like text. It records the truth: per document (country, year, tier,
the exact item list a correct parser returns), per year pair (links and their kinds, added,
dropped, splits, merges, tier change) and reinstated items (dropped, back within two reports).

The history has Special Case spells (no recommendations), Tier 2 Watch List streaks with
waivers and automatic downgrades, tier moves, and recommendations that persist verbatim, get
lightly edited, reworded or paraphrased, split, merge, are added, dropped and reinstated.

Sentences come from the evaluation bank in tipdiff.testing.evalset (our own words): nothing
here is real report text. Deterministic: the same arguments give the same bytes. A country's
history depends only on the seed and the country's index, and year y's files only on years
up to y, so the history of years a..b is a prefix of the history of years a..b+1 (the bench
adds a year this way).
"""

from __future__ import annotations

import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

from .evalset import ASKS, compound

TIERS = ("Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3")
WATCH_LIST = "Tier 2 Watch List"
SPECIAL_CASE = "Special Case"
_RANK = {t: k for k, t in enumerate(TIERS)}

# Link kinds in the truth. The first four carry one ask from a year to the next.
LINK_KINDS = ("verbatim", "light_edit", "reworded", "paraphrase", "split", "merge")

SHAPES = (
    "semicolons",
    "profile_first",
    "inline_bullets",
    "glued",
    "bullet_lines",
    "paragraphs",
    "hard_wrapped",
    "running_text",
    "asterisks",
    "html",
)
# Which shapes each era's copies mostly come in (the rest: any shape, as mirrors repost).
_ERA_SHAPES = (
    (2016, ("semicolons", "semicolons", "profile_first", "paragraphs")),
    (2018, ("semicolons", "semicolons", "hard_wrapped")),
    (2019, ("inline_bullets", "inline_bullets", "bullet_lines")),
    (2020, ("glued", "glued", "inline_bullets")),
    (2021, ("inline_bullets", "bullet_lines", "html")),
    (2023, ("bullet_lines", "hard_wrapped", "running_text", "paragraphs", "html")),
    (9999, ("asterisks", "asterisks", "bullet_lines", "html")),
)
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_CARDINALS = "zero one two three four five six seven eight nine ten".split()


# --------------------------------------------------------------------------- truth model


@dataclass(frozen=True)
class DocTruth:
    """One narrative: where it is, and what a correct parse of it returns."""

    country: str
    year: int
    tier: str  # one of TIERS or SPECIAL_CASE
    items: tuple[str, ...]  # exactly as a correct parser returns them, in order
    source: str  # relative path of the file that holds it
    shape: str  # one of SHAPES, or "whole_report"


@dataclass(frozen=True)
class PairTruth:
    """One country's consecutive years present."""

    country: str
    from_year: int
    to_year: int
    links: dict[tuple[int, int], str]  # (old index, new index) -> one of LINK_KINDS
    added: frozenset[int]
    dropped: frozenset[int]
    splits: frozenset[tuple[int, tuple[int, ...]]]
    merges: frozenset[tuple[tuple[int, ...], int]]
    tier_from: str
    tier_to: str
    tier_change: str | None  # upgraded|downgraded|remained; None with a Special Case


@dataclass(frozen=True)
class Reinstated:
    """An item dropped after `from_year` and back in `to_year`, one or two reports later."""

    country: str
    from_year: int
    from_index: int
    to_year: int
    to_index: int


@dataclass
class History:
    seed: int
    countries: tuple[str, ...]
    years: tuple[int, ...]
    files: dict[str, bytes]  # relative path -> bytes
    documents: tuple[DocTruth, ...]
    pairs: tuple[PairTruth, ...]
    reinstated: tuple[Reinstated, ...]
    whole_report_years: tuple[int, ...] = field(default=())

    def write(self, root: Path, *, years: Sequence[int] | None = None) -> list[Path]:
        """Write the files (of `years` only, if given) below root; returns the paths."""
        wanted = None if years is None else {str(y) for y in years}
        out = []
        for rel, data in self.files.items():
            if wanted is not None and rel.split("/", 1)[0] not in wanted:
                continue
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            out.append(path)
        return out

    def counts(self) -> dict:
        return {
            "countries": len(self.countries),
            "years": len(self.years),
            "files": len(self.files),
            "documents": len(self.documents),
            "items": sum(len(d.items) for d in self.documents),
            "pairs": len(self.pairs),
            "special_case_documents": sum(d.tier == SPECIAL_CASE for d in self.documents),
            "whole_report_years": list(self.whole_report_years),
            "shapes": {
                s: sum(d.shape == s for d in self.documents) for s in (*SHAPES, "whole_report")
            },
        }

    def truth(self) -> dict:
        """The recorded truth as plain JSON-able data."""
        return {
            "seed": self.seed,
            "countries": list(self.countries),
            "years": list(self.years),
            "whole_report_years": list(self.whole_report_years),
            "documents": [
                {
                    "country": d.country,
                    "year": d.year,
                    "tier": d.tier,
                    "items": list(d.items),
                    "source": d.source,
                    "shape": d.shape,
                }
                for d in self.documents
            ],
            "pairs": [
                {
                    "country": p.country,
                    "from_year": p.from_year,
                    "to_year": p.to_year,
                    "links": [[o, n, k] for (o, n), k in sorted(p.links.items())],
                    "added": sorted(p.added),
                    "dropped": sorted(p.dropped),
                    "splits": [[o, list(ns)] for o, ns in sorted(p.splits)],
                    "merges": [[list(os_), n] for os_, n in sorted(p.merges)],
                    "tier_from": p.tier_from,
                    "tier_to": p.tier_to,
                    "tier_change": p.tier_change,
                }
                for p in self.pairs
            ],
            "reinstated": [
                [r.country, r.from_year, r.from_index, r.to_year, r.to_index]
                for r in self.reinstated
            ],
        }


# --------------------------------------------------------------------------- names

_ONSETS = "Al Bel Cor Dal Es Fen Gor Hal Ist Jor Kal Lor Mer Nol Os Pel Quel Ros Sel Tor Ul Vel Wen Xan Yel Zor".split()
_MIDS = "a e i o u an ar en or ul".split()
_ENDS = "via nia dor land stan ria mar lia thia gard".split()
_REAL_LOOKING = {"Alandor"}  # country_converter reads it as the Aland Islands


def country_names(n: int) -> list[str]:
    """n distinct fictional country names in a fixed order (some of two words)."""
    base = ["".join(p) for p in product(_ONSETS, _MIDS, _ENDS) if "".join(p) not in _REAL_LOOKING]
    random.Random(1729).shuffle(base)
    prefixes = ("North ", "South ", "Upper ")
    names = [(prefixes[k % 13] if k % 13 < 3 else "") + name for k, name in enumerate(base)]
    if n > len(names):
        raise ValueError(f"at most {len(names)} fictional countries")
    return names[:n]


# --------------------------------------------------------------------------- evolution


@dataclass(frozen=True)
class _Item:
    asks: tuple[int, ...]  # one ask, or two for a compound item
    variants: tuple[int, ...]  # wording of each ask: 0 base, 1 light edit, 2 reworded, 3 hard

    def text(self) -> str:
        parts = [ASKS[a][v] for a, v in zip(self.asks, self.variants, strict=True)]
        return parts[0] if len(parts) == 1 else compound(parts[0], parts[1])


def _kind(old: int, new: int) -> str:
    if old == new:
        return "verbatim"
    if {old, new} == {0, 1}:
        return "light_edit"
    return "paraphrase" if 3 in (old, new) else "reworded"


def _next_variant(rng: random.Random, v: int) -> int:
    r = rng.random()
    if r < 0.62:
        return v
    if r < 0.82:
        return 1 - v if v in (0, 1) else v
    if r < 0.95:
        return 2 if v != 2 else rng.choice((0, 1))
    return 3 if v != 3 else v


@dataclass
class _Dropped:
    item: _Item
    year: int  # the last year it was present
    index: int  # its index that year
    absent: int = 1  # reports it has been missing


@dataclass
class _Year:
    year: int
    tier: str
    statement: str  # the summary's tier sentence(s)
    items: list[_Item] = field(default_factory=list)
    # truth against the previous year present (empty for the first)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    added: set[int] = field(default_factory=set)
    dropped: set[int] = field(default_factory=set)
    reinstated: list[tuple[int, int, int]] = field(default_factory=list)  # (from_year, o, n)


def _fresh(rng: random.Random, taken: set[int], n: int) -> list[_Item]:
    pool = sorted(a for a in range(len(ASKS)) if a not in taken)
    rng.shuffle(pool)
    out: list[_Item] = []
    while pool and len(out) < n:
        a = pool.pop()
        if pool and rng.random() < 0.12:  # an item that asks two things (it may split later)
            b = pool.pop()
            out.append(_Item((a, b), (rng.choice((0, 1)), 0)))
        else:
            out.append(_Item((a,), (rng.choice((0, 0, 1)),)))
        taken.update(out[-1].asks)
    return out


def _evolve(
    rng: random.Random,
    old: list[_Item],
    old_year: int,
    pool: list[_Dropped],
    size: tuple[int, int],
    back_chance: float,
) -> tuple[list[_Item], dict, set[int], set[int], list[tuple[int, int, int]]]:
    """Next year's list from this year's; returns (items, links, added, dropped, reinstated)
    and updates `pool`, the recently dropped items that may come back."""
    new: list[tuple[_Item, list[tuple[int, str]], _Dropped | None]] = []
    dropped: set[int] = set()
    merge_with: int | None = None
    for o, item in enumerate(old):
        r = rng.random()
        if len(item.asks) == 2:
            if r < 0.4:  # split into its two asks, each kept or lightly edited
                for a, v in zip(item.asks, item.variants, strict=True):
                    v2 = v if rng.random() < 0.6 or v > 1 else 1 - v
                    new.append((_Item((a,), (v2,)), [(o, "split")], None))
            else:
                new.append((item, [(o, "verbatim")], None))
        elif r < 0.08:
            dropped.add(o)
        elif r < 0.14 and merge_with is None:
            merge_with = o
        elif merge_with is not None and r < 0.40:
            a = old[merge_with]
            merged = _Item((a.asks[0], item.asks[0]), (a.variants[0], item.variants[0]))
            new.append((merged, [(merge_with, "merge"), (o, "merge")], None))
            merge_with = None
        else:
            v = _next_variant(rng, item.variants[0])
            new.append((_Item(item.asks, (v,)), [(o, _kind(item.variants[0], v))], None))
    if merge_with is not None:  # nobody to merge with: it stays as it was
        new.append((old[merge_with], [(merge_with, "verbatim")], None))
    for d in list(pool):  # back after one or two reports away
        if rng.random() < back_chance:
            new.append((d.item, [], d))
            pool.remove(d)
    lo, hi = size
    want = max(lo - len(new), rng.choice((0, 0, 1, 1, 2, 3)))
    taken = {a for it, _, _ in new for a in it.asks} | {a for d in pool for a in d.item.asks}
    new += [(it, [], None) for it in _fresh(rng, taken, want)]
    while len(new) > hi:  # too long: drop an item that carried one ask forward
        singles = [
            k
            for k, (it, src, back) in enumerate(new)
            if len(src) == 1 and src[0][1] not in ("split", "merge")
        ]
        if not singles:
            break
        k = singles[rng.randrange(len(singles))]
        dropped.add(new[k][1][0][0])
        del new[k]
    if rng.random() < 0.3:
        rng.shuffle(new)
    else:
        for _ in range(rng.randint(0, 3)):
            a, b = rng.randrange(len(new)), rng.randrange(len(new))
            new[a], new[b] = new[b], new[a]
    links: dict[tuple[int, int], str] = {}
    added: set[int] = set()
    reinstated = []
    for n, (_it, sources, back) in enumerate(new):
        if not sources:
            added.add(n)
        for o, kind in sources:
            links[(o, n)] = kind
        if back is not None:
            reinstated.append((back.year, back.index, n))
    for d in pool:
        d.absent += 1
    pool[:] = [d for d in pool if d.absent <= 2]
    pool += [_Dropped(old[o], old_year, o) for o in sorted(dropped)]
    return [it for it, _, _ in new], links, added, dropped, reinstated


# --------------------------------------------------------------------------- tiers


def _ordinal(n: int) -> str:
    return _ORDINALS[n - 1] if n <= len(_ORDINALS) else f"{n}th"


def _tier_statement(name: str, tier: str, move: str, streak: int, spell: int) -> str:
    """The summary's verdict and tier sentence, in the report's wording for that move."""
    if tier == SPECIAL_CASE:
        return (
            f"{name} is a Special Case for the {_ordinal(spell)} consecutive year."
            if spell > 1
            else f"{name} is a Special Case."
        )
    verdict = {
        "Tier 1": f"The Government of {name} fully meets the minimum standards for the "
        "elimination of trafficking.",
        "Tier 3": f"The Government of {name} does not fully meet the minimum standards for the "
        "elimination of trafficking and is not making significant efforts to do so.",
    }.get(
        tier,
        f"The Government of {name} does not fully meet the minimum standards for the "
        "elimination of trafficking but is making significant efforts to do so.",
    )
    if move == "placed":
        return f"{verdict} {name} is placed on {tier}."
    if move == "auto":
        return (
            f"{verdict} Therefore {name} was automatically downgraded to Tier 3 after "
            f"{_CARDINALS[streak] if streak < len(_CARDINALS) else streak} consecutive years on "
            "Tier 2 Watch List."
        )
    if move == "upgraded":
        return (
            f"{verdict} The government demonstrated overall increasing efforts compared to the "
            f"previous reporting period; therefore {name} was upgraded to {tier}."
        )
    if move == "downgraded":
        return (
            f"{verdict} However, the government did not demonstrate overall increasing efforts "
            f"compared to the previous reporting period; therefore {name} was downgraded to {tier}."
        )
    waiver = (
        "The government was granted a waiver from an otherwise required downgrade to Tier 3 "
        "because it has devoted sufficient resources to a written plan that, if implemented, "
        "would constitute significant efforts to meet the minimum standards; "
        if move == "waiver"
        else "The government demonstrated overall increasing efforts compared to the previous "
        "reporting period; "
    )
    tail = (
        f" for the {_ordinal(streak)} consecutive year" if tier == WATCH_LIST and streak > 1 else ""
    )
    return f"{verdict} {waiver}therefore {name} remained on {tier}{tail}."


# The automatic downgrade of the Watch List began with the 2009 report (two years counted
# from then, then waivers); from the 2019 report a waiver is granted for one year only.
# Written out here on its own, not taken from tipdiff.tiers, so the tests check the product
# against an independent statement of the law.
_LIMIT_FROM, _ONE_WAIVER_FROM = 2009, 2019


class _TierWalk:
    """A country's tier year by year: moves, Watch List streaks, and from 2009 the limit
    (two years counted from then), at most two waivers (one from 2019) and the automatic
    downgrade after them; and an optional Special Case spell."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.tier = rng.choices(TIERS, weights=(0.2, 0.45, 0.22, 0.13))[0]
        self.spell_at = rng.randrange(1, 20) if rng.random() < 0.08 else -1
        self.spell_len = rng.randint(1, 3)
        self.streak = 0
        self.counted = 0  # Watch List years that count toward the limit (from 2009)
        self.waivers = 0
        self.spell = 0
        self.k = 0

    def step(self, year: int = 9999) -> tuple[str, str]:
        """(tier, move) of the next year present; move is one of placed, remained, waiver,
        upgraded, downgraded, auto, special."""
        rng, k = self.rng, self.k
        self.k += 1
        if 0 < self.spell_at <= k < self.spell_at + self.spell_len:
            self.spell += 1
            self.streak = self.counted = 0
            return SPECIAL_CASE, "special"
        if k == 0 or self.spell:
            self.spell = 0
            if k:
                self.tier = rng.choice(("Tier 2", WATCH_LIST, "Tier 3"))
            self.streak = 1 if self.tier == WATCH_LIST else 0
            self.counted = self.streak if year >= _LIMIT_FROM else 0
            return self.tier, "placed"
        prev, r = self.tier, rng.random()
        move = "remained"
        waivers = 2 if year < _ONE_WAIVER_FROM else 1
        if prev == WATCH_LIST and year >= _LIMIT_FROM and self.counted >= 2:
            if self.waivers < waivers and r < 0.4:
                self.waivers += 1
                move = "waiver"
            elif r < 0.75:
                self.tier, move = "Tier 3", "auto"
            else:
                self.tier, move = "Tier 2", "upgraded"
        elif r < 0.66:
            pass
        elif r < 0.83 and _RANK[prev] > 0:
            self.tier, move = TIERS[_RANK[prev] - 1], "upgraded"
        elif r >= 0.83 and _RANK[prev] < 3:
            self.tier, move = TIERS[_RANK[prev] + 1], "downgraded"
        if self.tier == WATCH_LIST:
            self.streak = self.streak + 1 if prev == WATCH_LIST else 1
            if year >= _LIMIT_FROM:
                self.counted = self.counted + 1 if prev == WATCH_LIST else 1
        else:
            self.streak, self.counted, self.waivers = 0, 0, 0
        return self.tier, move


def _tier_move(old: str, new: str) -> str | None:
    if old not in _RANK or new not in _RANK:
        return None
    a, b = _RANK[old], _RANK[new]
    return "remained" if a == b else "upgraded" if b < a else "downgraded"


def _country_years(seed: int, c: int, name: str, years: Sequence[int]) -> list[_Year]:
    """One country's years present, with lists, tiers and the truth of each pair."""
    rng = random.Random(f"{seed}:{c}")
    start = rng.randint(1, 12) if rng.random() < 0.08 else 0  # a country that appears later
    walk = _TierWalk(rng)
    out: list[_Year] = []
    pool: list[_Dropped] = []
    for year in years[start:]:
        tier, move = walk.step(year)
        statement = _tier_statement(name, tier, move, walk.streak, walk.spell)
        size = (4, 9) if tier == "Tier 1" else (6, 13)
        y = _Year(year, tier, statement)
        if not out:
            y.items = _fresh(rng, set(), rng.randint(*size))
            y.added = set(range(len(y.items)))
        elif tier == SPECIAL_CASE:  # no recommendations in a Special Case year
            prev = out[-1]
            y.dropped = set(range(len(prev.items)))
            for d in pool:
                d.absent += 1
            pool[:] = [d for d in pool if d.absent <= 2]
            pool += [_Dropped(it, prev.year, o) for o, it in enumerate(prev.items)]
        else:
            prev = out[-1]
            back = 0.7 if prev.tier == SPECIAL_CASE else 0.3
            y.items, y.links, y.added, y.dropped, y.reinstated = _evolve(
                rng, prev.items, prev.year, pool, size, back
            )
        out.append(y)
    return out


# --------------------------------------------------------------------------- rendering

_MARK = "SYNTHETIC TEST TEXT (fictional country, tipdiff.testing.history)"
_PROFILE = (
    "{name} is a source, transit, and destination country for men, women, and children "
    "subjected to forced labor and sex trafficking. Traffickers exploit workers in agriculture, "
    "construction, and domestic service, and recruit children from rural areas."
)
_SECTIONS = (
    (
        "PROSECUTION",
        (
            "The government maintained law enforcement efforts.",
            "The government increased law enforcement efforts.",
            "The government decreased law enforcement efforts.",
        ),
        "The penal code criminalized sex trafficking and labor trafficking and prescribed "
        "penalties of five to 15 years of imprisonment. Officials opened several investigations "
        "and courts convicted a few traffickers during the reporting period.",
    ),
    (
        "PROTECTION",
        (
            "The government maintained protection efforts.",
            "The government increased protection efforts.",
        ),
        "Authorities identified more victims than in the previous year and referred most of "
        "them to shelters run by civil society organizations.",
    ),
    (
        "PREVENTION",
        ("The government maintained prevention efforts.",),
        "The national commission met twice and ran a public awareness campaign on radio.",
    ),
)
_GOV_BOILERPLATE = (
    "An official website of the United States Government Here's how you know\n"
    "Official websites use .gov A .gov website belongs to an official government organization "
    "in the United States."
)


def _lower_first(s: str) -> str:
    return s[0].lower() + s[1:] if len(s) > 1 and s[1].islower() else s


def _no_period(s: str) -> str:
    return s[:-1] if s.endswith(".") else s


def _hyphenate(lines: list[str], rng: random.Random, chance: float) -> list[str]:
    """Break a long word across some line ends as PDF text does (`traf-` / `ficking`)."""
    out = list(lines)
    for k in range(len(out) - 1):
        words = out[k + 1].split(" ", 1)
        w = words[0]
        if len(w) >= 9 and w.isalpha() and w.islower() and rng.random() < chance:
            cut = len(w) // 2
            out[k] = f"{out[k]} {w[:cut]}-"
            out[k + 1] = w[cut:] + (" " + words[1] if len(words) > 1 else "")
    return out


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_long_words=False, break_on_hyphens=False)


def _render_items(shape: str, name: str, items: list[str], rng: random.Random, year: int):
    """(recommendations block, items as a correct parse returns them, glued to the summary)."""
    upper = name.upper()
    if shape in ("semicolons", "profile_first"):
        parts = [_no_period(items[0])] + [_no_period(_lower_first(t)) for t in items[1:]]
        parts[-1] = _lower_first(items[-1]) if len(items) > 1 else items[0]
        head = f"RECOMMENDATIONS FOR {upper}:"
        if len(items) == 1:
            return f"{head}\n{items[0]}", [items[0]], False
        body = "; ".join(parts[:-1]) + "; and " + parts[-1]
        sep = " " if shape == "profile_first" else "\n"
        return head + sep + body, parts, False
    if shape == "inline_bullets":
        head = "PRIORITIZED RECOMMENDATIONS" + ("" if year == 2019 else ":")
        return f"{head}\n" + " • ".join(items), items, False
    if shape == "glued":
        body = items[0]
        space_at = rng.randrange(1, len(items)) if len(items) > 2 and rng.random() < 0.5 else -1
        for k, t in enumerate(items[1:], start=1):
            body += (" " if k == space_at else "") + t
        return "PRIORITIZED RECOMMENDATIONS:\n" + body, items, False
    if shape == "bullet_lines":
        glyph = rng.choice(("•", "•", "-", "*"))
        lines = ["PRIORITIZED RECOMMENDATIONS:", ""]
        for t in items:
            wrapped = _wrap(t, 90) if rng.random() < 0.3 else [t]
            lead = rng.choice((" ", "", "\u00a0"))
            lines.append(f"{lead}{glyph}{rng.choice((' ', '  ', chr(0xA0) + ' '))}{wrapped[0]}")
            lines += ["   " + w for w in wrapped[1:]]
            if rng.random() < 0.6:
                lines.append(rng.choice(("", " ", "\u00a0")))
        if glyph == "•" and rng.random() < 0.3:
            lines += ["•", ""]  # an empty bullet at the end
        return "\n".join(lines), items, False
    if shape == "paragraphs":
        head = "PRIORITIZED RECOMMENDATIONS:\n\n" if rng.random() < 0.5 else ""
        return head + "\n\n".join(items), items, False
    if shape == "hard_wrapped":
        lines = ["Prioritized Recommendations"]
        for t in items:
            first, _, rest = t.partition(" ")
            if rest and first.endswith("ly") and rng.random() < 0.5:
                lines += [first] + _wrap(rest, 75)  # `Significantly` / `increase ...`
            else:
                lines += _wrap(t, rng.choice((70, 75, 80)))
        return "\n".join(_hyphenate(lines, rng, 0.08)), items, False
    if shape == "running_text":
        return (
            "PRIORITIZED RECOMMENDATIONS:\n" + "\n".join(_wrap(" ".join(items), 100)),
            items,
            False,
        )
    if shape == "asterisks":
        body = " * " + " * ".join(items) + " *"
        if rng.random() < 0.7:
            return body, items, True  # no header: the list runs on from the summary
        return "PRIORITIZED RECOMMENDATIONS:\n" + body.strip(), items, False
    raise ValueError(shape)


def _header(style: str, name: str, tier: str, year: int, form: int = 0) -> str:
    upper = name.upper()
    if tier == SPECIAL_CASE:
        line = (f"SPECIAL CASE: {upper}", f"{name} (Special Case)", f"Special Case ({name})")
        return f"{year} Trafficking in Persons Report: {name}\n{line[form % 3]}"
    if style == "title_colon":
        return f"{year} Trafficking in Persons Report: {name}\n{upper}: {tier}"
    if style == "title_narratives":
        return (
            f"Trafficking in Persons Report {year} - Country Narratives - {name}\n"
            f"{upper}: {tier.upper()}"
        )
    if style == "archive":
        return (
            "Publisher | United States Department of State |\n"
            f"Publication Date | 20 June {year} |\n"
            f"Cite as | United States Department of State, {year} Trafficking in Persons Report "
            f"- {name}, 20 June {year} |\n"
            "DisclaimerThis is not a publication of this archive. The archive is not responsible "
            "for, nor does it necessarily endorse, its content. |\n"
            f"{upper}: {tier}"
        )
    if style == "gov":
        return f"{_GOV_BOILERPLATE}\n{year} Trafficking in Persons Report: {name}\n{upper}: {tier.upper()}"
    if style == "mirror":
        return f"{upper} ({tier}) – Extracted in part from the U.S. State Dept\n{year} TIP Report"
    if style == "mirror_wrapped":
        return (
            f"[ Human Trafficking, Country-by-Country ]\n{upper}\n({tier})\n–\nExtracted\n"
            f"in part from the U.S. State Dept {year} TIP Report - {name}"
        )
    if style == "old_mirror":
        return (
            "LETTER TO THE EDITOR\nThe following report was published by the U.S. Department "
            "of State. It is reproduced in full below.\n"
            f"{upper} ({tier.upper()})   [Extracted from U.S. State Dept Trafficking in Persons "
            f"Report, June {year}]"
        )
    if style == "headerless":
        return f"{year} Trafficking in Persons Report: {name}"
    raise ValueError(style)


_HEADER_STYLES = (
    "title_colon",
    "title_colon",
    "title_narratives",
    "archive",
    "gov",
    "mirror",
    "old_mirror",
    "headerless",
)


def _sections(rng: random.Random, special: bool, said: Sequence[str] = ()) -> str:
    if special:
        return (
            "GOVERNMENT EFFORTS\nThe regional authorities made minimal efforts to address "
            "trafficking and did not report any investigations."
        )
    out = []
    for head, openers, body in _SECTIONS:
        text = f"{head}\n{rng.choice(openers)} {body}"
        if head == "PREVENTION" and said:
            text += " " + " ".join(said)
        out.append(text)
    return "\n".join(out)


def _said(seed: int, name: str, before: _Year | None, y: _Year) -> list[str]:
    """What a year's body says of the asks the year before made and this year dropped: that
    the government took the step (the ask's own words), that it did not, or nothing. Drawn
    from a generator of its own, so the rest of the history is as it was without it."""
    if before is None or not y.dropped:
        return []
    rng = random.Random(f"{seed}:said:{name}:{y.year}")
    out = []
    for o in sorted(y.dropped):
        ask = _no_period(before.items[o].text())
        ask = ask[:1].lower() + ask[1:]
        r = rng.random()
        if r < 0.45:
            out.append(f"The government completed a step it had been asked to take: {ask}.")
        elif r < 0.8:
            out.append(f"The government did not act on the request to {ask}.")
    return out


def _render_document(
    rng: random.Random, name: str, y: _Year, shape: str, said: Sequence[str] = ()
) -> tuple[str, list[str], str]:
    """(text or HTML, the items a correct parse returns, file extension)."""
    texts = [it.text() for it in y.items]
    special = y.tier == SPECIAL_CASE
    if shape == "html":
        return _render_html(rng, name, y, texts), texts, "html"
    if shape == "asterisks" and not special:
        style = "mirror_wrapped"
    elif shape == "profile_first":
        style = "title_colon"
    elif shape == "paragraphs" and rng.random() < 0.5:
        style = "headerless"
    else:
        style = rng.choice([s for s in _HEADER_STYLES if s != "headerless"])
    parts = [_MARK, _header(style, name, y.tier, y.year, rng.randrange(3))]
    summary = y.statement
    if shape == "profile_first":
        parts.append(_PROFILE.format(name=name))
    if special or not texts:
        parts += [summary, _sections(rng, special, said)]
        return "\n".join(parts) + "\n", [], "txt"
    block, items, glued = _render_items(shape, name, texts, rng, y.year)
    if shape == "hard_wrapped":
        summary = "\n".join(_wrap(summary, 78))
    if glued:
        parts.append(summary + block)
    elif shape == "paragraphs":
        parts += ["", summary, "", block, ""]
    else:
        parts += [summary, block]
    parts.append(_sections(rng, special, said))
    return "\n".join(parts) + "\n", items, "txt"


def _render_html(rng: random.Random, name: str, y: _Year, texts: list[str]) -> str:
    from html import escape

    head = (
        f"{name.upper()}: {y.tier}" if y.tier != SPECIAL_CASE else f"SPECIAL CASE: {name.upper()}"
    )
    recs = ""
    if texts:
        lis = "\n".join(f"<li>{escape(t)}</li>" for t in texts)
        recs = f"<h2>PRIORITIZED RECOMMENDATIONS:</h2>\n<ul>\n{lis}\n</ul>\n"
    sections = "".join(
        f"<h2>{h}</h2>\n<p>{escape(line)}</p>\n"
        for h, line in (
            [("GOVERNMENT EFFORTS", "The regional authorities made minimal efforts.")]
            if y.tier == SPECIAL_CASE
            else [(h, f"{o[0]} {b}") for h, o, b in _SECTIONS]
        )
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n'
        f"<head><title>{escape(name)} - Trafficking in Persons Report</title>\n"
        '<script>var note = "Establish a fake hotline.";</script></head>\n<body>\n'
        "<header><p>An official website of the United States Government</p></header>\n"
        '<nav><ul><li><a href="/">Home</a></li><li>Reports</li></ul></nav>\n<main>\n'
        f"<!-- {_MARK} -->\n"
        f"<h1>{y.year} Trafficking in Persons Report: {escape(name)}</h1>\n"
        f"<p><strong>{escape(head)}</strong></p>\n<p>{escape(y.statement)}</p>\n"
        f"{recs}{sections}</main>\n<footer><ul><li>Privacy policy</li></ul></footer>\n"
        "</body></html>\n"
    )


def _encode(rng: random.Random, text: str, ext: str) -> bytes:
    """Bytes as people save them: mostly UTF-8; some with a BOM, Windows-1252, UTF-16 or
    Windows line ends; now and then a stray `|` on the last line."""
    if ext == "txt" and rng.random() < 0.04:
        text = text + "|\n"
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
    r = rng.random()
    if r < 0.06:
        return text.encode("utf-8-sig")
    if r < 0.13 and ext == "txt":
        return text.encode("cp1252")
    if r < 0.16 and ext == "txt":
        return text.encode("utf-16")
    return text.encode("utf-8")


def _shape_for(rng: random.Random, year: int) -> str:
    if rng.random() < 0.25:  # a mirror or repost: any shape
        return rng.choice(SHAPES)
    for until, shapes in _ERA_SHAPES:
        if year <= until:
            return rng.choice(shapes)
    raise AssertionError


def _whole_report_style(year: int) -> str:
    return "semicolons" if year <= 2018 else "glued" if year == 2020 else "inline_bullets"


def _whole_report(
    year: int,
    docs: list[tuple[str, _Year]],
    rng: random.Random,
    said: dict[str, list[str]] | None = None,
):
    """Every country of one year in one PDF-like text: hard wraps near 110 characters,
    hyphenation at line ends, running headers and page numbers. Returns (bytes, truth)."""
    style = _whole_report_style(year)
    lines = [_MARK, f"TRAFFICKING IN PERSONS REPORT {year}", "COUNTRY NARRATIVES", ""]
    truth: dict[str, list[str]] = {}
    for name, y in sorted(docs, key=lambda d: d[0]):
        texts = [it.text() for it in y.items]
        header = (
            f"{name.upper()}: SPECIAL CASE"
            if y.tier == SPECIAL_CASE
            else f"{name.upper()}: {y.tier.upper()}"
        )
        paras = [header, y.statement]
        if texts:
            block, items, _ = _render_items(style, name, texts, rng, year)
            paras += block.split("\n")
        else:
            items = []
        truth[name] = items
        paras += _sections(rng, y.tier == SPECIAL_CASE).split("\n")
        for p in paras:
            lines += _hyphenate(_wrap(p, 110), rng, 0.15) if len(p) > 110 else [p]
        extra = (said or {}).get(name)
        if extra and y.tier != SPECIAL_CASE:  # wrapped, never hyphenated: no draw of `rng`
            lines += _wrap(" ".join(extra), 110)
    out, page = [], 1
    for k, line in enumerate(lines):
        if k and k % 58 == 0:
            page += 1
            out += [f"TRAFFICKING IN PERSONS REPORT | JUNE {year}", str(page)]
        out.append(line)
    return ("\n".join(out) + "\n").encode("utf-8"), truth


# --------------------------------------------------------------------------- the history


def make_history(
    countries: int = 190,
    years: Sequence[int] = range(2001, 2025),
    *,
    seed: int = 2026,
    whole_report_years: Sequence[int] | None = None,
) -> History:
    """The synthetic history and its truth. Whole-report years are drawn from the seed
    (about one year in seven) unless given."""
    years = tuple(years)
    names = country_names(countries)
    if whole_report_years is None:
        whole_report_years = tuple(
            y for y in years if random.Random(f"{seed}:whole:{y}").random() < 0.15
        )
    whole = set(whole_report_years)
    files: dict[str, bytes] = {}
    docs: list[DocTruth] = []
    pairs: list[PairTruth] = []
    reinstated: list[Reinstated] = []
    by_year: dict[int, list[tuple[str, _Year]]] = {y: [] for y in whole}
    said_in: dict[int, dict[str, list[str]]] = {y: {} for y in whole}
    for c, name in enumerate(names):
        series = _country_years(seed, c, name, years)
        render_rng = random.Random(f"{seed}:render:{c}")
        slug = name.lower().replace(" ", "_")
        for k, y in enumerate(series):
            shape = _shape_for(render_rng, y.year)
            said = _said(seed, name, series[k - 1] if k else None, y)
            if y.year in whole:
                said_in[y.year][name] = said
            text, items, ext = _render_document(render_rng, name, y, shape, said)
            data = _encode(render_rng, text, ext)
            if y.year in whole:
                by_year[y.year].append((name, y))
                continue
            rel = f"{y.year}/{slug}_{y.year}.{ext}"
            files[rel] = data
            docs.append(DocTruth(name, y.year, y.tier, tuple(items), rel, shape))
        for a, b in zip(series, series[1:], strict=False):
            pairs.append(_pair_truth(name, a, b))
            reinstated += [Reinstated(name, fy, o, b.year, n) for fy, o, n in b.reinstated]
    for year in sorted(whole):
        if not by_year[year]:
            continue
        rel = f"{year}/tip_report_{year}_country_narratives.txt"
        data, truth = _whole_report(
            year, by_year[year], random.Random(f"{seed}:whole-text:{year}"), said_in[year]
        )
        files[rel] = data
        for name, y in by_year[year]:
            docs.append(DocTruth(name, year, y.tier, tuple(truth[name]), rel, "whole_report"))
    docs.sort(key=lambda d: (d.country, d.year))
    return History(
        seed=seed,
        countries=tuple(names),
        years=years,
        files=dict(sorted(files.items())),
        documents=tuple(docs),
        pairs=tuple(pairs),
        reinstated=tuple(reinstated),
        whole_report_years=tuple(sorted(whole)),
    )


def _pair_truth(name: str, a: _Year, b: _Year) -> PairTruth:
    new_of_old: dict[int, list[int]] = {}
    old_of_new: dict[int, list[int]] = {}
    for (o, n), kind in b.links.items():
        if kind == "split":
            new_of_old.setdefault(o, []).append(n)
        if kind == "merge":
            old_of_new.setdefault(n, []).append(o)
    return PairTruth(
        country=name,
        from_year=a.year,
        to_year=b.year,
        links=dict(sorted(b.links.items())),
        added=frozenset(b.added),
        dropped=frozenset(b.dropped),
        splits=frozenset((o, tuple(sorted(ns))) for o, ns in new_of_old.items()),
        merges=frozenset((tuple(sorted(os_)), n) for n, os_ in old_of_new.items()),
        tier_from=a.tier,
        tier_to=b.tier,
        tier_change=_tier_move(a.tier, b.tier),
    )
