"""Build tipdiff/data/reference_vocabulary.json: document frequencies of word stems over a
body of recommendation texts written in the report's register, in our own words.

The aligner's term weights come from this shipped table (tipdiff.scoring.reference_weights),
so a pair's score depends on that pair only. The body is the evaluation set's TUNE part
(bench/evalset/tune.jsonl, every item of both years), the synthetic bank in
tipdiff.testing.evalset and the demo narratives' recommendations. The held-out part is
never read here. Run `make vocabulary` after changing any of them, then bump
ALIGNER_VERSION (the weights change every score).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tipdiff.inputs import inventory, parse_files  # noqa: E402
from tipdiff.normalize import clean, content_stems  # noqa: E402
from tipdiff.testing.evalset import ASKS  # noqa: E402

VERSION = "2"


def texts() -> list[str]:
    out: list[str] = []
    tune = ROOT / "bench" / "evalset" / "tune.jsonl"
    if tune.exists():
        for line in tune.read_text(encoding="utf-8").splitlines():
            if line.strip():
                pair = json.loads(line)
                out += pair["old"] + pair["new"] + pair.get("older", [])
    out += [t for ask in ASKS for t in ask]
    demo = parse_files(inventory(ROOT / "data" / "raw"))
    out += [r.text for d in demo.documents for r in d.recommendations]
    return list(dict.fromkeys(out))  # each distinct text once


def main() -> int:
    body = texts()
    df: Counter[str] = Counter()
    for t in body:
        df.update(set(content_stems(clean(t))))
    data = {
        "version": VERSION,
        "documents": len(body),
        "note": "document frequencies of word stems (tipdiff.normalize.content_stems) over "
        "recommendation texts written in our own words; see bench/build_vocabulary.py",
        "document_frequency": dict(sorted(df.items())),
    }
    path = ROOT / "tipdiff" / "data" / "reference_vocabulary.json"
    path.write_text(json.dumps(data, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(body)} texts, {len(df)} stems")
    return 0


if __name__ == "__main__":
    sys.exit(main())
