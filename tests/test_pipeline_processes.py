"""The pipeline as users run it: real `tipdiff` processes, a kill -9, a real Prefect server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pandas as pd
import pytest

from tipdiff.digest import DIGEST_JSON
from tipdiff.publish import run_lock
from tipdiff.testing.evalset import synthetic_corpus

from .conftest import ROOT, cli_env, demo_model, tree_state

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
    """The published files (not the manifest and the digest: they record times and the set
    replaced), read through `out`. The
    sources column names files by path, so two folders compare only for one --raw."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())
            if p.is_file() and p.name not in ("manifest.json", ".tipdiff.lock", DIGEST_JSON)}


def session_members(sid: int) -> list[tuple[int, str]]:
    """Every live process in session `sid` (a child started with start_new_session=True
    leads its own session; its descendants stay in it unless they leave on purpose)."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            cmdline = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[3]) == sid and fields[0] != "Z":
            members.append((int(entry), cmdline.strip()))
    return members


class Captured:
    """A `tipdiff run` with its stdout and stderr captured, as a calling script would."""

    def __init__(self, args, env, cwd=ROOT):
        self.proc = subprocess.Popen(TIPDIFF + args, env=env, cwd=cwd, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, start_new_session=True)
        self.out: dict[str, bytes] = {}
        self.eof = {name: threading.Event() for name in ("stdout", "stderr")}
        for name in self.eof:
            threading.Thread(target=self._drain, args=(name,), daemon=True).start()

    def _drain(self, name):
        self.out[name] = getattr(self.proc, name).read()  # returns at end-of-file only
        self.eof[name].set()

    def pipes_closed(self, timeout) -> bool:
        return all(e.wait(timeout) for e in self.eof.values())

    def leftovers(self, timeout) -> list:
        deadline = time.monotonic() + timeout
        while (left := session_members(self.proc.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        return left

    def cleanup(self):
        for pid, _ in session_members(self.proc.pid):
            os.kill(pid, signal.SIGKILL)
        self.proc.wait(timeout=30)


KILLER = (ROOT / "tests" / "test_publish.py").read_text().split("KILLER = '''")[1].split("'''")[0]


def test_kill_9_of_run_ends_every_process_and_the_caller_gets_eof(tmp_path):
    # Its own Prefect home: the kill may land while the server migrates a database.
    run = Captured(["run", "--out", str(tmp_path / "out")], cli_env(tmp_path / "home"))
    try:
        deadline = time.monotonic() + 120
        while len(session_members(run.proc.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)  # the Prefect server has been started
        time.sleep(3)  # and the run is under way
        assert run.proc.poll() is None and len(session_members(run.proc.pid)) >= 2
        os.kill(run.proc.pid, signal.SIGKILL)
        assert run.pipes_closed(timeout=15), session_members(run.proc.pid)
        assert run.leftovers(timeout=15) == []
        assert run.proc.wait(timeout=5) == -signal.SIGKILL
    finally:
        run.cleanup()


def test_a_failing_run_exits_with_a_reason_ends_every_process_and_closes_the_pipes(tmp_path, home):
    """The run fails inside the flow: no usable narrative, and --out holds a publication
    (as an earlier tipdiff left it), which must not be replaced by empty tables."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "recommendations.csv").write_text("country,year,text\nFreedonia,2023,Fund shelters.\n")
    (out / "manifest.json").write_text(json.dumps({"counts": {"documents": 1}}))
    before = tree_state(out)
    raw = tmp_path / "raw"
    (raw / "2023").mkdir(parents=True)
    (raw / "2023" / "notes.txt").write_text("Meeting notes: bring the projector.\n")
    run = Captured(["run", "--raw", str(raw), "--out", str(out)], cli_env(home))
    try:
        assert run.pipes_closed(timeout=240)
        assert run.proc.wait(timeout=10) == 1
        stderr = run.out["stderr"].decode()
        assert f"error: {raw / '2023' / 'notes.txt'}: " in stderr
        assert (f"tipdiff run: error: no usable narrative in {raw}: 1 input file(s), none could be "
                f"used (see the errors); the 1 narratives published in {out} are kept") in stderr
        assert "Traceback" not in stderr
        assert run.leftovers(timeout=10) == []
    finally:
        run.cleanup()
    assert {k: v for k, v in tree_state(out).items() if k != ".tipdiff.lock"} == before


def test_kill_9_after_the_first_move_into_out_leaves_one_whole_set_and_a_rerun_equals_a_clean_run(
        tmp_path, home):
    """The run is killed (SIGKILL, from inside, by the test's sitecustomize) right after its
    first rename into --out; the raw folder sits below a dot-folder and is given with '..'."""
    raw = tmp_path / ".cache" / "raw"
    write_synthetic_corpus(raw, 5, range(2021, 2024))
    hugeland = [f"Train the officials of ward {i}." for i in range(501)]
    for year in (2022, 2023):
        (raw / str(year) / "hugeland.txt").write_text(
            f"{year} Trafficking in Persons Report: Hugeland\nHUGELAND: Tier 2\nPRIORITIZED "
            "RECOMMENDATIONS:\n" + "\n".join("• " + t for t in hugeland) + "\nPROSECUTION\n")
    work = tmp_path / "work"
    work.mkdir()
    out, clean = tmp_path / "out", tmp_path / "clean"
    args = ["run", "--raw", "../.cache/raw", "--out", str(out)]
    first = subprocess.run(TIPDIFF + args, env=cli_env(home), cwd=work, capture_output=True,
                           text=True, timeout=300)
    assert first.returncode == 1, first.stderr
    assert "tipdiff: 15 narratives of 5 countries" in first.stdout  # nothing hidden by '.cache'
    for year in (2022, 2023):
        assert (f"error: ../.cache/raw/{year}/hugeland.txt: Hugeland {year}: 501 recommendations, "
                "more than the 500 a narrative may have") in first.stderr
    assert "Traceback" not in first.stderr
    previous = _published(out)
    write_synthetic_corpus(raw, 5, range(2021, 2024), variant="two")  # every table changes

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(KILLER)
    env = {**cli_env(home), "PYTHONPATH": str(site),
           "TIPDIFF_TEST_KILL_AFTER_MOVES": f"1:{out}"}
    killed = Captured(args, env, cwd=work)
    try:
        assert killed.pipes_closed(timeout=240)
        assert killed.proc.wait(timeout=10) == -signal.SIGKILL
        assert killed.leftovers(timeout=10) == []
    finally:
        killed.cleanup()
    clean_run = subprocess.run(TIPDIFF + ["run", "--raw", "../.cache/raw", "--out", str(clean)],
                               env=cli_env(home), cwd=work, capture_output=True, text=True,
                               timeout=300)
    assert clean_run.returncode == 1, clean_run.stderr
    new = _published(clean)
    assert new != previous
    after_crash = _published(out)
    assert after_crash == previous  # the whole old set, through the top-level paths
    assert _published(out / "current") == previous  # and through `current`
    rerun = subprocess.run(TIPDIFF + args, env=cli_env(home), cwd=work, capture_output=True,
                           text=True, timeout=300)
    assert rerun.returncode == 1, rerun.stderr
    assert _published(out) == new
    assert not [p for p in out.rglob(".*") if p.name != ".tipdiff.lock"]


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


def test_cli_refuses_bad_arguments_with_a_reason_and_exit_2(tmp_path, home):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    before = tree_state(raw)
    (tmp_path / "empty" / "2023").mkdir(parents=True)
    a_file = tmp_path / "results.txt"
    a_file.write_text("not a folder\n")
    cases = [
        (["run", "--raw", str(raw), "--out", str(raw)],
         f"--out {raw} is inside --raw {raw}: the next run would read the outputs as inputs"),
        (["run", "--raw", str(raw), "--out", str(raw / "processed")],
         f"--out {raw / 'processed'} is inside --raw {raw}"),
        (["serve", "--raw", str(raw), "--out", str(raw / "2023" / "out")],
         f"--out {raw / '2023' / 'out'} is inside --raw {raw}"),
        (["run", "--raw", str(raw), "--out", str(a_file)],
         f"--out {a_file}: is a file, not a folder: expected a folder"),
        (["run", "--raw", str(raw), "--snapshots", str(raw / "snaps"), "--out", str(tmp_path / "o")],
         f"--snapshots {raw / 'snaps'} is inside --raw {raw}: fetched pages would be written into the raw folder"),
        (["run", "--raw", str(a_file)], f"--raw {a_file}: is a file, not a folder"),
        (["run", "--raw", str(raw), "--sources", str(tmp_path / "none.csv")],
         f"--sources {tmp_path / 'none.csv'}: no such file"),
        (["run", "--raw", str(tmp_path / "empty"), "--out", str(tmp_path / "o")],
         f"--raw {tmp_path / 'empty'}: no input files found"),
        (["run", "--wait", "-1"], "argument --wait: '-1': expected a number of seconds, 0 or more"),
        (["run", "--wait", "nan"], "argument --wait: 'nan': expected a number of seconds, 0 or more"),
        (["parse", "--year", "-2023", str(RAW / "2023" / "peru_2023_tip_excerpt.txt")],
         "argument --year: '-2023': expected a report year such as 2023"),
        (["parse", "--year", "0", str(RAW / "2023" / "peru_2023_tip_excerpt.txt")],
         "argument --year: '0': expected a report year such as 2023"),
    ]
    for args, message in cases:
        proc = tipdiff(args, home)
        assert proc.returncode == 2, (args, proc.returncode, proc.stderr)
        assert message in proc.stderr, (args, proc.stderr)
        assert "Traceback" not in proc.stderr, args
    assert tree_state(raw) == before  # nothing was written into raw
    assert not (tmp_path / "o" / "current").exists()


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


def _start_prefect_server(env, port):
    api = f"http://127.0.0.1:{port}/api"
    prefect = str(Path(sys.executable).parent / "prefect")
    server = subprocess.Popen([prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port),
                               "--no-ui", "--analytics-off"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{api}/health", timeout=2)
            return server, api
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "server did not start"
            time.sleep(0.5)


def test_serve_applies_the_default_overrides_and_ends_on_sigterm_after_its_server_died(tmp_path):
    """Issue 16 rows 7 and 16: a scheduled run applies data/overrides.csv as `run` does, and
    `serve` ends within a few seconds of SIGTERM even when its Prefect server was stopped
    first (it ignored SIGTERM for more than 16 s), leaving no process behind."""
    from tipdiff.review import text_sha256

    data = tmp_path / "data"
    raw = data / "raw"
    shutil.copytree(RAW, raw)
    _docs, diffs, _histories, _errors = demo_model()  # the verdicts the run will publish
    d = next(d for d in diffs if d.to_year == 2023 and {"added", "dropped"} <= {
        c.kind for c in d.changes})
    dropped = {"country": d.country,
               "from_text": d.old_texts[next(c for c in d.changes if c.kind == "dropped").old[0]]}
    added = {"to_text": d.new_texts[next(c for c in d.changes if c.kind == "added").new[0]]}
    (data / "overrides.csv").write_text(
        "country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n"
        f"{dropped['country']},2022,{text_sha256(dropped['from_text'])},2023,"
        f"{text_sha256(added['to_text'])},link,reviewed by hand\n")

    env = cli_env(tmp_path / "server-home")
    server, api = _start_prefect_server(env, _free_port())
    serve = None
    try:
        client_env = {**env, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
        out = tmp_path / "out"
        serve_log = tmp_path / "serve.log"
        serve = subprocess.Popen(TIPDIFF + ["serve", "--raw", str(raw), "--out", str(out)],
                                 env=client_env, cwd=ROOT, stdout=serve_log.open("w"),
                                 stderr=subprocess.STDOUT, start_new_session=True)
        trigger = (
            "import time\n"
            "from prefect.deployments import run_deployment\n"
            "from prefect.client.orchestration import get_client\n"
            "deadline = time.monotonic() + 90\n"
            "while True:\n"
            "    try:\n"
            "        with get_client(sync_client=True) as c:\n"
            "            c.read_deployment_by_name('tipdiff-run/tipdiff-scheduled')\n"
            "        break\n"
            "    except Exception:\n"
            "        if time.monotonic() > deadline: raise\n"
            "        time.sleep(0.5)\n"
            "run = run_deployment('tipdiff-run/tipdiff-scheduled', timeout=180, poll_interval=0.5)\n"
            "print('state', run.state.type.value)\n"
        )
        done = subprocess.run([sys.executable, "-c", trigger], env=client_env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
        assert "state COMPLETED" in done.stdout, done.stdout + done.stderr
        assert f"with reviewer overrides from {data / 'overrides.csv'} (when it exists)" in \
            serve_log.read_text()
        published = pd.read_parquet(out / "changes.parquet")
        reviewed = published[published["decided_by"] == "review"]
        assert list(reviewed["review_note"]) == ["reviewed by hand"]
        manifest = json.loads((out / "manifest.json").read_text())
        assert manifest["overrides"]["path"] == str(data / "overrides.csv")

        _kill_group(server)  # the server goes first
        time.sleep(2)
        started = time.monotonic()
        serve.send_signal(signal.SIGTERM)
        code = serve.wait(timeout=30)
        took = time.monotonic() - started
        assert took < 8, f"serve took {took:.1f} s to end after SIGTERM"
        assert code in (0, 143, -signal.SIGTERM), code
        deadline = time.monotonic() + 10
        while session_members(serve.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert session_members(serve.pid) == []
    finally:
        if serve is not None:
            _kill_group(serve)
        _kill_group(server)


def test_a_run_with_a_non_utf8_file_name_and_many_stale_overrides_publishes(tmp_path, home):
    """Issue 16 rows 4 and 15: a raw file whose name is not UTF-8 (`caf\\xe9_2023.txt`) is
    read and published under its escaped name (tipdiff.read.path_text; the exact bytes come
    back with path_bytes); 1,000 override rows that match nothing are counted as such, apart
    from the parser's warnings."""
    from tipdiff.read import path_bytes

    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    text = (RAW / "2023" / "synthetic_sylvania_2023.txt").read_text()
    odd = os.fsencode(raw / "2023") + b"/caf\xe9_2023.txt"
    with open(odd, "wb") as fh:
        fh.write(text.replace("Sylvania", "Osterlich").replace("SYLVANIA", "OSTERLICH").encode())
    rows = "".join(f"Freedonia,2022,{k:064x},2023,{k + 1:064x},link,\n" for k in range(1000))
    (tmp_path / "overrides.csv").write_text(
        "country,from_year,from_text_sha256,to_year,to_text_sha256,verdict,note\n" + rows)
    out = tmp_path / "out"
    proc = tipdiff(["run", "--raw", str(raw), "--out", str(out)], home)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "1000 reviewer override(s) did not apply" in proc.stdout
    manifest = json.loads((out / "manifest.json").read_text())
    parser_warnings = manifest["counts"]["parser_warnings"]
    assert f"{parser_warnings} parser warning(s)" in proc.stdout and parser_warnings < 100
    shown = str(raw / "2023") + "/caf\\xe9_2023.txt"
    recs = pd.read_parquet(out / "recommendations.parquet")
    assert shown in set(recs["source"])
    assert path_bytes(shown) == odd
    assert shown in {s["path"] for s in manifest["sources"]}
    assert "Osterlich" in set(recs["country"])
    assert shown.encode() in (out / "recommendations.csv").read_bytes()
    page = (out / "reports" / "osterlich.html").read_text()
    assert "caf\\xe9_2023.txt" in page
    # a rerun with the same inputs finds nothing changed
    again = tipdiff(["run", "--raw", str(raw), "--out", str(out)], home)
    assert again.returncode == 0 and "no change since the published set" in again.stdout
