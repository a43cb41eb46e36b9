"""Restricted Markdown for descriptions: text, paragraphs, lists, emphasis and https links only.

Raw HTML, attribute lists ({: onclick=…}), images (a request to another host) and links that
are not https are refused: jinja2's autoescape cannot stop `[x](javascript:…)` in Markdown.
"""

from __future__ import annotations

import re

from ..report.problems import quote
from . import urls

_HTML = re.compile(r"<\s*[A-Za-z!/?]")
_ATTR = re.compile(r"\{[^}\n]*\}|\{:")
_IMAGE = re.compile(r"!\[")
_INLINE_LINK = re.compile(r"\]\(\s*<?([^)\s>]*)")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s|$)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^>\s]*)>")


def problems(text: str) -> list[tuple[str, int, int, dict]]:
    """(code, line offset within the text, column, params) for every rule the text breaks."""
    found = []
    for code, pattern in (("markdown/raw-html", _HTML), ("markdown/attr-list", _ATTR), ("markdown/image", _IMAGE)):
        for m in pattern.finditer(text):
            found.append((code, *_where(text, m.start()), {}))
    for pattern in (_INLINE_LINK, _REF_DEF, _AUTOLINK):
        for m in pattern.finditer(text):
            url = m.group(1)
            broken = urls.problem(url, scheme_code="markdown/link-scheme")
            if broken:
                found.append((broken[0], *_where(text, m.start(1)), {"value": quote(url), **broken[1]}))
    return found


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset)
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col
