"""House-level addresses (blocking): a home can be found from them.

…村…组…号 (or 屯/队/社 for the hamlet, as written in Guangxi and elsewhere; …屯11号 alone), …号…室,
…栋/幢/座…单元/室, …单元…室, …号楼…室. A venue written to the road (陆城镇建设路12号) or a
building (村委会, 中心小学) is not flagged. The pattern is shared with the web form
(textrules.py), so it keeps to the regex subset both read alike (see names.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit

CODE = "privacy/house-address"
_N = "[0-9一二三四五六七八九十百零〇]"
_ANY = "[^ \t\r\n\u3000，。,；;、：:]"  # within one clause
PATTERN = (
    rf"(?=[村屯0-9一二三四五六七八九十百零〇])(?:村{_ANY}{{0,12}}?(?:组|屯|队|社){_ANY}{{0,8}}?{_N}+号"
    rf"|屯{_N}+号"
    rf"|{_N}+号{_ANY}{{0,8}}?{_N}+室"
    rf"|{_N}+(?:栋|幢|座){_ANY}{{0,4}}?{_N}+(?:单元|室|户)"
    rf"|{_N}+单元{_ANY}{{0,4}}?{_N}+(?:室|号|户)"
    rf"|{_N}+号楼{_ANY}{{0,4}}?{_N}+(?:室|号|户))"  # the lookahead first: Python's re tries the pattern at every position
)
_HOUSE = re.compile(PATTERN)


def find(text: str) -> Iterator[Hit]:
    """House-level addresses in a text."""
    if "号" not in text and "室" not in text and "单元" not in text and "户" not in text:
        return
    for m in _HOUSE.finditer(text):
        yield Hit(m.start(), m.end(), CODE)
