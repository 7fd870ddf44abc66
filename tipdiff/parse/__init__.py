"""Parse saved copies of TIP Report country narratives (every shape in docs/input-shapes.md).

The package, by job: `headers` (country headers, title lines, the report year, the tier
sentence), `sections` (where the list starts and ends), `items` (splitting a list),
`cleanup` (line clean-up, joining wrapped lines), `pdftext` (what PDF extraction leaves
behind) and `narrative` (one document per country). Bytes become text in `tipdiff.read`.
"""

from .cleanup import clean_text, join_lines
from .headers import find_headers, find_tier_statement
from .items import sentence_boundaries, split_items, starts_like_item
from .narrative import PARSER_VERSION, parse_bytes, parse_narrative

__all__ = [
    "PARSER_VERSION",
    "clean_text",
    "find_headers",
    "find_tier_statement",
    "join_lines",
    "parse_bytes",
    "parse_narrative",
    "sentence_boundaries",
    "split_items",
    "starts_like_item",
]
