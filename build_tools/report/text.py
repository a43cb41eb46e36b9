"""Text helpers for generated Markdown: data is always rendered as literal text.

`literal` turns every ASCII punctuation character into a numeric character reference, so no
value from a record can become Markdown syntax, HTML, an attribute list or a link that the
template did not write. Letters, digits and Chinese text stay readable in the source.
"""

from __future__ import annotations

import datetime as dt
import string

import yaml
from markupsafe import Markup, escape

_PUNCT = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_WEEKDAYS = "一二三四五六日"


def literal(value) -> Markup:
    """Any value as inert Markdown text on one line."""
    text = " ".join(str(value).split())  # newlines and runs of spaces would start new blocks
    return Markup(text.translate(_PUNCT))


def html_text(value) -> Markup:
    """Any value as HTML text (element content or an attribute value): the one escape for HTML
    outside the Markdown, used by the templates' attributes and by the theme (mkdocs_edge)."""
    return Markup(escape(str(value)))


attr = html_text  # templates: href="{{ url|attr }}" (URLs are validated before)


def front_matter(value) -> Markup:
    """A value as a YAML double-quoted scalar that reads back exactly (front matter of a page).

    PyYAML's emitter escapes what its reader would refuse or fold (control characters, NEL,
    U+2028/2029, lone surrogates); a value mkdocs could not read back would leave the whole
    front matter in the page body as Markdown.
    """
    return Markup(yaml.safe_dump(str(value), default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n"))


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def cn_date_week(value: dt.date) -> str:
    return f"{cn_date(value)}（星期{_WEEKDAYS[value.weekday()]}）"
