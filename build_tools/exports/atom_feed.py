"""Atom feed of newly added activities (feedgen), for feed readers and WeChat-free alerts.

"Newly added" is the optional `published` field (first publication), falling back to
`last_confirmed` for records without it. The feed lists activities that have not ended on
the build day, newest first, at most MAX_ENTRIES. Every date comes from the data: the feed's
<updated> is the newest entry's, so the same data gives the same bytes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from feedgen.feed import FeedGenerator

from ..engine import site_paths
from ..model.activity import when
from .common import listed, midnight, published

if TYPE_CHECKING:
    from ..model.context import Context

MAX_ENTRIES = 50
TITLE = "关爱留守儿童志愿活动：新发布的活动"


def atom(ctx: Context, region: dict | None = None) -> bytes:
    """The feed as UTF-8 XML bytes: of every county, or of one (a row of regions.csv)."""
    site = ctx.site
    items = [(a, s) for a, s in listed(ctx) if a.end_day >= ctx.today and (region is None or a.region_code == region["code"])]
    items.sort(key=lambda p: (published(p[0]), p[0].id), reverse=True)
    items = items[:MAX_ENTRIES]
    fg = FeedGenerator()
    where = region["prefecture"] + region["name"] if region else ""
    fg.id(f"tag:{site.uid_domain},2026:activities/new" + (f"/{region['code']}" if region else ""))
    fg.title(f"{TITLE}（{where}）" if region else TITLE)
    fg.subtitle(f"{where}学校、教育部门、妇联、共青团和志愿者协会新发布的关爱留守儿童志愿活动。")
    self_path = site_paths.county_atom(region["code"]) if region else site_paths.ATOM
    fg.link(href=site.url(self_path), rel="self", type="application/atom+xml")
    fg.link(href=site.url(site_paths.ACTIVITIES + (f"regions/{region['code']}/" if region else "")), rel="alternate", type="text/html")
    fg.language("zh-CN")
    fg.rights("数据按 CC BY 4.0 许可公开")
    fg.generator("关爱留守儿童志愿活动门户 build_tools", uri=site.url(site_paths.API_PAGE))
    newest = max((max(published(a), a.last_confirmed) for a, _ in items), default=ctx.today)
    fg.updated(midnight(newest))
    for a, status in reversed(items):  # feedgen prepends each entry: add oldest first
        entry = fg.add_entry()
        entry.id(f"tag:{site.uid_domain},2026:activities/{a.id}")
        entry.title(f"{a.title}（{status.label}）")
        entry.link(href=site.url(site_paths.page(a.id)), rel="alternate", type="text/html")
        entry.published(midnight(published(a)))
        entry.updated(midnight(max(published(a), a.last_confirmed)))
        entry.author(name=a.organizer_name)
        entry.category(term=a.type_code, label=a.type_name)
        entry.summary(f"{when(a)} · {a.region_name} · {a.venue_name}。{a.summary}")
    return fg.atom_str(pretty=True, encoding="UTF-8")


def write_atom(ctx: Context) -> None:
    """The Atom feed of all counties, and one per county of the allow-list (empty ones too: worth subscribing)."""
    site_paths.write(ctx.docs, site_paths.ATOM, atom(ctx))
    for region in ctx.lists.regions:
        site_paths.write(ctx.docs, site_paths.county_atom(region["code"]), atom(ctx, region))
