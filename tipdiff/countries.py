"""Country names to one canonical name and ISO3 code, via country_converter's own data.

country_converter 1.3.2 reads its table with pandas' default NA values, which turns
Namibia's ISO2 code "NA" into a missing value and crashes under pandas 3; we load the same
bundled table with NA detection limited to empty cells and hand it to the library.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import lru_cache

_NOT_FOUND = "\x00not-found"


@lru_cache(maxsize=1)
def _converter():
    import country_converter as coco
    import pandas as pd

    logging.getLogger("country_converter").setLevel(logging.CRITICAL)
    path = coco.country_converter.COUNTRY_DATA_FILE
    table = pd.read_csv(path, sep="\t", encoding="utf-8", keep_default_na=False, na_values=[""])
    return coco.CountryConverter(country_data=table)


def _tidy(name: str) -> str:
    name = unicodedata.normalize("NFC", name).replace("’", "'").replace("‘", "'")
    name = re.sub(r"\s+", " ", name).strip(" .,:;-–—")
    return name


@lru_cache(maxsize=4096)
def resolve(name: str) -> tuple[str, str | None]:
    """(canonical name, ISO3 code) for a country as written in a report.

    Unknown names (fictional countries in tests and the demo) keep their own name,
    in title case if given in capitals, and get no code.
    """
    tidy = _tidy(name)
    if not tidy:
        return name, None
    cc = _converter()
    code = cc.convert(tidy, to="ISO3", not_found=_NOT_FOUND)
    if isinstance(code, list) or code == _NOT_FOUND:
        return _display(tidy), None
    short = cc.convert(code, src="ISO3", to="name_short", not_found=_NOT_FOUND)
    return (short if short != _NOT_FOUND else _display(tidy)), code


def _display(name: str) -> str:
    if name.isupper():
        return " ".join(
            w.capitalize() if not w.startswith("(") else w for w in name.lower().split()
        )
    return name


_SMALL = {"of", "the", "and", "de", "da", "du", "des", "la", "le", "et", "y"}


def as_written(name: str | None) -> str | None:
    """A country's name as a copy writes it, tidied for reading: a name in capitals (the
    report's headers) in title case, small words lower-case after the first ("CONGO, REPUBLIC
    OF THE" -> "Congo, Republic of the", "CÔTE D'IVOIRE" -> "Côte d'Ivoire"); any other
    spelling as it is."""
    if not name:
        return None
    tidy = _tidy(name)
    if not tidy or not tidy.isupper():
        return tidy or None
    words = []
    for k, word in enumerate(tidy.lower().split(" ")):
        if k and word in _SMALL:
            words.append(word)
            continue
        if re.fullmatch(r"\(\w{2,4}\)", word):  # an acronym in brackets: "(PRC)"
            words.append(word.upper())
            continue
        parts = re.split(r"([-'(])", word)
        out = []
        for part in parts:
            if out and out[-1] == "'" and len(out) >= 2 and len(out[-2]) > 1:
                out.append(part)  # "people's", not "People'S"
            elif out and out[-1] == "'" and len(out) >= 2 and out[-2] in ("d", "l"):
                out.append(part.capitalize())  # d'Ivoire, l'Est
            else:
                out.append(part.capitalize() if part not in ("-", "'", "(") else part)
        if len(out) >= 3 and out[1] == "'" and out[0] in ("D", "L"):
            out[0] = out[0].lower()
        words.append("".join(out))
    return " ".join(words)
