"""Schema stage: a record checked against its Table Schema (data/schemas/*.schema.yaml).

The schema lists leaf fields by dotted path ("volunteers.signup_url", "timetable[].time").
From those paths we know the record's shape (mappings and lists); frictionless reads and
checks each leaf cell (types and constraints). Unknown keys are errors: that is what keeps a
`child_name` or 身份证号 column out of the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from frictionless import Field

from ..load.lists import AllowList, Lists
from ..load.strict_yaml import Document
from ..report import dates
from ..report.problems import Report, quote
from ..report.suggest import closest, did_you_mean
from . import normalize
from .schema_shape import Leaf, Node, is_required, plain, shape_of

PLACEHOLDER = "〔待填写〕"  # what `new activity` writes for every value still to fill in
TYPE_NAMES = {"date": "日期（YYYY-MM-DD）", "year": "年份（四位数字）", "datetime": "日期时间", "integer": "整数", "boolean": "是否值（true 或 false）", "string": "文字"}
SHAPES = {dict: "一组字段（缩进的“名称: 值”）", list: "列表（每项以“- ”开头）", str: "单个值"}
_CONSTRAINT_CODES = {"pattern": "schema/pattern", "enum": "schema/enum", "minimum": "schema/minimum",
                     "maximum": "schema/maximum", "minLength": "schema/min-length", "maxLength": "schema/max-length"}


class RecordSchema:
    def __init__(self, path: Path):
        self.path = path
        self.descriptor = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.leaves = {d["name"]: Leaf(Field.from_descriptor(plain(d)), d) for d in self.descriptor["fields"]}
        self.root = shape_of(self.leaves)
        self._datetime = Field.from_descriptor({"name": "datetime", "type": "datetime"}).create_cell_reader()

    def check(self, doc: Document, file: str, lists: Lists, report: Report) -> dict:
        """Check one record; returns the typed values of the fields that passed."""
        ctx = _Context(self, doc, file, lists, report)
        return ctx.walk(doc.value, self.root, ())


@dataclass
class _Context:
    schema: RecordSchema
    doc: Document
    file: str
    lists: Lists
    report: Report

    def add(self, code: str, path: tuple, **params) -> None:
        line, col = self.doc.positions.get(path, (self.doc.line(path), 0))
        self.report.add(code, self.file, line, dotted(path), **params)

    def walk(self, value, spec: "Node | Leaf", path: tuple):
        expected = spec.shape
        if not isinstance(value, expected):
            self.add("schema/wrong-shape", path, expected=SHAPES[expected], got=SHAPES[type(value)])
            return None
        if expected is str:
            if normalize.blank(value) and path and isinstance(path[-1], int):  # a list item of spaces only
                self.add("schema/required", path, description=spec.describe())
                return None
            return self.leaf(value, spec, path)
        if expected is list:
            return [self.walk(v, spec.item, path + (i,)) for i, v in enumerate(value)]
        return self.mapping(value, spec, path)

    def mapping(self, value: dict, spec: Node, path: tuple) -> dict:
        typed, misspelt = {}, set()
        for key, v in value.items():
            child = spec.children.get(key)
            if child is None:
                near = closest(key, {k: k for k in spec.children})
                misspelt.update(near[:1])  # "titel" is "title": not also "title is missing"
                self.add("schema/unknown-field", path + (key,), value=quote(key), suggestion=did_you_mean(near))
                continue
            if child.shape is str and v.__class__ is str:  # most fields: a leaf given a single value
                result = None if normalize.blank(v) else self.leaf(v, child, path + (key,))  # blank counts as absent
            else:
                result = self.walk(v, child, path + (key,))
            if result is not None:
                typed[key] = result
        for key in spec.required_keys:
            given = value.get(key, "")
            if isinstance(given, str) and normalize.blank(given) and key not in misspelt:
                self.add("schema/required", path + (key,), description=_first_leaf(spec.children[key]).describe())
        return typed

    def leaf(self, value: str, leaf: Leaf, path: tuple):
        meta = leaf.meta
        if PLACEHOLDER in value:
            self.add("schema/placeholder", path, description=leaf.describe() + ("" if leaf.required else "不需要时整行删除。"))
            return None
        if meta.get("x-datetime") and "T" in value:
            return self.datetime(value, leaf, path)
        typed, notes = leaf.read(value)
        if notes:
            self.constraint_problem(notes, value, leaf, path)
            return None
        minimum = leaf.field.constraints.get("minLength")
        if minimum and normalize.shown_length(value) < minimum:  # padded with spaces to pass the check
            self.add("schema/min-length", path, length=normalize.shown_length(value), limit=minimum,
                     description=leaf.describe())
            return None
        if isinstance(typed, dt.date) and not dates.supported(typed):
            self.add("schema/date-range", path, first=dates.FIRST_YEAR, last=dates.LAST_YEAR)
            return None
        if "x-list" in meta:
            return self.in_list(typed, value, self.lists.by_name[meta["x-list"]], path, meta)
        return typed

    def datetime(self, value: str, leaf: Leaf, path: tuple):
        typed, notes = self.schema._datetime(value)
        shown = _show(value, leaf.meta)
        if notes:
            self.add("schema/type", path, value=shown, type_name=TYPE_NAMES["datetime"],
                     description=_fix(value, leaf.meta) + leaf.describe())
            return None
        if typed.utcoffset() != dt.timedelta(hours=8):
            self.add("schema/timezone", path, value=shown)
            return None
        if not dates.supported(typed):
            self.add("schema/date-range", path, first=dates.FIRST_YEAR, last=dates.LAST_YEAR)
            return None
        return typed

    def constraint_problem(self, notes: dict, value: str, leaf: Leaf, path: tuple) -> None:
        """Report the first problem of a cell only: a type error hides its follow-on errors."""
        f, shown = leaf.field, _show(value, leaf.meta)
        if "type" in notes:
            self.add("schema/type", path, value=shown, type_name=TYPE_NAMES.get(f.type, f.type),
                     description=_fix(value, leaf.meta) + leaf.describe())
            return
        name = next(n for n in _CONSTRAINT_CODES if n in notes)
        limit = f.constraints[name]
        params = {"value": shown, "limit": limit, "description": leaf.describe(), "length": len(value)}
        if name == "enum":
            params["allowed"] = "、".join(limit)
            names = {v: leaf.meta.get("x-values", {}).get(v, v).split("（")[0] for v in limit}  # cancelled → 取消
            params["suggestion"] = did_you_mean(closest(value, {**{v: v for v in limit}, **{n: v for v, n in names.items()}}), names)
        self.add(_CONSTRAINT_CODES[name], path, **params)

    def in_list(self, value: str, written: str, allow: AllowList, path: tuple, meta: dict):
        if value in allow.labels:
            return value
        shown = _show(written, meta)
        choices = {**{k: k for k in allow.labels}, **{lbl: k for k, lbl in allow.labels.items()}, **allow.aliases}
        hint = did_you_mean(closest(value, choices, self._notes(allow)), allow.labels)
        self.add("schema/not-in-list", path, value=shown, list_title=allow.title, list_path=allow.path, suggestion=hint)
        return None

    def _notes(self, allow: AllowList) -> dict[str, str]:
        if allow.name == "activity-types":
            return {t["name"]: t["description"] for t in self.lists.activity_types}
        return {}


def _fix(value: str, meta: dict) -> str:
    """"您是不是要填 “2026-12-05”？" for a value we can read leniently (never for personal data)."""
    fixed = normalize.suggestion(value, meta) if meta.get("x-echo") is not False else None
    return did_you_mean([fixed]) if fixed else ""


def _first_leaf(spec: "Node | Leaf") -> Leaf:
    while not isinstance(spec, Leaf):
        spec = next(c for c in spec.children.values() if is_required(c))
    return spec


def dotted(path: tuple) -> str:
    """A record path as people read it: ("supplies", 0, "unit") → supplies[1].unit."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: str, meta: dict) -> str:
    """The value as quoted in a message; fields that may hold personal data are not repeated,
    nor is any value that looks like it (problems.quote)."""
    if meta.get("x-echo") is False:
        return "填写的值"
    return quote(value)
