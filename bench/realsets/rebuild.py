"""Rebuild the real copies from the search tool's answers.

    python bench/realsets/rebuild.py --list-queries            # what to ask the tool
    python bench/realsets/rebuild.py ANSWER.json [...] [--copies DIR]

Each ANSWER file holds what the `search` tool returned for one of the recorded queries (the
JSON object with "query" and "results", saved exactly; several answers may sit in one file as a
JSON list or as JSON Lines). For every copy of the manifest whose address appears in the
answers, the matching excerpt is written as `DIR/<id>.txt`, byte for byte (UTF-8, nothing added).
When one address gives several excerpts, the one whose sha256 is recorded wins; failing that the
recorded position among that address's excerpts. A copy already in DIR that matches its hashes
is never replaced. Then it prints what it wrote and what is still missing; `check.py` verifies.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from realsets.load import (  # noqa: E402
    COPIES_MANIFEST,
    DEFAULT_COPIES_DIR,
    RealSetError,
    check_copy,
    copy_records,
    fold_spaces,
    safe_id,
    sha256_text,
)

MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a tool answer is tens of kB; anything huge is not one
# How close a copy is to its record: a copy is only ever replaced by a closer one.
RANK = {"missing": 0, "absent": 0, "different": 1, "spaces": 2, "exact": 3, "ok": 3}


def read_answers(path: Path) -> list[dict]:
    """The tool answers in one file: a JSON object, a JSON list of them, or JSON Lines."""
    size = path.stat().st_size
    if size > MAX_ANSWER_BYTES:
        raise RealSetError(f"{path}: {size} bytes; a saved tool answer is far smaller (refused)")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RealSetError(f"{path}: not UTF-8 at byte {exc.start}") from exc
    try:
        data = json.loads(text)
        answers = data if isinstance(data, list) else [data]
    except json.JSONDecodeError:
        answers = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    answers.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise RealSetError(
                        f"{path}:{n}: expected a JSON tool answer (or one per line): {exc.msg}"
                    ) from exc
    out = []
    for k, ans in enumerate(answers, 1):
        where = f"{path} (answer {k})"
        if not isinstance(ans, dict) or not isinstance(ans.get("results"), list):
            raise RealSetError(f"{where}: expected an object with a 'results' list")
        for r, res in enumerate(ans["results"], 1):
            if not (
                isinstance(res, dict)
                and isinstance(res.get("url"), str)
                and isinstance(res.get("excerpt"), str)
            ):
                raise RealSetError(f"{where}, result {r}: expected 'url' and 'excerpt' strings")
        out.append(ans)
    return out


def excerpts_for(rec: dict, answers: list[dict]) -> list[str]:
    """The distinct excerpts the answers give for this copy's address, in answer and rank order;
    answers to the copy's own recorded query come first."""
    own = [a for a in answers if a.get("query") == rec["query"]]
    rest = [a for a in answers if a.get("query") != rec["query"]]
    seen: list[str] = []
    for ans in own + rest:
        results = sorted(ans["results"], key=lambda r: r.get("rank", 0))
        for res in results:
            if res["url"] == rec["url"] and res["excerpt"] not in seen:
                seen.append(res["excerpt"])
    return seen


def choose(rec: dict, candidates: list[str]) -> tuple[str | None, str]:
    for ex in candidates:
        if hashlib.sha256(ex.encode("utf-8")).hexdigest() == rec["sha256"]:
            return ex, "exact"
    for ex in candidates:
        if sha256_text(fold_spaces(ex)) == rec["sha256_spaces_folded"]:
            return ex, "spaces"
    k = rec.get("excerpt_of_url", 1)
    if len(candidates) >= k:
        return candidates[k - 1], "different"
    return None, "absent"


def write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".rebuild-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def rebuild(answer_files: list[Path], copies_dir: Path, manifest: Path = COPIES_MANIFEST) -> int:
    answers = []
    for p in answer_files:
        answers += read_answers(p)
    copies_dir.mkdir(parents=True, exist_ok=True)
    counts = {"kept": 0, "exact": 0, "spaces": 0, "different": 0, "absent": 0}
    lines = []
    for rec in copy_records(manifest):
        cid = safe_id(rec["id"])
        status, _, _ = check_copy(rec, copies_dir)
        if status == "ok":
            counts["kept"] += 1
            continue
        text, how = choose(rec, excerpts_for(rec, answers))
        counts[how] += 1
        if text is None:
            continue
        if RANK[how] <= RANK[status]:
            lines.append(f"  {cid}: kept as it was ({status}); the answer is no closer ({how})")
            continue
        write_atomic(copies_dir / f"{cid}.txt", text.encode("utf-8"))
        if how != "exact":
            lines.append(f"  {cid}: written, but it does not match the recorded bytes ({how})")
    print(
        f"{counts['exact']} written exactly, {counts['kept']} already there and verified, "
        f"{counts['spaces']} differing only in the kind of space, {counts['different']} "
        f"different, {counts['absent']} not in these answers"
    )
    for line in lines:
        print(line)
    return 0 if counts["spaces"] + counts["different"] == 0 else 1


def list_queries(manifest: Path = COPIES_MANIFEST) -> None:
    by_query: dict[str, list[str]] = {}
    for rec in copy_records(manifest):
        by_query.setdefault(rec["query"], []).append(rec["id"])
    for q, ids in by_query.items():
        print(json.dumps({"corpus": "pages", "query": q, "copies": ids}, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("answers", nargs="*", type=Path, help="files holding the tool's JSON answers")
    ap.add_argument("--copies", type=Path, default=DEFAULT_COPIES_DIR, help="where copies go")
    ap.add_argument("--manifest", type=Path, default=COPIES_MANIFEST, help=argparse.SUPPRESS)
    ap.add_argument("--list-queries", action="store_true", help="print the queries to run")
    args = ap.parse_args(argv)
    try:
        if args.list_queries:
            list_queries(args.manifest)
            return 0
        if not args.answers:
            ap.error("give the files holding the tool's answers (or --list-queries)")
        return rebuild(args.answers, args.copies, args.manifest)
    except (RealSetError, OSError) as exc:
        print(f"rebuild: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
