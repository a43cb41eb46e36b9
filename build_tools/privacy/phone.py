"""Mobile phone numbers (1[3-9] and nine more digits), and the one place they may appear.

This module owns the mobile-number pattern. A personal mobile may be published only as the
`phone:` of a `contact:` mapping whose `consent:` is true (the person agreed in writing);
anywhere else it is blocking (privacy/mobile), and as a contact phone without consent it is
privacy/mobile-without-consent. Written as one run, grouped 3-4-4 with spaces or hyphens, or
with +86 in front; never inside a longer run of digits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..strict_yaml import Document
from .hits import Hit, number_matches

MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)?86[ -]?)?1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")

#: The schema's trueValues for contact.consent (a test keeps the two the same).
CONSENT_TRUE = ("true", "是")


def find(text: str) -> Iterator[Hit]:
    """Mobile numbers in a text."""
    for m in number_matches(MOBILE, text):
        yield Hit(m.start(), m.end(), "privacy/mobile")


def digits(text: str) -> str:
    """The 11 digits of a mobile number however it is written (+86, spaces, hyphens)."""
    return re.sub(r"[^0-9]", "", text)[-11:]


@dataclass(frozen=True)
class ContactPhone:
    digits: str
    consent: bool
    key_line: int  # where `phone:` is written: the record checks report there too


def contact_phones(doc: Document) -> dict[int, ContactPhone]:
    """{line of the value: phone} for every contact.phone of a parsed YAML record."""
    found: dict[int, ContactPhone] = {}
    for path, line in doc.text_lines.items():
        if path[-2:] != ("contact", "phone"):
            continue
        contact = _at(doc.value, path[:-1])
        if isinstance(contact, dict) and isinstance(contact.get("phone"), str):
            consent = str(contact.get("consent", "")).strip() in CONSENT_TRUE
            found[line] = ContactPhone(digits(contact["phone"]), consent, doc.positions.get(path, (line, 0))[0])
    return found


def published_numbers(docs: Iterable[Document]) -> frozenset[str]:
    """Mobile numbers the data publishes with consent: the built site may show these."""
    phones = (p for doc in docs for p in contact_phones(doc).values())
    return frozenset(p.digits for p in phones if p.consent and MOBILE.fullmatch(p.digits))


def _at(value, path: tuple):
    for key in path:
        try:
            value = value[key]
        except (KeyError, IndexError, TypeError):
            return None
    return value
