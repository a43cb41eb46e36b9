"""Which files a scan reads: the repository's own files, named paths, or a built site."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from .. import ROOT
from ..forked import split_map
from ..problems import Report
from ..sources import rel
from . import scan

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
    return [root / n for n in names if _wanted(n) and (root / n).is_file()]


def expand(paths: list[Path]) -> list[Path]:
    """Named files as they are; named folders walked (skipping SKIP_DIRS). Types are sorted out by the scan."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(_walk(p)) if p.is_dir() else [p])
    return out


def scan_paths(paths: list[Path], report: Report, **options) -> scan.Scanner:
    """Scan files on disk; problems name them relative to the repository."""
    scanner = scan.Scanner(report, **options)
    for path in paths:
        scanner.path(path, rel(path))
    return scanner


def scan_site(site: Path, report: Report, published: frozenset[str] = frozenset()) -> int:
    """Scan a built site: the blocking rules only (names and addresses were shown at validation).

    Mobile numbers the data publishes with consent may appear on its pages, feeds and downloads.
    The files are shared out over the cores (a 5,000-activity site has 20,000 files); returns
    how many were read.
    """
    names = [n for p in sorted(_walk(site)) if _site_wanted(n := p.relative_to(site).as_posix())]

    def scan_some(part: list[str]) -> tuple[list, int]:
        scanner = scan.Scanner(Report(), detectors=scan.BLOCKING, published=published, data_images=False,
                               every_type=True)
        for name in part:
            scanner.path(site / name, f"site/{name}")
        return scanner.report.problems, scanner.files

    results = split_map(scan_some, names)
    found = [p for problems, _ in results for p in problems]
    report.extend(Report(sorted(found, key=lambda p: (p.file, p.line, p.column, p.code))))  # file order, as one scan
    return sum(files for _, files in results)


def _site_wanted(name: str) -> bool:
    # The theme's own scripts, styles and fonts are not ours; everything else is read,
    # our own scripts and styles included (they could carry data).
    return not name.startswith(("assets/javascripts/", "assets/stylesheets/", "assets/fonts/"))


def _wanted(name: str) -> bool:
    folders = Path(name).parts[:-1]
    if name.startswith(SKIP_PREFIXES) or any(part in SKIP_DIRS or part.startswith(".build-") for part in folders):
        return False
    return name.startswith("data/") or Path(name).suffix.lower() in scan.SCANNED


def _walk(top: Path):
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".build-"))
        for f in files:
            yield Path(folder) / f
