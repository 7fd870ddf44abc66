"""Exactness per input shape on the project's own fixtures, and the failure classes of
issue 7 with the fixture that reproduces each.

    python bench/eval_shapes.py

A shape is exact when parsing its fixture gives its reviewed golden JSON
(tests/fixtures/shapes/golden/) to the character: same documents, same items, same
boundaries, same warnings.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_parse_shapes import FAILURE_CLASSES  # noqa: E402
from tipdiff.parse import PARSER_VERSION, parse_bytes  # noqa: E402
from tipdiff.records import parse_object  # noqa: E402

SHAPES = ROOT / "tests" / "fixtures" / "shapes"


def exact(name: str) -> tuple[bool, int, int]:
    """(same as the golden, items parsed, items in the golden)."""
    got = parse_object(parse_bytes((SHAPES / name).read_bytes(), source=name))
    want = json.loads((SHAPES / "golden" / (name + ".json")).read_text(encoding="utf-8"))
    n_got = sum(len(d["recommendations"]) for d in got["documents"])
    n_want = sum(len(d["recommendations"]) for d in want["documents"])
    return got == want, n_got, n_want


def main() -> None:
    names = sorted(p.name[: -len(".json")] for p in (SHAPES / "golden").glob("*.json"))
    print(f"parser {PARSER_VERSION}: {len(names)} shape fixtures")
    ok = 0
    results = {}
    for name in names:
        same, n_got, n_want = exact(name)
        results[name] = same
        ok += same
        print(f"  {'exact' if same else 'DIFF '}  {name}  ({n_got}/{n_want} items)")
    print(f"exact: {ok} of {len(names)}")
    print("failure classes of issue 7:")
    for cls, fixtures in FAILURE_CLASSES.items():
        status = []
        for f in fixtures:
            status.append(f"{f} {'pass' if results.get(f) else 'FAIL'}")
        print(f"  {cls}: " + "; ".join(status))


if __name__ == "__main__":
    main()
