"""The preview of one changed activity record (`make serve`): check it, render its page, show it.

A full build at 5,000 activities takes minutes; a clerk who corrects a title wants to see it
at once. So when only activity records changed, each is checked on its own (everything
`check FILE` checks but the comparison with other records), rendered with the templates of
the full build into the docs folder that build left (build.build keep_docs), and only its pages
go through mkdocs (engine.mkdocs_edge.render_pages) into the served folder. List pages,
feeds and the search index catch up at the next full build: serve starts one whenever anything
else changes. The deployed site never comes from here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import ROOT
from ..check.contract import contract, is_activity_file
from ..check.site_settings import SITE_FILE, archive_months
from ..engine.mkdocs_edge import MkdocsFailed, render_pages, site_url
from ..generate import site_info
from ..load.sources import load_yaml
from ..model import link_status
from ..model.activity import build_activity
from ..model.archive import is_archived
from ..model.policies import PolicyIndex, build_policies
from ..pages.archive_pages import write_archived
from ..pages.footer import footer_values
from ..pages.render import environment, listed, write_activity
from ..report.problems import Report
from ..validate import (
    directory_files,
    validate_activities,
    validate_directory,
    validate_paths,
)


@dataclass(frozen=True)
class Shown:
    """What one preview did: the problems found (nothing rendered when any is an error) and the
    site addresses it rendered again."""

    report: Report
    urls: tuple[str, ...] = ()


def can_preview(changed: list[Path]) -> bool:
    """True when every changed path is an existing activity record: then pages alone are redone."""
    return bool(changed) and all(is_activity_file(p) and p.is_file() for p in changed)


def show(changed: list[Path], docs: Path, site: Path, today: dt.date, root: Path = ROOT) -> Shown:
    """Check each changed record; when none has an error, render its pages from docs into site."""
    report = validate_paths(changed, root)  # schema, consistency, privacy: the records' own checks
    if report.errors:
        return Shown(report)
    _, checked = validate_activities(changed, root)
    lists, _ = contract(root)
    info = site_info(load_yaml(root / SITE_FILE, Report()).value, site_url(root / "mkdocs.yml"))  # checked above
    policies = _policies(root)
    months = archive_months(root / SITE_FILE, Report())
    env, out = environment(), docs / "activities"
    pages: list[str] = []
    for c in checked:
        a = build_activity(c.file, c.record, lists)
        if is_archived(a, today, months):
            written = [write_archived(env, out, a, info)]
        else:
            written = write_activity(env, out, listed(a, today, link_status.broken(root)), info, lists, today, policies)
        pages.extend(p.relative_to(docs).as_posix() for p in written)
    try:
        render_pages(root / "mkdocs.yml", docs, site, pages, theme_values=footer_values(info, today))
    except MkdocsFailed as exc:
        return Shown(exc.report)
    return Shown(report, tuple("/" + p.removesuffix(".md").removesuffix("/index") + "/" for p in pages))


def _policies(root: Path) -> PolicyIndex:
    _, checked = validate_directory("policies", directory_files("policies", root), root)
    return PolicyIndex(tuple(p for c in checked for p in build_policies(c.record)))
