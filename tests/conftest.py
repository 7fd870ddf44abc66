"""Shared test helpers. Prefect-specific setup lives in tests/prefect_harness.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

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
