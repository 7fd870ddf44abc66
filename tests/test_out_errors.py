"""Issue 16, rows 9 and 10: an --out that cannot be written is a clear usage error, and a
write that fails (a full disk) leaves no staging file in the published set. Real `tipdiff`
processes; as root, real file systems (a read-only tmpfs, a full tmpfs); otherwise the
permission bits and RLIMIT_FSIZE stand in for them."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, cli_env, tree_state

TIPDIFF = [sys.executable, "-m", "tipdiff.cli"]


def tipdiff(args, home, **kw):
    return subprocess.run(TIPDIFF + args, env=cli_env(home), cwd=ROOT, capture_output=True,
                          text=True, timeout=300, **kw)


@contextlib.contextmanager
def tmpfs(where: Path, size: str):
    """A tmpfs of `size` mounted at `where` (None when this process may not mount)."""
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
            capture_output=True).returncode != 0:
        yield None
        return
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


def test_a_read_only_out_is_a_usage_error_without_a_traceback(tmp_path):
    with tmpfs(tmp_path / "ro", "1m") as mounted:
        out = tmp_path / "ro"
        if mounted is not None:
            (out / "processed").mkdir()
            subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        else:
            out.chmod(0o555)
        target = out / "processed"
        proc = tipdiff(["run", "--out", str(target)], tmp_path / "home")
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
        assert proc.stderr.startswith(f"tipdiff run: error: --out {target}: cannot write there (")
        assert "expected a folder tipdiff can create files in" in proc.stderr


def _fill(folder: Path) -> None:
    """Write into `folder` until its file system is full."""
    with open(folder / "filler", "wb") as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
                fh.flush()
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


def test_a_full_disk_during_the_no_change_check_leaves_no_staging_file(tmp_path):
    home = tmp_path / "home"
    with tmpfs(tmp_path / "disk", "8m") as mounted:
        out = tmp_path / "disk" / "out"
        first = tipdiff(["run", "--out", str(out)], home)
        assert first.returncode == 0, first.stderr
        current = Path(os.path.realpath(out / "current"))
        before = tree_state(current)
        if mounted is not None:
            _fill(tmp_path / "disk")
            rerun = tipdiff(["run", "--out", str(out)], home)
        else:  # no mount here: a file size limit stands in for the full disk
            size = (current / "manifest.json").stat().st_size
            code = ("import resource, signal, sys\n"
                    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
                    f"resource.setrlimit(resource.RLIMIT_FSIZE, ({size // 2}, {size // 2}))\n"
                    "from tipdiff.cli import main\n"
                    f"sys.exit(main(['run', '--out', {str(out)!r}]))\n")
            rerun = subprocess.run([sys.executable, "-c", code], env=cli_env(home), cwd=ROOT,
                                   capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 1, rerun.stderr
        assert "Traceback" not in rerun.stderr
        assert "tipdiff run: error: " in rerun.stderr
        assert tree_state(current) == before  # the set whole, its manifest as it was
        assert not [p for p in current.rglob(".staging-*")]
        assert not [p for p in out.rglob(".staging-*")]
