"""Compare PDF text libraries on PDFs built in the report's layout (how tipdiff chose one).

    python bench/bench_pdf_libraries.py [--pages 300]

pypdfium2 is pinned (tipdiff reads PDFs with it); pypdf and pdfplumber are measured only
when installed by hand (`pip install pypdf pdfplumber`): they are not dependencies. Prints
per library the median time per page (3 runs; pdfplumber 1 run) and text quality: whether
each parses to the same documents as the equivalent text, ligatures come out as letters,
and the line-end hyphens survive so the parser can rejoin them.
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.pdf_report import build_pdf, paginate  # noqa: E402
from tests.test_pdf import EQUIVALENT_TEXT, PAGES  # noqa: E402
from tipdiff.parse import parse_bytes, parse_narrative  # noqa: E402
from tipdiff.read import PAGE_BREAK, pdf_to_text  # noqa: E402


def _pypdf(data: bytes) -> list[str]:
    import pypdf

    return [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def _pdfplumber(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as doc:
        return [p.extract_text() for p in doc.pages]


def _pypdfium2(data: bytes) -> list[str]:
    return pdf_to_text(data, source="bench.pdf").split(PAGE_BREAK)


LIBRARIES = {"pypdfium2": _pypdfium2, "pypdf": _pypdf, "pdfplumber": _pdfplumber}


def _docs(result):
    return [(d.country, d.tier, [r.text for r in d.recommendations]) for d in result.documents]


def _big_pdf(pages: int) -> bytes:
    lines = []
    for c in range(pages // 3 + 1):
        name = "COUNTRY " + "".join(chr(65 + int(x)) for x in f"{c:03d}")
        lines += [f"{name}: TIER 2", "PRIORITIZED RECOMMENDATIONS:"]
        lines += [
            f"Increase efforts to identify victims of forced labor in sector {k} and "
            "re\ufb02ect on the \ufb01ndings with NGOs and the labor inspectorate."
            for k in range(140)
        ]
    return build_pdf(paginate(lines, per_page=48, running=["FREEDONIA"])[:pages])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    args = ap.parse_args()
    small, big = build_pdf(PAGES), _big_pdf(args.pages)
    want = _docs(parse_bytes(EQUIVALENT_TEXT.encode(), source="t.txt"))
    print(f"{args.pages}-page PDF in the report's layout; quality on a 2-page PDF with 2 countries")
    for name, extract in LIBRARIES.items():
        if importlib.util.find_spec(name) is None:
            print(f"  {name:<11} not installed (pip install {name} to compare)")
            continue
        runs = 1 if name == "pdfplumber" else 3
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            extract(big)
            times.append(time.perf_counter() - t0)
        per_page = 1000 * statistics.median(times) / args.pages
        text = "\f".join(extract(small))
        same = _docs(parse_narrative(text, source="t.pdf")) == want
        ligatures = "\ufb01" not in text and "\ufb02" not in text
        hyphens = "traf-" in text or "traf\ufffe" in text
        print(
            f"  {name:<11} {per_page:7.1f} ms/page  same documents as the text: {same!s:<5} "
            f"ligatures as letters: {ligatures!s:<5} line-end hyphen kept: {hyphens}"
        )


if __name__ == "__main__":
    main()
