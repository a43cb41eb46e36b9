"""Every internal link and anchor in a built site resolves: a crawler over the site's files.

`mkdocs build --strict` checks the links written in Markdown; templates, the theme and raw
HTML in pages write links it never sees. This reads every HTML page (and sitemap.xml) as
published and checks that each href/src to this site names a file that exists and each
#fragment names an id (or <a name>) in the target page.

    .venv/bin/python -m tools.quality.links site http://127.0.0.1:8000/
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LINK_ATTRS = {
    "a": "href",
    "link": "href",
    "area": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
    "form": "action",
    "audio": "src",
    "video": "src",
}
SAME_SITE_SCHEMES = {"http", "https", "webcal"}  # webcal://host/feed.ics is the calendar feed itself


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # site path of the page that links
    link: str  # the link as written
    reason: str


class _Page(HTMLParser):
    """Collects the links and the ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        if values.get(LINK_ATTRS.get(tag, "")):
            self.links.append(values[LINK_ATTRS[tag]])
        if values.get("srcset"):
            self.links += [part.split()[0] for part in values["srcset"].split(",") if part.strip()]


@lru_cache(maxsize=None)
def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    page.close()
    return page


def check_site(site: Path, base_url: str) -> list[Broken]:
    """Every broken internal link of the site under `site`, published at base_url."""
    site, base = site.resolve(), base_url if base_url.endswith("/") else base_url + "/"
    _parse.cache_clear()
    broken: list[Broken] = []
    for html in sorted(site.rglob("*.html")):
        page_url = base + _site_path(site, html)
        parsed = _parse(html)
        for link in parsed.links:
            problem = _check(site, base, urljoin(page_url, parsed.base or ""), link)
            if problem:
                broken.append(Broken("/" + _site_path(site, html), link, problem))
    broken += _check_sitemap(site, base)
    return sorted(set(broken))


def _site_path(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return rel.removesuffix("index.html")


def _check(site: Path, base: str, page_url: str, link: str) -> str | None:
    """Why link (as written on the page at page_url) does not resolve, or None."""
    link = link.strip()
    if not link or link == "#":
        return None
    url = urljoin(page_url, link)
    parts, home = urlsplit(url), urlsplit(base)
    if parts.scheme not in SAME_SITE_SCHEMES or parts.netloc != home.netloc:
        return None  # mailto:, tel:, other hosts: not ours to check here
    if not parts.path.startswith(home.path):
        return "指向网站目录之外"
    target = _target_file(site, unquote(parts.path[len(home.path) :]))
    if target is None:
        return "目标文件不存在"
    if parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _parse(target).ids:
        return f"页面里没有锚点 #{unquote(parts.fragment)}"
    return None


def _target_file(site: Path, rel: str) -> Path | None:
    path = (site / rel).resolve()
    if site not in path.parents and path != site:
        return None
    if path.is_dir():
        path = path / "index.html"  # a static host serves a folder's index.html
    return path if path.is_file() else None


def _check_sitemap(site: Path, base: str) -> list[Broken]:
    sitemap = site / "sitemap.xml"
    if not sitemap.is_file():
        return []
    locs = re.findall(r"<loc>([^<]+)</loc>", sitemap.read_text(encoding="utf-8"))
    return [Broken("/sitemap.xml", loc, why) for loc in locs if (why := _check(site, base, base, loc))]


def main(argv: list[str]) -> int:
    broken = check_site(Path(argv[0]), argv[1])
    for b in broken:
        print(f"{b.page}: {b.link} —— {b.reason}")
    pages = sum(1 for _ in Path(argv[0]).rglob("*.html"))
    print(f"链接检查：{pages} 个页面，{len(broken)} 个失效的站内链接或锚点。")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
