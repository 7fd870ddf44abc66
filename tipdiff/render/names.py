"""The file names of the country pages, from what every output knows of a country (its key,
standard name and ISO3 code): the pages use them, and `tipdiff find` links to them from the
tables without loading the page machinery."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence


def page_names(histories: Sequence) -> dict[str, str]:
    """Country key -> file stem. ISO3 codes as they are ("PER"); other names as a slug of
    safe characters ("grand-fenwick"), never a year, "index" or a theme page's name
    ("theme-..."), unique within the run."""
    names: dict[str, str] = {}
    taken = {"index"}
    for h in sorted(histories, key=lambda h: h.key):
        if h.country_code:
            stem = h.country_code
        else:
            stem = re.sub(r"[^a-z0-9]+", "-", h.country.lower()).strip("-")[:60] or "country"
            if stem.isdigit() or stem in taken or stem.startswith("theme"):
                stem = f"{stem}-{hashlib.sha256(h.key.encode()).hexdigest()[:8]}"
        taken.add(stem)
        names[h.key] = stem
    return names
