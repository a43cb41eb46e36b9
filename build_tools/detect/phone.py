"""Mobile phone numbers (1[3-9] and nine more digits), and the one place they may appear.

This module owns the mobile-number pattern. A personal mobile may be published only as the
`phone:` of a `contact:` mapping whose `consent:` is true (the person agreed in writing);
anywhere else it is blocking (privacy/mobile), and as a contact phone without consent it is
privacy/mobile-without-consent. Read however it is written (numbers.numbers: one run, 3-4-4,
3-3-5, digit by digit, any spelling of the digits, with or without 86 in front); never inside
a longer run of digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit, fold, prepare
from .numbers import numbers

#: The plain written forms (one run, 3-4-4, +86), for the web form's JavaScript, which cannot
#: run this reader; Python code asks is_mobile().
MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")
ELEVEN = re.compile(r"1[3-9][0-9]{9}")  # the eleven digits of a mobile number
LAYOUTS = frozenset({(3, 4, 4), (3, 3, 5), (3, 8), (4, 3, 4), (7, 4)})
_PREFIXED = {13: "86", 15: "0086"}  # 8613912345678, 008613912345678 as one run

#: The schema's trueValues for contact.consent (a test keeps the two the same).
CONSENT_TRUE = ("true", "是")


def find(text: str) -> Iterator[Hit]:
    """Mobile numbers in a text."""
    for n in numbers(text, (11, 13, 15), LAYOUTS):
        prefix = _PREFIXED.get(len(n.digits), "")
        if n.digits.startswith(prefix) and ELEVEN.fullmatch(n.digits[len(prefix) :]):
            yield Hit(n.start, n.end, "privacy/mobile")


def is_mobile(value: str) -> bool:
    """True when a value (a contact phone) holds a mobile number, however written."""
    return any(find(prepare(value).text))


def digits(text: str) -> str:
    """The 11 digits of a mobile number however it is written (+86, spaces, other digits)."""
    return re.sub(r"[^0-9]", "", fold(text))[-11:]
