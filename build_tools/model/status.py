"""An activity's status on a given day, derived from its dates, `status` and `volunteers.full`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CLOSING_SOON_DAYS = 7
# 待核实, like the centres: an activity whose organiser has not confirmed it (last_confirmed) since this
# many days before its start is marked once that day has come. Change it here: it is a rule, not data.
CONFIRM_WITHIN_DAYS = 30


@dataclass(frozen=True)
class Status:
    code: str  # stable, used in CSS classes, JSON and filters
    label: str  # what people read
    open: bool  # is the sign-up button a live link?
    reason: str  # why sign-up is closed (empty when open)


STATUSES = {
    "recruiting": ("招募中", True, ""),
    "closing-soon": ("即将截止", True, ""),
    "full": ("已满", False, "志愿者名额已满。"),
    "closed": ("报名截止", False, "报名已截止。"),
    "no-signup": ("无需报名", False, "本活动不招募志愿者。"),
    "ended": ("已结束", False, "活动已结束。"),
    "postponed": ("延期", False, "活动已延期，新的时间以主办单位通知为准。"),
    "cancelled": ("取消", False, "活动已取消。"),
}


def _make(code: str) -> Status:
    label, is_open, reason = STATUSES[code]
    return Status(code, label, is_open, reason)


def status_on(activity, today: dt.date) -> Status:
    """The status shown on `today` (the build's --today, never the clock)."""
    if activity.status == "cancelled":
        return _make("cancelled")
    # A postponed activity never took place on its old dates: it stays 延期 until the organiser
    # writes the new dates and sets `status` back to scheduled (then the dates decide again).
    if activity.status == "postponed":
        return _make("postponed")
    if activity.end_day < today:
        return _make("ended")
    if activity.full:
        return _make("full")
    if activity.signup_url is None or activity.volunteers_needed == 0:
        return _make("no-signup")
    deadline = activity.signup_deadline or activity.start_day
    if today > deadline:
        return _make("closed")
    if (deadline - today).days <= CLOSING_SOON_DAYS:
        return _make("closing-soon")
    return _make("recruiting")


def unconfirmed(activity, today: dt.date) -> bool:
    """待核实: the start is at most CONFIRM_WITHIN_DAYS away (or has come), the activity is neither over
    nor cancelled, and the organiser has not confirmed it since CONFIRM_WITHIN_DAYS before its start."""
    if activity.status == "cancelled" or activity.end_day < today:
        return False
    due = activity.start_day - dt.timedelta(days=CONFIRM_WITHIN_DAYS)
    return today >= due and activity.last_confirmed < due
