"""Every `--json` output has a JSON Schema in docs/schemas/ (issue 15), made from the same
vocabulary as the tables (tipdiff.jsonschemas); real outputs are validated against them
(show and diff also in tests/test_one_truth.py, over a whole synthetic history)."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from tipdiff.jsonschemas import schema_files, schemas

from .conftest import ROOT

RAW = ROOT / "data" / "raw"


def test_the_schema_files_in_the_repository_are_current():
    for name, data in schema_files().items():
        path = ROOT / "docs" / "schemas" / name
        assert path.read_bytes() == data, (
            f"{path} is out of date: run `python -m tipdiff.jsonschemas docs/schemas`")


def _cli(*args) -> dict:
    proc = subprocess.run([sys.executable, "-m", "tipdiff", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("args", [
    ("parse", "--json", *sorted(str(p) for p in RAW.glob("*/*.txt"))),
    ("diff", "--json", str(RAW / "2023/synthetic_freedonia_2023.txt"),
     str(RAW / "2024/synthetic_freedonia_2024.txt"),
     "--earlier", str(RAW / "2022/synthetic_freedonia_2022.txt")),
])
def test_real_outputs_validate(args):
    doc = _cli(*args)
    jsonschema.Draft202012Validator(schemas()[args[0]]).validate(doc)
    if args[0] == "diff":  # the reinstated hotline ask, with its last wording
        (pair,) = doc["pairs"]
        (back,) = [c for c in pair["changes"] if c["kind"] == "reinstated"]
        assert back["last_asked"]["year"] == 2022 and pair["counts"]["reinstated"] == 1


def test_a_broken_output_fails_its_schema():
    doc = _cli("parse", "--json", str(RAW / "2023/peru_2023_tip_excerpt.txt"))
    doc["documents"][0]["recommendations"][0]["number"] = 0  # numbers start at 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schemas()["parse"]).validate(doc)
