"""Align one country's recommendations across two report years.

Data positional, settings keyword-only, normalization explicit (RapidFuzz style).
Scores combine an IDF-weighted Jaccard over word stems (so stock phrases shared by many
different asks weigh little) with rapidfuzz token-sort and plain ratios computed by
`process.cdist` (processor always explicit). Links are an optimal one-to-one assignment
(`linear_sum_assignment`); then concatenations of leftover items are tested for splits and
merges. Every change keeps its band and its separate scores so a reviewer can see why.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from scipy.optimize import linear_sum_assignment

from .normalize import STOPWORDS, clean, content_stems, stem, words
from .normalize import TOKEN as _TOKEN

KINDS = ("unchanged", "reworded", "split", "merged", "added", "dropped")

# Stems of the report's stock phrasing ("Increase efforts to", "vigorously investigate and
# prosecute", "including complicit officials"): down-weighted on top of corpus IDF.
STOCK_STEMS = frozenset(
    content_stems(
        clean(
            "increase efforts vigorously investigate prosecute convict traffickers complicit "
            "officials trafficking victims government ensure adequate implement provide continue "
            "improve "
            "strengthen proactively significant sentences crimes cases law anti"
        )
    )
)


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """Every threshold of the aligner, as data. Bands are (name, floor) from high to low."""

    # minimum combined score for a reported link (bench-tuned, checked on a held-out seed)
    cutoff: float = 42.0
    floor: float = 35.0  # links are computed down to here, then filtered by `cutoff`
    w_idf: float = 0.45  # IDF-weighted Jaccard over stems
    w_containment: float = 0.2  # IDF-weighted share of the shorter item found in the other
    w_token_sort: float = 0.2  # rapidfuzz token_sort_ratio on content words
    w_ratio: float = 0.15  # rapidfuzz ratio on content words
    stock_weight: float = 0.4  # multiplier for STOCK_STEMS
    position_hint: float = 1.0  # tie-breaker only; never part of a reported score
    part_containment: float = 0.5  # share of a fragment's weight found in the whole
    group_coverage: float = 0.6  # share of the whole's weight covered by its fragments
    group_gain: float = 0.15  # coverage a group must add over its best single member
    part_gain: float = 0.1  # coverage of the whole that each member adds on its own
    max_parts: int = 3
    bands: tuple[tuple[str, float], ...] = (
        ("exact", 100.0),
        ("close", 85.0),
        ("reworded", 65.0),
        ("weak", 0.0),
    )

    def band(self, score: float) -> str:
        for name, low in self.bands:
            if score >= low:
                return name
        return self.bands[-1][0]


DEFAULT_CONFIG = AlignConfig()


@dataclass(frozen=True)
class TermWeights:
    """Inverse document frequency of stems over a corpus of recommendation texts."""

    idf: dict[str, float]
    default: float
    stock_weight: float = DEFAULT_CONFIG.stock_weight

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, stock_weight: float = DEFAULT_CONFIG.stock_weight):
        return cls.from_stem_sets(
            (frozenset(content_stems(clean(t))) for t in texts), stock_weight=stock_weight
        )

    @classmethod
    def from_stem_sets(
        cls,
        stem_sets: Iterable[frozenset[str]],
        *,
        stock_weight: float = DEFAULT_CONFIG.stock_weight,
    ):
        """From the stems of already prepared items (Item.stems): no text is normalized again."""
        df: Counter[str] = Counter()
        n = 0
        for stems in stem_sets:
            n += 1
            df.update(stems)
        idf = {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in df.items()}
        return cls(idf=idf, default=math.log(1 + n) + 1.0, stock_weight=stock_weight)

    def weight(self, stem: str) -> float:
        w = self._effective.get(stem)
        if w is None:
            w = self.default * (self.stock_weight if stem in STOCK_STEMS else 1.0)
        return w

    def vector(self, stems: Sequence[str]) -> np.ndarray:
        return np.array([self.weight(s) for s in stems], dtype=np.float64)

    def __post_init__(self):
        effective = {
            s: (w * self.stock_weight if s in STOCK_STEMS else w) for s, w in self.idf.items()
        }
        object.__setattr__(self, "_effective", effective)


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to some items between two years. `old`/`new` are 0-based indexes.

    `candidates` (added and dropped only): possible counterparts on the other side that
    scored below the link cutoff but above the candidate floor, as (index, score), best
    first. `decided_by` is "aligner", or "review" when a reviewer's override made this
    change; `note` carries the reviewer's note.
    """

    kind: str
    old: tuple[int, ...]
    new: tuple[int, ...]
    score: float | None = None
    band: str | None = None
    scores: dict[str, float] = field(default_factory=dict)
    word_diff: tuple[tuple[str, str, str], ...] = ()
    candidates: tuple[tuple[int, float], ...] = ()
    decided_by: str = "aligner"
    note: str | None = None

    @property
    def links(self) -> list[tuple[int, int]]:
        return [(o, n) for o in self.old for n in self.new] if self.old and self.new else []


@dataclass(frozen=True, slots=True)
class Item:
    """A recommendation prepared for matching (normalized once, used in two year-pairs)."""

    text: str
    clean: str
    stems: frozenset[str]
    core: str  # content words without the stock phrasing: what rapidfuzz compares


def prepare(texts: Sequence[str]) -> tuple[Item, ...]:
    """Normalize once: stems for the weighted scores, and the content words without the stock
    phrasing (what rapidfuzz compares), from one pass over the words."""
    out = []
    for t in texts:
        c = clean(t)
        toks = [w for w in _TOKEN.findall(c.replace("-", " ")) if w not in STOPWORDS and len(w) > 1]
        stems = [stem(w) for w in toks]
        core = " ".join(w for w, s_ in zip(toks, stems, strict=True) if s_ not in STOCK_STEMS)
        out.append(Item(t, c, frozenset(stems), core))
    return tuple(out)


def _prepared(items: Sequence[str] | Sequence[Item]) -> Sequence[Item]:
    return items if items and isinstance(items[0], Item) else prepare(items)


def _wsum(stems: Iterable[str], weights: TermWeights) -> float:
    # fsum: exact, so the result does not depend on set order (which varies with the hash seed)
    return math.fsum(weights.weight(s) for s in stems)


def _score_parts(a: Item, b: Item, weights: TermWeights) -> dict[str, float]:
    inter = _wsum(a.stems & b.stems, weights)
    union = _wsum(a.stems | b.stems, weights)
    smaller = min(_wsum(a.stems, weights), _wsum(b.stems, weights))
    return {
        "idf_jaccard": round(100.0 * inter / union, 2) if union else 0.0,
        "containment": round(100.0 * inter / smaller, 2) if smaller else 0.0,
        "token_sort_ratio": round(fuzz.token_sort_ratio(a.core, b.core, processor=None), 2),
        "ratio": round(fuzz.ratio(a.core, b.core, processor=None), 2),
    }


def _combine(parts: dict[str, float], config: AlignConfig) -> float:
    return round(
        config.w_idf * parts["idf_jaccard"]
        + config.w_containment * parts["containment"]
        + config.w_token_sort * parts["token_sort_ratio"]
        + config.w_ratio * parts["ratio"],
        2,
    )


def score_matrix(
    old: Sequence[Item], new: Sequence[Item], weights: TermWeights, config: AlignConfig
):
    """Combined scores (n x m) plus the IDF-weighted intersection matrix and item weights."""
    vocab = sorted({s for it in (*old, *new) for s in it.stems})
    index = {s: k for k, s in enumerate(vocab)}
    w = weights.vector(vocab)
    A = np.zeros((len(old), len(vocab)))
    B = np.zeros((len(new), len(vocab)))
    for i, it in enumerate(old):
        A[i, [index[s] for s in it.stems]] = 1.0
    for j, it in enumerate(new):
        B[j, [index[s] for s in it.stems]] = 1.0
    inter = (A * w) @ B.T
    sa, sb = A @ w, B @ w
    union = sa[:, None] + sb[None, :] - inter
    jac = np.divide(inter, union, out=np.zeros_like(inter), where=union > 0) * 100.0
    smaller = np.minimum(sa[:, None], sb[None, :])
    cont = np.divide(inter, smaller, out=np.zeros_like(inter), where=smaller > 0) * 100.0
    oc, nc = [it.core for it in old], [it.core for it in new]
    tsr = process.cdist(oc, nc, scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float32)
    rat = process.cdist(oc, nc, scorer=fuzz.ratio, processor=None, dtype=np.float32)
    combined = (
        config.w_idf * jac
        + config.w_containment * cont
        + config.w_token_sort * tsr
        + config.w_ratio * rat
    )
    return combined, inter, sa, sb, (jac, cont, tsr, rat)


def _word_key(word: str) -> str:
    return word.strip(".,;:!?()[]\"'“”‘’").lower()


def _word_diff(old: Item, new: Item) -> tuple[tuple[str, str, str], ...]:
    """Word-level edits (rapidfuzz opcodes on word tokens). Words are aligned on their form
    without case and edge punctuation, so "harvest." and "harvest," count as the same word;
    each segment keeps the original words of both sides."""
    (a, ka), (b, kb) = _tokens(old.text), _tokens(new.text)
    return tuple(
        (op.tag, " ".join(a[op.src_start : op.src_end]), " ".join(b[op.dest_start : op.dest_end]))
        for op in Levenshtein.opcodes(ka, kb)
    )


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    toks = tuple(words(text))
    return toks, tuple(_word_key(w) for w in toks)


def align(
    old: Sequence[str] | Sequence[Item],
    new: Sequence[str] | Sequence[Item],
    *,
    weights: TermWeights | None = None,
    config: AlignConfig = DEFAULT_CONFIG,
) -> tuple[Change, ...]:
    """What happened to each recommendation between two years.

    Every index of `old` and of `new` appears in exactly one change.
    """
    A, B = _prepared(old), _prepared(new)
    if weights is None:
        weights = TermWeights.from_stem_sets(
            (it.stems for it in (*A, *B)), stock_weight=config.stock_weight
        )
    n, m = len(A), len(B)
    changes: list[Change] = []
    links: dict[int, int] = {}
    if n and m:
        S, inter, sa, sb, (jac, cont, tsr, rat) = score_matrix(A, B, weights, config)
        hint = config.position_hint * (
            1.0
            - np.abs(np.arange(n)[:, None] / max(n - 1, 1) - np.arange(m)[None, :] / max(m - 1, 1))
        )
        cost = np.where(S >= config.floor, -(S + hint), 0.0)
        rows, cols = linear_sum_assignment(cost)
        links = {int(i): int(j) for i, j in zip(rows, cols, strict=True) if S[i, j] >= config.floor}
        groups = _groups(A, B, inter, sa, sb, links, weights, config)
        grouped_old = {i for g in groups for i in g.old}
        grouped_new = {j for g in groups for j in g.new}
        changes += groups
        for i, j in links.items():
            if i in grouped_old or j in grouped_new:
                continue
            parts = {
                "idf_jaccard": round(float(jac[i, j]), 2),
                "containment": round(float(cont[i, j]), 2),
                "token_sort_ratio": round(float(tsr[i, j]), 2),
                "ratio": round(float(rat[i, j]), 2),
            }
            same = A[i].clean == B[j].clean
            score = 100.0 if same else _combine(parts, config)
            changes.append(
                Change(
                    kind="unchanged" if same else "reworded",
                    old=(i,),
                    new=(j,),
                    score=score,
                    band=config.band(score),
                    scores=parts,
                    word_diff=(("equal", A[i].text, B[j].text),)
                    if same
                    else _word_diff(A[i], B[j]),
                )
            )
    changes = [c if c.score is None or c.score >= config.cutoff else None for c in changes]
    kept = [c for c in changes if c is not None]
    used_old = {i for c in kept for i in c.old}
    used_new = {j for c in kept for j in c.new}
    kept += [Change("dropped", (i,), ()) for i in range(n) if i not in used_old]
    kept += [Change("added", (), (j,)) for j in range(m) if j not in used_new]
    return tuple(sorted(kept, key=_order))


def _order(c: Change) -> tuple:
    # Changes in the order of the new year's list; dropped items after, in old order.
    return (0, min(c.new), min(c.old) if c.old else -1) if c.new else (1, min(c.old), 0)


def _groups(A, B, inter, sa, sb, links, weights, config) -> list[Change]:
    """Split (one old -> several new) and merge (several old -> one new) groups."""
    link_of_old = links
    link_of_new = {j: i for i, j in links.items()}
    free_new = [j for j in range(len(B)) if j not in link_of_new]
    free_old = [i for i in range(len(A)) if i not in link_of_old]
    candidates = []
    with np.errstate(divide="ignore", invalid="ignore"):
        enough_new = ((inter / sb[None, :]) >= config.part_containment).sum(axis=1) >= 2
        enough_old = ((inter / sa[:, None]) >= config.part_containment).sum(axis=0) >= 2
    # split: whole = old i, parts from free new items plus i's own link
    for i in np.flatnonzero(enough_new).tolist():
        pool = free_new + ([link_of_old[i]] if i in link_of_old else [])
        cand = _best_group(i, pool, A, B, inter, sa, sb, weights, config, split=True)
        if cand:
            candidates.append(cand)
    for j in np.flatnonzero(enough_old).tolist():
        pool = free_old + ([link_of_new[j]] if j in link_of_new else [])
        cand = _best_group(j, pool, B, A, inter.T, sb, sa, weights, config, split=False)
        if cand:
            candidates.append(cand)
    accepted: list[Change] = []
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    for cand in sorted(candidates, key=lambda c: (-c.score, c.kind, c.old, c.new)):
        if taken_old.isdisjoint(cand.old) and taken_new.isdisjoint(cand.new):
            # a part may not be another item's one-to-one link
            if any(
                link_of_old.get(i) is not None and link_of_old[i] not in cand.new for i in cand.old
            ) or any(
                link_of_new.get(j) is not None and link_of_new[j] not in cand.old for j in cand.new
            ):
                continue
            accepted.append(cand)
            taken_old.update(cand.old)
            taken_new.update(cand.new)
    return accepted


def _best_group(w, pool, W, P, inter, sw, sp, weights, config, *, split) -> Change | None:
    """Best set of 2..max_parts items of `pool` (side P) that together restate item `w` (side W).

    A group must cover clearly more of w's weighted content than its best single item does
    (group_gain), and every member must add its own share of w (part_gain): otherwise the
    best single item is a plain rewording and the rest are new asks.
    """
    parts = [p for p in pool if sp[p] > 0 and inter[w, p] / sp[p] >= config.part_containment]
    if len(parts) < 2:
        return None
    parts = sorted(parts, key=lambda p: -inter[w, p] / sp[p])[: config.max_parts + 2]
    whole = W[w].stems
    total = sw[w] or 1.0
    best_single = max(float(inter[w, p]) for p in pool) / total
    best = None
    for k in range(2, min(config.max_parts, len(parts)) + 1):
        for combo in combinations(sorted(parts), k):
            shared = [whole & P[p].stems for p in combo]
            covered = _wsum(frozenset().union(*shared), weights) / total
            if covered < config.group_coverage or covered - best_single < config.group_gain:
                continue
            gains = [
                _wsum(mine - frozenset().union(*(o for o in shared if o is not mine)), weights)
                / total
                for mine in shared
            ]
            if min(gains) < config.part_gain:
                continue
            joined = Item(
                " ".join(P[p].text for p in combo),
                " ".join(P[p].clean for p in combo),
                frozenset().union(*(P[p].stems for p in combo)),
                " ".join(P[p].core for p in combo),
            )
            score_parts = _score_parts(W[w], joined, weights)
            score = _combine(score_parts, config)
            if score < config.floor:
                continue
            if best is None or score > best[0]:
                best = (score, combo, score_parts, joined)
    if best is None:
        return None
    score, combo, score_parts, joined = best
    diff = _word_diff(W[w], joined) if split else _word_diff(joined, W[w])
    return Change(
        kind="split" if split else "merged",
        old=(w,) if split else tuple(combo),
        new=tuple(combo) if split else (w,),
        score=score,
        band=config.band(score),
        scores=score_parts,
        word_diff=diff,
    )
