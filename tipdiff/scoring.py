"""How alike two recommendations are: named scorers, their weights as data, one code path.

Every score tipdiff reports comes from `score_matrix` (n x m at once); a single pair is a
1 x 1 call of it (`score_pair`), so the scores in a table, a split/merge group and a
reviewer's link are computed the same way. The scorers:

- `idf_jaccard`: IDF-weighted Jaccard over word stems. Stems common across recommendations,
  and the report's stock phrasing ("increase efforts to", "including complicit officials"),
  weigh little, so different asks that open alike do not look alike.
- `containment`: IDF-weighted share of the shorter item's stems found in the other: a
  narrowed or broadened ask keeps most of the shorter one.
- `token_sort_ratio` and `ratio`: rapidfuzz on the content words without the stock phrasing
  (`process.cdist`, processor given explicitly: the text is already normalized).

Term weights come from a reference vocabulary shipped with tipdiff (`reference_weights`), so
the score of a pair depends on that pair only: `tipdiff diff` and `tipdiff run` give one
verdict, and adding a report year never changes another year pair.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from rapidfuzz import fuzz, process

from .normalize import STOPWORDS, TOKEN, clean, content_stems, spell_out, stem

SCORERS = ("idf_jaccard", "containment", "token_sort_ratio", "ratio")
# Not summed: the combined score is at least this factor times `containment` (0: off).
CONTAINMENT_FLOOR = "containment_floor"

# Stems of the report's stock phrasing ("Increase efforts to", "vigorously investigate and
# prosecute", "including complicit officials"): down-weighted on top of IDF.
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
STOCK_WEIGHT = 0.4  # multiplier for STOCK_STEMS

# Words of the report's boilerplate that are not stock phrasing but say nothing of what is
# asked on their own ("comprehensive services", "protection", "measures"). They weigh as
# usual in scores; they are not counted as the asks' own shared content (`own_shared`), on
# which a link below the close band depends (align: no weak link on stock words).
BOILERPLATE_STEMS = STOCK_STEMS | frozenset(
    content_stems(
        clean(
            "comprehensive services protection assistance support measures appropriate "
            "sufficient efforts steps take make ensure all forms people persons human "
            "them they so under before how rather without every give use new additional "
            "more greater national"
        )
    )
)


# Openers of an ask that say only "do more of it" ("Increase efforts to", "Continue to",
# "Take steps to", "significantly"): not counted when asking whether one ask's words are all
# found in another (ScoreMatrix.ask_shared).
OPENER_STEMS = frozenset(
    content_stems(clean("increase efforts continue take steps further significantly vigorously"))
)


@dataclass(frozen=True, slots=True)
class Item:
    """A recommendation prepared for matching (normalized once, used in two year pairs)."""

    text: str
    clean: str
    stems: frozenset[str]
    core: str  # content words without the stock phrasing: what rapidfuzz compares


def prepare(texts: Sequence[str]) -> tuple[Item, ...]:
    """Normalize once: stems for the weighted scores, and the content words without the stock
    phrasing (what rapidfuzz compares), from one pass over the words. An item depends on its
    text alone, so each distinct text is prepared once per process: most recommendations
    come back word for word the next year, and lineage aligns them once more."""
    return tuple(_prepare_one(t) for t in texts)


@lru_cache(maxsize=1 << 16)
def _prepare_one(t: str) -> Item:
    c = clean(t)
    ask = spell_out(_ask(c))
    toks = [w for w in TOKEN.findall(ask.replace("-", " ")) if w not in STOPWORDS and len(w) > 1]
    stems = [stem(w) for w in toks]
    core = " ".join(w for w, s_ in zip(toks, stems, strict=True) if s_ not in STOCK_STEMS)
    return Item(t, c, frozenset(stems), core)


# The older reports write asks as sentences: "While the government made progress in X, it
# should Y", "To further its efforts, Freedonia should also Y", and the 2007-2008 lists'
# "To improve its response to trafficking, Freedonia should: Y". Only Y is the ask; the
# lead-in is context that many different asks share, so matching reads Y only.
_LEAD_IN = re.compile(
    r"^.{0,160}?\b(?<!which )(?<!that )(?<!who )(?<!what )should:?\s+"
    r"(?:also\s+|further\s+|now\s+)?",
    re.S,
)


def _ask(cleaned: str) -> str:
    """The ask of a clean recommendation, without a sentence-era lead-in up to its 'should'."""
    m = _LEAD_IN.match(cleaned)
    return cleaned[m.end() :] if m and m.end() < len(cleaned) else cleaned


def prepared(items: Sequence[str] | Sequence[Item]) -> Sequence[Item]:
    return items if items and isinstance(items[0], Item) else prepare(items)


@dataclass(frozen=True)
class TermWeights:
    """Inverse document frequency of stems over a body of recommendation texts."""

    idf: dict[str, float]
    default: float  # weight of a stem the body never saw (the rarest kind)
    stock_weight: float = STOCK_WEIGHT
    name: str = "ad hoc"  # which body of text the weights come from (reported in outputs)

    @classmethod
    def from_texts(cls, texts: Iterable[str], *, stock_weight: float = STOCK_WEIGHT, name="ad hoc"):
        return cls.from_stem_sets(
            (frozenset(content_stems(clean(t))) for t in texts),
            stock_weight=stock_weight,
            name=name,
        )

    @classmethod
    def from_stem_sets(
        cls,
        stem_sets: Iterable[frozenset[str]],
        *,
        stock_weight: float = STOCK_WEIGHT,
        name="ad hoc",
    ):
        """From the stems of already prepared items (Item.stems): no text is normalized again."""
        df: Counter[str] = Counter()
        n = 0
        for stems in stem_sets:
            n += 1
            df.update(stems)
        return cls.from_document_frequencies(df, n, stock_weight=stock_weight, name=name)

    @classmethod
    def from_document_frequencies(
        cls, df: Mapping[str, int], n: int, *, stock_weight: float = STOCK_WEIGHT, name="ad hoc"
    ):
        idf = {s: math.log((1 + n) / (1 + c)) + 1.0 for s, c in df.items()}
        return cls(idf=idf, default=math.log(1 + n) + 1.0, stock_weight=stock_weight, name=name)

    def weight(self, stem: str) -> float:
        w = self._effective.get(stem)
        if w is None:
            w = self.default * (self.stock_weight if stem in STOCK_STEMS else 1.0)
        return w

    def vector(self, stems: Sequence[str]) -> np.ndarray:
        get, weight = self._effective.get, self.weight
        return np.fromiter((get(s) or weight(s) for s in stems), np.float64, len(stems))

    def mass(self, stems: Iterable[str]) -> float:
        # fsum: exact, so the result does not depend on set order (which varies with the hash seed)
        return math.fsum(self.weight(s) for s in stems)

    def __post_init__(self):
        effective = {
            s: (w * self.stock_weight if s in STOCK_STEMS else w) for s, w in self.idf.items()
        }
        object.__setattr__(self, "_effective", effective)


REFERENCE_VOCABULARY = "reference_vocabulary.json"


@lru_cache(maxsize=4)
def reference_weights(stock_weight: float = STOCK_WEIGHT) -> TermWeights:
    """Term weights from the reference vocabulary shipped in tipdiff/data (document
    frequencies of stems over a body of recommendation texts written in the report's
    register; see bench/build_vocabulary.py for how it is made)."""
    data = json.loads(
        resources.files("tipdiff").joinpath("data", REFERENCE_VOCABULARY).read_text("utf-8")
    )
    return TermWeights.from_document_frequencies(
        data["document_frequency"],
        data["documents"],
        stock_weight=stock_weight,
        name=f"reference vocabulary {data['version']} ({data['documents']} texts)",
    )


@dataclass(frozen=True, slots=True)
class ScoreMatrix:
    """All pairwise scores of two lists (each n x m), and the IDF-weighted stem overlap that
    split and merge detection read."""

    parts: dict[str, np.ndarray]  # scorer name -> n x m, 0-100
    combined: np.ndarray  # weighted sum of the parts, 0-100
    shared: np.ndarray  # IDF-weighted mass of the stems two items share
    mass_old: np.ndarray  # IDF-weighted mass of each old item's stems
    mass_new: np.ndarray
    own_containment: np.ndarray  # share (0-100) of the shorter item's non-stock content shared
    own_shared: np.ndarray  # IDF-weighted mass of shared stems outside stock and boilerplate
    own_old: np.ndarray  # each old item's mass of stems outside stock and boilerplate
    own_new: np.ndarray
    # Counts, not weights, of stems outside the openers (OPENER_STEMS): shared, and each item's
    # (align.restated reads them)
    ask_shared: np.ndarray | None = None
    ask_old: np.ndarray | None = None
    ask_new: np.ndarray | None = None

    def parts_at(self, i: int, j: int) -> dict[str, float]:
        return {name: round(float(m[i, j]), 2) for name, m in self.parts.items()}


def score_matrix(
    old: Sequence[Item],
    new: Sequence[Item],
    *,
    weights: TermWeights,
    scorer_weights: Mapping[str, float],
    counts: bool = False,
) -> ScoreMatrix:
    """Every scorer on every (old, new) pair, and their weighted combination. `counts`: also
    the stem counts outside the openers (ScoreMatrix.ask_shared, ask_old, ask_new)."""
    vocab = sorted(frozenset().union(*(it.stems for it in old), *(it.stems for it in new)))
    index = {s: k for k, s in enumerate(vocab)}
    w = weights.vector(vocab)
    A = _incidence(old, index)
    B = _incidence(new, index)
    shared = (A * w) @ B.T
    sa, sb = A @ w, B @ w
    union = sa[:, None] + sb[None, :] - shared
    smaller = np.minimum(sa[:, None], sb[None, :])
    oc, nc = [it.core for it in old], [it.core for it in new]
    parts = {
        "idf_jaccard": np.divide(shared, union, out=np.zeros_like(shared), where=union > 0) * 100.0,
        "containment": np.divide(shared, smaller, out=np.zeros_like(shared), where=smaller > 0)
        * 100.0,
        "token_sort_ratio": process.cdist(
            oc, nc, scorer=fuzz.token_sort_ratio, processor=None, dtype=np.float64
        ),
        "ratio": process.cdist(oc, nc, scorer=fuzz.ratio, processor=None, dtype=np.float64),
    }
    combined = np.zeros_like(shared)
    for name in SCORERS:
        weight = scorer_weights.get(name, 0.0)
        if weight:
            combined += weight * parts[name]
    # The asks' own content: stems outside the report's stock phrasing, which alone says
    # nothing about what is asked. `own_containment`: the share of the shorter item's own
    # content found in the other (a narrowed or broadened ask keeps it whole).
    code = np.fromiter(map(_stem_code, vocab), np.int8, len(vocab))
    kind = code & 3  # 0 own, 1 boilerplate, 2 stock
    own = (kind < 2) * w
    shared_own = (A * own) @ B.T
    smaller_own = np.minimum((A @ own)[:, None], (B @ own)[None, :])
    own_containment = 100.0 * np.divide(
        shared_own, smaller_own, out=np.zeros_like(shared_own), where=smaller_own > 0
    )
    floor = scorer_weights.get(CONTAINMENT_FLOOR, 0.0)
    if floor:  # the score of such an ask is at least `floor` x own_containment
        combined = np.maximum(combined, floor * own_containment)
    mine = (kind == 0) * w
    own_shared = (A * mine) @ B.T
    counted = (None, None, None)
    if counts:
        asked = (code < 4).astype(np.float64)  # not an opener
        counted = ((A * asked) @ B.T, A @ asked, B @ asked)
    return ScoreMatrix(
        parts,
        combined,
        shared,
        sa,
        sb,
        own_containment,
        own_shared,
        A @ mine,
        B @ mine,
        *counted,
    )


@lru_cache(maxsize=1 << 16)
def _stem_code(stem: str) -> int:
    """The stem's kind (0: the asks' own content; 1: boilerplate; 2: the report's stock
    phrasing), plus 4 when it is an ask's opener (OPENER_STEMS)."""
    kind = 2 if stem in STOCK_STEMS else 1 if stem in BOILERPLATE_STEMS else 0
    return kind + 4 * (stem in OPENER_STEMS)


def _incidence(items: Sequence[Item], index: Mapping[str, int]) -> np.ndarray:
    """items x vocabulary, 1 where the item has the stem (filled in one assignment)."""
    out = np.zeros((len(items), len(index)))
    rows = [k for k, it in enumerate(items) for _ in it.stems]
    cols = [index[s] for it in items for s in it.stems]
    out[rows, cols] = 1.0
    return out


def score_pair(
    a: Item, b: Item, *, weights: TermWeights, scorer_weights: Mapping[str, float]
) -> tuple[float, dict[str, float]]:
    """(combined score, each scorer's score) of one pair: a 1 x 1 score_matrix."""
    m = score_matrix([a], [b], weights=weights, scorer_weights=scorer_weights)
    return round(float(m.combined[0, 0]), 2), m.parts_at(0, 0)


def joined(items: Sequence[Item]) -> Item:
    """Several items read as one (the parts of a split or merge)."""
    return Item(
        " ".join(it.text for it in items),
        " ".join(it.clean for it in items),
        frozenset().union(*(it.stems for it in items)),
        " ".join(it.core for it in items),
    )
