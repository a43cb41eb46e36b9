"""Validation: load → schema → consistency → privacy scan (raw text), collected in one report.

`validate_activities` is what the CLI and the build call; it returns the report and the
typed records that passed, so later stages only ever see checked data.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from . import ROOT
from .check import consistency, directory_rules, duplicates, search_terms, site_settings
from .check.allow_lists import check_lists
from .check.contract import _contract, activity_files, is_activity_file
from .check.gc_pause import cycle_collector_paused
from .check.schema import RecordSchema
from .engine.forked import Beside
from .load.sources import is_linked, load_yaml, read_text, real_path, rel, report_symlink, symlinks
from .model.dataset import Checked, Dataset
from .privacy.files import scan_paths
from .report.problems import Report, quote
from .stats.check import in_statistics, statistics_files, validate_statistics, validate_statistics_paths
from .stats.package import check_package


def expand(paths: list[Path]) -> list[Path]:
    """Files named on the command line, with folders expanded."""
    out: list[Path] = []
    for p in paths:
        # Symlinks are kept whatever they point to: validate_paths refuses them by name.
        out.extend(sorted(q for q in p.rglob("*") if q.is_file() or q.is_symlink()) if p.is_dir() and not p.is_symlink() else [p])
    return out


def validate_activities(files: list[Path], root: Path = ROOT) -> tuple[Report, list[Checked]]:
    with cycle_collector_paused():
        return _validate_activities(files, root)


def _validate_activities(files: list[Path], root: Path) -> tuple[Report, list[Checked]]:
    report = Report()
    lists, schema = _contract(root)
    checked: list[Checked] = []
    for path in files:
        name = rel(path)
        if not is_activity_file(path):
            report.add("file/misplaced", name, 1, value=quote(name, 200), year=path.stem[:4] if path.stem[:4].isdigit() else "2026")
            continue
        doc = load_yaml(path, report)
        if doc is None:
            continue
        record = schema.check(doc, name, lists, report)
        consistency.check_record(record, doc, name, report)
        checked.append(Checked(name, record, doc))
    consistency.check_unique_ids([(c.file, c.record, c.doc) for c in checked], report)
    duplicates.check(checked, checked, report)
    return report, checked


# Care centres (one file each), the policy library and local hotlines (one file each, a list):
# kind → (where, schema in data/schemas/, consistency rules).
DIRECTORY = {
    "centres": ("data/centres/", "centre.schema.yaml", directory_rules.check_centre),
    "policies": ("data/policies.yaml", "policies.schema.yaml", directory_rules.check_policies),
    "hotlines": ("data/hotlines.yaml", "hotlines.schema.yaml", directory_rules.check_hotlines),
    "organizations": ("data/organizations.yaml", "organizations.schema.yaml", directory_rules.check_organizations),
    "site": ("data/site.yaml", "site.schema.yaml", directory_rules.check_site),  # footer, filing numbers, forge
    "removed": ("data/removed-activities.yaml", "removed-activities.schema.yaml", directory_rules.check_removed),
}


def directory_files(kind: str, root: Path = ROOT) -> list[Path]:
    """The repository's files of one kind of directory data (none when absent)."""
    where = root / DIRECTORY[kind][0]
    if where.is_dir():
        return sorted(p for p in where.rglob("*") if p.is_file() and p.name != ".gitkeep")
    return [where] if where.is_file() else []


def directory_kind(path: Path) -> str | None:
    """Which directory data a file is ("centres", "policies", "hotlines"), None for anything else."""
    posix = real_path(path)
    for kind, (where, _, _) in DIRECTORY.items():
        if (f"/{where}" in posix) if where.endswith("/") else posix.endswith(f"/{where}"):
            return kind
    return None


@lru_cache(maxsize=8)
def _schema(path: Path) -> RecordSchema:
    return RecordSchema(path)


def validate_directory(kind: str, files: list[Path], root: Path = ROOT) -> tuple[Report, list[Checked]]:
    """Load → schema → consistency for centre, policy or hotline files; like validate_activities."""
    _, schema_name, check = DIRECTORY[kind]
    report = Report()
    lists, schema = _contract(root)[0], _schema(root / "data/schemas" / schema_name)
    checked: list[Checked] = []
    for path in files:
        name = rel(path)
        if path.suffix != ".yaml":
            report.add("file/not-yaml", name, 1, value=quote(name, 200))
            continue
        doc = load_yaml(path, report)
        if doc is None:
            continue
        record = schema.check(doc, name, lists, report)
        check(record, doc, name, lists, report)
        checked.append(Checked(name, record, doc))
    return report, checked


def validate_paths(files: list[Path], root: Path = ROOT) -> Report:
    """The checks for files named on the command line, each by what kind of data it is.

    A symlink (or a file reached through a symlinked folder) is reported, never read.
    """
    links = Report()
    for path in (p for p in files if is_linked(p)):
        report_symlink(path, links)
    files = [p for p in files if not is_linked(p)]
    groups: dict[str | None, list[Path]] = defaultdict(list)
    for path in files:
        kind = "statistics" if in_statistics(path) else "search-terms" if search_terms.is_table(path) else None
        kind = "settings" if site_settings.is_site_file(path) else kind
        groups[kind or directory_kind(path)].append(path)
    synonyms = groups.pop("search-terms", [])
    for path in groups.pop("settings", []):
        site_settings.archive_months(path, links)  # data/site.yaml
    tables = groups.pop("statistics", [])
    report, _ = validate_activities(groups.pop(None, []), root)
    if tables:
        report.extend(validate_statistics_paths(tables, root))
    for kind, group in groups.items():
        report.extend(validate_directory(kind, group, root)[0])
    if synonyms:
        search_terms.check_synonyms(root, report)
    privacy_scan(files, report)
    report.extend(links)
    return report


def data_files(root: Path = ROOT) -> list[Path]:
    """Every file under data/, whatever its type (a photo or a roster must not hide there)."""
    return sorted(p for p in (root / "data").rglob("*") if p.is_file())


def content_files(root: Path = ROOT) -> list[Path]:
    """Every file under content/, whatever its type: all of it is copied into the site."""
    return sorted(p for p in (root / "content").rglob("*") if p.is_file())


MAX_PAGE_BYTES = 1024 * 1024  # a hand-written page; images and downloads are other files


def check_pages(root: Path, report: Report) -> None:
    """Every Markdown page under content/ is UTF-8 text without control characters: mkdocs
    would stop on it with a traceback instead of a message naming the file and line."""
    for path in content_files(root):
        if path.suffix.lower() in (".md", ".markdown"):
            read_text(path, report, limit=MAX_PAGE_BYTES)


def privacy_scan(files: list[Path], report: Report) -> Report:
    """The privacy scanner over the raw text of data files, into the same report (returned)."""
    return scan_paths(files, report).report


def _published_scan(root: Path) -> tuple[Report, frozenset[tuple[str, str]]]:
    """The privacy scan of everything the site is made from (data/ and content/), and what the
    built site may show: the spans reviewed exceptions let through, the images stated."""
    report = Report()
    scanner = scan_paths(data_files(root) + content_files(root), report, root)
    images = {("image", digest) for digest in scanner.statements.hashes}
    return report, frozenset(scanner.exceptions.allowed | images)


def validate_all(root: Path = ROOT) -> tuple[Report, Dataset]:
    """Every check the build runs before it renders anything (data files of every kind).

    A symlink among the build's sources (sources.SOURCES) stops validation before any file is
    read: the build reads only regular files inside the repository.
    """
    links = Report()
    for path in symlinks(root):
        report_symlink(path, links, root)
    if links.problems:
        return links, Dataset(root=root, activities=[])
    if not check_lists(root, links):
        # Every record and table check reads its values against these lists: they wait until the
        # lists are right. What needs no list still runs: personal data is reported whatever else is wrong.
        links.extend(_published_scan(root)[0])
        check_pages(root, links)
        return links, Dataset(root=root, activities=[])
    # The statistics (LP audit included) and the raw-text privacy scan of data/ and content/ run
    # on the other core meanwhile; their problems are reported after the records', as before.
    beside = Beside(lambda: (validate_statistics(statistics_files(root), root), _published_scan(root)))
    report, activities = validate_activities(activity_files(root), root)
    directory = {}
    for kind in DIRECTORY:
        found, directory[kind] = validate_directory(kind, directory_files(kind, root), root)
        report.extend(found)
    if not directory["site"] and not (root / DIRECTORY["site"][0]).exists():
        report.add("file/unreadable", DIRECTORY["site"][0], 1, reason="文件不存在（网站的运营单位、备案号和仓库地址写在这里）")
    search_terms.check_synonyms(root, report)  # the search's synonym table (a list, like the others)
    check_package(root, report)  # what the statistics download copies from data/
    check_pages(root, report)  # the hand-written pages mkdocs will read
    archive = site_settings.archive_months(root / site_settings.SITE_FILE, report)
    live = {c.record["id"] for c in activities}
    for c in directory["removed"]:
        directory_rules.check_removed_against(c.record, c.doc, c.file, live, report)
    (found, statistics), (scanned, allowed) = beside.result()
    report.extend(found)
    report.extend(scanned)
    return report, Dataset(root=root, activities=activities, **directory, statistics=statistics,
                           privacy_allowed=allowed, archive_months=archive)
