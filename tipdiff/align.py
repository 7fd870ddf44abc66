"""Align one country's recommendations across two report years.

Data positional, settings keyword-only, normalization explicit (RapidFuzz style). Scores come
from `scoring` (named scorers, weights as data). Links are an optimal one-to-one assignment
(`linear_sum_assignment`); then concatenations of leftover items are tested for splits and
merges. Items left unlinked keep their best counterparts below the cutoff as `candidates`
("possibly the same as ..."). Every change keeps its band and its separate scores so a
reviewer can see why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .limits import MAX_ITEMS

if TYPE_CHECKING:
    from .evidence import Evidence
from .normalize import words
from .scoring import (
    BOILERPLATE_STEMS as BOILERPLATE,
)
from .scoring import (
    STOCK_WEIGHT,
    Item,
    ScoreMatrix,
    TermWeights,
    joined,
    prepared,
    reference_weights,
    score_matrix,
    score_pair,
)

# Bump whenever a change here or in scoring/normalize can change an alignment: cached
# alignments are keyed on it (and on the config).
ALIGNER_VERSION = "3.3"

KINDS = ("unchanged", "reworded", "split", "merged", "added", "dropped")


@dataclass(frozen=True, slots=True)
class AlignConfig:
    """Every threshold and weight of the aligner, as data. Bands are (name, floor), high to low;
    scorers are (name, weight) over scoring.SCORERS."""

    # minimum combined score for a reported link (chosen on bench/evalset/tune.jsonl: the
    # lowest cutoff that links no decoy there; see `make bench-align`)
    cutoff: float = 40.0
    floor: float = 30.0  # links are computed down to here, then filtered by `cutoff`
    candidate_floor: float = 28.0  # unlinked items keep counterparts scoring this or more
    max_candidates: int = 3
    scorers: tuple[tuple[str, float], ...] = (
        ("idf_jaccard", 0.45),  # IDF-weighted Jaccard over stems
        ("containment", 0.2),  # IDF-weighted share of the shorter item found in the other
        ("token_sort_ratio", 0.2),  # rapidfuzz token_sort_ratio on content words
        ("ratio", 0.15),  # rapidfuzz ratio on content words
        ("containment_floor", 0.6),  # score >= 0.6 x containment (narrowed/broadened asks)
    )
    stock_weight: float = STOCK_WEIGHT  # multiplier for the report's stock phrasing
    position_hint: float = 1.0  # tie-breaker only; never part of a reported score
    # The one-to-one assignment maximizes the sum of (score - assign_offset) over its links:
    # each link is worth what it scores above this, so two weak links never outweigh one
    # strong link of the same items (61 against 31 + 32). 0: the plain sum of scores.
    assign_offset: float = 30.0
    part_containment: float = 0.5  # share of a fragment's weight found in the whole
    group_coverage: float = 0.6  # share of the whole's weight covered by its fragments
    group_gain: float = 0.1  # coverage a group must add over its best single member
    part_gain: float = 0.06  # coverage of the whole that each member adds on its own
    max_parts: int = 3
    # A second look at what is left unlinked (see _second_look): mutual best counterparts
    # scoring at least `second_look`, sharing most words (token_set_ratio on the clean text)
    # and some of their own (non-stock) content. 0 turns it off.
    second_look: float = 20.0
    second_look_token_set: float = 60.0
    second_look_own: float = 25.0
    # Items the assignment left alone: one-to-one, best first, when they share most of their
    # words (token_set_ratio on the clean text >= leftover_token_set) and score at least
    # leftover_floor. 0 turns it off. Chosen on real development pairs (bench-align --real-dev).
    leftover_token_set: float = 60.0
    leftover_floor: float = 20.0
    leftover_own: float = 15.0  # and share at least this much of their own (non-stock) content
    # No weak link on stock words: a pair scoring below the close band is linked only when
    # the asks share content of their own (ScoreMatrix.own_shared: IDF-weighted mass of the
    # shared stems outside the stock phrasing and boilerplate) of at least `own_floor`, or
    # when the shorter item is found whole in the other (containment >= `own_contained`: a
    # short ask broadened, such as "provide protection services" growing a clause).
    # 0 turns it off. Chosen on the tune parts: no true link there is lost by it.
    own_floor: float = 4.0
    own_contained: float = 90.0
    # A restated ask (see `restated`): the shorter item's words, openers such as "increase
    # efforts to" aside, found at least `restated_share` in the other, at least `restated_min`
    # of them, and every word of its own content among them. Such a pair is linkable whatever
    # it shares, and a link between them is kept below the cutoff. 0 turns it off.
    restated_share: float = 0.8
    restated_min: int = 4
    # Further parts of a split or merge (see _more_parts): an item still unmatched whose own
    # content is at least `extra_part_cover` found in an item already linked, that adds at
    # least `extra_part_gain` of that item's own content to what its parts cover, and with
    # which the group scores more than the parts did without it. 0 turns it off.
    # The group must score at least `extra_part_floor` (a fixed number, not the cutoff: raising
    # the cutoff never adds a link), at least what the new part scores alone, and no more than
    # `extra_part_slack` below what the parts scored without it (a part brings words of its
    # own, which lower a score that also counts words on one side only).
    extra_part_cover: float = 0.5
    extra_part_cover_stock: float = 0.8  # the same for an item of boilerplate words alone
    extra_part_gain: float = 0.05
    extra_part_floor: float = 40.0
    extra_part_slack: float = 12.0
    # An item printed twice in one list (a copy repeats an ask word for word): a still
    # unmatched item at least `twin_ratio` alike (rapidfuzz ratio of the clean texts) to an
    # item of its own list that is linked, and scoring at least `cutoff` with that item's
    # counterpart, joins the link as one more part (see _twins). 0 turns it off.
    twin_ratio: float = 90.0
    # "Possibly the same as" hints: a counterpart that is itself unlinked, or whose own link
    # scores at least `hint_margin` below the hint (linked clearly worse).
    hint_margin: float = 5.0
    max_items: int = MAX_ITEMS  # a longer list is refused (tipdiff.limits; real: a few dozen)
    bands: tuple[tuple[str, float], ...] = (
        ("exact", 100.0),
        ("close", 85.0),
        ("moderate", 65.0),
        ("weak", 0.0),
    )

    def band(self, score: float) -> str:
        for name, low in self.bands:
            if score >= low:
                return name
        return self.bands[-1][0]

    @property
    def scorer_weights(self) -> dict[str, float]:
        return dict(self.scorers)

    def to_dict(self) -> dict:
        """Plain JSON-able values (for flow parameters, cache keys and the manifest)."""
        d = asdict(self)
        d["scorers"] = [list(x) for x in self.scorers]
        d["bands"] = [list(x) for x in self.bands]
        return d

    @classmethod
    def from_dict(cls, d: Mapping | None) -> AlignConfig:
        """The inverse of to_dict; unknown keys are an error naming them."""
        if not d:
            return cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValueError(
                f"unknown aligner settings {unknown}: expected some of {sorted(known)}"
            )
        values = dict(d)
        for key in ("scorers", "bands"):
            if key in values:
                values[key] = tuple((str(a), float(b)) for a, b in values[key])
        return cls(**values)


DEFAULT_CONFIG = AlignConfig()


class ListTooLong(ValueError):
    """A list has more items than AlignConfig.max_items: alignment is refused, not attempted."""


@dataclass(frozen=True, slots=True)
class Change:
    """What happened to some items between two years. `old`/`new` are 0-based indexes
    (outputs number items from 1: see tipdiff.records).

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
    # Set from the lineage (tipdiff.corpus), never by the aligner: a reinstated item's last
    # earlier wording as (year, index); the report year a dropped item comes back in.
    last_asked: tuple[int, int] | None = None
    returns_in: int | None = None
    # Set by tipdiff.corpus from the later report's body, never by the aligner: what that
    # report says of a dropped (or narrowed: tipdiff.evidence.narrowed) ask.
    evidence: Evidence | None = None

    @property
    def links(self) -> list[tuple[int, int]]:
        return [(o, n) for o in self.old for n in self.new] if self.old and self.new else []


def _word_key(word: str) -> str:
    return word.strip(".,;:!?()[]\"'“”‘’").lower()


def word_diff(old: str, new: str) -> tuple[tuple[str, str, str], ...]:
    """Word-level edits (rapidfuzz opcodes on word tokens). Words are aligned on their form
    without case and edge punctuation, so "harvest." and "harvest," count as the same word;
    each segment keeps the original words of both sides."""
    (a, ka), (b, kb) = _tokens(old), _tokens(new)
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

    Every index of `old` and of `new` appears in exactly one change. `weights` defaults to
    the shipped reference vocabulary (scoring.reference_weights).
    """
    A, B = prepared(old), prepared(new)
    for side, items in (("old", A), ("new", B)):
        if len(items) > config.max_items:
            raise ListTooLong(
                f"the {side} list has {len(items)} recommendations: expected at most "
                f"{config.max_items} (real lists have a few dozen at most)"
            )
    if weights is None:
        weights = reference_weights(config.stock_weight)
    n, m = len(A), len(B)
    changes: list[Change] = []
    S = again = content = None
    links: dict[int, int] = {}
    grouped_old: set[int] = set()
    grouped_new: set[int] = set()
    if n and m:
        S = score_matrix(A, B, weights=weights, scorer_weights=config.scorer_weights, counts=True)
        combined = S.combined
        again = restated(S, config)
        content = own_content(S, config, again)
        ok = (combined >= config.floor) & content
        hint = config.position_hint * (
            1.0
            - np.abs(np.arange(n)[:, None] / max(n - 1, 1) - np.arange(m)[None, :] / max(m - 1, 1))
        )
        cost = np.where(ok, -(combined - config.assign_offset + hint), 0.0)
        from scipy.optimize import linear_sum_assignment  # 0.3 s to import: when needed

        rows, cols = linear_sum_assignment(cost)
        links = {int(i): int(j) for i, j in zip(rows, cols, strict=True) if ok[i, j]}
        groups = _groups(A, B, S, links, weights, config)
        groups = _more_parts(A, B, S, links, groups, weights, config)
        groups = _twins(A, B, S, links, groups, weights, config)
        grouped_old = {i for g in groups for i in g.old}
        grouped_new = {j for g in groups for j in g.new}
        changes += groups
        for i, j in links.items():
            if i in grouped_old or j in grouped_new:
                continue
            changes.append(_link(A[i], B[j], i, j, S, config))
    kept = [
        c
        for c in changes
        if c.score is None
        or c.score >= config.cutoff
        or _second_look(c, A, B, S, config)
        or _restated_link(c, again)
    ]
    used_old = {i for c in kept for i in c.old}
    used_new = {j for c in kept for j in c.new}
    if S is not None and config.leftover_token_set:
        # Items the assignment left alone at the floor (not those the cutoff filtered out,
        # so raising the cutoff never adds a link): one-to-one, best first, on the words
        # they share, stock phrasing included.
        linked_new = set(links.values())
        alone_old = [i for i in range(n) if i not in links and i not in grouped_old]
        alone_new = [j for j in range(m) if j not in linked_new and j not in grouped_new]
        kept += _leftovers(A, B, S, alone_old, alone_new, config, again, content)
        used_old = {i for c in kept for i in c.old}
        used_new = {j for c in kept for j in c.new}
    rows = cols = None
    if S is not None and (len(used_old) < n or len(used_new) < m):
        score_old = {i: c.score for c in kept for i in c.old}
        score_new = {j: c.score for c in kept for j in c.new}
        rows = S.combined.tolist()  # plain floats: a few reads per item, no array calls
        cols = list(zip(*rows, strict=True))
    for i in range(n):
        if i not in used_old:
            cands = _candidates(rows[i], score_new, config) if rows is not None else ()
            kept.append(Change("dropped", (i,), (), candidates=cands))
    for j in range(m):
        if j not in used_new:
            cands = _candidates(cols[j], score_old, config) if cols is not None else ()
            kept.append(Change("added", (), (j,), candidates=cands))
    return order_changes(kept)


def linkable(S: ScoreMatrix, config: AlignConfig, again: np.ndarray | None = None) -> np.ndarray:
    """Which pairs may be linked one to one: scoring at least the floor, and passing
    `own_content` (`again`: `restated(S, config)` when already computed)."""
    return (S.combined >= config.floor) & own_content(S, config, again)


def own_content(S: ScoreMatrix, config: AlignConfig, again: np.ndarray | None = None):
    """Pairs that may be linked as far as what they share goes: scoring in the close band or
    above, or sharing content of their own (not only the report's stock phrasing and
    boilerplate such as "increase efforts", "comprehensive services", "victims"), or one
    found whole in the other (by weight, or restating it: `restated`)."""
    if not config.own_floor:
        return np.ones_like(S.combined, dtype=bool)
    close = dict(config.bands).get("close", 0.0)
    return (
        (S.combined >= close)
        | (S.own_shared >= config.own_floor)
        | (S.parts["containment"] >= config.own_contained)
        | (restated(S, config) if again is None else again)
    )


def restated(S: ScoreMatrix, config: AlignConfig) -> np.ndarray:
    """Pairs where one ask restates the other whole: the shorter item's words (stems; openers
    such as "increase efforts to", "continue to" aside) are found at least `restated_share`
    in the other, at least `restated_min` of them, and none of its own content (outside the
    stock phrasing and boilerplate) is missing. A prosecution ask made of stock words alone
    ("investigate and prosecute trafficking crimes and convict traffickers") restated inside
    a longer one is the same ask; two asks that each say something of their own are not."""
    if not config.restated_share or S.ask_shared is None:
        return np.zeros_like(S.combined, dtype=bool)
    short = np.minimum(S.ask_old[:, None], S.ask_new[None, :])
    ok = (S.ask_shared >= config.restated_min) & (
        S.ask_shared >= config.restated_share * short - 1e-9
    )
    if not ok.any():
        return ok
    old_shorter = S.ask_old[:, None] <= S.ask_new[None, :]
    missing = np.where(
        old_shorter, S.own_old[:, None] - S.own_shared, S.own_new[None, :] - S.own_shared
    )
    return ok & (missing <= 1e-9)


def _link(a: Item, b: Item, i: int, j: int, S: ScoreMatrix, config: AlignConfig) -> Change:
    """A one-to-one link: unchanged when the clean texts are equal, else reworded."""
    same = a.clean == b.clean
    score = 100.0 if same else round(float(S.combined[i, j]), 2)
    return Change(
        kind="unchanged" if same else "reworded",
        old=(i,),
        new=(j,),
        score=score,
        band=config.band(score),
        scores=S.parts_at(i, j),
        word_diff=(("equal", a.text, b.text),) if same else word_diff(a.text, b.text),
    )


def link_change(
    old: Sequence[Item],
    new: Sequence[Item],
    old_ix: Sequence[int],
    new_ix: Sequence[int],
    *,
    weights: TermWeights,
    config: AlignConfig,
    decided_by: str = "aligner",
    note: str | None = None,
) -> Change:
    """The change that links old items `old_ix` to new items `new_ix` (one-to-one, a split
    or a merge), scored like any other: used by reviewer overrides."""
    a = old[old_ix[0]] if len(old_ix) == 1 else joined([old[i] for i in old_ix])
    b = new[new_ix[0]] if len(new_ix) == 1 else joined([new[j] for j in new_ix])
    if len(old_ix) == 1 and len(new_ix) == 1:
        kind = "unchanged" if a.clean == b.clean else "reworded"
    else:
        kind = "split" if len(old_ix) == 1 else "merged"
    score, parts = score_pair(a, b, weights=weights, scorer_weights=config.scorer_weights)
    if kind == "unchanged":
        score = 100.0
    return Change(
        kind=kind,
        old=tuple(old_ix),
        new=tuple(new_ix),
        score=score,
        band=config.band(score),
        scores=parts,
        word_diff=(("equal", a.text, b.text),)
        if kind == "unchanged"
        else word_diff(a.text, b.text),
        decided_by=decided_by,
        note=note,
    )


def _second_look(c: Change, A, B, S: ScoreMatrix, config: AlignConfig) -> bool:
    """Keep a one-to-one link scoring below the cutoff when its items are each other's best
    counterpart, score at least `second_look`, share most words (rapidfuzz token_set_ratio
    on the clean text, stock phrasing included) and some of their own (non-stock) content:
    the older reports' long 'should' sentences restate an ask inside more context. It only
    keeps links the assignment made, so raising the cutoff never adds a link."""
    if not config.second_look or len(c.old) != 1 or len(c.new) != 1 or c.score is None:
        return False
    i, j = c.old[0], c.new[0]
    if c.score < config.second_look or S.own_containment[i, j] < config.second_look_own:
        return False
    if S.combined[i, :].argmax() != j or S.combined[:, j].argmax() != i:
        return False
    token_set = fuzz.token_set_ratio(A[i].clean, B[j].clean, processor=None)
    return token_set >= config.second_look_token_set


def _restated_link(c: Change, again: np.ndarray | None) -> bool:
    """Keep a one-to-one link scoring below the cutoff when one of its asks restates the
    other whole (`restated`): it only keeps links the assignment made."""
    if again is None or len(c.old) != 1 or len(c.new) != 1:
        return False
    return bool(again[c.old[0], c.new[0]])


def _leftovers(A, B, S: ScoreMatrix, olds, news, config: AlignConfig, again, content):
    """The older reports restate an ask inside a long sentence with much else: such pairs
    share most of their words but score low on the asks' own content. Linked one-to-one,
    most words shared first. An ask restated whole in the other (`restated`) is linked too.
    `content`: `own_content` of the pairs, `again`: `restated`."""
    scored = []
    for i in olds:
        for j in news:
            if S.combined[i, j] < config.leftover_floor:
                continue
            whole = bool(again[i, j])
            if not whole and (S.own_containment[i, j] < config.leftover_own or not content[i, j]):
                continue  # alike in the report's stock phrasing only: a decoy
            ts = fuzz.token_set_ratio(A[i].clean, B[j].clean, processor=None)
            if whole or ts >= config.leftover_token_set:
                scored.append((-ts, -S.combined[i, j], i, j))
    out, used_o, used_n = [], set(), set()
    for _ts, _c, i, j in sorted(scored):
        if i in used_o or j in used_n:
            continue
        used_o.add(i)
        used_n.add(j)
        out.append(_link(A[i], B[j], i, j, S, config))
    return out


def _candidates(
    row: Sequence[float], linked_score: Mapping[int, float | None], config: AlignConfig
) -> tuple[tuple[int, float], ...]:
    """Counterparts that score at least candidate_floor and that a reader can act on: ones
    left unlinked themselves, or linked with a score at least hint_margin below this one
    (linked clearly worse). Best first (ties: lower index)."""
    floor = config.candidate_floor
    out = []
    for k, value in enumerate(row):
        if value < floor:
            continue
        score = round(value, 2)
        theirs = linked_score.get(k, False)
        if theirs is False or (theirs is not None and theirs <= score - config.hint_margin):
            out.append((k, score))
    out.sort(key=lambda ks: (-ks[1], ks[0]))
    return tuple(out[: config.max_candidates])


def order_changes(changes: Sequence[Change]) -> tuple[Change, ...]:
    """Changes in the order of the new year's list; dropped items after, in old order."""
    return tuple(sorted(changes, key=_order))


def _order(c: Change) -> tuple:
    return (0, min(c.new), min(c.old) if c.old else -1) if c.new else (1, min(c.old), 0)


def _groups(A, B, S: ScoreMatrix, links, weights, config) -> list[Change]:
    """Split (one old -> several new) and merge (several old -> one new) groups."""
    link_of_old = links
    link_of_new = {j: i for i, j in links.items()}
    free_new = [j for j in range(len(B)) if j not in link_of_new]
    free_old = [i for i in range(len(A)) if i not in link_of_old]
    inter, sa, sb = S.shared, S.mass_old, S.mass_new
    with np.errstate(divide="ignore", invalid="ignore"):
        enough_new = ((inter / sb[None, :]) >= config.part_containment).sum(axis=1) >= 2
        enough_old = ((inter / sa[:, None]) >= config.part_containment).sum(axis=0) >= 2
    # split: whole = old i, parts from free new items plus i's own link
    splits = {
        i: _group_combos(
            i,
            free_new + ([link_of_old[i]] if i in link_of_old else []),
            A,
            B,
            inter,
            sa,
            sb,
            weights,
            config,
        )
        for i in np.flatnonzero(enough_new).tolist()
    }
    merges = {
        j: _group_combos(
            j,
            free_old + ([link_of_new[j]] if j in link_of_new else []),
            B,
            A,
            inter.T,
            sb,
            sa,
            weights,
            config,
        )
        for j in np.flatnonzero(enough_old).tolist()
    }
    candidates = _best_groups(splits, A, B, weights, config, split=True)
    candidates += _best_groups(merges, B, A, weights, config, split=False)
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


def _group_combos(w, pool, W, P, inter, sw, sp, weights, config) -> list[tuple[int, ...]]:
    """Sets of 2..max_parts items of `pool` (side P) that together may restate item `w`.

    A group must cover clearly more of w's weighted content than its best single item does
    (group_gain), and every member must add its own share of w (part_gain): otherwise the
    best single item is a plain rewording and the rest are new asks.
    """
    parts = [p for p in pool if sp[p] > 0 and inter[w, p] / sp[p] >= config.part_containment]
    if len(parts) < 2:
        return []
    parts = sorted(parts, key=lambda p: -inter[w, p] / sp[p])[: config.max_parts + 2]
    whole = W[w].stems
    total = sw[w] or 1.0
    best_single = max(float(inter[w, p]) for p in pool) / total
    if best_single > 1.0 - config.group_gain:
        return []  # no group can cover group_gain more than this single item already does
    combos = []
    for k in range(2, min(config.max_parts, len(parts)) + 1):
        for combo in combinations(sorted(parts), k):
            shared = [whole & P[p].stems for p in combo]
            covered = weights.mass(frozenset().union(*shared)) / total
            if covered < config.group_coverage or covered - best_single < config.group_gain:
                continue
            gains = [
                weights.mass(mine - frozenset().union(*(o for o in shared if o is not mine)))
                / total
                for mine in shared
            ]
            if min(gains) >= config.part_gain:
                combos.append(combo)
    return combos


def _best_groups(combos_of, W, P, weights, config, *, split) -> list[Change]:
    """For each whole, its best-scoring group, if it scores at least the floor. Every group of
    one side is scored in one matrix call (wholes x joined groups)."""
    wholes = [w for w, combos in combos_of.items() if combos]
    if not wholes:
        return []
    columns = [(w, combo) for w in wholes for combo in combos_of[w]]
    togethers = [joined([P[p] for p in combo]) for _w, combo in columns]
    M = score_matrix(
        [W[w] for w in wholes], togethers, weights=weights, scorer_weights=config.scorer_weights
    )
    row = {w: r for r, w in enumerate(wholes)}
    out = []
    for w in wholes:
        mine = [c for c, (ww, _combo) in enumerate(columns) if ww == w]
        best = max(mine, key=lambda c: (round(float(M.combined[row[w], c]), 2), -c))
        score = round(float(M.combined[row[w], best]), 2)
        if score < config.floor:
            continue
        combo, together = columns[best][1], togethers[best]
        diff = word_diff(W[w].text, together.text) if split else word_diff(together.text, W[w].text)
        out.append(
            Change(
                kind="split" if split else "merged",
                old=(w,) if split else tuple(combo),
                new=tuple(combo) if split else (w,),
                score=score,
                band=config.band(score),
                scores=M.parts_at(row[w], best),
                word_diff=diff,
            )
        )
    return out


def _more_parts(A, B, S: ScoreMatrix, links, groups, weights, config) -> list[Change]:
    """Further parts of splits and merges: the second part of a split is often a short add-on
    that the assignment leaves alone, because its one-to-one counterpart is taken.

    An item still unmatched joins an item already linked (one-to-one or as a group's whole)
    as a further part when its own content (stems outside the stock phrasing and
    boilerplate) is at least `extra_part_cover` found in that item, it adds at least
    `extra_part_gain` of that item's own content to what the parts already cover, the linked
    item is its best counterpart, and the group's joint score beats the parts apart: at least
    `extra_part_floor`, at least the new part's own score, and within `extra_part_slack` of
    the parts' score without it. Both directions are treated alike (a split's parts are new
    items, a merge's old ones)."""
    if not config.extra_part_cover:
        return groups
    linked_new = set(links.values())
    in_group_old = {i for g in groups for i in g.old}
    in_group_new = {j for g in groups for j in g.new}
    # whole -> parts, per direction: ("split", old whole) -> new parts; ("merged", new whole)
    wholes: dict[tuple[str, int], tuple[int, ...]] = {}
    for g in groups:
        if g.kind == "split":
            wholes[("split", g.old[0])] = g.new
        else:
            wholes[("merged", g.new[0])] = g.old
    for i, j in links.items():
        if i not in in_group_old and j not in in_group_new:
            wholes[("split", i)] = (j,)
            wholes[("merged", j)] = (i,)
    free_old = [i for i in range(len(A)) if i not in links and i not in in_group_old]
    free_new = [j for j in range(len(B)) if j not in linked_new and j not in in_group_new]
    if not wholes or not (free_old or free_new):
        return groups

    def own_mass(stems) -> float:
        return weights.mass(s for s in stems if s not in BOILERPLATE)

    offers = []  # (-gain, kind, whole, part)
    for kind, whole_side, part_side, free in (
        ("split", A, B, free_new),
        ("merged", B, A, free_old),
    ):
        if not free:
            continue
        split = kind == "split"
        # plain floats: a few reads per free item, no array calls
        lines = (S.combined.T if split else S.combined)[free].tolist()
        own = (S.own_new if split else S.own_old)[free].tolist()
        mass = (S.mass_new if split else S.mass_old)[free].tolist()
        for u, row, own_u, mass_u in zip(free, lines, own, mass, strict=True):
            best = max(row)
            if best <= 0:
                continue
            # An add-on made of boilerplate alone ("provide services to more victims") is
            # measured on all its words, and must be found almost whole.
            stock_only = own_u <= 0
            mine_mass = mass_u if stock_only else own_u
            need = config.extra_part_cover_stock if stock_only else config.extra_part_cover
            if mine_mass <= 0:
                continue
            for w in [k for k, v in enumerate(row) if v >= best - 1e-9]:
                parts = wholes.get((kind, w))
                if parts is None:
                    continue
                pair = (w, u) if split else (u, w)
                shared = float(S.shared[pair] if stock_only else S.own_shared[pair])
                if shared / mine_mass < need:
                    continue
                whole = whole_side[w].stems
                covered = frozenset().union(*(part_side[p].stems for p in parts))
                adds = (part_side[u].stems & whole) - covered
                if stock_only:
                    whole_mass = float(S.mass_old[w] if split else S.mass_new[w])
                    gain = weights.mass(adds) / (whole_mass or 1.0)
                else:
                    whole_mass = float(S.own_old[w] if split else S.own_new[w])
                    gain = own_mass(adds) / (whole_mass or 1.0)
                if gain < config.extra_part_gain:
                    continue
                offers.append((-gain, kind, w, u))
    if not offers:
        return groups
    by_whole = {}
    taken: set[tuple[str, int]] = set()  # parts already given to a whole
    for _gain, kind, w, u in sorted(offers):
        side = "new" if kind == "split" else "old"
        if (side, u) in taken:
            continue
        by_whole.setdefault((kind, w), []).append(u)
        taken.add((side, u))
    out = [g for g in groups]
    for (kind, w), extra in sorted(by_whole.items()):
        parts = wholes[(kind, w)]
        extra = extra[: config.max_parts - len(parts)]
        if not extra:
            continue
        together = tuple(sorted((*parts, *extra)))
        if kind == "split":
            before = _group_score(A[w], [B[p] for p in parts], weights, config)
            alone = max(float(S.combined[w, u]) for u in extra)
            after, change = _group_change(A, B, (w,), together, weights, config)
        else:
            before = _group_score(B[w], [A[p] for p in parts], weights, config)
            alone = max(float(S.combined[u, w]) for u in extra)
            after, change = _group_change(A, B, together, (w,), weights, config)
        if (
            after < config.extra_part_floor
            or after < alone
            or after < before - config.extra_part_slack
        ):
            continue
        out = [
            g
            for g in out
            if set(g.old).isdisjoint(change.old) and set(g.new).isdisjoint(change.new)
        ]
        out.append(change)
    return out


def _twins(A, B, S: ScoreMatrix, links, groups, weights, config) -> list[Change]:
    """An item printed twice in one list: a copy of the report may repeat an ask word for word
    (two numbered items, the same text). The assignment links one of them; the other, left
    unmatched, joins that link as a further part when it is at least `twin_ratio` alike to its
    linked twin (rapidfuzz ratio of the clean texts) and scores at least `cutoff` with the
    twin's counterpart. A one-to-one link becomes a split (new twins) or a merge (old twins);
    a group whose parts are on the twin's side takes it as one more part."""
    if not config.twin_ratio:
        return groups
    in_group_old = {i for g in groups for i in g.old}
    in_group_new = {j for g in groups for j in g.new}
    linked_new = set(links.values())
    free_old = [i for i in range(len(A)) if i not in links and i not in in_group_old]
    free_new = [j for j in range(len(B)) if j not in linked_new and j not in in_group_new]
    if not (free_old or free_new):
        return groups
    # the twin's counterpart(s) on the other side, and the group it sits in (None: one-to-one)
    partner_new: dict[int, tuple[tuple[int, ...], Change | None]] = {}
    partner_old: dict[int, tuple[tuple[int, ...], Change | None]] = {}
    for i, j in links.items():
        if i not in in_group_old and j not in in_group_new:
            partner_new[j] = ((i,), None)
            partner_old[i] = ((j,), None)
    for g in groups:
        if g.kind == "split":  # parts are new items: a new twin joins them
            for j in g.new:
                partner_new[j] = (g.old, g)
        else:
            for i in g.old:
                partner_old[i] = (g.new, g)
    out = list(groups)
    for free, partner, side, other in (
        (free_new, partner_new, B, "new"),
        (free_old, partner_old, A, "old"),
    ):
        taken: set[int] = set()
        for u in free:
            for v, (counter, group) in sorted(partner.items()):
                if v in taken or len(counter) != 1:
                    continue
                w = counter[0]
                score = float(S.combined[w, u] if other == "new" else S.combined[u, w])
                if score < config.cutoff:
                    continue
                if fuzz.ratio(side[u].clean, side[v].clean, processor=None) < config.twin_ratio:
                    continue
                if other == "new":
                    parts = group.new if group is not None else (v,)
                    olds, news = (w,), tuple(sorted((*parts, u)))
                else:
                    parts = group.old if group is not None else (v,)
                    olds, news = tuple(sorted((*parts, u))), (w,)
                _score, change = _group_change(A, B, olds, news, weights, config)
                out = [g for g in out if g is not group]
                out.append(change)
                for p in (*parts, u):
                    partner[p] = (counter, change)
                taken.add(u)
                break
    return out


def _group_score(whole: Item, parts: Sequence[Item], weights, config) -> float:
    part = parts[0] if len(parts) == 1 else joined(parts)
    return score_pair(whole, part, weights=weights, scorer_weights=config.scorer_weights)[0]


def _group_change(A, B, olds, news, weights, config) -> tuple[float, Change]:
    a = A[olds[0]] if len(olds) == 1 else joined([A[i] for i in olds])
    b = B[news[0]] if len(news) == 1 else joined([B[j] for j in news])
    score, parts = score_pair(a, b, weights=weights, scorer_weights=config.scorer_weights)
    change = Change(
        kind="split" if len(olds) == 1 else "merged",
        old=tuple(olds),
        new=tuple(news),
        score=score,
        band=config.band(score),
        scores=parts,
        word_diff=word_diff(a.text, b.text),
    )
    return score, change
