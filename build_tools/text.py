"""Text helpers for generated Markdown: data is always rendered as literal text.

`literal` turns every ASCII punctuation character into a numeric character reference, so no
value from a record can become Markdown syntax, HTML, an attribute list or a link that the
template did not write. Letters, digits and Chinese text stay readable in the source.
"""

from __future__ import annotations

import datetime as dt
import string

from markupsafe import Markup, escape

_PUNCT = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
_WEEKDAYS = "一二三四五六日"


def literal(value) -> Markup:
    """Any value as inert Markdown text on one line."""
    text = " ".join(str(value).split())  # newlines and runs of spaces would start new blocks
    return Markup(text.translate(_PUNCT))


def attr(value) -> Markup:
    """A value for an HTML attribute written by a template (URLs are validated before)."""
    return Markup(escape(str(value)))


def cn_date(value: dt.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def cn_date_week(value: dt.date) -> str:
    return f"{cn_date(value)}（星期{_WEEKDAYS[value.weekday()]}）"


def when(activity) -> str:
    """The activity's date range in Chinese, with times for timed events."""
    start, end = activity.start, activity.end
    if activity.all_day:
        if start == end:
            return cn_date_week(start)
        return f"{cn_date_week(start)} 至 {cn_date_week(end)}"
    if start.date() == end.date():
        return f"{cn_date_week(start.date())} {start:%H:%M}–{end:%H:%M}"
    return f"{cn_date_week(start.date())} {start:%H:%M} 至 {cn_date_week(end.date())} {end:%H:%M}"
