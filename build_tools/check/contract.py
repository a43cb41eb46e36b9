"""The activity contract: where activity records live, their allow-lists and their schema.

What every tool that reads or writes a record agrees on (validation, fmt, new, diff, the web
form's data, the template record)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .. import ROOT
from ..load.lists import Lists
from ..load.sources import ACTIVITY_DIR, real_path
from .schema import RecordSchema


def activity_files(root: Path = ROOT) -> list[Path]:
    return sorted(p for p in (root / ACTIVITY_DIR).rglob("*") if p.is_file() and p.name != ".gitkeep")


def is_activity_file(path: Path) -> bool:
    """A .yaml file under data/activities/ (anything else there is misplaced)."""
    return path.suffix == ".yaml" and f"{ACTIVITY_DIR}/" in real_path(path)


@lru_cache(maxsize=4)
def _contract(root: Path) -> tuple[Lists, RecordSchema]:
    """The allow-lists and the schema, read once per process."""
    return Lists(root / "data"), RecordSchema(root / "data/schemas/activity.schema.yaml")


def contract(root: Path = ROOT) -> tuple[Lists, RecordSchema]:
    """The activity allow-lists and schema, cached: for fmt, new, diff, check and the form data."""
    return _contract(root)
