"""The whole pipeline, top to bottom: load → validate → model → render/export → mkdocs → swap.

Nothing is written to the source tree: the docs folder of a build is a copy of content/ plus
the generated pages, in a temporary folder beside site/. The new site replaces site/ only
when every stage succeeded, so a failed build leaves the previous site untouched.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from . import ROOT
from .check import html_check
from .engine import janitor
from .engine.forked import WorkerFailed, stop_helpers
from .engine.mkdocs_edge import EngineUnknown, MkdocsFailed, build_site, engine
from .engine.search_index import SearchIndexFailed, indexing
from .engine.site_guard import unsafe_site_dir
from .exports import csp
from .generate import generate
from .model.dataset import Checked, Dataset
from .pages.footer import footer_values
from .privacy import consent
from .privacy.files import SiteScan
from .report.problems import Report, format_report
from .validate import validate_all


def build(today: dt.date, site_dir: Path, fmt: str = "text", root: Path = ROOT, keep_docs: Path | None = None) -> int:
    """The pipeline into site_dir: 0 built; 1 problems (printed; site_dir untouched); 2 a site
    folder that must not be written (site_guard). keep_docs: where the docs folder the site was
    built from is kept (the preview renders changed pages from it, schools/preview.py); else it goes."""
    started = time.perf_counter()
    if why := unsafe_site_dir(site_dir, root):
        print(f"用法错误：{why}：{site_dir}。什么都没有改动。请用 --site-dir 指定别的文件夹（默认是仓库里的 site）。", file=sys.stderr)
        return 2
    try:
        engine()  # ProperDocs, or MkDocs when PORTAL_ENGINE=mkdocs undoes the swap
    except EngineUnknown as exc:
        print(f"用法错误：{exc}。什么都没有改动。", file=sys.stderr)
        return 2
    report, dataset = validate_all(root)  # load + validate
    if not _passed(report, fmt, "数据有错误，网站没有构建"):
        return 1
    site_dir = site_dir.resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        janitor.remove_stale(site_dir.parent)
        tmp = Path(tempfile.mkdtemp(prefix=janitor.folder_name(), dir=site_dir.parent))
    except OSError as exc:
        print(f"网站构建失败：无法在 {site_dir.parent} 里建立临时文件夹（{_reason(exc)}）。原来的 site/ 保持不变。", file=sys.stderr)
        return 1
    guard = janitor.guard(tmp)  # removes tmp should this process be killed
    try:
        built = _build_in(tmp, dataset, today, site_dir, fmt, root)
        if built is not None and keep_docs is not None:
            shutil.rmtree(keep_docs, ignore_errors=True)
            keep_docs.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(tmp / "docs", keep_docs)
    finally:
        stop_helpers()  # none left after a build that ran through; after an interruption, before their folder goes
        shutil.rmtree(tmp, ignore_errors=True)
        janitor.release(guard)
    if built is None:
        return 1
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"网站已构建到 {site_dir}：{built} 项活动，{pages} 个页面，"
          f"用时 {time.perf_counter() - started:.1f} 秒（日期 {today}）。")
    return 0


def _build_in(tmp: Path, dataset: Dataset, today: dt.date, site_dir: Path, fmt: str, root: Path) -> int | None:
    """generate → mkdocs → check → swap, in the temporary folder tmp; the number of activities, or
    None when a stage failed (its problems printed)."""
    docs, new_site = tmp / "docs", tmp / "site"
    shutil.copytree(root / "content", docs, symlinks=True)  # validation refused any symlink; never follow one
    numbers = published_numbers(dataset)  # read from the records, before generate lets them go
    ctx = generate(dataset, today, docs, keep_late=True, release=True)  # model + render + export
    late = tmp / "late"
    # The privacy scan of the new site reads each page as mkdocs writes it, and the QR
    # codes and calendars where they are made: both on the other core while mkdocs runs.
    scan = SiteScan(new_site, numbers, allowed=dataset.privacy_allowed)
    ctx.late.start(late, then=scan.read_late)
    os.environ["SOURCE_DATE_EPOCH"] = _epoch(today)  # mkdocs dates the sitemap with it
    try:
        theme = build_site(root / "mkdocs.yml", docs, new_site, late=ctx.late.paths, written=scan.written,
                           theme_values=footer_values(ctx.site, today))
        with indexing(new_site):  # search: Pagefind reads the finished pages; the scan then reads its index too
            scan.take(ctx.late.wait())
            ctx.late.move_into(late, new_site)
        checked = Report()
        html_check.check_site(new_site, html_check.Policy(ctx.site.site_url, html_check.inline_scripts(theme)), checked)
        scan.finish(checked)
    except MkdocsFailed as exc:
        _passed(exc.report, fmt, "网站构建失败")
        return None
    except (WorkerFailed, SearchIndexFailed) as exc:
        print(f"网站构建失败：{exc}\n原来的 site/ 保持不变。", file=sys.stderr)
        return None
    finally:
        ctx.late.wait_quietly()  # never leave a process writing into a folder being removed
        scan.close()
    if not _passed(checked, fmt, "构建出的网站没有通过检查"):
        return None
    csp.write_snippet(new_site)  # the web server's Content-Security-Policy, from the checked pages
    if why := _swap(new_site, site_dir, tmp):
        print(f"网站构建失败：{why}。原来的 site/ 保持不变。", file=sys.stderr)
        return None
    return len(ctx.activities) + len(ctx.archived)


def published_numbers(dataset: Dataset) -> frozenset[str]:
    """The mobile numbers the data publishes with consent: the built site may show them.

    The privacy scan of the built site (SiteScan) reads every page, the search index,
    sitemap, feeds, calendars and downloads as published; anything else blocking stops
    the build before the new site is swapped in.
    """
    # Every kind of record the dataset holds (activities, centres…), whatever is added later.
    docs = [c.doc for group in vars(dataset).values() if isinstance(group, list) for c in group if isinstance(c, Checked)]
    return consent.published_numbers(docs)


def _passed(report: Report, fmt: str, failure: str) -> bool:
    if report.problems:
        print(format_report(report, fmt), file=sys.stderr)
    if report.errors:
        print(f"{failure}；原来的 site/ 保持不变。", file=sys.stderr)
        return False
    return True


def _epoch(today: dt.date) -> str:
    return str(int(dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc).timestamp()))


def _swap(new_site: Path, site_dir: Path, tmp: Path) -> str | None:
    """Replace site_dir by new_site with two renames on the same file system; why it could
    not be done (site_dir as it was), or None."""
    old = tmp / "old-site"
    try:
        if site_dir.exists():
            site_dir.rename(old)
    except OSError as exc:
        return f"原来的网站文件夹 {site_dir} 无法移走（{_reason(exc)}）"
    try:
        new_site.rename(site_dir)
    except OSError as exc:
        if old.exists():
            old.rename(site_dir)  # the previous site back in its place
        return f"新网站无法放到 {site_dir}（{_reason(exc)}）"
    return None


def _reason(exc: OSError) -> str:
    """An OS error in Chinese words where it is a common one."""
    return _REASONS.get(exc.errno, exc.strerror or type(exc).__name__)


_REASONS = {errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间不足", errno.EROFS: "文件系统只读",
            errno.ENOTDIR: "路径上有一个同名的文件", errno.EEXIST: "已经存在", errno.EBUSY: "文件夹正在被使用"}
