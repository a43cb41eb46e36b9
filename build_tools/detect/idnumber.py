"""Resident ID numbers (居民身份证号码, GB 11643-1999).

18 characters: 6-digit region code, birth date YYYYMMDD, 3-digit sequence, and a check
character computed with ISO 7064 MOD 11-2 (0-9 or X). The old 15-digit form has a birth date
YYMMDD in the 1900s and no check character. Every number with a plausible birth date blocks:
with a valid check character it is privacy/id-number; with a wrong one it may be a mistyped
real number (privacy/id-number-unchecked); a 15-digit one may be an old ID number
(privacy/id-number-old). What the detector is unsure of blocks until a reviewer lets that one
span through. However the number is written (numbers.numbers: grouped, other digits, spelled,
split over two lines), never inside a longer run of digits.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .hits import Hit
from .numbers import numbers

_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK = "10X98765432"
# How ID numbers are grouped when they are: region-birth date-rest, region split into province,
# city and county, the date split into year, month and day, the check character on its own.
LAYOUTS_18 = frozenset({(6, 8, 4), (6, 4, 4, 4), (6, 4, 2, 2, 4), (3, 3, 8, 4), (3, 3, 4, 4, 4), (2, 2, 2, 8, 4),
                        (2, 2, 2, 4, 2, 2, 4), (6, 8, 3, 1), (17, 1), (6, 12), (6, 4, 4, 3, 1)})
# Not (6, 9): a county code beside a township code (430603 430603101) is written exactly so.
LAYOUTS_15 = frozenset({(6, 6, 3), (3, 3, 6, 3), (2, 2, 2, 6, 3), (6, 2, 2, 2, 3)})


def check_character(first17: str) -> str:
    """The MOD 11-2 check character of the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def plausible_date(yyyymmdd: str) -> bool:
    """A real calendar day between 1900 and 2099 (no clock: builds must not depend on today)."""
    try:
        day = dt.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return False
    return 1900 <= day.year <= 2099


def find(text: str) -> Iterator[Hit]:
    """ID numbers in a text."""
    for n in numbers(text, (18,), LAYOUTS_18, x_last=True):
        if plausible_date(n.digits[6:14]):
            valid = check_character(n.digits[:17]) == n.digits[17]
            yield Hit(n.start, n.end, "privacy/id-number" if valid else "privacy/id-number-unchecked")
    for n in numbers(text, (15,), LAYOUTS_15):
        if plausible_date("19" + n.digits[6:12]):
            yield Hit(n.start, n.end, "privacy/id-number-old")
