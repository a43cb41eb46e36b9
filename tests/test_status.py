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
