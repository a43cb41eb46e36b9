"""The ways to browse the activity list: by type, county, month and status.

Each grouping becomes plain pages (an index and one list per group, paged like the full list)
that work without JavaScript; the same values fill the filter form on the full list, whose
script lists the matches from filter.json.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..load.lists import Lists
from .status import STATUSES


@dataclass(frozen=True)
class Group:
    code: str  # file name and filter value
    name: str
    note: str
    items: list  # listing.Listed


@dataclass(frozen=True)
class Grouping:
    folder: str  # under activities/
    title: str  # of the index page
    list_title: str  # "{name}" is replaced by the group's name
    groups: list[Group]


def months_of(start: dt.date, end: dt.date) -> list[str]:
    """Every month (YYYY-MM) an activity from start to end touches."""
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def month_name(code: str) -> str:
    return f"{int(code[:4])}年{int(code[5:])}月"


def _collect(items, keys) -> dict[str, list]:
    groups: dict[str, list] = defaultdict(list)
    for item in items:
        for key in keys(item):
            groups[key].append(item)
    return groups


def groupings(items: list, lists: Lists) -> list[Grouping]:
    """The four groupings of items (listing.Listed), each with only the groups that have items."""
    by_type = _collect(items, lambda i: [i.activity.type_code])
    by_region = _collect(items, lambda i: [i.activity.region_code])
    by_month = _collect(items, lambda i: months_of(i.activity.start_day, i.activity.end_day))
    by_status = _collect(items, lambda i: [i.status.code])
    return [
        Grouping(
            "types",
            "按类型浏览活动",
            "{name}活动",
            [
                Group(t["code"], t["name"], t["description"], by_type[t["code"]])
                for t in lists.activity_types
                if t["code"] in by_type
            ],
        ),
        Grouping(
            "regions",
            "按县区浏览活动",
            "{name}的活动",
            [
                Group(r["code"], r["prefecture"] + r["name"], r["province"], by_region[r["code"]])
                for r in lists.regions
                if r["code"] in by_region
            ],
        ),
        Grouping(
            "months",
            "按月份浏览活动",
            "{name}的活动",
            [Group(m, month_name(m), "跨月的活动在每个月都列出", by_month[m]) for m in sorted(by_month)],
        ),
        Grouping(
            "status",
            "按状态浏览活动",
            "{name}的活动",
            [
                Group(code, label, reason or "可以报名", by_status[code])
                for code, (label, _, reason) in STATUSES.items()
                if code in by_status
            ],
        ),
    ]


@dataclass(frozen=True)
class Facets:
    """Choices in the filter form of the full list: (value, label) pairs."""

    types: list[tuple[str, str]]
    regions: list[tuple[str, str]]
    months: list[tuple[str, str]]
    statuses: list[tuple[str, str]]
    skills: list[tuple[str, str]]
    # Every county of the allow-list by city: (city value, city name, [(county code, county name)]);
    # the city's value (its code, 430600) means all its counties.
    cities: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)


def cities_of(lists: Lists) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The counties of data/lists/regions.csv grouped by city, in the list's order."""
    by_city: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for r in lists.regions:
        by_city.setdefault(r["code"][:4] + "00", (r["prefecture"], []))[1].append((r["code"], r["name"]))
    return [(code, name, counties) for code, (name, counties) in by_city.items()]


def facets(groups: list[Grouping], items: list, lists: Lists) -> Facets:
    """The filter's choices: the groups of each grouping, and the skills activities ask for."""
    pairs = {g.folder: [(x.code, x.name) for x in g.groups] for g in groups}
    asked = {s for i in items for s in i.activity.skills}
    return Facets(
        pairs["types"],
        pairs["regions"],
        pairs["months"],
        pairs["status"],
        [(s["code"], s["name"]) for s in lists.skills if s["name"] in asked],
        cities_of(lists),
    )
