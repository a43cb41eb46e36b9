"""Render stage: typed activities → Markdown pages in the docs folder of this build.

One jinja2 Environment with StrictUndefined (a typo fails the build). Every `{{ … }}` that
is not already Markup passes through text.literal, so a template cannot forget to make data
inert; templates mark what they write themselves with filters that return Markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import text
from .lists import Lists
from .model import Activity
from .status import Status, status_on

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
    )
    env.filters.update(
        attr=text.attr,
        date=lambda d: text.cn_date(d),
        date_week=lambda d: text.cn_date_week(d),
        when=text.when,
        front=lambda v: Markup(json.dumps(str(v), ensure_ascii=False)),  # YAML front matter
        markdown=lambda v: Markup(v),  # restricted Markdown, checked by markdown_rules
    )
    return env


@dataclass(frozen=True)
class Listed:
    """An activity with its status on the build day, as list pages show it."""

    activity: Activity
    status: Status


@dataclass(frozen=True)
class SiteInfo:
    repo_url: str
    branch: str

    def edit_url(self, file: str) -> str:
        return f"{self.repo_url}/edit/{self.branch}/{file}"


def sort_for_list(items: list[Listed], today: dt.date) -> tuple[list[Listed], list[Listed]]:
    """Upcoming (soonest first) and past (latest first)."""
    upcoming = sorted((i for i in items if i.activity.end_day >= today), key=lambda i: (i.activity.start_day, i.activity.id))
    past = sorted((i for i in items if i.activity.end_day < today), key=lambda i: (i.activity.start_day, i.activity.id), reverse=True)
    return upcoming, past


def write_pages(activities: list[Activity], today: dt.date, docs: Path, lists: Lists, site: SiteInfo) -> list[Path]:
    """Write every generated page under docs/activities/; returns the files written."""
    env = environment()
    items = [Listed(a, status_on(a, today)) for a in activities]
    out = docs / "activities"
    written: list[Path] = []

    def put(rel: str, template: str, **ctx) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(today=today, **ctx), encoding="utf-8")
        written.append(path)

    upcoming, past = sort_for_list(items, today)
    put("index.md", "list.md.j2", title="志愿活动", upcoming=upcoming, past=past, lists=lists, depth=1)
    for item in items:
        put(f"{item.activity.id}.md", "activity.md.j2", item=item, a=item.activity, site=site)
    by_type, by_region = defaultdict(list), defaultdict(list)
    for item in items:
        by_type[item.activity.type_code].append(item)
        by_region[item.activity.region_code].append(item)
    types = [t for t in lists.activity_types if t["code"] in by_type]
    regions = [r for r in lists.regions if r["code"] in by_region]
    put("types/index.md", "groups.md.j2", title="按类型浏览活动", groups=[(t["code"], t["name"], t["description"], len(by_type[t["code"]])) for t in types])
    put("regions/index.md", "groups.md.j2", title="按县区浏览活动", groups=[(r["code"], r["prefecture"] + r["name"], r["province"], len(by_region[r["code"]])) for r in regions])
    for t in types:
        up, old = sort_for_list(by_type[t["code"]], today)
        put(f"types/{t['code']}.md", "list.md.j2", title=f"{t['name']}活动", upcoming=up, past=old, lists=lists, depth=2)
    for r in regions:
        up, old = sort_for_list(by_region[r["code"]], today)
        put(f"regions/{r['code']}.md", "list.md.j2", title=f"{r['prefecture']}{r['name']}的活动", upcoming=up, past=old, lists=lists, depth=2)
    return written
