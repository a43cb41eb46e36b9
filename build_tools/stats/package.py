"""data/datapackage.yaml, checked before the download bundle copies anything it names.

The bundle (exports/statistics_bundle.py) copies each resource's file from data/ into a zip on
the site. A pull request can change this file: a resource path such as ../.git/config or
/proc/self/environ would publish whatever it points at. So a path may only name a table of
the allow-lists (lists/<name>.csv, a regular file) or the statistics themselves, and a schema
named by path only a schema file (schemas/<name>.schema.yaml).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..load.sources import load_yaml
from ..load.strict_yaml import Document
from ..report.problems import Report, quote

PACKAGE = "data/datapackage.yaml"
STATISTICS = {"path": "statistics.csv", "x-from": "data/statistics"}
_LIST = re.compile(r"lists/[a-z0-9][a-z0-9-]{0,60}\.csv")
_SCHEMA = re.compile(r"schemas/[a-z0-9][a-z0-9-]{0,60}\.schema\.yaml")


def check_package(root: Path, report: Report) -> dict | None:
    """The package descriptor when every resource names a file the bundle may copy; else None
    (the report says which resource and line)."""
    path = root / PACKAGE
    if not path.exists():
        return None
    doc = load_yaml(path, report)
    if doc is None:
        return None
    before = len(report.errors)
    resources = doc.value.get("resources") if isinstance(doc.value, dict) else None
    if not isinstance(resources, list) or not resources:
        report.add("stats/package-resource", PACKAGE, doc.line(("resources",)), field="resources", reason="没有 resources 列表")
        return None
    for i, resource in enumerate(resources):
        _check_resource(resource, i, doc, root, report)
    if len(report.errors) != before:
        return None
    # The descriptor as frictionless reads it (booleans and numbers typed); the strict reading above
    # keeps every scalar a string, to check it with its line.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _check_resource(resource, i: int, doc: Document, root: Path, report: Report) -> None:
    where = ("resources", i)
    field = f"resources[{i}]"

    def problem(key: str, reason: str) -> None:
        report.add("stats/package-resource", PACKAGE, doc.line((*where, key)), field=f"{field}.{key}", reason=reason)

    if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
        return problem("path", "每个资源都要有 path（文件名）")
    value = resource["path"]
    if resource.get("x-from") is not None:
        if {"path": value, "x-from": resource["x-from"]} != STATISTICS:
            problem("path", f"x-from 只能是 data/statistics，path 只能是 statistics.csv，收到 {quote(value)}")
    elif not _LIST.fullmatch(value):
        problem("path", f"path 只能是 lists/ 下的一个 .csv 表（如 lists/regions.csv），收到 {quote(value)}")
    elif not _regular_file(root / "data" / value, root / "data/lists"):
        problem("path", f"{quote(value)} 不是 data/lists/ 里的一个普通文件")
    schema = resource.get("schema")
    if isinstance(schema, str) and not (_SCHEMA.fullmatch(schema) and _regular_file(root / "data" / schema, root / "data/schemas")):
        problem("schema", f"schema 只能是 data/schemas/ 里的 .schema.yaml 文件，收到 {quote(schema)}")
    elif schema is not None and not isinstance(schema, (str, dict)):
        problem("schema", "schema 应是一个文件名或一组字段说明")


def _regular_file(path: Path, folder: Path) -> bool:
    """A regular file (no symlink) directly inside folder."""
    return not path.is_symlink() and path.is_file() and path.parent.resolve() == folder.resolve()
