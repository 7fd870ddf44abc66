"""Reviewer overrides: a CSV that people edit, applied on top of the aligner's verdicts.

Columns: country, from_year, from_text_sha256, to_year, to_text_sha256, verdict, note.
The hashes are the sha256 of a recommendation's published text (UTF-8; the
`text_sha256` column of the recommendations table and the `from_text_sha256` /
`to_text_sha256` columns of the changes table), so an override is keyed on text, never on
positions: a re-parse that moves items cannot misapply it. `verdict` is

- `link`: the two items ask the same thing. Links the aligner made to either item are
  replaced; two `link` rows from one old item make a split, two into one new item a merge.
- `unlink`: the two items are different asks: each becomes dropped / added (or leaves its
  split or merge group).

An override that no longer matches (a text changed, a year is gone, the country is not in
the run) is reported as a warning, never silently dropped. Pure: text in, data out.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass

from . import countries
from .align import AlignConfig, Change, link_change, order_changes
from .limits import MAX_OVERRIDE_FIELD
from .model import InputError
from .scoring import Item, TermWeights

COLUMNS = (
    "country",
    "from_year",
    "from_text_sha256",
    "to_year",
    "to_text_sha256",
    "verdict",
    "note",
)
VERDICTS = ("link", "unlink")


def text_sha256(text: str) -> str:
    """The key of a recommendation in overrides: sha256 of its published text, UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Override:
    source: str  # file
    line: int  # line in the file, 1-based (the header is line 1)
    country: str
    country_key: str  # ISO3 code, else the upper-cased name (as Narrative.key)
    from_year: int
    from_text_sha256: str
    to_year: int
    to_text_sha256: str
    verdict: str
    note: str

    @property
    def where(self) -> str:
        return f"{self.source}: line {self.line}"


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """An override that did not apply, for the run's warnings."""

    source: str
    country: str
    country_code: str | None
    year: int
    message: str


def read_overrides(
    text: str, *, source: str
) -> tuple[tuple[Override, ...], tuple[InputError, ...]]:
    """Parse the overrides CSV. A bad row is an error naming the line and what was expected;
    the other rows still count. A field longer than MAX_OVERRIDE_FIELD is such an error, and
    so are two rows for one pair of texts (both lines named; with different verdicts neither
    is applied, with the same verdict the first is)."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        header, problem = None, f"not a CSV header ({exc})"
    else:
        problem = None
    missing = [c for c in COLUMNS if c not in (header or [])]
    if problem or missing:
        return (), (
            InputError(
                source,
                f"{source}: line 1: expected the header {','.join(COLUMNS)}; "
                + (problem or f"missing {', '.join(missing)}"),
            ),
        )
    out: list[Override] = []
    errors: list[InputError] = []
    seen: dict[tuple, int] = {}  # pair -> position in `out`
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:  # a field past the csv module's own bound (128 KiB)
            line = reader.line_num
            errors.append(
                InputError(
                    source,
                    f"{source}: line {line}: not a row tipdiff can read ({exc}): expected "
                    f"fields of at most {MAX_OVERRIDE_FIELD:,} characters "
                    "(tipdiff.limits.MAX_OVERRIDE_FIELD); the row was not applied",
                )
            )
            continue
        line = reader.line_num
        row = dict(zip(header, cells, strict=False))
        values = {k: (row.get(k) or "").strip() for k in COLUMNS}
        if not any(values.values()):
            continue
        longest = max(len(c) for c in cells)
        if longest > MAX_OVERRIDE_FIELD:
            errors.append(
                InputError(
                    source,
                    f"{source}: line {line}: a field of {longest:,} characters: expected "
                    f"fields of at most {MAX_OVERRIDE_FIELD:,} characters "
                    "(tipdiff.limits.MAX_OVERRIDE_FIELD); the row was not applied",
                )
            )
            continue
        problems = []
        if not values["country"]:
            problems.append("a country")
        years = []
        for key in ("from_year", "to_year"):
            if values[key].isdigit() and len(values[key]) == 4:
                years.append(int(values[key]))
            else:
                problems.append(f"{key} as YYYY (got {values[key]!r})")
        for key in ("from_text_sha256", "to_text_sha256"):
            h = values[key].lower()
            if len(h) != 64 or any(ch not in "0123456789abcdef" for ch in h):
                problems.append(f"{key} as 64 hex digits (got {values[key][:20]!r})")
        if values["verdict"].lower() not in VERDICTS:
            problems.append(f"verdict 'link' or 'unlink' (got {values['verdict'][:20]!r})")
        if len(years) == 2 and years[0] >= years[1]:
            problems.append(f"from_year before to_year (got {years[0]} and {years[1]})")
        if problems:
            errors.append(
                InputError(source, f"{source}: line {line}: expected {'; '.join(problems)}")
            )
            continue
        name, code = countries.resolve(values["country"])
        o = Override(
            source=source,
            line=line,
            country=name,
            country_key=code or name.upper(),
            from_year=years[0],
            from_text_sha256=values["from_text_sha256"].lower(),
            to_year=years[1],
            to_text_sha256=values["to_text_sha256"].lower(),
            verdict=values["verdict"].lower(),
            note=values["note"],
        )
        pair = (o.country_key, o.from_year, o.from_text_sha256, o.to_year, o.to_text_sha256)
        if pair not in seen:
            seen[pair] = len(out)
            out.append(o)
            continue
        first = out[seen[pair]]
        if first is None:  # already found in conflict
            errors.append(
                InputError(
                    source,
                    f"{source}: line {line}: a third row for a pair already in conflict: "
                    "expected one row per pair of texts; the row was not applied",
                )
            )
        elif first.verdict != o.verdict:
            out[seen[pair]] = None
            errors.append(
                InputError(
                    source,
                    f"{source}: lines {first.line} and {line}: {first.verdict} and then "
                    f"{o.verdict} for the same pair of {o.country} texts ({o.from_year} "
                    f"{o.from_text_sha256[:12]}…, {o.to_year} {o.to_text_sha256[:12]}…): "
                    "expected one verdict per pair; neither row was applied",
                )
            )
        else:
            errors.append(
                InputError(
                    source,
                    f"{source}: line {line}: the same pair and verdict ({o.verdict}) as line "
                    f"{first.line}: expected one row per pair of texts; line {first.line} "
                    "is applied, this one is not",
                )
            )
    return tuple(o for o in out if o is not None), tuple(errors)


def apply_overrides(
    changes: Sequence[Change],
    old: Sequence[Item],
    new: Sequence[Item],
    overrides: Sequence[Override],
    *,
    weights: TermWeights,
    config: AlignConfig,
) -> tuple[tuple[Change, ...], tuple[tuple[Override, str], ...]]:
    """The changes of one year pair with `overrides` (rows of that country and pair) applied,
    in file order, and the overrides that did not apply, each with the reason."""
    if not overrides:
        return tuple(changes), ()
    old_at = _first_index(old)
    new_at = _first_index(new)
    aligner_links = {lk for c in changes for lk in c.links}
    links: dict[tuple[int, int], Override | None] = dict.fromkeys(aligner_links)  # None: aligner
    touched_old: dict[int, list[Override]] = {}
    touched_new: dict[int, list[Override]] = {}
    skipped: list[tuple[Override, str]] = []
    for o in overrides:
        i, j = old_at.get(o.from_text_sha256), new_at.get(o.to_text_sha256)
        if i is None or j is None:
            side = (o.from_year, o.from_text_sha256) if i is None else (o.to_year, o.to_text_sha256)
            skipped.append(
                (
                    o,
                    f"no {side[0]} recommendation has text sha256 {side[1][:12]}… (the text "
                    "changed or was parsed differently); the override was not applied",
                )
            )
            continue
        if o.verdict == "unlink":
            links.pop((i, j), None)
        else:
            # the reviewer's link replaces the aligner's links of both items
            trial = {k: v for k, v in links.items() if v is not None or (k[0] != i and k[1] != j)}
            trial[(i, j)] = o
            if _many_to_many(trial, i, j):
                skipped.append(
                    (
                        o,
                        "it would join several old and several new recommendations in one "
                        "group; expected a split (one old item) or a merge (one new item); "
                        "the override was not applied",
                    )
                )
                continue
            links = trial
        touched_old.setdefault(i, []).append(o)
        touched_new.setdefault(j, []).append(o)

    by_old: dict[int, Change] = {i: c for c in changes for i in c.old}
    by_new: dict[int, Change] = {j: c for c in changes for j in c.new}
    out: list[Change] = []
    seen_old: set[int] = set()
    seen_new: set[int] = set()
    for olds, news in _components(links):
        seen_old |= set(olds)
        seen_new |= set(news)
        reviewed = [o for i in olds for o in touched_old.get(i, [])] + [
            o for j in news for o in touched_new.get(j, [])
        ]
        original = by_old[olds[0]]
        if not reviewed and original.old == olds and original.new == news:
            out.append(original)  # the aligner's verdict stands
            continue
        # a reviewer's link, or a group that lost a member to one: the verdict is the review's
        out.append(
            link_change(
                old,
                new,
                olds,
                news,
                weights=weights,
                config=config,
                decided_by="review",
                note=_notes(reviewed),
            )
        )
    for i in range(len(old)):
        if i not in seen_old:
            c = by_old[i]
            if c.kind == "dropped" and i not in touched_old:
                out.append(c)
            else:
                note = _notes(touched_old.get(i, ()))
                out.append(Change("dropped", (i,), (), decided_by="review", note=note))
    for j in range(len(new)):
        if j not in seen_new:
            c = by_new[j]
            if c.kind == "added" and j not in touched_new:
                out.append(c)
            else:
                note = _notes(touched_new.get(j, ()))
                out.append(Change("added", (), (j,), decided_by="review", note=note))
    return order_changes(out), tuple(skipped)


def _first_index(items: Sequence[Item]) -> dict[str, int]:
    out: dict[str, int] = {}
    for k, it in enumerate(items):
        out.setdefault(text_sha256(it.text), k)
    return out


def _components(links) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Connected groups of links as (old indexes, new indexes), sorted."""
    groups: list[tuple[set[int], set[int]]] = []
    for i, j in sorted(links):
        hit = [g for g in groups if i in g[0] or j in g[1]]
        merged = ({i}, {j})
        for g in hit:
            merged[0].update(g[0])
            merged[1].update(g[1])
            groups.remove(g)
        groups.append(merged)
    return sorted((tuple(sorted(a)), tuple(sorted(b))) for a, b in groups)


def _many_to_many(links, i: int, j: int) -> bool:
    for olds, news in _components(links):
        if i in olds and len(olds) > 1 and len(news) > 1:
            return True
    return False


def _notes(overrides: Sequence[Override]) -> str | None:
    notes = list(dict.fromkeys(o.note for o in overrides if o.note))
    return "; ".join(notes) or None
