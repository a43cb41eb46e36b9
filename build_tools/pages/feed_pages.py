"""Pages that explain the machine-readable files: calendar subscriptions and the open API.

Both are generated because they list addresses (every type and county feed, the absolute
subscription links a phone needs) and the API's fields, which come from code and data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import site_paths
from ..exports import api, atom_feed, calendar_export
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context


@dataclass(frozen=True)
class Feed:
    name: str
    url: str  # https:// (or http:// locally): paste into a calendar
    webcal: str  # the same address as webcal://, which iPhone opens as a subscription
    file: str  # relative to the calendar page, for a plain download


def _feed(ctx: Context, name: str, path: str) -> Feed:
    url = ctx.site.url(path)
    return Feed(name, url, "webcal://" + url.split("://", 1)[1], path.removeprefix(site_paths.CALENDAR))


def feeds(ctx: Context) -> tuple[Feed, list[Feed], list[Feed]]:
    """The feed of all activities, the feeds per type and per county (all of them: a feed
    with no activity yet is still worth subscribing to)."""
    everything = _feed(ctx, "全部活动", site_paths.CALENDAR_ALL)
    types = [_feed(ctx, t["name"], site_paths.calendar_feed("types", t["code"])) for t in ctx.lists.activity_types]
    regions = [
        _feed(ctx, r["prefecture"] + r["name"], site_paths.calendar_feed("regions", r["code"]))
        for r in ctx.lists.regions
    ]
    return everything, types, regions


def pair_feeds(ctx: Context) -> list[Feed]:
    """A feed per activity type in a county, for the pairs that have activities."""
    names = {r["code"]: r["prefecture"] + r["name"] for r in ctx.lists.regions}
    return [
        _feed(ctx, f"{names[region]} · {type_name}", site_paths.calendar_pair_feed(type_code, region))
        for type_code, type_name, region in calendar_export.type_county_pairs(ctx.activities)
    ]


def county_atoms(ctx: Context) -> list[tuple[str, str]]:
    """(county, absolute address) of each county's Atom feed."""
    return [(r["prefecture"] + r["name"], ctx.site.url(site_paths.county_atom(r["code"]))) for r in ctx.lists.regions]


def write_feed_pages(ctx: Context) -> None:
    env = environment()
    everything, types, regions = feeds(ctx)
    calendar_page = env.get_template("calendar.md.j2").render(
        everything=everything,
        types=types,
        regions=regions,
        pairs=pair_feeds(ctx),
        county_atoms=county_atoms(ctx),
        site=ctx.site,
        atom=ctx.site.url(site_paths.ATOM),
        uid_domain=ctx.site.uid_domain,
        days_back=calendar_export.FEED_DAYS_BACK,
        epoch=calendar_export.SEQUENCE_EPOCH,
        max_entries=atom_feed.MAX_ENTRIES,
    )
    site_paths.write(ctx.docs, site_paths.CALENDAR + "index.md", calendar_page)
    api_page = env.get_template("api.md.j2").render(
        fields=api.FIELDS,
        version=api.VERSION,
        licence=api.LICENCE,
        json_url=ctx.site.url(site_paths.API_JSON),
        atom=ctx.site.url(site_paths.ATOM),
        calendar_all=ctx.site.url(site_paths.CALENDAR_ALL),
        site=ctx.site,
    )
    site_paths.write(ctx.docs, site_paths.API_PAGE.rstrip("/") + ".md", api_page)
