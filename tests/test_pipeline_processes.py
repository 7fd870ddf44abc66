"""The pipeline as users run it: real `tipdiff` processes, a kill -9, a real Prefect server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from tipdiff.publish import run_lock
from tipdiff.testing.evalset import synthetic_corpus

from .conftest import ROOT, cli_env, tree_state

RAW = ROOT / "data" / "raw"
TIPDIFF = [sys.executable, "-m", "tipdiff.cli"]


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """One Prefect home for the subprocesses of this module (migrated once, then reused)."""
    return tmp_path_factory.mktemp("cli-prefect-home")


def tipdiff(args, home, **kw):
    return subprocess.run(TIPDIFF + args, env=cli_env(home), cwd=ROOT, capture_output=True,
                          text=True, timeout=300, **kw)


def _kill_group(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait(timeout=30)


def write_synthetic_corpus(raw: Path, countries: int, years: range, variant: str = "") -> None:
    for rel, text in synthetic_corpus(countries, years, variant=variant).items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_text(text)


def _published(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())
            if p.is_file() and p.name not in ("manifest.json", ".tipdiff.lock")}


def test_kill_9_mid_publish_leaves_whole_outputs_and_a_rerun_equals_a_clean_run(tmp_path, home):
    raw, out, clean = tmp_path / "raw", tmp_path / "out", tmp_path / "clean"
    write_synthetic_corpus(raw, 300, range(2019, 2023))
    first = tipdiff(["run", "--raw", str(raw), "--out", str(out)], home)
    assert first.returncode == 0, first.stderr
    previous = _published(out)
    write_synthetic_corpus(raw, 300, range(2019, 2023), variant="two")  # every table changes

    killed_during_publish = False
    for _attempt in range(3):
        proc = subprocess.Popen(TIPDIFF + ["run", "--raw", str(raw), "--out", str(out)], env=cli_env(home),
                                cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        deadline = time.monotonic() + 240
        while proc.poll() is None and time.monotonic() < deadline:
            if any(out.glob(".staging-*")):
                _kill_group(proc)
                killed_during_publish = True
                break
            time.sleep(0.0005)
        else:
            _kill_group(proc)
        if killed_during_publish:
            break
        previous = _published(out)  # that attempt finished: its outputs are the "previous" ones now
    assert killed_during_publish, "never caught the run while it was publishing"

    clean_run = tipdiff(["run", "--raw", str(raw), "--out", str(clean)], home)
    assert clean_run.returncode == 0, clean_run.stderr
    new = _published(clean)
    after_crash = _published(out)
    for name, data in after_crash.items():  # every published file is whole: old or new, never half
        assert data in (previous.get(name), new.get(name)), name
    json.loads((out / "manifest.json").read_text())
    rerun = tipdiff(["run", "--raw", str(raw), "--out", str(out)], home)
    assert rerun.returncode == 0, rerun.stderr
    assert _published(out) == new
    assert not list(out.glob(".staging-*"))


def test_cli_reports_bad_inputs_exits_1_and_never_writes_raw(tmp_path, home):
    raw = tmp_path / "raw"
    (raw / "2023").mkdir(parents=True)
    (raw / "2023" / "peru.txt").write_bytes((RAW / "2023" / "peru_2023_tip_excerpt.txt").read_bytes())
    (raw / "2023" / "empty.txt").write_bytes(b"")
    before = tree_state(raw)
    proc = tipdiff(["run", "--raw", str(raw), "--out", str(tmp_path / "out")], home)
    assert proc.returncode == 1
    assert "empty.txt: the file is empty" in proc.stderr and "Traceback" not in proc.stderr
    assert "1 narratives of 1 countries" in proc.stdout
    assert tree_state(raw) == before


@pytest.mark.skipif(not shutil.which("script"), reason="needs util-linux script for a terminal")
def test_progress_bar_on_a_terminal_and_quiet_otherwise(tmp_path, home):
    out = tmp_path / "out"
    command = " ".join([*TIPDIFF, "run", "--out", str(out)])
    typescript = tmp_path / "typescript"
    proc = subprocess.run(["script", "-qec", command, str(typescript)], env=cli_env(home), cwd=ROOT,
                          capture_output=True, timeout=300)
    assert proc.returncode == 0
    screen = typescript.read_bytes().decode("utf-8", "replace")
    assert "aligning" in screen and "100%" in screen  # the bar was drawn on the terminal
    piped = tipdiff(["run", "--out", str(out)], home)
    assert "aligning" not in piped.stdout + piped.stderr and "100%" not in piped.stderr


def test_cli_lock_busy_exits_3_with_a_reason(tmp_path, home):
    out = tmp_path / "out"
    with run_lock(out, wait=0):
        proc = tipdiff(["run", "--out", str(out), "--wait", "0.2"], home)
    assert proc.returncode == 3
    assert "another tipdiff run is writing here" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_usage_errors_exit_2(tmp_path, home):
    assert tipdiff(["run", "--raw", str(tmp_path / "missing")], home).returncode == 2
    env_less = tipdiff(["serve"], home)
    assert env_less.returncode == 2 and "prefect server start" in env_less.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_deployment_on_a_real_server_runs_on_demand(tmp_path):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = cli_env(tmp_path / "server-home")
    prefect = str(Path(sys.executable).parent / "prefect")
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--no-ui", "--analytics-off"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    serve = None
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{api}/health", timeout=2)
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.5)
        client_env = {**env, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        out = tmp_path / "out"
        serve_log = tmp_path / "serve.log"
        serve = subprocess.Popen(TIPDIFF + ["serve", "--cron", "0 6 * * *", "--raw", str(RAW), "--out", str(out)],
                                 env=client_env, cwd=ROOT, stdout=serve_log.open("w"),
                                 stderr=subprocess.STDOUT, start_new_session=True)
        trigger = (
            "import sys, time\n"
            "from prefect.deployments import run_deployment\n"
            "from prefect.client.orchestration import get_client\n"
            "deadline = time.monotonic() + 90\n"
            "while True:\n"
            "    try:\n"
            "        with get_client(sync_client=True) as c:\n"
            "            d = c.read_deployment_by_name('tipdiff-run/tipdiff-scheduled')\n"
            "        break\n"
            "    except Exception:\n"
            "        if time.monotonic() > deadline: raise\n"
            "        time.sleep(0.5)\n"
            "print('schedule', [s.schedule.cron for s in d.schedules])\n"
            "run = run_deployment('tipdiff-run/tipdiff-scheduled', timeout=180, poll_interval=0.5)\n"
            "print('state', run.state.type.value)\n"
        )
        done = subprocess.run([sys.executable, "-c", trigger], env=client_env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert "schedule ['0 6 * * *']" in done.stdout, done.stderr
        assert "state COMPLETED" in done.stdout, done.stdout + done.stderr
        assert json.loads((out / "manifest.json").read_text())["counts"]["documents"] == 10
        assert len(pd.read_parquet(out / "tiers.parquet")) == 10
        deadline = time.monotonic() + 30  # serve logs the run it executed and where results went
        while "tipdiff run finished" not in serve_log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
        log = serve_log.read_text()
        assert f"tipdiff run started: reading {RAW}, publishing to {out}" in log, log
        assert f"10 narratives of 4 countries, 0 error(s); results in {out}" in log, log
        assert str(out / "reports" / "index.html") in log
    finally:
        if serve is not None:
            _kill_group(serve)
        _kill_group(server)


def test_cli_runner_dask_matches_the_default_runner(tmp_path, home):
    threads, dask = tmp_path / "threads", tmp_path / "dask"
    assert tipdiff(["run", "--out", str(threads)], home).returncode == 0
    proc = tipdiff(["run", "--runner", "dask", "--out", str(dask)], home)
    assert proc.returncode == 0, proc.stderr
    assert _published(dask) == _published(threads)
