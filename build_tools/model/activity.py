"""Typed objects the templates and exports see: built only from records that passed validation."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check.consistency import day
from ..load.lists import Lists
from ..report import text
from ..report.dates import WEEKDAYS, weekly_days


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
class Recurrence:
    """Weekly, on the start day's weekday, from start to end (the record's `recurrence`, checked)."""

    weekday: str  # 星期六
    time: str  # "09:00-11:30", or "" when the record gives no time
    skipped: tuple[dt.date, ...]  # days in the run when it does not take place

    def days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The days it takes place."""
        return [d for d in weekly_days(first, last) if d not in self.skipped]


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
    recurrence: Recurrence | None = None  # weekly activities: RRULE in calendars, 每周六 on the page

    @property
    def start_day(self) -> dt.date:
        return day(self.start)

    @property
    def end_day(self) -> dt.date:
        return day(self.end)

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def _clock(text: str) -> dt.time:
    return dt.time(int(text[:2]), int(text[3:5]))


def day_times(a: Activity) -> tuple[dt.time, dt.time] | None:
    """When an all-day record still says the hours: recurrence.time, or the timetable of a one-day
    activity (the first item's start, the latest time given). None when unknown or not in order."""
    if not a.all_day:
        return None
    if a.recurrence is not None:
        spans = [a.recurrence.time] if a.recurrence.time else []
    elif a.start_day == a.end_day:
        spans = [t.time for t in a.timetable if t.date in (None, a.start_day)]
    else:
        spans = []
    if not spans:
        return None
    start, end = _clock(spans[0]), max(_clock(x) for span in spans for x in span.split("-"))
    return (start, end) if end > start else None


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
        recurrence=_recurrence(rec),
    )


def _recurrence(rec: dict) -> Recurrence | None:
    rule = rec.get("recurrence")
    if rule is None:
        return None
    weekday = rule.get("weekday", WEEKDAYS[day(rec["start"]).weekday()])
    return Recurrence(weekday, rule.get("time", ""), tuple(rule.get("except") or ()))


def when(activity: Activity) -> str:
    """The activity's date range in Chinese, with times for timed events."""
    start, end = activity.start, activity.end
    rule, times = activity.recurrence, day_times(activity)
    hours = f" {times[0]:%H:%M}–{times[1]:%H:%M}" if times else ""
    if rule is not None:
        skipped = f"（{'、'.join(text.cn_date(d) for d in rule.skipped)}不举行）" if rule.skipped else ""
        return f"每周{rule.weekday[-1]}{hours}，{text.cn_date(start)}至{text.cn_date(end)}{skipped}"
    if activity.all_day:
        if start == end and hours:
            return text.cn_date_week(start) + hours
        if start == end:
            return text.cn_date_week(start)
        return f"{text.cn_date_week(start)} 至 {text.cn_date_week(end)}"
    if start.date() == end.date():
        return f"{text.cn_date_week(start.date())} {start:%H:%M}–{end:%H:%M}"
    return f"{text.cn_date_week(start.date())} {start:%H:%M} 至 {text.cn_date_week(end.date())} {end:%H:%M}"
