"""Renderers. Each reads the diff model (tipdiff.diff.CountryDiff); none recomputes it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from .diff import CountryDiff

_MARK = {
    "unchanged": "=",
    "reworded": "~",
    "split": "<",
    "merged": ">",
    "added": "+",
    "dropped": "-",
}


def _wrap(prefix: str, text: str) -> str:
    return textwrap.fill(text, 100, initial_indent=prefix, subsequent_indent=" " * len(prefix))


def _inline_diff(word_diff) -> str:
    parts = []
    for tag, old, new in word_diff:
        if tag == "equal":
            parts.append(new)
        elif tag == "delete":
            parts.append(f"[-{old}-]")
        elif tag == "insert":
            parts.append(f"{{+{new}+}}")
        else:
            parts.append(f"[-{old}-]{{+{new}+}}")
    return " ".join(parts)


def text_report(diffs: Sequence[CountryDiff]) -> str:
    """A plain-text change report for people, one block per country."""
    out = []
    for d in diffs:
        tier = f"{d.tier_from or 'unknown'} -> {d.tier_to or 'unknown'}"
        if d.tier_change:
            tier += f" ({d.tier_change})"
        code = f" [{d.country_code}]" if d.country_code else ""
        out.append(f"{d.country}{code}, {d.from_year} -> {d.to_year}: {tier}")
        counts = d.counts()
        out.append("  " + ", ".join(f"{n} {k}" for k, n in counts.items() if n))
        for c in d.changes:
            mark = _MARK[c.kind]
            why = f" (score {c.score:.1f}, {c.band})" if c.score is not None else ""
            label = f"  {mark} {c.kind}{why}"
            out.append(label)
            for i in c.old:
                if c.kind != "unchanged":
                    out.append(_wrap(f"      {d.from_year} #{i + 1}: ", d.old_texts[i]))
            for j in c.new:
                out.append(_wrap(f"      {d.to_year} #{j + 1}: ", d.new_texts[j]))
            if c.kind == "reworded":
                out.append(_wrap("      words: ", _inline_diff(c.word_diff)))
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- whole-run reports
# One neutral list of blocks is built from the model; Markdown and HTML only emit it.


def _report_blocks(
    histories, diffs: Sequence[CountryDiff], errors, *, detail: bool = True
) -> list[tuple]:
    from collections import defaultdict

    by_key = defaultdict(list)
    for d in diffs:
        by_key[d.key].append(d)
    years = sorted({n.year for h in histories for n in h.narratives})
    blocks: list[tuple] = [("h1", "tipdiff: what changed in the TIP Report")]
    span = f"{years[0]}–{years[-1]}" if years else "no years"
    n_docs = sum(len(h.narratives) for h in histories)
    n_warn = sum(len(n.warnings) for h in histories for n in h.narratives)
    blocks.append(
        (
            "p",
            f"{n_docs} narratives, {len(histories)} countries, report years {span}; "
            f"{len(errors)} input(s) could not be used (listed at the end); "
            f"{n_warn} parser warning(s) (see the warnings table).",
        )
    )
    rows = []
    for h in histories:
        latest = h.tiers[-1]
        moves = ", ".join(
            f"{t.year}: {t.tier_change}" for t in h.tiers if t.tier_change not in (None, "remained")
        )
        last_diff = by_key[h.key][-1] if by_key[h.key] else None
        counts = (
            ", ".join(f"{n} {k}" for k, n in last_diff.counts().items() if n)
            if last_diff
            else "only one year"
        )
        flag = "yes" if latest.watch_list_limit_reached else ""
        first_year = h.narratives[0].year
        span = str(first_year) if first_year == latest.year else f"{first_year}–{latest.year}"
        rows.append([h.country, span, latest.tier or "unknown", moves or "none", counts, flag])
    blocks.append(
        (
            "table",
            [
                "country",
                "years",
                "latest tier",
                "tier moves",
                "latest year's changes",
                "Watch List limit",
            ],
            rows,
        )
    )
    for h in histories if detail else ():
        blocks.append(("h2", h.country + (f" ({h.country_code})" if h.country_code else "")))

        def tier_note(t) -> str:
            notes = [t.tier_change] if t.tier_change not in (None, "remained") else []
            if t.watch_list_limit_reached:
                notes.append(
                    f"Watch List year {t.watch_list_years}: downgrade required unless waived"
                )
            return f"{t.year} {t.tier or 'unknown'}" + (f" ({'; '.join(notes)})" if notes else "")

        blocks.append(("p", "Tiers: " + " → ".join(tier_note(t) for t in h.tiers)))
        for d in by_key[h.key]:
            blocks.append(("h3", f"{d.from_year} → {d.to_year}"))
            blocks.append(("changes", d))
        back = [t for t in h.lineage.threads if t.reinstated]
        if back:
            blocks.append(
                (
                    "p",
                    "Reinstated after an absence: "
                    + "; ".join(
                        f"“{t.text_latest}” (years {', '.join(map(str, t.years_present))})"
                        for t in back
                    ),
                )
            )
    if errors:
        blocks.append(("h2", "Inputs that could not be used"))
        blocks.append(("table", ["source", "reason"], [[e.source, e.message] for e in errors]))
    return blocks


def markdown_report(histories, diffs, errors, *, detail: bool = True) -> str:
    """The report in Markdown; detail=False gives the summary (overview table and errors)."""
    out = []
    for block in _report_blocks(histories, diffs, errors, detail=detail):
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + block[1] + "\n")
        elif kind == "p":
            out.append(block[1] + "\n")
        elif kind == "table":
            header, rows = block[1], block[2]
            cell = lambda s: str(s).replace("|", "\\|").replace("\n", " ")  # noqa: E731
            out.append("| " + " | ".join(header) + " |")
            out.append("|" + "---|" * len(header))
            out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
            out.append("")
        elif kind == "changes":
            d = block[1]
            for c in d.changes:
                why = f" ({c.score:.1f}, {c.band})" if c.score is not None else ""
                olds = " + ".join(f"“{d.old_texts[i]}”" for i in c.old)
                news = " + ".join(f"“{d.new_texts[j]}”" for j in c.new)
                if c.kind == "added":
                    out.append(f"- **added**: {news}")
                elif c.kind == "dropped":
                    out.append(f"- **dropped**: {olds}")
                elif c.kind == "unchanged":
                    out.append(f"- unchanged: {news}")
                elif c.kind == "reworded":
                    out.append(f"- **reworded**{why}: {_inline_diff(c.word_diff)}")
                else:
                    out.append(f"- **{c.kind}**{why}: {olds} → {news}")
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def html_report(histories, diffs, errors) -> str:
    from html import escape as e

    def diff_html(word_diff) -> str:
        parts = []
        for tag, old, new in word_diff:
            if tag == "equal":
                parts.append(e(new))
            if tag in ("delete", "replace"):
                parts.append(f"<del>{e(old)}</del>")
            if tag in ("insert", "replace"):
                parts.append(f"<ins>{e(new)}</ins>")
        return " ".join(parts)

    body = []
    for block in _report_blocks(histories, diffs, errors):
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            body.append(f"<{kind}>{e(block[1])}</{kind}>")
        elif kind == "p":
            body.append(f"<p>{e(block[1])}</p>")
        elif kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in block[1])
            rows = "".join(
                "<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in r) + "</tr>" for r in block[2]
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind == "changes":
            d = block[1]
            items = []
            for c in d.changes:
                why = f" <small>({c.score:.1f}, {e(c.band)})</small>" if c.score is not None else ""
                olds = " + ".join(f"“{e(d.old_texts[i])}”" for i in c.old)
                news = " + ".join(f"“{e(d.new_texts[j])}”" for j in c.new)
                text = {
                    "added": news,
                    "dropped": olds,
                    "unchanged": news,
                    "reworded": diff_html(c.word_diff),
                }.get(c.kind, f"{olds} → {news}")
                items.append(f'<li class="{c.kind}"><b>{c.kind}</b>{why}: {text}</li>')
            body.append("<ul>" + "".join(items) + "</ul>")
    style = (
        "body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.4}"
        "table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:.2rem .4rem;text-align:left}"
        "del{background:#fdd}ins{background:#dfd;text-decoration:none}"
        "li.added b{color:#060}li.dropped b{color:#a00}li.unchanged{color:#666}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>tipdiff report</title><style>{style}</style></head><body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
