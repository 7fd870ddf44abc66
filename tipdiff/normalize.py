"""Normalization for matching only. Parsed text is never changed by it."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TRANSLATE = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "‘": "'",
        "’": "'",
        "–": " ",
        "—": " ",
        "‐": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_LGBT = re.compile(r"\blgbt(?:q?i?\+?|qia?\+?)?(?=\W|$)", re.I)
_STRAY_HYPHEN = re.compile(r"(\w)- (?!(?:and|or|to)\b)(\w)")  # "long- term" -> "long-term"

# Words that carry no ask on their own: function words plus the report's stock phrasing.
STOPWORDS = frozenset(
    """
a an and the of to in on for with by as at or from into its their it this that these those
be is are was were been such including include includes other all any both which who whom
should would could can may must also more than through among within across per via e.g i.e
""".split()
)


def clean(text: str) -> str:
    """Comparable form: NFKC, straight quotes, dashes as spaces, one spelling of LGBTQI+,
    'long- term' rejoined, lower case, single spaces. Equal clean forms mean 'unchanged'."""
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    if "- " in text:
        text = _STRAY_HYPHEN.sub(r"\1-\2", text)
    text = " ".join(text.split()).lower()
    if "lgbt" in text:
        text = _LGBT.sub("lgbtqi+", text)
    return text.rstrip(" .;")


def words(text: str) -> list[str]:
    """Word tokens of the original text (for word diffs): punctuation stays on its word."""
    return text.split()


_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ers",
    "ed",
    "er",
    "es",
    "ly",
    "s",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately crude stem: strip one common suffix, then keep 6 characters."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


TOKEN = re.compile(r"[a-z0-9+]+")


def content_stems(cleaned: str) -> tuple[str, ...]:
    """Stems of the content words of a clean text, in order, duplicates kept."""
    toks = TOKEN.findall(cleaned.replace("-", " "))
    return tuple(stem(t) for t in toks if t not in STOPWORDS and len(t) > 1)
