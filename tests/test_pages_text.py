"""Hand-written pages and record values that mkdocs or the exporters cannot take are refused at
validation, with the file and line, before anything is built."""

import pytest

from build_tools.report.problems import Report
from build_tools.validate import check_pages, validate_activities
from tests.conftest import SAMPLE


def test_a_content_page_in_gbk_is_named(repo_copy):
    page = repo_copy / "content/volunteers/gbk.md"
    page.write_bytes("# 志愿者须知\n\n请按时到达。\n".encode("gb18030"))
    report = Report()
    check_pages(repo_copy, report)
    assert [(p.code, p.file.endswith("content/volunteers/gbk.md"), p.line) for p in report.errors] == [("file/not-utf8", True, 1)]


def test_a_content_page_with_a_control_character_is_named(repo_copy):
    (repo_copy / "content/volunteers/ctl.md").write_text("# 须知\n\n第二行\x07\n", encoding="utf-8")
    report = Report()
    check_pages(repo_copy, report)
    assert [(p.code, p.line) for p in report.errors] == [("text/control-char", 3)]


def test_the_repository_pages_pass(repo_copy):
    report = Report()
    check_pages(repo_copy, report)
    assert report.errors == []


@pytest.mark.parametrize("escape", ["\\ufffe", "\\uffff", "\\ufdd0", "\\U0001fffe"])
def test_a_noncharacter_in_a_value_is_refused(write_record, escape):
    text = SAMPLE.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("title:"))
    path = write_record(text.replace(old, f'title: "法治宣传进校园{escape}"'))
    report, _ = validate_activities([path])
    assert ("text/control-char", 2) in [(p.code, p.line) for p in report.errors]
