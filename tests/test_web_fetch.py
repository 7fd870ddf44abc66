"""Fetching pages against a real HTTP server on 127.0.0.1: an overall deadline per page, and
redirects followed only to http and https (issue 9, item 5)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tipdiff.web import MAX_REDIRECTS, FetchError, fetch_page

BODY = b"<html><body><p>FREEDONIA: Tier 2</p></body></html>"
DRIBBLE_BYTES = 40
DRIBBLE_GAP = 0.1  # seconds between bytes: the whole body takes 4 s, each read only 0.1 s


class Server:
    def __init__(self):
        self.sent: dict[str, int] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                if self.path == "/dribble":
                    self.send_response(200)
                    self.send_header("Content-Length", str(DRIBBLE_BYTES))
                    self.end_headers()
                    server.sent["/dribble"] = 0
                    try:
                        for _ in range(DRIBBLE_BYTES):
                            self.wfile.write(b"x")
                            self.wfile.flush()
                            server.sent["/dribble"] += 1
                            time.sleep(DRIBBLE_GAP)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the client gave up at its deadline: that is the point
                    return
                redirects = {
                    "/to-ftp": "ftp://127.0.0.1/narrative.html",
                    "/to-file": "file:///etc/passwd",
                    "/to-ok": "/ok",
                    "/loop": "/loop",
                }
                if self.path in redirects:
                    self.send_response(302)
                    self.send_header("Location", redirects[self.path])
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(BODY)))
                self.end_headers()
                self.wfile.write(BODY)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def test_a_server_dribbling_bytes_is_cut_at_the_overall_deadline(server):
    timeout = 1.0
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        fetch_page(f"{server.url}/dribble", timeout=timeout)
    elapsed = time.monotonic() - started
    # Each read is quick (0.1 s), so a per-read timeout never fires and the body takes 4 s.
    assert "the page was not complete" in str(caught.value) and "within 1 s" in str(caught.value)
    assert caught.value.transient
    assert elapsed < DRIBBLE_BYTES * DRIBBLE_GAP / 2, elapsed  # cut, not read to the end
    time.sleep(3 * DRIBBLE_GAP)  # the server notices the closed connection
    assert server.sent["/dribble"] < DRIBBLE_BYTES * 0.6, server.sent


@pytest.mark.parametrize("path, scheme", [("/to-ftp", "ftp"), ("/to-file", "file")])
def test_redirects_leave_http_and_https_only_with_a_clear_refusal(server, path, scheme):
    with pytest.raises(FetchError) as caught:
        fetch_page(f"{server.url}{path}", timeout=5)
    assert str(caught.value) == (
        f"{server.url}{path}: redirect to {scheme}:// refused: expected an http or https page"
    )
    assert not caught.value.transient  # a refusal is not retried


def test_http_redirects_are_followed_and_loops_end(server):
    assert fetch_page(f"{server.url}/to-ok", timeout=5) == BODY
    with pytest.raises(FetchError, match=f"more than {MAX_REDIRECTS} redirects"):
        fetch_page(f"{server.url}/loop", timeout=5)
