"""Aligner quality per part of the evaluation sets, per kind, beside two baselines; then speed.

Parts, each reported apart (bench/README.md says which were tuned on):
- `bench/evalset/tune.jsonl` and `tune_kinds.jsonl` (tune), own words: settings chosen here;
- `bench/evalset/heldout.jsonl` and `heldout2.jsonl` (held back), own words, never tuned on;
  heldout2's extra fields are scored: split/merge parts by `part` (main, add-on), paraphrase
  by `how`, decoys by `why`, and hints against `counterpart` (the true counterpart the labels
  do not link: a hint to it is right; an item with none should get no hint) and
  `near_linked` (a hint to a look-alike linked elsewhere is useless);
- real year pairs with hand labels (bench/realsets/, texts rebuilt outside the repository,
  read through its loader `load.py`): `real-dev` and `real-held` on the hand-labelled item
  spans (the aligner's own figures: no parser error blurs them), and `real-dev-parsed` /
  `real-held-parsed` on the lists the current parser makes from the same copies (end to
  end: a true link whose item the parser lost counts as missed); `real-held2` and
  `real-held2-parsed` the same for the second held-back part (made after the first had been
  measured four times, by a labeller who never saw the aligner); `real-held3` and
  `real-held3-parsed` a third (made after aligner 3.3's changes were chosen, the same way;
  `real-held2` is development data from aligner 3.3 on). Items whose counterpart may
  lie past the other copy's cut (`not_visible_*`) are never counted as added or dropped, right
  or wrong; cut fragments too short to judge (`unjudged_*`) count for nothing;
- `--real-dev DIR` / `--real-held DIR`: folders of labelled real pairs (one JSON file per
  pair, the evalset fields) kept outside the repository.

Held-back parts (heldout, heldout2, real-held[3], real-held[3]-parsed) are measured only with
`--held` (or named in `--parts`): once per change, at the end. `--before REF` (repeatable)
measures the aligner of an earlier commit too (from `git archive`, imported as a package of
its own), on the same parts and in the same speed run.

Per kind: unchanged (verbatim), reworded (light edit, narrowing, broadening), paraphrase,
split part and merge part (each link of a group), whole groups, decoys linked, and the
"possibly the same as" hints: precision (how often a hint is the true counterpart) and
recall (how many missed true links are hinted).

Run with `make bench-align` (tune and development parts) or `make bench-align-held` (every
part, with aligner 2.0 beside). Prints, and writes bench/results/align.json (with the commit).
"""

from __future__ import annotations

import argparse
import functools
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
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
    # Items without a judged fate (real pairs). `unseen_*`: no counterpart in the visible part
    # of the other copy, which is cut (it may lie past the cut): never counted as added or
    # dropped, right or wrong; a link to a visible item is still a false link (the label says
    # there is none). `unjudged_*`: cut fragments too short to judge: nothing about them counts
    # (links, hints, added/dropped).
    unseen_old: set[int] = field(default_factory=set)
    unseen_new: set[int] = field(default_factory=set)
    unjudged_old: set[int] = field(default_factory=set)
    unjudged_new: set[int] = field(default_factory=set)
    # heldout2's extra fields (bench/evalset/README.md section 8.2); empty elsewhere.
    part: dict[tuple[int, int], str] = field(default_factory=dict)  # split/merge link: main|addon
    how: dict[tuple[int, int], str] = field(default_factory=dict)  # paraphrase link: how
    decoy_why: dict[tuple[int, int], str] = field(default_factory=dict)
    # added/dropped item -> its true counterpart that the labels do not link, or None;
    # keys ("old", i) / ("new", j). Present only when the set records counterparts.
    counterpart: dict[tuple[str, int], int | None] = field(default_factory=dict)
    near_linked: dict[tuple[str, int], int] = field(default_factory=dict)
    # Lists made by the parser (real pairs, end to end): true links whose items the parser did
    # not give (counted as missed, by kind), and parsed items that are no hand-labelled item.
    lost: Counter = field(default_factory=Counter)
    spurious: int = 0

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
    def side(rows, key):
        return {(key, x[key]): x.get("counterpart") for x in rows if "counterpart" in x}

    def near(rows, key):
        return {(key, x[key]): x["near_linked"] for x in rows if x.get("near_linked") is not None}

    added, dropped = d.get("added", []), d.get("dropped", [])
    return Pair(
        id=pid,
        old=list(d["old"]),
        new=list(d["new"]),
        links={(x["old"], x["new"]): x["kind"] for x in d["links"]},
        added={x["new"] for x in added},
        dropped={x["old"] for x in dropped},
        decoys={(x["old"], x["new"]) for x in d.get("decoys", [])},
        older=list(d.get("older", [])),
        reinstated=[(x["older"], x["new"]) for x in d.get("reinstated", [])],
        era=d.get("era", ""),
        part={(x["old"], x["new"]): x["part"] for x in d["links"] if "part" in x},
        how={(x["old"], x["new"]): x["how"] for x in d["links"] if "how" in x},
        decoy_why={(x["old"], x["new"]): x["why"] for x in d.get("decoys", []) if "why" in x},
        counterpart=side(dropped, "old") | side(added, "new"),
        near_linked=near(dropped, "old") | near(added, "new"),
    )


def load_real(folder: Path) -> list[Pair]:
    """Real labelled pairs (outside the repo), one JSON file each."""
    return [
        _pair(json.loads(path.read_text(encoding="utf-8")), path.stem)
        for path in sorted(folder.glob("*.json"))
    ]


# ------------------------------------------------------------------------- real year pairs

# The real labels' kinds (bench/realsets/README.md) as this bench's kinds.
REAL_KINDS = {
    "verbatim": "verbatim",
    "light_edit": "light_edit",
    "paraphrase": "paraphrase",
    "narrowed": "narrowing",
    "broadened": "broadening",
    "split_part": "split",
    "merge_part": "merge",
}


@functools.cache
def realsets_module():
    """bench/realsets/load.py, the one loader of the real sets (it verifies every copy); read
    once per process."""
    loader = REALSETS / "load.py"
    spec = importlib.util.spec_from_file_location("tipdiff_realsets_load", loader)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up by name
    spec.loader.exec_module(mod)
    return mod


def real_splits() -> tuple[str, ...]:
    """The parts of the real sets, as their loader names them (none without the loader)."""
    return realsets_module().SPLITS if (REALSETS / "load.py").exists() else ()


def real_pair(rp, old: list[str] | None = None, new: list[str] | None = None) -> Pair:
    """A labelled real pair (realsets.load.Pair, item numbers 1-based) as a bench Pair on the
    hand-labelled item spans (0-based). With `old`/`new` (lists the parser made from the same
    copies), the labels are carried over to the parsed items that are the labelled ones
    (`map_items`): true links whose items the parser did not give are counted as missed
    (`lost`), parsed items that are no labelled item are `spurious` (no fate to judge; any
    link to one is false)."""
    norm = _real_norm()
    hand_old = [norm(i.text) for i in rp.old.items]
    hand_new = [norm(i.text) for i in rp.new.items]
    meta = rp.meta
    zero = lambda xs: {x - 1 for x in xs}  # noqa: E731
    links = {(lk.old - 1, lk.new - 1): REAL_KINDS[lk.kind] for lk in rp.links}
    pair = Pair(
        id=rp.id,
        old=hand_old,
        new=hand_new,
        links=links,
        added=zero(rp.added) | zero(r["new"] for r in rp.reinstated),
        dropped=zero(rp.dropped),
        decoys=set(),
        era=meta.get("era", ""),
        unseen_old=zero(rp.not_visible_old),
        unseen_new=zero(rp.not_visible_new),
        unjudged_old=zero(meta.get("unjudged_old", ())),
        unjudged_new=zero(meta.get("unjudged_new", ())),
    )
    if old is None and new is None:
        return pair
    old = hand_old if old is None else list(old)
    new = hand_new if new is None else list(new)
    mo = map_items(hand_old, [norm(t) for t in old])  # hand index -> parsed index
    mn = map_items(hand_new, [norm(t) for t in new])
    lost: Counter[str] = Counter()
    moved = {}
    for (o, n), kind in links.items():
        if o in mo and n in mn:
            moved[(mo[o], mn[n])] = kind
        else:
            lost[kind] += 1

    def carry(items, mapping):
        return {mapping[i] for i in items if i in mapping}

    spurious_old = set(range(len(old))) - set(mo.values())
    spurious_new = set(range(len(new))) - set(mn.values())
    return Pair(
        id=rp.id,
        old=old,
        new=new,
        links=moved,
        added=carry(pair.added, mn),
        dropped=carry(pair.dropped, mo),
        decoys=set(),
        era=pair.era,
        unseen_old=carry(pair.unseen_old, mo),
        unseen_new=carry(pair.unseen_new, mn),
        # a parsed item that is no labelled item has no fate to judge
        unjudged_old=carry(pair.unjudged_old, mo) | spurious_old,
        unjudged_new=carry(pair.unjudged_new, mn) | spurious_new,
        lost=lost,
        spurious=len(spurious_old) + len(spurious_new),
    )


_NORM = None


def _real_norm():
    global _NORM
    if _NORM is None:
        _NORM = realsets_module().normalize_item
    return _NORM


def map_items(hand: list[str], parsed: list[str], *, min_ratio: float = 90.0) -> dict[int, int]:
    """Which parsed item is which hand-labelled item, one to one: the same normalized text
    first, then the most alike pairs (rapidfuzz ratio >= `min_ratio`, e.g. a cut fragment a
    character longer). An item the parser glued to its neighbour, or cut elsewhere, is no
    labelled item: its labels are lost, not guessed."""
    out: dict[int, int] = {}
    free = set(range(len(parsed)))
    for h, text in enumerate(hand):
        for p in sorted(free):
            if parsed[p] == text:
                out[h] = p
                free.discard(p)
                break
    scored = sorted(
        (-fuzz.ratio(hand[h], parsed[p]), h, p)
        for h in range(len(hand))
        if h not in out
        for p in free
    )
    for neg, h, p in scored:
        if -neg < min_ratio:
            break
        if h not in out and p in free:
            out[h] = p
            free.discard(p)
    return out


def parsed_list(copy) -> list[str]:
    """The recommendations the current parser gives for one real copy, read as a user's file
    with a neutral name (tipdiff.parse.parse_bytes); when the text alone yields no document
    for the copy's country, parsed again with country and year given (--country/--year)."""
    from tipdiff.parse import parse_bytes

    data = copy.text.encode("utf-8")
    meta = copy.meta

    def doc(**hints):
        docs = parse_bytes(data, source="realcopy.txt", **hints).documents
        mine = [d for d in docs if d.country_code == meta["iso3"]]
        return mine[0] if mine else (docs[0] if len(docs) == 1 else None)

    d = doc() or doc(year=meta["year"], country=meta["country"])
    return [r.text for r in d.recommendations] if d else []


def real_parts(
    copies_dir: Path | None = None, **manifests
) -> tuple[dict[str, list[Pair]], str | None]:
    """The real labelled year pairs of bench/realsets/ (manifests in the repository, texts
    rebuilt outside it) through its loader, each split twice: on the hand-labelled item spans
    (the aligner's own figures) and on the lists the current parser makes from the same copies
    (end to end). ({part name: pairs}, why absent). `manifests`: load_pairs's
    `pairs_manifest` and `manifest` (tests)."""
    if not (REALSETS / "load.py").exists():
        return {}, "bench/realsets/load.py not found"
    mod = realsets_module()
    where = copies_dir or mod.DEFAULT_COPIES_DIR
    out: dict[str, list[Pair]] = {}
    for split in mod.SPLITS:
        try:
            rps = mod.load_pairs(where, split=split, **manifests)
        except mod.RealSetError as exc:
            return {}, str(exc)
        out[split] = [real_pair(rp) for rp in rps]
        lists = {}
        for rp in rps:
            for c in (rp.old, rp.new):
                if c.id not in lists:
                    lists[c.id] = parsed_list(c)
        out[f"{split}-parsed"] = [real_pair(rp, lists[rp.old.id], lists[rp.new.id]) for rp in rps]
    return out, None


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


# ------------------------------------------------------------------------ aligner before


@dataclass
class Before:
    """An earlier aligner, from `git archive REF tipdiff` into a scratch folder, imported as
    a package of its own (`tipdiff_REF`) beside the current one, so both are measured in one
    run. Its term weights are read from its own reference vocabulary."""

    ref: str
    label: str
    version: str
    align: object
    prepare: object
    weights: object
    config: object
    tmp: object  # the TemporaryDirectory, kept alive while the package is in use

    def __call__(self, old, new):
        return self.align(old, new, weights=self.weights, config=self.config)


def load_before(ref: str) -> Before:
    import io
    import tarfile
    import tempfile

    found = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", "--short", f"{ref}^{{commit}}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if ref.startswith("-") or found.returncode:
        raise SystemExit(f"bench_align: --before {ref!r}: not a commit of this repository")
    sha = found.stdout.strip()
    data = subprocess.run(
        ["git", "archive", "--format=tar", sha, "tipdiff"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    tmp = tempfile.TemporaryDirectory(prefix="tipdiff-before-")
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(tmp.name, filter="data")
    name = f"tipdiff_{sha}"
    pkg_dir = Path(tmp.name) / "tipdiff"
    spec = importlib.util.spec_from_file_location(
        name, pkg_dir / "__init__.py", submodule_search_locations=[str(pkg_dir)]
    )
    pkg = importlib.util.module_from_spec(spec)
    sys.modules[name] = pkg
    spec.loader.exec_module(pkg)
    align_mod = importlib.import_module(f"{name}.align")
    scoring = importlib.import_module(f"{name}.scoring")
    vocab = json.loads((pkg_dir / "data" / "reference_vocabulary.json").read_text("utf-8"))
    config = align_mod.DEFAULT_CONFIG
    weights = scoring.TermWeights.from_document_frequencies(
        vocab["document_frequency"], vocab["documents"], stock_weight=config.stock_weight
    )
    version = align_mod.ALIGNER_VERSION
    return Before(
        sha,
        f"aligner {version} ({sha})",
        version,
        align_mod.align,
        scoring.prepare,
        weights,
        config,
        tmp,
    )


# ------------------------------------------------------------------------------- metrics


def _rate(k: int, n: int) -> dict:
    return {"rate": k / n if n else float("nan"), "found": k, "of": n}


def evaluate(pairs: list[Pair], aligner, *, config: AlignConfig | None = None) -> dict:
    tp = fp = fn = fp_unseen = 0
    by_kind_found: Counter[str] = Counter()
    by_kind_total: Counter[str] = Counter()
    ad_right = ad_total = 0
    split_found = split_total = merge_found = merge_total = 0
    decoys_linked = decoys_total = 0
    decoy_why: Counter[tuple[str, bool]] = Counter()
    reinst_found = reinst_total = 0
    missed_as_candidate = 0
    hints_shown = hints_right = hints_useless = 0
    cp_found = cp_total = null_hinted = null_total = 0
    part_found: Counter[str] = Counter()
    part_total: Counter[str] = Counter()
    how_found: Counter[str] = Counter()
    how_total: Counter[str] = Counter()
    shown_found: Counter[str] = Counter()
    shown_total: Counter[str] = Counter()
    lost = spurious = 0
    for p in pairs:
        changes = aligner(p.old, p.new)
        # links touching an item with no judged fate at all are not measured
        links = {
            (o, n)
            for c in changes
            for o, n in c.links
            if o not in p.unjudged_old and n not in p.unjudged_new
        }
        gold = set(p.links)
        tp += len(links & gold)
        fp += len(links - gold)
        fp_unseen += sum(1 for o, n in links - gold if o in p.unseen_old or n in p.unseen_new)
        fn += len(gold - links) + sum(p.lost.values())
        lost += sum(p.lost.values())
        spurious += p.spurious
        offered = {
            (c.old[0], k) if c.kind == "dropped" else (k, c.new[0])
            for c in changes
            if c.kind in ("added", "dropped")
            for k, _score in c.candidates
        }
        offered = {
            (o, n) for o, n in offered if o not in p.unjudged_old and n not in p.unjudged_new
        }
        counterparts = {
            (i, c) if side == "old" else (c, i)
            for (side, i), c in p.counterpart.items()
            if c is not None
        }
        missed_as_candidate += len((gold - links) & offered)
        hints_shown += len(offered)
        hints_right += len(offered & (gold | counterparts))
        if p.counterpart:
            linked_old = {o for o, _n in gold}
            linked_new = {n for _o, n in gold}
            near = {(i, c) if side == "old" else (c, i) for (side, i), c in p.near_linked.items()}
            hints_useless += sum(
                1
                for o, n in offered - gold - counterparts
                if (o, n) in near or o in linked_old or n in linked_new
            )
            # each added/dropped item's own hints (the pair (o, n) may come from either side)
            hinted = {
                ("old" if c.kind == "dropped" else "new", (c.old or c.new)[0]): {
                    k for k, _score in c.candidates
                }
                for c in changes
                if c.kind in ("added", "dropped") and c.candidates
            }
            for (side, i), c in p.counterpart.items():
                if c is None:
                    null_total += 1
                    null_hinted += bool(hinted.get((side, i)))
                else:
                    cp_total += 1
                    cp_found += c in hinted.get((side, i), ())
        for lk, kind in p.links.items():
            by_kind_total[kind] += 1
            by_kind_found[kind] += lk in links
            shown_total[SHOWN.get(kind, kind)] += 1
            shown_found[SHOWN.get(kind, kind)] += lk in links
            if lk in p.part:
                key = f"{SHOWN[kind]}: {p.part[lk]}"
                part_total[key] += 1
                part_found[key] += lk in links
            if kind == "paraphrase" and lk in p.how:
                how_total[p.how[lk]] += 1
                how_found[p.how[lk]] += lk in links
        for kind, k in p.lost.items():
            by_kind_total[kind] += k
            shown_total[SHOWN.get(kind, kind)] += k
        added = {j for c in changes if c.kind == "added" for j in c.new}
        dropped = {i for c in changes if c.kind == "dropped" for i in c.old}
        judged_old = [
            i for i in range(len(p.old)) if i not in p.unseen_old and i not in p.unjudged_old
        ]
        judged_new = [
            j for j in range(len(p.new)) if j not in p.unseen_new and j not in p.unjudged_new
        ]
        ad_total += len(judged_old) + len(judged_new)
        ad_right += sum((i in dropped) == (i in p.dropped) for i in judged_old)
        ad_right += sum((j in added) == (j in p.added) for j in judged_new)
        for whole, parts in p.splits:
            split_total += 1
            split_found += all((whole, j) in links for j in parts)
        for parts, whole in p.merges:
            merge_total += 1
            merge_found += all((i, whole) in links for i in parts)
        decoys_total += len(p.decoys)
        decoys_linked += len(p.decoys & links)
        for d, why in p.decoy_why.items():
            decoy_why[(why, d in links)] += 1
        if p.older and p.reinstated and config is not None:
            reinst_total += len(p.reinstated)
            reinst_found += _reinstated_found(p, changes, config)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    out = {
        "pairs": len(pairs),
        "links": tp + fn,
        "true_links_found": tp,
        "false_links": fp,
        "false_links_to_unseen": fp_unseen,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "added_dropped_acc": ad_right / ad_total if ad_total else float("nan"),
        "added_dropped_judged": ad_total,
        "split_recall": split_found / split_total if split_total else float("nan"),
        "merge_recall": merge_found / merge_total if merge_total else float("nan"),
        "splits": split_total,
        "merges": merge_total,
        "splits_found": split_found,
        "merges_found": merge_found,
        "decoys_linked": decoys_linked,
        "decoys": decoys_total,
        "reinstated_recall": reinst_found / reinst_total if reinst_total else float("nan"),
        "reinstated": reinst_total,
        "missed_links_offered_as_possible": missed_as_candidate,
        "hints": hints_shown,
        "hints_right": hints_right,
        "hint_precision": hints_right / hints_shown if hints_shown else float("nan"),
        "hint_recall": missed_as_candidate / fn if fn else float("nan"),
        "recall_by_shown_kind": {
            k: (shown_found[k] / shown_total[k], shown_total[k], shown_found[k])
            for k in SHOWN_KINDS
            if shown_total[k]
        },
        "recall_by_kind": {
            k: (by_kind_found[k] / by_kind_total[k], by_kind_total[k], by_kind_found[k])
            for k in LINK_KINDS
            if by_kind_total[k]
        },
    }
    if lost or spurious:
        out["parser_lost_links"] = lost
        out["parser_spurious_items"] = spurious
    if part_total:
        out["recall_by_part"] = {k: _rate(part_found[k], part_total[k]) for k in sorted(part_total)}
    if how_total:
        out["paraphrase_recall_by_how"] = {
            k: _rate(how_found[k], how_total[k]) for k in sorted(how_total)
        }
    if decoy_why:
        whys = sorted({w for w, _ in decoy_why})
        out["decoys_linked_by_why"] = {
            w: {"linked": decoy_why[(w, True)], "of": decoy_why[(w, True)] + decoy_why[(w, False)]}
            for w in whys
        }
    if cp_total or null_total:
        out["counterpart_hints"] = {
            # items whose true (unlinked) counterpart is shown as a hint, of those that have one
            "recall": _rate(cp_found, cp_total),
            # items with no counterpart (truly new or gone) that are shown with a hint anyway
            "false_hint_rate": _rate(null_hinted, null_total),
            # hints to a look-alike linked elsewhere, or to any item the labels link
            "useless_hints": hints_useless,
        }
    return out


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


TIPDIFF = "tipdiff"
EXACT = "baseline: exact text"
GREEDY = "baseline: greedy token_set>=60"


def systems(config: AlignConfig, befores: Sequence[Before] = ()):
    out = {TIPDIFF: lambda o, n: align(o, n, config=config)}
    for before in befores:
        out[before.label] = before
    out[EXACT] = exact_baseline
    out[GREEDY] = greedy_baseline
    return out


def _n(rec) -> str:
    return f"{rec['found']}/{rec['of']}"


def report(
    title: str,
    pairs: list[Pair],
    config: AlignConfig,
    results: dict,
    befores: Sequence[Before] = (),
) -> None:
    if not pairs:
        return
    n_links = sum(len(p.links) + sum(p.lost.values()) for p in pairs)
    unseen = sum(len(p.unseen_old) + len(p.unseen_new) for p in pairs)
    unjudged = sum(len(p.unjudged_old) + len(p.unjudged_new) for p in pairs)
    print(
        f"\n{title}: {len(pairs)} pairs, {n_links} true links, "
        f"{sum(len(p.added) for p in pairs)} added, {sum(len(p.dropped) for p in pairs)} dropped, "
        f"{sum(len(p.decoys) for p in pairs)} decoys"
        + (
            f", {unseen} unseen and {unjudged} unjudged items (no fate)"
            if unseen or unjudged
            else ""
        )
    )
    print(
        f"{'system':<32} {'P':>6} {'R':>6} {'F1':>6} {'add/drop':>9} {'split R':>8} "
        f"{'merge R':>8} {'decoys':>7} {'reinst':>7}"
    )
    part = results.setdefault(title, {})
    sysmap = systems(config, befores)
    for name, fn in sysmap.items():
        r = part[name] = evaluate(pairs, fn, config=config if name == TIPDIFF else None)
        print(
            f"{name:<32} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} "
            f"{r['added_dropped_acc']:9.3f} {r['split_recall']:8.3f} {r['merge_recall']:8.3f} "
            f"{r['decoys_linked']:>3}/{r['decoys']:<3} {r['reinstated_recall']:7.3f}"
        )
    for name in (TIPDIFF, *(b.label for b in befores)):
        r = part[name]
        missed = r["links"] - r["true_links_found"]
        print(
            f"  {name}: {r['true_links_found']} of {r['links']} true links found, "
            f"{r['false_links']} false ({r['false_links_to_unseen']} of them to an item whose "
            f"counterpart may be past a cut); missed {missed}, "
            f"{r['missed_links_offered_as_possible']} of them shown as 'possibly the same as' "
            f"(hint recall {r['hint_recall']:.3f}); {r['hints']} hints shown, "
            f"{r['hints_right']} right (precision {r['hint_precision']:.3f})"
        )
        if "parser_lost_links" in r:
            print(
                f"    parser: {r['parser_lost_links']} true links lost with items the parser "
                f"did not give; {r['parser_spurious_items']} parsed items that are no labelled item"
            )
        if "counterpart_hints" in r:
            ch = r["counterpart_hints"]
            print(
                f"    counterpart hints: recall {ch['recall']['rate']:.3f} "
                f"({_n(ch['recall'])}); false-hint rate {ch['false_hint_rate']['rate']:.3f} "
                f"({_n(ch['false_hint_rate'])}); useless hints {ch['useless_hints']}"
            )
        if "recall_by_part" in r:
            print(
                "    split/merge parts: "
                + ", ".join(
                    f"{k} {v['rate']:.3f} ({_n(v)})" for k, v in r["recall_by_part"].items()
                )
            )
        if "paraphrase_recall_by_how" in r:
            print(
                "    paraphrase by how: "
                + ", ".join(
                    f"{k} {v['rate']:.3f} ({_n(v)})"
                    for k, v in r["paraphrase_recall_by_how"].items()
                )
            )
        if "decoys_linked_by_why" in r:
            print(
                "    decoys linked by why: "
                + ", ".join(
                    f"{k} {v['linked']} of {v['of']}" for k, v in r["decoys_linked_by_why"].items()
                )
            )
    names = list(sysmap)
    print("  recall by kind (" + " | ".join(names) + "; found/n):")
    rows = [part[k]["recall_by_shown_kind"] for k in names]
    for kind, (_rec, n, _k) in rows[0].items():
        cells = " | ".join(f"{r[kind][0]:6.3f}" for r in rows)
        print(f"    {kind:<12} {cells}   {rows[0][kind][2]}/{n}")
    print("  finer kinds of the labels (same order):")
    rows = [part[k]["recall_by_kind"] for k in names]
    for kind, (_rec, n, _k) in rows[0].items():
        cells = " | ".join(f"{r[kind][0]:6.3f}" for r in rows)
        print(f"    {kind:<12} {cells}   {rows[0][kind][2]}/{n}")


def _kind_cell(k: dict, name: str) -> str:
    if name not in k:
        return "-"
    rate, n, found = k[name]
    return f"{rate:.3f} ({found}/{n})"


def markdown(results: dict, system: str = TIPDIFF) -> str:
    """One row per part for one system: the table bench/README.md and README.md quote."""
    head = (
        "| part | pairs / links | P / R / F1 | greedy P / R / F1 | exact F1 | unchanged R "
        "| reworded R | paraphrase R | split-part R | merge-part R | decoys linked "
        "| hint precision / recall |\n|" + "---|" * 12
    )
    rows = [head]
    for title, part in results.items():
        if not isinstance(part, dict) or system not in part:
            continue
        t, g, e = part[system], part[GREEDY], part[EXACT]
        k = t["recall_by_shown_kind"]
        rows.append(
            f"| {title} | {t['pairs']} / {t['links']} "
            f"| {t['precision']:.3f} / {t['recall']:.3f} / {t['f1']:.3f} "
            f"| {g['precision']:.3f} / {g['recall']:.3f} / {g['f1']:.3f} | {e['f1']:.3f} "
            f"| {_kind_cell(k, 'unchanged')} | {_kind_cell(k, 'reworded')} "
            f"| {_kind_cell(k, 'paraphrase')} | {_kind_cell(k, 'split part')} "
            f"| {_kind_cell(k, 'merge part')} | {t['decoys_linked']} of {t['decoys']} "
            f"| {t['hint_precision']:.3f} ({t['hints_right']}/{t['hints']}) "
            f"/ {t['hint_recall']:.3f} |"
        )
    return "\n".join(rows) + "\n"


def targets(results: dict, key: str = "real-held") -> list[str]:
    """Issue 18's targets on the held-back real pairs, checked from the figures."""
    part = next((v for k, v in results.items() if k.endswith(f"[{key}]")), None)
    if not part:
        return []
    t, g = part[TIPDIFF], part[GREEDY]
    k = t["recall_by_shown_kind"]

    def kr(name):
        return k[name] if name in k else (float("nan"), 0, 0)

    sr, mr = kr("split part"), kr("merge part")
    checks = [
        ("links P >= 0.95", t["precision"] >= 0.95, f"{t['precision']:.3f}"),
        ("links R >= 0.93", t["recall"] >= 0.93, f"{t['recall']:.3f}"),
        ("split-part R >= 0.90", sr[0] >= 0.90, f"{sr[0]:.3f} ({sr[2]}/{sr[1]})"),
        ("merge-part R >= 0.90", mr[0] >= 0.90, f"{mr[0]:.3f} ({mr[2]}/{mr[1]})"),
        (
            "F1 >= greedy + 0.04",
            t["f1"] >= g["f1"] + 0.04,
            f"{t['f1']:.3f} vs greedy {g['f1']:.3f}",
        ),
    ]
    return [f"  {'met' if ok else 'MISSED':<7} {name}: {got}" for name, ok, got in checks]


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


def speed(befores: Sequence[Before] = (), runs: int = 3) -> dict:
    """Every consecutive-year pair of a 190-country x 25-year corpus, as the pipeline does it:
    each year's list is prepared once and used in its two pairs. With `befores`, earlier
    aligners are timed on the same corpus in the same run, taking turns (the order rotates
    each round). Each aligner runs once untimed first (imports, caches); then wall time and
    the process's CPU time are recorded: on a shared machine CPU time is the steadier one."""
    chains = [make_chain(c, 25) for c in range(190)]
    n_pairs = sum(len(ch) - 1 for ch in chains)
    n_items = sum(len(year) for ch in chains for year in ch)

    def run(prep, aligner) -> tuple[float, float]:
        t0, c0 = time.perf_counter(), time.process_time()
        for ch in chains:
            prepared = [prep(year) for year in ch]
            for a, b in pairwise(prepared):
                aligner(a, b)
        return time.perf_counter() - t0, time.process_time() - c0

    contenders = [(TIPDIFF, prepare, align)] + [(b.label, b.prepare, b) for b in befores]
    for _name, prep, aligner in contenders:
        run(prep, aligner)  # warm: imports and per-text caches, as in a long run
    wall: dict[str, list[float]] = {name: [] for name, _p, _a in contenders}
    cpu: dict[str, list[float]] = {name: [] for name, _p, _a in contenders}
    for k in range(runs):
        for name, prep, aligner in (
            contenders[k % len(contenders) :] + contenders[: k % len(contenders)]
        ):
            w, c = run(prep, aligner)
            wall[name].append(w)
            cpu[name].append(c)
    out = {"pairs": n_pairs, "items": n_items, "runs": runs}
    print(
        f"\nspeed: {n_pairs} pairs (190 countries x 25 years, {n_items} items), "
        f"{runs} timed runs each after one untimed"
    )
    for name in wall:
        out[name] = {
            "wall_seconds": wall[name],
            "cpu_seconds": cpu[name],
            "median": statistics.median(wall[name]),
            "cpu_median": statistics.median(cpu[name]),
        }
        print(
            f"  {name:<28} median {out[name]['median']:.2f} s wall "
            f"({', '.join(f'{t:.2f}' for t in wall[name])}), "
            f"{out[name]['cpu_median']:.2f} s CPU ({', '.join(f'{t:.2f}' for t in cpu[name])})"
        )
    for before in befores:
        ratio = out[TIPDIFF]["median"] / out[before.label]["median"]
        cpu_ratio = out[TIPDIFF]["cpu_median"] / out[before.label]["cpu_median"]
        out.setdefault("ratio_to", {})[before.label] = {"wall": ratio, "cpu": cpu_ratio}
        print(f"  tipdiff / {before.label}: x{ratio:.2f} wall, x{cpu_ratio:.2f} CPU (medians)")
    return out


HELD_BACK = (
    # real-held2 was held back until aligner 3.2 and is development data from 3.3 on
    "heldout", "heldout2", "real-held", "real-held-parsed", "real-held3", "real-held3-parsed"
)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--copies",
        type=Path,
        default=None,
        help="rebuilt real copies (default: $TIPDIFF_REALSETS, else /work/realsets/copies)",
    )
    ap.add_argument("--real-dev", type=Path, help="folder of real labelled pairs, development")
    ap.add_argument("--real-held", type=Path, help="folder of real labelled pairs, held back")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--speed-runs", type=int, default=3, help="timed runs of each aligner")
    ap.add_argument("--no-evalset", action="store_true", help="skip bench/evalset")
    ap.add_argument(
        "--held",
        action="store_true",
        help="also measure the held-back parts (" + ", ".join(HELD_BACK) + "): once per change, "
        "at the end, never while choosing settings",
    )
    ap.add_argument(
        "--parts",
        default=os.environ.get("BENCH_ALIGN_PARTS", ""),
        help="comma-separated names of parts to measure (default: every tune and development "
        "part present, and the held-back ones with --held), e.g. tune,tune_kinds,real-dev",
    )
    ap.add_argument(
        "--before",
        action="append",
        default=[r for r in os.environ.get("BENCH_ALIGN_BEFORE", "").split(",") if r],
        metavar="REF",
        help="also measure the aligner of this git commit (e.g. e2c3bc0), from a scratch copy, "
        "on the same parts and in the same speed run (may be given more than once)",
    )
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="measure with an aligner setting changed (AlignConfig field; a number), e.g. "
        "--set cutoff=45: for choosing settings on the tune and development parts",
    )
    args = ap.parse_args(argv)
    config = DEFAULT_CONFIG
    if args.set:
        changed = {}
        for item in args.set:
            name, _, value = item.partition("=")
            kind = type(getattr(config, name.strip(), 0.0))
            try:
                changed[name.strip()] = kind(value) if kind in (int, float) else float(value)
            except ValueError:
                ap.error(f"--set {item!r}: expected NAME=NUMBER")
        try:
            config = AlignConfig.from_dict({**config.to_dict(), **changed})
        except (TypeError, ValueError) as exc:
            ap.error(f"--set: {exc}")
    wanted = {x.strip() for x in args.parts.split(",") if x.strip()}

    def measured(key: str) -> bool:
        if wanted:
            return key in wanted
        return args.held or key not in HELD_BACK

    befores = [load_before(ref) for ref in args.before]
    results: dict = {"commit": commit(), "config": config.to_dict()}
    if befores:
        results["before"] = [{"commit": b.ref, "aligner": b.version} for b in befores]
    parts: list[tuple[str, str, list[Pair]]] = []
    if not args.no_evalset:
        for key, title, name in (
            ("tune", "own words, tune (thresholds chosen here)", "tune.jsonl"),
            ("tune_kinds", "own words, tune: issue 18's failure kinds", "tune_kinds.jsonl"),
            ("heldout", "own words, held-out (never tuned on)", "heldout.jsonl"),
            ("heldout2", "own words, held-out 2: failure kinds (never tuned on)", "heldout2.jsonl"),
        ):
            if (EVALSET / name).exists() and measured(key):
                parts.append((key, title, load(EVALSET / name)))
        splits = real_splits()
        if any(measured(f"real-{s}{x}") for s in splits for x in ("", "-parsed")):
            real, why = real_parts(args.copies)
            if why:
                print(f"real year pairs not measured: {why}")
                results["real_pairs_absent"] = why
            for name, pairs in real.items():
                what = "parser's lists" if name.endswith("-parsed") else "hand-labelled items"
                title = f"REAL pairs, {name.removesuffix('-parsed')} ({what})"
                if measured(f"real-{name}"):
                    parts.append((f"real-{name}", title, pairs))
    if args.real_dev:
        parts.append(("real-dev-dir", "REAL pairs, development set", load_real(args.real_dev)))
    if args.real_held:
        parts.append(("real-held-dir", "REAL pairs, held-back set", load_real(args.real_held)))
    results["parts"] = [key for key, _t, _p in parts]
    for key, title, pairs in parts:
        report(f"{title} [{key}]", pairs, config, results, befores)
    print(f"\nmeasured at commit {results['commit']}")
    for key in (f"real-{s}" for s in real_splits()):
        if lines := targets(results, key):
            print(f"issue 18's targets on {key} (hand-labelled items):")
            print("\n".join(lines))
    print(f"\n{TIPDIFF}:\n{markdown(results)}")
    for before in befores:
        print(f"{before.label}:\n{markdown(results, before.label)}")
    if not args.no_speed:
        results["speed"] = speed(befores, max(1, args.speed_runs))
    out = ROOT / "bench" / "results" / "align.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten: {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
