"""Web sources, tested only against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest

from .conftest import FIXTURES

pytestmark = pytest.mark.usefixtures("prefect_harness")

PAGE = (FIXTURES / "shapes" / "page_2023.html").read_text(encoding="utf-8")


class Site:
    """Fixture pages: ok, flaky (two 500s then 200), slow, gone (404), and one that changes."""

    def __init__(self):
        self.hits: dict[str, int] = {}
        self.version = 1
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                n = site.hits[self.path] = site.hits.get(self.path, 0) + 1
                if self.path == "/flaky" and n <= 2:
                    return self._send(500, "busy")
                if self.path == "/slow":
                    time.sleep(1.5)
                if self.path == "/gone":
                    return self._send(404, "not here")
                body = PAGE
                if self.path == "/changing":
                    body = PAGE.replace("Freedonia", "Sylvania").replace("FREEDONIA", "SYLVANIA")
                    if site.version == 2:
                        body = body.replace("Establish a victim hotline.", "Establish a victim hotline and staff it.")
                return self._send(200, body)

            def _send(self, code, body):
                data = body.encode()
                self.send_response(code)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                try:
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (the slow page): that is the point

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site():
    s = Site()
    yield s
    s.close()


def test_fetch_retries_transient_errors_keeps_snapshots_and_reports_failures(tmp_path, site, fresh_result_cache):
    from tipdiff.flows.pipeline import tipdiff_run

    sources = tmp_path / "sources.csv"
    sources.write_text("year,country,url\n"
                       f"2023,Freedonia,{site.url}/ok\n"
                       f"2023,Grand Fenwick,{site.url}/flaky\n"
                       f"2023,Osterlich,{site.url}/slow\n"
                       f"2023,Ruritania,{site.url}/gone\n"
                       f"2023,Sylvania,{site.url}/changing\n"
                       "twenty,Nowhere,ftp://example\n")
    raw, snaps, out = tmp_path / "raw", tmp_path / "snapshots", tmp_path / "out"
    raw.mkdir()
    kw = dict(raw=str(raw), out=str(out), sources_file=str(sources), snapshots=str(snaps),
              fetch_timeout=0.5, progress=False)
    first = tipdiff_run(**kw)
    assert site.hits["/flaky"] == 3  # two 500s retried, then success
    assert site.hits["/gone"] == 1  # a 404 is not retried
    assert site.hits["/slow"] == 4  # timeouts are retried, then reported
    errors = " | ".join(first["errors"])
    assert "/gone: HTTP 404" in errors and "/slow: no response" in errors
    assert "line 7: expected a year (YYYY) and an http(s) URL" in errors
    events = [json.loads(line) for line in (snaps / "snapshots.jsonl").read_text().splitlines()]
    assert sorted(e["event"] for e in events) == ["new", "new", "new"]
    assert all(len(e["sha256"]) == 64 and e["fetched_at"].endswith("Z") for e in events)

    site.version = 2
    tipdiff_run(**kw)
    events = [json.loads(line) for line in (snaps / "snapshots.jsonl").read_text().splitlines()]
    changed = [e for e in events if e["event"] == "changed"]
    assert len(changed) == 1 and changed[0]["url"].endswith("/changing")
    assert Path(changed[0]["previous"][0]).exists()  # the old snapshot is kept beside the new
    assert sum(e["event"] == "unchanged" for e in events) == 2
    recs = pd.read_parquet(out / "recommendations.parquet")
    sylvania = recs[recs.country == "Sylvania"]["text"].tolist()
    assert "Establish a victim hotline and staff it." in sylvania  # the newer snapshot is used
    assert len(recs[recs.country == "Sylvania"]) == 3  # and only the newer one
    assert list(raw.iterdir()) == []  # fetched pages go to snapshots, never to raw
