"""Parser throughput (median of 3): a full-report-sized file with many countries (time per
MiB of text), a PDF of the report's layout (time per page, reading and parsing), and
header-less text at two sizes, whose time ratio shows the parser stays linear."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.pdf_report import build_pdf, paginate  # noqa: E402
from tipdiff.parse import parse_bytes  # noqa: E402
from tipdiff.testing.evalset import synthetic_corpus  # noqa: E402


def timed(data: bytes, **kw) -> tuple[float, int]:
    times, docs = [], 0
    for _ in range(3):
        t0 = time.perf_counter()
        docs = len(parse_bytes(data, source="bench.txt", **kw).documents)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), docs


def main() -> None:
    full = "\n".join(synthetic_corpus(190, range(2023, 2024)).values()).encode() * 10
    t, docs = timed(full)
    mib = len(full) / 2**20
    print(
        f"multi-country text: {mib:.1f} MiB, {docs} narratives: {t:.2f} s "
        f"({t / mib:.2f} s per MiB of text)"
    )
    text = "\n".join(synthetic_corpus(60, range(2022, 2023)).values())
    lines = [chunk for line in text.split("\n") for chunk in _wrap(line)]
    pdf = build_pdf(paginate(lines, per_page=48, running=["FREEDONIA"]))
    pages = -(-len(lines) // 48)
    t, docs = timed(pdf, year=2022)
    print(
        f"PDF in the report's layout: {pages} pages, {docs} narratives: {t:.2f} s "
        f"({1000 * t / pages:.1f} ms per page, reading and parsing)"
    )
    prose = (
        "The Government of Freedonia does not fully meet the minimum standards for the elimination "
        "of trafficking. Officials reported some progress. Courts convicted few traffickers. "
        * 10000
    )
    small, large = prose.encode(), (prose * 4).encode()
    ts, _ = timed(small, year=2023)
    tl, _ = timed(large, year=2023)
    print(
        f"header-less prose: {len(small) / 1e6:.1f} MB {ts:.2f} s, "
        f"{len(large) / 1e6:.1f} MB {tl:.2f} s: "
        f"4x the text took {tl / ts:.1f}x the time (linear is 4x)"
    )


def _wrap(line: str, width: int = 110) -> list[str]:
    import textwrap

    return textwrap.wrap(line, width, break_on_hyphens=False) or [""]


if __name__ == "__main__":
    main()
