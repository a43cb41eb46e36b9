"""Render and export stages: from the checked dataset to files in the build's docs folder.

Each generator takes (context) and writes Markdown pages or downloadable files (calendar,
feeds, JSON, QR codes…) under context.docs; mkdocs then builds and copies them. Add a
generator to GENERATORS to add pages; generators never read data files themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from .lists import Lists
from .model import Activity, build_activity
from .render import SiteInfo, write_pages
from .validate import Dataset


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    activities: list[Activity]  # typed, in file order
    lists: Lists
    site: SiteInfo
    today: dt.date
    docs: Path


def activity_pages(ctx: Context) -> None:
    write_pages(ctx.activities, ctx.today, ctx.docs, ctx.lists, ctx.site)


GENERATORS = [
    activity_pages,
]


def context(dataset: Dataset, today: dt.date, docs: Path) -> Context:
    root = dataset.root
    lists = Lists(root / "data")
    info = yaml.safe_load((root / "data/site.yaml").read_text(encoding="utf-8"))
    site = SiteInfo(repo_url=info["repo_url"].rstrip("/"), branch=info["branch"])
    activities = [build_activity(c.file, c.record, lists) for c in dataset.activities]  # model
    return Context(dataset, activities, lists, site, today, docs)


def generate(dataset: Dataset, today: dt.date, docs: Path) -> Context:
    ctx = context(dataset, today, docs)
    for generator in GENERATORS:
        generator(ctx)
    return ctx
