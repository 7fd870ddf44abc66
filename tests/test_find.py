"""`tipdiff find` (issue 19) on a real published run of the synthetic history: it returns the
asks the history planted, ranked, with their countries, years, kinds and pages; and it holds
against hostile arguments (huge, control characters, pattern-like text, unknown names)."""

from __future__ import annotations

import json
from collections import defaultdict

import jsonschema
import pytest

from tipdiff.cli import main
from tipdiff.find import MAX_QUERY, FindError, FindResult, Hit, find
from tipdiff.jsonschemas import schemas


@pytest.fixture(scope="module")
def run(synthetic_run):
    history, _raw, out = synthetic_run
    holders = defaultdict(set)  # (year, text) -> countries the history gave it
    for d in history.documents:
        for text in d.items:
            holders[(d.year, text)].add(d.country)
    return history, out, holders


def _cli(capsys, *argv) -> tuple[int, str, str]:
    code = main(["find", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_find_returns_every_country_given_a_planted_ask(run):
    history, out, holders = run
    checked = 0
    for year in (2004, 2016, 2023):
        # the wording (of the history's bank of asks) that the most countries got that year
        (text, countries) = max(
            ((t, cs) for (y, t), cs in holders.items() if y == year),
            key=lambda kv: (len(kv[1]), kv[0]),
        )
        assert len(countries) >= 2
        result = find(text, out, year=year, limit=0)
        exact = [h for h in result.hits if h.text == text]
        assert {h.country for h in exact} == countries
        assert all(h.score == 100.0 for h in exact) and result.hits[0].score == 100.0
        assert all(h.year == year and h.page.startswith("reports/") for h in result.hits)
        assert [h.score for h in result.hits] == sorted((h.score for h in result.hits),
                                                         reverse=True)
        checked += 1
    assert checked == 3


def test_a_few_words_find_the_asks_that_hold_them(run):
    history, out, holders = run
    fishing = {(y, c) for (y, t), cs in holders.items() if "fishing industry" in t for c in cs}
    hits = find("fishing industry", out, limit=0).hits
    assert hits and all(h.score >= 70 for h in hits)
    assert any("fishing industry" in h.text for h in hits[:5])
    # every country the history gave a fishing-industry ask is found (each thread once)
    assert {c for _y, c in fishing} <= {h.country for h in hits}
    # stems: other forms of the words still match ("penalize" finds "penalized")
    penal = find("penalize victims", out, limit=0).hits
    assert any("penalized" in h.text and h.score == 100.0 for h in penal)


def test_filters_keep_only_what_they_name(run):
    _history, out, _holders = run
    hits = find("victims", out, theme="shelters_services", year=2020, limit=0).hits
    assert hits and all("shelters_services" in h.themes and h.year == 2020 for h in hits)
    frame = find("", out, theme="prevention", country="jorunia", limit=0).hits
    assert frame and all("prevention" in h.frames and h.country == "Jorunia" for h in frame)
    back = find("", out, kind="reinstated", limit=0).hits
    assert back and all(h.kind == "reinstated" and h.from_year for h in back)
    first = [h for h in find("", out, year=2001, limit=0).hits]
    assert first and all(h.kind is None and h.from_year is None for h in first)
    assert all("#" not in h.page for h in first)  # no year pair to point to
    assert len(find("victims", out, limit=3).hits) == 3


def test_find_json_follows_its_schema_and_the_terminal_says_the_same(run, capsys):
    _history, out, _holders = run
    code, stdout, _err = _cli(capsys, "recruitment fees", "--out", str(out), "--json",
                              "--limit", "5")
    assert code == 0
    doc = json.loads(stdout)
    jsonschema.Draft202012Validator(schemas()["find"]).validate(doc)
    assert doc["total"] >= len(doc["hits"]) == 5 and doc["min_score"] == 70.0
    code, text, _err = _cli(capsys, "recruitment fees", "--out", str(out), "--limit", "5")
    assert code == 0
    for h in doc["hits"]:
        assert f"{h['country_in_report']}" in text and h["page"] in text
    assert f"{doc['total']} matches for 'recruitment fees'" in text


@pytest.mark.parametrize(
    "argv,expected",
    [
        (["x" * (MAX_QUERY + 1)], "expected at most 1,000"),
        (["(.*)+[]{}"], "no letters or digits"),
        ([""], "no filter is given"),
        (["hotline", "--theme", "rescue"], "expected a frame (prosecution"),
        (["hotline", "--kind", "vanished"], "expected one of unchanged"),
        (["hotline", "--country", "Atlantis"], "no country 'Atlantis'"),
        (["hotline", "--limit", "-1"], "expected a whole number"),
        (["hotline", "--min-score", "nan"], "expected a score from 0 to 100"),
        (["hotline", "--year", "1066"], "expected a report year"),
    ],
)
def test_bad_arguments_are_usage_errors_that_name_what_is_allowed(run, capsys, argv, expected):
    _history, out, _holders = run
    try:  # argparse refuses some (SystemExit 2), find the others (exit status 2)
        code = main(["find", *argv, "--out", str(out)])
    except SystemExit as exc:
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and expected in err
    assert "\x1b" not in err


def test_hostile_text_is_only_ever_text(run, capsys):
    _history, out, _holders = run
    # pattern syntax is compared as characters, never compiled
    code, stdout, _ = _cli(capsys, "recruitment (fees|costs)+ [a-z]* .*", "--out", str(out))
    assert code == 0 and "recruitment" in stdout
    # control characters in the query reach the terminal escaped
    code, stdout, _ = _cli(capsys, "hotline\x1b[2J\u202e\x07", "--out", str(out), "--limit", "1")
    assert code == 0 and "\x1b" not in stdout and "\u202e" not in stdout and "\\x1b" in stdout
    # a query at the limit is answered
    assert find("train " * (MAX_QUERY // 6), out, limit=1).total >= 0
    with pytest.raises(FindError):
        find("hotline", out, min_score=101)
    code, _o, err = _cli(capsys, "hotline", "--out", str(out / "nowhere"))
    assert code == 2 and "no published set" in err


def test_a_hostile_recommendation_prints_inert(capsys, monkeypatch):
    """What the tables hold is input text: escaped before it reaches the terminal."""
    import tipdiff.find as find_mod

    evil = "Screen workers\x1b]0;owned\x07 for \u202eindicators\r\nFAKE LINE"
    hit = Hit(99.0, "Free\x1bdonia", None, "Free\x1bdonia", 2024, 3, evil, "added", 2023,
              (2023, 2024), "L0123456789ab", ("protection",), ("victim_identification",),
              None, "reports/free\x1bdonia.html#y2023-2024")
    monkeypatch.setattr(find_mod, "find", lambda *a, **k: FindResult(
        "screen", None, None, None, None, 1, (hit,)))
    assert main(["find", "screen", "--out", "anything"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "FAKE LINE" in out and "\\x1b]0;owned" in out


def test_a_set_written_by_an_earlier_tipdiff_is_named_not_misread(run, capsys, tmp_path):
    """A published set whose tables lack the theme columns (an earlier tipdiff wrote it):
    find says so and what to do, and never reads it half."""
    import shutil

    import pandas as pd

    _history, out, _holders = run
    old = tmp_path / "old"
    shutil.copytree(out / "current", old, symlinks=False)
    recs = pd.read_parquet(old / "recommendations.parquet").drop(columns=["frames", "themes"])
    recs.to_parquet(old / "recommendations.parquet")
    code, _o, err = _cli(capsys, "hotline", "--out", str(old))
    assert code == 2 and "has no column frames, themes" in err and "run `tipdiff run` again" in err
    broken = tmp_path / "broken"
    shutil.copytree(out / "current", broken, symlinks=False)
    (broken / "changes.parquet").write_bytes(b"PAR1 this is not parquet")
    code, _o, err = _cli(capsys, "hotline", "--out", str(broken))
    assert code == 2 and "cannot read the changes table" in err
