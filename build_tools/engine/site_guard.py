"""Where a build may write: the swap replaces the site folder whole, so it must never be the
repository, a folder holding it, or one of its own folders (`build --site-dir .` once replaced
the whole checkout, .git included, and exited 0)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Always the repository's, whatever git says (git may be missing in a copied tree).
PROTECTED = {".git", ".github", ".ci", ".venv", "build_tools", "tests", "bench", "tools", "data", "content",
             "overrides", "mkdocs.yml"}


def unsafe_site_dir(site_dir: Path, root: Path) -> str | None:
    """Why site_dir may not be built into (in Chinese), or None when it may."""
    site, repo = Path(os.path.realpath(site_dir)), Path(os.path.realpath(root))
    if site == repo:
        return "网站文件夹不能是仓库本身"
    if repo.is_relative_to(site):
        return "网站文件夹不能是仓库所在的文件夹或它的上级"
    if site.is_relative_to(repo):
        top = site.relative_to(repo).parts[0]
        if top in PROTECTED | _tracked_tops(repo):
            return f"网站文件夹不能放在仓库的 {top} 里（那里是仓库自己的文件）"
    if site.exists() and not site.is_dir():
        return "网站文件夹的位置上已经有一个同名的文件"
    return None


def _tracked_tops(repo: Path) -> set[str]:
    """The top-level names of the files git tracks in the repository (none without git)."""
    try:
        out = subprocess.run(["git", "-C", str(repo), "ls-files", "-z"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return set()
    return {n.split("/", 1)[0] for n in out.decode("utf-8", "replace").split("\0") if n}
