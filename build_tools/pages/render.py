"""Render stage: typed activities → Markdown pages in the docs folder of this build.

One jinja2 Environment with StrictUndefined (a typo fails the build). Every `{{ … }}` that
is not already Markup passes through text.literal, so a template cannot forget to make data
inert; templates mark what they write themselves with filters that return Markup.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..engine.forked import split_map
from ..load.lists import Lists
from ..model.activity import Activity
from ..model.directory import PolicyIndex
from ..model.groupings import facets, groupings, months_of
from ..model.paging import list_pages
from ..model.status import CONFIRM_WITHIN_DAYS, Status, status_on, unconfirmed
from . import text
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
        when=text.when,
        front=text.front_matter,  # YAML front matter: title, description
        markdown=lambda v: Markup(v),  # restricted Markdown, checked by markdown_rules
        months=months_of,  # start|months(end): the months an activity touches (search filter)
    )
    return env


@dataclass(frozen=True)
class Listed:
    """An activity with its status on the build day, as list pages show it."""

    activity: Activity
    status: Status
    unconfirmed: bool = False  # 待核实 (status.unconfirmed): not confirmed shortly before its start
    signup_broken: bool = False  # the link checker could not open its sign-up form (model/link_status)


@dataclass(frozen=True)
class SiteInfo:
    repo_url: str
    branch: str
    site_url: str = "/"  # the public address from mkdocs.yml (mkdocs_edge.site_url), ends in /
    uid_domain: str = "localhost"  # data/site.yaml: calendar UIDs, Atom ids; never changes

    def edit_url(self, file: str) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{file}"

    def url(self, path: str) -> str:
        """The absolute address of a site path such as "activities/x/"."""
        return self.site_url + path


def sort_for_list(items: list[Listed], today: dt.date) -> tuple[list[Listed], list[Listed]]:
    """Upcoming (soonest first) and past (latest first)."""
    upcoming = sorted((i for i in items if i.activity.end_day >= today), key=lambda i: (i.activity.start_day, i.activity.id))
    past = sorted((i for i in items if i.activity.end_day < today), key=lambda i: (i.activity.start_day, i.activity.id), reverse=True)
    return upcoming, past


def write_pages(activities: list[Activity], today: dt.date, docs: Path, lists: Lists, site: SiteInfo,
                policies: PolicyIndex | None = None, broken: frozenset[str] = frozenset()) -> list[Path]:
    """Write every generated page under docs/activities/; returns the files written.

    `policies` links an activity's 政策依据 and each activity-type page to the policy library;
    `broken` holds the sign-up links the link checker could not open.
    """
    policies = policies or PolicyIndex()
    env = environment()
    items = [Listed(a, status_on(a, today), unconfirmed(a, today), a.signup_url in broken) for a in activities]
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
        paths = []
        for item in part:
            page = activity_page(item, site, lists, today)
            links = {ref: href for ref in item.activity.policy_refs if (href := policies.href(ref, "../"))}
            paths.append(write(f"{item.activity.id}.md", "activity.md.j2", item=item, a=item.activity, site=site,
                               page=page, policy_links=links))
            if page.poster:
                paths.append(write(f"{item.activity.id}/poster.md", "poster.md.j2", item=item, a=item.activity, page=page))
        return paths

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
