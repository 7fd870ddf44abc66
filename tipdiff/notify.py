"""Posting a run's digest to a webhook (`--notify URL`). No Prefect here.

A post never fails a run and never holds it up for long: one overall deadline covers every
attempt, connection and byte; transient failures (no connection, a timeout, 5xx, 429) are
tried again with short pauses while the deadline allows; a redirect is not followed (a
webhook that moved says so, and the post is reported as not delivered); at most
`MAX_RESPONSE` bytes of an answer are read, the rest is left unread. Whatever happens comes
back as a `Delivery`, never as an exception.
"""

from __future__ import annotations

import asyncio
import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import httpx

DEADLINE = 20.0  # seconds for the whole delivery, every attempt included
RETRIES = 3  # attempts after the first, for transient failures
PAUSES = (0.5, 1.0, 2.0)  # between attempts (cut short by the deadline)
MAX_RESPONSE = 64 * 1024  # bytes of an answer read at most


@dataclass(frozen=True, slots=True)
class Delivery:
    """What became of one post."""

    url: str  # without any user name or password it held
    delivered: bool
    status: int | None  # the last HTTP status, None if no answer came
    attempts: int
    message: str

    def to_dict(self) -> dict:
        return {
            "url": self.url,
            "delivered": self.delivered,
            "status": self.status,
            "attempts": self.attempts,
            "message": self.message,
        }


def shown_url(url: str) -> str:
    """The URL as messages show it: no user name or password."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
    except ValueError:
        return "(an unreadable URL)"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def check_url(url: str) -> str | None:
    """What is wrong with a webhook URL, or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"{shown_url(url)}: {exc}: expected an http(s) URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{shown_url(url)!r}: expected an http:// or https:// URL with a host"
    if any(c in url for c in "\r\n\t ") or any(ord(c) < 32 for c in url):
        return f"{shown_url(url)!r}: a URL cannot hold spaces or control characters"
    return None


def post_json(
    url: str,
    body: bytes,
    *,
    deadline: float = DEADLINE,
    retries: int = RETRIES,
    max_response: int = MAX_RESPONSE,
) -> Delivery:
    """POST `body` (JSON) to `url`; see the module docstring. Never raises."""
    problem = check_url(url)
    if problem:
        return Delivery(shown_url(url), False, None, 0, problem)
    coro = _deliver(url, body, deadline, retries, max_response)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1) as pool:  # called from inside an event loop: use another one
        return pool.submit(asyncio.run, coro).result()


async def _deliver(url: str, body: bytes, deadline: float, retries: int, cap: int) -> Delivery:
    where = shown_url(url)
    state = {"attempts": 0, "status": None, "why": "no attempt was made"}
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "tipdiff",
        "X-Tipdiff-Digest-Sha256": hashlib.sha256(body).hexdigest(),
    }
    try:
        async with asyncio.timeout(deadline):
            async with httpx.AsyncClient(follow_redirects=False, trust_env=False) as client:
                for attempt in range(retries + 1):
                    if attempt:
                        await asyncio.sleep(PAUSES[min(attempt - 1, len(PAUSES) - 1)])
                    state["attempts"] = attempt + 1
                    done = await _attempt(client, url, body, headers, cap, state)
                    if done is not None:
                        return Delivery(where, done, state["status"], state["attempts"],
                                        state["why"])
    except TimeoutError:
        state["why"] = f"not delivered within the deadline of {deadline:g} s ({state['why']})"
    except Exception as exc:  # noqa: BLE001 - a post must never fail the run
        state["why"] = f"{type(exc).__name__}: {exc}"
    return Delivery(where, False, state["status"], state["attempts"], state["why"])


async def _attempt(client, url, body, headers, cap, state) -> bool | None:
    """True: delivered; False: refused for good; None: worth another attempt."""
    try:
        async with client.stream("POST", url, content=body, headers=headers) as response:
            state["status"] = response.status_code
            read = 0
            async for chunk in response.aiter_raw():  # at most `cap` bytes, then let go
                read += len(chunk)
                if read >= cap:
                    break
    except (httpx.TransportError, OSError) as exc:
        state["why"] = f"no answer ({type(exc).__name__}: {exc or 'no detail'})"
        return None
    code = state["status"]
    if 200 <= code < 300:
        state["why"] = f"delivered (HTTP {code})"
        return True
    if 300 <= code < 400:
        state["why"] = f"HTTP {code}: a redirect, not followed (give the webhook's own URL)"
        return False
    if code == 429 or code >= 500:
        state["why"] = f"HTTP {code}: the server could not take it"
        return None
    state["why"] = f"HTTP {code}: refused"
    return False
