"""The dates the portal works with: years FIRST_YEAR to LAST_YEAR.

Python's dates end at years 1 and 9999; a record dated there made the duplicate search, the
status of the day and the calendar export overflow (a traceback, not a message). Every date a
record or the command line gives is checked against this one range, generous for real data
(policies from the 1990s, plans decades ahead) and far from the ends for date arithmetic.
"""

from __future__ import annotations

import datetime as dt

FIRST_YEAR, LAST_YEAR = 1900, 2199


def supported(value: dt.date) -> bool:
    """Whether a date or date-time lies in the years the portal works with."""
    return FIRST_YEAR <= value.year <= LAST_YEAR


WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")  # date.weekday() order


def weekly_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """The days of a weekly activity: first, then every 7 days up to last (the rule of `recurrence`)."""
    return [first + dt.timedelta(days=7 * i) for i in range((last - first).days // 7 + 1)]
