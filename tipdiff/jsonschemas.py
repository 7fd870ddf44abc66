"""JSON Schemas (draft 2020-12) of every `--json` output, built from the same vocabulary
as the tables (tipdiff.tables.SCHEMA for the tiers rows, the kinds, tiers and list statuses
of the model), so an output and its schema cannot drift apart. The files in
`docs/schemas/` are these, written by `python -m tipdiff.jsonschemas docs/schemas` (a test
checks that they are up to date)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .diff import KINDS
from .evidence import STANCES, VERDICTS
from .model import LIST_STATUSES
from .parse.body import PROSE, SECTIONS
from .tables import SCHEMA
from .themes import FRAMES, SUBTHEMES, TAGS
from .tiers import CHANGES, MOVES, TIERS

_ID = "https://tipdiff.invalid/schemas/"
_SHA = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
_YEAR = {"type": "integer", "minimum": 1900, "maximum": 2100}
_NUMBER = {
    "type": "integer",
    "minimum": 1,
    "description": "1-based position in that year's list, as the report prints it",
}


def _nullable(schema: dict) -> dict:
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    kind = schema["type"]
    return {**schema, "type": [kind, "null"] if isinstance(kind, str) else [*kind, "null"]}


def _object(props: dict, required: list | None = None) -> dict:
    return {
        "type": "object",
        "properties": props,
        "required": list(props) if required is None else required,
        "additionalProperties": False,
    }


_STRING = {"type": "string"}
_CODE = _nullable({"type": "string", "pattern": "^[A-Z]{3}$"})
_TIER = _nullable({"enum": list(TIERS)})
_LIST = {"enum": list(LIST_STATUSES)}

ITEM = _object(
    {
        "number": _NUMBER,
        "text": _STRING,
        "text_sha256": _SHA,
        "truncated": {"type": "boolean"},
    }
)
EVIDENCE = {
    **_object(
        {
            "year": _YEAR,
            "verdict": {"enum": list(VERDICTS)},
            "sentences": {
                "type": "array",
                "items": _object(
                    {
                        "rank": {"type": "integer", "minimum": 1},
                        "number": {"type": "integer", "minimum": 1},
                        "section": {"enum": list(PROSE)},
                        "stance": {"enum": list(STANCES)},
                        "score": {"type": "number", "minimum": 0, "maximum": 100},
                        "text": _STRING,
                    }
                ),
            },
        }
    ),
    "description": "dropped and reworded-weaker asks: what the later report's body says of it "
    "(done: reported done; partly: reported partly or in progress; none: no evidence found, "
    "or evidence against), with its sentences, the deciding one first; null for other kinds "
    "and when the later copy has no body to search",
}
SIDE_ITEM = _object({"number": _NUMBER, "text": _STRING, "text_sha256": _SHA})
CHANGE = _object(
    {
        "kind": {"enum": list(KINDS)},
        "change_id": {"type": "string", "pattern": "^C[0-9a-f]{12}$"},
        "from": {"type": "array", "items": SIDE_ITEM},
        "to": {"type": "array", "items": SIDE_ITEM},
        "score": _nullable({"type": "number", "minimum": 0, "maximum": 100}),
        "band": _nullable({"type": "string"}),
        "scores": {"type": "object", "additionalProperties": {"type": "number"}},
        "word_diff": _nullable(_STRING),
        "decided_by": {"enum": ["aligner", "review"]},
        "review_note": _nullable(_STRING),
        "candidates": {
            "type": "array",
            "items": _object(
                {"number": _NUMBER, "text": _STRING, "score": {"type": "number"}}
            ),
        },
        "last_asked": _nullable(
            _object({"year": _YEAR, "number": _NUMBER, "text": _STRING})
        ),
        "returns_in": _nullable(_YEAR),
        "lineage_id": {"type": "string", "pattern": "^L[0-9a-f]{12}$"},
        "evidence": _nullable(EVIDENCE),
    }
)
PAIR = _object(
    {
        "country": _STRING,
        "country_code": _CODE,
        "country_in_report": _STRING,
        "from_year": _YEAR,
        "to_year": _YEAR,
        "tier_from": _TIER,
        "tier_to": _TIER,
        "tier_change": _nullable({"enum": list(CHANGES)}),
        "from_list": _LIST,
        "to_list": _LIST,
        "counts": _object({k: {"type": "integer", "minimum": 0} for k in KINDS}),
        "evidence_counts": _object({v: {"type": "integer", "minimum": 0} for v in VERDICTS}),
        "changes": {"type": "array", "items": CHANGE},
    }
)
ERROR = _object({"source": _STRING, "message": _STRING})
SENTENCE = _object(
    {
        "section": {"enum": [s for s in SECTIONS if s != "recommendations"]},
        "number": {"type": "integer", "minimum": 1},
        "text": _STRING,
    }
)
NARRATIVE = _object(
    {
        "source": _STRING,
        "sha256": _SHA,
        "country": _STRING,
        "country_code": _CODE,
        "country_in_report": _nullable(_STRING),
        "year": _YEAR,
        "tier": _TIER,
        "tier_source": _nullable({"enum": ["header", "summary", "header and summary"]}),
        "stated_change": _nullable({"enum": list(MOVES)}),
        "stated_text": _nullable(_STRING),
        "waiver": {"type": "boolean"},
        "list_status": _LIST,
        "recommendations": {"type": "array", "items": ITEM},
        "warnings": {"type": "array", "items": _STRING},
        "sections": {
            "type": "array",
            "items": _object(
                {
                    "name": {"enum": list(SECTIONS)},
                    "heading": _nullable(_STRING),
                    "first_line": {"type": "integer", "minimum": 1},
                    "last_line": {"type": "integer", "minimum": 1},
                }
            ),
        },
        "sentences": {"type": "array", "items": SENTENCE},
    }
)


HIT = _object(
    {
        "score": _nullable(
            {
                "type": "number",
                "minimum": 0,
                "maximum": 100,
                "description": "0-100, best first; null when no text was given",
            }
        ),
        "country": _STRING,
        "country_code": _CODE,
        "country_in_report": _STRING,
        "year": _YEAR,
        "number": {
            **_NUMBER,
            "description": "1-based position in that year's list (a dropped ask: in the "
            "report before, from_year)",
        },
        "text": _STRING,
        "kind": _nullable(
            {
                "enum": list(KINDS),
                "description": "the kind of change that brought it into this year's list; "
                "null for a country's first report loaded",
            }
        ),
        "from_year": _nullable(_YEAR),
        "years_present": {"type": "array", "items": _YEAR},
        "lineage_id": {"type": "string", "pattern": "^L[0-9a-f]{12}$"},
        "frames": {"type": "array", "items": {"enum": list(FRAMES)}},
        "themes": {"type": "array", "items": {"enum": list(SUBTHEMES)}},
        "stock_group": _nullable({"type": "string", "pattern": "^S[0-9]{4}-[0-9a-f]{10}$"}),
        "page": {
            "type": "string",
            "pattern": "^reports/[^/]+\\.html(#y[0-9]{4}-[0-9]{4})?$",
            "description": "the country page and year-pair section, relative to --out",
        },
    }
)


def _table_row(name: str) -> dict:
    props = {}
    for col, _dtype, jtype, nullable, desc in SCHEMA[name]:
        prop: dict = {"type": [jtype, "null"] if nullable else jtype}
        if desc:
            prop["description"] = desc
        props[col] = prop
    return _object(props)


def _document(name: str, title: str, props: dict) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{_ID}{name}.schema.json",
        "title": title,
        **_object(props),
    }


def schemas() -> dict[str, dict]:
    """Each `--json` output's schema, by command name."""
    return {
        "parse": _document(
            "parse",
            "tipdiff parse --json",
            {
                "parser_version": _STRING,
                "documents": {"type": "array", "items": NARRATIVE},
                "errors": {"type": "array", "items": ERROR},
            },
        ),
        "diff": _document(
            "diff",
            "tipdiff diff --json",
            {
                "aligner_version": _STRING,
                "evidence_version": _STRING,  # the matcher that read the later bodies
                "term_weights": _STRING,
                "overrides": _nullable(_STRING),  # the reviewer overrides file applied
                "pairs": {"type": "array", "items": PAIR},
                "errors": {"type": "array", "items": ERROR},
            },
        ),
        "find": _document(
            "find",
            "tipdiff find --json",
            {
                "query": _STRING,
                "filters": _object(
                    {
                        "theme": _nullable({"enum": list(TAGS)}),
                        "year": _nullable(_YEAR),
                        "kind": _nullable({"enum": list(KINDS)}),
                        "country": _nullable(_STRING),
                    }
                ),
                "min_score": {"type": "number", "minimum": 0, "maximum": 100},
                "total": {"type": "integer", "minimum": 0},
                "hits": {"type": "array", "items": HIT},
            },
        ),
        "show": _document(
            "show",
            "tipdiff show --json",
            {
                "country": _STRING,
                "country_code": _CODE,
                "country_in_report": _STRING,
                "tiers": {"type": "array", "items": _table_row("tiers")},
                "pairs": {"type": "array", "items": PAIR},
                "recommendations": {"type": "array", "items": ITEM},
                "warnings": {
                    "type": "array",
                    "items": _object({"year": _YEAR, "source": _STRING, "message": _STRING}),
                },
            },
        ),
        "digest": _digest_schema(),
    }


def _digest_schema() -> dict:
    entry = {
        "from_year": _YEAR,
        "to_year": _YEAR,
        "change_id": {"type": "string", "pattern": "^C[0-9a-f]{12}$"},
        "number": _NUMBER,
        "text": _STRING,
    }
    verdict = _nullable(
        _object(
            {
                "verdict": {"enum": list(VERDICTS)},
                "sentence": _nullable(_STRING),
                "stance": _nullable({"enum": list(STANCES)}),
            }
        )
    )
    country = _object(
        {
            "country": _STRING,
            "country_code": _CODE,
            "page": _nullable(_STRING),
            "tier_moves": {
                "type": "array",
                "items": _object(
                    {
                        "year": _YEAR,
                        "from": _TIER,
                        "to": _TIER,
                        "change": {"enum": ["upgraded", "downgraded", "unranked"]},
                    }
                ),
            },
            "added": {"type": "array", "items": _object(entry)},
            "dropped": {"type": "array", "items": _object({**entry, "evidence": verdict})},
            "reinstated": {
                "type": "array",
                "items": _object({**entry, "last_asked_year": _nullable(_YEAR)}),
            },
            "no_longer": {
                "type": "array",
                "items": _object(
                    {
                        "kind": {"enum": ["added", "dropped", "reinstated"]},
                        "from_year": _YEAR,
                        "to_year": _YEAR,
                        "text": _nullable(_STRING),
                    }
                ),
            },
        }
    )
    count = {"type": "integer", "minimum": 0}
    return _document(
        "digest",
        "digest.json: what is new in a published set against the previous one",
        {
            "digest_version": {"const": 2},
            "made_at": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T"},
            "previous_set": _nullable(_STRING),
            "scope": {"enum": ["previous", "latest"]},
            "scope_text": _STRING,
            "changed": {"type": "boolean"},
            # what of the previous set could not be read, and why (file: a path in the set)
            "not_read": {
                "type": "array",
                "items": _object({"file": _STRING, "problem": _STRING}),
            },
            "counts": _object(
                {
                    "countries": count,
                    "tier_moves": count,
                    "added": count,
                    "dropped": count,
                    "reinstated": count,
                    "no_longer": count,
                    "dropped_by_verdict": _object({v: count for v in VERDICTS}),
                }
            ),
            "countries": {"type": "array", "items": country},
        },
    )


def schema_files() -> dict[str, bytes]:
    return {
        f"{name}.schema.json": (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode()
        for name, schema in schemas().items()
    }


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "docs/schemas")
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in schema_files().items():
        (folder / name).write_bytes(data)
    print(f"wrote {len(schema_files())} schemas to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
