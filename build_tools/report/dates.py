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
