"""Render and export stages: from the checked dataset to files in the build's docs folder.

Each generator takes (context) and writes Markdown pages or downloadable files (calendar,
feeds, JSON, QR codes…) under context.docs; mkdocs then builds and copies them. Add a
generator to GENERATORS to add pages; generators never read data files themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .check import search_terms
from .engine.forked import LateFiles
from .engine.mkdocs_edge import site_url
from .exports import api, atom_feed, calendar_export, form_data, qr, template_record
from .load.lists import Lists
from .model import link_status
from .model.activity import Activity, build_activity
from .model.directory import Centre, HotlineBook, PolicyIndex, build_centre, build_hotlines, build_policies
from .pages import catalogue, directory_pages, feed_pages, field_reference, home_page, removed_pages
from .pages.render import SiteInfo, write_pages
from .pages.statistics import statistics_pages
from .validate import Dataset


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    activities: list[Activity]  # typed, in file order
    lists: Lists
    site: SiteInfo
    today: dt.date
    docs: Path
    centres: tuple[Centre, ...] = ()  # care centres, in file order
    policies: PolicyIndex = field(default_factory=PolicyIndex)  # the policy library, which other pages link to
    hotlines: HotlineBook = field(default_factory=HotlineBook)  # local help numbers
    late: LateFiles = field(default_factory=LateFiles)  # slow files no page needs while mkdocs runs


def activity_pages(ctx: Context) -> None:
    write_pages(ctx.activities, ctx.today, ctx.docs, ctx.lists, ctx.site, policies=ctx.policies,
                broken=link_status.broken(ctx.dataset.root))  # what the scheduled link check found


GENERATORS = [
    activity_pages,
    removed_pages.write_removed_pages,  # the old addresses of deleted or renamed activities
    calendar_export.write_calendars,  # .ics per activity; feeds: all, per type, per county
    atom_feed.write_atom,  # Atom feed of newly published activities
    api.write_api,  # activities.json (open API) and filter.json (the list filter's index)
    qr.write_codes,  # QR codes of each activity page and sign-up form
    feed_pages.write_feed_pages,  # the calendar subscription and API pages
    field_reference.write_field_reference,  # schools: every field of every schema, every allow-list
    catalogue.write_catalogue,  # schools: every rule code with its message, hint and example
    form_data.write_form_data,  # schools: lists and constraints for the web form
    template_record.write_template,  # schools: the commented template record to download
    directory_pages.centre_pages,  # care centres: choose a county, then its townships
    directory_pages.policy_page,  # the policy library
    directory_pages.hotline_page,  # local help numbers by county (help/local/)
    statistics_pages,  # statistics: overview, method, one page per indicator and county, charts, bundle
    home_page.write_home,  # the home page: upcoming, volunteers wanted, key figures, help
    search_terms.write_synonyms,  # search/synonyms.json: misspellings and other words people type
]


def context(dataset: Dataset, today: dt.date, docs: Path) -> Context:
    root = dataset.root
    lists = Lists(root / "data")
    info = yaml.safe_load((root / "data/site.yaml").read_text(encoding="utf-8"))
    site = SiteInfo(repo_url=info["repo_url"].rstrip("/"), branch=info["branch"],
                    site_url=site_url(root / "mkdocs.yml"), uid_domain=info["uid_domain"])
    activities = [build_activity(c.file, c.record, lists) for c in dataset.activities]  # model
    directory = {
        "centres": tuple(build_centre(c.file, c.record, lists) for c in dataset.centres),
        "policies": PolicyIndex(tuple(p for c in dataset.policies for p in build_policies(c.record))),
        "hotlines": build_hotlines(dataset.hotlines[0].record) if dataset.hotlines else HotlineBook(),
    }
    return Context(dataset, activities, lists, site, today, docs, **directory)


def generate(dataset: Dataset, today: dt.date, docs: Path, keep_late: bool = False) -> Context:
    """Run every generator into docs. The late files (QR codes, calendars) are made into docs
    too, unless keep_late: then the caller makes them, beside mkdocs (build.py)."""
    ctx = context(dataset, today, docs)
    for generator in GENERATORS:
        generator(ctx)
    if not keep_late:
        ctx.late.write_into(docs)
    return ctx
