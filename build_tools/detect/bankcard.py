"""Bank card numbers: 16 to 19 digits that pass the Luhn check.

False-positive control: whole digit groups (numbers.numbers: one run, groups of four, the issuer
number of six and the rest; any spelling of the digits), never inside a longer run; the
prefix is one that card schemes issue at that length (16: Visa 4, Mastercard 51-55/22-27,
JCB 35, UnionPay and others 6; 17-18: UnionPay 6; 19: UnionPay 6, Visa 4, JCB 35, older
domestic debit cards 9x such as 9558…), so dates, timestamps, serial numbers and ID-like
numbers mostly fall out; the digits are not all the same; and the Luhn check leaves one
random number in ten.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .hits import Hit
from .numbers import numbers

_LENGTHS = (16, 17, 18, 19)
LAYOUTS = frozenset({*((6, n - 6) for n in _LENGTHS), *((4, 4, 4, n - 12) for n in _LENGTHS), (4, 6, 6, 3)})
_ISSUER = {16: re.compile("4|5[1-5]|2[2-7]|35|6"), 17: re.compile("6"), 18: re.compile("6"), 19: re.compile("4|35|6|9")}


def luhn_valid(number: str) -> bool:
    """The Luhn (mod 10) check used by every card scheme."""
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def find(text: str) -> Iterator[Hit]:
    """Bank card numbers in a text."""
    for n in numbers(text, _LENGTHS, LAYOUTS):
        if _ISSUER[len(n.digits)].match(n.digits) and len(set(n.digits)) > 1 and luhn_valid(n.digits):
            yield Hit(n.start, n.end, "privacy/bank-card")
