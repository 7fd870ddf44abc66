"""The shape of the code: a Prefect-free core whose floors import only downwards, and flows
and tasks installed under the project's own name."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys

import tipdiff

from .conftest import ROOT

# Inputs low, outputs high: a module may import modules of its own floor or of floors below.
FLOORS = [
    {"model", "countries", "tiers", "limits", "trust"},
    {"read"},
    {"parse"},
    {"inputs"},
    {"normalize", "scoring", "align", "review", "evidence", "themes"},
    {"diff", "lineage", "corpus", "stock"},
    {"blocks", "records"},
    {"tables", "render", "manifest", "jsonschemas", "digest", "panel", "datapackage", "workbook"},
    {"atomic", "publish", "web", "notify", "find", "plan", "api", "apidoc", "cli", "__main__"},
]
NOT_CORE = {"flows", "tasks", "testing"}


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tipdiff.__path__, "tipdiff."):
        if info.name.split(".")[1] not in NOT_CORE and info.name != "tipdiff.__main__":
            names.append(info.name)  # __main__ runs the CLI when imported
    return sorted(names)


def floor_of(module: str) -> int:
    top = module.split(".")[1]
    for k, floor in enumerate(FLOORS):
        if top in floor:
            return k
    raise AssertionError(f"tipdiff.{top} is on no floor of tests/test_architecture.py: add it")


def test_every_core_module_imports_without_prefect():
    """Prefect is made unimportable; every core module must still import."""
    code = (
        "import importlib, sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'prefect' or name.startswith(('tipdiff.flows', 'tipdiff.tasks')):\n"
        "            raise ImportError('blocked: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {core_modules()!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('prefect', 'flows', 'tasks')]\n"
        "assert not bad, bad\n"
        "print(len(sys.modules))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert len(core_modules()) >= 16


def _imports(path) -> set[str]:
    """tipdiff modules imported by a file (relative or absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "tipdiff" + "".join(
        "." + p for p in path.relative_to(ROOT / "tipdiff").parent.parts
    )
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                mod = f"{base}.{node.module}" if node.module else base
                if node.module is None:
                    out |= {f"{base}.{a.name}" for a in node.names}
                else:
                    out.add(mod)
            elif node.module and node.module.startswith("tipdiff."):
                out.add(node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("tipdiff.")}
    return {m for m in out if m.count(".") >= 1}


def test_core_floors_import_only_downwards():
    bad = []
    for path in sorted((ROOT / "tipdiff").rglob("*.py")):
        rel = path.relative_to(ROOT / "tipdiff")
        if rel.parts[0] in NOT_CORE or rel.name == "__init__.py" and len(rel.parts) == 1:
            continue
        me = "tipdiff." + ".".join(rel.with_suffix("").parts)
        mine = floor_of(me)
        for other in _imports(path):
            if other.split(".")[1] in ("flows", "tasks") and me.split(".")[1] in ("api", "cli"):
                continue  # the API's `run` and the CLI, the top layer, start flows
            if floor_of(other) > mine:
                bad.append(f"{me} (floor {mine}) imports {other} (floor {floor_of(other)})")
    assert not bad, "\n".join(bad)


def test_flows_and_tasks_install_under_the_project_name():
    code = (
        "import importlib.util, tipdiff.flows.pipeline, tipdiff.tasks.pipeline\n"
        "assert importlib.util.find_spec('flows') is None, 'a top-level flows package is installed'\n"
        "assert importlib.util.find_spec('tasks') is None, 'a top-level tasks package is installed'\n"
        "print(tipdiff.flows.pipeline.__file__)\n"
    )
    # From outside the repository, so only what is installed counts.
    proc = subprocess.run([sys.executable, "-c", code], cwd="/", capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(ROOT / "flows" / "pipeline.py")
