"""Validation: load → schema → consistency, collected in one report.

`validate_activities` is what the CLI and the build call; it returns the report and the
typed records that passed, so later stages only ever see checked data.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import ROOT, consistency
from .lists import Lists
from .problems import Report
from .schema import RecordSchema
from .sources import load_yaml, rel
from .strict_yaml import Document

ACTIVITY_DIR = "data/activities"


@dataclass(frozen=True)
class Checked:
    file: str  # relative to the repository root
    record: dict  # typed values
    doc: Document


def activity_files(root: Path = ROOT) -> list[Path]:
    return sorted(p for p in (root / ACTIVITY_DIR).rglob("*") if p.is_file() and p.name != ".gitkeep")


def expand(paths: list[Path]) -> list[Path]:
    """Files named on the command line, with folders expanded."""
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(q for q in p.rglob("*") if q.is_file()) if p.is_dir() else [p])
    return out


@lru_cache(maxsize=4)
def _contract(root: Path) -> tuple[Lists, RecordSchema]:
    """The allow-lists and the schema, read once per process."""
    return Lists(root / "data"), RecordSchema(root / "data/schemas/activity.schema.yaml")


def validate_activities(files: list[Path], root: Path = ROOT) -> tuple[Report, list[Checked]]:
    report = Report()
    lists, schema = _contract(root)
    checked: list[Checked] = []
    for path in files:
        name = rel(path)
        if path.suffix != ".yaml" or f"{ACTIVITY_DIR}/" not in path.resolve().as_posix():
            report.add("file/misplaced", name, 1, value=f"“{name}”", year=path.stem[:4] if path.stem[:4].isdigit() else "2026")
            continue
        doc = load_yaml(path, report)
        if doc is None:
            continue
        record = schema.check(doc, name, lists, report)
        consistency.check_record(record, doc, name, report)
        checked.append(Checked(name, record, doc))
    consistency.check_unique_ids([(c.file, c.record, c.doc) for c in checked], report)
    return report, checked


@dataclass(frozen=True)
class Dataset:
    """Everything the build publishes, checked. Later stages see nothing else."""

    root: Path
    activities: list[Checked]


def validate_all(root: Path = ROOT) -> tuple[Report, Dataset]:
    """Every check the build runs before it renders anything (data files of every kind)."""
    report, activities = validate_activities(activity_files(root), root)
    return report, Dataset(root=root, activities=activities)
