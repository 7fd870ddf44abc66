"""Posting a digest to a webhook (tipdiff.notify), against a real loopback HTTP server that
records what it receives, and against hostile ones: slow, failing, redirecting in a loop,
answering with a huge body, closing the connection."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tipdiff.notify import check_url, post_json, shown_url

BODY = json.dumps({"digest_version": 1, "changed": True}).encode()


class Hook:
    """A loopback server: each path behaves in its own way; every request is recorded."""

    def __init__(self):
        self.requests: list[dict] = []
        self.failures_left = {"/flaky": 2}
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length)
                hook.requests.append(
                    {"path": self.path, "body": data, "headers": dict(self.headers)}
                )
                path = self.path
                if path == "/slow":
                    time.sleep(3)
                    return self._answer(200)
                if path == "/error":
                    return self._answer(500)
                if path == "/gone":
                    return self._answer(404)
                if path == "/flaky" and hook.failures_left["/flaky"] > 0:
                    hook.failures_left["/flaky"] -= 1
                    return self._answer(503)
                if path == "/loop":
                    self.send_response(307)
                    self.send_header("Location", "/loop")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                if path == "/huge":
                    self.send_response(200)
                    self.send_header("Content-Length", str(200 * 1024 * 1024))
                    self.end_headers()
                    try:
                        for _ in range(200 * 16):
                            self.wfile.write(b"x" * 65536)
                    except (BrokenPipeError, ConnectionResetError):
                        pass  # the client read what it wanted and left
                    return None
                if path == "/hangup":
                    self.connection.close()
                    return None
                return self._answer(200)

            def _answer(self, code):
                self.send_response(code)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def hook():
    h = Hook()
    yield h
    h.close()


def test_a_digest_is_posted_once_as_json(hook):
    sent = post_json(hook.url + "/ok", BODY)
    assert sent.delivered and sent.status == 200 and sent.attempts == 1
    (req,) = hook.requests
    assert req["body"] == BODY
    assert req["headers"]["Content-Type"].startswith("application/json")
    assert req["headers"]["X-Tipdiff-Digest-Sha256"] == hashlib.sha256(BODY).hexdigest()


def test_transient_failures_are_tried_again(hook):
    sent = post_json(hook.url + "/flaky", BODY)
    assert sent.delivered and sent.attempts == 3
    assert [r["path"] for r in hook.requests] == ["/flaky"] * 3


def test_a_server_error_is_retried_then_reported_never_raised(hook):
    sent = post_json(hook.url + "/error", BODY, retries=2)
    assert not sent.delivered and sent.status == 500 and sent.attempts == 3
    assert "500" in sent.message
    assert len(hook.requests) == 3


def test_a_refusal_is_not_retried(hook):
    sent = post_json(hook.url + "/gone", BODY)
    assert not sent.delivered and sent.status == 404 and sent.attempts == 1


def test_a_slow_server_is_cut_at_the_deadline(hook):
    started = time.monotonic()
    sent = post_json(hook.url + "/slow", BODY, deadline=1.0)
    assert time.monotonic() - started < 2.5
    assert not sent.delivered and "deadline" in sent.message


def test_a_redirect_loop_is_not_followed(hook):
    sent = post_json(hook.url + "/loop", BODY)
    assert not sent.delivered and sent.status == 307 and "redirect" in sent.message
    assert len(hook.requests) == 1


def test_a_huge_answer_is_not_read_whole(hook):
    started = time.monotonic()
    sent = post_json(hook.url + "/huge", BODY, deadline=10.0)
    assert sent.delivered and time.monotonic() - started < 5


def test_a_hang_up_and_a_closed_port_are_reported(hook):
    sent = post_json(hook.url + "/hangup", BODY, retries=1)
    assert not sent.delivered and sent.attempts == 2
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = closed.server_address[1]
    closed.server_close()
    sent = post_json(f"http://127.0.0.1:{port}/x", BODY, retries=1, deadline=5)
    assert not sent.delivered and sent.status is None and "no answer" in sent.message


@pytest.mark.parametrize(
    "url",
    ["ftp://127.0.0.1/x", "file:///etc/passwd", "http://", "not a url", "http://h:99999/",
     "http://127.0.0.1/a b", "http://127.0.0.1/\r\nX: y"],
)
def test_bad_urls_are_refused_before_any_connection(url):
    assert check_url(url)
    sent = post_json(url, BODY)
    assert not sent.delivered and sent.attempts == 0


def test_credentials_never_appear_in_messages():
    assert shown_url("https://user:secret@example.invalid:8443/hook?token=abc") == (
        "https://example.invalid:8443/hook"
    )
