"""The home page (docs/index.md), generated so that it shows what is on as of the build's day.

A first-time visitor should understand it in ten seconds: what this site is, the next
activities, where volunteers are wanted, a few key figures and how to get help. The text
lives in templates/home.md.j2; there is no content/index.md (it would be overwritten).

Key figures come from the functions in KEY_FIGURES, each returning Figure objects: to add
figures (the statistics pages will), append a function — the template needs no change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..engine import site_paths
from ..model.listing import Listed, sort_for_list
from ..model.status import status_on, unconfirmed
from .directory_pages import by_prefecture, counties
from .figures import Figure
from .render import environment
from .statistics import statistics_figures

if TYPE_CHECKING:
    from ..model.context import Context

# The home page stays the same size however many activities there are: a few of each, then a link.
UPCOMING_SHOWN = 4
RECRUITING_SHOWN = 5


def _listed(ctx: Context) -> list[Listed]:
    return [Listed(a, status_on(a, ctx.today), unconfirmed(a, ctx.today)) for a in ctx.activities]


def recruiting(items: list[Listed]) -> list[Listed]:
    """Activities whose sign-up is open, the nearest deadline first."""
    open_ = [i for i in items if i.status.open]
    return sorted(open_, key=lambda i: (i.activity.signup_deadline or i.activity.start_day, i.activity.id))


def activity_figures(ctx: Context) -> list[Figure]:
    upcoming, _ = sort_for_list(_listed(ctx), ctx.today)
    return [
        Figure(len(upcoming), "项即将举行的活动", "activities/"),
        Figure(len(recruiting(upcoming)), "项活动正在招募志愿者", "activities/status/"),
    ]


def directory_figures(ctx: Context) -> list[Figure]:
    open_centres = sum(c.status == "active" for c in ctx.centres)
    return [
        Figure(len(ctx.lists.regions), "个县区", "activities/regions/"),
        Figure(open_centres, "个关爱场所开放中", "centres/"),
    ]


# The home page's key figures, in order: each source returns Figure objects linking to its pages
# (the statistics' own, e.g. children paired with a mentor last year, come from pages/statistics.py).
KEY_FIGURES: list[Callable[[Context], list[Figure]]] = [activity_figures, directory_figures, statistics_figures]


def write_home(ctx: Context) -> None:
    """docs/index.md from templates/home.md.j2."""
    items = _listed(ctx)
    upcoming, _ = sort_for_list(items, ctx.today)
    open_ = recruiting(upcoming)
    figures = [f for source in KEY_FIGURES for f in source(ctx)]
    page = (
        environment()
        .get_template("home.md.j2")
        .render(
            today=ctx.today,
            upcoming=upcoming[:UPCOMING_SHOWN],
            more_upcoming=len(upcoming) > UPCOMING_SHOWN,
            recruiting=open_[:RECRUITING_SHOWN],
            open_count=len(open_),  # more than shown: a link to all of them (the list's filter)
            key_figures=figures,
            prefectures=by_prefecture([c for c in counties(ctx) if c.centres]),
        )
    )
    site_paths.write(ctx.docs, "index.md", page)
