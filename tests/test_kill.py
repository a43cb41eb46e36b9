"""A killed build leaves nothing behind: no process, no temporary folder, the previous site/ as it was.

The build is killed (SIGKILL, which it cannot catch) at five moments, each with helpers running
(tests/kill_driver.py): its helpers die with it (PR_SET_PDEATHSIG) and the janitor removes the
temporary folder (build_tools/engine/janitor.py).
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.build import build
from tests.kill_driver import MOMENTS
from tests.test_build import TODAY, digest


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """(repository copy, site built from it)."""
    import shutil

    root = tmp_path_factory.mktemp("kill") / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    site = root.parent / "out" / "site"
    assert build(TODAY, site, root=root) == 0
    return root, site


def marked(mark: str) -> list[int]:
    """The processes whose environment holds mark (the build, its helpers, its janitor)."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and mark.encode() in (proc / "environ").read_bytes():
                pids.append(int(proc.name))
        except OSError:
            continue
    return pids


def wait_for(condition, seconds: float = 30) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_killed_build_leaves_nothing_behind(built, moment):
    root, site = built
    before = digest(site)
    mark = f"PORTAL_KILL_TEST={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-m", "tests.kill_driver", str(root), str(site), moment], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert proc.stdout.readline().startswith("READY"), f"the build did not reach {moment}"
        helpers = [p for p in marked(mark) if p != proc.pid]
        assert helpers, "helpers (or the janitor) run at this moment"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert wait_for(lambda: not marked(mark)), f"still running after the kill: {marked(mark)}"
    assert not list(site.parent.glob(".build-*")), "the temporary folder was left behind"
    assert digest(site) == before


@pytest.mark.parametrize("moment", ["mkdocs", "search"])
def test_ctrl_c_stops_the_build_with_a_message(built, moment):
    """Ctrl-C reaches the whole process group (a terminal, a CI runner cancelling the job): the
    build says in Chinese that it stopped, exits 130, prints no traceback and leaves nothing."""
    root, site = built
    before = digest(site)
    mark = f"PORTAL_KILL_TEST={uuid.uuid4().hex}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-m", "tests.kill_driver", str(root), str(site), moment, "cli"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout.readline().startswith("READY"), f"the build did not reach {moment}"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130
    assert "已中断" in err and "Traceback" not in err, err
    assert wait_for(lambda: not marked(mark)), f"still running after Ctrl-C: {marked(mark)}"
    assert not list(site.parent.glob(".build-*")), "the temporary folder was left behind"
    assert digest(site) == before


def test_next_build_removes_folders_of_builds_no_longer_running(tmp_path):
    from build_tools.engine import janitor

    dead = tmp_path / ".build-999999999-x"  # no such process
    alive = tmp_path / f".build-{os.getpid()}-y"
    for folder in (dead, alive):
        (folder / "docs").mkdir(parents=True)
    janitor.remove_stale(tmp_path)
    assert not dead.exists() and alive.exists()
