"""The whole pipeline, top to bottom: load → validate → model → render/export → mkdocs → swap.

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

from . import ROOT
from .generate import generate
from .forked import WorkerFailed
from .mkdocs_edge import MkdocsFailed, build_site
from .problems import Report, format_report
from .privacy import phone
from .privacy.files import SiteScan
from .search_index import SearchIndexFailed, indexing
from .validate import Checked, Dataset, validate_all


def build(today: dt.date, site_dir: Path, fmt: str = "text", root: Path = ROOT) -> int:
    started = time.perf_counter()
    report, dataset = validate_all(root)  # load + validate
    if not _passed(report, fmt, "数据有错误，网站没有构建"):
        return 1
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".build-", dir=site_dir.parent) as tmp:
        docs, new_site = Path(tmp) / "docs", Path(tmp) / "site"
        shutil.copytree(root / "content", docs)
        ctx = generate(dataset, today, docs, keep_late=True)  # model + render + export
        late = Path(tmp) / "late"
        # The privacy scan of the new site reads each page as mkdocs writes it, and the QR
        # codes and calendars where they are made: both on the other core while mkdocs runs.
        scan = SiteScan(new_site, published_numbers(dataset))
        ctx.late.start(late, then=scan.read_late)
        os.environ["SOURCE_DATE_EPOCH"] = _epoch(today)  # mkdocs dates the sitemap with it
        try:
            build_site(root / "mkdocs.yml", docs, new_site, late=ctx.late.paths, written=scan.written)
            with indexing(new_site):  # search: Pagefind reads the finished pages; the scan then reads its index too
                scan.take(ctx.late.wait())
                ctx.late.move_into(late, new_site)
            checked = Report()
            scan.finish(checked)
        except (MkdocsFailed, WorkerFailed, SearchIndexFailed) as exc:
            print(f"网站构建失败：{exc}\n原来的 site/ 保持不变。", file=sys.stderr)
            return 1
        finally:
            ctx.late.wait_quietly()  # never leave a process writing into a folder being removed
            scan.close()
        if not _passed(checked, fmt, "构建出的网站没有通过检查"):
            return 1
        _swap(new_site, site_dir, Path(tmp))
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"网站已构建到 {site_dir}：{len(ctx.activities)} 项活动，{pages} 个页面，"
          f"用时 {time.perf_counter() - started:.1f} 秒（日期 {today}）。")
    return 0


def published_numbers(dataset: Dataset) -> frozenset[str]:
    """The mobile numbers the data publishes with consent: the built site may show them.

    The privacy scan of the built site (SiteScan) reads every page, the search index,
    sitemap, feeds, calendars and downloads as published; anything else blocking stops
    the build before the new site is swapped in.
    """
    # Every kind of record the dataset holds (activities, centres…), whatever is added later.
    docs = [c.doc for group in vars(dataset).values() if isinstance(group, list) for c in group if isinstance(c, Checked)]
    return phone.published_numbers(docs)


def _passed(report: Report, fmt: str, failure: str) -> bool:
    if report.problems:
        print(format_report(report, fmt), file=sys.stderr)
    if report.errors:
        print(f"{failure}；原来的 site/ 保持不变。", file=sys.stderr)
        return False
    return True


def _epoch(today: dt.date) -> str:
    return str(int(dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc).timestamp()))


def _swap(new_site: Path, site_dir: Path, tmp: Path) -> None:
    """Replace site_dir by new_site with two renames on the same file system."""
    if site_dir.exists():
        site_dir.rename(tmp / "old-site")
    new_site.rename(site_dir)
