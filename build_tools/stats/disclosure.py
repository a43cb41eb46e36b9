"""Disclosure rules of a published statistics table (ARCHITECTURE.md §4.5), cell by cell and across cells.

A message never repeats a count below k: it says which row and column, and what to do.
"""

from __future__ import annotations

import re

from ..report.problems import Report, quote
from ..report.suggest import closest, did_you_mean
from .audit import Published, audit
from .contract import COLUMNS, ROUND_TO, Contract, period_key
from .structure import relations
from .tables import Cell

_SCHOOL = re.compile(r"^[0-9]{10}$|学校|小学|中学|幼儿园|学$")
_VILLAGE = re.compile(r"^[0-9]{12}$|村|社区|组$")
def _add(report: Report, code: str, cell: Cell, name: str, **params) -> None:
    column = COLUMNS.index(name) + 1 if name in COLUMNS else 0  # as a spreadsheet counts: period is 1
    report.add(code, cell.file, cell.row, name, column=column, **params)


def check_cell(cell: Cell, contract: Contract, report: Report) -> bool:
    """Rules that one row breaks on its own; False when the row cannot be used further."""
    indicator = contract.indicators[cell.indicator]
    if not contract.is_region(cell.region):
        _region_problem(cell, indicator.sensitive, contract, report)
        return False
    if indicator.difficulty_subtype and cell.region in contract.townships:
        _add(report, "stats/subtype-below-county", cell, "region", indicator=indicator.name)
    if not _flag_matches(cell, indicator.is_count, report):
        return False
    if cell.value is None:
        return True
    if indicator.is_count:
        _count_rules(cell, indicator.sensitive, contract, report)
    elif cell.value > 100:
        _add(report, "stats/value-range", cell, "value", value=quote(cell.value), problem="百分比不能大于 100")
        return False
    elif (cell.value <= 5 and cell.flag != "bottom-coded") or (cell.value >= 95 and cell.flag != "top-coded"):
        _add(report, "stats/percent-not-coded", cell, "value")
    return True


def _region_problem(cell: Cell, sensitive: bool, contract: Contract, report: Report) -> None:
    if _SCHOOL.search(cell.region):
        _add(report, "stats/school-sensitive" if sensitive else "stats/below-township", cell, "region")
    elif _VILLAGE.search(cell.region):
        _add(report, "stats/below-township", cell, "region")
    else:
        names = {contract.region_name(c): c for c in (*contract.counties, *contract.townships)}
        names |= {name: code for code, (name, _) in contract.townships.items()}
        hint = did_you_mean(closest(cell.region, {**{c: c for c in names.values()}, **names}))
        _add(report, "schema/not-in-list", cell, "region", value=quote(cell.region), list_title="县区和乡镇代码表",
             list_path="data/lists/regions.csv、data/lists/townships.csv", suggestion=hint)


def _flag_matches(cell: Cell, is_count: bool, report: Report) -> bool:
    """The flag says what happened to the value; a contradiction is reported once."""
    value, flag = cell.value, cell.flag
    problem = ""
    if value is None and flag != "suppressed":
        problem = "数值为空，标记应为 suppressed"
    elif value is not None and flag == "suppressed":
        problem = "标记为 suppressed（已隐藏），数值应留空"
    elif flag == "rounded" and value % ROUND_TO:
        problem = f"标记为 rounded（已取整），数值应是 {ROUND_TO} 的倍数"
    elif flag == "structural-zero" and value != 0:
        problem = "标记为 structural-zero（结构性为零），数值应为 0"
    elif flag in ("top-coded", "bottom-coded") and (is_count or value != (95 if flag == "top-coded" else 5)):
        problem = "top-coded 只用于百分比 95，bottom-coded 只用于百分比 5"
    elif is_count and value is not None and value != int(value):
        _add(report, "stats/not-integer", cell, "value")
        return False
    if problem:
        _add(report, "stats/flag-mismatch", cell, "flag", problem=problem)
    return not problem


def _count_rules(cell: Cell, sensitive: bool, contract: Contract, report: Report) -> None:
    k = contract.k
    if 0 < cell.value < k:
        _add(report, "stats/small-count", cell, "value", k=k, below=k - 1)
    elif cell.value == 0:
        reason = contract.structural.get((cell.region, cell.level))
        if reason is None:
            _add(report, "stats/zero-not-structural", cell, "value", k=k)
        elif cell.flag != "structural-zero":
            _add(report, "stats/flag-mismatch", cell, "flag", problem="结构性为零的格子标记应为 structural-zero")
    elif sensitive and (cell.flag != "rounded" or cell.value % ROUND_TO):
        _add(report, "stats/not-rounded", cell, "value", step=ROUND_TO)


def check_across(cells: list[Cell], contract: Contract, report: Report) -> None:
    """Rules that need other rows: duplicates, percentage bases, the ledger, the audit."""
    seen: dict[tuple, Cell] = {}
    for cell in cells:
        first = seen.setdefault(cell.key, cell)
        if first is not cell:
            report.add("stats/duplicate-row", cell.file, cell.row, other=f"{first.file} 第 {first.row} 行")
    unique = list(seen.values())
    _percent_bases(seen, unique, contract, report)
    _complements(seen, contract, report)
    _ledger(unique, contract, report)
    audit_cells(unique, contract, report)


_CODED = {"top-coded": "top-coded（≥95%）", "bottom-coded": "bottom-coded（≤5%）"}


def _percent_bases(by_key: dict, cells: list[Cell], contract: Contract, report: Report) -> None:
    """A published percentage needs its numerator and denominator published, both at least k;
    a coded one (≥95%, ≤5%) is given away by either of them, so it cannot be published."""
    for cell in cells:
        indicator = contract.indicators[cell.indicator]
        if indicator.is_count or cell.value is None:
            continue
        codes = (indicator.numerator, indicator.denominator)
        parts = [by_key.get((cell.period, cell.region, cell.level, code)) for code in codes]
        shown = [(part, code) for part, code in zip(("分子", "分母"), codes) if _published(by_key, cell, code)]
        if cell.flag in _CODED and shown:
            _add(report, "stats/coded-rate-revealed", cell, "flag", flag=_CODED[cell.flag], part=shown[0][0],
                 part_name=contract.indicators[shown[0][1]].name)
        elif any(p is None or p.value is None or p.value < contract.k for p in parts):
            _add(report, "stats/percent-small-base", cell, "value", k=contract.k,
                 numerator=contract.indicators[indicator.numerator].name,
                 denominator=contract.indicators[indicator.denominator].name)


def _published(by_key: dict, cell: Cell, indicator: str) -> bool:
    other = by_key.get((cell.period, cell.region, cell.level, indicator))
    return other is not None and other.value is not None


def _complements(by_key: dict, contract: Contract, report: Report) -> None:
    """The children outside a percentage's numerator (registered − archived) are a count too: when
    both are published exactly, their difference must not be one from 1 to k-1."""
    pairs = {(i.numerator, i.denominator) for i in contract.indicators.values() if not i.is_count}
    for numerator, denominator in sorted(pairs):
        for key, num in by_key.items():
            if key[3] != numerator or num.value is None or num.flag == "rounded":
                continue
            den = by_key.get((*key[:3], denominator))
            if den is None or den.value is None or den.flag == "rounded" or not 0 < den.value - num.value < contract.k:
                continue
            _add(report, "stats/complement-small", num, "value", below=contract.k - 1,
                 numerator=contract.indicators[numerator].name, denominator=contract.indicators[denominator].name,
                 where=f"{key[0]}·{key[1]}·{contract.levels.get(key[2], key[2])}")


def _ledger(cells: list[Cell], contract: Contract, report: Report) -> None:
    for cell in cells:
        since = contract.ledger.get((cell.region, cell.level, cell.indicator))
        if since and cell.value is not None and period_key(since) <= period_key(cell.period):
            _add(report, "stats/ledger-published", cell, "value", since=since)


def audit_cells(cells: list[Cell], contract: Contract, report: Report) -> None:
    """The linear-programming audit over every (period, indicator) of the published tables."""
    counts = [c for c in cells if contract.indicators[c.indicator].is_count]
    published = {c.key: Published(c.value if c.value is None else int(c.value), c.flag == "rounded") for c in counts}
    where = {c.key: c for c in counts}
    rels = relations(published, contract)
    result = audit(published, rels, contract.k)
    for key in sorted(result.derivable(contract.k)):
        cell = where.get(key) or where[next(r.total for r in rels if key in r.parts)]
        missing = "" if key in where else f"（表中没有列出的 {contract.region_name(key[1])}·{contract.levels[key[2]]}）"
        _add(report, "stats/derivable", cell, "value", missing=missing, k=contract.k)
    for rel in result.infeasible:
        _add(report, "stats/inconsistent-totals", where[rel.total], "value")
