"""Proportions of the theme set: per era, how many items carry each frame and sub-theme.

usage: python3 bench/evalsets/tools/theme_stats.py bench/evalsets/themes/tune.jsonl [...]
Prints a Markdown table (counts and percent of items) for each file given.
"""

import json
import sys
from collections import Counter

ERAS = ("2004-2007", "2008-2016", "2017-2018", "2019-2025")


def table(path):
    recs = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    n_era = Counter(r["era"] for r in recs)
    tags = {e: Counter() for e in ERAS}
    for r in recs:
        for t in r["frames"] + r["subthemes"]:
            tags[r["era"]][t] += 1
    total = Counter()
    for e in ERAS:
        total.update(tags[e])
    print(f"\n{path}: {len(recs)} items, {len({r['list_id'] for r in recs})} lists, "
          f"{sum(r['hard'] for r in recs)} hard, "
          f"{sum(not r['subthemes'] for r in recs)} with no sub-theme")
    print("| tag | " + " | ".join(f"{e} (n={n_era[e]})" for e in ERAS) + " | all |")
    print("|---|" + "---|" * (len(ERAS) + 1))
    for t, c in total.most_common():
        cells = [f"{tags[e][t]} ({100 * tags[e][t] / max(n_era[e], 1):.0f}%)" for e in ERAS]
        print(f"| {t} | " + " | ".join(cells) + f" | {c} ({100 * c / len(recs):.1f}%) |")


if __name__ == "__main__":
    for p in sys.argv[1:]:
        table(p)
