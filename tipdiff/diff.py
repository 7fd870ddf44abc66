"""The diff model: one country, two years. Every renderer reads this; none recomputes it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .align import DEFAULT_CONFIG, KINDS, AlignConfig, Change, align
from .model import Narrative
from .scoring import Item, TermWeights, prepare
from .tiers import tier_move


@dataclass(frozen=True, slots=True)
class CountryDiff:
    country: str
    country_code: str | None
    from_year: int
    to_year: int
    tier_from: str | None
    tier_to: str | None
    tier_change: str | None
    old_texts: tuple[str, ...]
    new_texts: tuple[str, ...]
    changes: tuple[Change, ...]

    @property
    def key(self) -> str:
        """Identity of the country across years (as Narrative.key)."""
        return self.country_code or self.country.upper()

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(KINDS, 0)
        for c in self.changes:
            out[c.kind] += 1
        return out

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "country_code": self.country_code,
            "from_year": self.from_year,
            "to_year": self.to_year,
            "tier_from": self.tier_from,
            "tier_to": self.tier_to,
            "tier_change": self.tier_change,
            "changes": [
                {
                    "kind": c.kind,
                    "from": list(c.old),
                    "to": list(c.new),
                    "score": c.score,
                    "band": c.band,
                    "scores": dict(c.scores),
                    "word_diff": [list(w) for w in c.word_diff],
                    "candidates": [{"index": k, "score": s} for k, s in c.candidates],
                    "decided_by": c.decided_by,
                    "note": c.note,
                }
                for c in self.changes
            ],
        }


def diff_narratives(
    old: Narrative,
    new: Narrative,
    *,
    weights: TermWeights | None = None,
    config: AlignConfig = DEFAULT_CONFIG,
    prepared: tuple[Sequence[Item], Sequence[Item]] | None = None,
) -> CountryDiff:
    """The diff of two years of one country. `prepared` passes items already prepared
    (align.prepare) for these two narratives, so a batch normalizes each text once."""
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
        tier_change=tier_move(old.tier, new.tier),
        old_texts=a,
        new_texts=b,
        changes=align(items_a, items_b, weights=weights, config=config),
    )


def pair_documents(old_docs: Sequence[Narrative], new_docs: Sequence[Narrative]):
    """Countries present on both sides, by key (ISO3 code, else name), in new-side order."""
    olds = {d.key: d for d in old_docs}
    return [(olds[d.key], d) for d in new_docs if d.key in olds]
