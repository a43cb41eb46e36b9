"""The one place a personal mobile number may appear: the `phone:` of a `contact:` mapping whose
`consent:` is true (the person agreed in writing). What is published that way, the built site may show."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..detect.phone import CONSENT_TRUE, ELEVEN, digits
from ..load.strict_yaml import Document


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
        contact = doc.value_at(path[:-1])
        if isinstance(contact, dict) and isinstance(contact.get("phone"), str):
            consent = str(contact.get("consent", "")).strip() in CONSENT_TRUE
            found[line] = ContactPhone(digits(contact["phone"]), consent, doc.positions.get(path, (line, 0))[0])
    return found


def published_numbers(docs: Iterable[Document]) -> frozenset[str]:
    """Mobile numbers the data publishes with consent: the built site may show these."""
    phones = (p for doc in docs for p in contact_phones(doc).values())
    return frozenset(p.digits for p in phones if p.consent and ELEVEN.fullmatch(p.digits))
