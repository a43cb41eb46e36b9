"""Allow-lists kept as data: activity types, regions, skills (data/lists/*.csv) and organisers."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .. import ROOT
from ..report.problems import Report
from .sources import load_yaml


@dataclass(frozen=True)
class AllowList:
    """Values a field may take (`accepted`), each with a display label, plus what they are called."""

    name: str
    title: str
    path: str
    labels: dict[str, str]  # accepted value → label shown on the site
    aliases: dict[str, str]  # other spellings people write → the accepted value (for suggestions)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@dataclass
class Lists:
    """All allow-lists of a data folder, read once."""

    data_dir: Path = ROOT / "data"

    @cached_property
    def activity_types(self) -> list[dict[str, str]]:
        return _read_csv(self.data_dir / "lists/activity-types.csv")

    @cached_property
    def regions(self) -> list[dict[str, str]]:
        return _read_csv(self.data_dir / "lists/regions.csv")

    @cached_property
    def skills(self) -> list[dict[str, str]]:
        return _read_csv(self.data_dir / "lists/skills.csv")

    @cached_property
    def centre_kinds(self) -> list[dict[str, str]]:
        return _read_csv(self.data_dir / "lists/centre-kinds.csv")

    @cached_property
    def centre_services(self) -> list[dict[str, str]]:
        return _read_csv(self.data_dir / "lists/centre-services.csv")

    @cached_property
    def area_codes(self) -> dict[str, str]:
        """Prefecture name → telephone area code (0730 岳阳市…), for the area-code check."""
        return {r["prefecture"]: r["area_code"] for r in _read_csv(self.data_dir / "lists/area-codes.csv")}

    @cached_property
    def organizations(self) -> list[dict[str, str]]:
        """The well-formed organiser entries; what is wrong with the file is validation's to report."""
        doc = load_yaml(self.data_dir / "organizations.yaml", Report())
        items = (doc.value.get("organizations") if doc else None) or []
        return [o for o in items if isinstance(o, dict) and isinstance(o.get("id"), str) and isinstance(o.get("name"), str)]

    @cached_property
    def by_name(self) -> dict[str, AllowList]:
        """The lists that schema fields refer to with `x-list`."""
        return {
            "activity-types": AllowList(
                "activity-types", "活动类型表", "data/lists/activity-types.csv",
                {t["name"]: t["name"] for t in self.activity_types},
                {t["code"]: t["name"] for t in self.activity_types},
            ),
            "regions": AllowList(
                "regions", "县区代码表", "data/lists/regions.csv",
                {r["code"]: r["prefecture"] + r["name"] for r in self.regions},
                {**{r["name"]: r["code"] for r in self.regions}, **{r["prefecture"] + r["name"]: r["code"] for r in self.regions}},
            ),
            "skills": AllowList(
                "skills", "技能表", "data/lists/skills.csv",
                {s["name"]: s["name"] for s in self.skills},
                {s["code"]: s["name"] for s in self.skills},
            ),
            # Policies name the activity types they require by code (stable if a name changes).
            "activity-type-codes": AllowList(
                "activity-type-codes", "活动类型表（代码）", "data/lists/activity-types.csv",
                {t["code"]: t["name"] for t in self.activity_types},
                {t["name"]: t["code"] for t in self.activity_types},
            ),
            "centre-kinds": AllowList(
                "centre-kinds", "关爱场所类型表", "data/lists/centre-kinds.csv",
                {k["name"]: k["name"] for k in self.centre_kinds},
                {k["code"]: k["name"] for k in self.centre_kinds},
            ),
            "centre-services": AllowList(
                "centre-services", "关爱场所服务表", "data/lists/centre-services.csv",
                {s["name"]: s["name"] for s in self.centre_services},
                {s["code"]: s["name"] for s in self.centre_services},
            ),
            "organizations": AllowList(
                "organizations", "主办单位表", "data/organizations.yaml",
                {o["id"]: o["name"] for o in self.organizations},
                {o["name"]: o["id"] for o in self.organizations},
            ),
        }

    def type_code(self, name: str) -> str:
        return next(t["code"] for t in self.activity_types if t["name"] == name)

    def region(self, code: str) -> dict[str, str]:
        return next(r for r in self.regions if r["code"] == code)

    def organization(self, org_id: str) -> dict[str, str]:
        return next(o for o in self.organizations if o["id"] == org_id)
