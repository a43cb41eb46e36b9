"""The statistics contract kept as data: indicators, levels, regions, townships, the threshold k,
structural zeros and the suppression ledger (all under data/, read once per validation)."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .. import ROOT
from ..load.sources import load_yaml, real_path, rel
from ..report.problems import Report, quote

MIN_K = 10  # the threshold may be raised in data/statistics/policy.yaml, never lowered
ROUND_TO = 5  # counts of children with a sensitive attribute are rounded to a multiple of this
POLICY = "data/statistics/policy.yaml"
LEDGER = "data/statistics/suppression-ledger.csv"
STRUCTURAL = "data/statistics/structural-zeros.csv"
LEDGER_FIELDS = ["region", "level", "indicator", "since"]
#: The columns of a published table, in order (data/schemas/statistics.schema.yaml).
COLUMNS = ["period", "region", "level", "indicator", "value", "flag", "source", "note"]
#: Files under data/statistics/ that are configuration, not published tables.
NOT_TABLES = {"suppression-ledger.csv", "structural-zeros.csv", "releases.csv", "policy.yaml", "roster-mapping.yaml"}
STATS_DIR = "data/statistics"
SUFFIXES = {".csv", ".xlsx"}


def is_table(path: Path) -> bool:
    """A published table: a .csv or .xlsx under data/statistics/ that is not configuration."""
    return path.suffix.lower() in SUFFIXES and f"{STATS_DIR}/" in real_path(path) and path.name not in NOT_TABLES


def statistics_files(root: Path = ROOT) -> list[Path]:
    folder = root / STATS_DIR
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_table(p)) if folder.is_dir() else []


RELEASES = "data/statistics/releases.csv"  # period → the date its tables were published


@dataclass(frozen=True)
class Indicator:
    code: str
    name: str
    unit: str  # "count" or "percent"
    sensitive: bool  # counts children with a sensitive attribute: rounded to ROUND_TO
    difficulty_subtype: bool  # a subtype of children in difficulty: county level only
    numerator: str  # for a percentage: the count indicators it is made of
    denominator: str
    description: str

    @property
    def is_count(self) -> bool:
        return self.unit == "count"


@dataclass(frozen=True)
class Contract:
    k: int
    indicators: dict[str, Indicator]
    levels: dict[str, str]  # code → name, in display order; "all" is the sum of the others
    counties: dict[str, str]  # code → display name (prefecture + county)
    short_names: dict[str, str]  # code → county name alone (charts)
    townships: dict[str, tuple[str, str]]  # code → (name, county code)
    structural: dict[tuple[str, str], str]  # (region, level) → why the value is always 0
    ledger: dict[tuple[str, str, str], str]  # (region, level, indicator) → first period suppressed

    @property
    def parts(self) -> list[str]:
        """The levels that add up to "all"."""
        return [code for code in self.levels if code != "all"]

    def county_of(self, region: str) -> str:
        return region if region in self.counties else self.townships[region][1]

    def townships_of(self, county: str) -> list[str]:
        return [code for code, (_, c) in self.townships.items() if c == county]

    def region_name(self, region: str) -> str:
        if region in self.counties:
            return self.counties[region]
        name, county = self.townships[region]
        return f"{self.counties[county]}{name}"

    def is_region(self, region: str) -> bool:
        return region in self.counties or region in self.townships


def read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def read_k(root: Path, report: Report) -> int:
    """k from policy.yaml; a k below MIN_K (or not a whole number) is an error and MIN_K is used."""
    path = root / POLICY
    if not path.is_file():
        return MIN_K
    doc = load_yaml(path, report)
    raw = doc.value.get("k", "") if doc and isinstance(doc.value, dict) else ""
    if isinstance(raw, str) and raw.isdigit() and int(raw) >= MIN_K:
        return int(raw)
    line = doc.line(("k",)) if doc else 1
    report.add("stats/k-lowered", rel(path), line, "k", value=quote(raw, 20), minimum=MIN_K)
    return MIN_K


def load_contract(root: Path, report: Report) -> Contract:
    """Every list the statistics rules need, from root/data."""
    data = root / "data"
    indicators = {
        r["code"]: Indicator(r["code"], r["name"], r["unit"], r["sensitive"] == "yes", r["difficulty_subtype"] == "yes",
                             r["numerator"], r["denominator"], r["description"])
        for r in read_csv(data / "lists/indicators.csv")
    }
    return Contract(
        k=read_k(root, report),
        indicators=indicators,
        levels={r["code"]: r["name"] for r in read_csv(data / "lists/levels.csv")},
        counties={r["code"]: r["prefecture"] + r["name"] for r in read_csv(data / "lists/regions.csv")},
        short_names={r["code"]: r["name"] for r in read_csv(data / "lists/regions.csv")},
        townships={r["code"]: (r["name"], r["county"]) for r in read_csv(data / "lists/townships.csv")},
        structural={(r["region"], r["level"]): r["reason"] for r in read_csv(root / STRUCTURAL)},
        ledger=read_ledger(root / LEDGER),
    )


def read_ledger(path: Path) -> dict[tuple[str, str, str], str]:
    """(region, level, indicator) → the first period hidden; a cell written twice keeps the
    earlier period (a second line must not move it later)."""
    ledger: dict[tuple[str, str, str], str] = {}
    for r in read_csv(path):
        key, since = (r.get("region") or "", r.get("level") or "", r.get("indicator") or ""), r.get("since") or ""
        if _PERIOD.fullmatch(since) and (key not in ledger or period_key(since) < period_key(ledger[key])):
            ledger[key] = since
    return ledger


_PERIOD = re.compile(r"[0-9]{4}(?:Q[1-4])?")


def period_key(period: str) -> tuple[int, int]:
    """Order of periods: 2025 < 2026Q1 < … < 2026Q4 < 2026 (a year ends after its last quarter)."""
    year, _, quarter = period.partition("Q")
    return int(year), int(quarter) if quarter else 5
