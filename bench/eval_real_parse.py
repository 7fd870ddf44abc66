"""Exactness of the parser on hand-checked real copies kept OUTSIDE the repository.

    python bench/eval_real_parse.py --dir /path/to/docs [--verbose]

The folder holds `NAME.txt` (a page's text as saved; `.html` and `.pdf` work too) and
`NAME.expected.json` with the hand-checked `country`, `year`, `tier` and `items` (the exact
recommendation list). Per document it prints whether country, year, tier and the list are
exact (same items, same boundaries; compared after collapsing whitespace), then totals.
The data never enters the repository; without the folder the script says so and exits 0
(it is a measuring tool, not a test). Each file is parsed under its own name, as a user's
file would be (a `YYYY` in the name counts); the year column also says where it came from.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tipdiff import countries
from tipdiff.parse import PARSER_VERSION, parse_bytes


def _ws(text: str) -> str:
    return " ".join(text.split())


def _pick(docs, expected: dict):
    """The parsed document for the expected country (a file may hold several)."""
    want = countries.resolve(expected["country"])
    for d in docs:
        if (d.country_code or d.country) == (want[1] or want[0]):
            return d
    return docs[0] if len(docs) == 1 else None


def evaluate(folder: Path, verbose: bool = False) -> dict:
    rows = []
    for exp_path in sorted(folder.glob("*.expected.json")):
        stem = exp_path.name[: -len(".expected.json")]
        inputs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".expected.json")]
        if not inputs:
            continue
        expected = json.loads(exp_path.read_text(encoding="utf-8"))
        src = inputs[0]
        result = parse_bytes(src.read_bytes(), source=src.name)
        doc = _pick(result.documents, expected)
        row = {"name": src.name, "shape": expected.get("shape", "")}
        if doc is None:
            errs = "; ".join(e.message for e in result.errors) or "no document for the country"
            row.update(country=False, year=False, tier=False, items=False, error=errs)
        else:
            want_items = [_ws(i) for i in expected.get("items", [])]
            got_items = [_ws(r.text) for r in doc.recommendations]
            row.update(
                country=countries.resolve(expected["country"])[0] == doc.country,
                year=expected.get("year") == doc.year,
                year_from_text=not any("taken from" in w for w in doc.warnings),
                tier=expected.get("tier") == doc.tier,
                items=want_items == got_items,
                got=got_items,
                want=want_items,
                parsed=(doc.country, doc.year, doc.tier),
            )
        rows.append(row)
    return {"rows": rows, "verbose": verbose}


def _diff(want: list[str], got: list[str]) -> list[str]:
    out = [f"      expected {len(want)} items, got {len(got)}"]
    for k in range(max(len(want), len(got))):
        a = want[k] if k < len(want) else "(none)"
        b = got[k] if k < len(got) else "(none)"
        if a != b:
            out.append(f"      #{k + 1} want: {a[:150]}")
            out.append(f"      #{k + 1}  got: {b[:150]}")
            break
    return out


def report(summary: dict) -> str:
    rows = summary["rows"]
    lines = [f"parser {PARSER_VERSION}: {len(rows)} hand-checked real copies"]
    mark = {True: "ok", False: "--"}
    for r in rows:
        cols = " ".join(f"{k}:{mark[r[k]]}" for k in ("country", "year", "tier", "items"))
        lines.append(f"  {cols}  {r['name']}  [{r['shape']}]")
        if "error" in r:
            lines.append(f"      error: {r['error'][:200]}")
        elif not r["items"] and summary["verbose"]:
            lines += _diff(r["want"], r["got"])
        elif not (r["country"] and r["year"] and r["tier"]):
            lines.append(f"      parsed as {r['parsed']}")
    n = len(rows) or 1
    lines.append("totals:")
    for key in ("country", "year", "tier", "items"):
        k = sum(1 for r in rows if r[key])
        lines.append(f"  {key:<8} {k} of {len(rows)} exact ({100 * k / n:.1f}%)")
    k = sum(1 for r in rows if r.get("year_from_text"))
    lines.append(f"  (year stated by the text itself in {k} of {len(rows)})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", type=Path, required=True, help="folder of *.txt + *.expected.json")
    ap.add_argument("--verbose", action="store_true", help="show the first differing item")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        print(f"{args.dir}: no such folder; nothing to measure (real copies stay outside the repo)")
        return 0
    print(report(evaluate(args.dir, args.verbose)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
