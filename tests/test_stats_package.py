"""data/datapackage.yaml may only name files the statistics download is meant to copy."""

import shutil
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.report.problems import Report
from build_tools.stats.package import check_package


@pytest.fixture
def root(tmp_path: Path) -> Path:
    for name in ("lists", "schemas"):
        shutil.copytree(ROOT / "data" / name, tmp_path / "data" / name)
    shutil.copy(ROOT / "data/datapackage.yaml", tmp_path / "data/datapackage.yaml")
    return tmp_path


def problems(root: Path, old: str | None = None, new: str | None = None) -> list[tuple[str, int, str]]:
    path = root / "data/datapackage.yaml"
    if old is not None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    report = Report()
    check_package(root, report)
    return [(p.code, p.line, p.field) for p in report.errors]


def test_the_repository_package_passes(root):
    assert problems(root) == []
    assert check_package(root, Report())["resources"]


@pytest.mark.parametrize("path", [
    "../.git/config", "/proc/self/environ", "lists/../../.git/config", "lists/regions.csv/..", "../lists/regions.csv",
    "lists/missing.csv", "lists/sub/regions.csv", "lists\\regions.csv", "schemas/activity.schema.yaml", "LISTS/REGIONS.CSV",
])
def test_a_resource_path_outside_the_lists_is_refused(root, path):
    found = problems(root, "path: lists/indicators.csv", f"path: '{path}'")
    assert [(code, field) for code, _, field in found] == [("stats/package-resource", "resources[1].path")]
    assert found[0][1] == 33  # the line of that path


def test_a_symlink_among_the_lists_is_refused(root, tmp_path):
    (tmp_path / "secret.csv").write_text("a,b\n", encoding="utf-8")
    (root / "data/lists/indicators.csv").unlink()
    (root / "data/lists/indicators.csv").symlink_to(tmp_path / "secret.csv")
    assert [c for c, _, _ in problems(root)] == ["stats/package-resource"]


def test_the_statistics_resource_cannot_be_pointed_elsewhere(root):
    found = problems(root, "x-from: data/statistics", "x-from: ../../etc")
    assert [c for c, _, _ in found] == ["stats/package-resource"]


def test_a_schema_named_by_path_must_be_a_schema_file(root):
    found = problems(root, "schema: schemas/statistics.schema.yaml", "schema: ../../.git/config")
    assert [(c, f) for c, _, f in found] == [("stats/package-resource", "resources[0].schema")]


def test_a_broken_package_file_is_a_message_not_a_traceback(root):
    (root / "data/datapackage.yaml").write_text("resources: [\n", encoding="utf-8")
    found = problems(root)
    assert found and all(code.startswith("yaml/") or code.startswith("stats/") for code, _, _ in found)
    (root / "data/datapackage.yaml").write_text("resources: 3\n", encoding="utf-8")
    assert [c for c, _, _ in problems(root)] == ["stats/package-resource"]
