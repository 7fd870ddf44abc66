"""How well the parser finds and bounds a narrative's body sections (issue 20).

    python bench/eval_sections.py [--part tune|heldout] [--real dev|held|held2|none] [--verbose]

Two measures, each part apart:
- the own-words sections set (`bench/evalsets/sections/`): whole narratives with the expected
  sections (name, first and last line). `--part heldout` measures the held-back part: never
  tune on it.
- the real copies (`bench/realsets/`, rebuilt outside the repository) that show body sections
  (`sections` in copies.jsonl; character spans, turned into line numbers here; the manifest's
  `profile` is the parser's `trafficking_profile`). `--real held` and `--real held2` are the
  held-back parts.

A section is *found* when the parser names a section of that name; *bounded* when its first
and last lines are the expected ones too. A narrative is *exact* when every expected section
is bounded right and the parser names no section that is not expected. The title and header
lines are not body sections and are not measured here. Like list exactness, it measures and
never fails a build.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from tipdiff.parse import PARSER_VERSION, parse_bytes  # noqa: E402

SET = HERE / "evalsets" / "sections"
NOT_BODY = ("title", "header")
REAL_NAMES = {"profile": "trafficking_profile"}


def _doc(result, country: str | None, iso3: str | None = None):
    docs = result.documents
    for d in docs:
        if iso3 and d.country_code == iso3:
            return d
        if country and country.upper() in (d.country.upper(), (d.country_in_report or "").upper()):
            return d
    return docs[0] if docs else None


def compare(expected: list[tuple[str, int, int]], doc) -> dict:
    got = {s.name: (s.first_line, s.last_line) for s in (doc.sections if doc else ())}
    rows = []
    for name, start, end in expected:
        g = got.get(name)
        rows.append(
            {
                "section": name,
                "found": g is not None,
                "bounded": g == (start, end),
                "want": (start, end),
                "got": g,
            }
        )
    extra = sorted(set(got) - {n for n, _s, _e in expected})
    exact = all(r["bounded"] for r in rows) and not extra
    return {"rows": rows, "extra": extra, "exact": exact}


def own_words(part: str) -> list[dict]:
    out = []
    for line in (SET / f"{part}.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        data = (SET / rec["file"]).read_bytes()
        doc = _doc(parse_bytes(data, source=f"narrative-{rec['id']}.txt", year=rec["year"]),
                   rec["country"])
        expected = [
            (s["section"], s["start"], s["end"]) for s in rec["sections"]
            if s["section"] not in NOT_BODY
        ]
        out.append({"id": rec["id"], "style": rec["style"], **compare(expected, doc)})
    return out


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def real(split: str) -> list[dict]:
    from realsets.load import RealSetError, load_parse_set

    try:
        copies = load_parse_set(split=split)
    except RealSetError as exc:
        print(f"real copies not measured: {exc}")
        return []
    out = []
    for copy in copies:
        meta = copy.meta
        if not meta["sections"]:
            continue
        text = copy.text
        expected = []
        for s in meta["sections"]:
            end = s["end"]
            while end > s["start"] and text[end - 1].isspace():
                end -= 1
            name = REAL_NAMES.get(s["name"], s["name"])
            expected.append((name, _line(text, s["start"]), _line(text, end - 1)))
        result = parse_bytes(text.encode("utf-8"), source="realcopy.txt", year=meta["year"],
                             country=meta["country"])
        doc = _doc(result, meta["country"], meta["iso3"])
        out.append({"id": copy.id, "style": meta["site_kind"], **compare(expected, doc)})
    return out


def report(title: str, results: list[dict], verbose: bool) -> None:
    if not results:
        return
    found, bounded, total = Counter(), Counter(), Counter()
    for r in results:
        for row in r["rows"]:
            total[row["section"]] += 1
            found[row["section"]] += row["found"]
            bounded[row["section"]] += row["bounded"]
    n = sum(total.values())
    exact = sum(r["exact"] for r in results)
    extra = sum(len(r["extra"]) for r in results)
    print(f"\n{title}: {len(results)} narratives, {n} sections")
    print(f"  narratives exact (every section bounded, none invented): {exact}/{len(results)}")
    print(
        f"  sections found {sum(found.values())}/{n}, bounded right {sum(bounded.values())}/{n};"
        f" sections named that are not there: {extra}"
    )
    for name in sorted(total):
        print(f"    {name:<20} found {found[name]:>3}/{total[name]:<3} bounded {bounded[name]:>3}/"
              f"{total[name]}")
    by_style = defaultdict(list)
    for r in results:
        by_style[r["style"]].append(r)
    print("  exact by shape: " + ", ".join(
        f"{s} {sum(r['exact'] for r in rs)}/{len(rs)}" for s, rs in sorted(by_style.items())))
    if verbose:
        for r in results:
            bad = [row for row in r["rows"] if not row["bounded"]]
            if bad or r["extra"]:
                print(f"  {r['id']} ({r['style']}): " + "; ".join(
                    f"{b['section']} want {b['want']} got {b['got']}" for b in bad)
                    + (f"; extra {r['extra']}" if r["extra"] else ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", choices=("tune", "heldout", "none"), default="tune")
    ap.add_argument("--real", choices=("dev", "held", "held2", "none"), default="dev")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    print(f"parser {PARSER_VERSION}")
    if args.part != "none":
        report(f"own-words sections set, {args.part}", own_words(args.part), args.verbose)
    if args.real != "none":
        report(f"real copies with body sections, {args.real}", real(args.real), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
