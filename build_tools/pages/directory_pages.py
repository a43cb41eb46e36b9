"""Pages of the public directory: care centres by county, the policy library, local numbers.

"Find the nearest open care centre" without asking where the visitor is: no geolocation and
no map service (the site never calls another host). The visitor picks a county, then reads
its townships; in each township open centres come first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..engine import site_paths
from ..model import link_status
from ..model.centres import STALE_AFTER_MONTHS, ShownCentre, show_centre
from ..model.policies import LEVELS
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context

CENTRES = "centres/"
POLICIES = "policies/index.md"
LOCAL_HELP = "help/local.md"  # /help/local/; content/help/index.md links to it


@dataclass(frozen=True)
class County:
    code: str
    name: str  # 岳阳市云溪区
    prefecture: str
    short: str  # 云溪区, under its prefecture's heading
    townships: list[tuple[str, list[ShownCentre]]]  # township → its centres, open first

    @property
    def centres(self) -> list[ShownCentre]:
        return [s for _, shown in self.townships for s in shown]

    @property
    def open_count(self) -> int:
        return sum(s.is_open for s in self.centres)


def counties(ctx: Context) -> list[County]:
    """Every county of data/lists/regions.csv, in its order, with its centres by township."""
    by_county: dict[str, dict[str, list[ShownCentre]]] = defaultdict(lambda: defaultdict(list))
    for centre in ctx.centres:
        by_county[centre.region_code][centre.township].append(show_centre(centre, ctx.today))
    out = []
    for r in ctx.lists.regions:
        towns = by_county.get(r["code"], {})
        # Townships ordered by their best centre (open and confirmed first), then by name; "" last.
        order = sorted(towns, key=lambda t: (t == "", min(s.sort_key()[:2] for s in towns[t]), t))
        out.append(
            County(
                r["code"],
                r["prefecture"] + r["name"],
                r["prefecture"],
                r["name"],
                [(t, sorted(towns[t], key=ShownCentre.sort_key)) for t in order],
            )
        )
    return out


def by_prefecture(all_counties: list[County]) -> list[tuple[str, list[County]]]:
    """Counties under their prefecture (岳阳市: 云溪区, 岳阳县…), in the order of regions.csv."""
    groups: dict[str, list[County]] = defaultdict(list)
    for c in all_counties:
        groups[c.prefecture].append(c)
    return list(groups.items())


def _render(ctx: Context, site_path: str, template: str, **values) -> None:
    page = environment().get_template(template).render(today=ctx.today, site=ctx.site, **values)
    site_paths.write(ctx.docs, site_path, page)


def centre_pages(ctx: Context) -> None:
    """centres/index.md (choose a county) and centres/<county code>.md for counties with centres."""
    all_counties = counties(ctx)
    _render(
        ctx,
        CENTRES + "index.md",
        "centres.md.j2",
        by_prefecture=by_prefecture(all_counties),
        kinds=ctx.lists.centre_kinds,
        total=len(ctx.centres),
        stale_months=STALE_AFTER_MONTHS,
    )
    for county in all_counties:
        if county.centres:
            _render(
                ctx,
                f"{CENTRES}{county.code}.md",
                "centres_county.md.j2",
                county=county,
                stale_months=STALE_AFTER_MONTHS,
            )


def policy_page(ctx: Context) -> None:
    """policies/index.md: the library by level, newest first, each with the activity types it requires."""
    typed = {a.type_code for a in ctx.activities}  # only these have an activity-type page to link to
    names = {t["code"]: t["name"] for t in ctx.lists.activity_types}
    levels = []
    for level, label in LEVELS.items():
        items = sorted((p for p in ctx.policies.policies if p.level == level), key=lambda p: (-p.year, p.id))
        if items:
            levels.append((level, label, items))
    _render(ctx, POLICIES, "policies.md.j2", levels=levels, names=names, typed=typed, file="data/policies.yaml",
            broken=link_status.broken(ctx.dataset.root))  # links the scheduled link check could not open


def hotline_page(ctx: Context) -> None:
    """help/local.md: each county's office numbers, as one-tap tel: links."""
    by_region = defaultdict(list)
    for line in ctx.hotlines.lines:
        by_region[line.region_code].append(line)
    groups = [
        (r["code"], r["prefecture"] + r["name"], by_region[r["code"]])
        for r in ctx.lists.regions
        if r["code"] in by_region
    ]
    _render(ctx, LOCAL_HELP, "hotlines.md.j2", groups=groups, example=ctx.hotlines.example, file="data/hotlines.yaml")
