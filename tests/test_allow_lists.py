"""The allow-lists under data/lists/ are data a pull request can change: they are checked first."""

import pytest

from build_tools.check.allow_lists import check_lists
from build_tools.report.problems import Report
from build_tools.validate import validate_all


def problems(root) -> list[tuple[str, str, int, str]]:
    report = Report()
    check_lists(root, report)
    return [(p.code, p.file.rsplit("/", 1)[-1], p.line, p.field) for p in report.errors]


def edit(root, name: str, old: str, new: str) -> None:
    path = root / "data/lists" / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_repository_lists_pass(repo_copy):
    assert problems(repo_copy) == []


@pytest.mark.parametrize("name, old, new, expected", [
    ("regions.csv", "430621,岳阳县", "430603,岳阳县", ("list/duplicate", "regions.csv", 3, "code")),
    ("regions.csv", "430621,岳阳县", "430621,", ("list/row", "regions.csv", 3, "name")),
    ("regions.csv", "430621,岳阳县", "43062X,岳阳县", ("list/row", "regions.csv", 3, "code")),
    ("regions.csv", "code,name,prefecture,province", "code,名称,prefecture,province", ("list/header", "regions.csv", 1, "")),
    ("townships.csv", "430603002,长岭街道,430603", "430603002,长岭街道,999999", ("list/reference", "townships.csv", 3, "county")),
    ("indicators.csv", "archives-rate,建档率,percent,no,no,archives,registered",
     "archives-rate,建档率,percent,no,no,archives-rate,archives-rate", ("list/reference", "indicators.csv", None, "numerator")),
    ("indicators.csv", "registered,登记在册的儿童,count,no,no", "registered,登记在册的儿童,people,no,no",
     ("list/reference", "indicators.csv", 2, "unit")),
])
def test_a_broken_list_is_named_by_file_line_and_column(repo_copy, name, old, new, expected):
    found = problems(repo_copy)
    assert found == []
    edit(repo_copy, name, old, new)
    found = problems(repo_copy)
    code, file, line, field = expected
    assert any(f[0] == code and f[1] == file and f[3] == field and (line is None or f[2] == line) for f in found), found


def test_a_list_in_gbk_or_without_its_file_is_a_message(repo_copy):
    path = repo_copy / "data/lists/levels.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("gb18030"))
    assert [c for c, *_ in problems(repo_copy)] == ["file/not-utf8"]
    path.unlink()
    assert [c for c, *_ in problems(repo_copy)] == ["list/missing"]


def test_validation_stops_at_a_broken_list_without_a_traceback(repo_copy):
    edit(repo_copy, "regions.csv", "code,name,prefecture,province", "code,name")
    report, dataset = validate_all(repo_copy)
    assert [p.code for p in report.errors] == ["list/header"] and dataset.activities == []


def test_personal_data_is_still_reported_while_a_list_is_broken(repo_copy):
    edit(repo_copy, "regions.csv", "code,name,prefecture,province", "code,name")
    (repo_copy / "content/volunteers/note.md").write_text("# 须知\n\n家长电话 13912345678。\n", encoding="utf-8")
    report, _ = validate_all(repo_copy)
    assert {p.code for p in report.errors} == {"list/header", "privacy/mobile"}
