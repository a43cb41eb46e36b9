"""Page weight as Chromium measures it: every request a page makes and the bytes transferred.

    .venv/bin/python -m tests.page_weight site                      # one page of each kind
    .venv/bin/python -m tests.page_weight site /activities/ /help/  # these pages

Loads each page at phone size (390×844) with the cache off from a local server that gzips
text like the real host (tools/quality/gzip_server.py), scrolls to the bottom so lazy images
load too, and sums Chromium's own count of bytes received (CDP Network.loadingFinished
encodedDataLength: headers plus body, as sent). Budget (issue 7): 150 KB per page on first
load, the search apart — assets/search.js fetches Pagefind (pagefind/…), the synonym table
(search/…) and its stylesheet only when the search is opened, so a first load fetches none.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tests.browser import chromium
from tools.quality.gzip_server import serve
from tools.quality.pages import representative

BUDGET = 150 * 1024
# What the search fetches once it is opened (Pagefind's bundle and index, the synonym table, its style).
SEARCH_FILES = ("/pagefind/", "/search/synonyms.json", "/assets/search.css")


@dataclass(frozen=True)
class Weight:
    path: str
    requests: int
    transferred: int  # bytes on the wire, compressed as the server sent them; the search's files excluded
    search_index: int  # bytes of the search's files on the wire (0: not loaded)
    raw: int  # the same files' size as stored (uncompressed)
    urls: tuple[str, ...]

    @property
    def within_budget(self) -> bool:
        return self.transferred <= BUDGET


def _file(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def measure(browser, base: str, site: Path, path: str, on_loaded=None) -> Weight:
    """Weight of one first load of base + path; site is the folder base serves.

    on_loaded(page), if given, runs on the loaded page before it closes (make check-site runs
    axe there, so that each page is loaded once).
    """
    page = browser.new_page(viewport={"width": 390, "height": 844})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}
    cdp.on("Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    page.goto(base + path, wait_until="networkidle")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    if on_loaded:
        on_loaded(page)
    page.close()
    done = {urls[r]: size for r, size in sizes.items() if r in urls}
    index = sum(size for u, size in done.items() if is_search_file(u))
    raw = sum(_file(site, u).stat().st_size for u in done if _file(site, u).is_file())
    return Weight(path, len(done), sum(done.values()) - index, index, raw, tuple(sorted(done)))


def is_search_file(url: str) -> bool:
    """One of the files the search fetches only once it is opened."""
    return any(f in urlsplit(url).path for f in SEARCH_FILES)


def measure_site(site: Path, paths: list[str] | None = None) -> list[Weight]:
    """Weights of paths (default: one page of each kind, tools/quality/pages.py) served gzipped."""
    paths = paths or ["/" + p for p in representative(site)]
    with serve(site) as base, chromium() as browser:
        return [measure(browser, base, site, p) for p in paths]


def table(weights: list[Weight]) -> str:
    """A Markdown table of the weights, heaviest first."""
    rows = ["| 页面 | 请求数 | 传输（压缩后） | 原始大小 | 搜索索引 |", "| --- | ---: | ---: | ---: | ---: |"]
    for w in sorted(weights, key=lambda w: -w.transferred):
        mark = "" if w.within_budget else " ⚠ 超过 150 KB"
        rows.append(
            f"| {w.path} | {w.requests} | {w.transferred / 1024:.1f} KB{mark} | {w.raw / 1024:.0f} KB | "
            f"{w.search_index / 1024:.1f} KB |"
        )
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    weights = measure_site(Path(argv[0]), argv[1:])
    print(table(weights))
    over = [w.path for w in weights if not w.within_budget]
    print(
        f"{len(weights)} 个页面，{len(over)} 个超过首次加载 150 KB 的预算" + (f"：{'、'.join(over)}" if over else "。")
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
