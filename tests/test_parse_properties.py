"""Properties: any input gives documents or clean errors; every separator style round-trips."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tipdiff.model import ParseResult
from tipdiff.parse import parse_bytes, parse_narrative

from .conftest import SEED

SEED_BYTES = SEED.read_bytes()
VERBS = ["Increase", "Amend", "Train", "Screen", "Vigorously investigate", "Significantly increase",
         "Establish", "Provide", "Develop", "Strengthen", "Fund", "Adopt", "Ensure", "Allocate",
         "Expand", "Improve", "In partnership with NGOs, develop", "Enforce", "Conduct"]
WORDS = ["victims", "shelters", "funding", "for", "labor", "trafficking", "officials", "including",
         "complicit", "and", "the", "national", "action", "plan", "to", "identify", "workers",
         "migrant", "services", "male", "penalties", "adequate", "judges", "in", "data", "hotline",
         "U.S.", "e.g.", "No. 5", "police,", "courts,", "“forced", "labor”", "(NGOs)", "long-term"]


@st.composite
def item(draw, semicolons_inside=True):
    verb = draw(st.sampled_from(VERBS))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=18))
    if semicolons_inside and draw(st.booleans()):
        words = words[:1] + ["investigate; prosecute; and convict"] + words[1:]
    text = " ".join([verb, *words])
    return text.rstrip(",") + "."


def _doc(block: str, header: str = "PRIORITIZED RECOMMENDATIONS:\n") -> str:
    return ("SYNTHETIC\n2022 Trafficking in Persons Report: Freedonia\nFREEDONIA: Tier 2\n"
            "The Government of Freedonia does not fully meet the minimum standards for the elimination "
            "of trafficking but is making significant efforts to do so; therefore Freedonia remained on "
            "Tier 2.\n" + header + block + "\nPROSECUTION\nThe government maintained law enforcement efforts.\n")


def _wrap_items(items: list[str], first: int) -> str:
    out = []
    for it in items:  # an item's first line can be 1-5 words long
        words = it.split(" ")
        head, tail = " ".join(words[:first]), " ".join(words[first:])
        out.append(head + ("\n" + textwrap.fill(tail, 60, break_on_hyphens=False) if tail else ""))
    return "\n".join(out)


STYLES = {
    "inline-bullets": lambda items, n: " • ".join(items),
    "glued": lambda items, n: "".join(items),
    "bullet-lines": lambda items, n: "\n\n".join("•\u00a0 " + i for i in items) + "\n• ",
    "dash-lines": lambda items, n: "\n".join("- " + i for i in items),
    "paragraphs": lambda items, n: "\n\n".join(items),
    "hard-wrapped-lines": lambda items, n: _wrap_items(items, n),
    "running-text": lambda items, n: textwrap.fill(" ".join(items), 70, break_on_hyphens=False),
    "inline-asterisks": lambda items, n: " * ".join(items),
}


def _parsed(text: str) -> list[str]:
    result = parse_narrative(text, source="prop.txt")
    assert result.errors == ()
    (doc,) = result.documents
    return [r.text for r in doc.recommendations]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=st.lists(item(), min_size=1, max_size=12), style=st.sampled_from(sorted(STYLES)),
       first=st.integers(1, 5))
def test_every_separator_style_round_trips(items, style, first):
    assert _parsed(_doc(STYLES[style](items, first))) == items


@settings(max_examples=40, deadline=None)
@given(items=st.lists(item(), min_size=2, max_size=10))
def test_inline_asterisks_without_a_section_header_round_trip(items):
    block = "* " + " * ".join(items)
    assert _parsed(_doc(block, header="")) == items


@settings(max_examples=60, deadline=None)
@given(items=st.lists(item(semicolons_inside=False), min_size=2, max_size=10))
def test_semicolon_paragraph_round_trips(items):
    bare = [i.rstrip(".") for i in items]
    lowered = [bare[0]] + [b[0].lower() + b[1:] for b in bare[1:]]
    block = "; ".join(lowered[:-1]) + "; and " + lowered[-1] + "."
    expected = lowered[:-1] + [lowered[-1] + "."]
    assert _parsed(_doc(block, header="RECOMMENDATIONS FOR FREEDONIA:\n")) == expected


def _clean_outcome(result: ParseResult, source: str) -> None:
    assert isinstance(result, ParseResult)
    for e in result.errors:
        assert e.source == source and e.message.startswith(source)
    for d in result.documents:
        assert d.tier in (None, "Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3", "Special Case")
        assert [r.index for r in d.recommendations] == list(range(len(d.recommendations)))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_any_bytes_give_documents_or_a_clean_error(data):
    _clean_outcome(parse_bytes(data, source="fuzz.bin"), "fuzz.bin")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_gives_documents_or_a_clean_error(text):
    _clean_outcome(parse_bytes(text.encode("utf-8", "surrogatepass"), source="fuzz.txt"), "fuzz.txt")


@settings(max_examples=200, deadline=None)
@example(cuts=[(0, 0)], junk=b"\xfe\xff")  # a UTF-16 byte-order mark on a UTF-8 file (found by CI)
@given(cuts=st.lists(st.tuples(st.integers(0, len(SEED_BYTES)), st.integers(0, 200)), max_size=4),
       junk=st.binary(max_size=40))
def test_damaged_copies_of_the_seed_never_crash(cuts, junk):
    data = bytearray(SEED_BYTES)
    for start, length in cuts:
        data[start:start + length] = junk
    _clean_outcome(parse_bytes(bytes(data), source="cut.txt"), "cut.txt")


SEED_ITEMS = [r.text for r in parse_bytes(SEED_BYTES, source="seed").documents[0].recommendations]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("first", [1, 3, 5])
def test_the_seeds_real_recommendations_round_trip_in_every_style(style, first):
    assert _parsed(_doc(STYLES[style](SEED_ITEMS, first))) == SEED_ITEMS


def test_the_seeds_real_recommendations_round_trip_as_a_semicolon_paragraph():
    bare = [i.rstrip(".") for i in SEED_ITEMS]
    lowered = [bare[0]] + [b[0].lower() + b[1:] for b in bare[1:]]
    block = "; ".join(lowered[:-1]) + "; and " + lowered[-1] + "."
    assert _parsed(_doc(block, header="RECOMMENDATIONS FOR PERU:\n")) == lowered[:-1] + [lowered[-1] + "."]


# Issue 7: lists that mix separators, semicolon lists without a closing "and", and copies
# cut off inside the last item.
SEPARATORS = [" • ", "\n", "\n\n", "", " * ", "\n- ", "\n• ", " "]


@settings(max_examples=80, deadline=None)
@given(items=st.lists(item(), min_size=2, max_size=12), data=st.data())
def test_mixed_separators_round_trip(items, data):
    block = items[0]
    for it in items[1:]:
        block += data.draw(st.sampled_from(SEPARATORS)) + it
    assert _parsed(_doc(block)) == items


def _lowered(items: list[str]) -> list[str]:
    bare = [i.rstrip(".") for i in items]
    return [bare[0]] + [b[0].lower() + b[1:] for b in bare[1:]]


@settings(max_examples=60, deadline=None)
@given(items=st.lists(item(semicolons_inside=False), min_size=3, max_size=10),
       closing=st.sampled_from(["", "and, "]))
def test_semicolon_paragraph_without_a_closing_and_round_trips(items, closing):
    lowered = _lowered(items)
    block = "; ".join(lowered[:-1]) + "; " + closing + lowered[-1] + "."
    expected = lowered[:-1] + [lowered[-1] + "."]
    assert _parsed(_doc(block, header="RECOMMENDATIONS FOR FREEDONIA:\n")) == expected


def _cut_doc(block: str) -> str:
    return _doc(block).split("\nPROSECUTION")[0] + "\n"


CUT_STYLES = ["inline-bullets", "glued", "bullet-lines", "dash-lines", "paragraphs",
              "hard-wrapped-lines", "inline-asterisks"]


@settings(max_examples=80, deadline=None)
@given(items=st.lists(item(), min_size=2, max_size=10), style=st.sampled_from(CUT_STYLES),
       first=st.integers(1, 5), data=st.data())
def test_lists_cut_off_inside_the_last_item_round_trip_and_say_so(items, style, first, data):
    words = items[-1].split(" ")
    # a cut keeps at least the opening verb ("In" alone could open any sentence)
    opening = max(len(v.split(" ")) for v in VERBS if items[-1].startswith(v + " "))
    # nor ends on a bare number, which a hard wrap could leave alone on a line like a page number
    keep = [k for k in range(opening, len(words))
            if not words[k - 1].endswith((".", ",")) and not words[k - 1].isdigit()]
    if not keep:
        return
    cut = " ".join(words[: data.draw(st.sampled_from(keep))])
    block = STYLES[style]([*items[:-1], cut], first)
    if style == "bullet-lines":
        block = block.removesuffix("\n• ")
    result = parse_narrative(_cut_doc(block), source="cut.txt")
    (doc,) = result.documents
    assert [r.text for r in doc.recommendations] == [*items[:-1], cut]
    assert [r.truncated for r in doc.recommendations] == [False] * (len(items) - 1) + [True]


@settings(max_examples=60, deadline=None)
@given(items=st.lists(item(semicolons_inside=False), min_size=3, max_size=10), data=st.data())
def test_semicolon_lists_cut_off_inside_the_last_item_round_trip(items, data):
    lowered = _lowered(items)
    words = lowered[-1].split(" ")
    keep = [k for k in range(1, len(words)) if not words[k - 1].endswith((".", ",", ";"))]
    if not keep:
        return
    cut = " ".join(words[: data.draw(st.sampled_from(keep))])
    block = "; ".join(lowered[:-1]) + "; " + cut
    text = _doc(block, header="RECOMMENDATIONS FOR FREEDONIA:\n").split("\nPROSECUTION")[0] + "\n"
    (doc,) = parse_narrative(text, source="cut.txt").documents
    assert [r.text for r in doc.recommendations] == [*lowered[:-1], cut]
    assert doc.recommendations[-1].truncated
