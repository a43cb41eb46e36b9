"""The site's Content-Security-Policy, worked out from the built pages, for the web server.

The theme writes small inline scripts into every page (Material's `__md_scope` set-up, whose text
carries the page's base path, so there is one per folder depth; our overrides' two). Rather than
`'unsafe-inline'`, the policy allows exactly those by their SHA-256 (CSP3 hash sources), and the
`style="text-align: …"` attributes Markdown's tables write by `'unsafe-hashes'` and theirs. The
build runs this after the HTML check (check/html_check.py), which has refused any script that is
not the theme's or ours, so every inline script found here is one of them. Pagefind, the search,
compiles WebAssembly: `'wasm-unsafe-eval'` (it allows no JavaScript eval).

The policy is written as an nginx snippet into the site (SNIPPET), so it travels with each release;
deploy/nginx/portal.conf includes it and refuses to serve it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from pathlib import Path

SNIPPET = ".nginx/csp.conf"  # inside the site; nginx serves no dot-folder
# After the HTML check every page is well-formed theme output: a regular expression finds its
# inline scripts (script text is raw in HTML: the browser hashes exactly these characters).
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>\s[^>]*)?>(?P<body>.*?)</script>", re.S)
_JS_TYPES = re.compile(r'\stype="(?:text/javascript|module)"|^(?![\s\S]*\stype=)')
_STYLE_ATTR = re.compile(r'\sstyle="(text-align: (?:left|right|center);)"')  # Markdown tables' alignment only

FIXED = {
    "default-src": "'none'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",  # the theme's icons are data: SVGs in its stylesheet
    "font-src": "'self'",
    "connect-src": "'self'",  # filter.json, Pagefind's index, the form's data
    "worker-src": "'self'",  # Pagefind searches in a worker (pagefind-worker.js)
    "manifest-src": "'self'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "object-src": "'none'",
}


def sha256(text: str) -> str:
    """A CSP hash source for a script's or an attribute's text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def inline_sources(site: Path) -> tuple[set[str], set[str]]:
    """The hash sources of every inline script and table-alignment style in the site's pages."""
    scripts, styles = set(), set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for m in _INLINE_SCRIPT.finditer(text):
            if _JS_TYPES.search(m.group("attrs") or "") and "src=" not in (m.group("attrs") or ""):
                scripts.add(sha256(m.group("body")))
        styles.update(sha256(html.unescape(v)) for v in _STYLE_ATTR.findall(text))
    return scripts, styles


def policy(scripts: set[str], styles: set[str]) -> str:
    """The header's value: only this site, plus the given inline scripts and style attributes."""
    parts = dict(FIXED)
    if scripts:
        parts["script-src"] += " " + " ".join(sorted(scripts))
    if styles:
        parts["style-src"] += " 'unsafe-hashes' " + " ".join(sorted(styles))
    return "; ".join(f"{k} {v}" for k, v in parts.items())


def write_snippet(site: Path) -> str:
    """Write the nginx snippet with the site's policy into site/.nginx/; returns the policy."""
    value = policy(*inline_sources(site))
    out = site / SNIPPET
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        "# Written by the build (build_tools/exports/csp.py) from this site's pages; included by\n"
        "# deploy/nginx/portal.conf. Do not edit: the next build rewrites it.\n"
        f'add_header Content-Security-Policy "{value}" always;\n',
        encoding="utf-8",
    )
    return value
