"""Consistency stage: rules across fields of one record and across records.

Runs on the typed values the schema stage let through, so a field that already failed its
type check raises no follow-on problem here.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re

from ..detect.phone import is_mobile
from ..load.strict_yaml import Document
from ..report.dates import WEEKDAYS, weekly_days
from ..report.problems import Report, quote
from . import markdown_rules, normalize, urls
from .schema import dotted


def day(value) -> dt.date:
    """The calendar day of a date or a date-time."""
    return value.date() if isinstance(value, dt.datetime) else value


def _adder(doc: Document, file: str, report: Report):
    """add(code, path, **params): report a problem on the line of a path of the record."""

    def add(code: str, path: tuple, **params) -> None:
        line, col = doc.positions.get(path, (doc.line(path), 0))
        report.add(code, file, line, dotted(path), **params)  # timetable[1].date, as the schema stage says it

    return add


def check_record(rec: dict, doc: Document, file: str, report: Report) -> None:
    add = _adder(doc, file, report)
    _check_id(rec, file, add)
    _check_dates(rec, add)
    _check_recurrence(rec, add)
    url = rec.get("volunteers", {}).get("signup_url")
    if url is not None:
        check_url(url, ("volunteers", "signup_url"), add)
    _check_audience(rec, add)
    _check_supplies(rec, add)
    _check_contact(rec, doc, add)
    if "description" in rec:
        _check_markdown(rec["description"], doc, file, report)


def _check_recurrence(rec: dict, add) -> None:
    """A weekly activity: start and end are its first and last day, on its weekday; the skipped
    days are among its days."""
    rule, start, end = rec.get("recurrence"), rec.get("start"), rec.get("end")
    if not isinstance(rule, dict) or start is None or end is None:
        return
    for key, value in (("start", start), ("end", end)):
        if isinstance(value, dt.datetime):
            add("consistency/recurrence-with-time", (key,), value=quote(value.isoformat()))
            return
    actual = WEEKDAYS[start.weekday()]
    weekday = rule.get("weekday", actual)
    if weekday != actual:
        add("consistency/recurrence-start-day", ("start",), value=start.isoformat(), actual=actual, weekday=weekday)
        return
    days = set(weekly_days(start, end)) if start <= end else set()
    for i, skipped in enumerate(rule.get("except") or []):
        if skipped not in days:
            why = "不在开始和结束之间" if not start <= skipped <= end else f"那天是{WEEKDAYS[skipped.weekday()]}"
            add("consistency/recurrence-except", ("recurrence", "except", i), value=skipped.isoformat(), why=why, weekday=weekday[-1])


def check_url(url: str, path: tuple, add) -> None:
    """A link the data publishes (sign-up form, policy page): the rules of urls.py."""
    found = urls.problem(url)
    if found:
        add(found[0], path, value=quote(url, 60), **found[1])


def _check_id(rec: dict, file: str, add) -> None:
    folder, name = posixpath.split(file)
    stem, folder = posixpath.splitext(name)[0], posixpath.basename(folder)
    rid = rec.get("id")
    if rid is not None and rid != stem:
        add("consistency/id-mismatch", ("id",), value=quote(rid), stem=stem)
    if _YEAR.fullmatch(folder) and stem[:4] != folder:
        add("file/wrong-year", ("id",), folder=folder, year=stem[:4])


_YEAR = re.compile(r"[0-9]{4}")


def _check_dates(rec: dict, add) -> None:
    start, end = rec.get("start"), rec.get("end")
    if start is None:
        return
    if end is not None and isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
        # A day and a time cannot be one event: all-day, or from a time to a time (calendars, the page's dates).
        add("consistency/date-kinds-differ", ("end",))
        return
    if end is not None and _before(end, start):
        add("consistency/end-before-start", ("end",), value=end.isoformat(), start=start.isoformat())
    deadline = rec.get("volunteers", {}).get("signup_deadline")
    if deadline is not None and deadline > day(start):
        add("consistency/deadline-after-start", ("volunteers", "signup_deadline"), value=deadline.isoformat(), start=day(start).isoformat())
    for i, item in enumerate(rec.get("timetable") or []):
        when = (item or {}).get("date")
        if when is not None and end is not None and not day(start) <= when <= day(end):
            add("consistency/timetable-date-outside", ("timetable", i, "date"), value=when.isoformat(),
                start=day(start).isoformat(), end=day(end).isoformat())


def _before(end, start) -> bool:
    """Compare a date with a date-time by day; two date-times exactly."""
    if isinstance(end, dt.datetime) and isinstance(start, dt.datetime):
        return end < start
    return day(end) < day(start)


def _check_audience(rec: dict, add) -> None:
    audience = rec.get("audience", {})
    quotas = [q for q in audience.get("quotas") or [] if q and "places" in q]
    places = audience.get("places")
    if places is not None and quotas and sum(q["places"] for q in quotas) != places:
        add("consistency/quota-sum", ("audience", "places"), value=places, total=sum(q["places"] for q in quotas))


def _check_supplies(rec: dict, add) -> None:
    for i, s in enumerate(rec.get("supplies") or []):
        if s and s.get("received", 0) > s.get("quantity", float("inf")):
            add("consistency/received-exceeds", ("supplies", i, "received"), value=s["received"], quantity=s["quantity"])


def _check_contact(rec: dict, doc: Document, add) -> None:
    contact = rec.get("contact")
    if contact is None:
        return
    raw = doc.value.get("contact") if isinstance(doc.value, dict) else None
    raw = raw if isinstance(raw, dict) else {}
    if all(not isinstance(raw.get(k), str) or normalize.blank(raw[k]) for k in ("phone", "email")):
        add("consistency/contact-missing", ("contact",))
    phone = contact.get("phone", "")
    if is_mobile(phone) and contact.get("consent") is not True:
        add("privacy/mobile-without-consent", ("contact", "phone"))


def _check_markdown(text: str, doc: Document, file: str, report: Report) -> None:
    first = doc.text_lines.get(("description",), doc.line(("description",)))
    for code, offset, col, params in markdown_rules.problems(text):
        report.add(code, file, first + offset, "description", column=col, **params)


def check_id_and_contact(rec: dict, doc: Document, file: str, report: Report) -> None:
    """The id and contact rules of activities, for other one-record files (care centres)."""
    add = _adder(doc, file, report)
    _check_id(rec, file, add)
    _check_contact(rec, doc, add)


def check_unique_ids(records: list[tuple[str, dict, Document]], report: Report) -> None:
    seen: dict[str, str] = {}
    for file, rec, doc in records:
        rid = rec.get("id")
        if rid is None:
            continue
        if rid in seen:
            report.add("consistency/duplicate-id", file, doc.line(("id",)), "id", value=quote(rid), other=seen[rid])
        else:
            seen[rid] = file
