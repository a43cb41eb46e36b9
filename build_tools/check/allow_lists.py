"""The allow-lists under data/lists/, checked before any record is read against them.

A pull request can change these files too. Every other check trusts their shape (a region has a
code and a name, an indicator's rate names two count indicators): a broken list would make
those checks fail with a traceback, or let a record through that names nothing. So each list is
read as UTF-8 CSV and checked for its columns, unique codes, names, and references.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..load.sources import read_text, rel
from ..report.problems import Report, quote

MAX_LIST_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class ListSpec:
    file: str  # under data/lists/
    columns: tuple[str, ...]  # every column the code reads
    key: str = "code"  # unique and non-empty in every row
    named: tuple[str, ...] = ("name",)  # non-empty in every row
    pattern: str = r"[a-z0-9][a-z0-9-]{0,40}"  # what a key looks like


SPECS = (
    ListSpec("activity-types.csv", ("code", "name", "description"), pattern=r"[^\s,]{1,20}"),
    ListSpec("skills.csv", ("code", "name", "description"), pattern=r"[^\s,]{1,20}"),
    ListSpec("centre-kinds.csv", ("code", "name", "description")),
    ListSpec("centre-services.csv", ("code", "name", "description")),
    ListSpec("regions.csv", ("code", "name", "prefecture", "province"), named=("name", "prefecture", "province"),
             pattern=r"[0-9]{6}"),
    ListSpec("townships.csv", ("code", "name", "county"), pattern=r"[0-9]{9}"),
    ListSpec("area-codes.csv", ("prefecture", "area_code"), key="prefecture", named=("area_code",), pattern=r"\S{1,20}"),
    ListSpec("levels.csv", ("code", "name")),
    ListSpec("indicators.csv", ("code", "name", "unit", "sensitive", "difficulty_subtype", "numerator", "denominator")),
)


def check_lists(root: Path, report: Report) -> bool:
    """Report every problem of the allow-lists; True when they can be used."""
    before = len(report.errors)
    rows = {spec.file: _check_list(root / "data/lists" / spec.file, spec, report) for spec in SPECS}
    _check_references(root, rows, report)
    return len(report.errors) == before


def _check_list(path: Path, spec: ListSpec, report: Report) -> list[tuple[int, dict[str, str]]]:
    """(line, row) of a list that could be read; the problems reported."""
    name = rel(path)
    if not path.is_file():
        report.add("list/missing", name, 1)
        return []
    text = read_text(path, report, limit=MAX_LIST_BYTES)
    if text is None:
        return []
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in spec.columns if c not in (reader.fieldnames or [])]
    if missing:
        report.add("list/header", name, 1, columns="、".join(spec.columns), missing="、".join(missing))
        return []
    rows, seen = [], {}
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            report.add("list/row", name, line, reason="格子数和表头不一样")
            continue
        key = row[spec.key].strip()
        if not re.fullmatch(spec.pattern, key):
            report.add("list/row", name, line, field=spec.key, reason=f"{spec.key} 写法不对：{quote(key)}")
        elif key in seen:
            report.add("list/duplicate", name, line, field=spec.key, value=quote(key), first=seen[key])
        else:
            seen[key] = line
        for column in spec.named:
            if not row[column].strip():
                report.add("list/row", name, line, field=column, reason=f"{column} 不能为空")
        rows.append((line, row))
    return rows


def _check_references(root: Path, rows: dict[str, list[tuple[int, dict[str, str]]]], report: Report) -> None:
    """Townships name a county of regions.csv; a rate names two count indicators, neither itself."""
    counties = {row["code"] for _, row in rows["regions.csv"]}
    name = rel(root / "data/lists/townships.csv")
    for line, row in rows["townships.csv"]:
        if counties and row["county"] not in counties:
            report.add("list/reference", name, line, field="county", reason=f"县区代码 {quote(row['county'])} 不在 regions.csv 里")
    units = {row["code"]: row["unit"] for _, row in rows["indicators.csv"]}
    name = rel(root / "data/lists/indicators.csv")
    for line, row in rows["indicators.csv"]:
        _check_indicator(row, units, name, line, report)


def _check_indicator(row: dict[str, str], units: dict[str, str], name: str, line: int, report: Report) -> None:
    def problem(field: str, reason: str) -> None:
        report.add("list/reference", name, line, field=field, reason=reason)

    for field, allowed in (("unit", ("count", "percent")), ("sensitive", ("yes", "no")), ("difficulty_subtype", ("yes", "no"))):
        if row[field] not in allowed:
            problem(field, f"{field} 只能是 {' 或 '.join(allowed)}，收到 {quote(row[field])}")
    if row["unit"] != "percent":
        return
    for field in ("numerator", "denominator"):
        part = row[field]
        if part == row["code"]:
            problem(field, f"比率不能由它自己算出（{field} 写的是它自己）")
        elif units.get(part) != "count":
            problem(field, f"{field} 应是一个人数指标（unit 为 count）的代码，收到 {quote(part)}")
