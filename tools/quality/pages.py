"""Which pages of a built site the browser checks look at.

Hand-written and one-of-a-kind pages are all checked. Generated pages that repeat one
template many times (activity pages, their posters, county and indicator pages…) form a
family; one page stands for each family: its heaviest, the worst case for weight and speed.
The Lighthouse pages are the ones issue 7 names: home, activity list, an activity page and
statistics (the overview and the heaviest indicator page).
"""

from __future__ import annotations

import re
from pathlib import Path

_ID = r"\d{4}-\d{2}-\d{2}-[^/]+"  # an activity id: YYYY-MM-DD-slug (data/schemas/activity.schema.yaml)
FAMILIES = tuple(
    re.compile(p + "$")
    for p in (
        rf"activities/{_ID}/",
        rf"activities/{_ID}/poster/",
        r"activities/types/[^/]+/",
        r"activities/regions/[^/]+/",
        r"activities/months/[^/]+/",
        r"activities/status/[^/]+/",
        r"centres/[^/]+/",
        r"statistics/regions/[^/]+/",
        r"activities/page/[^/]+/",  # pages 2… of the list (build_tools/model/paging.py)
        r"activities/(types|regions|months|status)/[^/]+/page/[^/]+/",  # pages 2… of each group's list
        r"statistics/indicators/[^/]+/",  # last: lighthouse_pages takes FAMILIES[-1]
    )
)


def all_pages(site: Path) -> list[str]:
    """Site paths ("", "activities/", …) of every HTML page, sorted."""
    return sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html"))


def representative(site: Path) -> list[str]:
    """Every page that is not one of a family, plus the heaviest page of each family."""
    singles, heaviest = [], {}
    for path in all_pages(site):
        family = next((f for f in FAMILIES if f.fullmatch(path)), None)
        if family is None:
            singles.append(path)
        elif family not in heaviest or _size(site, path) > _size(site, heaviest[family]):
            heaviest[family] = path
    return sorted(singles + list(heaviest.values()))


def lighthouse_pages(site: Path) -> list[str]:
    """Home, the activity list, the heaviest activity page, statistics overview and heaviest indicator."""
    chosen = ["", "activities/", _heaviest(site, FAMILIES[0]), "statistics/", _heaviest(site, FAMILIES[-1])]
    return [p for p in chosen if p is not None and file_of(site, p).is_file()]


def file_of(site: Path, path: str) -> Path:
    """The file a static host serves for a site path."""
    return site / path if path.endswith(".html") else site / path / "index.html"


def _heaviest(site: Path, family: re.Pattern) -> str | None:
    members = [p for p in all_pages(site) if family.fullmatch(p)]
    return max(members, key=lambda p: (_size(site, p), p)) if members else None


def _size(site: Path, path: str) -> int:
    return file_of(site, path).stat().st_size
