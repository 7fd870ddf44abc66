"""Issue 16, rows 6 and 8: a run trusts nothing of the published set that it cannot check.

The reuse indexes (blocks.json, reports/sections.json with its feed entries,
lineage_checks.json) are used only when the set's manifest vouches for their bytes; the
no-change check hashes every published file. Each tampered set, rerun, gives exactly what
a clean run gives. Real flow runs (Prefect's test harness), on the synthetic history.
"""

from __future__ import annotations

import json
import shutil

import pytest

from tipdiff.digest import DIGEST_FILES
from tipdiff.publish import current_set
from tipdiff.testing.history import make_history

pytestmark = pytest.mark.usefixtures("prefect_harness")

YEARS = range(2014, 2020)


def run(raw, out):
    from tipdiff.flows.pipeline import tipdiff_run

    return tipdiff_run(raw=str(raw), out=str(out), progress=False)


def published(out):
    """Every file of the current set but the manifest (it records times) and the digest (what
    is new against the set it replaced: a clean run replaced none)."""
    current = current_set(out)
    return {str(p.relative_to(current)): p.read_bytes() for p in sorted(current.rglob("*"))
            if p.is_file() and p.name != "manifest.json"
            and str(p.relative_to(current)) not in DIGEST_FILES}


@pytest.fixture(scope="module")
def sets(tmp_path_factory):
    """A set published before the last year came (`before`), and a clean run with it."""
    root = tmp_path_factory.mktemp("tamper")
    history = make_history(6, YEARS, seed=11, whole_report_years=())
    raw = root / "raw"
    history.write(raw, years=YEARS[:-1])
    before = root / "before"
    run(raw, before)
    history.write(raw, years=YEARS[-1:])  # the new year: one input change
    clean = root / "clean"
    run(raw, clean)
    return raw, before, clean


def _copy(src, dst):
    shutil.copytree(src, dst, symlinks=True)
    return dst


def _edit_json(path, change):
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data, separators=(",", ":")) + "\n")


def _swap_block_keys(index):
    blocks = index["files"]["changes.csv"]["blocks"]
    a, b = 0, len(blocks) // 2
    blocks[a][0], blocks[b][0] = blocks[b][0], blocks[a][0]
    blocks = index["files"]["recommendations.jsonl"]["blocks"]
    blocks[1][0], blocks[-2][0] = blocks[-2][0], blocks[1][0]


def _swap_section_keys(index):
    page = next(p for p, places in index["pages"].items() if len(places) >= 3)
    places = index["pages"][page]
    places[0][0], places[1][0] = places[1][0], places[0][0]


def _swap_feed_entries(index):
    feeds = list(index["feed_entries"])
    a, b = index["feed_entries"][feeds[0]], index["feed_entries"][feeds[1]]
    a[0][0], b[0][0] = b[0][0], a[0][0]
    a[-2][0], b[-2][0] = b[-2][0], a[-2][0]


def _wrong_answers(index):
    for key, answer in index["checks"].items():
        index["checks"][key] = [] if answer else [[0, 0]]


@pytest.mark.parametrize("name, tamper, reuse", [
    ("blocks.json", _swap_block_keys, "table_blocks"),
    ("reports/sections.json", _swap_section_keys, "page_parts"),
    ("reports/sections.json", _swap_feed_entries, "page_parts"),
    ("lineage_checks.json", _wrong_answers, "lineage_checks"),
])
def test_a_tampered_reuse_index_is_not_trusted_and_the_rerun_equals_a_clean_run(
        sets, tmp_path, name, tamper, reuse):
    raw, before, clean = sets
    out = _copy(before, tmp_path / "out")
    _edit_json(current_set(out) / name, tamper)
    result = run(raw, out)
    assert published(out) == published(clean)
    assert result["cache"][reuse]["reused"] == 0  # the index was not trusted at all
    # the untampered indexes of the same set were still used
    others = {"table_blocks", "page_parts", "lineage_checks"} - {reuse}
    assert all(result["cache"][k]["reused"] > 0 for k in others), result["cache"]


@pytest.mark.parametrize("damage", ["truncate a page", "swap two .md files", "edit a table"])
def test_a_damaged_published_file_is_no_no_change_and_the_rerun_repairs_it(sets, tmp_path, damage):
    raw, _before, clean = sets
    out = _copy(clean, tmp_path / "out")
    current = current_set(out)
    pages = sorted(current.glob("reports/*.md"))
    if damage == "truncate a page":
        page = current / "reports" / "index.html"
        page.write_bytes(page.read_bytes()[:200])
    elif damage == "swap two .md files":
        a, b = pages[0].read_bytes(), pages[1].read_bytes()
        pages[0].write_bytes(b)
        pages[1].write_bytes(a)
    else:
        table = current / "tiers.csv"
        table.write_text(table.read_text().replace("Tier 3", "Tier 1"))
    result = run(raw, out)
    assert result["unchanged"] is False
    assert published(out) == published(clean)
