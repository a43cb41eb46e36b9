"""The site's search index: Pagefind run on the built HTML, after the engine and before the scan.

Pagefind (PyPI `pagefind[extended]`: its extended binary segments Chinese) reads the finished
pages, so the search works whatever engine made them (mkdocs today, ProperDocs later). It
writes a chunked index into site/pagefind/: the browser fetches only the chunks and page
fragments a query needs (assets/search.js), nothing before the search is opened.

What a page gives the index is said in the pages themselves (data-pagefind-ignore, -weight,
-meta, -filter in the templates); here only the root: the theme's <article>, so that header,
navigation, help bar and footer stay out of every result without marking each of them.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .forked import die_with_parent

BUNDLE = "pagefind"  # site/pagefind/
TIMEOUT = 3600  # seconds; 20,000 activities take well under a minute
ROOT_SELECTOR = "article.md-content__inner"  # the page's own content in mkdocs-material (and Zensical)
# Pagefind also writes its ready-made search interfaces; our script uses its API only
# (assets/search.js), so they are not published.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class SearchIndexFailed(Exception):
    pass


def executable() -> Path:
    """The Pagefind binary that `make` installed with the pinned wheel (never downloaded at run time)."""
    try:
        from pagefind_bin_extended import get_executable
    except ImportError as exc:
        raise SearchIndexFailed("没有安装 Pagefind（pagefind-bin-extended），请运行 make 安装依赖") from exc
    return get_executable()


class _Indexing:
    pages = 0  # how many pages are searchable, once the index is written


@contextmanager
def indexing(site: Path) -> Iterator[_Indexing]:
    """Pagefind indexes the built site in place (site/pagefind/) while the block runs: the build
    moves its late files in meanwhile, none of them a page. On leaving, the index is finished and
    checked: a failure, or an index without pages (the theme's markup changed, say), stops the
    build, since a site whose search finds nothing is not published. If the block fails,
    Pagefind is stopped and its error does not hide the block's."""
    command = [str(executable()), "--site", str(site), "--output-subdir", BUNDLE,
               "--root-selector", ROOT_SELECTOR, "--force-language", "zh", "--silent"]
    done = _Indexing()
    with tempfile.TemporaryFile("w+") as log:
        try:
            proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, text=True,
                                    preexec_fn=die_with_parent)  # no Pagefind left running after a killed build
        except OSError as exc:
            raise SearchIndexFailed(f"无法运行 Pagefind 建立搜索索引（{type(exc).__name__}）") from exc
        try:
            yield done
            code = proc.wait(timeout=TIMEOUT)
        except BaseException as exc:
            proc.kill()
            proc.wait()
            if isinstance(exc, subprocess.TimeoutExpired):
                raise SearchIndexFailed(f"Pagefind 建立搜索索引超过 {TIMEOUT // 60} 分钟，已停止") from exc
            raise
        if code != 0:
            log.seek(0)
            raise SearchIndexFailed("Pagefind 建立搜索索引失败：" + " / ".join(log.read().strip().splitlines()[-3:]))
    done.pages = _tidy(site)


def _tidy(site: Path) -> int:
    """Remove what Pagefind writes but the site does not use; how many pages are searchable."""
    for name in UNUSED:
        (site / BUNDLE / name).unlink(missing_ok=True)
    shutil.rmtree(site / BUNDLE / "playground", ignore_errors=True)
    pages = searchable_pages(site)
    if pages == 0:
        raise SearchIndexFailed(f"搜索索引里没有页面（页面里找不到 {ROOT_SELECTOR}）")
    return pages


def searchable_pages(site: Path) -> int:
    """Pages in the site's Pagefind index (0 when there is none)."""
    try:
        entry = json.loads((site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    return sum(int(lang.get("page_count", 0)) for lang in entry.get("languages", {}).values())
