"""Text to narratives: split a text into one segment per country, then resolve each
segment's country, year, tier and recommendations in turn.

Text in, frozen dataclasses out. `parse_bytes` reads and never raises for bad input:
anything that is not a narrative becomes an `InputError` naming the file and the place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import PurePath

from .. import countries
from ..limits import MAX_SENTENCES
from ..model import (
    InputError,
    InputFormatError,
    Narrative,
    ParseResult,
    Recommendation,
    Section,
    Sentence,
)
from ..read import read_text, sha256_bytes
from ..tiers import SPECIAL_CASE
from .body import find_sections, section_sentences
from .cleanup import clean_lines
from .headers import (
    GOV_OF,
    PAGE_YEAR,
    WAIVER,
    Header,
    find_headers,
    find_tier_statement,
    find_title,
    find_year,
    statement_country,
    title_lines,
    verdict_tier,
)
from .items import TERMINAL, embedded_asks, split_items
from .pdftext import (
    drop_glued_running_headers,
    ligatures_broken,
    repair_broken_ligatures,
    word_counts,
)
from .sections import REC_HEADER, SECTION_END, headerless_list_start, heading_country

PARSER_VERSION = "1.7"

_YEAR_IN_NAME = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d\d)(?![0-9])")


def year_from_folder(source: str) -> int | None:
    years = re.findall(r"(?:^|[/\\])((?:19|20)\d\d)(?=[/\\])", source)
    return int(years[-1]) if years else None


def year_from_file_name(source: str) -> int | None:
    """A `YYYY` in the file's own name (`peru_2023.txt`); the last when there are several."""
    years = _YEAR_IN_NAME.findall(PurePath(source.replace("\\", "/")).stem)
    return int(years[-1]) if years else None


def _is_narrative(text: str) -> bool:
    return bool(
        REC_HEADER.search(text)
        or re.search(
            r"minimum\s+standards\s+for\s+the\s+elimination\s+of\s+trafficking", text, re.I
        )
        or find_tier_statement(text)[0]
    )


def _vocabulary(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)}


@dataclass
class _Segment:
    """One country's part of the text, and what is known about the file around it."""

    text: str  # the whole cleaned text (line numbers in messages count in it)
    body: str  # the segment after its header
    body_start: int
    header: Header | None
    source: str
    n_docs: int
    title: tuple[int, str] | None
    year_text: int | None
    counts: Counter
    numbers: list[int]  # input line number of each cleaned line
    ligatures_broken: bool  # the text shows ligatures broken by PDF extraction
    warnings: list[str] = field(default_factory=list)

    @property
    def place(self) -> str:
        return f"line {self.numbers[self.header.line]}" if self.header else "line 1"

    def line_of(self, offset: int) -> int:
        """The input line number of an offset into the body."""
        return self.numbers[self.text.count("\n", 0, self.body_start + offset)]

    @property
    def where(self) -> str:
        return f"{self.source}: {self.place}" if self.n_docs > 1 or self.header else self.source


def parse_narrative(
    text: str,
    *,
    source: str,
    sha256: str = "",
    year: int | None = None,
    country: str | None = None,
    warnings: tuple[str, ...] = (),
) -> ParseResult:
    """Parse decoded text holding one or several country narratives."""
    page_year = PAGE_YEAR.search(text)
    lines, numbers = clean_lines(text)
    text = "\n".join(lines)
    headers = find_headers(lines)
    headers, lines, numbers, stray = _narrative_starts(headers, lines, numbers)
    text = "\n".join(lines)
    if headers:
        names = {h.name.upper() for h in headers if h.name}
        keep = {k for h in headers for k in range(h.line, h.end_line)}
        lines = drop_glued_running_headers(lines, names, keep)
        text = "\n".join(lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    if headers:
        preamble = text[: offsets[headers[0].line]]
        spans = [
            (
                h,
                offsets[h.line],
                offsets[h.end_line] if h.end_line < len(offsets) else len(text),
                offsets[headers[k + 1].line] if k + 1 < len(headers) else len(text),
            )
            for k, h in enumerate(headers)
        ]
    else:
        if not _is_narrative(text):
            message = (
                f"{source}: not a TIP country narrative: expected a country header such as "
                "'FREEDONIA: Tier 2' or 'FREEDONIA (Tier 2)', a 'Prioritized Recommendations' "
                "section, or a summary about the minimum standards; found none of them"
            )
            return ParseResult(errors=(InputError(source, message),))
        preamble = ""
        spans = [(None, 0, 0, len(text))]

    title = find_title(preamble or text)
    file_year = (find_year(preamble) if preamble else None) or (
        int(page_year.group(1)) if page_year else None
    )
    counts = word_counts(text)
    broken = ligatures_broken(counts)
    docs, errors = [], []
    for header, start, body_start, end in spans:
        head_area = title_lines(text[start:end], header.end_line - header.line if header else 0)
        seg = _Segment(
            text=text,
            body=text[body_start:end],
            body_start=body_start,
            header=header,
            source=source,
            n_docs=len(spans),
            title=title,
            year_text=find_year(head_area)
            or file_year
            or (find_year(text) if not headers else None),
            counts=counts,
            numbers=numbers,
            ligatures_broken=broken,
            warnings=list(warnings)
            + [
                f"line {line}: {shown!r} reads like a country header, but no narrative begins "
                "there (no summary, tier sentence or recommendations heading follows before "
                "the next section): taken for a running page header and left out"
                for at, line, shown in stray
                if (header.line if header else 0) <= at < _next_line(headers, header, len(lines))
            ],
        )
        try:
            docs.append(_narrative(seg, sha256=sha256, year_hint=year, country_hint=country))
        except InputFormatError as exc:
            errors.append(InputError(source, str(exc)))
    return ParseResult(documents=tuple(docs), errors=tuple(errors))


def _next_line(headers: list[Header], header: Header | None, end: int) -> int:
    """The line where the segment of `header` ends (the next header's line, or `end`)."""
    if header is None:
        return end
    k = headers.index(header)
    return headers[k + 1].line if k + 1 < len(headers) else end


def narrative_begins(after: str) -> bool:
    """Does a narrative begin in this text (what follows a country header)? Its summary
    (the minimum standards, 'The Government of X', a tier sentence) or its recommendations
    heading comes before the next section (PROSECUTION, ...)."""
    end = SECTION_END.search(after)
    window = after[: end.start()] if end else after
    return bool(
        REC_HEADER.search(window)
        or re.search(r"minimum\s+standards", window, re.I)
        or GOV_OF.search(window)
        or find_tier_statement(window)[0]
    )


def _narrative_starts(
    headers: list[Header], lines: list[str], numbers: list[int]
) -> tuple[list[Header], list[str], list[int], list[tuple[int, int, str]]]:
    """The headers where a narrative begins. Any header after the first that no narrative
    follows (`narrative_begins`) is a country's name repeated on a page (a running header,
    `SYLVANIA: Tier 3` inside Freedonia's list): its lines are left out of the text. Returns
    the headers, lines and line numbers that remain, and (line index in the result, input
    line number, text) of each header left out, for a warning."""
    if len(headers) < 2:
        return headers, lines, numbers, []
    kept, stray = [headers[0]], []
    for k, h in enumerate(headers[1:], start=1):
        stop = headers[k + 1].line if k + 1 < len(headers) else len(lines)
        if narrative_begins("\n".join(lines[h.end_line : stop])):
            kept.append(h)
        else:
            stray.append(h)
    if not stray:
        return headers, lines, numbers, []
    gone = {k for h in stray for k in range(h.line, h.end_line)}
    shift = [0] * (len(lines) + 1)
    for k in range(len(lines)):
        shift[k + 1] = shift[k] + (k in gone)
    notes = [
        (h.line - shift[h.line], numbers[h.line], " ".join(lines[h.line : h.end_line]).strip())
        for h in stray
    ]
    headers = [
        replace(h, line=h.line - shift[h.line], end_line=h.end_line - shift[h.end_line])
        for h in kept
    ]
    keep = [k for k in range(len(lines)) if k not in gone]
    return headers, [lines[k] for k in keep], [numbers[k] for k in keep], notes


@dataclass(frozen=True)
class _Sections:
    rec: re.Match | None  # the recommendations heading
    end: re.Match | None  # where the list ends (the next section)
    summary: str  # the text before the list: the summary states the tier
    statement: tuple  # find_tier_statement(summary)


def _sections(body: str) -> _Sections:
    """The recommendations heading first, then the end of the list after it: an intro
    sentence of the prosecution kind before the heading does not end the list."""
    rec = REC_HEADER.search(body)
    end = SECTION_END.search(body, rec.end() if rec else 0)
    if rec:
        summary = body[: rec.start()]
    else:
        summary = body[: end.start()] if end else body
    return _Sections(rec, end, summary, find_tier_statement(summary))


def _narrative(
    seg: _Segment, *, sha256: str, year_hint: int | None, country_hint: str | None
) -> Narrative:
    sections = _sections(seg.body)
    country, code, written = _resolve_country(seg, sections, country_hint)
    year = _resolve_year(seg, country, year_hint)
    tier, tier_source, movement, movement_text = _resolve_tier(seg, sections)
    recs, list_status, list_start = _recommendations(seg, sections, tier, year)
    body_sections, body_sentences = _body(seg, sections, year, tier, list_start)
    return Narrative(
        source=seg.source,
        sha256=sha256,
        country=country,
        country_code=code,
        year=year,
        tier=tier,
        tier_source=tier_source,
        tier_movement=movement,
        tier_movement_text=movement_text,
        recommendations=recs,
        warnings=tuple(seg.warnings),
        country_in_report=countries.as_written(written),
        waiver=bool(WAIVER.search(sections.summary)),
        list_status=list_status,
        sections=body_sections,
        sentences=body_sentences,
    )


def _body(
    seg: _Segment, sections: _Sections, year: int, tier: str | None, list_start: int | None
) -> tuple[tuple[Section, ...], tuple[Sentence, ...]]:
    """The body's sections (as input line numbers) and its prose as numbered sentences."""
    body = seg.body
    list_span = None
    end = sections.end.start() if sections.end else len(body)
    if sections.rec is not None:
        list_span = (sections.rec.start(), end, sections.rec.group(0).strip())
    elif list_start is not None:
        list_span = (list_start, end, None)
    opener = bool(sections.end and sections.end.group(0).lstrip().startswith("The"))
    spans = find_sections(
        body,
        year=year,
        special=tier == SPECIAL_CASE,
        list_span=list_span,
        list_end_opener=opener,
        headerless=seg.header is None,
    )
    found = tuple(
        Section(s.name, s.heading, seg.line_of(s.start), seg.line_of(max(s.end - 1, s.start)))
        for s in spans
    )
    prose = section_sentences(body, spans, _vocabulary(body))
    if len(prose) > MAX_SENTENCES:
        seg.warnings.append(
            f"the body has {len(prose)} sentences; only the first {MAX_SENTENCES} are kept "
            "(real narratives have a few hundred)"
        )
        prose = prose[:MAX_SENTENCES]
    return found, tuple(Sentence(name, k, text) for k, (name, text) in enumerate(prose, 1))


def _resolve(name: str) -> tuple[str, str | None]:
    country, code = countries.resolve(name)
    if code is None and "(" in name:  # "FREEDONIA (NORTH)": try without the bracket too
        bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
        if bare:
            alt, alt_code = countries.resolve(bare)
            if alt_code:
                return alt, alt_code
    return country, code


def _resolve_country(
    seg: _Segment, sections: _Sections, hint: str | None
) -> tuple[str, str | None, str]:
    """(standard name, ISO3 code, the name as the copy writes it): from the header, a title
    line, a `RECOMMENDATIONS FOR X` heading, the summary's 'The Government of X', then
    --country."""
    name = seg.header.name if seg.header else None
    if name is None and seg.title:
        name = seg.title[1]
    if name is None and sections.rec:
        name = heading_country(sections.rec)
    if name is None:
        m = GOV_OF.search(seg.body)
        if m:
            name = m.group("name")
    if name is None:  # "... therefore Freedonia remained on Tier 2."
        name = statement_country(sections.statement[2])
    if name is None:
        name = hint
    elif hint and _resolve(hint)[1] != _resolve(name)[1]:
        seg.warnings.append(f"--country {hint!r} differs from the text's {name!r}; using the text")
    if not name:
        raise InputFormatError(
            f"{seg.where}: no country name: expected a header such as 'FREEDONIA: Tier 2', "
            "a title line such as '2023 Trafficking in Persons Report: Freedonia', or --country"
        )
    country, code = _resolve(name)
    if code is None:
        seg.warnings.append(f"country {name!r} is not a known country name; it has no ISO3 code")
    return country, code, name


def _resolve_year(seg: _Segment, country: str, hint: int | None) -> int:
    """The text, then a YYYY in the file name, then a YYYY folder, then --year."""
    from_name, from_folder = year_from_file_name(seg.source), year_from_folder(seg.source)
    if seg.year_text:
        year = seg.year_text
        for other, where in ((from_name, "file name says"), (from_folder, "file is in a")):
            if other and other != year:
                suffix = " folder" if where == "file is in a" else ""
                seg.warnings.append(
                    f"the text says {year} but the {where} {other}{suffix}; using {year}"
                )
                break
    elif from_name or from_folder or hint:
        year, origin = next(
            (y, o)
            for y, o in (
                (from_name, "the file name"),
                (from_folder, "the folder"),
                (hint, "--year"),
            )
            if y
        )
        seg.warnings.append(f"report year {year} taken from {origin}: the text states none")
    else:
        raise InputFormatError(
            f"{seg.where}: no report year for {country}: expected a title line such as "
            "'2023 Trafficking in Persons Report', a YYYY in the file name or folder, or --year"
        )
    if hint and year != hint:
        seg.warnings.append(
            f"--year {hint} differs from the year {year} found in the text/path; using {year}"
        )
    return year


def _resolve_tier(
    seg: _Segment, sections: _Sections
) -> tuple[str | None, str | None, str | None, str | None]:
    """(tier, tier_source, movement, movement sentence): the header, cross-checked with the
    summary's tier sentence and its verdict on the minimum standards."""
    s_tier, movement, movement_text, s_off = sections.statement
    h_tier = seg.header.tier if seg.header else None
    tier, tier_source = h_tier, ("header" if h_tier else None)
    if s_tier:
        if h_tier is None:
            tier, tier_source = s_tier, "summary"
        elif s_tier == h_tier:
            tier_source = "both"
        else:
            # The report's own sentence beats a header that a mirror typed (or copied from
            # last year): the two agree on every official copy.
            tier, tier_source = s_tier, "summary"
            seg.warnings.append(
                f"tier in the header ({h_tier}, {seg.place}) and in the summary ({s_tier}, line "
                f"{seg.line_of(s_off)}) disagree; using the summary"
            )
    v_tier, vm, allowed = verdict_tier(sections.summary)
    if tier is None and v_tier:
        tier, tier_source = v_tier, "summary"
        seg.warnings.append(
            f"tier {v_tier} from the summary's verdict on the minimum standards (line "
            f"{seg.line_of(vm.start())}): no header or tier sentence"
        )
    elif vm and tier and tier != SPECIAL_CASE and tier not in allowed:
        seg.warnings.append(
            f"the summary (line {seg.line_of(vm.start())}) reads "
            f"like {' or '.join(sorted(allowed))} but the tier is {tier}"
        )
    if tier is None:
        seg.warnings.append(
            f"{seg.place}: no tier stated in the header or the summary; tier unknown"
        )
    return tier, tier_source, movement, movement_text


# The first report with a recommendations list; before it, the asks sit in the summary.
FIRST_LIST_YEAR = 2008


def _verdict_paragraph(body: str) -> str | None:
    for para in re.split(r"\n[ \t]*\n", body):
        if re.search(r"minimum\s+standards", para, re.I):
            return para
    return None


def _recommendations(
    seg: _Segment, sections: _Sections, tier: str | None, year: int
) -> tuple[tuple[Recommendation, ...], str, int | None]:
    """The list, how much of it the copy shows (model.LIST_STATUSES), and where a list
    without a heading starts in the body (None otherwise)."""
    body = seg.body
    end_of_list, closed = (sections.end.start(), True) if sections.end else (len(body), False)
    items: list[str] = []
    paragraph = _verdict_paragraph(body) if year < FIRST_LIST_YEAR else None
    vocabulary = _vocabulary(body)  # the document's own words: which line-end hyphens join
    early = paragraph is not None and not sections.rec
    asks = embedded_asks(paragraph, vocabulary) if early else []
    if sections.rec:
        list_start = sections.rec.end()
    elif asks:
        list_start = None
        items = asks
        closed = True
    else:  # an early year copied with a list of its own (no "should" sentence) reads as one
        list_start = headerless_list_start(body, end_of_list)
    headerless = list_start if not sections.rec else None
    if list_start is not None:
        items, _style = split_items(body[list_start:end_of_list], vocabulary)
    elif not items and tier != SPECIAL_CASE:
        seg.warnings.append("no recommendations section found")
    if items:
        status = "whole" if closed else "open"
    else:  # the copy ends before any later section: the list may be in the missing part
        status = "missing" if tier != SPECIAL_CASE and not sections.end else "none"
    recs = []
    for i, item in enumerate(items):
        item, notes = repair_broken_ligatures(item, seg.counts, broken=seg.ligatures_broken)
        seg.warnings += [f"recommendation #{i + 1}: {n}" for n in notes]
        truncated = False
        if i == len(items) - 1 and not TERMINAL.search(item):
            if closed:
                seg.warnings.append(f"recommendation #{i + 1} (the last) has no full stop")
            else:
                truncated, status = True, "cut"
                seg.warnings.append(
                    f"recommendation #{i + 1} (the last) is cut off: the text ends there"
                )
        recs.append(Recommendation(index=i, text=item, truncated=truncated))
    return tuple(recs), status, headerless if items else None


def parse_bytes(
    data: bytes,
    *,
    source: str,
    year: int | None = None,
    country: str | None = None,
    fmt: str = "auto",
    sha256: str | None = None,
) -> ParseResult:
    """Read and parse one input (text, HTML or PDF). Never raises for bad input; errors come
    back as data. `sha256`: the bytes' digest when the caller has it already."""
    digest = sha256 or sha256_bytes(data)
    try:
        text, warnings = read_text(data, source=source, fmt=fmt)
        return parse_narrative(
            text, source=source, sha256=digest, year=year, country=country, warnings=tuple(warnings)
        )
    except InputFormatError as exc:
        return ParseResult(errors=(InputError(source, str(exc)),))
