"""`validate --format summary`: every problem as a row of a Chinese Markdown table, for the PR job
summary ($GITHUB_STEP_SUMMARY), which has no limit where GitHub shows only 10 annotations a step."""

import json

from build_tools.check.contract import contract
from build_tools.exports.template_record import template
from build_tools.report.problems import Report, format_report
from tests.test_cli import run

RECORD_ID = "2026-12-05-xiangyang-safety-lecture"


def test_a_half_filled_template_lists_every_problem_in_the_table(tmp_path):
    path = tmp_path / "data/activities/2026" / f"{RECORD_ID}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(template(contract()[1], RECORD_ID), encoding="utf-8")
    code, out, _ = run("validate", path, "--format", "summary")
    assert code == 1
    problems = json.loads(run("validate", path, "--format", "json")[1])
    assert len(problems) > 10  # more than GitHub would annotate
    lines = out.splitlines()
    assert lines[0].startswith("### 数据检查") and "| 文件 | 行 | 字段 | 代码 | 问题 | 怎么改 |" in lines
    rows = [line for line in lines if line.startswith("| ") and not line.startswith("| 文件") and not line.startswith("| ---")]
    assert len(rows) == len(problems)
    for row, p in zip(rows, problems, strict=True):
        cells = row.strip("|").split(" | ")
        assert len(cells) == 6 and cells[1].strip() == str(p["line"]) and cells[3].strip().removesuffix("（警告）") == p["code"]


def test_a_clean_report_says_so():
    assert "数据检查通过" in format_report(Report(), "summary")


def test_a_hostile_value_cannot_break_the_table_or_become_markup():
    report = Report()
    report.add("schema/enum", "data/activities/2026/x|y.yaml", 3, "status", value="<img src=x>|\n| a | b |", allowed="a", suggestion="")
    [row] = [line for line in format_report(report, "summary").splitlines() if "x\\|y" in line]
    assert row.count(" | ") == 5 and "<img" not in row and "\n" not in row
