"""Hostile text in a recommendation and in a file name reaches every report: HTML, Markdown
(rendered by a real CommonMark library with raw HTML allowed, as the attack in issue 9 did)
and the Atom feed. None of them may hold an element, attribute or link that the input made;
each must still show the text, as text."""

from __future__ import annotations

import lxml.etree
import lxml.html
import pytest
from markdown_it import MarkdownIt

from tipdiff.corpus import align_batch, histories
from tipdiff.inputs import inventory, parse_files
from tipdiff.render import pages
from tipdiff.render.escape import md_escape

HOSTILE = (
    "Fund shelters <img src=x onerror=alert(1)> </script><script>alert(3)</script> "
    "[click](javascript:alert(4)) **loud** <b>bold</b> &amp; `tick` "
    "![pic](http://evil.invalid/x.png) <http://evil.invalid/> <!-- c --> | pipe # hash _u_ "
    "~~gone~~ [ref]: javascript:alert(5) in the fishing fleet."
)
HOSTILE_NAME = "<img src=x onerror=alert(1)>[x](javascript:alert(2))*em*&amp;.txt"
# Words that only an element made from the input would hold as its whole text.
INPUT_ONLY = {"loud", "bold", "tick", "click", "pic", "gone", "u", "em", "x", "ref"}

HEADER = (
    "{year} Trafficking in Persons Report: Freedonia\nFREEDONIA: Tier 2\n"
    "The Government of Freedonia does not fully meet the minimum standards for the "
    "elimination of trafficking but is making significant efforts to do so.\n\n"
    "PRIORITIZED RECOMMENDATIONS:\n{items}\n\nPROSECUTION\nThe government maintained efforts.\n"
)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    (raw / "2023").mkdir()
    (raw / "2024").mkdir()
    (raw / "2023" / "freedonia.txt").write_text(HEADER.format(year=2023, items=(
        "Open a national hotline for callers in every region.\n"
        "Train border guards to screen migrants for signs of trafficking.")))
    (raw / "2024" / HOSTILE_NAME).write_text(HEADER.format(year=2024, items=(
        f"{HOSTILE}\nTrain border guards to screen migrants for signs of trafficking.")))
    parsed = parse_files(inventory(raw))
    assert not parsed.errors and len(parsed.documents) == 2
    texts = [r.text for d in parsed.documents for r in d.recommendations]
    assert HOSTILE in texts  # the parser kept the hostile text as it was
    diffs = align_batch([tuple(sorted(parsed.documents, key=lambda d: d.year))])
    return pages.render_reports(histories(parsed.documents, diffs), [])


def assert_inert(doc, where: str) -> None:
    """No element, attribute or link that the hostile input could have made."""
    for tag in ("img", "script", "b", "iframe", "object", "embed"):
        assert not doc.xpath(f"//{tag}"), (where, tag)
    assert not [a for el in doc.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")], where
    for href in doc.xpath("//@href | //@src"):
        assert not href.lower().startswith(("javascript:", "http:", "https:", "data:")), (where, href)
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag not in ("html", "body"):
            text = (el.text_content() or "").strip()
            assert text not in INPUT_ONLY, (where, el.tag, text)
    assert not doc.xpath("//comment()[contains(., ' c ')]"), where


def test_html_pages_escape_hostile_recommendations_and_file_names(hostile_site):
    for name in ("reports/freedonia.html", "reports/2024.html", "reports/index.html"):
        doc = lxml.html.document_fromstring(hostile_site[name])
        assert_inert(doc, name)
        if name.endswith("freedonia.html"):
            text = " ".join(doc.text_content().split())
            assert HOSTILE in text  # shown, as text
            assert HOSTILE_NAME in text


@pytest.mark.parametrize("name", ["reports/freedonia.md", "reports/2024.md", "reports/index.md",
                                  "summary.md"])
def test_markdown_renders_with_commonmark_to_no_element_or_link_from_the_input(hostile_site, name):
    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    html = md.render(hostile_site[name])
    doc = lxml.html.document_fromstring(html)
    assert_inert(doc, name)
    for a in doc.xpath("//a"):  # the only links are tipdiff's own, to its pages
        assert a.get("href").endswith(".md"), a.get("href")
    if name.endswith("freedonia.md"):
        text = " ".join(doc.text_content().split())
        assert HOSTILE in text  # shown as the text it was, nothing swallowed
        assert HOSTILE_NAME in text
        assert doc.xpath("//table//td")  # the tables survived the pipes


def test_atom_feed_escapes_hostile_text_in_titles_and_content(hostile_site):
    feed = lxml.etree.fromstring(hostile_site["reports/feeds/freedonia.xml"])
    ns = {"a": "http://www.w3.org/2005/Atom"}
    contents = feed.xpath("//a:entry/a:content", namespaces=ns)
    assert len(contents) == 2 and all(c.get("type") == "html" for c in contents)
    joined = ""
    for c in contents:  # what a feed reader renders
        doc = lxml.html.document_fromstring(c.text)
        assert_inert(doc, "feed content")
        joined += " ".join(doc.text_content().split())
    assert HOSTILE in joined and HOSTILE_NAME in joined
    for el in feed.iter():  # nothing but Atom elements in the XML itself
        assert el.tag.startswith("{http://www.w3.org/2005/Atom}"), el.tag


@pytest.mark.parametrize("text", [
    "1. starts a list", "- starts a list", "+ also", "* and this", "# heading", "> quote",
    "=== underline", "--- rule", "    indented code", "line\nbreak\r\n# heading", "a\\*b",
])
def test_md_escape_keeps_line_starts_inert(text):
    md = MarkdownIt("commonmark", {"html": True})
    html = md.render(md_escape(text))
    doc = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [el.tag for el in doc] == ["p"], html  # one plain paragraph, whatever it began with
    assert " ".join(doc.text_content().split()) == " ".join(text.split())


def test_theme_page_country_lists_hold_names_as_text():
    """The theme pages build their country lists in Python (render.markup): a hostile
    name is text there too, in HTML and in Markdown."""
    from tipdiff.render.markup import html_country_links, md_country_links
    from tipdiff.render.view import CountryRef

    refs = [CountryRef(HOSTILE_NAME, "evil\"><script>", "y2023-2024"), CountryRef("Peru", "PER", "")]
    html = str(html_country_links(refs))
    doc = lxml.html.fragment_fromstring(f"<p>{html}</p>")
    assert_inert(doc, "theme html")
    assert [a.text_content() for a in doc.xpath("//a")] == [HOSTILE_NAME, "Peru"]
    assert doc.xpath("//a/@href") == ['evil"><script>.html#y2023-2024', "PER.html"]
    md = MarkdownIt("commonmark", {"html": True}).render(str(md_country_links(refs)))
    assert_inert(lxml.html.fragment_fromstring(md, create_parent="div"), "theme md")
    assert str(html_country_links([])) == "none"
