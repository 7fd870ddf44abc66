"""The parsed-narrative model: plain frozen dataclasses, no IO, no Prefect."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True, slots=True)
class Recommendation:
    index: int
    text: str
    truncated: bool = False


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

    @property
    def key(self) -> str:
        """Identity of the country across years: ISO3 code, else the upper-cased name."""
        return self.country_code or self.country.upper()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["recommendations"] = [asdict(r) for r in self.recommendations]
        d["warnings"] = list(self.warnings)
        return d


@dataclass(frozen=True, slots=True)
class InputError:
    """An input that could not be parsed. `message` names the place and what was expected."""

    source: str
    message: str

    def to_dict(self) -> dict:
        return {"source": self.source, "message": self.message}


@dataclass(frozen=True, slots=True)
class ParseResult:
    documents: tuple[Narrative, ...] = field(default_factory=tuple)
    errors: tuple[InputError, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {
            "documents": [d.to_dict() for d in self.documents],
            "errors": [e.to_dict() for e in self.errors],
        }


class TipdiffError(Exception):
    """Base class of every error tipdiff raises on purpose."""


class InputFormatError(TipdiffError):
    """An input is not what tipdiff expected; the message names file, place and expectation."""
