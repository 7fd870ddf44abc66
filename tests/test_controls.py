"""Issue 16, row 12: control characters in input text (ESC, BEL, U+202E) never reach a
terminal, a page or a feed as controls: terminals get visible escapes, pages and feeds too.
The escaping function is one, tipdiff.render.escape (`terminal_safe`, `visible_controls`)."""

from __future__ import annotations

import subprocess
import sys

from tipdiff.corpus import align_batch, histories
from tipdiff.parse import parse_bytes
from tipdiff.render import pages

from .conftest import ROOT

HOSTILE = "Train judges\x1b[2J\x1b]0;owned\x07 on victim-centred \u202eesac lanimirc\u202c procedures."


def narrative(year: int, extra: str) -> str:
    return (f"{year} Trafficking in Persons Report: Freedonia\nFREEDONIA: Tier 2\n"
            "The Government of Freedonia does not fully meet the minimum standards for the "
            "elimination of trafficking but is making significant efforts to do so.\n"
            "PRIORITIZED RECOMMENDATIONS:\n• Fund shelters for adult victims.\n"
            f"• {extra}\nPROSECUTION\nThe government maintained law enforcement efforts.\n")


def _files(tmp_path):
    old, new = tmp_path / "freedonia_2022.txt", tmp_path / "freedonia_2023.txt"
    old.write_text(narrative(2022, "Establish a victim hotline."))
    new.write_text(narrative(2023, HOSTILE))
    return old, new


def _no_controls(text: str) -> None:
    bad = [c for c in text if (ord(c) < 32 and c != "\n") or 0x7f <= ord(c) < 0xa0
           or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]
    assert not bad, bad


def test_parse_and_diff_print_control_characters_visibly(tmp_path):
    old, new = _files(tmp_path)
    for args in (["parse", str(new)], ["diff", str(old), str(new)]):
        proc = subprocess.run([sys.executable, "-m", "tipdiff.cli", *args], capture_output=True,
                              text=True, cwd=ROOT)
        assert proc.returncode == 0, proc.stderr
        _no_controls(proc.stdout + proc.stderr)
        assert "Train judges\\x1b[2J\\x1b]0;owned\\x07 on victim-centred \\u202eesac" in \
            proc.stdout.replace("\n      ", " ").replace("\n       ", " ")


def test_pages_and_feeds_show_controls_visibly(tmp_path):
    old, new = _files(tmp_path)
    docs = [d for p in (old, new) for d in parse_bytes(p.read_bytes(), source=p.name).documents]
    diffs = align_batch([(docs[0], docs[1])])
    site = dict(pages.site(histories(docs, diffs), ()).files())
    for name, data in site.items():
        text = data.decode() if isinstance(data, bytes) else data
        _no_controls(text.replace("\t", ""))
        if name.endswith(("freedonia.html", "freedonia.md")):
            assert "\\x1b" in text and "\\u202e" in text, name
