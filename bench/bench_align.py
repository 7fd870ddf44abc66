"""Aligner quality per part of the evaluation sets, per kind, beside two baselines; then speed.

Parts, each reported apart (bench/README.md says which were tuned on):
- `bench/evalset/tune.jsonl` and `tune_kinds.jsonl`: own words; thresholds were chosen here;
- `bench/evalset/heldout.jsonl` and `heldout2.jsonl` (when present): own words, never tuned on;
- real year pairs with hand labels (bench/realsets/, when present): the development part and
  the held-back part, read through bench/realsets/load.py from the rebuilt copies;
- `--real-dev DIR` / `--real-held DIR`: folders of labelled real pairs (one JSON file per
  pair, the evalset fields) kept outside the repository.

Per kind: unchanged (verbatim), reworded (light edit, narrowing, broadening), paraphrase,
split part and merge part (each link of a group), whole groups, decoys linked, and the
"possibly the same as" hints: precision (how often a hint is the true counterpart) and
recall (how many missed true links are hinted).

Run with `make bench-align`. Prints, and writes bench/results/align.json (with the commit).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
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
REALSETS = ROOT / "bench" / "realsets"
LINK_KINDS = ("verbatim", "light_edit", "paraphrase", "narrowing", "broadening", "split", "merge")
# The kinds a reader sees, from the labels' finer kinds.
SHOWN = {
    "verbatim": "unchanged",
    "light_edit": "reworded",
    "narrowing": "reworded",
    "broadening": "reworded",
    "paraphrase": "paraphrase",
    "split": "split part",
    "merge": "merge part",
}
SHOWN_KINDS = ("unchanged", "reworded", "paraphrase", "split part", "merge part")


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
    hints_shown = hints_right = 0
    shown_found: Counter[str] = Counter()
    shown_total: Counter[str] = Counter()
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
        hints_shown += len(offered)
        hints_right += len(offered & gold)
        for lk, kind in p.links.items():
            by_kind_total[kind] += 1
            by_kind_found[kind] += lk in links
            shown_total[SHOWN.get(kind, kind)] += 1
            shown_found[SHOWN.get(kind, kind)] += lk in links
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
        "hints": hints_shown,
        "hint_precision": hints_right / hints_shown if hints_shown else float("nan"),
        "hint_recall": missed_as_candidate / fn if fn else float("nan"),
        "recall_by_shown_kind": {
            k: (shown_found[k] / shown_total[k], shown_total[k])
            for k in SHOWN_KINDS
            if shown_total[k]
        },
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
        f"are shown as 'possibly the same as' (hint recall {r['hint_recall']:.3f}); "
        f"{r['hints']} hints shown, precision {r['hint_precision']:.3f}"
    )
    print("  recall by kind (tipdiff | exact | greedy; n):")
    t, e, g = (part[k]["recall_by_shown_kind"] for k in systems(config))
    for kind, (rec, n) in t.items():
        print(f"    {kind:<12} {rec:6.3f} | {e[kind][0]:6.3f} | {g[kind][0]:6.3f}   n={n}")
    print("  finer kinds of the labels (tipdiff | exact | greedy; n):")
    t, e, g = (part[k]["recall_by_kind"] for k in systems(config))
    for kind, (rec, n) in t.items():
        print(f"    {kind:<12} {rec:6.3f} | {e[kind][0]:6.3f} | {g[kind][0]:6.3f}   n={n}")


def markdown(results: dict) -> str:
    """One row per part: the table bench/README.md and README.md quote."""
    head = (
        "| part | pairs / links | tipdiff P / R / F1 | greedy P / R / F1 | exact F1 | unchanged R "
        "| reworded R | paraphrase R | split-part R | merge-part R | decoys linked "
        "| hint precision / recall |\n|" + "---|" * 12
    )
    rows = [head]
    for title, part in results.items():
        if not isinstance(part, dict) or "tipdiff" not in part:
            continue
        t, g, e = (
            part["tipdiff"],
            part["baseline: greedy token_set>=60"],
            part["baseline: exact text"],
        )
        k = t["recall_by_shown_kind"]

        def rk(name, k=k):
            return f"{k[name][0]:.3f}" if name in k else "-"

        rows.append(
            f"| {title} | {t['pairs']} / {t['links']} "
            f"| {t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} "
            f"| {g['precision']:.3f} / {g['recall']:.3f} / {g['f1']:.3f} | {e['f1']:.3f} "
            f"| {rk('unchanged')} | {rk('reworded')} | {rk('paraphrase')} | {rk('split part')} "
            f"| {rk('merge part')} | {t['decoys_linked']} of {t['decoys']} "
            f"| {t['hint_precision']:.3f} / {t['hint_recall']:.3f} |"
        )
    return "\n".join(rows) + "\n"


def real_parts() -> dict[str, list[Pair]]:
    """The real labelled year pairs of bench/realsets/ (manifests in the repository, texts
    rebuilt outside it), through their loader: {part name: pairs}. Empty when absent."""
    loader = REALSETS / "load.py"
    if not loader.exists():
        return {}
    spec = importlib.util.spec_from_file_location("tipdiff_realsets_load", loader)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return {name: [_pair(d, d["id"]) for d in pairs] for name, pairs in mod.evalset_parts().items()}


def commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return out.stdout.strip() + (" (with uncommitted changes)" if dirty else "")
    except OSError:
        return "unknown"


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
    ap.add_argument(
        "--parts",
        default=os.environ.get("BENCH_ALIGN_PARTS", ""),
        help="comma-separated names of parts to measure (default: every part present), "
        "e.g. tune,tune_kinds,real-dev: held-back parts are measured once, at the end",
    )
    args = ap.parse_args(argv)
    config = DEFAULT_CONFIG
    wanted = {x.strip() for x in args.parts.split(",") if x.strip()}
    results: dict = {"commit": commit(), "config": config.to_dict()}
    parts: list[tuple[str, str, list[Pair]]] = []
    if not args.no_evalset:
        for key, title, name in (
            ("tune", "own words, tune (thresholds chosen here)", "tune.jsonl"),
            ("tune_kinds", "own words, tune: issue 18's failure kinds", "tune_kinds.jsonl"),
            ("heldout", "own words, held-out (never tuned on)", "heldout.jsonl"),
            ("heldout2", "own words, held-out 2: failure kinds (never tuned on)", "heldout2.jsonl"),
        ):
            if (EVALSET / name).exists():
                parts.append((key, title, load(EVALSET / name)))
        for name, pairs in real_parts().items():
            parts.append((f"real-{name}", f"REAL pairs, {name}", pairs))
    if args.real_dev:
        parts.append(("real-dev-dir", "REAL pairs, development set", load_real(args.real_dev)))
    if args.real_held:
        parts.append(("real-held-dir", "REAL pairs, held-back set", load_real(args.real_held)))
    for key, title, pairs in parts:
        if not wanted or key in wanted:
            report(f"{title} [{key}]", pairs, config, results)
    print(f"\nmeasured at commit {results['commit']}\n")
    print(markdown(results))
    if not args.no_speed:
        results["speed"] = speed()
    out = ROOT / "bench" / "results" / "align.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
