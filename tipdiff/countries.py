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


# Correlates of War (COW) state numbers, which political-science panels join on. They come
# from the codelist of the `countrycode` package (Vincent Arel-Bundock's, the one the R
# package of the same name ships), looked up by ISO3 code, else by the standard name (Kosovo
# has no ISO3 code of its own there). Supplements: COW numbers Serbia as the continuation of
# Yugoslavia (345), where the codelist gives 345 to Yugoslavia and nothing to Serbia, and so
# the "Serbia and Montenegro" of the 2003-2006 reports, which has no ISO3 code at all.
# Territories and areas the COW state system does not list as states (Hong Kong, Macau,
# Curacao, Sint Maarten, Aruba, Puerto Rico, the Palestinian territories, ...) and names
# that are no known country have none: None.
COW_SUPPLEMENT = {"SRB": 345}
COW_SUPPLEMENT_NAMES = {"serbia and montenegro": 345}
COW_SOURCE = (
    "Correlates of War state numbers (cow_code) from the codelist of the countrycode package "
    "(Arel-Bundock), by ISO3 code, else by name; Serbia, and Serbia and Montenegro, are 345 "
    "(COW continues Yugoslavia as Serbia). Territories COW does not list as states (for "
    "example Hong Kong, Macau, Curacao, Sint Maarten, Aruba) and unknown names have none "
    "(null); their rows stay in the panel."
)


@lru_cache(maxsize=1)
def _cow_table() -> tuple[dict[str, int], dict[str, int]]:
    """The codelist's COW numbers by ISO3 code and by English name."""
    from countrycode.countrycode import prepare_codelist

    codes = prepare_codelist(None, "iso3c", "cown")
    by_iso3, by_name = {}, {}
    for iso3, name, cown in zip(
        codes["iso3c"], codes["country.name.en"], codes["cown"], strict=True
    ):
        if cown is None:
            continue
        if iso3:
            by_iso3[iso3] = int(cown)
        if name:
            by_name[name.casefold()] = int(cown)
    return by_iso3, by_name


@lru_cache(maxsize=4096)
def cow_code(code: str | None, name: str) -> int | None:
    """The COW state number of a country given its ISO3 code (None if it has none) and its
    standard name; None where COW lists no state (see COW_SOURCE)."""
    by_iso3, by_name = _cow_table()
    if code in COW_SUPPLEMENT:
        return COW_SUPPLEMENT[code]
    if code and code in by_iso3:
        return by_iso3[code]
    if code is None:  # a name the converter does not know: no COW state either, but one
        return COW_SUPPLEMENT_NAMES.get(_tidy(name).casefold())
    return by_name.get(_tidy(name).casefold())


def country_in(tiers, wanted: str) -> str | None:
    """The standard name of a country of a published set (its `tiers` table), from a name
    (standard or as a report writes it) or an ISO3 code, case-insensitive, else from the
    name's resolution (`resolve`); None if it is none of them."""
    key = wanted.strip().casefold()
    if not key:
        return None
    named = (
        (tiers["country"].str.casefold() == key)
        | (tiers["country_in_report"].str.casefold() == key)
        | (tiers["country_code"].fillna("\0").str.casefold() == key)
    )
    hit = tiers[named.fillna(False)]
    if hit.empty:
        std, code = resolve(wanted)
        if code:
            hit = tiers[(tiers["country"] == std) | (tiers["country_code"] == code)]
    return None if hit.empty else hit["country"].iloc[0]
