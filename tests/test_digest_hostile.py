"""The digest reads the previous published set (its changes and tiers tables, its global feed):
each of those files tampered with, cut short, swapped, huge or malformed. The run still
publishes, and the digest says what it could not read; nothing raises (issue 20)."""

from __future__ import annotations

import hashlib
import io
import json
import shutil

import jsonschema
import lxml.html
import pandas as pd
import pytest

from tipdiff import digest as dg
from tipdiff.jsonschemas import schemas
from tipdiff.limits import MAX_DIGEST_FEED_BYTES, MAX_DIGEST_TABLE_BYTES
from tipdiff.publish import current_set
from tipdiff.render.digests import digest_files

from .conftest import FIXTURES

RAW = FIXTURES / "evidence"


def _run(raw, out):
    from tipdiff.flows.pipeline import tipdiff_run

    return tipdiff_run(raw=str(raw), out=str(out), progress=False)


@pytest.fixture(scope="module")
def published(prefect_harness, tmp_path_factory):
    """One real published set of two report years (dropped asks, evidence, a feed entry)."""
    root = tmp_path_factory.mktemp("digest-hostile")
    raw, out = root / "raw", root / "out"
    shutil.copytree(RAW, raw)
    _run(raw, out)
    folder = current_set(out)
    assert (folder / dg.DIGEST_FEED).is_file()
    return folder


@pytest.fixture
def previous(published, tmp_path):
    """A copy of the published set to damage (the original stays as published)."""
    return shutil.copytree(published, tmp_path / "set")


def _vouch(folder, name):
    """Make the set's manifest record the file's present bytes (a tamperer who also rewrote
    the manifest): only the digest's own checks of what it reads are left."""
    path = folder / "manifest.json"
    m = json.loads(path.read_bytes())
    m["outputs"][name] = hashlib.sha256((folder / name).read_bytes()).hexdigest()
    path.write_text(json.dumps(m))


def _digest(published, previous_folder):
    """What the digest task does: read the previous set, compare this one, render the files."""
    now = {n: pd.read_parquet(published / f"{n}.parquet") for n in ("changes", "tiers", "evidence")}
    tables, feed, not_read = dg.read_previous(previous_folder)
    d = dg.build_digest(now, tables, made_at="2025-06-01T06:00:00Z", not_read=not_read)
    jsonschema.validate(d, schemas()["digest"])
    files = digest_files(d, feed)
    return d, tables, files


def _said(d, files, name):
    """The digest names the file it could not read, in the JSON and on both pages."""
    problems = [u["problem"] for u in d["not_read"] if u["file"] == name]
    assert problems, d["not_read"]
    page = lxml.html.fromstring(files[f"{dg.DIGEST_PAGE}.html"])
    listed = page.xpath("string(//div[contains(@class,'not-read')])")
    assert name in listed and problems[0][:40] in listed
    assert name in files[f"{dg.DIGEST_PAGE}.md"].decode()
    return problems[0]


def test_the_untouched_previous_set_is_read_whole(published):
    d, tables, files = _digest(published, published)
    assert d["not_read"] == [] and d["scope"] == "previous"
    assert not d["changed"]  # the same set: nothing is new
    assert set(tables) == {"changes", "tiers"}
    page = lxml.html.fromstring(files[f"{dg.DIGEST_PAGE}.html"])
    assert not page.xpath("//div[contains(@class,'not-read')]")
    # the previous feed's entry is kept
    assert files[dg.DIGEST_FEED].count(b"<entry>") == 1


@pytest.mark.parametrize("damage", ["flipped", "truncated", "empty", "swapped"])
def test_a_table_changed_after_publishing_is_not_read(published, previous, damage):
    path = previous / "changes.parquet"
    data = path.read_bytes()
    if damage == "flipped":
        data = data[:100] + bytes([data[100] ^ 0xFF]) + data[101:]
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "empty":
        data = b""
    else:  # the tiers table put in its place
        data = (previous / "tiers.parquet").read_bytes()
    path.write_bytes(data)
    d, tables, files = _digest(published, previous)
    assert tables is None and d["scope"] == "latest"
    assert "sha256" in _said(d, files, "changes.parquet")
    assert d["changed"]  # compared with nothing: each country's latest pair is shown


def test_a_huge_table_is_not_read(published, previous):
    path = previous / "changes.parquet"
    with path.open("r+b") as f:  # sparse: no disk or memory is spent on it
        f.truncate(MAX_DIGEST_TABLE_BYTES + 1)
    d, tables, files = _digest(published, previous)
    assert tables is None
    assert "more than the 256.0 MiB" in _said(d, files, "changes.parquet")


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda df: df.drop(columns=["kind"]), "no column 'kind'"),
        (lambda df: df.assign(from_year="last year"), "column 'from_year' holds a str"),
        (lambda df: df.assign(from_year=99999), "holds 99999, expected a report year"),
        (lambda df: df.assign(country=[[1, 2]] * len(df)), "column 'country' holds"),
        (lambda df: df.assign(to_text_sha256=[{"a": 1}] * len(df)), "expected text"),
    ],
)
def test_a_table_rewritten_with_its_manifest_is_checked_column_by_column(
    published, previous, change, said
):
    path = previous / "changes.parquet"
    change(pd.read_parquet(path)).to_parquet(path)
    _vouch(previous, "changes.parquet")
    d, tables, files = _digest(published, previous)
    assert tables is None
    assert said in _said(d, files, "changes.parquet")


def test_a_table_that_is_not_a_table_is_said_so(published, previous):
    (previous / "tiers.parquet").write_bytes(b"PAR1" + b"\x00" * 64 + b"not a table PAR1")
    _vouch(previous, "tiers.parquet")
    d, tables, files = _digest(published, previous)
    assert tables is None
    assert "cannot be read as a table" in _said(d, files, "tiers.parquet")


@pytest.mark.parametrize("damage", ["missing", "garbage", "no outputs", "deep"])
def test_without_a_readable_manifest_nothing_of_the_set_is_used(published, previous, damage):
    path = previous / "manifest.json"
    if damage == "missing":
        path.unlink()
    elif damage == "garbage":
        path.write_bytes(b"\xff\xfe{not json")
    elif damage == "no outputs":
        path.write_text(json.dumps({"outputs": ["changes.parquet"]}))
    else:
        path.write_text("[" * 100_000 + "]" * 100_000)
    d, tables, files = _digest(published, previous)
    assert tables is None and feed_entries(files) == 1  # the feed starts again
    _said(d, files, "manifest.json")


def feed_entries(files) -> int:
    return files[dg.DIGEST_FEED].count(b"<entry>")


@pytest.mark.parametrize("damage", ["tampered", "malformed", "entities", "not atom", "huge"])
def test_a_bad_feed_starts_again_and_the_tables_are_still_read(published, previous, damage):
    path = previous / dg.DIGEST_FEED
    feed = path.read_bytes()
    if damage == "tampered":  # not vouched for
        path.write_bytes(feed.replace(b"<title>", b"<title>Forged: ", 1))
    elif damage == "malformed":
        path.write_bytes(feed[: len(feed) // 2])
        _vouch(previous, dg.DIGEST_FEED)
    elif damage == "entities":  # an entity bomb: never expanded
        lol = b'<!DOCTYPE f [<!ENTITY a "aaaaaaaaaa">' + b"".join(
            b'<!ENTITY %s "%s">' % (b"a" * (k + 1), (b"&" + b"a" * k + b";") * 10)
            for k in range(1, 9)
        ) + b"]>"
        path.write_bytes(feed.replace(b"<feed", lol + b"<feed", 1).replace(
            b"<title>", b"<title>&aaaaaaaaa;", 1))
        _vouch(previous, dg.DIGEST_FEED)
    elif damage == "not atom":
        path.write_bytes(b"<rss><channel><item><title>x</title></item></channel></rss>")
        _vouch(previous, dg.DIGEST_FEED)
    else:
        with path.open("r+b") as f:
            f.truncate(MAX_DIGEST_FEED_BYTES + 1)
    d, tables, files = _digest(published, previous)
    assert tables is not None and d["scope"] == "previous"
    problem = _said(d, files, dg.DIGEST_FEED)
    assert "starts again" in problem
    out = files[dg.DIGEST_FEED]
    assert b"Forged" not in out and len(out) < 1_000_000
    if damage == "entities":
        assert b"aaaaaaaaaaaaaaaaaaaa" not in out  # nothing expanded, nothing carried on


def test_a_hostile_file_name_in_the_problem_is_shown_as_text(published, previous):
    # a problem message carries the reader's own words: control characters and markup in a
    # table's column name stay text on the page and in the Markdown
    path = previous / "changes.parquet"
    df = pd.read_parquet(path).rename(columns={"kind": "kind<script>\x1b[2J"})
    df.to_parquet(path)
    _vouch(previous, "changes.parquet")
    d, tables, files = _digest(published, previous)
    _said(d, files, "changes.parquet")
    html = files[f"{dg.DIGEST_PAGE}.html"]
    assert b"<script>" not in html and b"\x1b" not in html
    assert b"\x1b" not in files[f"{dg.DIGEST_PAGE}.md"]


@pytest.mark.usefixtures("prefect_harness")
def test_a_run_after_its_previous_set_was_damaged_publishes_and_says_so(tmp_path):
    from tipdiff.flows.pipeline import tipdiff_run

    raw, out = tmp_path / "raw", tmp_path / "out"
    (raw / "2023").mkdir(parents=True)
    shutil.copy(RAW / "2023" / "vellmark_2023.txt", raw / "2023")
    _run(raw, out)
    first = current_set(out)
    changes = first / "changes.parquet"
    changes.write_bytes(changes.read_bytes()[:-200])  # cut short after publishing
    shutil.copytree(RAW / "2024", raw / "2024")
    result = tipdiff_run(raw=str(raw), out=str(out), progress=False)
    now = current_set(out)
    assert now != first and (now / "changes.parquet").is_file()
    posted = json.loads((now / "digest.json").read_bytes())
    assert result["digest"]["not_read"] == posted["not_read"]  # the run's own result says it
    assert [u["file"] for u in posted["not_read"]] == ["changes.parquet"]
    assert posted["scope"] == "latest" and posted["changed"]
    page = (now / "reports" / "digest.html").read_text()
    assert "Not read from the previous set" in page and "changes.parquet" in page
    # the new set reads whole next time: the digest of a rerun against it says nothing unread
    tables, _feed, not_read = dg.read_previous(now)
    assert tables is not None and not_read == []
    assert pd.read_parquet(io.BytesIO((now / "changes.parquet").read_bytes())).shape[0] > 0
