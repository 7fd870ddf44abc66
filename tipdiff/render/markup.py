"""The small pieces every page repeats (an item list, a word diff, change counts, a change's
kind, a tier move), written in Python and handed to the templates as `m`.

They were Jinja2 macros; a macro call costs far more than the text it makes, and a full
history calls them about 200,000 times (half of the country pages' render time, measured:
`bench/PROFILE.md`). Each function returns exactly what its macro returned, escaped the same
way: HTML by markupsafe (Jinja2's autoescape), Markdown by `md_escape` on every piece of input
text, and the result marked as built by tipdiff (`Markup`, `MdSafe`) so it is not escaped
twice. Only tipdiff's own words are literal here; everything from the input goes through
`_h` or `md_finalize`.
"""

from __future__ import annotations

from types import SimpleNamespace

from markupsafe import Markup, escape

from .escape import MdSafe, md_escape, visible_controls


def _h(value: object) -> str:
    if isinstance(value, str) and not isinstance(value, Markup):
        value = visible_controls(value)
    return str(escape(value))


def html_finalize(value: object) -> object:
    """What the HTML environment writes for `{{ value }}` before autoescape: input text with
    its control characters made visible (escape.visible_controls)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible_controls(value)
    return value


def md_finalize(value: object) -> str:
    """What the Markdown environment writes for `{{ value }}` (its finalize): input text
    escaped, numbers as they are, nothing for None."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return str(value)
    return md_escape(value)


# ------------------------------------------------------------------------------------ HTML


def html_items(items) -> Markup:
    out = ['<ol class="items">\n']
    for it in items:
        cut = ' <span class="flag cut">cut off</span>' if it.truncated else ""
        out.append(f'<li><span class="num-tag">#{_h(it.number)}</span> {_h(it.text)}{cut}</li>\n')
    out.append("</ol>\n")
    return Markup("".join(out))


def _diff_parts(word_diff, esc, deleted, inserted) -> str:
    parts = []
    for tag, old, new in word_diff:
        if tag == "equal":
            parts.append(esc(new))
            continue
        piece = deleted(esc(old)) if old else ""
        if old and new:
            piece += " "
        if new:
            piece += inserted(esc(new))
        parts.append(piece)
    return " ".join(parts)


def html_word_diff(word_diff) -> Markup:
    body = _diff_parts(word_diff, _h, "<del>{}</del>".format, "<ins>{}</ins>".format)
    return Markup(f'<div class="word-diff">{body}</div>\n')


def html_counts(counts) -> Markup:
    shown = [k for k in counts if k.n]
    out = ['<ul class="counts">\n']
    for k in shown:
        out.append(
            f'<li class="k-{_h(k.kind)}"><span class="sym" aria-hidden="true">{_h(k.symbol)}'
            f"</span> {_h(k.n)} {_h(k.kind)}</li>\n"
        )
    if not shown:
        out.append("<li>no recommendations on either side</li>\n")
    out.append("</ul>\n")
    return Markup("".join(out))


def html_kind(row) -> Markup:
    return Markup(f'<span class="sym" aria-hidden="true">{_h(row.symbol)}</span> {_h(row.kind)}\n')


def html_tier_move(move) -> Markup:
    return Markup(f" ({_h(move)})" if move else "")


def html_evidence(e) -> Markup:
    """What the later report says of a dropped ask: the verdict, then its sentences."""
    if e is None:
        return Markup("")
    out = [
        f'<div class="evidence v-{_h(e.verdict)}"><p><strong>The {_h(e.year)} report says:'
        f"</strong> {_h(e.words)}"
    ]
    if not e.sentences:
        out.append(f" (none of its {_h(e.searched)} sentences is about it)")
    out.append("</p>\n")
    if e.sentences:
        out.append("<ul>\n")
        for x in e.sentences:
            out.append(
                f'<li class="s-{_h(x.stance)}">“{_h(x.text)}” <small>({_h(x.section)}, '
                f"sentence {_h(x.number)}; {_h(x.stance_words)}; score {_h(x.score)})</small>"
                "</li>\n"
            )
        out.append("</ul>\n")
    out.append("</div>\n")
    return Markup("".join(out))


def html_verdicts(tallies) -> Markup:
    if not tallies:
        return Markup("")
    out = ['<ul class="verdicts">\n']
    for t in tallies:
        out.append(f'<li class="v-{_h(t.verdict)}">{_h(t.n)} dropped: {_h(t.words)}</li>\n')
    out.append("</ul>\n")
    return Markup("".join(out))


def html_tags(tags, sep: str = " ") -> Markup:
    """Theme tags joined (a data-tags attribute, a cell). Tags are tipdiff's own vocabulary
    (tipdiff.themes.TAGS: letters and underscores), never input text; escaped once anyway."""
    return Markup(_h(sep.join(tags)))


def html_country_links(refs) -> Markup:
    """Countries as links to their pages (a year-pair section when the ref names one), or
    "none"."""
    return Markup(
        ", ".join(
            f'<a href="{_h(r.stem)}.html{"#" + _h(r.anchor) if r.anchor else ""}">{_h(r.name)}</a>'
            for r in refs
        )
        or "none"
    )


HTML = SimpleNamespace(
    evidence=html_evidence,
    verdicts=html_verdicts,
    tags=html_tags,
    country_links=html_country_links,
    items=html_items,
    word_diff=html_word_diff,
    counts=html_counts,
    kind=html_kind,
    tier_move=html_tier_move,
)

# -------------------------------------------------------------------------------- Markdown


def md_items(items) -> MdSafe:
    return MdSafe(
        " · ".join(
            f"#{md_finalize(it.number)} {md_finalize(it.text)}"
            + (" (cut off)" if it.truncated else "")
            for it in items
        )
    )


def md_word_diff(word_diff) -> MdSafe:
    return MdSafe(_diff_parts(word_diff, md_finalize, "[-{}-]".format, "{{+{}+}}".format))


def md_counts(counts) -> MdSafe:
    shown = [k for k in counts if k.n]
    if not shown:
        return MdSafe("no recommendations on either side")
    return MdSafe(", ".join(f"{k.symbol} {md_finalize(k.n)} {md_finalize(k.kind)}" for k in shown))


def md_tier_move(move) -> MdSafe:
    return MdSafe(f" ({md_finalize(move)})" if move else "")


def md_evidence(e) -> MdSafe:
    if e is None:
        return MdSafe("")
    text = f" · **The {md_finalize(e.year)} report says:** {md_finalize(e.words)}"
    if not e.sentences:
        text += f" (none of its {md_finalize(e.searched)} sentences is about it)"
    for x in e.sentences:
        text += (
            f" · “{md_finalize(x.text)}” ({md_finalize(x.section)}, sentence "
            f"{md_finalize(x.number)}; {md_finalize(x.stance_words)}; score "
            f"{md_finalize(x.score)})"
        )
    return MdSafe(text)


def md_verdicts(tallies) -> MdSafe:
    if not tallies:
        return MdSafe("")
    return MdSafe(
        " Dropped: "
        + ", ".join(f"{md_finalize(t.n)} {md_finalize(t.words)}" for t in tallies)
        + "."
    )


def md_country_links(refs) -> MdSafe:
    """Countries as Markdown links to their pages, or "none"."""
    return MdSafe(
        ", ".join(f"[{md_finalize(r.name)}]({md_finalize(r.stem)}.md)" for r in refs) or "none"
    )


MARKDOWN = SimpleNamespace(
    evidence=md_evidence,
    verdicts=md_verdicts,
    country_links=md_country_links,
    items=md_items,
    word_diff=md_word_diff,
    counts=md_counts,
    tier_move=md_tier_move,
)
