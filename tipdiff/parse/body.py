"""The narrative's body, section by section: summary, recommendations, prosecution,
protection, prevention, trafficking profile, and (Special Cases) government efforts, as each
year names them; each section's prose as sentences.

Text in, plain tuples out. Every bound is an offset into the segment's body (the text after
the country header); `tipdiff.parse.narrative` turns them into input line numbers.

How a section is found, in this order:
- a heading on its own line (`PROSECUTION`, `Prosecution`, `Prosecution:`), a heading at the
  start of a paragraph (`Prosecution: The government ...`), or an upper-case heading glued
  after a full stop (PDF text: `...efforts.PROSECUTION The government ...`). The first of
  each name counts: a mirror's `GOVERNMENT EFFORTS ... continues` is not a heading;
- the recommendations list where the parser found it (its heading, or where a list without a
  heading starts);
- the summary: the paragraph that gives the verdict on the minimum standards (or says the
  country is a Special Case); before 2017 the trafficking profile comes first and is what
  lies between the header and the summary (from 2017 it has its own heading, last);
- where a copy dropped the body headings: the prosecution section starts at the report's own
  opener ("The government maintained law enforcement efforts", the list's end), else at the
  first paragraph after two blank lines (the line a dropped heading leaves), else (before
  2008, when the asks sit in the summary) at the paragraph after the summary; protection and
  prevention at their openers ("The government maintained protection efforts").
A section ends where the next one starts; the last one at the end of the narrative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleanup import join_lines
from .items import sentences as split_sentences

# Section names, as every output writes them.
SECTIONS = (
    "summary",
    "recommendations",
    "prosecution",
    "protection",
    "prevention",
    "trafficking_profile",
    "government_efforts",
)
# Sections whose prose is kept as sentences (the list is kept as recommendations).
PROSE = tuple(s for s in SECTIONS if s != "recommendations")

_NAMES = {
    "prosecution": "prosecution",
    "protection": "protection",
    "prevention": "prevention",
    "trafficking profile": "trafficking_profile",
    "government efforts": "government_efforts",
}
_WORDS = r"(?:prosecution|protection|prevention|trafficking\s+profile|government\s+efforts)"
_UPPER = r"(?:PROSECUTION|PROTECTION|PREVENTION|TRAFFICKING\s+PROFILE|GOVERNMENT\s+EFFORTS)"
_TITLE = (
    r"(?:Prosecution|Protection|Prevention|Trafficking\s+[Pp]rofile|Government\s+[Ee]fforts)"
)
# A heading alone on its line, in capitals or title case, with or without a colon.
_OWN_LINE = re.compile(rf"(?m)^[ \t]*(?P<h>(?:{_UPPER}|{_TITLE})[ \t]*:?)[ \t]*$")
# A heading that opens a paragraph: "Prosecution: The government ..."
_INLINE = re.compile(rf"(?m)^[ \t]*(?P<h>(?:{_UPPER}|{_TITLE})[ \t]*:)[ \t]+(?=\S)")
# An upper-case heading glued after a sentence (PDF text).
_GLUED = re.compile(rf"(?<=[.!?\"”])[ \t]*(?P<h>{_UPPER})[ \t]*:?[ \t]*(?=[A-Z\"“])")

# The summary's first sentence: the verdict on the minimum standards, or a Special Case.
_VERDICT = re.compile(
    r"(?:The\s+)?Government\s+of\s+[^.;]{1,120}?minimum\s+standards"
    r"|(?:The\s+)?[A-ZÀ-Ý][\w'’.\-]*(?:\s+[\w'’.\-()]+){0,6}\s+(?:is|remains)\s+a\s+"
    r"Special\s+Case\b",
)
_MINIMUM = re.compile(r"minimum\s+standards", re.I)

# Section openers of copies that dropped the headings.
_ACTION = (
    r"(?:maintained|increased|decreased|improved|sustained|showed|made|demonstrated|"
    r"continued|did\s+not\s+\w+|slightly\s+\w+|significantly\s+\w+|modestly\s+\w+)"
)
_SUBJECT = (
    r"The\s+(?:government|Government\s+of\s+(?:the\s+)?[A-ZÀ-Ý][\w'’.\-]*"
    r"(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,3})"
)
_OPENERS = {
    "prosecution": re.compile(
        rf"(?m)^[ \t]*{_SUBJECT}\s+{_ACTION}[^.]{{0,80}}?law\s+enforcement\s+efforts"
    ),
    "protection": re.compile(
        rf"(?m)^[ \t]*{_SUBJECT}\s+{_ACTION}[^.]{{0,60}}?"
        r"(?:protection\s+efforts|efforts\s+to\s+(?:identify\s+and\s+)?protect)"
    ),
    "prevention": re.compile(
        rf"(?m)^[ \t]*{_SUBJECT}\s+{_ACTION}[^.]{{0,60}}?"
        r"(?:prevention\s+efforts|efforts\s+to\s+prevent)"
    ),
}
_BLANKS = re.compile(r"\n[ \t]*\n[ \t]*\n[ \t]*(?=\S)")  # two or more blank lines
_PARAGRAPH = re.compile(r"\n[ \t]*\n[ \t]*(?=\S)")
_SHOULD = re.compile(r"\bshould\b", re.I)

# The year the trafficking profile moved after the sections, under its own heading.
PROFILE_LAST_YEAR = 2017
# The first report with a recommendations list (before it, the asks sit in the summary).
FIRST_LIST_YEAR = 2008


@dataclass(frozen=True, slots=True)
class Span:
    """One section: its name, its heading as written (None when it has none), where it
    starts (the heading's line) and ends, and where its prose starts (after the heading)."""

    name: str
    heading: str | None
    start: int
    end: int
    text_start: int


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _headings(body: str) -> dict[str, tuple[int, int, str]]:
    """name -> (start, text start, heading as written), the first of each name."""
    found: dict[str, tuple[int, int, str]] = {}
    hits = []
    for rx in (_OWN_LINE, _INLINE, _GLUED):
        for m in rx.finditer(body):
            hits.append((m.start("h"), m.end(), m.group("h").strip()))
    for start, text_start, heading in sorted(hits):
        name = _NAMES[re.sub(r"\s+", " ", heading.rstrip(" :").lower())]
        if name not in found:
            found[name] = (start, text_start, re.sub(r"[ \t]+", " ", heading))
    return found


def _summary_start(body: str, limit: int, special: bool) -> int | None:
    """Where the summary starts: the verdict's sentence (its line, when it opens the line or
    follows a line without a full stop), searched before `limit`."""
    m = _VERDICT.search(body, 0, limit)
    if m is None and special:
        para = _PARAGRAPH.search(body, 0, limit)
        first = re.search(r"\S", body)
        return first.start() if first and first.start() < limit else (para.end() if para else None)
    if m is None:
        return None
    before = body[_line_start(body, m.start()) : m.start()]
    if before.strip() and re.search(r"[.!?][\"”’)]*\s*$", before):
        return m.start()  # the verdict follows another sentence on its line
    start = _line_start(body, m.start())
    # a wrapped first word ("The" alone on the line before "Government of ...")
    prev_end = start - 1
    if prev_end > 0:
        prev = body[_line_start(body, prev_end) : prev_end]
        if prev.strip() in ("The", "the"):
            start = _line_start(body, prev_end)
    return start


# Lines before a narrative that has no country header: archive metadata, a title, a date.
_METADATA = re.compile(
    r"^\s*(?:(?:Last\s+Updated|Publisher|Author|Publication\s+Date|Cite\s+as|Topics?|"
    r"Countries|Country|Document\s+type|Home|In\s+this\s+section)\b|Disclaimer)",
    re.I,
)


def _body_start(body: str) -> int:
    """Where a narrative without a country header begins: past its leading title, date and
    archive metadata lines (short lines that end no sentence, or named fields)."""
    pos = 0
    for line in body.split("\n"):
        text = line.strip()
        if text and not (
            _METADATA.match(text)
            or re.search(r"Trafficking\s+in\s+Persons\s+Report|TIP\s+Report", text, re.I)
            and len(text) < 160
            or len(text) < 60
            and not re.search(r"[.!?][\"”’)]*$", text)
        ):
            return pos
        pos += len(line) + 1
    return 0


def _first_text(body: str, pos: int = 0) -> int | None:
    m = re.compile(r"\S").search(body, pos)
    return m.start() if m else None


def find_sections(
    body: str,
    *,
    year: int,
    special: bool = False,
    list_span: tuple[int, int, str | None] | None = None,
    list_end_opener: bool = False,
    headerless: bool = False,
) -> tuple[Span, ...]:
    """The sections of one narrative's body, in text order. `list_span`: where the parser
    found the recommendations (start, end, heading as written or None); `list_end_opener`:
    the list ends at a prosecution opener (a paragraph of the prosecution kind), not at a
    heading; `headerless`: the copy has no country header, so the body is the whole text
    (its title and archive metadata lines are skipped)."""
    heads = _headings(body)
    starts: dict[str, tuple[int, int, str | None]] = {
        name: (s, t, h) for name, (s, t, h) in heads.items()
    }
    if list_span is not None and list_span[0] < len(body):
        s, _e, h = list_span
        starts["recommendations"] = (s, s + (len(h) if h else 0), h)
    first_heading = min((v[0] for v in starts.values()), default=len(body))
    summary = _summary_start(body, first_heading, special)
    if summary is not None:
        starts["summary"] = (summary, summary, None)
    if year < PROFILE_LAST_YEAR and "trafficking_profile" not in heads:
        # before 2017 the profile comes first: what lies before the summary (or, in a copy
        # cut before its summary, before the first section found)
        first = _first_text(body, _body_start(body) if headerless else 0)
        until = summary if summary is not None else first_heading
        if first is not None and first < until and body[first:until].strip():
            starts["trafficking_profile"] = (first, first, None)
    if "prosecution" not in starts and "government_efforts" not in starts:
        where = _prosecution_start(body, starts, year, list_span, list_end_opener)
        if where is not None:
            starts["prosecution"] = (where, where, None)
    for name in ("protection", "prevention"):
        if name not in starts and "prosecution" in starts:
            m = _OPENERS[name].search(body, starts["prosecution"][0] + 1)
            later = [v[0] for k, v in starts.items() if v[0] > starts["prosecution"][0]]
            if m and (not later or m.start() < min(later) or name == "prevention"):
                pos = _first_text(body, m.start())
                if pos is not None and all(pos != v[0] for v in starts.values()):
                    starts[name] = (pos, pos, None)
    order = sorted(starts.items(), key=lambda kv: kv[1][0])
    spans = []
    for k, (name, (s, t, h)) in enumerate(order):
        end = order[k + 1][1][0] if k + 1 < len(order) else len(body)
        end = len(body[:end].rstrip())
        if end > s:
            spans.append(Span(name, h, s, end, min(max(t, s), end)))
    return tuple(spans)


def _prosecution_start(body, starts, year, list_span, list_end_opener) -> int | None:
    """Where a heading-less prosecution section starts (see the module's docstring)."""
    after = max(v[0] for v in starts.values()) if starts else 0
    if list_span is not None and list_end_opener and list_span[1] < len(body):
        pos = _first_text(body, list_span[1])
        if pos is not None and pos > after:
            return pos
    m = _OPENERS["prosecution"].search(body, after + 1)
    if m:
        return _first_text(body, m.start())
    if "summary" not in starts:
        return None
    gap = _BLANKS.search(body, starts["summary"][0])
    if gap:
        return gap.end()
    if year < FIRST_LIST_YEAR and list_span is None:
        # the summary's paragraph ends with its asks; the next paragraph is the body's
        para_end = _PARAGRAPH.search(body, starts["summary"][0])
        while para_end and not _SHOULD.search(body, starts["summary"][0], para_end.start()):
            para_end = _PARAGRAPH.search(body, para_end.end())
        if para_end:
            return para_end.end()
    return None


def section_sentences(
    body: str, spans: tuple[Span, ...], vocabulary: set[str] | None = None
) -> list[tuple[str, str]]:
    """(section, sentence) for the prose of every section but the recommendations, in text
    order: paragraphs joined from their wrapped lines (hyphenation repaired), then split at
    full stops (abbreviations and initials respected)."""
    out: list[tuple[str, str]] = []
    for span in spans:
        if span.name not in PROSE:
            continue
        text = body[span.text_start : span.end]
        for para in re.split(r"\n[ \t]*\n", text):
            flat = join_lines(para.split("\n"), vocabulary)
            out += [(span.name, s) for s in split_sentences(flat) if re.search(r"\w", s)]
    return out
