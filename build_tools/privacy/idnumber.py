"""Resident ID numbers (居民身份证号码, GB 11643-1999).

18 characters: 6-digit region code, birth date YYYYMMDD, 3-digit sequence, and a check
character computed with ISO 7064 MOD 11-2 (0-9 or X). A number with a plausible birth date
and a valid check character is blocking; with a wrong check character it may still be a
mistyped real number, so it is a warning. The old 15-digit form (birth date YYMMDD in the
1900s, no check character, one run of digits) is a warning. An 18-character number may be
written as one run or grouped 6-8-4 / 6-4-4-4 with spaces or hyphens; never inside a longer
run of digits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .hits import Hit, number_matches

_WEIGHTS = [2 ** (17 - i) % 11 for i in range(17)]
_CHECK = "10X98765432"
_SEP = "[ -]?"
_ID18 = re.compile(rf"(?<![0-9])([0-9]{{6}}){_SEP}([0-9]{{4}}){_SEP}([0-9]{{4}}){_SEP}([0-9]{{3}}[0-9Xx])(?![0-9])")
# Old numbers only as one run: grouped, two table cells (county code, township code) look alike.
_ID15 = re.compile(r"(?<![0-9])([0-9]{6})([0-9]{6})([0-9]{3})(?![0-9])")


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
    for m in number_matches(_ID18, text):
        digits = "".join(m.groups()).upper()
        if plausible_date(digits[6:14]):
            valid = check_character(digits[:17]) == digits[17]
            yield Hit(m.start(), m.end(), "privacy/id-number" if valid else "privacy/id-number-unchecked")
    for m in number_matches(_ID15, text):
        digits = "".join(m.groups())
        if plausible_date("19" + digits[6:12]):
            yield Hit(m.start(), m.end(), "privacy/id-number-old")
