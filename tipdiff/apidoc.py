"""The API reference, docs/api.md, made from the docstrings of what `tipdiff.__all__`
declares (`python -m tipdiff.apidoc docs/api.md`): each function's signature and docstring,
then each type's. tests/test_api.py checks that the file is current, that it documents exactly
`__all__`, and runs every example in it."""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

import tipdiff

# --------------------------------------------------------------------------- reference

# What the API reference documents, in `tipdiff.__all__`'s order: the functions, then the
# types they return or raise (a test checks that `__all__` lists them in that order).
FUNCTIONS = tuple(n for n in tipdiff.__all__ if not inspect.isclass(getattr(tipdiff, n)))
TYPES = tuple(n for n in tipdiff.__all__ if inspect.isclass(getattr(tipdiff, n)))


def reference() -> str:
    """docs/api.md: the API reference, from the docstrings (`python -m tipdiff.apidoc FILE`)."""
    lines = [
        "# tipdiff's Python API",
        "",
        "<!-- Made by `python -m tipdiff.apidoc docs/api.md` from the docstrings; "
        "tests/test_api.py checks that it is current and runs every example. -->",
        "",
        inspect.cleandoc(tipdiff.__doc__ or ""),
        "",
        "The examples run from the repository's root (they read the demo data in `data/raw/`);",
        "`out` is the folder the `run` example published into.",
        "",
    ]
    for name in (*FUNCTIONS, *TYPES):
        obj = getattr(tipdiff, name)
        kind = "function" if name in FUNCTIONS else "class"
        try:
            signature = f"{name}{inspect.signature(obj)}"
        except (TypeError, ValueError):
            signature = name
        if kind == "class" and issubclass(obj, BaseException):
            signature = f"{name}({obj.__mro__[1].__name__})"
        lines += [f"## `{name}`", "", "```python", f"tipdiff.{signature}", "```", ""]
        lines += [inspect.cleandoc(obj.__doc__ or ""), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tipdiff.apidoc FILE (the API reference, docs/api.md)")
        return 2
    Path(argv[0]).write_text(reference(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv[1:]))
