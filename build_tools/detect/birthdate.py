"""Birth dates (blocking): a date written next to 出生, 生日 or 生于.

With a name or a school, a birth date picks out one child; the portal describes children by
age group or grade only. Dates alone (activity dates, deadlines) are not flagged. Years in
digits or in Chinese numerals (二〇一五年), months and days either way; after a label
(出生日期：, 生日) a month and day without a year too. The pattern is shared with the web
form (textrules.py), so it keeps to the regex subset both read alike (see names.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit

CODE = "privacy/birth-date"
_CN = "〇零一二三四五六七八九十"
_YEAR = rf"(?:(?:19|20)[0-9]{{2}}|[一二][{_CN}]{{3}})"
_MONTH_DAY = rf"(?:[0-9]{{1,2}}|[{_CN}]{{1,3}})"
_S = "[ \u3000]*"
_DATE = (rf"(?:{_YEAR}{_S}[年./-]{_S}{_MONTH_DAY}{_S}(?:[月./-]{_S}{_MONTH_DAY}{_S}[日号]?|月)?|{_YEAR}{_S}年"
         rf"|(?:19|20)[0-9]{{2}}[01][0-9][0-3][0-9])")
_LABEL = "出生日期|出生年月日?|出生时间|出生于|生日|生于|出生"
PATTERN = (  # the lookahead first: Python's re tries the pattern at every position
    rf"(?=[出生12一二])(?:(?:{_LABEL}){_S}(?:[：:为在]|是在?)?{_S}(?:{_DATE}|{_MONTH_DAY}{_S}月{_S}{_MONTH_DAY}{_S}[日号])"  # 出生日期：2015年3月12日
    rf"|{_DATE}{_S}(?:出生(?!人口|率|数|人数|缺陷|比)|生人|生(?![\u4e00-\u9fff])))"  # 2015年3月12日出生, 2015.3.4生
)
_BIRTH = re.compile(PATTERN)


def find(text: str) -> Iterator[Hit]:
    """Birth dates in a text."""
    if "生" not in text:
        return
    for m in _BIRTH.finditer(text):
        yield Hit(m.start(), m.end(), CODE)
