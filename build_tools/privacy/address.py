"""House-level addresses (a warning): a home can be found from them.

…村…组…号 (or 屯/队/社 for the hamlet, as written in Guangxi and elsewhere), …号…室,
…栋/幢…单元, …单元…室, …号楼…室. A venue written to the road (陆城镇建设路) or a building
(村委会, 中心小学) is not flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit

_N = "[0-9一二三四五六七八九十百零〇]"
_ANY = r"[^\s，。,；;、：:]"  # within one clause
_HOUSE = re.compile(
    rf"村{_ANY}{{0,12}}?(?:组|屯|队|社){_ANY}{{0,8}}?{_N}+号"
    rf"|{_N}+号{_ANY}{{0,8}}?{_N}+室"
    rf"|{_N}+(?:栋|幢){_ANY}{{0,4}}?{_N}+单元"
    rf"|{_N}+单元{_ANY}{{0,4}}?{_N}+(?:室|号|户)"
    rf"|{_N}+号楼{_ANY}{{0,4}}?{_N}+(?:室|号|户)"
)


def find(text: str) -> Iterator[Hit]:
    """House-level addresses in a text."""
    if "号" not in text and "室" not in text and "单元" not in text:
        return
    for m in _HOUSE.finditer(text):
        yield Hit(m.start(), m.end(), "privacy/house-address")
