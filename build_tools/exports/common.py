"""What the machine-readable exports (calendars, Atom, JSON, JSON-LD) share."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..detect.phone import is_mobile  # the one reader of mobile numbers, however written
from ..model.activity import Activity
from ..model.status import Status, status_on

if TYPE_CHECKING:
    from ..model.context import Context

SHANGHAI = "Asia/Shanghai"
CST = dt.timezone(dt.timedelta(hours=8), "CST")


def listed(ctx: Context, archived: bool = False) -> list[tuple[Activity, Status]]:
    """Every live activity (and, if `archived`, the archived ones too) with its status on the build
    day, ordered by start day then id."""
    chosen = ctx.activities + ctx.archived if archived else ctx.activities
    return sorted(((a, status_on(a, ctx.today)) for a in chosen), key=lambda p: (p[0].start_day, p[0].id))


def bulk_phone(a: Activity) -> str:
    """The contact phone for files that are harvested in bulk.

    A personal mobile number appears on the activity page when its owner consented to that;
    exports that anyone can download for all activities at once leave it out (decision noted
    on the API page), so the consent is not stretched to mass collection.
    """
    return "" if is_mobile(a.contact_phone or "") else a.contact_phone


def current(a: Activity, today: dt.date) -> bool:
    """Not yet over: only these get QR codes and a poster (sharing a past activity helps no one,
    and at a thousand activities the QR codes are the slowest part of the build)."""
    return a.end_day >= today


def published(a: Activity) -> dt.date:
    """When the activity was first published: `published`, else `last_confirmed`."""
    return a.published or a.last_confirmed


def midnight(day: dt.date) -> dt.datetime:
    """The start of a day in China, as an aware date-time."""
    return dt.datetime(day.year, day.month, day.day, tzinfo=CST)
