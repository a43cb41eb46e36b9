"""A private roster (one row per child) counted into true totals per township, level and indicator.

Only the columns named in data/statistics/roster-mapping.yaml are read; every other column
(姓名, 身份证号, 住址, 电话…) is skipped without being looked at, and no message repeats a
roster cell: problems name the row and the column only.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..load.sources import rel
from ..report.problems import Report
from .contract import Contract
from .tableio import MAX_ROSTER_BYTES, read_rows

MAPPING = "data/statistics/roster-mapping.yaml"
_SEPARATORS = re.compile(r"[、,，;；/\s]+")
Counts = dict[tuple[str, str, str], int]  # (region, level, indicator) → true count


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, list[str]]  # internal name → accepted headers
    yes: frozenset[str]
    no: frozenset[str]
    levels: dict[str, str]  # spelling → level code
    indicators: dict[str, dict]  # indicator code → how it is counted

    @classmethod
    def load(cls, path: Path) -> "Mapping":
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        levels = {spelling: code for code, spellings in raw["levels"].items() for spelling in spellings}
        return cls(raw["columns"], frozenset(raw["true_values"]), frozenset(raw["false_values"]), levels, raw["indicators"])

    def needed(self) -> list[str]:
        """The internal columns the indicators need, with township and level first."""
        used = [spec["column"] for spec in self.indicators.values() if "column" in spec]
        if any("category" in spec for spec in self.indicators.values()):
            used.append("category")
        return ["township", "level", *dict.fromkeys(used)]


def count_roster(path: Path, mapping: Mapping, contract: Contract, report: Report) -> Counts | None:
    """True counts for every township of the counties the roster covers; None after problems."""
    rows = read_rows(path, report, limit=MAX_ROSTER_BYTES, published=False)
    if rows is None:
        return None
    name = rel(path)
    where = _locate(rows.header, mapping, name, report)
    if where is None:
        return None
    counts: Counter = Counter()
    towns = {code: code for code in contract.townships} | _names(contract)
    for number, cells in rows.numbered():
        row = _Row(cells, where, number, name, mapping, report)
        township, level = row.lookup("township", towns), row.lookup("level", mapping.levels)
        flags = {code: row.counts(spec) for code, spec in mapping.indicators.items()}
        if township and level and None not in flags.values():
            for code, hit in flags.items():
                counts[(township, level, code)] += hit
    return None if report.errors else _complete(counts, mapping, contract)


def _names(contract: Contract) -> dict[str, str]:
    """Township names that are unique across the list (an ambiguous name must be written as a code)."""
    seen = Counter(name for name, _ in contract.townships.values())
    return {name: code for code, (name, _) in contract.townships.items() if seen[name] == 1}


def _locate(header: list[str], mapping: Mapping, name: str, report: Report) -> dict[str, int] | None:
    where = {}
    for column in mapping.needed():
        accepted = mapping.columns[column]
        index = next((header.index(h) for h in accepted if h in header), None)
        if index is None:
            report.add("roster/missing-column", name, 1, accepted[0], header=accepted[0], accepted="、".join(accepted))
        else:
            where[column] = index
    return None if report.errors else where


@dataclass
class _Row:
    cells: list[str]
    where: dict[str, int]
    number: int
    file: str
    mapping: Mapping
    report: Report

    def text(self, column: str) -> str:
        i = self.where[column]
        return self.cells[i].strip() if i < len(self.cells) else ""

    def problem(self, column: str, accepted: list[str]) -> None:
        header = self.mapping.columns[column][0]
        shown = "、".join(accepted[:8]) + ("…" if len(accepted) > 8 else "")
        self.report.add("roster/unknown-value", self.file, self.number, header, column=self.where[column] + 1,
                        header=header, accepted=shown)

    def lookup(self, column: str, table: dict[str, str]) -> str | None:
        value = table.get(self.text(column))
        if value is None:
            self.problem(column, list(table))
        return value

    def counts(self, spec: dict) -> int | None:
        """1 when the child counts towards the indicator, 0 when not, None for an unreadable cell."""
        if spec.get("count_all"):
            return 1
        if "category" in spec:
            return int(bool(set(_SEPARATORS.split(self.text("category"))) & set(spec["category"])))
        value = self.text(spec["column"])
        if value in self.mapping.yes:
            return 1
        if value == "" or value in self.mapping.no:
            return 0
        self.problem(spec["column"], sorted(self.mapping.yes | self.mapping.no))
        return None


def _complete(counts: Counter, mapping: Mapping, contract: Contract) -> Counts:
    """Every township of each county the roster covers, each level, with county and "all" totals."""
    counties = sorted({contract.county_of(t) for t, _, _ in counts})
    out: Counts = {}
    for county in counties:
        for code in mapping.indicators:
            for level in contract.parts:
                towns = {t: counts.get((t, level, code), 0) for t in contract.townships_of(county)}
                out.update({(t, level, code): n for t, n in towns.items()})
                out[(county, level, code)] = sum(towns.values())
            for region in (county, *contract.townships_of(county)):
                out[(region, "all", code)] = sum(out[(region, lv, code)] for lv in contract.parts)
    return out
