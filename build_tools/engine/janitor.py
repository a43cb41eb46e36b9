"""Nothing left behind by a killed build: its helpers die with it, and its temporary folder goes.

SIGKILL cannot be caught, so the build cannot clean up after itself. Two things outlive it:
- each forked helper asks the kernel for SIGKILL when its parent ends (PR_SET_PDEATHSIG, set in
  every forked child by forked.py);
- a small janitor process, started with the temporary folder, waits on a pipe that only the
  build and its helpers hold. The pipe ends when the last of them has ended, however it ended;
  the janitor then removes the folder if it is still there, and exits.
The next build also removes folders whose build is no longer running (their name holds its pid).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PREFIX = ".build-"


def guard(folder: Path) -> subprocess.Popen:
    """Start the janitor for folder; it removes it once this process and its helpers have ended.

    Keep the returned object until the end of the build: its stdin is the pipe.
    """
    return subprocess.Popen([sys.executable, "-m", "build_tools.engine.janitor", str(folder)], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            cwd=Path(__file__).resolve().parents[2])  # the repository: build_tools/ must be importable


def release(janitor: subprocess.Popen) -> None:
    """The build has removed its folder itself: let the janitor go.

    It ends once no helper holds the pipe any more: at once after a normal build; after an
    unexpected error, when the CLI has stopped the helpers (then it removes what they wrote).
    Never wait for it longer than that: a helper still running must not hang the build.
    """
    janitor.stdin.close()
    try:
        janitor.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass


def folder_name() -> str:
    return f"{PREFIX}{os.getpid()}-"


def remove_stale(parent: Path) -> None:
    """Remove temporary folders of builds that are no longer running (after a power cut, say)."""
    for folder in parent.glob(PREFIX + "*"):
        pid = folder.name[len(PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _wait_and_remove(folder: Path) -> None:
    sys.stdin.buffer.read()  # returns when every holder of the pipe has ended
    for _ in range(50):  # a helper killed a moment ago may still be closing its files
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.1)


if __name__ == "__main__":
    _wait_and_remove(Path(sys.argv[1]))
