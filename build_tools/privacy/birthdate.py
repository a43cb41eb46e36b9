"""Birth dates (a warning): a date written next to 出生, 生日 or 生于.

With a name or a school, a birth date picks out one child; the portal describes children by
age group or grade only. Dates alone (activity dates, deadlines) are not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit

_DATE = r"(?:19|20)[0-9]{2}(?:\s*[年./-]\s*[0-9]{1,2}(?:\s*[月./-]\s*[0-9]{1,2}\s*日?)?|[01][0-9][0-3][0-9])"
_BIRTH = re.compile(
    rf"(?:出生日期|出生年月日?|出生于|生于|生日|出生)\s*[：:是为在]?\s*{_DATE}"  # 出生日期：2015年3月12日
    rf"|{_DATE}\s*(?:出生|生人)"  # 2015年3月12日出生
)


def find(text: str) -> Iterator[Hit]:
    """Birth dates in a text."""
    if "生" not in text:
        return
    for m in _BIRTH.finditer(text):
        yield Hit(m.start(), m.end(), "privacy/birth-date")
