"""Whole-corpus analysis, pure: which pairs to align, aligning a batch, per-country history.

Term weights come from the shipped reference vocabulary, so a pair's alignment depends on
that pair only: adding a report year changes only the pairs that involve it (the pipeline's
cache relies on that).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from .align import DEFAULT_CONFIG, AlignConfig, link_change
from .diff import CountryDiff, diff_narratives, hide_unseen
from .evidence import Body, searched_for
from .lineage import Checks, Lineage, build_lineage
from .model import InputError, Narrative
from .review import Override, ReviewNote, apply_overrides
from .scoring import prepare, reference_weights
from .stock import assign as assign_stock
from .themes import Tags, tag
from .tiers import MOVES, TierYear, tier_doubts, tier_history


@dataclass(frozen=True, slots=True)
class CountryHistory:
    """One country's whole history: the model every output reads."""

    key: str
    country: str
    country_code: str | None
    narratives: tuple[Narrative, ...]  # one per year, ascending
    lineage: Lineage
    tiers: tuple[TierYear, ...]
    # its consecutive-year diffs, ascending, final: overrides applied, `unseen` where a
    # copy hides part of its list, `reinstated` from the lineage (tipdiff.diff)
    diffs: tuple[CountryDiff, ...] = ()
    # (year, message): what the tier facts make doubtful (the report's stated movement
    # against the tiers loaded, the Watch List rule of that year)
    doubts: tuple[tuple[int, str], ...] = ()
    # theme tags of each recommendation: (year, index) -> Tags (tipdiff.themes)
    tags: Mapping[tuple[int, int], Tags] = field(default_factory=dict)
    # stock asks: (year, index) -> group id, for the items given near-identically to
    # several countries that year (tipdiff.stock). Unlike the rest of a history it depends
    # on the other countries of that year, so the country's own page does not show it.
    stock: Mapping[tuple[int, int], str] = field(default_factory=dict)

    @property
    def country_in_report(self) -> str:
        """The name the latest report gives the country ("Burma"), else the standard one."""
        return self.narratives[-1].country_in_report or self.country


def _preference(d: Narrative) -> tuple:
    """The order of DUPLICATE_RULE: more recommendations, fewer warnings, first path."""
    return (-len(d.recommendations), len(d.warnings), d.source)


DUPLICATE_RULE = (
    "the copy with more recommendations is used (a cut-off or partial copy has fewer), then "
    "the one with fewer parser warnings, then the first by path"
)


def _how_they_differ(kept: Narrative, other: Narrative) -> str:
    if kept.sha256 == other.sha256:
        return "the two files are identical"
    a = [r.text for r in kept.recommendations]
    b = [r.text for r in other.recommendations]
    if a == b and kept.tier == other.tier:
        return "the files differ but give the same tier and recommendations"
    parts = []
    if kept.tier != other.tier:
        parts.append(f"tier {kept.tier or 'none'} vs {other.tier or 'none'}")
    if len(a) != len(b):
        parts.append(f"{len(a)} vs {len(b)} recommendations")
    changed = len(set(a) ^ set(b))
    if changed:
        parts.append(f"{changed} recommendation text(s) in only one of them")
    return "the texts differ: " + ", ".join(parts or ["in the order of the recommendations"])


def _why_chosen(kept: Narrative, other: Narrative) -> str:
    if len(kept.recommendations) != len(other.recommendations):
        return (
            f"it has more recommendations ({len(kept.recommendations)} vs "
            f"{len(other.recommendations)})"
        )
    if len(kept.warnings) != len(other.warnings):
        return f"it has fewer parser warnings ({len(kept.warnings)} vs {len(other.warnings)})"
    return "it comes first by path"


def dedupe(docs: Sequence[Narrative]) -> tuple[tuple[Narrative, ...], tuple[InputError, ...]]:
    """One narrative per country and year. When several files give one (the same narrative
    saved from two sites), DUPLICATE_RULE picks the copy that is used, and every other copy
    becomes a warning on the one used, naming both files, saying whether (and how) their
    texts differ and why that copy was chosen: nothing failed, so nothing is an error. Only
    copies that disagree on the tier are errors (which one is right is not for tipdiff to
    guess). Nothing is dropped silently."""
    groups: dict[tuple[str, int], list[Narrative]] = defaultdict(list)
    for d in docs:
        groups[(d.key, d.year)].append(d)
    chosen, errors = [], []
    for k in sorted(groups):
        kept, *others = sorted(groups[k], key=_preference)
        notes = []
        for d in others:
            message = (
                f"{d.country} {d.year} is in {kept.source} and in {d.source}; "
                f"{_how_they_differ(kept, d)}; using {kept.source} because "
                f"{_why_chosen(kept, d)} (rule: {DUPLICATE_RULE})"
            )
            if d.tier != kept.tier:
                errors.append(
                    InputError(
                        d.source,
                        f"{d.source}: {message}: expected copies of one narrative to agree on "
                        "the tier; check which copy is right",
                    )
                )
            else:
                notes.append(f"a second copy: {message}")
        chosen.append(replace(kept, warnings=kept.warnings + tuple(notes)) if notes else kept)
    return tuple(chosen), tuple(errors)


def _by_country(docs: Sequence[Narrative]) -> dict[str, tuple[Narrative, ...]]:
    """Each country's narratives in year order, countries in key order."""
    groups: dict[str, list[Narrative]] = defaultdict(list)
    for d in docs:
        groups[d.key].append(d)
    return {k: tuple(sorted(groups[k], key=lambda d: d.year)) for k in sorted(groups)}


def year_pairs(
    docs: Sequence[Narrative],
) -> dict[tuple[int, int], list[tuple[Narrative, Narrative]]]:
    """Each country's consecutive years present, batched by (from_year, to_year)."""
    batches: dict[tuple[int, int], list[tuple[Narrative, Narrative]]] = defaultdict(list)
    for series in _by_country(docs).values():
        for a, b in pairwise(series):
            batches[(a.year, b.year)].append((a, b))
    return dict(sorted(batches.items()))


def align_batch(
    pairs: Sequence[tuple[Narrative, Narrative]], *, config: AlignConfig = DEFAULT_CONFIG
) -> tuple[CountryDiff, ...]:
    items = {
        id(d): prepare([r.text for r in d.recommendations]) for pair in pairs for d in pair
    }  # each narrative normalized once, though it is in two year pairs
    return tuple(
        diff_narratives(a, b, config=config, prepared=(items[id(a)], items[id(b)]))
        for a, b in pairs
    )


def share_texts(
    docs: Sequence[Narrative], diffs: Sequence[CountryDiff]
) -> tuple[CountryDiff, ...]:
    """The diffs, each text of theirs the same string object as the narrative's text it
    equals. Diffs and narratives loaded from separate cached results arrive with separate
    copies of every text (on the 190 x 24 history about 20 MB of a run's peak)."""
    same: dict[str, str] = {}
    for d in docs:
        for r in d.recommendations:
            same.setdefault(r.text, r.text)

    def shared(texts: tuple[str, ...]) -> tuple[str, ...]:
        return tuple([same.get(t, t) for t in texts])

    return tuple(
        replace(d, old_texts=shared(d.old_texts), new_texts=shared(d.new_texts)) for d in diffs
    )


def histories(
    docs: Sequence[Narrative],
    diffs: Sequence[CountryDiff],
    *,
    config: AlignConfig = DEFAULT_CONFIG,
    checks: Checks | None = None,
) -> tuple[CountryHistory, ...]:
    """Each country's narratives, final diffs, lineage and tiers: the model every output
    reads. `diffs` are the aligner's (reviewer overrides applied); here a side whose copy
    hides part of its list turns the other side's unmatched items `unseen`, and the
    lineage's reinstatements turn added items `reinstated` (with their last earlier wording)
    and mark the dropped ones with the year they return. `checks`: reinstatement checks'
    answers to reuse, and where this run's are kept (lineage.Checks)."""
    diffs_by_key: dict[str, list[CountryDiff]] = defaultdict(list)
    for d in diffs:
        diffs_by_key[d.key].append(hide_unseen(d))
    weights = reference_weights(config.stock_weight)
    out = []
    for key, series in _by_country(docs).items():
        texts = {d.year: [r.text for r in d.recommendations] for d in series}
        mine = sorted(diffs_by_key[key], key=lambda d: d.from_year)
        lineage = build_lineage(key, texts, mine, config=config, checks=checks)
        tiers = tier_history(
            {d.year: d.tier for d in series}, {d.year: d.waiver for d in series}
        )
        out.append(
            CountryHistory(
                key=key,
                country=series[-1].country,
                country_code=series[-1].country_code,
                narratives=series,
                lineage=lineage,
                tiers=tiers,
                diffs=with_evidence(_reinstate(mine, lineage, texts, weights, config), series),
                doubts=tuple(_stated_doubts(series, tiers) + tier_doubts(tiers)),
                tags={
                    (n.year, r.index): tag(r.text) for n in series for r in n.recommendations
                },
            )
        )
    return with_stock(out)


def with_stock(histories: Sequence[CountryHistory]) -> tuple[CountryHistory, ...]:
    """The histories, each knowing which of its recommendations are stock asks of their
    year (tipdiff.stock: near-identical asks given to several countries)."""
    found = assign_stock(
        (h.key, n.year, r.index, r.text)
        for h in histories
        for n in h.narratives
        for r in n.recommendations
    )
    mine: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)
    for (key, year, index), gid in found.items():
        mine[key][(year, index)] = gid
    return tuple(replace(h, stock=mine.get(h.key, {})) for h in histories)


def _reinstate(
    diffs: Sequence[CountryDiff], lineage: Lineage, texts, weights, config: AlignConfig
) -> tuple[CountryDiff, ...]:
    """The diffs with the lineage's reinstatements: the added item becomes `reinstated`,
    scored and word-diffed against its last earlier wording; the dropped one says when it
    comes back."""
    if not lineage.reinstatements:
        return tuple(diffs)
    back_at = {(later, n): (y, o) for y, o, later, n in lineage.reinstatements}
    returns = {(y, o): later for y, o, later, _n in lineage.reinstatements}
    out = []
    for d in diffs:
        changes = []
        for c in d.changes:
            if c.kind == "added" and (d.to_year, c.new[0]) in back_at:
                year, i = back_at[(d.to_year, c.new[0])]
                linked = link_change(
                    prepare([texts[year][i]]),
                    prepare([d.new_texts[c.new[0]]]),
                    [0],
                    [0],
                    weights=weights,
                    config=config,
                )
                c = replace(
                    c,
                    kind="reinstated",
                    score=linked.score,
                    band=linked.band,
                    scores=linked.scores,
                    word_diff=linked.word_diff if linked.kind == "reworded" else (),
                    candidates=(),
                    last_asked=(year, i),
                )
            elif c.kind == "dropped" and (d.from_year, c.old[0]) in returns:
                c = replace(c, returns_in=returns[(d.from_year, c.old[0])])
            changes.append(c)
        out.append(replace(d, changes=tuple(changes)))
    return tuple(out)


def with_evidence(
    diffs: Sequence[CountryDiff], series: Sequence[Narrative]
) -> tuple[CountryDiff, ...]:
    """The diffs with what the later report's body says of each dropped ask and each
    reworded-weaker one (tipdiff.evidence). A copy with no body gives no evidence (None):
    nothing was searched, which is not the same as nothing found."""
    by_year = {n.year: n for n in series}
    out = []
    for d in diffs:
        later = by_year.get(d.to_year)
        body = None
        changes = []
        for c in d.changes:
            old = d.old_texts[c.old[0]] if c.old else None
            new = d.new_texts[c.new[0]] if c.new else None
            if later is not None and later.sentences and searched_for(c.kind, c.band, old, new):
                if body is None:
                    body = Body(later.sentences, year=d.to_year)
                c = replace(c, evidence=body.find(" ".join(d.old_texts[i] for i in c.old)))
            changes.append(c)
        out.append(replace(d, changes=tuple(changes)) if body is not None else d)
    return tuple(out)


def _stated_doubts(series: Sequence[Narrative], tiers: Sequence[TierYear]) -> list:
    """(year, message) where the movement a report states disagrees with the tiers loaded
    for it and the year before (only for consecutive report years, both tiers ranked)."""
    out = []
    prev = None
    for n, t in zip(series, tiers, strict=True):
        if (
            prev is not None
            and prev.year == n.year - 1
            and n.tier_movement in MOVES
            and t.tier_change in MOVES
            and n.tier_movement != t.tier_change
        ):
            out.append(
                (
                    n.year,
                    f"the {n.year} report says {n.country_in_report or n.country} "
                    f"{n.tier_movement} ({n.tier_movement_text}) but the {prev.year} copy has "
                    f"{prev.tier} and this one {n.tier}: {t.tier_change} by the tiers loaded",
                )
            )
        prev = n
    return out


def apply_reviews(
    diffs: Sequence[CountryDiff],
    overrides: Sequence[Override],
    *,
    config: AlignConfig = DEFAULT_CONFIG,
) -> tuple[tuple[CountryDiff, ...], tuple[ReviewNote, ...]]:
    """The diffs with reviewer overrides applied, and a note for every override that did not
    apply (no such country and year pair in this run, or no recommendation with its text)."""
    wanted: dict[tuple[str, int, int], list[Override]] = defaultdict(list)
    for o in overrides:
        wanted[(o.country_key, o.from_year, o.to_year)].append(o)
    weights = reference_weights(config.stock_weight)
    out, notes = [], []
    for d in diffs:
        mine = wanted.pop((d.key, d.from_year, d.to_year), None)
        if not mine:
            out.append(d)
            continue
        changes, skipped = apply_overrides(
            d.changes,
            prepare(d.old_texts),
            prepare(d.new_texts),
            mine,
            weights=weights,
            config=config,
        )
        out.append(replace(d, changes=changes))
        notes += [
            ReviewNote(o.source, d.country, d.country_code, d.to_year, f"{o.where}: {why}")
            for o, why in skipped
        ]
    for (_key, from_year, to_year), rows in sorted(wanted.items()):
        for o in rows:
            notes.append(
                ReviewNote(
                    o.source,
                    o.country,
                    None if o.country_key == o.country.upper() else o.country_key,
                    to_year,
                    f"{o.where}: {o.country} has no {from_year}→{to_year} year pair in this "
                    "run; the override was not applied",
                )
            )
    return tuple(out), tuple(notes)


@dataclass(frozen=True, slots=True)
class Analysis:
    """What a set of narratives says, as every output reads it."""

    histories: tuple[CountryHistory, ...]
    notes: tuple[ReviewNote, ...]  # reviewer overrides that did not apply
    duplicates: tuple[InputError, ...]  # second copies of a country and year (dedupe)


def analyse(
    docs: Sequence[Narrative],
    overrides: Sequence[Override] = (),
    *,
    config: AlignConfig = DEFAULT_CONFIG,
    checks: Checks | None = None,
) -> Analysis:
    """The whole model from parsed narratives, in one call: one copy per country and year,
    each country's consecutive years aligned, reviewer overrides applied, then histories
    (unseen, reinstated, lineage, tiers). `tipdiff run` makes the same steps as tasks (so
    their results can be cached and retried); `tipdiff diff` and the Python API call this:
    the verdicts are the same."""
    chosen, duplicates = dedupe(docs)
    diffs = [
        d for pairs in year_pairs(chosen).values() for d in align_batch(pairs, config=config)
    ]
    diffs, notes = apply_reviews(diffs, overrides, config=config)
    return Analysis(histories(chosen, diffs, config=config, checks=checks), notes, duplicates)
