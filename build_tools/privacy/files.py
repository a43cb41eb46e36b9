"""Which files a scan reads: the repository's own files, named paths, or a built site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .. import ROOT
from ..detect.detectors import BLOCKING
from ..engine.forked import background, fork_context, received, split_map
from ..load.sources import is_linked, rel, report_symlink
from ..report.problems import Report
from . import exceptions, scan, statements
from .textrules import ASSET as PRIVACY_JSON

SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache",
             ".mypy_cache"}
# The built site (build scans it itself), and deliberately fake personal data that proves the
# scanner works (tests/privacy_samples/README.md), relative to the repository.
SKIP_PREFIXES = ("site/", "tests/privacy_samples/")


def repository_files(root: Path = ROOT) -> list[Path]:
    """Files git would commit (tracked, or new and not ignored) that the scanner reads.

    Git-ignored files (a private roster kept in rosters/) are not the repository's; without
    git (a copied tree) every file is listed, less SKIP_DIRS.
    """
    try:
        out = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                             capture_output=True, check=True).stdout
        names = sorted({n for n in out.decode("utf-8", "replace").split("\0") if n})
    except (OSError, subprocess.CalledProcessError):
        names = sorted(p.relative_to(root).as_posix() for p in _walk(root))
    # Symlinks are listed whatever they point to (a folder, nothing): the scan refuses them.
    return [root / n for n in names if _wanted(n) and ((root / n).is_file() or (root / n).is_symlink())]


def expand(paths: list[Path]) -> list[Path]:
    """Named files as they are; named folders walked (skipping SKIP_DIRS). Types are sorted out by the scan."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(_walk(p)) if p.is_dir() and not p.is_symlink() else [p])
    return out


def scan_paths(paths: list[Path], report: Report, root: Path = ROOT, **options) -> scan.Scanner:
    """Scan files on disk with the repository's reviewed exceptions; problems name them relative to the repository.

    Entries of the exceptions file and image statements that matched nothing in the files
    scanned are reported too. A symlink (or a file reached through a symlinked folder) is
    reported (file/symlink), never read.
    """
    allow, stated = exceptions.load(root, report), statements.load(root, report)
    scanner = scan.Scanner(report, exceptions=allow, statements=stated, **options)
    names = set()
    for path in paths:
        if is_linked(path):
            report_symlink(path, report)
            continue
        names.add(name := rel(path))
        scanner.path(path, name)
    allow.finish(report, names, root)
    stated.finish(report, names, root)
    return scanner


def scan_site(site: Path, report: Report, published: frozenset[str] = frozenset(),
              allowed: frozenset[tuple[str, str]] = frozenset()) -> int:
    """Scan a built site with the blocking rules.

    Mobile numbers the data publishes with consent may appear on its pages, feeds and downloads,
    and so may the spans that reviewed exceptions let through at the source (`allowed`).
    The files are shared out over the cores (a 5,000-activity site has 20,000 files); returns
    how many were read.
    """
    return SiteScan(site, published, ahead=False, allowed=allowed).finish(report)


class SiteScan:
    """The built site's scan, begun while mkdocs is still writing the pages.

    Each page named by `written` (it is on disk) is read by a forked worker on the other core
    while mkdocs goes on with the next. `finish` reads everything else: the search index,
    sitemap, theme files, QR codes and calendars, and any file whose size or time changed
    after the worker read it. The result is that of one scan of the finished folder, in
    file order; only the waiting is shorter.
    """

    def __init__(self, site: Path, published: frozenset[str] = frozenset(), ahead: bool = True,
                 allowed: frozenset[tuple[str, str]] = frozenset()):
        self.site, self.published, self.allowed = site, published, allowed
        self._worker = None
        self._early: tuple[list, dict[str, tuple[int, int]]] = ([], {})  # from read_late()
        ctx = fork_context() if ahead else None
        if ctx is not None:
            self._names = ctx.Queue()  # never blocks mkdocs: a thread feeds the pipe
            self._receive, send = ctx.Pipe(duplex=False)
            self._worker = ctx.Process(target=self._scan_as_written, args=(send,), name="site-scan")
            self._worker.start()
            send.close()
            self._batch: list[str] = []

    def written(self, name: str) -> None:
        """mkdocs has written site/`name`: the worker may read it now."""
        if self._worker is not None:
            self._batch.append(name)
            if len(self._batch) >= BATCH:  # one message per hundred pages: mkdocs is not interrupted for each
                self._names.put(self._batch)
                self._batch = []

    def read_late(self, files: list[tuple[str, Path]]) -> tuple[list, dict[str, tuple[int, int]]]:
        """Scan files made outside the site (forked.LateFiles), (site path, file), under their site names.

        Runs in the process that made them, beside mkdocs; `take` hands the result over once
        they are moved into the site (a rename keeps their size and time).
        """
        scanner, done = self._scanner(), {}
        for name, path in files:
            if _site_wanted(name):
                done[name] = _stamp(path)
                scanner.path(path, f"site/{name}")
        return scanner.report.problems, done

    def take(self, result: tuple[list, dict[str, tuple[int, int]]]) -> None:
        self._early = (self._early[0] + result[0], self._early[1] | result[1])

    def finish(self, report: Report) -> int:
        """Problems of the whole site into report, sorted by file; returns how many files were read."""
        problems, done = self._worker_result()
        problems, done = problems + self._early[0], done | self._early[1]
        names = [n for p in sorted(_walk(self.site)) if _site_wanted(n := p.relative_to(self.site).as_posix())]
        left = [n for n in names if n not in done or done[n] != _stamp(self.site / n)]
        kept = {f"site/{n}" for n in set(names) - set(left)}  # what the worker read is still there, unchanged
        found = [p for p in problems if p.file.split("!/")[0] in kept]
        results = split_map(self._scan_some, left)
        found += [p for part, _ in results for p in part]
        report.extend(Report(sorted(found, key=lambda p: (p.file, p.line, p.column, p.code))))
        return len(names) - len(left) + sum(files for _, files in results)

    def close(self) -> None:
        """Stop the worker without its result (the build failed before the scan)."""
        if self._worker is not None:
            self._names.cancel_join_thread()
            self._worker.kill()
            self._worker.join()
            self._worker = None

    def _worker_result(self) -> tuple[list, dict[str, tuple[int, int]]]:
        if self._worker is None:
            return [], {}
        self._names.put(self._batch)
        self._names.put(None)
        worker, self._worker = self._worker, None
        return received(worker, self._receive)

    def _scan_as_written(self, send) -> None:
        background()
        scanner, done = self._scanner(), {}
        for name in (name for batch in iter(self._names.get, None) for name in batch):
            path = self.site / name
            try:
                stamp = _stamp(path)  # taken before reading: a later change shows in finish()
            except OSError:
                continue  # not there (an empty page is not written): finish() decides
            scanner.path(path, f"site/{name}")
            done[name] = stamp
        send.send((scanner.report.problems, done))
        send.close()

    def _scan_some(self, names: list[str]) -> tuple[list, int]:
        scanner = self._scanner()
        for name in names:
            scanner.path(self.site / name, f"site/{name}")
        return scanner.report.problems, scanner.files

    def _scanner(self) -> scan.Scanner:
        return scan.Scanner(Report(), detectors=BLOCKING, published=self.published, data_images=False,
                            every_type=True, allowed=self.allowed)


def _stamp(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_size, st.st_mtime_ns


BATCH = 100


def _site_wanted(name: str) -> bool:
    # The theme's own scripts, styles and fonts are not ours; everything else is read,
    # our own scripts and styles included (they could carry data), except the name rules'
    # own word lists (surnames, famous people), which the build always writes from the code
    # (form_data.write_form_data from textrules.rule_data), whatever content/ holds at that path.
    return not name.startswith(("assets/javascripts/", "assets/stylesheets/", "assets/fonts/")) and name != PRIVACY_JSON


def _wanted(name: str) -> bool:
    folders = Path(name).parts[:-1]
    if name.startswith(SKIP_PREFIXES) or any(part in SKIP_DIRS or part.startswith(".build-") for part in folders):
        return False
    return name.startswith(("data/", "content/")) or Path(name).suffix.lower() in scan.SCANNED


def _walk(top: Path):
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".build-"))
        for f in files + [d for d in dirs if os.path.islink(os.path.join(folder, d))]:  # a symlinked folder is named, not entered
            yield Path(folder) / f
