"""What the statistics pages show for each cell, and why a cell is blank.

Every suppressed cell reads the same (隐藏), whether it was below k or hidden so that a total
cannot give a small cell away: showing "<10" on the first kind only would tell everyone which
cells are small and undo the complementary suppression. The legend says both reasons.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..stats.check import Statistics
from ..stats.contract import RELEASES, Indicator, period_key, read_csv
from ..stats.tables import Cell

LEGEND = {
    "hidden": "**隐藏**：人数在 1 到 {below} 之间（或是非结构性的 0），不能公开；或者为了不让别人用合计和其他数推算出这样的格子，"
              "而把同一行、同一列的另一个数一并隐藏。两种情况有意显示得一样，否则就等于告诉别人哪些格子人数少。",
    "hidden-percent": "**隐藏**（百分比）：分子或分母少于 {k} 人、或已被隐藏、或是取整的约数时，不公布百分比。",
    "rounded": "**≈**：涉及敏感情况（如心理测评后需关注、劝返复学、困境儿童细分类）的人数，四舍五入到 5 的倍数。",
    "coded": "**≥95%**、**≤5%**：接近全部或接近没有时不公布准确的百分比，以免推算出个别孩子的情况。",
    "structural": "**0**（结构性为零）：这里本来就不可能有人，原因见表下说明。",
    "missing": "**—**：这一期没有提交这个数。",
}


@dataclass(frozen=True)
class Shown:
    text: str  # what the table says: "952", "≈55", "隐藏", "≥95%", "0", "—"
    mark: str  # the legend entry that explains it ("" for a plain number)
    number: float | None  # what a chart draws (None: a gap)


def number_text(value: int | float | None) -> str:
    """A value as written in tables and CSV: 1315, 72.5, or empty when suppressed."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def shown(cell: Cell | None, indicator: Indicator) -> Shown:
    """A cell as the pages show it."""
    if cell is None:
        return Shown("—", "missing", None)
    percent = not indicator.is_count
    if cell.value is None:
        return Shown("隐藏", "hidden-percent" if percent else "hidden", None)
    number = number_text(cell.value)
    if cell.flag == "top-coded":
        return Shown("≥95%", "coded", 95)
    if cell.flag == "bottom-coded":
        return Shown("≤5%", "coded", 5)
    if cell.flag == "structural-zero":
        return Shown("0", "structural", 0)
    if cell.flag == "rounded":
        return Shown(f"≈{number}", "rounded", cell.value)
    return Shown(f"{number}%" if percent else number, "", cell.value)


@dataclass
class StatsView:
    """Look-ups over the checked statistics that every statistics page needs."""

    stats: Statistics
    root: Path

    @cached_property
    def cells(self) -> dict[tuple, Cell]:
        return {c.key: c for c in self.stats.cells}

    @cached_property
    def periods(self) -> list[str]:
        return sorted({c.period for c in self.stats.cells}, key=period_key)

    @cached_property
    def counties(self) -> list[str]:
        present = {c.region for c in self.stats.cells}
        return [code for code in self.stats.contract.counties if code in present]

    @cached_property
    def releases(self) -> dict[str, dt.date]:
        return {r["period"]: dt.date.fromisoformat(r["published"]) for r in read_csv(self.root / RELEASES)}

    @property
    def latest_annual(self) -> str | None:
        annual = [p for p in self.periods if "Q" not in p]
        return annual[-1] if annual else (self.periods[-1] if self.periods else None)

    def get(self, period: str, region: str, level: str, indicator: str) -> Shown:
        return shown(self.cells.get((period, region, level, indicator)), self.stats.contract.indicators[indicator])

    def sources(self, indicator: str | None = None, region: str | None = None) -> list[str]:
        return sorted({c.source for c in self.stats.cells
                       if (indicator is None or c.indicator == indicator) and (region is None or c.region == region)})

    def updated(self) -> dt.date | None:
        dates = [self.releases[p] for p in self.periods if p in self.releases]
        return max(dates) if dates else None

    def legend(self, marks: set[str]) -> list[str]:
        k = self.stats.contract.k
        return [text.format(k=k, below=k - 1) for mark, text in LEGEND.items() if mark in marks]

    def structural_notes(self) -> list[tuple[str, str, str]]:
        """(region name, level name, reason) of every structural zero."""
        c = self.stats.contract
        return [(c.region_name(r), c.levels[lv], why) for (r, lv), why in sorted(c.structural.items()) if c.is_region(r)]
