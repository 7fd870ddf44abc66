"""Feeds with absolute links when a base URL is given (issue 17): `--base-url` for `run` and
`serve`, checked before anything starts; the feeds' every link absolute under it; a run with
another base URL is not taken for "no change"."""

from __future__ import annotations

import os
import subprocess
import sys

import lxml.etree
import pytest

from tipdiff.render import pages
from tipdiff.render.feeds import absolute_base

from .conftest import ROOT, demo_model

ATOM = "{http://www.w3.org/2005/Atom}"
RAW = ROOT / "data" / "raw"


@pytest.mark.parametrize("url, base", [
    ("https://example.org/tip/reports", "https://example.org/tip/reports/"),
    ("HTTP://Example.org:8080/", "http://Example.org:8080/"),
    ("https://example.org", "https://example.org/"),
])
def test_a_base_url_is_an_absolute_http_address_ending_with_a_slash(url, base):
    assert absolute_base(url) == base


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "file:///etc/passwd", "/reports/", "example.org/reports",
    "https://example.org/a b/", "https://example.org/\n<x>", "https://example.org/?q=1",
    "https://example.org/#top", "https://user:pw@example.org/", "https://", "",
    "https://example.org/" + "a" * 3000, 'https://example.org/"onload=x',
])
def test_anything_else_is_refused(url):
    with pytest.raises(ValueError, match="expected an absolute http"):
        absolute_base(url)


def _links(feed: bytes) -> list[str]:
    root = lxml.etree.fromstring(feed)
    return [link.get("href") for link in root.iter(f"{ATOM}link")]


def test_every_feed_link_is_absolute_under_the_base_and_relative_without_one():
    _docs, _diffs, hist, errors = demo_model()
    base = "https://example.org/tip/reports/"
    plain = dict(pages.site(hist, errors).files())
    absolute = dict(pages.site(hist, errors, base_url=base).files())
    feeds = [name for name in plain if name.startswith("reports/feeds/")]
    assert len(feeds) == 4
    for name in feeds:
        stem = name.rsplit("/", 1)[1].removesuffix(".xml")
        relative, links = _links(plain[name]), _links(absolute[name])
        assert all(not href.startswith("http") for href in relative)
        assert links[:2] == [f"{base}{stem}.html", f"{base}feeds/{stem}.xml"]
        assert all(href.startswith(f"{base}{stem}.html#") for href in links[2:])
        for rel, full in zip(relative[2:], links[2:], strict=True):  # the same pages and anchors
            assert full == base + rel.removeprefix("../")
    # only the feeds change: the pages do not depend on where they are served
    assert {n for n in plain if plain[n] != absolute[n]} == set(feeds)


def _cli(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    return subprocess.run([sys.executable, "-m", "tipdiff", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_run_and_serve_refuse_a_bad_base_url_before_anything_starts(tmp_path):
    out = tmp_path / "out"
    run = _cli("run", "--out", str(out), "--base-url", "javascript:alert(1)")
    assert run.returncode == 2 and "--base-url 'javascript:alert(1)'" in run.stderr
    assert "expected an absolute http(s) address" in run.stderr and not out.exists()
    serve = _cli("serve", "--out", str(out), "--base-url", "ftp://example.org/")
    assert serve.returncode == 2 and "--base-url" in serve.stderr
    assert "Traceback" not in run.stderr + serve.stderr


def test_a_run_with_another_base_url_is_not_no_change(tmp_path, prefect_harness,
                                                     fresh_result_cache):
    from tipdiff.flows.pipeline import tipdiff_run

    out = tmp_path / "out"
    first = tipdiff_run(raw=str(RAW), out=str(out), progress=False)
    same = tipdiff_run(raw=str(RAW), out=str(out), progress=False)
    assert not first["unchanged"] and same["unchanged"]
    base = "https://example.org/tip/reports/"
    moved = tipdiff_run(raw=str(RAW), out=str(out), progress=False, base_url=base)
    assert not moved["unchanged"]
    assert _links((out / "reports" / "feeds" / "PER.xml").read_bytes())[0] == f"{base}PER.html"
    again = tipdiff_run(raw=str(RAW), out=str(out), progress=False, base_url=base)
    assert again["unchanged"]
