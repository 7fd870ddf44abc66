"""Aligner quality on the realistic evaluation set, per kind, beside two baselines; then speed.

The set (bench/evalset/, see its README) is written in our own words after a survey of real
consecutive-year narratives: `tune.jsonl` is what thresholds were chosen on, `heldout.jsonl`
was never tuned on. Both are reported apart. Optionally `--real-dev DIR` and `--real-held DIR`
measure on folders of hand-labelled REAL year pairs kept outside the repository (one JSON
file per pair, same fields; never committed): a development set that was looked at while
working, and a held-back set of other countries that was not.

Run with `make bench-align`. Prints, and writes bench/results/align.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tipdiff.align import DEFAULT_CONFIG, AlignConfig, Change, align  # noqa: E402
from tipdiff.lineage import build_lineage  # noqa: E402
from tipdiff.normalize import clean  # noqa: E402
from tipdiff.scoring import prepare  # noqa: E402
from tipdiff.testing.evalset import make_chain  # noqa: E402

EVALSET = ROOT / "bench" / "evalset"
LINK_KINDS = ("verbatim", "light_edit", "paraphrase", "narrowing", "broadening", "split", "merge")


@dataclass
class Pair:
    id: str
    old: list[str]
    new: list[str]
    links: dict[tuple[int, int], str]  # (old, new) -> kind
    added: set[int]
    dropped: set[int]
    decoys: set[tuple[int, int]]
    older: list[str] = field(default_factory=list)
    reinstated: list[tuple[int, int]] = field(default_factory=list)  # (older index, new index)
    era: str = ""

    @property
    def splits(self) -> set[tuple[int, tuple[int, ...]]]:
        return self._groups("split", by_old=True)

    @property
    def merges(self) -> set[tuple[tuple[int, ...], int]]:
        return self._groups("merge", by_old=False)

    def _groups(self, kind, *, by_old):
        groups: dict[int, list[int]] = {}
        for (o, n), k in self.links.items():
            if k == kind:
                key, other = (o, n) if by_old else (n, o)
                groups.setdefault(key, []).append(other)
        if by_old:
            return {(k, tuple(sorted(v))) for k, v in groups.items() if len(v) > 1}
        return {(tuple(sorted(v)), k) for k, v in groups.items() if len(v) > 1}


def load(path: Path) -> list[Pair]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        out.append(_pair(d, d.get("id", path.stem)))
    return out


def _pair(d: dict, pid: str) -> Pair:
    return Pair(
        id=pid,
        old=list(d["old"]),
        new=list(d["new"]),
        links={(x["old"], x["new"]): x["kind"] for x in d["links"]},
        added={x["new"] for x in d.get("added", [])},
        dropped={x["old"] for x in d.get("dropped", [])},
        decoys={(x["old"], x["new"]) for x in d.get("decoys", [])},
        older=list(d.get("older", [])),
        reinstated=[(x["older"], x["new"]) for x in d.get("reinstated", [])],
        era=d.get("era", ""),
    )


def load_real(folder: Path) -> list[Pair]:
    """Real labelled pairs (outside the repo), one JSON file each."""
    return [
        _pair(json.loads(path.read_text(encoding="utf-8")), path.stem)
        for path in sorted(folder.glob("*.json"))
    ]


# ------------------------------------------------------------------------------- systems


def exact_baseline(old, new):
    free = list(range(len(new)))
    links = []
    for i, a in enumerate(old):
        for j in free:
            if clean(a) == clean(new[j]):
                links.append((i, j))
                free.remove(j)
                break
    return _as_changes(old, new, links)


def greedy_baseline(old, new, threshold=60.0):
    """The obvious baseline: one-to-one greedy on rapidfuzz token_set_ratio >= 60."""
    pairs = sorted(
        (
            (fuzz.token_set_ratio(clean(a), clean(b), processor=None), i, j)
            for i, a in enumerate(old)
            for j, b in enumerate(new)
        ),
        reverse=True,
    )
    used_o, used_n, links = set(), set(), []
    for score, i, j in pairs:
        if score >= threshold and i not in used_o and j not in used_n:
            links.append((i, j))
            used_o.add(i)
            used_n.add(j)
    return _as_changes(old, new, links)


def _as_changes(old, new, links):
    out = [Change("reworded", (i,), (j,)) for i, j in links]
    out += [Change("dropped", (i,), ()) for i in range(len(old)) if i not in {a for a, _ in links}]
    out += [Change("added", (), (j,)) for j in range(len(new)) if j not in {b for _, b in links}]
    return out


# ------------------------------------------------------------------------------- metrics


def evaluate(pairs: list[Pair], aligner, *, config: AlignConfig | None = None) -> dict:
    tp = fp = fn = 0
    by_kind_found: Counter[str] = Counter()
    by_kind_total: Counter[str] = Counter()
    ad_right = ad_total = 0
    split_found = split_total = merge_found = merge_total = 0
    decoys_linked = decoys_total = 0
    reinst_found = reinst_total = 0
    missed_as_candidate = 0
    for p in pairs:
        changes = aligner(p.old, p.new)
        links = {lk for c in changes for lk in c.links}
        gold = set(p.links)
        tp += len(links & gold)
        fp += len(links - gold)
        fn += len(gold - links)
        offered = {
            (c.old[0], k) if c.kind == "dropped" else (k, c.new[0])
            for c in changes
            if c.kind in ("added", "dropped")
            for k, _score in c.candidates
        }
        missed_as_candidate += len((gold - links) & offered)
        for lk, kind in p.links.items():
            by_kind_total[kind] += 1
            by_kind_found[kind] += lk in links
        added = {j for c in changes if c.kind == "added" for j in c.new}
        dropped = {i for c in changes if c.kind == "dropped" for i in c.old}
        ad_total += len(p.old) + len(p.new)
        ad_right += sum((i in dropped) == (i in p.dropped) for i in range(len(p.old)))
        ad_right += sum((j in added) == (j in p.added) for j in range(len(p.new)))
        for whole, parts in p.splits:
            split_total += 1
            split_found += all((whole, j) in links for j in parts)
        for parts, whole in p.merges:
            merge_total += 1
            merge_found += all((i, whole) in links for i in parts)
        decoys_total += len(p.decoys)
        decoys_linked += len(p.decoys & links)
        if p.older and p.reinstated and config is not None:
            reinst_total += len(p.reinstated)
            reinst_found += _reinstated_found(p, changes, config)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "pairs": len(pairs),
        "links": tp + fn,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "added_dropped_acc": ad_right / ad_total if ad_total else float("nan"),
        "split_recall": split_found / split_total if split_total else float("nan"),
        "merge_recall": merge_found / merge_total if merge_total else float("nan"),
        "splits": split_total,
        "merges": merge_total,
        "decoys_linked": decoys_linked,
        "decoys": decoys_total,
        "reinstated_recall": reinst_found / reinst_total if reinst_total else float("nan"),
        "reinstated": reinst_total,
        "missed_links_offered_as_possible": missed_as_candidate,
        "recall_by_kind": {
            k: (by_kind_found[k] / by_kind_total[k], by_kind_total[k])
            for k in LINK_KINDS
            if by_kind_total[k]
        },
    }


def _reinstated_found(p: Pair, changes, config) -> int:
    """Lineage over (older, old, new): does each reinstated item join its older thread?"""
    y0, y1, y2 = 1, 2, 3
    older_to_old = align(p.older, p.old, config=config)
    from tipdiff.diff import CountryDiff

    def cd(a, b, ta, tb, ch):
        return CountryDiff("X", None, a, b, None, None, None, tuple(ta), tuple(tb), tuple(ch))

    lin = build_lineage(
        "X",
        {y0: p.older, y1: p.old, y2: p.new},
        [cd(y0, y1, p.older, p.old, older_to_old), cd(y1, y2, p.old, p.new, changes)],
        config=config,
    )
    return sum(lin.id_of[(y0, k)] == lin.id_of[(y2, j)] for k, j in p.reinstated)


def systems(config: AlignConfig):
    return {
        "tipdiff": lambda o, n: align(o, n, config=config),
        "baseline: exact text": exact_baseline,
        "baseline: greedy token_set>=60": greedy_baseline,
    }


def report(title: str, pairs: list[Pair], config: AlignConfig, results: dict) -> None:
    if not pairs:
        return
    n_links = sum(len(p.links) for p in pairs)
    print(
        f"\n{title}: {len(pairs)} pairs, {n_links} true links, "
        f"{sum(len(p.added) for p in pairs)} added, {sum(len(p.dropped) for p in pairs)} dropped, "
        f"{sum(len(p.decoys) for p in pairs)} decoys"
    )
    print(
        f"{'system':<32} {'P':>6} {'R':>6} {'F1':>6} {'add/drop':>9} {'split R':>8} "
        f"{'merge R':>8} {'decoys':>7} {'reinst':>7}"
    )
    part = results.setdefault(title, {})
    for name, fn in systems(config).items():
        r = part[name] = evaluate(pairs, fn, config=config if name == "tipdiff" else None)
        print(
            f"{name:<32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
            f"{r['added_dropped_acc']:9.3f} {r['split_recall']:8.3f} {r['merge_recall']:8.3f} "
            f"{r['decoys_linked']:>3}/{r['decoys']:<3} {r['reinstated_recall']:7.3f}"
        )
    r = part["tipdiff"]
    missed = r["links"] - round(r["recall"] * r["links"])
    print(
        f"  tipdiff missed {missed} true links; {r['missed_links_offered_as_possible']} of them "
        "are shown to the reader as 'possibly the same as' (candidates)"
    )
    print("  recall by kind (tipdiff | exact | greedy; n):")
    t, e, g = (part[k]["recall_by_kind"] for k in systems(config))
    for kind, (rec, n) in t.items():
        print(f"    {kind:<12} {rec:6.3f} | {e[kind][0]:6.3f} | {g[kind][0]:6.3f}   n={n}")


def speed() -> dict:
    """Every consecutive-year pair of a 190-country x 25-year corpus, as the pipeline does it:
    each year's list is prepared once and used in its two pairs."""
    chains = [make_chain(c, 25) for c in range(190)]
    n_pairs = sum(len(ch) - 1 for ch in chains)
    n_items = sum(len(year) for ch in chains for year in ch)
    times = []
    for _ in range(3):
        t0 = time.perf_counter()
        for ch in chains:
            prepared = [prepare(year) for year in ch]
            for a, b in pairwise(prepared):
                align(a, b)
        times.append(time.perf_counter() - t0)
    print(
        f"\nspeed: {n_pairs} pairs (190 countries x 25 years, {n_items} items), "
        f"median {statistics.median(times):.2f} s of 3 runs "
        f"({', '.join(f'{t:.2f}' for t in times)}); target < 2 s"
    )
    median = statistics.median(times)
    return {"pairs": n_pairs, "items": n_items, "seconds": times, "median": median}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--real-dev", type=Path, help="folder of real labelled pairs, development")
    ap.add_argument("--real-held", type=Path, help="folder of real labelled pairs, held back")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-evalset", action="store_true", help="skip bench/evalset")
    args = ap.parse_args(argv)
    config = DEFAULT_CONFIG
    results: dict = {"config": config.to_dict()}
    if not args.no_evalset:
        report("tune (thresholds chosen here)", load(EVALSET / "tune.jsonl"), config, results)
        report("held-out (never tuned on)", load(EVALSET / "heldout.jsonl"), config, results)
    if args.real_dev:
        report("REAL pairs, development set", load_real(args.real_dev), config, results)
    if args.real_held:
        report("REAL pairs, held-back set", load_real(args.real_held), config, results)
    if not args.no_speed:
        results["speed"] = speed()
    out = ROOT / "bench" / "results" / "align.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
