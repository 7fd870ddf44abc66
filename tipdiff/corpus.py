"""Whole-corpus analysis, pure: which pairs to align, aligning a batch, per-country history.

Term weights come from the shipped reference vocabulary, so a pair's alignment depends on
that pair only: adding a report year changes only the pairs that involve it (the pipeline's
cache relies on that).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from .align import DEFAULT_CONFIG, AlignConfig
from .diff import CountryDiff, diff_narratives
from .lineage import Checks, Lineage, build_lineage
from .model import InputError, Narrative
from .review import Override, ReviewNote, apply_overrides
from .scoring import prepare, reference_weights
from .tiers import TierYear, tier_history


@dataclass(frozen=True, slots=True)
class CountryHistory:
    key: str
    country: str
    country_code: str | None
    narratives: tuple[Narrative, ...]  # one per year, ascending
    lineage: Lineage
    tiers: tuple[TierYear, ...]


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
    """Each country's narratives, lineage and tiers. `checks`: reinstatement checks' answers
    to reuse, and where this run's are kept (lineage.Checks)."""
    diffs_by_key: dict[str, list[CountryDiff]] = defaultdict(list)
    for d in diffs:
        diffs_by_key[d.key].append(d)
    out = []
    for key, series in _by_country(docs).items():
        texts = {d.year: [r.text for r in d.recommendations] for d in series}
        lineage = build_lineage(
            key,
            texts,
            sorted(diffs_by_key[key], key=lambda d: d.from_year),
            config=config,
            checks=checks,
        )
        out.append(
            CountryHistory(
                key=key,
                country=series[-1].country,
                country_code=series[-1].country_code,
                narratives=series,
                lineage=lineage,
                tiers=tier_history({d.year: d.tier for d in series}),
            )
        )
    return tuple(out)


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
