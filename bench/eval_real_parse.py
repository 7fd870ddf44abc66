"""Exactness of the parser on the real parse set (bench/realsets, rebuilt copies).

    python bench/eval_real_parse.py [--copies DIR] [--split dev|held|all] [--verbose]

The copies are loaded through `bench/realsets/load.py`, which refuses any copy whose bytes do
not match the manifest (rebuild them first: bench/realsets/README.md). Each copy is parsed
under a neutral file name (no year in it), as a user's file would be, so country, year and
tier can only come from the text. What is exact:
- list: the parser's items equal the expected items (both normalized by `normalize_item`:
  same items, same boundaries, same order); a copy showing no list expects none. When the
  text alone yields no document, the copy is parsed again with country and year given (as a
  user would with --country/--year) so that its list is still measured.
- country: the country the text names (header, title or subject sentence), read with the year
  given; a copy that names none (a lone body section) is right when no country is invented.
- year: the report year the text states (title line, banner, archive metadata), read with the
  country given; a copy that states none is right when no year is invented.
- tier: the tier the copy states (header or tier sentence), or none.
Figures are printed per split (dev and held apart), per list shape, era and site kind.
It measures; it never fails a build (exit 0 unless the copies cannot be loaded).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from realsets.load import (  # noqa: E402
    COPIES_MANIFEST,
    DEFAULT_COPIES_DIR,
    SPLITS,
    RealSetError,
    load_parse_set,
    normalize_item,
)

from tipdiff.parse import PARSER_VERSION, parse_bytes  # noqa: E402

KEYS = ("list", "tier", "country", "year")


def _pick(docs, iso3: str):
    for d in docs:
        if d.country_code == iso3:
            return d
    return docs[0] if len(docs) == 1 else None


def evaluate_copy(copy, name: str) -> dict:
    meta = copy.meta
    data = copy.text.encode("utf-8")
    iso3, year, country = meta["iso3"], meta["year"], meta["country"]

    def doc_for(**hints):
        return _pick(parse_bytes(data, source=name, **hints).documents, iso3)

    plain = doc_for()
    with_year = plain or doc_for(year=year)  # the country as the text gives it
    with_country = plain or doc_for(country=country)  # the year as the text gives it
    doc = plain or doc_for(year=year, country=country)  # the list, whatever the header says
    if meta["country_in_text"]:
        country_ok = bool(with_year) and with_year.country_code == iso3
    else:
        country_ok = with_year is None or with_year.country_code == iso3
    if meta["year_in_text"]:
        year_ok = bool(with_country) and with_country.year == year
    else:
        year_ok = with_country is None or with_country.year == year
    want = [normalize_item(i.text) for i in copy.items]
    got = [normalize_item(r.text) for r in doc.recommendations] if doc else None
    return dict(
        id=copy.id,
        meta=meta,
        hinted=plain is None,
        want=want,
        got=got,
        list=got == want or (got is None and not want),
        cut_flag=bool(want)
        and got is not None
        and len(got) == len(want)
        and bool(doc.recommendations[-1].truncated) == bool(copy.items[-1].cut),
        country=country_ok,
        year=year_ok,
        tier=(doc.tier if doc else None) == meta["tier"],
        parsed=(doc.country, doc.year, doc.tier) if doc else None,
    )


def evaluate(copies) -> list[dict]:
    return [evaluate_copy(c, f"realcopy-{k:03d}.txt") for k, c in enumerate(copies, 1)]


def _share(rows, key) -> str:
    n = len(rows)
    k = sum(1 for r in rows if r[key])
    return f"{k}/{n}" if n else "-"


def _table(rows, group, title) -> list[str]:
    buckets = defaultdict(list)
    for r in rows:
        buckets[group(r)].append(r)
    out = [f"  by {title}:", f"    {'':<26} {'n':>3}  " + "  ".join(f"{k:>8}" for k in KEYS)]
    for g in sorted(buckets):
        rs = buckets[g]
        out.append(f"    {g:<26} {len(rs):>3}  " + "  ".join(f"{_share(rs, k):>8}" for k in KEYS))
    return out


def _first_diff(want, got) -> list[str]:
    if got is None:
        return ["      no document even with country and year given"]
    out = [f"      expected {len(want)} items, got {len(got)}"]
    for k in range(max(len(want), len(got))):
        a = want[k] if k < len(want) else "(none)"
        b = got[k] if k < len(got) else "(none)"
        if a != b:
            out += [f"      #{k + 1} want: {a[:160]}", f"      #{k + 1}  got: {b[:160]}"]
            break
    return out


def report(rows, split: str, verbose: bool) -> str:
    lines = [f"== {split}: {len(rows)} copies, {sum(len(r['want']) for r in rows)} expected items"]
    n = len(rows) or 1
    for key in KEYS:
        k = sum(1 for r in rows if r[key])
        lines.append(f"  {key:<8} exact {k:>3} of {len(rows)} ({100 * k / n:.1f}%)")
    with_items = [r for r in rows if r["want"]]
    k = sum(1 for r in with_items if r["cut_flag"])
    lines.append(f"  last item's cut-off flag right in {k} of {len(with_items)} copies with items")
    lines.append(f"  no document from the text alone: {sum(r['hinted'] for r in rows)}")
    lines += _table(rows, lambda r: r["meta"]["list_state"], "list shape")
    lines += _table(rows, lambda r: r["meta"]["era"], "era")
    lines += _table(rows, lambda r: r["meta"]["site_kind"].split(" (")[0], "site kind")
    misses = [
        r
        for r in rows
        if not all(r[k] for k in KEYS) or (r["list"] and r["want"] and not r["cut_flag"])
    ]
    if misses:
        lines.append("  misses:")
    for r in misses:
        what = ",".join(
            [k for k in KEYS if not r[k]]
            + (["cut-off flag"] if r["list"] and r["want"] and not r["cut_flag"] else [])
        )
        lines.append(
            f"    {r['id']:<24} [{r['meta']['list_state']}] wrong: {what}; parsed as {r['parsed']}"
        )
        if verbose and not r["list"]:
            lines += _first_diff(r["want"], r["got"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=Path, default=DEFAULT_COPIES_DIR, help="rebuilt copies folder")
    ap.add_argument(
        "--split",
        choices=(*SPLITS, "all"),
        default="all",
        help="which part to measure (default: every part, reported apart)",
    )
    ap.add_argument(
        "--allow-space-variants",
        action="store_true",
        help="accept copies that differ only in the kind of space characters",
    )
    ap.add_argument("--verbose", action="store_true", help="show the first differing item")
    ap.add_argument("--manifest", type=Path, default=COPIES_MANIFEST, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    try:
        copies = load_parse_set(
            args.copies, manifest=args.manifest, allow_space_variants=args.allow_space_variants
        )
    except RealSetError as exc:
        print(f"eval_real_parse: {exc}", file=sys.stderr)
        return 1
    rows = evaluate(copies)
    print(f"parser {PARSER_VERSION}: real parse set from {args.copies}")
    for split in SPLITS:
        if args.split in (split, "all"):
            print(report([r for r in rows if r["meta"]["split"] == split], split, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
