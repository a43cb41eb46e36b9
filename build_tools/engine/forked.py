"""Use the second core: slow files made beside mkdocs, and a task split over the cores.

mkdocs builds pages on one core. QR codes and calendar files take a third of a build's time
and no page needs them while mkdocs runs, only the links to them must be valid; so they are
made in a forked process while mkdocs works, and moved into the site afterwards (build.py).

Forking (not spawning) shares the built context without pickling it. Where fork is missing
(Windows, macOS's default) or only one core is there, the same work runs in this process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import site_paths

Make = Callable[[], "bytes | str"]


class WorkerFailed(Exception):
    pass


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In a forked child: be killed when the parent ends, even by SIGKILL (Linux; elsewhere nothing).

    Set for every fork of this process (os.register_at_fork), so no helper outlives a killed build.
    If the parent ended before the request was made, the child ends at once. Ctrl-C is the
    parent's to handle (cli.py stops the helpers): a helper that took it too would print a
    traceback of its own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if _libc is not None:
        _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(1)


def stop_helpers() -> None:
    """Kill every forked helper still running (an interrupted or failed build): before the
    temporary folder they write into is removed, so that none of them trips over its removal."""
    for child in multiprocessing.active_children():
        child.kill()
        child.join(timeout=5)


def die_with_parent() -> None:
    """For subprocess's preexec_fn: the program started is killed when this process ends, even by
    SIGKILL (Linux). Safe here: build_tools starts no threads, which is what makes preexec_fn risky."""
    if _libc is not None:
        _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True) if sys.platform.startswith("linux") else None
_parent = [0]
os.register_at_fork(before=lambda: _parent.__setitem__(0, os.getpid()), after_in_child=lambda: _die_with_parent(_parent[0]))


def fork_context():
    if "fork" not in multiprocessing.get_all_start_methods() or (os.cpu_count() or 1) < 2:
        return None
    return multiprocessing.get_context("fork")


@dataclass
class LateFiles:
    """Site files whose content is made later, maybe in another process: site path → maker."""

    makers: dict[str, Make] = field(default_factory=dict)
    _job: "Beside | None" = None

    def add(self, site_path: str, make: Make) -> None:
        if site_path in self.makers:
            raise ValueError(f"two generators make {site_path}")
        self.makers[site_path] = make

    @property
    def paths(self) -> list[str]:
        return list(self.makers)

    def write_into(self, folder: Path) -> None:
        """Make every file now, in this process, into folder as the site has them."""
        for path, make in self.makers.items():
            site_paths.write(folder, path, make())

    def stored(self, folder: Path) -> list[tuple[str, Path]]:
        """(site path, file) of the files start() makes: numbered files in one flat folder,
        so that after move_into only an empty folder is left to remove (not a tree of them)."""
        return [(path, folder / str(i)) for i, path in enumerate(self.makers)]

    def _store(self, folder: Path) -> None:
        for (_, out), make in zip(self.stored(folder), self.makers.values()):
            site_paths.write(folder, out.name, make())

    def start(self, folder: Path, then: Callable[[list[tuple[str, Path]]], object] | None = None) -> None:
        """Begin making the files into folder, in a forked process when there is one.

        `then(self.stored(folder))` runs in the same process once they are written (the
        privacy scan of them); wait() returns its value.
        """
        def make_then() -> object:
            background()
            self._store(folder)
            return then(self.stored(folder)) if then else None

        self._job = Beside(make_then)

    def wait(self) -> object:
        """Block until start()'s files are all written; raise WorkerFailed if they were not."""
        job, self._job = self._job, None
        if job is None:
            return None
        try:
            return job.result()
        except WorkerFailed as exc:
            raise WorkerFailed(f"二维码和日历文件没有生成（{exc}）") from None

    def wait_quietly(self) -> None:
        """Wait for the process after another stage failed (its own failure adds nothing)."""
        try:
            self.wait()
        except WorkerFailed:
            pass

    def move_into(self, folder: Path, site: Path) -> None:
        """Move the made files from folder into the built site (same file system: renames)."""
        for path, made in self.stored(folder):
            target = site / path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(made, target)


def background() -> None:
    """Called first in a helper that runs beside mkdocs: mkdocs keeps its core, helpers share the other."""
    if hasattr(os, "nice") and multiprocessing.parent_process() is not None:
        os.nice(5)


class Beside:
    """fn() run in a forked process while this one goes on; result() waits for its value."""

    def __init__(self, fn: Callable[[], object]):
        ctx = fork_context()
        self._fn, self._child = fn, None
        if ctx is not None:
            self._receive, send = ctx.Pipe(duplex=False)
            self._child = ctx.Process(target=_send_result, args=(lambda _: fn(), None, send))
            self._child.start()
            send.close()

    def result(self):
        if self._child is None:
            return self._fn()
        return received(self._child, self._receive)


def split_map(task: Callable[[list], object], items: list, parts: int | None = None) -> list:
    """task over `parts` interleaved slices of items, each slice but the first in a forked process.

    Results come back in slice order, pickled through a pipe (keep them small). Interleaving
    spreads the big and small files of a sorted list evenly over the slices.
    """
    ctx = fork_context()
    parts = parts or os.cpu_count() or 1
    if ctx is None or parts < 2 or len(items) < 2 * parts:
        return [task(items)]
    slices = [items[i::parts] for i in range(parts)]
    children = []
    for part in slices[1:]:
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_send_result, args=(task, part, send))
        child.start()
        send.close()
        children.append((child, receive))
    results = [task(slices[0])]
    for child, receive in children:
        results.append(received(child, receive))
    return results


def received(child, receive):
    """What a forked child sent through its pipe, once it has ended; WorkerFailed if it died first."""
    try:
        value = receive.recv()
    except EOFError:
        value = _DIED
    child.join()
    if value is _DIED:
        raise WorkerFailed(f"并行任务失败（子进程退出码 {child.exitcode}）")
    return value


_DIED = object()


def _send_result(task, part, send) -> None:
    send.send(task(part))
    send.close()
