"""The archive: activities that ended long enough ago become small pages listed by year and county.

An activity that ended more than `months` before the build day (data/site.yaml
`archive_after_months`, default 12) keeps its address /activities/<id>/ but as a small page
(pages/archive_pages.py): no poster, QR codes, calendar file or JSON-LD event, no card in the
lists, the filter, the feeds or the search index. activities.json keeps every activity (open data).
At 100,000 activities, two thirds of them old, that is what keeps a province's site under
1 GB and 150,000 files (issue 18).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .activity import Activity


def cutoff(today: dt.date, months: int) -> dt.date:
    """The day `months` calendar months before today (the 31st becomes the month's last day)."""
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    for d in (today.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has a 28th")


def is_archived(a: Activity, today: dt.date, months: int) -> bool:
    """Ended before the cutoff day: its page is an archive page."""
    return a.end_day < cutoff(today, months)


def split(activities: list[Activity], today: dt.date, months: int) -> tuple[list[Activity], list[Activity]]:
    """(live, archived), each in the order given."""
    live: list[Activity] = []
    archived: list[Activity] = []
    for a in activities:
        (archived if is_archived(a, today, months) else live).append(a)
    return live, archived


@dataclass(frozen=True)
class Shelf:
    """The archived activities of one county in one year (by start day), latest first."""

    year: int
    region_code: str
    region_name: str
    items: list[Activity]


def shelves(archived: list[Activity]) -> dict[int, list[Shelf]]:
    """Year (newest first) → its counties' shelves, in county-code order."""
    grouped: dict[tuple[int, str], list[Activity]] = defaultdict(list)
    for a in archived:
        grouped[(a.start_day.year, a.region_code)].append(a)
    out: dict[int, list[Shelf]] = {}
    for year, code in sorted(grouped, key=lambda k: (-k[0], k[1])):
        items = sorted(grouped[(year, code)], key=lambda a: (a.start_day, a.id), reverse=True)
        out.setdefault(year, []).append(Shelf(year, code, items[0].region_name, items))
    return out
