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

from ..model.activity import day_times

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


def when(activity) -> str:
    """The activity's date range in Chinese, with times for timed events."""
    start, end = activity.start, activity.end
    rule, times = activity.recurrence, day_times(activity)
    hours = f" {times[0]:%H:%M}–{times[1]:%H:%M}" if times else ""
    if rule is not None:
        skipped = f"（{'、'.join(cn_date(d) for d in rule.skipped)}不举行）" if rule.skipped else ""
        return f"每周{rule.weekday[-1]}{hours}，{cn_date(start)}至{cn_date(end)}{skipped}"
    if activity.all_day:
        if start == end and hours:
            return cn_date_week(start) + hours
        if start == end:
            return cn_date_week(start)
        return f"{cn_date_week(start)} 至 {cn_date_week(end)}"
    if start.date() == end.date():
        return f"{cn_date_week(start.date())} {start:%H:%M}–{end:%H:%M}"
    return f"{cn_date_week(start.date())} {start:%H:%M} 至 {cn_date_week(end.date())} {end:%H:%M}"
