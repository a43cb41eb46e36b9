"""The whole pipeline, top to bottom: load → validate → model → render → mkdocs → swap into site/.

Nothing is written to the source tree: the docs folder of a build is a copy of content/ plus
the generated pages, in a temporary folder beside site/. The new site replaces site/ only
when every stage succeeded, so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import yaml

from . import ROOT
from .lists import Lists
from .mkdocs_edge import MkdocsFailed, build_site
from .model import build_activity
from .problems import format_report
from .render import SiteInfo, write_pages
from .validate import activity_files, validate_activities


def build(today: dt.date, site_dir: Path, fmt: str = "text", root: Path = ROOT) -> int:
    started = time.perf_counter()
    report, checked = validate_activities(activity_files(root), root)  # load + validate
    if report.problems:
        print(format_report(report, fmt), file=sys.stderr)
    if report.errors:
        print("数据有错误，网站没有构建；原来的 site/ 保持不变。", file=sys.stderr)
        return 1
    lists = Lists(root / "data")
    activities = [build_activity(c.file, c.record, lists) for c in checked]  # model
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=site_dir.parent) as tmp:
        docs, new_site = Path(tmp) / "docs", Path(tmp) / "site"
        shutil.copytree(root / "content", docs)
        write_pages(activities, today, docs, lists, _site_info(root))  # render
        os.environ["SOURCE_DATE_EPOCH"] = _epoch(today)  # mkdocs dates the sitemap with it
        try:
            build_site(root / "mkdocs.yml", docs, new_site)
        except MkdocsFailed as exc:
            print(f"网站构建失败：{exc}\n原来的 site/ 保持不变。", file=sys.stderr)
            return 1
        _swap(new_site, site_dir, Path(tmp))
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"网站已构建到 {site_dir}：{len(activities)} 项活动，{pages} 个页面，用时 {time.perf_counter() - started:.1f} 秒（日期 {today}）。")
    return 0


def _site_info(root: Path) -> SiteInfo:
    info = yaml.safe_load((root / "data/site.yaml").read_text(encoding="utf-8"))
    return SiteInfo(repo_url=info["repo_url"].rstrip("/"), branch=info["branch"])


def _epoch(today: dt.date) -> str:
    return str(int(dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc).timestamp()))


def _swap(new_site: Path, site_dir: Path, tmp: Path) -> None:
    """Replace site_dir by new_site with two renames on the same file system."""
    if site_dir.exists():
        site_dir.rename(tmp / "old-site")
    new_site.rename(site_dir)
