"""The archive's pages: one small page per archived activity at its old address, and the lists.

docs/activities/<id>.md (templates/archive.md.j2) for each activity model/archive.py archived,
docs/activities/archive/index.md (years, then counties, with counts) and one paged list per
year and county, archive/<year>/<county>.md (ARCHIVE_PAGE_SIZE lines a page: a line is small,
so a county's year fits on a few pages). They go through mkdocs and every check of the build
like any other page.
"""

from __future__ import annotations

from pathlib import Path

from ..engine.forked import split_map
from ..model.activity import Activity
from ..model.archive import Shelf, shelves
from ..model.paging import list_pages
from ..model.site import SiteInfo
from .render import environment

ARCHIVE_PAGE_SIZE = 200
FOLDER = "archive"  # under activities/


def shelf_file(year: int, region_code: str) -> str:
    """The first page of a county's year in the archive, relative to activities/."""
    return f"{FOLDER}/{year}/{region_code}.md"


def write_archived(env, out: Path, a: Activity, site: SiteInfo) -> Path:
    """One archived activity's page under out (docs/activities/): the full build and the preview use it."""
    path = out / f"{a.id}.md"
    path.write_text(env.get_template("archive.md.j2").render(a=a, site=site, shelf=shelf_file(a.start_day.year, a.region_code)),
                    encoding="utf-8")
    return path


def write_archive(ctx) -> None:
    """Every archive page into ctx.docs/activities/ (the index too when nothing is archived: the
    list pages link to it). ctx is generate.Context, not imported: pages sit below generate."""
    env, out = environment(), ctx.docs / "activities"
    by_year = shelves(ctx.archived)

    def write(rel: str, template: str, **values) -> None:
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(today=ctx.today, **values), encoding="utf-8")

    def activity_pages(part: list[Shelf]) -> None:
        for s in part:
            for a in s.items:
                write_archived(env, out, a, ctx.site)

    every = [s for year in by_year.values() for s in year]
    out.mkdir(parents=True, exist_ok=True)
    split_map(activity_pages, every)  # ~1 ms a page: shared out over the cores, as the live pages are
    for s in every:
        for page in list_pages(shelf_file(s.year, s.region_code), [], s.items, ARCHIVE_PAGE_SIZE):
            write(page.file, "archive-list.md.j2", shelf=s, page=page)
    totals = {year: sum(len(s.items) for s in counties) for year, counties in by_year.items()}
    write(f"{FOLDER}/index.md", "archive-index.md.j2", years=list(by_year.items()), year_totals=totals,
          total=len(ctx.archived), months=ctx.dataset.archive_months)
