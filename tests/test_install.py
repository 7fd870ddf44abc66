"""A lean install for the main job (issue 17): `make demo` installs the runtime dependencies
only, `make test` adds the dev and Dask extras; every package comes from the pins."""

from __future__ import annotations

import shutil
import subprocess
import tomllib

import pytest

from .conftest import ROOT


def _plan(target: str, tmp_path) -> list[str]:
    """The commands `make TARGET` would run on a fresh clone (a venv that does not exist)."""
    proc = subprocess.run(["make", "-n", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [line for line in proc.stdout.splitlines() if "pip install" in line]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_demo_installs_the_runtime_only_and_make_test_the_extras(tmp_path):
    demo = _plan("demo", tmp_path)
    assert any(line.rstrip().endswith("-c constraints.txt -e .") for line in demo), demo
    assert not any("[dev" in line or "dask]" in line for line in demo), demo
    test = _plan("test", tmp_path)
    assert any('-e ".[dev,dask]"' in line for line in test), test
    assert all("-c constraints.txt" in line or "pip==" in line for line in demo + test)


def test_test_tools_are_extras_and_every_dependency_is_pinned_in_constraints():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {d.split("==")[0].lower() for d in project["dependencies"]}
    assert not runtime & {"pytest", "playwright", "reportlab", "hypothesis", "ruff",
                          "frictionless", "openpyxl", "prefect-dask"}
    pins = {line.split("==")[0].lower().replace("_", "-")
            for line in (ROOT / "constraints.txt").read_text().splitlines() if "==" in line}
    for dep in [*project["dependencies"], *(d for ds in project["optional-dependencies"].values()
                                           for d in ds)]:
        name = dep.split("==")[0].lower().replace("_", "-")
        assert "==" in dep and name in pins, dep
