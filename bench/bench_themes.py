"""Theme tags (tipdiff.themes) against the hand labels of bench/evalsets/themes/.

usage: python bench/bench_themes.py [--part tune|heldout|heldout2] [--errors TAG] [--json PATH]

Per tag: support (items labelled with it), predicted, precision, recall, F1; then the
micro and macro averages over the sub-themes and over the frames, the share of items whose
whole tag set is right, and the tagging speed. The rules were written and tuned on the tune
part (and, from theme tags 1.1 on, the first held-back part `heldout`, demoted to development
data once its weakest tags had been read); `--part heldout2` measures the held-back part, which
is read by nothing else (bench/evalsets/README.md: never tune on it). `--errors TAG` lists the
items a tag gets wrong (refused for the held-back part). Tags with fewer than 10 items in a part are
indicative only (the set's README).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tipdiff import themes  # noqa: E402

SET = ROOT / "bench" / "evalsets" / "themes"
FEW = 10  # fewer labelled items than this: indicative only


def load(part: str) -> list[dict]:
    path = SET / f"{part}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def measure(items: list[dict]) -> dict:
    predicted = [themes.tag(it["text"]) for it in items]
    rows = {}
    for name in themes.TAGS:
        field = "frames" if name in themes.FRAMES else "subthemes"
        tp = fp = fn = 0
        for it, p in zip(items, predicted, strict=True):
            want = name in it[field]
            got = name in p.all
            tp += want and got
            fp += got and not want
            fn += want and not got
        prec = tp / (tp + fp) if tp + fp else None
        rec = tp / (tp + fn) if tp + fn else None
        f1 = 2 * prec * rec / (prec + rec) if prec and rec else 0.0 if tp + fn else None
        rows[name] = {
            "support": tp + fn,
            "predicted": tp + fp,
            "tp": tp,
            "precision": prec,
            "recall": rec,
            "f1": f1,
        }

    def micro(names):
        tp = sum(rows[n]["tp"] for n in names)
        pred = sum(rows[n]["predicted"] for n in names)
        sup = sum(rows[n]["support"] for n in names)
        p, r = tp / pred if pred else 0.0, tp / sup if sup else 0.0
        return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}

    def macro(names):
        f1s = [rows[n]["f1"] for n in names if rows[n]["support"]]
        return statistics.mean(f1s) if f1s else None

    exact_sub = sum(
        set(p.themes) == set(it["subthemes"]) for it, p in zip(items, predicted, strict=True)
    )
    exact_frames = sum(
        set(p.frames) == set(it["frames"]) for it, p in zip(items, predicted, strict=True)
    )
    return {
        "items": len(items),
        "tags": rows,
        "subthemes_micro": micro(list(themes.SUBTHEMES)),
        "subthemes_macro_f1": macro(list(themes.SUBTHEMES)),
        "frames_micro": micro(list(themes.FRAMES)),
        "frames_macro_f1": macro(list(themes.FRAMES)),
        "exact_subthemes": exact_sub / len(items),
        "exact_frames": exact_frames / len(items),
    }


def speed(items: list[dict], rounds: int = 5) -> float:
    """Median microseconds to tag one item, the cache cleared each round."""
    times = []
    for _ in range(rounds):
        themes.tag.cache_clear()
        t0 = time.perf_counter()
        for it in items:
            themes.tag(it["text"])
        times.append((time.perf_counter() - t0) / len(items) * 1e6)
    return statistics.median(times)


def _f(x) -> str:
    return "  -  " if x is None else f"{x:.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("tune", "heldout", "heldout2"), default="tune")
    ap.add_argument("--errors", metavar="TAG", help="list the items TAG gets wrong")
    ap.add_argument("--json", metavar="PATH", help="write the figures as JSON")
    args = ap.parse_args(argv)
    if args.errors and args.part == "heldout2":
        ap.error("--errors lists tune and development items only: the held-back part is never "
                 "read for tuning")
    items = load(args.part)
    if args.errors:
        name = args.errors
        field = "frames" if name in themes.FRAMES else "subthemes"
        for it in items:
            got = themes.tag(it["text"])
            want = name in it[field]
            if want != (name in got.all):
                print(f"{'FN' if want else 'FP'} {it['id']}: {it['text']}")
                print(f"    gold {it['frames']} {it['subthemes']}  got {got.all}")
        return 0
    result = measure(items)
    result["part"] = args.part
    result["themes_version"] = themes.THEMES_VERSION
    result["microseconds_per_item"] = speed(items)
    print(f"theme tags {themes.THEMES_VERSION} on the {args.part} part ({result['items']} items)")
    print(f"{'tag':<24}{'n':>5}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for name, r in result["tags"].items():
        few = " (indicative: fewer than 10)" if r["support"] < FEW else ""
        print(
            f"{name:<24}{r['support']:>5}{r['predicted']:>6}{_f(r['precision']):>8}"
            f"{_f(r['recall']):>8}{_f(r['f1']):>8}{few}"
        )
    for what in ("frames", "subthemes"):
        m = result[f"{what}_micro"]
        print(
            f"{what}: micro P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}; "
            f"macro F1 {result[f'{what}_macro_f1']:.3f}; every tag right on "
            f"{result[f'exact_{what}']:.1%} of items"
        )
    print(f"speed: {result['microseconds_per_item']:.0f} microseconds per item (median of 5)")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
