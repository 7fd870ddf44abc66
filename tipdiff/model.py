"""The parsed-narrative model: plain frozen dataclasses, no IO, no Prefect."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Recommendation:
    """One recommendation of a narrative: `index` is its 0-based position in the year's list
    (every output numbers items from 1 as the report prints them: `number` = index + 1),
    `text` the words as printed (whitespace cleaned), `truncated` that the copy is cut off
    inside it."""

    index: int
    text: str
    truncated: bool = False


# How much of its recommendations list a copy shows. "cut" and "missing" are copies that do
# not show the whole list (LIST_HIDDEN): the other year's items with no counterpart are then
# "not visible", never added or dropped.
LIST_STATUSES = {
    "whole": "the list is followed by the rest of the narrative (or, before 2008, the asks "
    "stand in the summary)",
    "open": "the list runs to the end of the copy and its last item ends properly: whole as "
    "far as the copy shows",
    "cut": "the copy ends inside the list's last item: items after it are not visible",
    "missing": "no list, and the copy ends before the narrative's later sections: the list "
    "may be in the part that is not there",
    "none": "the narrative gives no list (the copy goes on past where it would be, or a "
    "Special Case)",
}
LIST_HIDDEN = ("cut", "missing")


# The body's sections (tipdiff.parse.body.SECTIONS), as each year names them.
@dataclass(frozen=True, slots=True)
class Section:
    """Where one section of a narrative's body lies in its input: 1-based line numbers of
    its first line (the heading's, if it has one) and its last line."""

    name: str
    heading: str | None  # as written ("PROSECUTION", "Prosecution:"); None when it has none
    first_line: int
    last_line: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a narrative's body prose, with its section. `number`: 1-based, through
    the whole body in text order."""

    section: str
    number: int
    text: str


@dataclass(frozen=True, slots=True)
class Narrative:
    """One country's narrative in one report year."""

    source: str
    sha256: str
    country: str
    country_code: str | None
    year: int
    tier: str | None  # one of tiers.TIERS
    tier_source: str | None  # "header" | "summary" | "both" | None
    tier_movement: str | None  # one of tiers.MOVES, as the summary states it
    tier_movement_text: str | None
    recommendations: tuple[Recommendation, ...]
    warnings: tuple[str, ...] = ()
    # the country's name as this copy writes it ("BURMA", "Congo, Republic of the"), tidied
    # for reading; `country` is the standard name every year shares
    country_in_report: str | None = None
    waiver: bool = False  # the narrative states a waiver from an otherwise required downgrade
    list_status: str = "whole"  # one of LIST_STATUSES: how much of the list the copy shows
    sections: tuple[Section, ...] = ()  # the body's sections, in text order
    sentences: tuple[Sentence, ...] = ()  # the body's prose (every section but the list)

    @property
    def key(self) -> str:
        """Identity of the country across years: ISO3 code, else the upper-cased name."""
        return self.country_code or self.country.upper()


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be parsed. `message` names the place and what was expected."""

    source: str
    message: str

    def to_dict(self) -> dict:
        return {"source": self.source, "message": self.message}


@dataclass(frozen=True, slots=True)
class ParseResult:
    """What parsing found; as JSON, tipdiff.records.parse_object (one vocabulary)."""

    documents: tuple[Narrative, ...] = field(default_factory=tuple)
    errors: tuple[InputError, ...] = field(default_factory=tuple)


class TipdiffError(Exception):
    """Base class of every error tipdiff raises on purpose."""


class InputFormatError(TipdiffError):
    """An input is not what tipdiff expected; the message names file, place and expectation."""
