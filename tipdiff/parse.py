"""Parse saved copies of TIP Report country narratives (every shape in FORMATS.md).

Text in, frozen dataclasses out. `parse_bytes` decodes and never raises for bad input:
anything that is not a narrative becomes an `InputError` naming the file and the place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from . import countries
from .model import InputError, InputFormatError, Narrative, ParseResult, Recommendation
from .read import decode, html_to_text, looks_like_html, sha256_bytes
from .tiers import TIER_PATTERN as _TIER
from .tiers import WATCH_LIST, canonical_tier

PARSER_VERSION = "1.3"

# --------------------------------------------------------------------------- cleaning

_BANNER = re.compile(r"\[\s*Human Trafficking,?\s*Country-by-Country\s*\]", re.I)
_PAGE_NOISE = re.compile(
    r"^\s*(?:\d{1,4}|[|\s]+|TRAFFICKING IN PERSONS REPORT(?:\s*[|•–-]?\s*(?:JUNE\s+)?\d{4})?"
    r"|COUNTRY NARRATIVES(?:\s*[|•–-]\s*[A-Z ,.'’()-]+)?)\s*$"
)
_SPACES = str.maketrans(
    {
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\t": " ",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
    }
)


def clean_text(text: str) -> str:
    """Line-preserving clean-up: newlines, odd spaces, banners, page furniture, stray pipes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = _BANNER.sub(" ", text)
    lines = []
    for line in text.split("\n"):
        line = line.rstrip()
        lines.append("" if _PAGE_NOISE.match(line) else line)
    return "\n".join(lines)


# --------------------------------------------------------------------------- headers

_NAME = r"[A-ZÀ-Ý][\w'’.\-]*(?:(?:,\s*|\s+)(?:[A-ZÀ-Ý][\w'’.\-]*|of|the|and|de|da|du|d'\w+)){0,6}"
_MIRROR_TAIL = r"(?:\s*[–—-]?\s*\[?\s*Extracted\b.*|\s*[–—-]\s*)?"
_HEADER_FORMS = (
    re.compile(rf"^(?P<name>{_NAME})\s*:\s*(?P<tier>{_TIER})\s*$", re.I),
    re.compile(rf"^SPECIAL\s+CASE\s*:\s*(?P<name>{_NAME})\s*$", re.I),
    re.compile(rf"^Special\s+Case\s*\(\s*(?P<name>{_NAME})\s*\)\s*$", re.I),
    re.compile(rf"^(?P<name>{_NAME})\s*\(\s*(?P<tier>{_TIER})\s*\){_MIRROR_TAIL}$", re.I),
)
_NOT_NAMES = re.compile(
    r"^(?:tier\b|special case|prioritized|recommendations|prosecution|protection|prevention|"
    r"trafficking|government|the government|summary|publisher|disclaimer|cite as)",
    re.I,
)
_TITLE = (
    re.compile(
        rf"^\s*(?P<year>(?:19|20)\d\d)\s+Trafficking in Persons Report\s*[:\-–—]\s*"
        rf"(?P<name>{_NAME})\s*$",
        re.I,
    ),
    re.compile(
        rf"^\s*Trafficking in Persons Report\s+(?P<year>(?:19|20)\d\d)\s*[\-–—]\s*"
        rf"Country Narratives\s*[\-–—]\s*(?P<name>{_NAME})\s*$",
        re.I,
    ),
    re.compile(
        rf"^\s*(?P<year>(?:19|20)\d\d)\s+TIP Report\s*[\-–—:]\s*(?P<name>{_NAME})\s*$", re.I
    ),
)
_YEAR_FORMS = (
    re.compile(r"\b((?:19|20)\d\d)\s+Trafficking in Persons Report", re.I),
    re.compile(r"Trafficking in Persons Report,?\s+(?:June\s+)?((?:19|20)\d\d)\b", re.I),
    re.compile(r"\b((?:19|20)\d\d)\s+TIP\s+Report", re.I),
    re.compile(r"\bReport\s+((?:19|20)\d\d)\b"),
)


@dataclass(frozen=True)
class _Header:
    line: int  # 0-based first line
    end_line: int  # 0-based line after the header
    name: str
    tier: str | None


def _match_header(candidate: str) -> tuple[str, str | None] | None:
    candidate = candidate.strip()
    if not candidate or len(candidate) > 200:
        return None
    for form in _HEADER_FORMS:
        m = form.match(candidate)
        if not m:
            continue
        name = m.group("name").strip(" ,")
        if _NOT_NAMES.match(name) or len(name) < 3:
            return None
        tier = canonical_tier(m.group("tier")) if "tier" in form.groupindex else "Special Case"
        return name, tier
    return None


def find_headers(lines: list[str]) -> list[_Header]:
    """Country header lines, including mirror headers wrapped over up to five lines."""
    headers: list[_Header] = []
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        found = _match_header(line)
        end = i + 1
        if found is None and line and re.fullmatch(_NAME, line) and not _NOT_NAMES.match(line):
            # Wrapped mirror header: NAME / (Tier ...) / – / Extracted / in part ...
            joined, j = line, i + 1
            while j < len(lines) and j <= i + 4:
                if lines[j].strip():
                    joined += " " + lines[j].strip()
                    hit = _match_header(joined)
                    if hit and hit[0] == line.strip(" ,"):
                        found, end = hit, j + 1
                        break
                j += 1
        if found:
            # Swallow the rest of a wrapped mirror banner ("Extracted", "in part from", ...).
            while end < len(lines) and re.match(
                r"^\s*(?:[–—-]|Extracted\b.*|in part\b.*|from the U\.S\..*|\[?Extracted.*)\s*$",
                lines[end],
                re.I,
            ):
                end += 1
            headers.append(_Header(i, end, found[0], found[1]))
            i = end
        else:
            i += 1
    return headers


# --------------------------------------------------------------------------- summary / tier

_STATEMENTS = (
    ("remained", re.compile(rf"\b(?:remained|remains|remain)\s+on\s+(?P<tier>{_TIER})", re.I)),
    (
        "downgraded",
        re.compile(rf"\bwas\s+(?:automatically\s+)?downgraded\s+to\s+(?P<tier>{_TIER})", re.I),
    ),
    ("upgraded", re.compile(rf"\b(?:was\s+)?upgraded\s+to\s+(?P<tier>{_TIER})", re.I)),
    (None, re.compile(rf"\b(?:is|was)\s+placed\s+on\s+(?P<tier>{_TIER})", re.I)),
    (None, re.compile(r"\bis\s+a\s+(?P<tier>Special\s+Case)\b", re.I)),
)
_WAIVER = re.compile(r"granted\s+a\s+waiver\s+from\s+an\s+otherwise\s+required\s+downgrade", re.I)
_VERDICTS = (
    (re.compile(r"\bis\s+not\s+making\s+significant\s+efforts", re.I), {"Tier 3"}),
    (
        re.compile(
            r"does\s+not\s+fully\s+meet\s+the\s+minimum\s+standards.{0,200}?\bbut\s+is\s+making\s+significant\s+efforts",
            re.I | re.S,
        ),
        {"Tier 2", "Tier 2 Watch List"},
    ),
    (re.compile(r"(?<!not )\bfully\s+meets\s+the\s+minimum\s+standards", re.I), {"Tier 1"}),
)


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], unwrapped (glued `.X` counts as a boundary)."""
    lefts = [m.end() for m in re.finditer(r"[.!?][\"”’)]*(?:\s+|(?=[A-Z]))|\n\s*\n", text[:start])]
    left = lefts[-1] if lefts else 0
    right_m = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$|[A-Z]))").search(text, end)
    right = right_m.end() if right_m else len(text)
    return join_lines(text[left:right].split("\n"))


def find_tier_statement(text: str) -> tuple[str | None, str | None, str | None, int | None]:
    """(tier, movement, sentence, offset) from the summary's tier sentence, if any."""
    best = None
    for movement, rx in _STATEMENTS:
        m = rx.search(text)
        if m and (best is None or m.start() < best[2].start()):
            best = (movement, canonical_tier(m.group("tier")), m)
    if best:
        movement, tier, m = best
        return tier, movement, _sentence_around(text, m.start(), m.end()), m.start()
    m = _WAIVER.search(text)
    if m:
        return (
            WATCH_LIST,
            "remained",
            _sentence_around(text, m.start(), m.end()),
            m.start(),
        )
    return None, None, None, None


# --------------------------------------------------------------------------- recommendations

_REC_HEADER = re.compile(
    r"(?:PRIORITIZED\s+RECOMMENDATIONS|Prioritized\s+Recommendations|Prioritized\s+recommendations"
    r"|RECOMMENDATIONS\s+FOR\s+[A-ZÀ-Ý][A-ZÀ-Ý ,'’.\-]*?(?=\s*:|\s*\n|[A-Z][a-z])"
    r"|Recommendations\s+for\s+[A-ZÀ-Ý][\w ,'’.\-]*?(?=\s*:)"
    r"|(?m:^RECOMMENDATIONS(?=\s*:?\s*$)))\s*:?"
)
_SECTION_END = re.compile(
    r"(?:(?<![A-Za-z])"
    r"(?:PROSECUTION|GOVERNMENT EFFORTS|PROTECTION|PREVENTION|TRAFFICKING PROFILE)(?![A-Za-z])"
    r"|(?m:^[ \t]*(?:Prosecution|Protection|Prevention|Trafficking Profile|Government Efforts)"
    r"[ \t]*:?[ \t]*$)"
    r"|(?:(?<=[.!?][\s\"”])|(?<=[.!?])|(?m:^))[ \t]*The\s+government\s+"
    r"(?:maintained|increased|decreased|"
    r"made|demonstrated|continued|did\s+not\s+\w+|slightly\s+\w+|significantly\s+\w+)[^.]{0,120}?"
    r"law\s+enforcement\s+efforts)"
)

IMPERATIVES = frozenset(
    """
abolish accede accelerate accept address adequately adopt allocate allow amend apply approve
assess assign assist authorize avoid build cease clarify codify collaborate collect combat
complete conduct consider consistently continue convict coordinate create criminalize
dedicate define deploy designate develop devote disburse disseminate do draft educate effectively
eliminate empower enact encourage end enforce engage enhance ensure establish evaluate expand
expedite extend facilitate finalize fully fund grant guarantee harmonize hire hold identify
implement improve incentivize include increase inform initiate inspect institutionalize integrate
investigate issue join launch legislate maintain make mandate monitor negotiate offer operationalize
oversee partner pass penalize permit prevent prioritize proactively proceed prohibit promote
promptly prosecute protect provide publish punish raise ratify reduce refer reform regularly
regulate reinforce remove repeal report require resource respect restore review revise robustly
screen seek sentence serve set share significantly standardize stop strengthen streamline
support sustain systematically take thoroughly train transfer update use utilize vigorously
waive work adapt uphold audit certify close conclude dismantle enroll expose formalize
""".split()
)
_PREP_STARTS = re.compile(
    r"(?:In\s+(?:partnership|coordination|cooperation|consultation|collaboration)\s+with|With\s+"
    r"|Working\s+with|Through\s+|Do\s+not\b|Don't\b|Consistent\s+with)"
)
_NON_STARTERS = frozenset(
    """
the this these that those it its they their there such however moreover additionally also a an
as at for if when while although despite because since currently in on of to some many all each
he she we our government officials authorities victims traffickers ngos courts services observers
""".split()
)
_ABBREVIATIONS = frozenset(
    "e.g i.e no nos art mr ms mrs dr st vs cf approx fig para sec ch vol".split()
)


_FIRST_WORD = re.compile(r"\s*[\"“‘']?([A-Za-zÀ-ÿ']+)")
_NEXT_WORD = re.compile(r"\s*\S+\s+([a-z]+)")
_PREP_AT = re.compile(r"[ \t\"“]*" + _PREP_STARTS.pattern)


def _first_word(text: str, pos: int = 0) -> str:
    m = _FIRST_WORD.match(text, pos)
    return m.group(1) if m else ""


def starts_like_item(text: str, pos: int = 0) -> bool:
    """Does text[pos:] open like a recommendation (an imperative, or 'In partnership with ...')?
    Works at a position, without copying the rest of the text."""
    if _PREP_AT.match(text, pos):
        return True
    word = _first_word(text, pos)
    if not word or not word[0].isupper():
        return False
    low = word.lower()
    if low in IMPERATIVES:
        return True
    if low.endswith("ly") and len(low) > 4:  # "Swiftly enact", "Transparently report"
        m = _NEXT_WORD.match(text, pos)
        return bool(m) and m.group(1) not in _NON_STARTERS
    return False


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z.]+)\.$", text[max(0, pos - 40) : pos + 1])
    return m.group(1).lower() if m else ""


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _word_before(text, dot)
    return word in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


_BOUNDARY = re.compile(r"[.!?][\"”’)]*(?P<ws>[ \t]*\n?[ \t]*)(?=[\"“‘]?[A-ZÀ-Ý])")


def sentence_boundaries(block: str) -> list[int]:
    """Offsets where a new recommendation starts inside a paragraph without glyphs.

    Inside a line (`. X` or glued `.X`): only when X opens like a recommendation.
    At a line break after a full stop: also when X is capitalised and not an ordinary
    sentence opener (hard-wrapped one-item-per-line lists).
    """
    cuts = []
    for m in _BOUNDARY.finditer(block):
        nxt = m.end()
        if starts_like_item(block, nxt):
            if _word_before(block, m.start()) in _ABBREVIATIONS:
                continue
            cuts.append(nxt)
        elif "\n" in m.group("ws"):
            word = _first_word(block, nxt).lower()
            if word and word not in _NON_STARTERS and not _is_abbreviation(block, m.start()):
                cuts.append(nxt)
    return cuts


_HYPHEN_KEEP = frozenset(
    """
anti non self co cross multi well long short high low semi post pre inter intra sub child labor
labour sex victim victims trauma gender law court government state community evidence rights
survivor survivors male female cost time follow mid rule ex
""".split()
)


def join_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join hard-wrapped lines into one line; repair hyphenation at line ends."""
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = re.search(r"([A-Za-z]+)-$", out)
        if m and line[:1].islower():
            left = m.group(1)
            right = re.match(r"[a-z]+", line).group(0)
            joined = (left + right).lower()
            hyphenated = f"{left}-{right}".lower()
            if vocabulary and hyphenated in vocabulary and joined not in vocabulary:
                out += line
            elif vocabulary and joined in vocabulary:
                out = out[:-1] + line
            elif left.lower() in _HYPHEN_KEEP:
                out += line
            else:
                out = out[:-1] + line
        else:
            out += " " + line
    return re.sub(r"\s+", " ", out).strip()


_GLYPH_SPLIT = re.compile(r"[•▪●◦]")
_ASTERISK_SPLIT = re.compile(r"(?:(?<=\s)|^)\*(?=\s|$)", re.M)
_DASH_LINE = re.compile(r"^[ \t]*[-–—][ \t]+(?=\S)", re.M)
_TERMINAL = re.compile(r"[.!?][\"”’')\]]*$")


def _semicolon_items(block: str) -> list[str] | None:
    flat = " ".join(block.split())
    parts = [p.strip() for p in re.split(r";\s+", flat)]
    if len(parts) < 2 or not re.match(r"and\s", parts[-1], re.I):
        return None
    if sentence_boundaries(flat):
        return None
    # "Investigate; prosecute; and convict ..." is one item: real list items are whole asks.
    if any(len(re.sub(r"^and\s+", "", p, flags=re.I).split()) < 3 for p in parts):
        return None
    rest = parts[1:]
    if sum(1 for p in rest if p[:1].islower()) < len(rest) - 1:
        return None
    parts[-1] = re.sub(r"^and\s+", "", parts[-1], flags=re.I)
    return parts


def split_items(block: str, vocabulary: set[str] | None = None) -> tuple[list[str], str]:
    """Split a recommendations block into item texts; returns (items, style)."""
    block = block.strip("\n")
    if not block.strip():
        return [], "none"
    if _GLYPH_SPLIT.search(block):
        pieces, style = _GLYPH_SPLIT.split(block), "bullets"
    elif _ASTERISK_SPLIT.search(block):
        pieces, style = _ASTERISK_SPLIT.split(block), "asterisks"
    elif len(_DASH_LINE.findall(block)) >= 2 or _DASH_LINE.match(block.lstrip("\n")):
        pieces, style = _DASH_LINE.split(block), "dash-lines"
    else:
        semi = _semicolon_items(block)
        if semi is not None:
            return semi, "semicolons"
        pieces, style = [], "sentences"
        for para in re.split(r"\n[ \t]*\n", block):
            cuts = [0, *sentence_boundaries(para), len(para)]
            pieces += [para[a:b] for a, b in pairwise(cuts)]
    items = [join_lines(p.split("\n"), vocabulary) for p in pieces]
    return [i for i in items if i and re.search(r"\w", i)], style


# --------------------------------------------------------------------------- documents


def year_from_path(source: str) -> int | None:
    years = re.findall(r"(?:^|[/\\])((?:19|20)\d\d)(?=[/\\])", source)
    return int(years[-1]) if years else None


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _find_year(*texts: str) -> int | None:
    for text in texts:
        for rx in _YEAR_FORMS:
            m = rx.search(text)
            if m:
                return int(m.group(1))
    return None


_PAGE_YEAR = re.compile(
    r"(?m)^[ \t]*TRAFFICKING IN PERSONS REPORT[ \t]*[|•–-]?[ \t]*(?:JUNE[ \t]+)?"
    r"((?:19|20)\d\d)[ \t]*$"
)


_PROSE = re.compile(r"minimum\s+standards|Government\s+of|[a-z,;]\s*$|\.\s+[A-Z]")


def _title_lines(segment: str, header_lines: int, limit: int = 8) -> str:
    """The header and title lines of a narrative, up to where the summary's prose begins:
    only they may state the report year (prose may cite other years' reports)."""
    lines = segment.split("\n")
    out = lines[:header_lines]
    for line in lines[header_lines:limit]:
        if (
            out
            and _PROSE.search(line)
            and not re.search(r"TIP Report|Trafficking in Persons Report", line, re.I)
        ):
            break
        out.append(line)
    return "\n".join(out)


def _find_title(text: str) -> tuple[int, str] | None:
    for line in text.split("\n")[:60]:
        for rx in _TITLE:
            m = rx.match(line)
            if m:
                return int(m.group("year")), m.group("name")
    return None


_GOV_OF = re.compile(
    rf"\bThe\s+Government\s+of\s+(?:the\s+)?(?P<name>{_NAME}?)\s+(?:fully\s+meets|does\s+not|is\s+not|is\s+making)"
)


def _is_narrative(text: str) -> bool:
    return bool(
        _REC_HEADER.search(text)
        or re.search(
            r"minimum\s+standards\s+for\s+the\s+elimination\s+of\s+trafficking", text, re.I
        )
        or find_tier_statement(text)[0]
    )


def _vocabulary(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text)}


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
    page_year = _PAGE_YEAR.search(text)
    text = clean_text(text)
    lines = text.split("\n")
    headers = find_headers(lines)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    if headers:
        preamble = text[: offsets[headers[0].line]]
        segments = [
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
        segments = [(None, 0, 0, len(text))]

    file_title = _find_title(preamble or text)
    file_year = (_find_year(preamble) if preamble else None) or (
        int(page_year.group(1)) if page_year else None
    )
    docs, errors = [], []
    for header, start, body_start, end in segments:
        segment = text[start:end]
        body = text[body_start:end]
        head_area = _title_lines(segment, header.end_line - header.line if header else 0)
        try:
            doc = _parse_segment(
                text,
                body,
                body_start,
                header=header,
                source=source,
                sha256=sha256,
                year_hint=year,
                country_hint=country,
                file_title=file_title,
                year_text=_find_year(head_area)
                or file_year
                or (_find_year(text) if not headers else None),
                warnings=list(warnings),
                n_docs=len(segments),
            )
        except InputFormatError as exc:
            errors.append(InputError(source, str(exc)))
            continue
        docs.append(doc)
    return ParseResult(documents=tuple(docs), errors=tuple(errors))


def _parse_segment(
    text: str,
    body: str,
    body_start: int,
    *,
    header: _Header | None,
    source: str,
    sha256: str,
    year_hint: int | None,
    country_hint: str | None,
    file_title: tuple[int, str] | None,
    year_text: int | None,
    warnings: list[str],
    n_docs: int,
) -> Narrative:
    place = f"line {header.line + 1}" if header else "line 1"
    where = f"{source}: {place}" if n_docs > 1 or header else source

    # Country
    name = header.name if header else None
    if name is None and file_title:
        name = file_title[1]
    if name is None:
        m = _GOV_OF.search(body)
        if m:
            name = m.group("name")
    if name is None:
        name = country_hint
    elif country_hint and countries.resolve(country_hint)[1] != countries.resolve(name)[1]:
        warnings.append(
            f"--country {country_hint!r} differs from the text's {name!r}; using the text"
        )
    if not name:
        raise InputFormatError(
            f"{where}: no country name: expected a header such as 'FREEDONIA: Tier 2', "
            "a title line such as '2023 Trafficking in Persons Report: Freedonia', or --country"
        )
    country, code = countries.resolve(name)
    if code is None:
        warnings.append(f"country {name!r} is not a known country name; it has no ISO3 code")

    # Year: the text, then a YYYY folder in the path, then --year
    path_year = year_from_path(source)
    year = year_text or path_year or year_hint
    if year_text and path_year and year_text != path_year:
        warnings.append(
            f"the text says {year_text} but the file is in a {path_year} folder; using {year_text}"
        )
    if year is None:
        raise InputFormatError(
            f"{where}: no report year for {country}: expected a title line such as "
            "'2023 Trafficking in Persons Report', a YYYY folder in the path, or --year"
        )
    if year_hint and year != year_hint:
        warnings.append(
            f"--year {year_hint} differs from the year {year} found in the text/path; using {year}"
        )

    # Sections
    end_m = _SECTION_END.search(body)
    rec_m = _REC_HEADER.search(body, 0, end_m.start() if end_m else len(body))
    summary_region = body[: rec_m.start()] if rec_m else body[: end_m.start()] if end_m else body
    s_tier, movement, movement_text, s_off = find_tier_statement(summary_region)

    # Tier
    h_tier = header.tier if header else None
    tier, tier_source = h_tier, ("header" if h_tier else None)
    if s_tier:
        if h_tier is None:
            tier, tier_source = s_tier, "summary"
        elif s_tier == h_tier:
            tier_source = "both"
        else:
            warnings.append(
                f"tier in the header ({h_tier}, {place}) and in the summary ({s_tier}, line "
                f"{_line_of(text, body_start + s_off)}) disagree; using the header"
            )
    for rx, allowed in _VERDICTS:
        vm = rx.search(summary_region)
        if vm:
            if tier and tier != "Special Case" and tier not in allowed:
                warnings.append(
                    f"the summary (line {_line_of(text, body_start + vm.start())}) reads like "
                    f"{' or '.join(sorted(allowed))} but the tier is {tier}"
                )
            break
    if tier is None:
        warnings.append(f"{place}: no tier stated in the header or the summary; tier unknown")

    # Recommendations
    if end_m:
        end_of_list, closed = end_m.start(), True
    else:
        end_of_list, closed = len(body), False
    if rec_m:
        list_start = rec_m.end()
    else:
        list_start = _headerless_list_start(body, end_of_list)
    items: list[str] = []
    if list_start is not None:
        items, _style = split_items(body[list_start:end_of_list], _vocabulary(body))
    elif tier != "Special Case":
        warnings.append("no recommendations section found")
    recs = []
    for i, item in enumerate(items):
        truncated = False
        if i == len(items) - 1 and not _TERMINAL.search(item):
            if closed:
                warnings.append(f"recommendation #{i + 1} (the last) has no full stop")
            else:
                truncated = True
                warnings.append(
                    f"recommendation #{i + 1} (the last) is cut off: the text ends there"
                )
        recs.append(Recommendation(index=i, text=item, truncated=truncated))

    return Narrative(
        source=source,
        sha256=sha256,
        country=country,
        country_code=code,
        year=year,
        tier=tier,
        tier_source=tier_source,
        tier_movement=movement,
        tier_movement_text=movement_text,
        recommendations=tuple(recs),
        warnings=tuple(warnings),
    )


def _headerless_list_start(body: str, end: int) -> int | None:
    """Where the list begins when it has no header: the first recommendation-like sentence
    (or bullet) after the summary's minimum-standards verdict or tier sentence."""
    region = body[:end]
    anchor = re.search(r"minimum\s+standards", region, re.I)
    if anchor is None:
        _t, _m, _s, off = find_tier_statement(region)
        if off is None:
            return None
        anchor_pos = off
    else:
        anchor_pos = anchor.start()
    candidates = []
    glyph = re.compile(r"(?:^|\s)(?:[•▪●◦]|\*(?=\s))", re.M).search(region, anchor_pos)
    if glyph:
        candidates.append(glyph.start())
    for m in re.compile(r"(?:[.!?][\"”’)]*[ \t]*\n?[ \t]*|\n[ \t]*\n[ \t]*)(?=\S)").finditer(
        region, anchor_pos
    ):
        pos = m.end()
        if starts_like_item(region, pos):
            candidates.append(pos)
            break
    return min(candidates) if candidates else None


def parse_bytes(
    data: bytes,
    *,
    source: str,
    year: int | None = None,
    country: str | None = None,
    fmt: str = "auto",
) -> ParseResult:
    """Decode and parse one input. Never raises for bad input; errors come back as data."""
    digest = sha256_bytes(data)
    try:
        text, warnings = decode(data, source=source)
        if fmt == "html" or (fmt == "auto" and looks_like_html(text)):
            text = html_to_text(text)
        return parse_narrative(
            text, source=source, sha256=digest, year=year, country=country, warnings=tuple(warnings)
        )
    except InputFormatError as exc:
        return ParseResult(errors=(InputError(source, str(exc)),))
