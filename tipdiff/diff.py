"""The diff model: one country, two years. Every renderer reads this; none recomputes it.

A diff's changes carry one of KINDS. The aligner gives the first six for the two lists it
sees; the rest of the model comes from what the aligner cannot see:
- `unseen` (hide_unseen): an item with no counterpart because the other year's copy does
  not show its whole list (model.LIST_HIDDEN: cut off inside the list, or ending before it).
  Claiming it added or dropped would claim what the copy cannot show.
- `reinstated` (tipdiff.corpus, from the lineage): an item added in this year that an earlier
  report asked and the one before this year did not; it carries its last earlier wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .align import DEFAULT_CONFIG, AlignConfig, Change, align
from .model import LIST_HIDDEN, Narrative
from .scoring import Item, TermWeights, prepare
from .tiers import tier_change

# Every kind of change, in the order outputs list them.
KINDS = (
    "unchanged",
    "reworded",
    "split",
    "merged",
    "added",
    "reinstated",
    "dropped",
    "unseen",
)
# Kinds that link items of the two years (the rest concern one side only).
LINKED = ("unchanged", "reworded", "split", "merged")
KIND_MEANING = {
    "unchanged": "asked again in the same words (ignoring case, spacing and punctuation)",
    "reworded": "one recommendation asked again in other words; the word diff shows how",
    "split": "one recommendation of the earlier year became several in the later year",
    "merged": "several recommendations of the earlier year became one in the later year",
    "added": "new in the later year: nothing in the earlier year asked the same",
    "reinstated": "in the later year, asked in an earlier report but not in the year before: "
    "it came back (within two reports); shown with its last earlier wording",
    "dropped": "asked in the earlier year, not in the later year",
    "unseen": "no counterpart in the other year's copy, but that copy does not show its "
    "whole list (it is cut off inside the list, or ends before it): not in the visible part of "
    "the cut-off copy, so neither added nor dropped can be claimed",
}


@dataclass(frozen=True, slots=True)
class CountryDiff:
    country: str
    country_code: str | None
    from_year: int
    to_year: int
    tier_from: str | None
    tier_to: str | None
    tier_change: str | None  # tiers.CHANGES
    old_texts: tuple[str, ...]
    new_texts: tuple[str, ...]
    changes: tuple[Change, ...]
    old_list: str = "whole"  # model.LIST_STATUSES of each year's copy
    new_list: str = "whole"

    @property
    def key(self) -> str:
        """Identity of the country across years (as Narrative.key)."""
        return self.country_code or self.country.upper()

    def counts(self) -> dict[str, int]:
        """Changes per kind (a split or a merge counts once), every kind present."""
        out = dict.fromkeys(KINDS, 0)
        for c in self.changes:
            out[c.kind] += 1
        return out


def diff_narratives(
    old: Narrative,
    new: Narrative,
    *,
    weights: TermWeights | None = None,
    config: AlignConfig = DEFAULT_CONFIG,
    prepared: tuple[Sequence[Item], Sequence[Item]] | None = None,
) -> CountryDiff:
    """The aligner's diff of two years of one country. `prepared` passes items already
    prepared (align.prepare) for these two narratives, so a batch normalizes each text once.
    The model's last steps (reviewer overrides, hide_unseen, reinstated) are the corpus's."""
    a = tuple(r.text for r in old.recommendations)
    b = tuple(r.text for r in new.recommendations)
    items_a, items_b = prepared or (prepare(a), prepare(b))
    return CountryDiff(
        country=new.country,
        country_code=new.country_code,
        from_year=old.year,
        to_year=new.year,
        tier_from=old.tier,
        tier_to=new.tier,
        tier_change=tier_change(old.tier, new.tier),
        old_texts=a,
        new_texts=b,
        changes=align(items_a, items_b, weights=weights, config=config),
        old_list=old.list_status,
        new_list=new.list_status,
    )


def hide_unseen(d: CountryDiff) -> CountryDiff:
    """The diff with `unseen` where a side's copy does not show its whole list: the
    other side's dropped (or added) items are not in the visible part of the cut copy."""
    hide_old = d.new_list in LIST_HIDDEN  # the new copy is cut: old items may be in it
    hide_new = d.old_list in LIST_HIDDEN
    if not (hide_old or hide_new):
        return d
    changes = tuple(
        replace(c, kind="unseen")
        if (c.kind == "dropped" and hide_old) or (c.kind == "added" and hide_new)
        else c
        for c in d.changes
    )
    return replace(d, changes=changes)


def pair_documents(old_docs: Sequence[Narrative], new_docs: Sequence[Narrative]):
    """Countries present on both sides, by key (ISO3 code, else name), in new-side order."""
    olds = {d.key: d for d in old_docs}
    return [(olds[d.key], d) for d in new_docs if d.key in olds]
