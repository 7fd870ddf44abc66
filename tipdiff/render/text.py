"""Plain text for the terminal (`tipdiff diff`, `tipdiff show`): it prints the year-pair
objects of tipdiff.records (the same objects `--json` prints), never recomputes them.

Every text from the input goes through `terminal_safe` before it is printed, so a control
character in a recommendation cannot drive the terminal.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence

from ..diff import KINDS
from .escape import terminal_safe
from .view import SYMBOL, VERDICT_WORDS


def wrap(prefix: str, text: str, width: int = 100) -> str:
    return (
        textwrap.fill(
            terminal_safe(text), width, initial_indent=prefix, subsequent_indent=" " * len(prefix)
        )
        or prefix.rstrip()
    )


def counts_line(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{counts[k]} {k}" for k in KINDS if counts.get(k)) or "no recommendations"


def pair_text(p: Mapping) -> str:
    """One year pair (records.pair_object) for people."""
    a, b = p["from_year"], p["to_year"]
    tier = f"{p['tier_from'] or 'unknown'} -> {p['tier_to'] or 'unknown'}"
    if p["tier_change"]:
        tier += f" ({p['tier_change']})"
    code = f" [{p['country_code']}]" if p["country_code"] else ""
    out = [f"{terminal_safe(p['country_in_report'])}{code}, {a} -> {b}: {tier}"]
    out.append("  " + counts_line(p["counts"]))
    said = p.get("evidence_counts") or {}
    if any(said.values()):
        out.append(
            "  dropped, by what the later report says: "
            + ", ".join(f"{n} {VERDICT_WORDS[v]}" for v, n in said.items() if n)
        )
    for year, status in ((a, p["from_list"]), (b, p["to_list"])):
        if status in ("cut", "missing"):
            out.append(
                f"  note: the {year} copy does not show its whole list ({status}): items of the "
                "other year with no counterpart in it are unseen, not added or dropped"
            )
    for c in p["changes"]:
        kind = c["kind"]
        why = f" (score {c['score']:.1f}, {c['band']})" if c["score"] is not None else ""
        out.append(f"  {SYMBOL[kind]} {kind}{why}")
        if kind != "unchanged":
            for it in c["from"]:
                out.append(wrap(f"      {a} #{it['number']}: ", it["text"]))
        for it in c["to"]:
            out.append(wrap(f"      {b} #{it['number']}: ", it["text"]))
        last = c["last_asked"]
        if last:
            out.append(
                wrap(f"      last asked in {last['year']} as #{last['number']}: ", last["text"])
            )
        if kind == "unseen":
            cut = b if c["from"] else a
            out.append(f"      not in the visible part of the cut-off {cut} copy")
        if c["word_diff"] and kind in ("reworded", "reinstated"):
            out.append(wrap("      words: ", c["word_diff"]))
        if c["returns_in"]:
            out.append(f"      asked again in {c['returns_in']}")
        ev = c.get("evidence")
        if ev:
            out.append(f"      the {ev['year']} report says: {VERDICT_WORDS[ev['verdict']]}")
            for x in ev["sentences"]:
                section = x["section"].replace("_", " ")
                out.append(
                    wrap(
                        f"        [{x['stance']}, {section} #{x['number']}, "
                        f"{x['score']:.1f}] ",
                        x["text"],
                    )
                )
        other = b if c["from"] and not c["to"] else a
        for hint in c["candidates"]:  # below the link cutoff: a hint, not a verdict
            out.append(
                wrap(
                    f"      possibly the same as {other} #{hint['number']} "
                    f"({hint['score']:.1f}): ",
                    hint["text"],
                )
            )
        if c["decided_by"] == "review":
            note = c["review_note"]
            out.append(wrap("      set by a reviewer", f": {note}" if note else ""))
    return "\n".join(out) + "\n"


def pairs_text(pairs: Sequence[Mapping]) -> str:
    return "\n".join(pair_text(p) for p in pairs)
