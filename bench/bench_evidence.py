"""How well tipdiff tells whether a dropped ask was done (issue 20).

    python bench/bench_evidence.py [--part tune|heldout|heldout2|...|heldout20]
        [--verbose] [--hardest N]

Each case of `bench/evalsets/evidence/<part>.jsonl` is one dropped ask and the next year's
body; tipdiff's `find_evidence` reads the body's sentences with their sections (the set's
`recommendations` section is the to-year's own list: the parser keeps it as recommendations,
never as body sentences, so it is not given). Only `ask` and `body` go in; the fields the
set's README marks as bookkeeping (`topic`, `section_expected`, `subthemes`) and the labels
never reach the matcher.

Printed: the confusion of verdicts against labels, the precision of `done` (a `partly`
answered `done` counts as a false `done`), precision and recall of each label, recall by
case kind, whether the deciding sentence is one the label cites, and the hardest negatives
(cases labelled `none` or `partly` that scored highest as `done`, or came closest). Each
held-back part is measured once, with the version committed before it was read, and becomes
development data after that (`heldout` from evidence 2.1 ... `heldout19` and `heldout20` after
2.13; see bench/README.md). All twenty have now been read: the next change needs a new part,
written blind to the matcher (bench/evalsets/evidence/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tipdiff.evidence import DEFAULT_EVIDENCE, EVIDENCE_VERSION, VERDICTS, find_evidence
from tipdiff.model import Sentence

SET = Path(__file__).resolve().parent / "evalsets" / "evidence"


def parts() -> list[str]:
    """The set's parts, as its files name them: tune, heldout, heldout2, heldout3, ..."""
    names = [p.stem for p in SET.glob("*.jsonl")]
    return sorted(names, key=lambda n: (n != "tune", len(n), n))


def load(part: str) -> list[dict]:
    return [json.loads(x) for x in (SET / f"{part}.jsonl").read_text("utf-8").splitlines()]


def sentences_of(case: dict) -> tuple[list[Sentence], dict[int, str]]:
    """The body as the parser keeps it (every section but the list), and sentence ids."""
    out, ids = [], {}
    for sec in case["body"]:
        if sec["section"] == "recommendations":
            continue
        for s in sec["sentences"]:
            number = int(s["id"][1:])
            out.append(Sentence(sec["section"], number, s["text"]))
            ids[number] = s["id"]
    return out, ids


def run(cases: list[dict]) -> list[dict]:
    rows = []
    for c in cases:
        body, ids = sentences_of(c)
        ev = find_evidence(c["ask"], body, year=c["to_year"], config=DEFAULT_EVIDENCE)
        cited = set(c["evidence_ids"]) | set(c["against_ids"])
        top = ev.sentences[0] if ev.sentences else None
        best_done = max((f.score for f in ev.sentences if f.stance == "done"), default=0.0)
        rows.append(
            {
                "case": c,
                "verdict": ev.verdict,
                "evidence": ev,
                "top_cited": top is not None and ids.get(top.number) in cited,
                "best_done": best_done,
            }
        )
    return rows


def report(rows: list[dict], title: str, hardest: int, verbose: bool) -> None:
    labels = [r["case"]["label"] for r in rows]
    got = [r["verdict"] for r in rows]
    print(f"\n{title}: {len(rows)} cases (evidence {EVIDENCE_VERSION})")
    conf = Counter(zip(labels, got, strict=True))
    print("  label \\ verdict " + "".join(f"{v:>8}" for v in VERDICTS))
    for lab in VERDICTS:
        print(f"  {lab:<16}" + "".join(f"{conf[(lab, v)]:>8}" for v in VERDICTS))
    for lab in VERDICTS:
        tp = conf[(lab, lab)]
        said = sum(conf[(x, lab)] for x in VERDICTS)
        real = sum(conf[(lab, x)] for x in VERDICTS)
        p = tp / said if said else float("nan")
        r = tp / real if real else float("nan")
        print(f"  {lab:<7} precision {p:.3f} ({tp}/{said})  recall {r:.3f} ({tp}/{real})")
    kinds = defaultdict(list)
    for r in rows:
        kinds[r["case"]["kind"]].append(r)
    print("  by kind (right verdict / cases): " + ", ".join(
        f"{k} {sum(x['verdict'] == x['case']['label'] for x in v)}/{len(v)}"
        for k, v in sorted(kinds.items())))
    decided = [r for r in rows if r["verdict"] != "none" and r["verdict"] == r["case"]["label"]]
    print(f"  right done/partly verdicts whose first sentence is one the label cites: "
          f"{sum(r['top_cited'] for r in decided)}/{len(decided)}")
    negatives = [r for r in rows if r["case"]["label"] != "done"]
    negatives.sort(key=lambda r: (r["verdict"] != "done", -r["best_done"]))
    print("  hardest negatives (labelled partly or none; said done first, then closest):")
    for r in negatives[:hardest]:
        c = r["case"]
        top = r["evidence"].sentences[0] if r["evidence"].sentences else None
        print(f"    {c['id']} {c['label']}/{c['kind']} -> {r['verdict']} "
              f"(best done score {r['best_done']:.1f}): ask: {c['ask'][:90]}")
        if top:
            print(f"      top: [{top.stance} {top.score:.1f}] {top.text[:140]}")
    if verbose:
        for r in rows:
            c = r["case"]
            if r["verdict"] == c["label"]:
                continue
            print(f"  MISS {c['id']} {c['label']}/{c['kind']} -> {r['verdict']}: {c['ask'][:100]}")
            for f in r["evidence"].sentences:
                print(f"      [{f.stance} {f.score:.1f} s{f.number}] {f.text[:150]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--part",
        choices=parts(),
        default="tune",
    )
    ap.add_argument("--hardest", type=int, default=6)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    report(run(load(args.part)), f"evidence set, {args.part}", args.hardest, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
