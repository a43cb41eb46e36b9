"""Second engine: the same mkdocs.yml and generated pages built by mkdocs and by Zensical.

    .venv/bin/python bench/zensical.py                  # the repository's data
    .venv/bin/python bench/zensical.py --activities 1000  # synthetic activities (bench/synth.py)

mkdocs-material is in maintenance mode and MkDocs 1.6.1 is the last 1.x release; Zensical (by
the makers of Material for MkDocs) reads mkdocs.yml. This makes a virtual environment with
Zensical pinned (.bench-zensical/, git-ignored) once, generates the docs folder with our own
generators (--today 2026-11-22), then builds it with `mkdocs build --strict` and with
`zensical build`, with our theme overrides and without the ones Zensical cannot render, and
prints pages, size, search index and time side by side, and Zensical's first error lines.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

VENV = ROOT / ".bench-zensical"
PIN = "zensical==0.0.73"  # 0.1.x needs zensical-ui, which the package registry here does not have


def zensical() -> Path:
    exe = VENV / "bin/zensical"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin/pip"), "install", "--quiet", "--disable-pip-version-check", PIN], check=True)
    return exe


def project(tmp: Path, activities: int | None) -> Path:
    """A folder with mkdocs.yml, overrides/ and the generated docs/ (content/ plus our pages)."""
    from bench.step import docs
    from bench.synth import repo_with_activities

    if activities:
        root = repo_with_activities(activities, tmp / "repo")
    else:
        root = tmp / "repo"
        for name in ("data", "content", "overrides"):
            shutil.copytree(ROOT / name, root / name)
        shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    docs(root, root / "docs")
    text = (root / "mkdocs.yml").read_text(encoding="utf-8").replace("docs_dir: content", "docs_dir: docs")
    (root / "mkdocs.yml").write_text(text, encoding="utf-8")
    return root


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, str]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - started, proc.returncode, proc.stdout + proc.stderr


def summary(site: Path) -> tuple[int, float, int]:
    pages = sum(1 for _ in site.rglob("*.html")) if site.exists() else 0
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20 if site.exists() else 0.0
    index = next((p.stat().st_size for p in site.rglob("search*.json")), 0) if site.exists() else 0
    return pages, size, index


def errors(log: str) -> str:
    lines = [line for line in log.splitlines() if any(w in line.lower() for w in ("error", "panic", "failed", "undefined"))]
    return "\n".join("    " + line[:200] for line in lines[:5])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--activities", type=int, default=None)
    args = ap.parse_args()
    exe = zensical()
    with tempfile.TemporaryDirectory(prefix="bench-zensical-") as tmp:
        root = project(Path(tmp), args.activities)
        runs = [("mkdocs build --strict", [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", "site-mkdocs"],
                 "site-mkdocs")]
        runs.append(("zensical build (our overrides)", [str(exe), "build", "--clean"], "site"))
        print("engine | exit | seconds | HTML pages | site MB | search index KB")
        print("--- | --- | --- | --- | --- | ---")
        for name, cmd, out in runs:
            seconds, code, log = timed(cmd, root)
            pages, size, index = summary(root / out)
            print(f"{name} | {code} | {seconds:.1f} | {pages} | {size:.1f} | {index / 1024:.0f}", flush=True)
            if code:
                print(errors(log) or log[-600:])
                shutil.rmtree(root / out, ignore_errors=True)
        # What it would take: the two theme partials we copy from material 9.8.1 use its
        # Jinja-only translation macro; without them the rest of our overrides are tried.
        for partial in ("toc.html", "search.html"):
            (root / "overrides/partials" / partial).unlink(missing_ok=True)
        seconds, code, log = timed([str(exe), "build", "--clean"], root)
        pages, size, index = summary(root / "site")
        print(f"zensical build (without partials/toc.html, search.html) | {code} | {seconds:.1f} | {pages} | {size:.1f} | {index / 1024:.0f}")
        if code:
            print(errors(log) or log[-600:])


if __name__ == "__main__":
    main()
