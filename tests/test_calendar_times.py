"""Calendars a phone can use (issue 19): times where the record knows them, a weekly activity as one
repeating event with its skipped days, a reminder the evening before; read back with vobject (an
independent parser, dateutil's rrule for the repetition). And the `recurrence` rules."""

import datetime as dt

import pytest
import vobject

from tests.conftest import problems_of
from tests.test_rules import BASE, line_of

TUTORING = "2026-11-28-rongshui-saturday-tutoring"
CST = dt.timezone(dt.timedelta(hours=8))


def read(built_site, path):
    return vobject.readOne((built_site / path).read_text(encoding="utf-8"))


def activity_calendar(built_site, aid):
    return read(built_site, f"activities/{aid}/{aid}.ics")


def test_the_parent_school_is_timed_from_its_timetable(built_site):
    [ev] = activity_calendar(built_site, "2027-02-11-yunxi-parent-school").vevent_list
    assert ev.dtstart.value == dt.datetime(2027, 2, 11, 9, 0, tzinfo=CST)
    assert ev.dtend.value == dt.datetime(2027, 2, 11, 11, 50, tzinfo=CST)


def test_the_weekly_tutoring_is_one_repeating_event_without_the_new_year_saturday(built_site):
    cal = activity_calendar(built_site, TUTORING)
    [ev] = cal.vevent_list
    days = [d.date() for d in ev.getrruleset()]
    # The timetable lists each Saturday it takes place: the repetition must give exactly those.
    assert days == [dt.date(2026, 11, 28), dt.date(2026, 12, 5), dt.date(2026, 12, 12), dt.date(2026, 12, 19),
                    dt.date(2026, 12, 26), dt.date(2027, 1, 9), dt.date(2027, 1, 16)]
    first = next(iter(ev.getrruleset()))
    assert (first.hour, first.minute) == (9, 0) and first.utcoffset() == dt.timedelta(hours=8)
    assert ev.dtend.value - ev.dtstart.value == dt.timedelta(hours=2, minutes=30)  # one morning, not 50 days
    raw = (built_site / f"activities/{TUTORING}/{TUTORING}.ics").read_text(encoding="utf-8")
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270116T010000Z" in raw  # TZID start: UNTIL in UTC (RFC 5545)
    assert "EXDATE;TZID=Asia/Shanghai:20270102T090000" in raw


def test_the_page_says_the_repetition_in_words(built_site):
    import html as htmllib

    page = htmllib.unescape((built_site / f"activities/{TUTORING}/index.html").read_text(encoding="utf-8"))
    assert "每周六 09:00–11:30，2026年11月28日至2027年1月16日（2027年1月2日不举行）" in page


@pytest.mark.parametrize("aid", ["2027-02-11-yunxi-parent-school", TUTORING, "2027-07-10-yunxi-summer-camp"])
def test_one_activity_s_file_reminds_the_evening_before(built_site, aid):
    [ev] = activity_calendar(built_site, aid).vevent_list
    [alarm] = ev.valarm_list
    assert alarm.action.value == "DISPLAY" and alarm.description.value.startswith("明天：")
    start = ev.dtstart.value
    if not isinstance(start, dt.datetime):  # all-day: the trigger counts from the day's midnight, local
        start = dt.datetime.combine(start, dt.time(0), CST)
    ring = start + alarm.trigger.value
    assert ring.astimezone(CST) == dt.datetime.combine(start.date() - dt.timedelta(days=1), dt.time(20, 0), CST)


def test_no_reminder_for_a_day_that_will_not_happen_and_none_in_feeds(built_site):
    [cancelled] = activity_calendar(built_site, "2026-07-25-sanjiang-summer-arts-show").vevent_list
    assert not hasattr(cancelled, "valarm")
    feed = read(built_site, "activities/calendar/all.ics")
    assert feed.vevent_list and all(not hasattr(ev, "valarm") for ev in feed.vevent_list)


def test_a_date_only_record_without_hours_stays_all_day_with_an_exclusive_end(built_site):
    [ev] = activity_calendar(built_site, "2027-07-10-yunxi-summer-camp").vevent_list
    assert ev.dtstart.value == dt.date(2027, 7, 10) and ev.dtend.value == dt.date(2027, 7, 13)


# ---- the `recurrence` rules: one passing and one failing fixture each ------------------------

WEEKLY = BASE.replace('start: "2026-12-05T09:00:00+08:00"', 'start: "2026-12-05"').replace(
    'end: "2026-12-05T11:30:00+08:00"', 'end: "2026-12-26"'
).replace("timetable:", 'recurrence:\n  weekday: "星期六"\n  time: "09:00-11:30"\n  except:\n    - "2026-12-19"\ntimetable:', 1)


def test_weekly_fixture_is_clean(write_record):
    assert problems_of(write_record(WEEKLY)) == []


@pytest.mark.parametrize(
    "code, text, old, new, marker",
    [
        ("consistency/recurrence-with-time", BASE, "timetable:", 'recurrence:\n  weekday: "星期六"\ntimetable:', "start:"),
        ("consistency/recurrence-start-day", WEEKLY, 'weekday: "星期六"', 'weekday: "星期日"', "start:"),
        ("consistency/recurrence-except", WEEKLY, '- "2026-12-19"', '- "2026-12-20"', '- "2026-12-20"'),
        ("consistency/recurrence-except", WEEKLY, '- "2026-12-19"', '- "2027-01-02"', '- "2027-01-02"'),
        ("schema/enum", WEEKLY, 'weekday: "星期六"', 'weekday: "周六"', "weekday:"),
        ("schema/pattern", WEEKLY, 'time: "09:00-11:30"', 'time: "上午"', "time: \"上午\""),
    ],
)
def test_recurrence_rule_fails_on_its_fixture(write_record, code, text, old, new, marker):
    assert old in text
    broken = text.replace(old, new, 1)
    assert problems_of(write_record(broken)) == [(code, line_of(broken, marker))]

