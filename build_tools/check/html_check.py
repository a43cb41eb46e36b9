"""The output firewall: every built page parsed as a browser parses it, and anything the templates
did not make refused before the new site replaces the old one.

The first wall is where data leaves: text.literal in the Markdown, autoescape in the theme
(mkdocs_edge). This is the second: whatever road a value found, a page that carries an event
handler, a `javascript:`/`data:` address, a script that is not one of ours, a frame, an object, a
<base> or a form that posts somewhere, or loads anything from another host, fails the build.

Parser: selectolax's Lexbor, a C implementation of the WHATWG parsing algorithm, the one browsers
follow, so it sees the elements and attributes a browser would see (Python 3.11's html.parser ends
comments and raw text differently, which is how markup slips past a checker). A 25 KB activity
page takes 0.3 ms to parse and walk (html.parser 2.2 ms, html5lib 9 ms).
"""

from __future__ import annotations

import fnmatch
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..engine.forked import split_map
from ..report.problems import Report

#: Script files a page may load, as site paths (fnmatch patterns). Add the search UI's files here.
SCRIPT_FILES = (
    "assets/javascripts/bundle.*.min.js",  # the theme's bundle
    "assets/activities.js",  # the list filter, WeChat tips, poster printing
    "assets/record-form.js",  # the schools' web form (content/schools/form.md)
    "assets/privacy-rules.js",  # the privacy rules the web form runs (privacy-rules.json from the Python rules)
    "assets/search.js",  # the search box on Pagefind's API (it loads pagefind/pagefind.js only when opened)
)
#: Inline scripts are allowed when they are the body of a <script> in these templates (theme
#: folders, searched in order): overrides/ and the theme's own small scripts. A {{ … }} in a body
#: matches a value without quotes or brackets (the page's base path).
INLINE_SCRIPT_TEMPLATES = ("*.html", "partials/*.html", "partials/javascripts/*.html")
#: Inline scripts that hold data, not code: they must parse as JSON (JSON-LD, the theme's config).
DATA_SCRIPTS = {"application/ld+json", "application/json"}

# Frames and plugins embed other sites, <base> redirects every link, SVG animation can set an href to
# javascript:, <template shadowrootmode> renders, <noscript> parses differently with scripts off.
FORBIDDEN = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal", "fencedframe", "template",
             "noscript", "animate", "set", "animatemotion", "animatetransform"}
# Attributes whose value is an address the browser fetches while showing the page.
LOADING = {"src", "srcset", "poster", "data", "background", "lowsrc", "dynsrc", "codebase", "archive", "manifest",
           "icon", "xlink:href", "ping"}
SVG_LOADING = {"image", "use", "feimage", "script"}  # SVG elements whose href is fetched
LINK_SCHEMES = {"http", "https", "mailto", "tel", "webcal"}  # where a link may lead
_NAMED_SCHEMES = {"javascript", "vbscript", "data", "file", "blob", "filesystem", "ftp"}  # named in messages
LINK_RELS = {"canonical", "alternate", "prev", "next", "license", "author", "help", "search"}  # any other rel fetches
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_URL_JUNK = re.compile(r"[\x00-\x20\x7f]")  # browsers drop tabs and newlines in addresses, trim the rest
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)|@import\s+(['\"])(.*?)\3", re.I | re.S)
_CSS_ACTIVE = re.compile(r"expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)


@dataclass(frozen=True)
class Policy:
    """What this site's templates make: its own address and the inline scripts of its theme."""

    site_url: str = "/"
    inline: tuple[re.Pattern, ...] = ()

    @property
    def origin(self) -> str:
        parts = urlsplit(self.site_url)
        return f"{parts.scheme}://{parts.netloc}".lower() if parts.netloc else ""


def inline_scripts(theme_dirs: Iterable[Path]) -> tuple[re.Pattern, ...]:
    """The bodies of the plain <script> elements in the theme's templates, as patterns."""
    bodies: dict[str, re.Pattern] = {}
    for folder in theme_dirs:
        for pattern in INLINE_SCRIPT_TEMPLATES:
            for path in sorted(Path(folder).glob(pattern)):
                for body in re.findall(r"<script>(.*?)</script>", path.read_text(encoding="utf-8"), re.S):
                    body = re.sub(r"\{#.*?#\}", "", body).strip()
                    if "{%" not in body and body not in bodies:
                        parts = re.split(r"\{\{.*?\}\}", body)
                        bodies[body] = re.compile(r"[^\"'<>\\]*".join(map(re.escape, parts)))
    return tuple(bodies.values())


def check_site(site: Path, policy: Policy, report: Report) -> int:
    """Check every page of a built site into report (shared out over the cores); returns the pages checked.

    SVG files too (charts and QR codes carry names from the data): opened directly, an SVG runs
    its scripts with the site's origin.
    """
    pages = sorted(p.relative_to(site).as_posix() for pattern in ("*.html", "*.svg") for p in site.rglob(pattern))
    for part in split_map(lambda names: [f for n in names for f in check_file(site, n, policy)], pages):
        for code, name, line, what in part:
            report.add(code, f"site/{name}", line, what=what)
    return len(pages)


def check_file(site: Path, name: str, policy: Policy) -> list[tuple[str, str, int, str]]:
    """(code, page, line, what) for each thing on one page the templates did not make."""
    source = (site / name).read_text(encoding="utf-8", errors="replace")
    return [(code, name, _line(source, needle), what) for code, needle, what in check_html(source, name, policy)]


def check_html(source: str, name: str, policy: Policy) -> list[tuple[str, str, str]]:
    """(code, text to find the line by, what) for one page's HTML; `name` is its site path."""
    found: list[tuple[str, str, str]] = []
    tree = LexborHTMLParser(source)
    for node in tree.root.traverse(include_text=False) if tree.root is not None else ():
        tag, attrs = node.tag.lower(), node.attributes
        found += _element(tag, attrs, node, name, policy)
        for key, value in attrs.items():
            found += _attribute(tag, key.lower(), value or "", attrs, policy)
    return found


def _element(tag: str, attrs: dict, node, name: str, policy: Policy) -> list[tuple[str, str, str]]:
    if tag in FORBIDDEN:
        return [("site/element", f"<{tag}", f"<{tag}> 元素")]
    if tag == "meta" and "http-equiv" in {k.lower() for k in attrs}:
        return [("site/element", "http-equiv", "<meta http-equiv> 元素")]
    if tag == "script":
        return _script(attrs, node.text(deep=True) or "", name, policy)
    if tag == "style":
        return _css(node.text(deep=True) or "", policy, "<style")
    return []


def _attribute(tag: str, key: str, value: str, attrs: dict, policy: Policy) -> list[tuple[str, str, str]]:
    if key.startswith("on"):
        return [("site/event-handler", key, f"<{tag}> 的 {key} 属性")]
    if key == "srcdoc":
        return [("site/element", key, f"<{tag}> 的 {key} 属性")]
    if key in ("action", "formaction"):  # a form may go to this site's own pages (the search box, the list filter)
        if _loaded(value, "", policy):
            return [("site/element", key, f"<{tag}> 的 {key} 指向其他网站或不允许的网址")]
        return []
    if key == "style":
        return _css(value, policy, "style=")
    if key in LOADING and not (tag == "script" and key == "src"):  # a script's src: _script
        urls = [c.split()[0] for c in value.split(",") if c.strip()] if key == "srcset" else [value]
        return [p for url in urls for p in _loaded(url, f"<{tag}> 的 {key}", policy)]
    if key == "href":
        rels = set((attrs.get("rel") or "").lower().split())
        if (tag == "link" and not rels <= LINK_RELS) or tag in SVG_LOADING:
            return _loaded(value, f"<{tag}> 的 href", policy)
        scheme = _scheme(value)
        if scheme is not None and scheme not in LINK_SCHEMES:
            return [("site/url-scheme", value[:20], f"<{tag}> 链接到 {_shown(scheme)} 网址")]
    return []


def _scheme(url: str) -> str | None:
    m = _SCHEME.match(_URL_JUNK.sub("", url))
    return m.group(1).lower() if m else None


def _shown(scheme: str) -> str:
    return f"{scheme}:" if scheme in _NAMED_SCHEMES else "未知协议的"  # never echo what data wrote


def _loaded(url: str, what: str, policy: Policy) -> list[tuple[str, str, str]]:
    """A fetched address must be this site's: relative, or absolute on the site's own origin."""
    clean = _URL_JUNK.sub("", url)
    scheme = _scheme(clean)
    if scheme in ("http", "https"):
        parts = urlsplit(clean)
        if policy.origin and f"{parts.scheme}://{parts.netloc}".lower() == policy.origin:
            return []
        return [("site/other-host", url[:40], f"{what} 从其他网站加载")]
    if scheme is not None:
        return [("site/url-scheme", url[:20], f"{what} 使用 {_shown(scheme)} 网址")]
    if clean.startswith(("//", "\\\\", "/\\", "\\/")):
        return [("site/other-host", url[:40], f"{what} 从其他网站加载")]
    return []


def _css(css: str, policy: Policy, needle: str) -> list[tuple[str, str, str]]:
    found = [("site/script", needle, "样式里的脚本（expression、javascript: 或 behavior）")] if _CSS_ACTIVE.search(css) else []
    for m in _CSS_URL.finditer(css):
        found += _loaded(m.group(2) if m.group(2) is not None else m.group(4), "样式里的 url()", policy)
    return found


def _script(attrs: dict, body: str, name: str, policy: Policy) -> list[tuple[str, str, str]]:
    kind = (attrs.get("type") or "").strip().lower()
    src = attrs.get("src")
    if src is not None:
        problems = _loaded(src, "<script src>", policy)
        if problems:
            return problems
        path = _site_path(name, src, policy)
        if not any(fnmatch.fnmatchcase(path, pattern) for pattern in SCRIPT_FILES):
            return [("site/script", "<script", "<script src> 指向的不是本站的脚本文件")]
        return []
    if kind in DATA_SCRIPTS:
        try:
            json.loads(body)
            return []
        except ValueError:
            return [("site/script", "<script", f"<script type=\"{kind}\"> 里不是有效的 JSON")]
    if kind in ("", "text/javascript", "module") and any(p.fullmatch(body.strip()) for p in policy.inline):
        return []
    return [("site/script", "<script", "模板没有写的 <script>")]


def _site_path(page: str, src: str, policy: Policy) -> str:
    """The site path a script address on a page points at (relative to the page's folder, or absolute)."""
    path = urlsplit(src).path
    if path.startswith("/"):  # 404.html: absolute, under the site's own path
        base = urlsplit(policy.site_url).path or "/"
        return posixpath.normpath(path[len(base):] if path.startswith(base) else path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path))


def _line(source: str, needle: str) -> int:
    at = source.lower().find(needle.lower())
    return source.count("\n", 0, at) + 1 if at >= 0 else 1
