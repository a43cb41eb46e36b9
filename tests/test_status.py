"""Status at build time: derived from the dates, `status` and `volunteers.full`, never the clock."""

import dataclasses
import datetime as dt

import pytest

from build_tools import ROOT
from build_tools.load.lists import Lists
from build_tools.model.activity import build_activity
from build_tools.model.status import CLOSING_SOON_DAYS, STATUSES, status_on
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE

TODAY = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def lecture():
    """The sample lecture: 2026-12-05 09:00–11:30, sign-up until 2026-12-01."""
    report, checked = validate_activities([SAMPLE], ROOT)
    assert report.errors == []
    return build_activity("x.yaml", checked[0].record, Lists(ROOT / "data"))


@pytest.mark.parametrize(
    "changes, today, code",
    [
        ({}, TODAY, "recruiting"),
        ({}, dt.date(2026, 12, 1) - dt.timedelta(days=CLOSING_SOON_DAYS), "closing-soon"),
        ({}, dt.date(2026, 12, 1), "closing-soon"),  # the deadline day itself is still open
        ({}, dt.date(2026, 12, 2), "closed"),
        ({"full": True}, TODAY, "full"),
        ({"signup_url": None}, TODAY, "no-signup"),
        ({"volunteers_needed": 0}, TODAY, "no-signup"),
        ({}, dt.date(2026, 12, 6), "ended"),
        ({"status": "postponed"}, TODAY, "postponed"),
        ({"status": "cancelled"}, TODAY, "cancelled"),
        ({"status": "cancelled"}, dt.date(2027, 1, 1), "cancelled"),  # a cancelled activity never "ends"
        ({"signup_deadline": None}, dt.date(2026, 12, 5), "closing-soon"),  # no deadline: the start day is
    ],
)
def test_status_on(lecture, changes, today, code):
    status = status_on(dataclasses.replace(lecture, **changes), today)
    assert status.code == code
    assert status.label == STATUSES[code][0]
    assert status.open == (code in {"recruiting", "closing-soon"})
    assert bool(status.reason) == (not status.open), "a closed sign-up always says why"


# Every transition: each declared status (× full, × no sign-up) walked through the days of the sample
# lecture (sign-up until 12-01, on 12-05). One row per declared situation, one column per day.
DAYS = {
    "far before": dt.date(2026, 11, 1),
    "deadline week": dt.date(2026, 11, 28),
    "after deadline": dt.date(2026, 12, 3),
    "on the day": dt.date(2026, 12, 5),
    "after the end": dt.date(2026, 12, 6),
    "a year later": dt.date(2027, 12, 6),
}
TRANSITIONS = [
    # declared situation,                   far before,  deadline week,  after deadline, day,  after, year later
    ("scheduled", {}, ("recruiting", "closing-soon", "closed", "closed", "ended", "ended")),
    ("scheduled, full", {"full": True}, ("full", "full", "full", "full", "ended", "ended")),
    ("scheduled, no sign-up", {"signup_url": None}, ("no-signup",) * 4 + ("ended", "ended")),
    ("scheduled, no volunteers", {"volunteers_needed": 0}, ("no-signup",) * 4 + ("ended", "ended")),
    ("postponed", {"status": "postponed"}, ("postponed",) * 6),  # never 已结束 before a new date is set
    ("postponed, full", {"status": "postponed", "full": True}, ("postponed",) * 6),
    ("cancelled", {"status": "cancelled"}, ("cancelled",) * 6),
    ("cancelled, full", {"status": "cancelled", "full": True}, ("cancelled",) * 6),
]


@pytest.mark.parametrize("situation, changes, expected", TRANSITIONS, ids=[t[0] for t in TRANSITIONS])
def test_every_status_transition(lecture, situation, changes, expected):
    activity = dataclasses.replace(lecture, **changes)
    got = tuple(status_on(activity, today).code for today in DAYS.values())
    assert got == expected, dict(zip(DAYS, got, strict=True))


def test_postponed_then_rescheduled(lecture):
    """The organiser's path: postponed (old date passes) → new dates + scheduled → the dates decide."""
    postponed = dataclasses.replace(lecture, status="postponed")
    assert status_on(postponed, dt.date(2026, 12, 20)).code == "postponed"
    new_day = dt.date(2027, 1, 9)
    rescheduled = dataclasses.replace(lecture, start=new_day, end=new_day, signup_deadline=dt.date(2027, 1, 5))
    assert status_on(rescheduled, dt.date(2026, 12, 20)).code == "recruiting"
    assert status_on(rescheduled, dt.date(2027, 1, 10)).code == "ended"


def test_every_status_is_reachable():
    reached = {code for _, _, row in TRANSITIONS for code in row}
    assert reached == set(STATUSES)
