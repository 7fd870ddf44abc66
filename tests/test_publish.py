"""Publishing a set as a whole (issue 9, item 7): a real process killed with SIGKILL right
after each step that moves something into --out, then what a reader sees is checked.

The kill is placed by a `sitecustomize` module on the child's PYTHONPATH (test code only):
it wraps os.replace and os.rename and, after the N-th call whose destination is in --out
or --out/versions, sends SIGKILL to its own process. N runs from 1 until publishing finishes,
so every point between two moves is a crash point."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tipdiff.publish import CURRENT, VERSIONS, current_set, publish

from .conftest import ROOT

KILLER = '''
import os, signal

_spec = os.environ.get("TIPDIFF_TEST_KILL_AFTER_MOVES")
if _spec:
    _n, _out = _spec.split(":", 1)
    _n, _out = int(_n), os.path.realpath(_out)
    _seen = [0]

    def _wrap(real):
        def move(src, dst, *args, **kwargs):
            real(src, dst, *args, **kwargs)
            parent = os.path.realpath(os.path.dirname(os.path.abspath(os.fspath(dst))))
            if parent in (_out, os.path.join(_out, "versions")):
                _seen[0] += 1
                if _seen[0] == _n:
                    os.kill(os.getpid(), signal.SIGKILL)
        return move

    os.replace = _wrap(os.replace)
    os.rename = _wrap(os.rename)
'''

PUBLISH = '''
import hashlib, json, sys
from pathlib import Path
from tipdiff.publish import publish
out, generation = Path(sys.argv[1]), sys.argv[2]
names = [f"table{i}.csv" for i in range(6)] + [generation + "_only.csv"]
if generation == "new":  # the new set adds a folder
    names += ["reports/index.html", "reports/feeds/x.xml"]
files = {n: f"{generation} {n}\\n".encode() * 100 for n in names}
manifest = {"generation": generation,
            "outputs": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}}
publish(out, files, manifest)
'''


def killer_path(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(KILLER)
    return site


def child_env(site: Path | None, out: Path | None = None, moves: int = 0) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(site) if site else "", str(ROOT)) if p)
    env.pop("TIPDIFF_TEST_KILL_AFTER_MOVES", None)
    if moves:
        env["TIPDIFF_TEST_KILL_AFTER_MOVES"] = f"{moves}:{out}"
    return env


def publish_in_child(out: Path, generation: str, env: dict) -> int:
    return subprocess.run([sys.executable, "-c", PUBLISH, str(out), generation], env=env,
                          cwd=ROOT, capture_output=True, timeout=60).returncode


def read_set(folder: Path, names) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in sorted(names) if (folder / n).exists()}


def generation_files(generation: str) -> dict[str, bytes]:
    names = [f"table{i}.csv" for i in range(6)] + [generation + "_only.csv"]
    if generation == "new":  # the new set adds a folder, published through one link
        names += ["reports/index.html", "reports/feeds/x.xml"]
    return {n: f"{generation} {n}\n".encode() * 100 for n in names}


def manifest_of(generation: str) -> dict:
    return {"generation": generation, "outputs": {
        n: hashlib.sha256(b).hexdigest() for n, b in generation_files(generation).items()}}


def assert_one_whole_set(out: Path) -> str:
    """What a reader sees is exactly one generation, consistent with its manifest, through
    `current` and through the top-level paths alike. Returns the generation."""
    names = set(generation_files("old")) | set(generation_files("new")) | {"manifest.json"}
    seen = []
    for folder in (current_set(out) or out, out):  # an earlier layout has no `current`
        files = read_set(folder, names)
        manifest = json.loads(files.pop("manifest.json"))
        generation = manifest["generation"]
        assert files == generation_files(generation), folder
        assert manifest["outputs"] == {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}
        seen.append(generation)
    assert seen[0] == seen[1]
    return seen[0]


def old_layout(out: Path) -> None:
    """--out as an earlier tipdiff left it: plain files at the top, the manifest last."""
    out.mkdir(parents=True)
    files = generation_files("old")
    for name, data in files.items():
        (out / name).write_bytes(data)
    manifest = {"generation": "old",
                "outputs": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}}
    (out / "manifest.json").write_text(json.dumps(manifest))


@pytest.mark.parametrize("start", ["versioned", "earlier_layout"])
def test_kill_9_after_every_move_leaves_the_old_set_or_the_new_one(tmp_path, start):
    site = killer_path(tmp_path)
    template = tmp_path / "template"
    if start == "versioned":
        assert publish_in_child(template, "old", child_env(None)) == 0
    else:
        old_layout(template)
    assert assert_one_whole_set(template) == "old"
    outcomes = []
    for moves in range(1, 40):
        out = tmp_path / f"out{moves}"
        shutil.copytree(template, out, symlinks=True)
        code = publish_in_child(out, "new", child_env(site, out, moves))
        generation = assert_one_whole_set(out)
        outcomes.append((moves, code, generation))
        # the next run cleans up and publishes normally
        publish(out, generation_files("new"), manifest_of("new"))
        assert assert_one_whole_set(out) == "new"
        assert not [p for p in out.rglob(".*") if p.name != ".tipdiff.lock"]
        assert len(list((out / VERSIONS).iterdir())) <= 2
        if code == 0:
            break
    assert outcomes[-1][1] == 0, "publishing never finished"
    killed = [o for o in outcomes if o[1] == -9]
    assert len(killed) >= 2, outcomes  # at least one kill on each side of the switch
    assert {g for _, _, g in killed} == {"old", "new"}, outcomes
    # after the switch, every kill leaves the new set; before it, the old one
    switch = min(m for m, _, g in killed if g == "new")
    assert all(g == ("new" if m >= switch else "old") for m, _, g in killed), outcomes


def test_readers_find_the_set_through_current_and_the_previous_set_is_kept(tmp_path):
    out = tmp_path / "out"
    first = publish(out, generation_files("a"), {"generation": "a"})
    second = publish(out, generation_files("b"), {"generation": "b"})
    assert os.readlink(out / CURRENT) == f"{VERSIONS}/{second.name}"
    assert current_set(out) == second
    assert first.exists()  # a reader that resolved `current` before the switch can finish
    third = publish(out, generation_files("c"), {"generation": "c"})
    assert sorted(p.name for p in (out / VERSIONS).iterdir()) == sorted([second.name, third.name])
    assert (out / "table0.csv").read_bytes() == generation_files("c")["table0.csv"]
    assert not (out / "a_only.csv").exists() and not (out / "b_only.csv").is_symlink()


def test_folders_publish_through_one_link_and_bad_names_are_refused(tmp_path):
    out = tmp_path / "out"
    publish(out, {"a.csv": b"1", "reports/index.html": b"<p>", "reports/feeds/x.xml": b"<f/>"}, {})
    assert os.readlink(out / "reports") == f"{CURRENT}/reports"
    assert (out / "reports" / "feeds" / "x.xml").read_bytes() == b"<f/>"
    publish(out, {"a.csv": b"2"}, {})  # a set without the folder: its link goes too
    assert not (out / "reports").exists() and (out / "a.csv").read_bytes() == b"2"
    from tipdiff.publish import PublishError
    for bad in ("../x.csv", "reports/.hidden", "/abs.csv", "versions/x", "a//b"):
        with pytest.raises(PublishError, match="not a name tipdiff publishes under"):
            publish(out, {bad: b"x"}, {})


def test_a_page_that_fails_while_the_set_is_written_leaves_the_published_set_whole(tmp_path):
    """Pages are rendered while the new set is written (issue 11): a renderer that raises
    half-way, or a file announced but never made, leaves the published set as it was, current
    and readable, with no staging folder behind."""
    from tipdiff.publish import PublishError, publish_streamed

    out = tmp_path / "out"
    good = publish(out, {"a.csv": b"old", "reports/x.html": b"<p>old"}, {"generation": "old"})
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def files_failing():
        yield "a.csv", iter([b"new rows, ", b"more rows"])
        raise RuntimeError("template error on the second page")

    with pytest.raises(RuntimeError, match="template error"):
        publish_streamed(out, ["a.csv", "reports/x.html"], files_failing(), lambda h: {"h": h})
    with pytest.raises(PublishError, match="announced but never made"):
        publish_streamed(out, ["a.csv", "reports/x.html"], iter([("a.csv", b"new")]), dict)
    assert current_set(out) == good
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in (out / VERSIONS).iterdir()] == [good.name]  # no staging debris
    made = publish_streamed(out, ["a.csv"], iter([("a.csv", iter([b"new ", b"rows"]))]),
                            lambda h: {"outputs": h})
    assert (out / "a.csv").read_bytes() == b"new rows" and current_set(out) == made
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["outputs"] == {"a.csv": hashlib.sha256(b"new rows").hexdigest()}
