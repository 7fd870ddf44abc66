"""The real evaluation sets' tooling (bench/realsets): manifests, rebuild, check and loader.

Everything here runs on small copies written in our own words (fictional and real country
names only where the name is the point); the real copies never enter the repository.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from realsets.load import (  # noqa: E402
    RealSetError,
    fold_spaces,
    item_sha256,
    load_copies,
    load_pairs,
    normalize_item,
    sha256_text,
)

PY = sys.executable
CHECK = ROOT / "bench" / "realsets" / "check.py"
REBUILD = ROOT / "bench" / "realsets" / "rebuild.py"
EVAL = ROOT / "bench" / "eval_real_parse.py"

OLD = (
    "2021 Trafficking in Persons Report: Kenya\n\nKENYA: Tier 2\n\n"
    "The Government of Kenya does not fully meet the minimum standards for the elimination of "
    "trafficking but is making significant efforts to do so; therefore Kenya remained on Tier 2.\n\n"
    "PRIORITIZED RECOMMENDATIONS:\n\n"
    "Train border officers to screen travellers for signs of exploitation. \u2022 Fund the two "
    "shelters run by charities in the coastal towns. \u2022 Publish the yearly count of cases "
    "opened, tried and ended.\n\nPROSECUTION\n\nThe government maintained law enforcement efforts."
)
NEW = (
    "2022 Trafficking in Persons Report: Kenya\n\nKENYA: Tier 2\n\n"
    "The Government of Kenya does not fully meet the minimum standards for the elimination of "
    "trafficking but is making significant efforts to do so; therefore Kenya remained on Tier 2.\n\n"
    "PRIORITIZED RECOMMENDATIONS:\n\n"
    "Train border\u00a0officers to screen travellers for signs of exploitation. \u2022 Fund the "
    "shelters run by charities in every coastal town. \u2022 Give child victims a guardian fr"
)


def _record(cid: str, text: str, items: list[str], *, cut_last: bool, split: str, **meta) -> dict:
    spans, pos = [], 0
    for it in items:
        start = text.index(it, pos)
        spans.append((start, start + len(it)))
        pos = start + len(it)
    data = text.encode("utf-8")
    return {
        "id": cid,
        "url": f"https://example.org/{cid}",
        "query": f"query for {cid}",
        "excerpt_of_url": 1,
        "country": "Kenya",
        "iso3": "KEN",
        "era": "2017-2025",
        "site_kind": "archive",
        "list_state": "cut_inside_item" if cut_last else "whole",
        "country_in_text": True,
        "year_in_text": True,
        "tier": "Tier 2",
        "chars": len(text),
        "utf8_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "sha256_spaces_folded": sha256_text(fold_spaces(text)),
        "items": [
            {
                "number": n,
                "start": s,
                "end": e,
                "sha256": item_sha256(text[s:e]),
                "cut": cut_last and n == len(spans),
            }
            for n, (s, e) in enumerate(spans, 1)
        ],
        "split": split,
        **meta,
    }


OLD_ITEMS = [
    "Train border officers to screen travellers for signs of exploitation.",
    "Fund the two shelters run by charities in the coastal towns.",
    "Publish the yearly count of cases opened, tried and ended.",
]
NEW_ITEMS = [
    "Train border\u00a0officers to screen travellers for signs of exploitation.",
    "Fund the shelters run by charities in every coastal town.",
    "Give child victims a guardian fr",
]


@pytest.fixture()
def realset(tmp_path):
    """A two-copy manifest, a pair, and the copies folder holding both copies."""
    recs = [
        _record("KEN-2021-ecoi", OLD, OLD_ITEMS, cut_last=False, split="dev", year=2021),
        _record("KEN-2022-ecoi", NEW, NEW_ITEMS, cut_last=True, split="dev", year=2022),
    ]
    manifest = tmp_path / "copies.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    pair = {
        "id": "KEN-2021-2022",
        "iso3": "KEN",
        "old": "KEN-2021-ecoi",
        "new": "KEN-2022-ecoi",
        "links": [[1, 1, "verbatim"], [2, 2, "light_edit"]],
        "added": [],
        "dropped": [3],
        "not_visible_old": [],
        "not_visible_new": [3],
        "unjudged_old": [],
        "unjudged_new": [],
        "reinstated": [],
        "split": "dev",
    }
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps(pair) + "\n", encoding="utf-8")
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "KEN-2021-ecoi.txt").write_bytes(OLD.encode("utf-8"))
    (copies / "KEN-2022-ecoi.txt").write_bytes(NEW.encode("utf-8"))
    return manifest, pairs, copies, recs


def _run(script: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(script), *map(str, args)], capture_output=True, text=True)


def test_normalize_item_folds_whitespace_and_leading_marks():
    assert normalize_item("  \u2022 Fund\nthe\u00a0 shelters. ") == "Fund the shelters."
    assert normalize_item("- Publish the count") == "Publish the count"
    assert normalize_item("3. Publish the count") == "Publish the count"
    assert normalize_item("(b) Publish the count") == "Publish the count"
    # NFC: a decomposed accent hashes as the composed one
    assert item_sha256("Co\u0302te d'Ivoire") == item_sha256("C\u00f4te d'Ivoire")
    # a hyphen inside the text and a leading capital word are left alone
    assert normalize_item("Anti-trafficking units") == "Anti-trafficking units"


def test_check_passes_on_matching_copies(realset):
    manifest, pairs, copies, _ = realset
    r = _run(CHECK, "--copies", copies, "--manifest", manifest, "--pairs", pairs)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "2 of 2 copies match" in r.stdout


def test_check_names_missing_tampered_and_space_variant_copies(realset):
    manifest, pairs, copies, _ = realset
    (copies / "KEN-2021-ecoi.txt").unlink()
    tampered = NEW.replace("every coastal town", "every coastal towns")
    (copies / "KEN-2022-ecoi.txt").write_text(tampered, encoding="utf-8")
    r = _run(CHECK, "--copies", copies, "--manifest", manifest, "--pairs", pairs)
    assert r.returncode == 1
    assert "missing   KEN-2021-ecoi" in r.stdout
    assert "different KEN-2022-ecoi" in r.stdout and "item #2" in r.stdout
    assert "query for KEN-2021-ecoi" in r.stdout  # says how to rebuild it

    # a no-break space saved as a plain space: same text, different bytes
    (copies / "KEN-2021-ecoi.txt").write_text(OLD, encoding="utf-8")
    (copies / "KEN-2022-ecoi.txt").write_text(NEW.replace("\u00a0", " "), encoding="utf-8")
    r = _run(CHECK, "--copies", copies, "--manifest", manifest, "--pairs", pairs)
    assert r.returncode == 1 and "spaces    KEN-2022-ecoi" in r.stdout
    r = _run(
        CHECK,
        "--copies",
        copies,
        "--manifest",
        manifest,
        "--pairs",
        pairs,
        "--allow-space-variants",
    )
    assert r.returncode == 0, r.stdout


def test_check_reports_manifest_faults(realset, tmp_path):
    manifest, pairs, copies, recs = realset
    bad = dict(recs[0], id="../../etc/passwd")
    links = json.loads(pairs.read_text())
    links["links"].append([9, 1, "verbatim"])
    links["links"].append([1, 2, "sideways"])
    m2, p2 = tmp_path / "m2.jsonl", tmp_path / "p2.jsonl"
    m2.write_text("".join(json.dumps(x) + "\n" for x in (*recs, bad)), encoding="utf-8")
    p2.write_text(json.dumps(links) + "\n", encoding="utf-8")
    r = _run(CHECK, "--copies", copies, "--manifest", m2, "--pairs", p2)
    assert r.returncode == 1
    assert "copies.jsonl:3: not a copy id: '../../etc/passwd'" in r.stdout
    assert "link 9->1 names an item that does not exist" in r.stdout
    assert "link kind 'sideways'" in r.stdout


def test_loader_refuses_bad_copies_and_loads_good_ones(realset):
    manifest, pairs, copies, _ = realset
    loaded = load_copies(copies, manifest=manifest)
    old = loaded["KEN-2021-ecoi"]
    assert [i.text for i in old.items] == OLD_ITEMS
    assert loaded["KEN-2022-ecoi"].items[-1].cut
    got = load_pairs(copies, pairs_manifest=pairs, manifest=manifest)
    assert got[0].links[1].kind == "light_edit" and got[0].new.items[0].text == NEW_ITEMS[0]

    (copies / "KEN-2021-ecoi.txt").write_text(OLD.replace("Tier 2", "Tier 3"), encoding="utf-8")
    (copies / "KEN-2022-ecoi.txt").unlink()
    with pytest.raises(RealSetError) as exc:
        load_copies(copies, manifest=manifest)
    msg = str(exc.value)
    assert "KEN-2021-ecoi (different)" in msg and "KEN-2022-ecoi (missing)" in msg
    with pytest.raises(RealSetError):
        load_pairs(copies, pairs_manifest=pairs, manifest=manifest)


def _answer(query: str, results: list[tuple[str, str]]) -> dict:
    return {
        "corpus": "pages",
        "query": query,
        "count": len(results),
        "results": [{"rank": k, "url": u, "excerpt": e} for k, (u, e) in enumerate(results, 1)],
    }


def test_rebuild_writes_exact_bytes_from_tool_answers(realset, tmp_path):
    manifest, pairs, _, _ = realset
    out = tmp_path / "rebuilt"
    a1 = _answer(
        "query for KEN-2021-ecoi",
        [
            ("https://example.org/other", "unrelated page"),
            ("https://example.org/KEN-2021-ecoi", OLD),
        ],
    )
    # one address, two stored excerpts: the one whose hash is recorded wins
    a2 = _answer(
        "query for KEN-2022-ecoi",
        [
            ("https://example.org/KEN-2022-ecoi", NEW.replace("guardian", "lawyer")),
            ("https://example.org/KEN-2022-ecoi", NEW),
        ],
    )
    answers = tmp_path / "answers.jsonl"
    answers.write_text(json.dumps(a1) + "\n" + json.dumps(a2) + "\n", encoding="utf-8")
    r = _run(REBUILD, answers, "--copies", out, "--manifest", manifest)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (out / "KEN-2021-ecoi.txt").read_bytes() == OLD.encode("utf-8")
    assert (out / "KEN-2022-ecoi.txt").read_bytes() == NEW.encode("utf-8")
    assert _run(CHECK, "--copies", out, "--manifest", manifest, "--pairs", pairs).returncode == 0

    # a verified copy is never replaced by a worse answer
    worse = tmp_path / "worse.json"
    worse.write_text(
        json.dumps(
            _answer("query for KEN-2021-ecoi", [("https://example.org/KEN-2021-ecoi", "x")])
        ),
        encoding="utf-8",
    )
    r = _run(REBUILD, worse, "--copies", out, "--manifest", manifest)
    assert (out / "KEN-2021-ecoi.txt").read_bytes() == OLD.encode("utf-8")
    assert "already there and verified" in r.stdout


def test_rebuild_lists_queries_and_refuses_malformed_answers(realset, tmp_path):
    manifest, _, _, _ = realset
    r = _run(REBUILD, "--list-queries", "--manifest", manifest)
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert {x["query"] for x in lines} == {"query for KEN-2021-ecoi", "query for KEN-2022-ecoi"}

    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        '{"query": "q", "results": []}\n{"query": "q", "results": [\n', encoding="utf-8"
    )
    r = _run(REBUILD, broken, "--copies", tmp_path / "out", "--manifest", manifest)
    assert r.returncode == 1 and f"{broken}:2: expected a JSON tool answer" in r.stderr

    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"results": [{"url": 3, "excerpt": None}]}), encoding="utf-8")
    r = _run(REBUILD, wrong, "--copies", tmp_path / "out", "--manifest", manifest)
    assert r.returncode == 1 and "result 1: expected 'url' and 'excerpt' strings" in r.stderr


def test_eval_real_parse_measures_lists_per_split(realset, tmp_path):
    manifest, _, copies, _ = realset
    r = _run(EVAL, "--copies", copies, "--manifest", manifest)
    assert r.returncode == 0, r.stderr
    assert "== dev: 2 copies, 6 expected items" in r.stdout
    assert "list     exact   2 of 2" in r.stdout
    (copies / "KEN-2022-ecoi.txt").write_text(NEW + "x", encoding="utf-8")
    r = _run(EVAL, "--copies", copies, "--manifest", manifest)
    assert r.returncode == 1 and "KEN-2022-ecoi (different)" in r.stderr


def test_rebuild_refuses_oversized_answers_and_hostile_ids(realset, tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("realsets_rebuild", REBUILD)
    rebuild = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rebuild)
    big = tmp_path / "big.json"
    big.write_text(json.dumps(_answer("q", [("https://example.org/x", "y" * 200)])))
    monkeypatch.setattr(rebuild, "MAX_ANSWER_BYTES", 100)
    with pytest.raises(RealSetError, match="far smaller"):
        rebuild.read_answers(big)

    manifest, _, _, recs = realset
    hostile = tmp_path / "hostile.jsonl"
    hostile.write_text(json.dumps(dict(recs[0], id="KEN-2021-../x")) + "\n", encoding="utf-8")
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(_answer("q", [])), encoding="utf-8")
    out = tmp_path / "out"
    r = _run(REBUILD, answers, "--copies", out, "--manifest", hostile)
    assert r.returncode == 1 and "not a copy id" in r.stderr
    assert not (tmp_path / "x.txt").exists() and list(out.iterdir()) == []


def test_check_accepts_only_the_space_kinds_the_manifest_left_open(tmp_path):
    """A copy recorded with plain spaces where the stored excerpt (2000 bytes) must hold a
    no-break space: the faithful rebuild passes; a rebuild with other space changes does not."""
    seen = NEW.replace("\u00a0", " ")  # what the recorder could see
    rec = _record(
        "KEN-2022-ecoi",
        seen,
        [i.replace("\u00a0", " ") for i in NEW_ITEMS],
        cut_last=True,
        split="dev",
        year=2022,
    )
    rec.update(space_kinds_uncertain=True, utf8_bytes_expected=rec["utf8_bytes"] + 1)
    manifest = tmp_path / "copies.jsonl"
    manifest.write_text(json.dumps(rec) + "\n", encoding="utf-8")
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text("", encoding="utf-8")
    copies = tmp_path / "c"
    copies.mkdir()
    (copies / "KEN-2022-ecoi.txt").write_text(NEW, encoding="utf-8")  # the real bytes
    r = _run(CHECK, "--copies", copies, "--manifest", manifest, "--pairs", pairs)
    assert r.returncode == 0 and "no-break spaces where the manifest" in r.stdout, r.stdout
    assert load_copies(copies, manifest=manifest)["KEN-2022-ecoi"].text == NEW

    (copies / "KEN-2022-ecoi.txt").write_text(NEW.replace("Fund the", "Fund\u00a0the"), "utf-8")
    r = _run(CHECK, "--copies", copies, "--manifest", manifest, "--pairs", pairs)
    assert r.returncode == 1 and "spaces    KEN-2022-ecoi" in r.stdout
