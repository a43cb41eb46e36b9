"""Render stage: typed activities → Markdown pages in the docs folder of this build.

One jinja2 Environment with StrictUndefined (a typo fails the build). Every `{{ … }}` that
is not already Markup passes through text.literal, so a template cannot forget to make data
inert; templates mark what they write themselves with filters that return Markup.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..engine.forked import split_map
from ..load.lists import Lists
from ..model.activity import Activity, when
from ..model.groupings import facets, groupings, months_of
from ..model.listing import Listed, sort_for_list
from ..model.paging import list_pages
from ..model.policies import PolicyIndex
from ..model.site import SiteInfo
from ..model.status import CONFIRM_WITHIN_DAYS, status_on, unconfirmed
from ..report import text
from .activity_page import activity_page

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value):
    return value if isinstance(value, Markup) else text.literal(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=True,  # macros then return Markup; finalize makes every other value literal
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # a build reads each template once; checking its time on every page cost 5% of generate
    )
    env.filters.update(
        attr=text.attr,
        date=lambda d: text.cn_date(d),
        date_week=lambda d: text.cn_date_week(d),
        when=when,
        front=text.front_matter,  # YAML front matter: title, description
        markdown=lambda v: Markup(v),  # restricted Markdown, checked by markdown_rules
        months=months_of,  # start|months(end): the months an activity touches (search filter)
    )
    return env


def listed(a: Activity, today: dt.date, broken: frozenset[str] = frozenset()) -> Listed:
    """An activity as the pages show it on the build day: its status, 待核实, a sign-up link that
    the link checker could not open. The full build and the one-page preview both use it."""
    return Listed(a, status_on(a, today), unconfirmed(a, today), a.signup_url in broken)


def write_activity(env: jinja2.Environment, out: Path, item: Listed, site: SiteInfo, lists: Lists, today: dt.date,
                   policies: PolicyIndex) -> list[Path]:
    """One activity's page and, while it is not over, its poster page, under out (docs/activities/);
    the files written. The full build and the preview of one changed record (schools/preview.py) both use it."""
    page = activity_page(item, site, lists, today)
    links = {ref: href for ref in item.activity.policy_refs if (href := policies.href(ref, "../"))}
    values = {"today": today, "confirm_days": CONFIRM_WITHIN_DAYS, "item": item, "a": item.activity, "page": page}
    paths = [out / f"{item.activity.id}.md"]
    out.mkdir(parents=True, exist_ok=True)
    paths[0].write_text(env.get_template("activity.md.j2").render(site=site, policy_links=links, **values), encoding="utf-8")
    if page.poster:
        paths.append(out / item.activity.id / "poster.md")
        paths[1].parent.mkdir(parents=True, exist_ok=True)
        paths[1].write_text(env.get_template("poster.md.j2").render(**values), encoding="utf-8")
    return paths


def write_pages(activities: list[Activity], today: dt.date, docs: Path, lists: Lists, site: SiteInfo,
                policies: PolicyIndex | None = None, broken: frozenset[str] = frozenset()) -> list[Path]:
    """Write every generated page under docs/activities/; returns the files written.

    `policies` links an activity's 政策依据 and each activity-type page to the policy library;
    `broken` holds the sign-up links the link checker could not open.
    """
    policies = policies or PolicyIndex()
    env = environment()
    items = [listed(a, today, broken) for a in activities]
    out = docs / "activities"
    written: list[Path] = []

    def write(rel: str, template: str, **ctx) -> Path:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(today=today, confirm_days=CONFIRM_WITHIN_DAYS, **ctx), encoding="utf-8")
        return path

    def put(rel: str, template: str, **ctx) -> None:
        written.append(write(rel, template, **ctx))

    def activity_files(part: list[Listed]) -> list[Path]:
        """Each activity's page and, while it is not over, its poster page (~3 ms a page)."""
        return [path for item in part for path in write_activity(env, out, item, site, lists, today, policies)]

    def put_list(first: str, title: str, listed: list[Listed], choices=None, type_code: str | None = None) -> None:
        """Every page of one list (paging.list_pages); an activity type's pages name the policies requiring it."""
        for page in list_pages(first, *sort_for_list(listed, today)):
            required = policies.for_type(type_code, page.root + "../") if type_code else []  # page.root + "../": docs root
            put(page.file, "list.md.j2", title=title, page=page, facets=choices, required_by=required)

    groups = groupings(items, lists)
    put_list("index.md", "志愿活动", items, choices=facets(groups, items, lists))  # only the full list has the filter
    for paths in split_map(activity_files, items):  # shared out over the cores
        written.extend(paths)
    for g in groups:  # by type, county, month, status: the same groupings as the filter, without JavaScript
        put(f"{g.folder}/index.md", "groups.md.j2", title=g.title, groups=[(x.code, x.name, x.note, len(x.items)) for x in g.groups])
        for x in g.groups:
            put_list(f"{g.folder}/{x.code}.md", g.list_title.format(name=x.name), x.items,
                     type_code=x.code if g.folder == "types" else None)
    return written
