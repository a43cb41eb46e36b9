"""Care centres as the directory shows them: built only from records that passed validation.

What a centre shows on a given day (its status badge, 待核实) is derived here from the build's
`today`, never from the clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..load.lists import Lists
from .status import Status

STALE_AFTER_MONTHS = 12  # HSDS-style: a record nobody confirmed for a year is shown as 待核实
CENTRE_STATUSES = {  # code → (label, sort order: open centres first)
    "active": ("开放中", 0),
    "temporarily-closed": ("暂停开放", 1),
    "closed": ("已关闭", 2),
}


@dataclass(frozen=True)
class OpeningTime:
    days: str  # 周一至周五
    time: str  # 16:00-18:30


@dataclass(frozen=True)
class Centre:
    id: str
    file: str
    name: str
    kind: str
    region_code: str
    region_name: str
    township: str
    address: str
    operator: str
    hours: tuple[OpeningTime, ...]
    hours_note: str
    services: tuple[str, ...]
    status: str
    status_note: str
    contact_role: str
    contact_phone: str
    contact_email: str
    last_confirmed: dt.date
    example: bool = False  # sample data: its number is not dialled, its page says so

    @property
    def hours_text(self) -> str:
        """周一至周五 16:30-18:30；周六 09:00-11:30。寒暑假另行通知。"""
        times = "；".join(f"{h.days} {h.time}" for h in self.hours)
        return "。".join(t for t in (times, self.hours_note) if t)


@dataclass(frozen=True)
class ShownCentre:
    """A centre as the directory shows it on the build day."""

    centre: Centre
    status: Status
    unconfirmed: bool  # 待核实: last confirmed STALE_AFTER_MONTHS or more before today

    @property
    def is_open(self) -> bool:
        return self.centre.status == "active"

    def sort_key(self) -> tuple:
        """Open and recently confirmed first, then by name."""
        return (CENTRE_STATUSES[self.centre.status][1], self.unconfirmed, self.centre.name)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the 29th–31st fall back to the month's last day."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def is_unconfirmed(last_confirmed: dt.date, today: dt.date) -> bool:
    """True when the record was last confirmed STALE_AFTER_MONTHS or more before `today`."""
    return today >= add_months(last_confirmed, STALE_AFTER_MONTHS)


def show_centre(centre: Centre, today: dt.date) -> ShownCentre:
    label, _ = CENTRE_STATUSES[centre.status]
    status = Status(centre.status, label, centre.status == "active", centre.status_note)
    return ShownCentre(centre, status, is_unconfirmed(centre.last_confirmed, today))


def build_centre(file: str, rec: dict, lists: Lists) -> Centre:
    region = lists.region(rec["region"])
    contact = rec["contact"]
    return Centre(
        id=rec["id"],
        file=file,
        name=rec["name"],
        kind=rec["kind"],
        region_code=rec["region"],
        region_name=region["prefecture"] + region["name"],
        township=rec.get("township", ""),
        address=rec["address"],
        operator=rec.get("operator", ""),
        hours=tuple(OpeningTime(h["days"], h["time"]) for h in rec.get("hours", [])),
        hours_note=rec.get("hours_note", ""),
        services=tuple(rec.get("services", [])),
        status=rec["status"],
        status_note=rec.get("status_note", ""),
        contact_role=contact["role"],
        contact_phone=contact.get("phone", ""),
        contact_email=contact.get("email", ""),
        last_confirmed=rec["last_confirmed"],
        example=bool(rec.get("example", False)),
    )
