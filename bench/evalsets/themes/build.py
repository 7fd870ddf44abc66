"""Build the theme evaluation set (tune.jsonl, heldout.jsonl, heldout2.jsonl) from the
hand-written sources.

The sources in src/ hold every recommendation as we wrote it, grouped in lists the way a
country narrative prints them, with its labels:

    L|list_id|year|country
    frames|tags|text|note

frames: letters P (prosecution), R (protection), V (prevention), T (partnership).
tags: the short codes of docs/themes.md (ABBR below). A non-empty note marks a hard case.

usage: python3 bench/evalsets/themes/build.py
(writes tune.jsonl, heldout.jsonl and heldout2.jsonl beside it)
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

FRAMES = {"P": "prosecution", "R": "protection", "V": "prevention", "T": "partnership"}
ABBR = {
    "leg": "legislation",
    "sen": "sentencing",
    "cmp": "complicit_officials",
    "vid": "victim_identification",
    "npn": "non_punishment",
    "shs": "shelters_services",
    "vwt": "victim_witness",
    "fvr": "foreign_victims",
    "rst": "restitution",
    "srv": "survivor_engagement",
    "mig": "migrant_workers",
    "fee": "recruitment_fees",
    "lin": "labor_inspection",
    "fl": "forced_labor",
    "fcl": "forced_child_labor",
    "sfl": "state_forced_labor",
    "csl": "child_soldiers",
    "fsh": "fishing",
    "sup": "supply_chains",
    "sex": "sex_trafficking",
    "onl": "online_exploitation",
    "dem": "demand_reduction",
    "trn": "training",
    "dat": "data",
    "nap": "national_action_plan",
    "crd": "coordination",
    "fun": "funding",
    "awr": "awareness",
}
PARTS = {
    "tune": ("tune_a.txt", "tune_b.txt"),
    "heldout": ("held_a.txt", "held_b.txt"),
    "heldout2": ("held2_a.txt", "held2_b.txt"),
}


def era_of(year):
    if year <= 2007:
        return "2004-2007"
    if year <= 2016:
        return "2008-2016"
    if year <= 2018:
        return "2017-2018"
    return "2019-2025"


def style_problems(era, items):
    """Shape checks per era: sentences, semicolon clauses, or prioritized items."""
    out = []
    for n, text in enumerate(items, 1):
        last = n == len(items)
        if era in ("2004-2007", "2019-2025"):
            if not text[:1].isupper() or not text.endswith("."):
                out.append(f"item {n}: expected a capitalised sentence ending with '.'")
        else:
            if n == 1 and not text[:1].isupper():
                out.append("item 1: a semicolon list starts with a capital")
            if n > 1 and text[:1].isupper() and not text.split()[0].istitle():
                out.append(f"item {n}: semicolon item should start in lower case")
            if last != text.endswith("."):
                out.append(f"item {n}: only the last semicolon item ends with '.'")
    return out


def read_part(part):
    lists, errors = [], []
    for name in PARTS[part]:
        path = HERE / "src" / name
        if not path.exists():
            errors.append(f"{path}: missing")
            continue
        current = None
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{path.name}:{lineno}"
            fields = line.split("|")
            if fields[0] == "L":
                if len(fields) != 4 or not fields[2].isdigit():
                    errors.append(f"{where}: expected L|list_id|year|country")
                    continue
                current = {"list_id": fields[1], "year": int(fields[2]),
                           "country": fields[3], "items": [], "where": where}
                lists.append(current)
                continue
            if current is None or len(fields) != 4:
                errors.append(f"{where}: expected frames|tags|text|note after a list line")
                continue
            frames, tags, text, note = fields
            bad = [c for c in frames if c not in FRAMES] or ([] if frames else ["(none)"])
            bad_tags = [t for t in tags.split(",") if t and t not in ABBR]
            if bad or bad_tags:
                errors.append(f"{where}: unknown frame {bad} or tag {bad_tags}")
                continue
            if len(set(tags.split(","))) != len(tags.split(",")):
                errors.append(f"{where}: a tag is repeated")
            current["items"].append({
                "frames": [FRAMES[c] for c in "PRVT" if c in frames],
                "subthemes": sorted(ABBR[t] for t in tags.split(",") if t),
                "text": text.strip(),
                "note": note.strip(),
                "where": where,
            })
    return lists, errors


def build(part, prefix):
    lists, errors = read_part(part)
    records = []
    for lst in lists:
        era = era_of(lst["year"])
        for problem in style_problems(era, [it["text"] for it in lst["items"]]):
            errors.append(f"{lst['where']} ({lst['list_id']}): {problem}")
        for n, it in enumerate(lst["items"], 1):
            records.append({
                "id": f"{prefix}-{len(records) + 1:04d}",
                "list_id": lst["list_id"],
                "number": n,
                "list_size": len(lst["items"]),
                "year": lst["year"],
                "era": era,
                "country": lst["country"],
                "text": it["text"],
                "frames": it["frames"],
                "subthemes": it["subthemes"],
                "hard": bool(it["note"]),
                "note": it["note"],
            })
    return records, errors


def main():
    failed = False
    for part, prefix in (("tune", "THT"), ("heldout", "THH"), ("heldout2", "THN")):
        records, errors = build(part, prefix)
        for e in errors:
            print("error:", e)
        failed |= bool(errors)
        out = HERE / f"{part}.jsonl"
        with out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(records)} items, {len({r['list_id'] for r in records})} lists")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
