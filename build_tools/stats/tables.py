"""Schema stage of a statistics table: frictionless reads and types the rows in one pass; its
English errors are re-worded into our Chinese rule codes, row as a spreadsheet counts it
(header = row 1) and column by name."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

import yaml
from frictionless import Resource, Schema

from ..check.schema import TYPE_NAMES
from ..check.schema_shape import plain as _plain
from ..load.sources import rel
from ..report.problems import Report, quote
from ..report.suggest import closest, did_you_mean
from .contract import Contract
from .tableio import Rows, read_rows

SCHEMA = "data/schemas/statistics.schema.yaml"
_CONSTRAINT = re.compile(r'constraint "(\w+)"')
_CONSTRAINT_CODES = {"required": "schema/required", "pattern": "schema/pattern", "enum": "schema/enum",
                     "minimum": "schema/minimum", "maxLength": "schema/max-length"}


@dataclass(frozen=True)
class Cell:
    """One checked row of a published table: a value for (period, region, level, indicator)."""

    file: str
    row: int  # spreadsheet row number (header = 1)
    period: str
    region: str
    level: str
    indicator: str
    value: int | float | None  # None when suppressed
    flag: str
    source: str
    note: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.period, self.region, self.level, self.indicator)


@lru_cache(maxsize=4)
def table_schema(root: Path) -> dict:
    """The Table Schema descriptor, our x- extensions included."""
    return yaml.safe_load((root / SCHEMA).read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def frictionless_schema(root: Path) -> Schema:
    """The frictionless Schema, built once: building it validates its metadata, which cost more
    than reading the rows when it was done for every table."""
    descriptor = table_schema(root)
    return Schema.from_descriptor({**{k: v for k, v in descriptor.items() if k != "primaryKey"},
                                   "fields": [_plain(f) for f in descriptor["fields"]]})


def canonical_number(text: str) -> str | None:
    """The plain form of a number written with full-width digits or thousands separators, else None."""
    plain = unicodedata.normalize("NFKC", text).replace(",", "").replace("，", "").replace(" ", "")
    if plain != text and re.fullmatch(r"[0-9]+(\.[0-9]+)?", plain):
        return plain
    return None


_PLAIN = re.compile(r"[0-9]+(\.[0-9]+)?")
MAX_VALUE = 10**7  # no county has ten million children, and a percentage is at most 100


def value_problem(text: str) -> tuple[str, dict] | None:
    """(rule, params) when a value cell is not a plain number below MAX_VALUE, else None.

    Decided on the text, before any number is made of it: "1e999999999" would be a billion
    digits, inf and nan no count at all (they raised OverflowError when the row was read).
    A cell that is not a number at all is left to the schema (schema/type).
    """
    if text == "":
        return None
    plain = canonical_number(text) or text
    try:
        number = Decimal(plain)
    except InvalidOperation:
        return None
    if not number.is_finite():
        return "stats/value-range", {"value": quote(text, 20), "problem": "不是一个有限的数（如 inf、nan）"}
    if number.adjusted() >= 7:  # 10 000 000 or more
        return "stats/value-range", {"value": quote(text, 20), "problem": f"大于等于 {MAX_VALUE}，不可能是人数或百分比"}
    if not _PLAIN.fullmatch(text):
        exact = number if number != number.to_integral_value() else number.to_integral_value()
        return "stats/number-format", {"value": quote(text, 20), "plain": format(exact.normalize(), "f")}
    return None


def check_tables(paths: list[Path], contract: Contract, report: Report, root: Path) -> list[Cell]:
    """The rows of the tables that passed the schema, typed, in file order; every problem goes
    to the report.

    Why one frictionless pass over all tables: opening a Resource copies and re-validates the
    schema, and a province has hundreds of small tables (one per county and period) — that was
    a third of reading 100,000 rows in 441 tables. Rows are still numbered per table.
    """
    descriptor, schema = table_schema(root), frictionless_schema(root)
    data: list[list[str]] = [[f["name"] for f in descriptor["fields"]]]
    parts: list[tuple[int, _Checker, set]] = []  # (index of the table's first row in data, checker, cells reported)
    for path in paths:
        rows = read_rows(path, report)
        checker = _Checker(rel(path), descriptor, schema, contract, report)
        if rows is not None and checker.header_matches(rows):
            parts.append((len(data), checker, checker._number_format(rows)))
            data.extend(rows.rows)
    starts = [first for first, _, _ in parts]
    cells: list[Cell] = []
    with Resource(data=data, schema=schema) as resource:
        for row in resource.row_stream:
            index = row.row_number - 1  # frictionless counts the header as row 1
            first, checker, reported = parts[bisect_right(starts, index) - 1]
            number = index - first + 2  # as the table's own spreadsheet counts
            if not checker._row_errors(row, number, reported) and (number, "value") not in reported:
                cell = checker._cell(row, number)
                if checker._in_lists(cell):
                    cells.append(cell)
    return cells


@dataclass
class _Checker:
    file: str
    descriptor: dict
    schema: Schema
    contract: Contract
    report: Report

    @property
    def fields(self) -> dict[str, dict]:
        return {f["name"]: f for f in self.descriptor["fields"]}

    def add(self, code: str, row: int, name: str = "", **params) -> None:
        column = list(self.fields).index(name) + 1 if name in self.fields else 0
        self.report.add(code, self.file, row, name, column=column, **params)

    def header_matches(self, rows: Rows) -> bool:
        if rows.header == list(self.fields):
            return True
        self.add("stats/header", 1, got="、".join(rows.header[:12]) or "（空）", expected=",".join(self.fields))
        return False

    def _number_format(self, rows: Rows) -> set[tuple[int, str]]:
        """Values that are not plain numbers (full-width, 1,200, 1e3, inf, huge): refused with the
        plain form to write, or why it cannot be a count; the row is then not used."""
        out = set()
        at = list(self.fields).index("value")
        for number, cells in rows.numbered():
            found = value_problem(cells[at]) if len(cells) > at else None
            if found is not None:
                self.add(found[0], number, "value", **found[1])
                out.add((number, "value"))
        return out

    def _row_errors(self, row, number: int, reported: set[tuple[int, str]]) -> bool:
        """Report the first problem of each cell; True when the row cannot be used."""
        bad = False
        for error in row.errors:
            if error.type in ("missing-cell", "extra-cell", "blank-row"):
                self.add("stats/row-shape", number, count=len(self.fields))
                return True
            name = getattr(error, "field_name", "")
            if (number, name) in reported:
                bad = True
                continue
            reported.add((number, name))
            bad = self._cell_error(number, name, error) or bad
        return bad

    def _cell_error(self, number: int, name: str, error) -> bool:
        spec = self.fields[name]
        described = f"{spec['title']}（{name}）：{spec['description']}"
        shown = quote(error.cell) if name not in ("source", "note") else "填写的值"
        if error.type == "type-error":
            self.add("schema/type", number, name, value=shown, type_name=TYPE_NAMES.get(spec["type"], spec["type"]),
                     description=described)
            return True
        match = _CONSTRAINT.search(error.note or "")
        constraint = match.group(1) if match else ""
        limit = spec.get("constraints", {}).get(constraint)
        code = _CONSTRAINT_CODES.get(constraint, "schema/pattern")
        allowed = "、".join(limit) if constraint == "enum" else ""
        hint = did_you_mean(closest(str(error.cell), {v: v for v in limit})) if constraint == "enum" else ""
        self.add(code, number, name, value=shown, limit=limit, description=described, length=len(str(error.cell)),
                 allowed=allowed, suggestion=hint)
        return True

    def _cell(self, row, number: int) -> Cell:
        d = row.to_dict()
        value = d["value"]
        if isinstance(value, Decimal):
            value = int(value) if value == value.to_integral_value() else float(value)
        return Cell(self.file, number, d["period"], d["region"], d["level"], d["indicator"], value,
                    d["flag"] or "", d["source"], d["note"] or "")

    def _in_lists(self, cell: Cell) -> bool:
        """The indicator must be in the indicator list (regions are checked by the disclosure rules)."""
        if cell.indicator in self.contract.indicators:
            return True
        names = {i.name: code for code, i in self.contract.indicators.items()}
        hint = did_you_mean(closest(cell.indicator, {**{c: c for c in self.contract.indicators}, **names}))
        self.add("schema/not-in-list", cell.row, "indicator", value=quote(cell.indicator), list_title="指标表",
                 list_path="data/lists/indicators.csv", suggestion=hint)
        return False
