"""Plain text for the terminal (`tipdiff diff`): reads the diff model, never recomputes it."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from ..diff import CountryDiff
from .escape import terminal_safe

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
            for k, score in c.candidates:  # below the link cutoff: a hint, not a verdict
                year, text = (
                    (d.to_year, d.new_texts[k])
                    if c.kind == "dropped"
                    else (d.from_year, d.old_texts[k])
                )
                out.append(
                    _wrap(f"      possibly the same as {year} #{k + 1} ({score:.1f}): ", text)
                )
            if c.decided_by == "review":
                out.append(_wrap("      set by a reviewer", f": {c.note}" if c.note else ""))
        out.append("")
    return terminal_safe("\n".join(out))  # no input text reaches the terminal as controls
