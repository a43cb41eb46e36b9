"""Render and export stages: from the checked dataset to files in the build's docs folder.

Each generator takes (context) and writes Markdown pages or downloadable files (calendar,
feeds, JSON, QR codes…) under context.docs; mkdocs then builds and copies them. Add a
generator to GENERATORS to add pages; generators never read data files themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .check import search_terms
from .engine.mkdocs_edge import site_url
from .exports import api, atom_feed, calendar_export, form_data, qr, template_record
from .load.lists import Lists
from .model import archive, link_status
from .model.activity import build_activity
from .model.centres import build_centre
from .model.context import Context
from .model.dataset import Dataset
from .model.hotlines import HotlineBook, build_hotlines
from .model.policies import PolicyIndex, build_policies
from .model.site import SiteInfo
from .pages import (
    archive_pages,
    catalogue,
    directory_pages,
    feed_pages,
    field_reference,
    forge_page,
    home_page,
    removed_pages,
)
from .pages.render import write_pages
from .pages.statistics import statistics_pages


def activity_pages(ctx: Context) -> None:
    write_pages(ctx.activities, ctx.today, ctx.docs, ctx.lists, ctx.site, policies=ctx.policies,
                broken=link_status.broken(ctx.dataset.root))  # what the scheduled link check found


GENERATORS = [
    activity_pages,
    archive_pages.write_archive,  # activities ended long ago: a small page each, lists by year and county
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
    forge_page.write_forge_page,  # schools: direct links into the repository, in the forge's URL formats
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
    site = site_info(dataset.site[0].record, site_url(root / "mkdocs.yml"))
    every = [build_activity(c.file, c.record, lists) for c in dataset.activities]  # model
    activities, archived = archive.split(every, today, dataset.archive_months)
    directory = {
        "centres": tuple(build_centre(c.file, c.record, lists) for c in dataset.centres),
        "policies": PolicyIndex(tuple(p for c in dataset.policies for p in build_policies(c.record))),
        "hotlines": build_hotlines(dataset.hotlines[0].record) if dataset.hotlines else HotlineBook(),
    }
    return Context(dataset, activities, lists, site, today, docs, **directory, archived=archived)


def site_info(record: dict, url: str) -> SiteInfo:
    """data/site.yaml, as validated (schema site.schema.yaml), for the pages and exports."""
    return SiteInfo(repo_url=record["repo_url"].rstrip("/"), branch=record["branch"], site_url=url,
                    uid_domain=record["uid_domain"], forge_kind=record["forge"],
                    operator=dict(record.get("operator") or {}), filing=dict(record.get("filing") or {}))


def generate(dataset: Dataset, today: dt.date, docs: Path, keep_late: bool = False, release: bool = False) -> Context:
    """Run every generator into docs. The late files (QR codes, calendars) are made into docs
    too, unless keep_late: then the caller makes them, beside mkdocs (build.py). With release,
    the activities' validation trees (every value's line and column) are let go once modelled:
    no page needs them, and at 100,000 activities they are a gigabyte (issue 18)."""
    ctx = context(dataset, today, docs)
    if release:
        dataset.activities.clear()
    for generator in GENERATORS:
        generator(ctx)
    if not keep_late:
        ctx.late.write_into(docs)
    return ctx
