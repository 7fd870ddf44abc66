"""Shared test helpers and a hermetic Prefect setup (temp home, no network, no heartbeat)."""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import settings
from tipdiff.flows import PREFECT_DEFAULTS

# CI is deterministic (the same examples every run); local runs explore new ones, and what
# they find is pinned with @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

# Before anything imports prefect: a throwaway home, nothing leaves the machine.
_PREFECT_HOME = tempfile.mkdtemp(prefix="tipdiff-prefect-home-")
PREFECT_TEST_ENV = {**PREFECT_DEFAULTS, "PREFECT_HOME": _PREFECT_HOME}
os.environ.update(PREFECT_TEST_ENV)
os.environ.pop("PREFECT_API_URL", None)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = ROOT / "data" / "raw" / "2023" / "peru_2023_tip_excerpt.txt"
UPDATE_ENV = "TIPDIFF_UPDATE_GOLDEN"


def assert_golden(actual: object, path: Path) -> None:
    """Compare with a golden file; regenerate on purpose with TIPDIFF_UPDATE_GOLDEN=1."""
    text = actual if isinstance(actual, str) else json.dumps(actual, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with {UPDATE_ENV}=1")
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"output differs from {path.relative_to(ROOT)}; if the change is intended, "
        f"regenerate with {UPDATE_ENV}=1 and review the diff")


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the session (~9 s once, ~0.1 s per flow after)."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            yield


@pytest.fixture
def fresh_result_cache(tmp_path):
    """Cached task results kept apart from other tests, so cache counts are this test's own."""
    from prefect.settings import PREFECT_LOCAL_STORAGE_PATH, temporary_settings

    with temporary_settings(updates={PREFECT_LOCAL_STORAGE_PATH: tmp_path / "results"}):
        yield


def cli_env(home: Path) -> dict:
    """Environment for a `tipdiff` subprocess: its own Prefect home, offline."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_TEST_ENV)
    env["PREFECT_HOME"] = str(home)
    return env


def tree_state(root: Path) -> dict:
    """Every file below root with its bytes' hash and mtime (to prove nothing was written)."""
    import hashlib

    return {str(p.relative_to(root)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@lru_cache(maxsize=1)
def demo_model():
    """The demo corpus through the core, as the run computes it: (docs, diffs, histories,
    errors); `diffs` are the model's final ones (every country's `h.diffs`). Sources are
    named as users see them (data/raw/...)."""
    from tipdiff.corpus import analyse
    from tipdiff.inputs import inventory, parse_files

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        parsed = parse_files(inventory(Path("data/raw")))
    finally:
        os.chdir(cwd)
    result = analyse(parsed.documents)
    docs = tuple(n for h in result.histories for n in h.narratives)
    diffs = tuple(d for h in result.histories for d in h.diffs)
    return docs, diffs, result.histories, parsed.errors + result.duplicates


@pytest.fixture(scope="session")
def synthetic_run(tmp_path_factory):
    """A real `tipdiff run` over a synthetic history of every report year (6 countries,
    2001-2024, a whole-report file in 2012): (history, raw folder, out folder). Shared by
    the tests that read a published set (one truth, find)."""
    import subprocess
    import sys

    from tipdiff.testing.history import make_history

    raw = tmp_path_factory.mktemp("raw")
    history = make_history(6, range(2001, 2025), seed=15, whole_report_years=(2012,))
    history.write(raw)
    out = tmp_path_factory.mktemp("out")
    proc = subprocess.run(
        [sys.executable, "-m", "tipdiff", "run", "--raw", str(raw), "--out", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
        env=cli_env(tmp_path_factory.mktemp("prefect-home")),
    )
    assert proc.returncode == 0, proc.stderr
    return history, raw, out
