"""The checked dataset: every record that passed validation, with its file and parsed document.

Validation makes it (validate.py); generation reads nothing else."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..check.site_settings import DEFAULT_MONTHS
from ..load.strict_yaml import Document
from ..stats.check import Statistics


@dataclass(frozen=True)
class Checked:
    file: str  # relative to the repository root
    record: dict  # typed values
    doc: Document


@dataclass(frozen=True)
class Dataset:
    """Everything the build publishes, checked. Later stages see nothing else."""

    root: Path
    activities: list[Checked]
    centres: list[Checked] = field(default_factory=list)
    policies: list[Checked] = field(default_factory=list)  # data/policies.yaml (0 or 1 file)
    hotlines: list[Checked] = field(default_factory=list)  # data/hotlines.yaml (0 or 1 file)
    organizations: list[Checked] = field(default_factory=list)  # data/organizations.yaml, checked like the rest
    site: list[Checked] = field(default_factory=list)  # data/site.yaml (exactly 1 file: the build needs it)
    removed: list[Checked] = field(default_factory=list)  # data/removed-activities.yaml: old addresses kept
    statistics: Statistics | None = None  # data/statistics/*.csv|xlsx, checked and audited
    privacy_allowed: frozenset[tuple[str, str]] = frozenset()  # (rule, text) of exceptions, ("image", sha256) stated
    archive_months: int = DEFAULT_MONTHS  # data/site.yaml: an activity ended this long ago is archived
