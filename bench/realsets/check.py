"""Check rebuilt real copies against the manifests.

    python bench/realsets/check.py [--copies DIR] [--allow-space-variants] [--verbose]

For every copy of `copies.jsonl`: is the file there, do its bytes hash to the recorded sha256,
and does each recommendation span hash to its recorded item sha256. Also checks the manifests
themselves (ids, spans inside the text, pairs naming existing copies and item numbers).
Prints each copy that is missing or different and why; exit status 1 on any mismatch. A copy
that differs only in the kind of space characters (a no-break space saved as a plain space) is
a mismatch too, unless --allow-space-variants.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from realsets.load import (  # noqa: E402
    COPIES_MANIFEST,
    DEFAULT_COPIES_DIR,
    LINK_KINDS,
    PAIRS_MANIFEST,
    SPLITS,
    RealSetError,
    check_copy,
    copy_records,
    read_jsonl,
    safe_id,
)


def manifest_problems(copies: list[dict], pairs: list[dict]) -> list[str]:
    """Structural faults of the manifests (no copy text needed)."""
    out, ids = [], {}
    for n, rec in enumerate(copies, 1):
        try:
            cid = safe_id(rec.get("id"))
        except RealSetError as exc:
            out.append(f"copies.jsonl:{n}: {exc}")
            continue
        if cid in ids:
            out.append(f"copies.jsonl:{n}: {cid} repeats line {ids[cid]}")
        ids[cid] = n
        if rec.get("split") not in SPLITS:
            out.append(f"{cid}: split {rec.get('split')!r} is not one of {SPLITS}")
        last = 0
        for k, it in enumerate(rec.get("items", []), 1):
            if it.get("number") != k:
                out.append(f"{cid}: item {k} is numbered {it.get('number')}")
            if not (last <= it["start"] < it["end"] <= rec["chars"]):
                out.append(
                    f"{cid}: item #{k} span [{it['start']}, {it['end']}) out of order or range"
                )
            last = it["end"]
    by_country: dict[str, set[str]] = {}
    for p in pairs:
        pid = p.get("id", "?")
        for side in ("old", "new"):
            if p.get(side) not in ids:
                out.append(f"pair {pid}: {side} copy {p.get(side)!r} is not in copies.jsonl")
        if any(p.get(s) not in ids for s in ("old", "new")):
            continue
        n_old = len(copies[ids[p["old"]] - 1]["items"])
        n_new = len(copies[ids[p["new"]] - 1]["items"])
        for a, b, kind in p["links"]:
            if kind not in LINK_KINDS:
                out.append(f"pair {pid}: link kind {kind!r} is not one of {LINK_KINDS}")
            if not (1 <= a <= n_old and 1 <= b <= n_new):
                out.append(f"pair {pid}: link {a}->{b} names an item that does not exist")
        for key, n in (
            ("added", n_new),
            ("not_visible_new", n_new),
            ("unjudged_new", n_new),
            ("dropped", n_old),
            ("not_visible_old", n_old),
            ("unjudged_old", n_old),
        ):
            if any(not 1 <= x <= n for x in p.get(key, [])):
                out.append(f"pair {pid}: {key} names an item that does not exist")
        if p.get("split") not in SPLITS:
            out.append(f"pair {pid}: split {p.get('split')!r} is not one of {SPLITS}")
        for side in ("old", "new"):
            part = copies[ids[p[side]] - 1].get("split")
            if part != p.get("split"):
                out.append(f"pair {pid}: its {side} copy is in part {part!r}")
        by_country.setdefault(p.get("iso3", "?"), set()).add(p.get("split"))
    for c, splits in by_country.items():
        if len(splits) > 1:
            out.append(f"country {c} has pairs in both parts {sorted(splits)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=Path, default=DEFAULT_COPIES_DIR, help="the rebuilt copies")
    ap.add_argument("--manifest", type=Path, default=COPIES_MANIFEST, help=argparse.SUPPRESS)
    ap.add_argument("--pairs", type=Path, default=PAIRS_MANIFEST, help=argparse.SUPPRESS)
    ap.add_argument(
        "--allow-space-variants",
        action="store_true",
        help="accept a copy whose only difference is the kind of space characters",
    )
    ap.add_argument("--verbose", action="store_true", help="also list the copies that match")
    args = ap.parse_args(argv)
    try:
        copies = copy_records(args.manifest)
        pairs = read_jsonl(args.pairs) if args.pairs.exists() else []
    except (RealSetError, OSError) as exc:
        print(f"check: {exc}", file=sys.stderr)
        return 1
    bad = manifest_problems(copies, pairs)
    for line in bad:
        print(f"MANIFEST {line}")
    tally = {"ok": 0, "spaces": 0, "missing": 0, "different": 0}
    for rec in copies:
        try:
            status, problems, _ = check_copy(rec, args.copies)
        except RealSetError as exc:
            print(f"MANIFEST {exc}")
            bad.append(str(exc))
            continue
        if status == "ok-spaces":
            print(
                f"ok        {rec['id']}: matches, with no-break spaces where the manifest could "
                "not tell them from plain ones (its byte count is the recorded excerpt's)"
            )
            status = "ok"
        tally[status] += 1
        if status == "ok":
            if args.verbose:
                print(f"ok        {rec['id']}")
            continue
        if status == "spaces" and args.allow_space_variants and len(problems) == 1:
            print(f"spaces    {rec['id']}: accepted (--allow-space-variants)")
            tally["spaces"] -= 1
            tally["ok"] += 1
            continue
        print(f"{status:<9} {rec['id']}: " + "; ".join(problems))
        if status in ("missing", "different"):
            print(f"          rebuild from: query {rec['query']!r} -> {rec['url']}")
    total = len(copies)
    print(
        f"{tally['ok']} of {total} copies match; {tally['missing']} missing, "
        f"{tally['different']} different, {tally['spaces']} differing only in the kind of space"
        + (f"; {len(bad)} manifest problem(s)" if bad else "")
    )
    return 0 if tally["ok"] == total and not bad else 1


if __name__ == "__main__":
    sys.exit(main())
