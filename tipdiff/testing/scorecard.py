"""Quality of a run on a synthetic history (tipdiff.testing.history), against its truth.

`score(history, tables)` reads a run's published tables (recommendations, changes, tiers,
lineage as DataFrames) and measures, end to end:
- documents: found, item list exactly right, tier right (overall and per input shape);
- year pairs: link precision, recall and F1 (and recall per kind of link), added and dropped
  (precision, recall, and the accuracy of every item's added/dropped status), split and merge
  recall (all links of the group found), tier changes;
- reinstated items: recall and precision of the lineage's `reinstated` threads.
The two baselines (exact text, and a greedy one-to-one match on rapidfuzz token_set_ratio
>= 60, as bench/bench_align.py defines them) run on the same parsed lists, so the figures
compare aligners on one corpus. Pair figures are given over all pairs and over the pairs
whose two lists were parsed exactly (the aligner on its own).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
from rapidfuzz import fuzz, process

from ..normalize import clean
from .history import LINK_KINDS, History, PairTruth

Links = set[tuple[int, int]]
# A system: (old texts, new texts) -> (links, added new indices, dropped old indices)
System = Callable[[Sequence[str], Sequence[str]], tuple[Links, set[int], set[int]]]


def exact_baseline(old: Sequence[str], new: Sequence[str]) -> tuple[Links, set[int], set[int]]:
    """Link items whose cleaned text is identical, one to one, in order."""
    free = list(range(len(new)))
    links = set()
    cleaned_new = [clean(b) for b in new]
    for i, a in enumerate(old):
        ca = clean(a)
        for j in free:
            if ca == cleaned_new[j]:
                links.add((i, j))
                free.remove(j)
                break
    return _with_rest(old, new, links)


def greedy_baseline(
    old: Sequence[str], new: Sequence[str], threshold: float = 60.0
) -> tuple[Links, set[int], set[int]]:
    """The obvious baseline: one-to-one greedy on rapidfuzz token_set_ratio >= threshold."""
    if not old or not new:
        return _with_rest(old, new, set())
    m = process.cdist([clean(a) for a in old], [clean(b) for b in new], scorer=fuzz.token_set_ratio)
    order = sorted(
        ((m[i][j], i, j) for i in range(len(old)) for j in range(len(new))), reverse=True
    )
    used_o, used_n, links = set(), set(), set()
    for s, i, j in order:
        if s >= threshold and i not in used_o and j not in used_n:
            links.add((i, j))
            used_o.add(i)
            used_n.add(j)
    return _with_rest(old, new, links)


def _with_rest(old, new, links):
    return (
        links,
        {j for j in range(len(new)) if j not in {b for _, b in links}},
        {i for i in range(len(old)) if i not in {a for a, _ in links}},
    )


BASELINES: dict[str, System] = {
    "baseline: exact text": exact_baseline,
    "baseline: greedy token_set>=60": greedy_baseline,
}


def _lists(recs: pd.DataFrame) -> dict[tuple[str, int], list[str]]:
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    df = recs.sort_values(["country", "year", "number"])
    for c, y, t in zip(df["country"], df["year"], df["text"], strict=True):
        out[(str(c), int(y))].append(str(t))
    return out


def _tipdiff_pairs(changes: pd.DataFrame) -> dict[tuple[str, int, int], tuple]:
    """(country, from, to) -> (links, added, dropped) as the run published them."""
    out: dict[tuple[str, int, int], tuple[Links, set[int], set[int]]] = defaultdict(
        lambda: (set(), set(), set())
    )
    cols = [
        changes[c] for c in ("country", "from_year", "to_year", "kind", "from_number", "to_number")
    ]
    for c, fy, ty, kind, o, n in zip(*cols, strict=True):
        links, added, dropped = out[(str(c), int(fy), int(ty))]
        # the truth numbers items from 0; the tables from 1 (records.NUMBERING)
        o = None if pd.isna(o) else int(o) - 1
        n = None if pd.isna(n) else int(n) - 1
        if kind in ("added", "reinstated") or (kind == "unseen" and o is None):
            added.add(n)
        elif kind in ("dropped", "unseen"):
            dropped.add(o)
        else:
            links.add((o, n))
    return out


def _pair_scores(
    truths: Sequence[PairTruth], predicted: Mapping[tuple[str, int, int], tuple]
) -> dict:
    tp = fp = fn = 0
    kind_found: Counter[str] = Counter()
    kind_total: Counter[str] = Counter()
    counts = Counter()
    for p in truths:
        links, added, dropped = predicted.get(
            (p.country, p.from_year, p.to_year), (set(), set(), set())
        )
        gold = set(p.links)
        tp += len(links & gold)
        fp += len(links - gold)
        fn += len(gold - links)
        for lk, kind in p.links.items():
            kind_total[kind] += 1
            kind_found[kind] += lk in links
        for name, got, want in (("added", added, p.added), ("dropped", dropped, p.dropped)):
            counts[f"{name}_tp"] += len(got & want)
            counts[f"{name}_fp"] += len(got - want)
            counts[f"{name}_fn"] += len(want - got)
        n_old = 1 + max([o for o, _ in p.links] + list(p.dropped), default=-1)
        n_new = 1 + max([n for _, n in p.links] + list(p.added), default=-1)
        counts["status_total"] += n_old + n_new
        counts["status_right"] += sum((i in dropped) == (i in p.dropped) for i in range(n_old))
        counts["status_right"] += sum((j in added) == (j in p.added) for j in range(n_new))
        for whole, parts in p.splits:
            counts["splits"] += 1
            counts["splits_found"] += all((whole, j) in links for j in parts)
        for parts, whole in p.merges:
            counts["merges"] += 1
            counts["merges_found"] += all((i, whole) in links for i in parts)
    out = {"pairs": len(truths), "links": tp + fn, **_prf(tp, fp, fn)}
    for name in ("added", "dropped"):
        prf = _prf(counts[f"{name}_tp"], counts[f"{name}_fp"], counts[f"{name}_fn"])
        out[name] = {"n": counts[f"{name}_tp"] + counts[f"{name}_fn"], **prf}
    out["added_dropped_accuracy"] = _ratio(counts["status_right"], counts["status_total"])
    out["splits"] = counts["splits"]
    out["split_recall"] = _ratio(counts["splits_found"], counts["splits"])
    out["merges"] = counts["merges"]
    out["merge_recall"] = _ratio(counts["merges_found"], counts["merges"])
    out["recall_by_kind"] = {
        k: {"n": kind_total[k], "recall": _ratio(kind_found[k], kind_total[k])}
        for k in LINK_KINDS
        if kind_total[k]
    }
    return out


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = _ratio(tp, tp + fp)
    r = _ratio(tp, tp + fn)
    f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    return {"precision": p, "recall": r, "f1": f1}


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score(history: History, tables: Mapping[str, pd.DataFrame]) -> dict:
    """Every quality figure of one run on `history` (see the module doc)."""
    lists = _lists(tables["recommendations"])
    tiers = {
        (str(c), int(y)): (None if pd.isna(t) else str(t), None if pd.isna(m) else str(m))
        for c, y, t, m in zip(
            tables["tiers"]["country"],
            tables["tiers"]["year"],
            tables["tiers"]["tier"],
            tables["tiers"]["tier_change"],
            strict=True,
        )
    }
    # documents
    found = exact = tier_right = 0
    by_shape: dict[str, Counter] = defaultdict(Counter)
    parsed_exactly: set[tuple[str, int]] = set()
    for d in history.documents:
        k = (d.country, d.year)
        s = by_shape[d.shape]
        s["n"] += 1
        if k not in tiers:
            continue
        found += 1
        s["found"] += 1
        if tuple(lists.get(k, ())) == d.items:
            exact += 1
            s["exact"] += 1
            parsed_exactly.add(k)
        if tiers[k][0] == d.tier:
            tier_right += 1
            s["tier"] += 1
    n_docs = len(history.documents)
    documents = {
        "n": n_docs,
        "found": _ratio(found, n_docs),
        "list_exact": _ratio(exact, n_docs),
        "tier_exact": _ratio(tier_right, n_docs),
        "extra": len(set(tiers) - {(d.country, d.year) for d in history.documents}),
        "by_shape": {
            shape: {
                "n": c["n"],
                "list_exact": _ratio(c["exact"], c["n"]),
                "tier_exact": _ratio(c["tier"], c["n"]),
            }
            for shape, c in sorted(by_shape.items())
        },
    }
    # year pairs, by system
    systems: dict[str, Mapping] = {"tipdiff": _tipdiff_pairs(tables["changes"])}
    for name, fn in BASELINES.items():
        systems[name] = {
            (p.country, p.from_year, p.to_year): fn(
                lists.get((p.country, p.from_year), []), lists.get((p.country, p.to_year), [])
            )
            for p in history.pairs
        }
    clean_pairs = [
        p
        for p in history.pairs
        if (p.country, p.from_year) in parsed_exactly and (p.country, p.to_year) in parsed_exactly
    ]
    pairs = {
        name: {
            "all_pairs": _pair_scores(history.pairs, pred),
            "pairs_parsed_exactly": _pair_scores(clean_pairs, pred),
        }
        for name, pred in systems.items()
    }
    # tier changes
    moves_right = moves_n = 0
    for p in history.pairs:
        moves_n += 1
        got = tiers.get((p.country, p.to_year), (None, None))[1]
        got = None if got == "unranked" else got  # the truth leaves Special Case moves empty
        moves_right += got == p.tier_change
    # reinstated items
    lineage_of = {
        (str(c), int(y), int(i) - 1): str(lid)
        for c, y, i, lid in zip(
            tables["recommendations"]["country"],
            tables["recommendations"]["year"],
            tables["recommendations"]["number"],
            tables["recommendations"]["lineage_id"],
            strict=True,
        )
    }
    flagged = set(tables["lineage"].loc[tables["lineage"]["reinstated"].astype(bool), "lineage_id"])
    hits, true_threads = 0, set()
    for r in history.reinstated:
        a = lineage_of.get((r.country, r.from_year, r.from_index))
        b = lineage_of.get((r.country, r.to_year, r.to_index))
        if a is not None and a == b:
            true_threads.add(a)
            hits += a in flagged
    reinstated = {
        "n": len(history.reinstated),
        "recall": _ratio(hits, len(history.reinstated)),
        "flagged_threads": len(flagged),
        "precision": _ratio(len(flagged & true_threads), len(flagged)),
    }
    return {
        "documents": documents,
        "pairs": pairs,
        "tier_changes": {"n": moves_n, "accuracy": _ratio(moves_right, moves_n)},
        "reinstated": reinstated,
    }
