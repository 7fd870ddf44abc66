"""tipdiff: what changed in the U.S. State Department's Trafficking in Persons (TIP) Report,
country by country, from one year to the next.

The Python API is what the `tipdiff` commands do, as functions that return data:

- `parse_file(path)`, `parse_text(text)`: the country narratives in a saved copy, with
  their errors and warnings as data (`ParseResult`);
- `diff(old, new)`: what changed between two report years, with the same verdicts as `run`
  (`DiffResult`: the year-pair objects of `tipdiff diff --json`);
- `run(raw, out)`: the main job (a Prefect flow): tables, pages, feeds, data package,
  workbook and manifest, published into `out` as one set;
- `load(out)`: one published set, read consistently, as pandas DataFrames keyed by table
  name, with its manifest (`PublishedSet`);
- `show(country, out)`: one country's whole history from a published set.

Errors are exceptions deriving from `TipdiffError`; bad input files are never raised but
reported as `InputError` rows. `import tipdiff` is light: pandas, the aligner and Prefect are
imported by the functions that need them (Prefect by `run` only).
"""

import sys as _sys
import types as _types

from .api import (
    DiffResult,
    UsageError,
    diff,
    load,
    parse_file,
    parse_text,
    run,
    show,
)
from .model import InputError, Narrative, ParseResult, Recommendation, TipdiffError
from .publish import LockBusy, NothingToPublish, NotPublished, PublishedSet, PublishError


class _Package(_types.ModuleType):
    """The package's module type. Python binds a submodule to its parent's name when it is
    first imported, and the core module `tipdiff.diff` (the diff model) shares its name with
    the API function `tipdiff.diff`: the binding is refused, so `tipdiff.diff` stays the
    function. The module is `sys.modules["tipdiff.diff"]`, and `from tipdiff.diff import X`
    works as before (`import tipdiff.diff as m` would name the function: import names from
    it instead)."""

    def __setattr__(self, name: str, value) -> None:
        if name in __all__ and isinstance(value, _types.ModuleType):
            return
        super().__setattr__(name, value)


_sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    """`__version__`, read from the package's metadata (one source: pyproject.toml) when
    first asked for (importlib.metadata would double the cost of `import tipdiff`)."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("tipdiff")
        except PackageNotFoundError:  # a source tree that was never installed
            value = "0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module 'tipdiff' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), "__version__"})

__all__ = [
    "parse_file",
    "parse_text",
    "diff",
    "run",
    "load",
    "show",
    "ParseResult",
    "Narrative",
    "Recommendation",
    "InputError",
    "DiffResult",
    "PublishedSet",
    "TipdiffError",
    "UsageError",
    "NotPublished",
    "LockBusy",
    "NothingToPublish",
    "PublishError",
]
