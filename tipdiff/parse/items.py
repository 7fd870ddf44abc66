"""Splitting a recommendations block into items, boundary by boundary.

Separators seen in real copies: bullet glyphs (inline or leading a line), inline asterisks,
dash-led lines, blank lines, line breaks after a full stop, sentences glued without a space
(`...penalties.Train ...`), `. ` before an imperative in running text, and the semicolon
paragraph of the older reports. A list may mix them; each boundary is judged on its own.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .cleanup import join_lines

IMPERATIVES = frozenset(
    """
abolish accede accelerate accept address adequately adopt allocate allow amend apply appoint
approve assess assign assist authorize avoid build cease clarify codify collaborate collect combat
complete conduct consider consistently continue convict coordinate create criminalize
dedicate define deploy designate develop devote direct disburse disseminate do document draft
educate effectively eliminate empower enact encourage end enforce engage enhance ensure establish
evaluate expand expedite extend facilitate finalize follow fulfill fully fund grant guarantee
harmonize hire hold identify implement improve incentivize include increase inform initiate
inspect institutionalize integrate investigate issue join launch legislate maintain make mandate
monitor negotiate offer operationalize oversee partner pass penalize permit prevent prioritize
proactively proceed prohibit promote promptly prosecute protect provide publish punish raise
ratify reduce refer reform regularly regulate reinforce remove repeal report require resource
respect restore restructure review revise revive robustly screen seek sentence serve set share
significantly standardize stop strengthen streamline support sustain systematically take
thoroughly train transfer update use utilize vigorously waive work adapt uphold audit certify
close conclude dismantle enroll expose formalize
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
    "e.g i.e no nos art mr ms mrs dr st vs cf approx fig para sec ch vol jr sr gen col".split()
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


_TOKEN_BEFORE = re.compile(r"(\S*)$")


def _token_before(text: str, dot: int) -> str:
    """The non-space run that ends at the full stop at `dot` (without the full stop)."""
    m = _TOKEN_BEFORE.search(text, max(0, dot - 60), dot)
    return m.group(1) if m else ""


def _is_abbreviation(token: str) -> bool:
    """`U.S`, `e.g`, `No`, a single initial `J`: the full stop after it ends no sentence."""
    if token.endswith("."):  # "U.S.." : the abbreviation's stop, then the sentence's
        return False
    word = re.sub(r"^.*?([A-Za-z.]+)$", r"\1", token).lower()
    return (
        word in _ABBREVIATIONS
        or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))
        or bool(re.fullmatch(r"[a-z]", word))
    )


def _is_url(token: str) -> bool:
    return bool(re.search(r"(?:https?:|www\.|/|@)", token, re.I))


_BOUNDARY = re.compile(r"[.!?][\"”’)]*(?P<ws>[ \t]*\n?[ \t]*)(?=[\"“‘]?[A-ZÀ-Ý])")
_CAPITALISED = re.compile(r"[\"“‘]?[A-ZÀ-Ý][a-zà-ÿ]")


def sentence_boundaries(block: str) -> list[int]:
    """Offsets where a new recommendation starts inside a paragraph without glyphs.

    Glued (`.X`, no space): when X is a capitalised word and what precedes the full stop is
    no abbreviation, initial, number or web address: the shape alone decides.
    Inside a line (`. X`): only when X opens like a recommendation.
    At a line break after a full stop: also when X is capitalised and not an ordinary
    sentence opener (hard-wrapped one-item-per-line lists).
    """
    cuts = []
    for m in _BOUNDARY.finditer(block):
        nxt = m.end()
        token = _token_before(block, m.start())
        if _is_abbreviation(token):
            continue
        ws = m.group("ws")
        if not ws:
            if (
                _CAPITALISED.match(block, nxt)
                and (token[-1:].isalnum() or token[-1:] in '.)”’"')
                and not _is_url(token + block[nxt : nxt + 20].split(" ")[0])
            ):
                cuts.append(nxt)
        elif starts_like_item(block, nxt):
            cuts.append(nxt)
        elif "\n" in ws:
            word = _first_word(block, nxt).lower()
            if word and word not in _NON_STARTERS:
                cuts.append(nxt)
    return cuts


_GLYPH = r"[•▪●◦]"
# Any glyph separator: a bullet glyph anywhere; an asterisk standing alone; a dash that leads
# a line after the end of an item, after a blank line or on the block's first line, not a dash
# inside wrapped prose.
_SEPARATOR = re.compile(
    rf"{_GLYPH}"
    r"|(?:(?<=\s)|^)\*(?=\s|$)"
    r"|(?:^|(?<=[.!?:;\"”’)]\n)|(?<=[.!?:;\"”’)][ \t]\n)|(?<=\n\n)|(?<=\n[ \t]\n))"
    r"[ \t]*[-–—][ \t]+(?=\S)",
)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
TERMINAL = re.compile(r"[.!?][\"”’')\]]*$")


def _semicolon_items(block: str, vocabulary: set[str] | None = None) -> list[str] | None:
    """The older reports' one-paragraph list: `Do this; do that; and do the other.`

    The closing "and" is optional (`...; continue to ...`, `...; and, allocate ...`) and the
    copy may be cut off inside the last item. Its lines are joined as any item's are
    (hyphenation at line ends repaired: PDF text of the older reports wraps inside words)."""
    flat = _through_last_item(join_lines(block.split("\n"), vocabulary))
    parts = [p.strip() for p in re.split(r";\s+", flat)]
    closing_and = re.compile(r"^and,?\s+", re.I)
    if len(parts) < 2 or (len(parts) < 3 and not closing_and.match(parts[-1])):
        return None
    if sentence_boundaries(flat):
        return None
    # "Investigate; prosecute; and convict ..." is one item: real list items are whole asks
    # (the last may be cut off after a word or two).
    whole = parts if TERMINAL.search(flat) else parts[:-1]
    if any(len(closing_and.sub("", p, count=1).split()) < 3 for p in whole):
        return None
    rest = parts[1:]
    if sum(1 for p in rest if p[:1].islower()) < len(rest) - 1:
        return None
    parts[-1] = closing_and.sub("", parts[-1], count=1)
    return [p for p in parts if p]


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s*[\"“‘]?[A-ZÀ-Ý]|\s*$)")


def _through_last_item(flat: str) -> str:
    """A semicolon list ends with the sentence of its last item: what follows in the same
    paragraph is the next section's prose (its heading stripped)."""
    last = flat.rfind("; ")
    if last < 0:
        return flat
    for m in _SENTENCE_END.finditer(flat, last):
        if not _is_abbreviation(_token_before(flat, m.start())):
            return flat[: m.end()]
    return flat


def sentences(text: str) -> list[str]:
    """Plain sentence split of one paragraph (abbreviations and initials respected)."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if _is_abbreviation(_token_before(text, m.start())):
            continue
        out.append(text[start : m.end()].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [x for x in out if x]


def _pieces(text: str) -> list[str]:
    """Paragraphs, then sentence boundaries inside each."""
    out = []
    for para in _PARAGRAPH.split(text):
        cuts = [0, *sentence_boundaries(para), len(para)]
        out += [para[a:b] for a, b in pairwise(cuts)]
    return out


def _separator_kind(sep: str) -> str:
    if re.match(_GLYPH, sep):
        return "bullets"
    return "asterisks" if "*" in sep else "dash-lines"


# The earliest reports (2001-2007) have no list: the summary's verdict paragraph says what the
# government "should" do, one ask or several (split by semicolons) to a sentence.
_ASK = re.compile(
    r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )(?:\bshould\b|\bneeds?\s+to\b|\bis\s+needed\b"
    r"|\bwould\s+(?:improve|strengthen|enhance)\b)",
    re.I,
)


def embedded_asks(paragraph: str, vocabulary: set[str] | None = None) -> list[str]:
    """The asks of a summary paragraph of the earliest reports: its 'should' sentences."""
    flat = join_lines(paragraph.split("\n"), vocabulary)
    items: list[str] = []
    for sentence in sentences(flat):
        if _ASK.search(sentence):
            items += _semicolon_items(sentence, vocabulary) or [sentence]
    return items


def split_items(block: str, vocabulary: set[str] | None = None) -> tuple[list[str], str]:
    """Split a recommendations block into item texts; returns (items, style)."""
    block = block.strip("\n")
    if not block.strip():
        return [], "none"
    separators = list(_SEPARATOR.finditer(block))
    if separators:
        kinds = {_separator_kind(m.group()) for m in separators}
        style = kinds.pop() if len(kinds) == 1 else "mixed"
        pieces = []
        cuts = [0, *(x for m in separators for x in (m.start(), m.end())), len(block)]
        for a, b in list(pairwise(cuts))[::2]:
            pieces += _pieces(block[a:b])
    else:
        semi = _semicolon_items(block, vocabulary)
        if semi is not None:
            return semi, "semicolons"
        pieces, style = _pieces(block), "sentences"
    items = [join_lines(p.split("\n"), vocabulary) for p in pieces]
    return [i for i in items if i and re.search(r"\w", i)], style
