"""The Prefect API server that a `tipdiff run` owns (installed as tipdiff.flows.server).

Why: with no PREFECT_API_URL, Prefect 3.9 starts an "ephemeral" server itself
(SubprocessASGIServer: `python -m uvicorn ...` as a child that inherits the caller's stdout
and stderr, stopped only by an atexit handler). A `kill -9` of the run skips atexit, so that
server lived on (measured: still running minutes later and holding the caller's pipes, so a
script that captured `tipdiff run`'s output never saw end-of-file).

Instead the CLI starts the same server (Prefect's `create_app`, in ephemeral mode, no UI) and
owns it for exactly the length of the run:

- the server process is `python -m tipdiff.flows.server PARENT_PID PORT`; before anything
  else it asks the kernel to SIGKILL it when its parent dies (Linux `prctl(PR_SET_PDEATHSIG)`),
  then checks that its parent is still the process that started it (closing the race in
  between). Elsewhere a thread watches `os.getppid()` and exits when the parent is gone. The
  signal follows the thread that started the server, so the CLI starts it from its main
  thread, which lives as long as the process;
- its stdin, stdout and stderr are not the caller's: its output (errors only) is appended to
  `$PREFECT_HOME/tipdiff-server.log`, quoted if the server does not start;
- the CLI stops it in a `finally` (SIGTERM, then SIGKILL), after draining Prefect's log and
  event workers so that they do not retry against a stopped server;
- the flow reaches it through PREFECT_API_URL, set before Prefect is imported, so Prefect
  starts no server of its own.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

LOG_NAME = "tipdiff-server.log"


def die_with_parent(parent: int) -> None:
    """Make this process end when `parent` ends, however it ends (kill -9 included)."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) != 0:
            _watch_parent(parent)
    else:
        _watch_parent(parent)
    if os.getppid() != parent:  # the parent died before the kernel was told to watch it
        os._exit(1)


def _watch_parent(parent: int) -> None:
    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="tipdiff-parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> None:
    parent, port = (int(a) for a in (argv or sys.argv[1:]))
    die_with_parent(parent)
    # What Prefect's own ephemeral server sets (prefect.server.api.server.SubprocessASGIServer)
    os.environ.update(
        {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
    )
    import uvicorn
    from prefect.server.api.server import create_app

    uvicorn.run(
        create_app, factory=True, host="127.0.0.1", port=port, log_level="error", lifespan="on"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SERVE_GRACE = 3.0  # seconds `tipdiff serve` gives Prefect's graceful stop on SIGTERM


def end_on_sigterm_within(grace: float = SERVE_GRACE) -> None:
    """Make `tipdiff serve` end within `grace` seconds of a SIGTERM, in every state.

    Prefect's runner answers SIGTERM with a graceful stop: it cancels the flow runs it
    executes and pauses the schedule, through the API server. With the server gone, that
    stop retries for many seconds (measured: more than 16 s, then SIGKILL was needed). The
    runner still gets its graceful stop, but only for `grace` seconds: then every process
    this one started (the flow runs it executes) is killed and this one exits (status 143,
    as a process ended by SIGTERM). Before the runner starts, SIGTERM ends the process at
    once (no handler is installed)."""
    from prefect.runner import Runner

    graceful = Runner.handle_sigterm
    if getattr(graceful, "tipdiff_deadline", False):
        return

    def handle_sigterm(self, *args, **kwargs):
        _exit_after(grace)
        graceful(self, *args, **kwargs)

    handle_sigterm.tipdiff_deadline = True
    Runner.handle_sigterm = handle_sigterm


_EXITING = threading.Event()


def _exit_after(grace: float) -> None:
    if _EXITING.is_set():
        return
    _EXITING.set()

    def deadline():
        time.sleep(grace)
        for pid in _descendants(os.getpid()):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        os._exit(128 + signal.SIGTERM)

    threading.Thread(target=deadline, name="tipdiff-sigterm-deadline", daemon=True).start()


def _descendants(root: int) -> list[int]:
    """Every live process below `root` (Linux /proc; none elsewhere), children first."""
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return []
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


class ServerFailed(RuntimeError):
    """The owned Prefect server did not start."""


class OwnedServer:
    """A Prefect API server on 127.0.0.1 that lives exactly as long as this process.

    start() launches it and returns at once (the caller can import Prefect meanwhile);
    wait_ready() waits for its health check; stop() ends it. Safe to stop twice."""

    def __init__(self, *, home: Path | None = None):
        home = home or Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
        home.mkdir(parents=True, exist_ok=True)
        self.log_path = home / LOG_NAME
        self.port = _free_port()
        self.api_url = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | None = None
        self._log = None

    def start(self) -> OwnedServer:
        self._log = open(self.log_path, "ab")  # appended: runs may share a PREFECT_HOME
        self._log.write(f"--- tipdiff run {os.getpid()}: server on port {self.port}\n".encode())
        self._log.flush()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tipdiff.flows.server", str(os.getpid()), str(self.port)],
            env=dict(os.environ),
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            close_fds=True,
        )
        return self

    def wait_ready(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                    if response.status == 200:
                        return self.api_url
            except OSError:
                pass
            status = self.process.poll() if self.process is not None else "not started"
            if status is not None:
                raise ServerFailed(self._why(f"exited ({status})"))
            if time.monotonic() > deadline:
                raise ServerFailed(self._why(f"did not answer within {timeout:g} s"))
            time.sleep(0.1)

    def _why(self, what: str) -> str:
        try:
            tail = self.log_path.read_text(errors="replace")[-2000:].strip()
        except OSError:
            tail = ""
        return f"the Prefect server for this run {what} (port {self.port}; log {self.log_path})" + (
            f":\n{tail}" if tail else ""
        )

    def drain_prefect(self) -> None:
        """Send what Prefect's log and event workers still hold, before the server stops."""
        if "prefect" not in sys.modules or self.process is None:
            return
        try:
            import inspect

            from prefect.events.worker import EventsWorker
            from prefect.logging.handlers import APILogWorker
            from prefect.utilities.asyncutils import run_coro_as_sync

            async def drain():
                for result in (APILogWorker.drain_all(), EventsWorker.drain_all()):
                    if inspect.isawaitable(result):
                        await result

            run_coro_as_sync(drain())
        except Exception:  # noqa: BLE001 - best effort: the run's outcome is already decided
            pass

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        if self._log is not None:
            self._log.close()
            self._log = None


if __name__ == "__main__":
    main()
