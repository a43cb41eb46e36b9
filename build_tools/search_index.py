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
from pathlib import Path

BUNDLE = "pagefind"  # site/pagefind/
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


def index_site(site: Path) -> int:
    """Index the built site in place (site/pagefind/); returns how many pages are searchable.

    A failure, or an index without pages (the theme's markup changed, say), stops the build:
    a site whose search finds nothing is not published.
    """
    command = [str(executable()), "--site", str(site), "--output-subdir", BUNDLE,
               "--root-selector", ROOT_SELECTOR, "--force-language", "zh", "--silent"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SearchIndexFailed(f"无法运行 Pagefind 建立搜索索引（{type(exc).__name__}）") from exc
    if done.returncode != 0:
        last = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise SearchIndexFailed("Pagefind 建立搜索索引失败：" + " / ".join(last))
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
