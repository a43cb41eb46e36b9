"""Typed objects the templates and exports see: built only from records that passed validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check.consistency import day
from ..load.lists import Lists


@dataclass(frozen=True)
class TimetableItem:
    date: dt.date | None
    time: str
    title: str


@dataclass(frozen=True)
class Quota:
    unit: str
    places: int


@dataclass(frozen=True)
class Supply:
    item: str
    quantity: int
    unit: str
    received: int

    @property
    def still_needed(self) -> int:
        return max(self.quantity - self.received, 0)


@dataclass(frozen=True)
class Activity:
    """One checked activity record, with the names of its type, region and organiser looked up."""

    id: str
    file: str
    title: str
    summary: str
    type_name: str
    type_code: str
    status: str
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    region_code: str
    region_name: str
    venue_name: str
    venue_address: str
    organizer_id: str
    organizer_name: str
    audience_summary: str
    audience_places: int | None
    quotas: tuple[Quota, ...]
    timetable: tuple[TimetableItem, ...]
    volunteers_needed: int
    tasks: tuple[str, ...]
    requirements: tuple[str, ...]
    skills: tuple[str, ...]
    min_age: int | None
    signup_url: str | None
    signup_deadline: dt.date | None
    full: bool
    supplies: tuple[Supply, ...]
    cost_free: bool
    cost_note: str
    contact_role: str
    contact_phone: str
    contact_email: str
    policy_refs: tuple[str, ...]
    last_confirmed: dt.date
    description: str
    published: dt.date | None = None  # first published; the Atom feed of new activities sorts by it
    example: bool = False  # sample data (`example: true`): its numbers are not dialled, its pages say so

    @property
    def start_day(self) -> dt.date:
        return day(self.start)

    @property
    def end_day(self) -> dt.date:
        return day(self.end)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def build_activity(file: str, rec: dict, lists: Lists) -> Activity:
    aud, vol, cost, contact = (rec.get(k, {}) for k in ("audience", "volunteers", "cost", "contact"))
    region = lists.region(rec["region"])
    return Activity(
        id=rec["id"], file=file, title=rec["title"], summary=rec["summary"],
        type_name=rec["type"], type_code=lists.type_code(rec["type"]), status=rec["status"],
        start=rec["start"], end=rec["end"],
        region_code=rec["region"], region_name=region["prefecture"] + region["name"],
        venue_name=rec["venue"]["name"], venue_address=rec["venue"]["address"],
        organizer_id=rec["organizer"], organizer_name=lists.organization(rec["organizer"])["name"],
        audience_summary=aud["summary"], audience_places=aud.get("places"),
        quotas=tuple(Quota(q["unit"], q["places"]) for q in aud.get("quotas", [])),
        timetable=tuple(TimetableItem(t.get("date"), t["time"], t["title"]) for t in rec.get("timetable", [])),
        volunteers_needed=vol["needed"], tasks=tuple(vol.get("tasks", [])),
        requirements=tuple(vol.get("requirements", [])), skills=tuple(vol.get("skills", [])),
        min_age=vol.get("min_age"), signup_url=vol.get("signup_url"),
        signup_deadline=vol.get("signup_deadline"), full=bool(vol.get("full", False)),
        supplies=tuple(Supply(s["item"], s["quantity"], s["unit"], s.get("received", 0)) for s in rec.get("supplies", [])),
        cost_free=cost["free"], cost_note=cost.get("note", ""),
        contact_role=contact["role"], contact_phone=contact.get("phone", ""), contact_email=contact.get("email", ""),
        policy_refs=tuple(rec.get("policy_refs", [])), last_confirmed=rec["last_confirmed"],
        description=rec.get("description", ""), published=rec.get("published"),
        example=bool(rec.get("example", False)),
    )
