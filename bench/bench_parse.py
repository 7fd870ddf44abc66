"""Parser throughput (median of 3): a full-report-sized file with many countries, and
header-less text at two sizes, whose time ratio shows the parser stays linear."""

from __future__ import annotations

import statistics
import time

from tipdiff.parse import parse_bytes
from tipdiff.testing.evalset import synthetic_corpus


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
    print(
        f"multi-country text: {len(full) / 1e6:.1f} MB, {docs} narratives: {t:.2f} s "
        f"({len(full) / 1e6 / t:.1f} MB/s)"
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


if __name__ == "__main__":
    main()
