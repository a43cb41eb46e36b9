"""Activities as lists show them: each with its status on the build day, upcoming before past."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .activity import Activity
from .status import Status


@dataclass(frozen=True)
class Listed:
    """An activity with its status on the build day, as list pages show it."""

    activity: Activity
    status: Status
    unconfirmed: bool = False  # 待核实 (status.unconfirmed): not confirmed shortly before its start
    signup_broken: bool = False  # the link checker could not open its sign-up form (model/link_status)


def sort_for_list(items: list[Listed], today: dt.date) -> tuple[list[Listed], list[Listed]]:
    """Upcoming (soonest first) and past (latest first)."""
    upcoming = sorted((i for i in items if i.activity.end_day >= today), key=lambda i: (i.activity.start_day, i.activity.id))
    past = sorted((i for i in items if i.activity.end_day < today), key=lambda i: (i.activity.start_day, i.activity.id), reverse=True)
    return upcoming, past
