"""Page weight as Chromium measures it: every request a page makes and the bytes transferred.

    .venv/bin/python -m tests.page_weight site /activities/ /activities/2027-07-10-yunxi-summer-camp/

Loads each page at phone size (390×844) from a local static server, scrolls to the bottom so
lazy images load too, and sums Chromium's own count of bytes received (CDP
Network.loadingFinished encodedDataLength: headers plus body as sent). The test server does
not compress; "gzip" is what the same files weigh gzipped (level 6), as a static host that
compresses text would send them.
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .browser import chromium, serve


@dataclass(frozen=True)
class Weight:
    path: str
    requests: int
    transferred: int  # bytes on the wire from the uncompressed test server
    gzipped: int  # bytes if every file were sent gzipped (headers not counted)
    urls: tuple[str, ...]


def _file(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def measure(browser, base: str, site: Path, path: str) -> Weight:
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
    page.close()
    done = [urls[r] for r in sizes if r in urls]
    zipped = sum(len(gzip.compress(_file(site, u).read_bytes(), 6)) for u in done if _file(site, u).is_file())
    return Weight(path, len(done), sum(sizes.values()), zipped, tuple(sorted(done)))


def main(argv: list[str]) -> int:
    site, paths = Path(argv[0]), argv[1:]
    with serve(site) as base, chromium() as browser:
        for path in paths:
            w = measure(browser, base, site, path)
            kb, gz = w.transferred / 1024, w.gzipped / 1024
            print(f"{w.path}: {w.requests} 个请求，传输 {kb:.1f} KB（未压缩），gzip 后约 {gz:.1f} KB")
            for u in w.urls:
                print("   ", u.removeprefix(base))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
