"""Every detector of personal data, in the order that decides overlaps, and one question for
the problem report: does this text look personal? (report/problems.py redacts such values.)"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from . import accounts, address, bankcard, birthdate, idnumber, names, phone, photo
from .hits import MAY_HOLD_DIGITS, Hit, prepare

_DIGIT = MAY_HOLD_DIGITS  # any spelling of a digit (hits.fold)
_HAN = re.compile("[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Detector:
    find: Callable[[str], Iterator[Hit]]
    needs: re.Pattern  # a line without this cannot match: most lines of a page skip the detector


#: Earlier detectors win where findings overlap (an ID number is not also reported as a card).
#: Every rule blocks: what a detector is unsure of waits for a reviewed exception (privacy/exceptions.py).
BLOCKING = (Detector(idnumber.find, _DIGIT), Detector(bankcard.find, _DIGIT), Detector(phone.find, _DIGIT),
            Detector(accounts.find, accounts.MAY_HOLD), Detector(names.find, _HAN), Detector(address.find, _HAN),
            Detector(birthdate.find, _HAN), Detector(photo.find_photo_text, re.compile(photo.PHOTO)))
ALL = BLOCKING


@lru_cache(maxsize=8192)
def looks_personal(text: str) -> bool:
    """True when any detector matches something in the text."""
    active = [d.find for d in ALL if d.needs.search(text)]
    if not active:
        return False
    prepared = prepare(text).text
    return any(next(iter(find(prepared)), None) is not None for find in active)
