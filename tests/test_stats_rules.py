"""One failing and one passing fixture per statistics rule (stats/*, roster/*).

The passing table BASE is a small long-form table for 岳阳市云溪区 in 2023 (earlier than every
ledger entry, so the repository's suppression ledger does not apply); each case breaks it in
one way and asserts exactly which problems result, on which spreadsheet row (header = row 1).
"""

import shutil
import subprocess
import sys

import pytest

from build_tools import ROOT
from build_tools.stats.check import validate_statistics
from build_tools.stats.contract import read_csv
from tests.stats_roster import HEADER, children, write_roster

BASE = """period,region,level,indicator,value,flag,source,note
2023,430603,kindergarten,registered,150,,测试来源,
2023,430603,primary,registered,700,,测试来源,
2023,430603,junior,registered,400,,测试来源,
2023,430603,all,registered,1250,,测试来源,
2023,430603,all,paired,900,,测试来源,
2023,430603,all,paired-rate,72,,测试来源,
2023,430603,all,screening-follow-up,55,rounded,测试来源,
2023,430603,all,camp,120,,测试来源,
2023,431022200,junior,registered,0,structural-zero,测试来源,示例：没有初中
"""


def ledger_cell() -> tuple[str, str, str]:
    """A county cell the repository's ledger keeps hidden, of a count that is not rounded."""
    return next((r["region"], r["level"], r["indicator"]) for r in read_csv(ROOT / "data/statistics/suppression-ledger.csv")
                if len(r["region"]) == 6 and r["indicator"] in ("camp", "home-visited", "screened"))


# (code, text to replace, replacement, spreadsheet row of the problem)
CASES = [
    ("stats/header", "period,region,level,indicator,value", "统计期,region,level,indicator,value", 1),
    ("stats/row-shape", "2023,430603,all,camp,120,,测试来源,", "2023,430603,all,camp,120,,测试来源", 9),
    ("stats/number-format", "all,camp,120,,", "all,camp,\"1,200\",,", 9),
    ("stats/duplicate-row", "2023,430603,all,camp,120,,测试来源,\n", "2023,430603,all,camp,120,,测试来源,\n" * 2, 10),
    ("stats/below-township", "2023,430603,all,camp", "2023,430603100201,all,camp", 9),
    ("stats/school-sensitive", "2023,430603,all,screening-follow-up", "2023,云溪区第一中学,all,screening-follow-up", 8),
    ("stats/subtype-below-county", "2023,430603,all,camp,120,,", "2023,430603100,all,difficulty-disability,15,rounded,", 9),
    ("stats/flag-mismatch", "all,camp,120,,", "all,camp,120,suppressed,", 9),
    ("stats/not-integer", "all,camp,120,,", "all,camp,120.5,,", 9),
    ("stats/small-count", "all,camp,120,,", "all,camp,7,,", 9),
    ("stats/zero-not-structural", "all,camp,120,,", "all,camp,0,,", 9),
    ("stats/not-rounded", "screening-follow-up,55,rounded", "screening-follow-up,53,", 8),
    ("stats/percent-not-coded", "paired-rate,72,", "paired-rate,97,", 7),
    ("stats/percent-small-base", "all,paired,900,,", "all,paired,,suppressed,", 7),
    ("stats/derivable", "kindergarten,registered,150,,", "kindergarten,registered,,suppressed,", 2),
    ("stats/inconsistent-totals", "all,registered,1250", "all,registered,1251", 5),
]
FILE_CASES = {"stats/ledger-published", "stats/k-lowered", "stats/encoding", "stats/too-large",
              "roster/tracked", "roster/missing-column", "roster/unknown-value"}
STATS_CODES = {c[0] for c in CASES} | FILE_CASES


def problems(path, root=ROOT):
    report, _ = validate_statistics([path], root)
    return sorted((p.code, p.line) for p in report.problems)


@pytest.fixture
def table(tmp_path):
    def write(text, name="2023-430603.csv", encoding="utf-8"):
        path = tmp_path / "data/statistics" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
        return path

    return write


def test_passing_table_is_clean(table):
    assert problems(table(BASE)) == []


@pytest.mark.parametrize("code, old, new, row", CASES, ids=[c[0] for c in CASES])
def test_rule_fails_on_its_fixture(table, code, old, new, row):
    assert old in BASE, "the case must change the table"
    assert problems(table(BASE.replace(old, new, 1))) == [(code, row)]


def test_rows_are_numbered_per_table_when_tables_are_read_together(table):
    """All tables go through frictionless in one pass; each problem keeps its own table's row."""
    other = BASE.replace("2023,", "2022,").replace("all,camp,120,,", "all,camp,abc,,")
    broken = BASE.replace("2023,430603,all,camp,120,,测试来源,", "2023,430603,all,camp,120,,测试来源")
    paths = [table(other, "2022-430603.csv"), table(BASE.replace("2023,", "2021,"), "2021-430603.csv"),
             table("统计期,地区\n1,2\n", "2020-430603.csv"), table(broken, "2023-430603.csv")]
    report, stats = validate_statistics(paths, ROOT)
    assert sorted((p.file.rsplit("/", 1)[-1], p.code, p.line) for p in report.problems) == [
        ("2020-430603.csv", "stats/header", 1),
        ("2022-430603.csv", "schema/type", 9),
        ("2023-430603.csv", "stats/row-shape", 9),
    ]
    rows = {(c.file.rsplit("/", 1)[-1], c.row) for c in stats.cells}
    assert ("2021-430603.csv", 2) in rows and ("2023-430603.csv", 10) in rows and ("2022-430603.csv", 9) not in rows


def test_messages_never_repeat_a_small_count(table):
    report, _ = validate_statistics([table(BASE.replace("all,camp,120,,", "all,camp,7,,"))], ROOT)
    assert [p.code for p in report.problems] == ["stats/small-count"]
    assert "7" not in report.problems[0].message.replace("1 到 9", "")


def test_problem_names_the_column(table):
    report, _ = validate_statistics([table(BASE.replace("all,camp,120,,", "all,camp,7,,"))], ROOT)
    problem = report.problems[0]
    assert (problem.field, problem.column) == ("value", 5)


def test_ledger_keeps_a_cell_hidden(table):
    region, level, indicator = ledger_cell()
    row = f"2026Q4,{region},{level},{indicator},500,,测试来源,\n"
    assert problems(table(BASE + row)) == [("stats/ledger-published", 11)]
    assert problems(table(BASE + row.replace("2026Q4", "2022"))) == []  # before it was first hidden


def test_k_can_only_be_raised(table, tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    path = table(BASE)
    policy = root / "data/statistics/policy.yaml"
    policy.write_text("k: 5\n", encoding="utf-8")
    assert problems(path, root) == [("stats/k-lowered", 1)]
    policy.write_text("k: 12\n", encoding="utf-8")
    assert problems(path, root) == []


def test_unknown_encoding_is_refused_with_the_command(table):
    path = table(BASE, encoding="utf-16")
    report, _ = validate_statistics([path], ROOT)
    assert [(p.code, p.line) for p in report.problems] == [("stats/encoding", 1)]
    assert "iconv -f UTF-16 -t UTF-8" in report.problems[0].hint
    assert problems(table(BASE, encoding="gb18030")) == []


def test_too_large(table):
    assert problems(table(BASE + "#" * (4 * 1024 * 1024))) == [("stats/too-large", 1)]
    assert problems(table(BASE)) == []


def aggregate(roster, tmp_path, *extra):
    out = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "-m", "build_tools", "aggregate", str(roster), "--period", "2023",
                           "--out", str(out), "--ledger", str(tmp_path / "ledger.csv"), *extra],
                          capture_output=True, text=True, cwd=ROOT)
    return proc.returncode, proc.stderr


def test_roster_tracked_by_git_is_refused(tmp_path):
    repo = tmp_path / "other-repo"
    repo.mkdir()
    roster = write_roster(repo / "roster.csv", children("430603", "2023"))
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "roster.csv"], check=True)
    code, err = aggregate(roster, tmp_path)
    assert code == 1 and "[roster/tracked]" in err
    subprocess.run(["git", "-C", str(repo), "rm", "-q", "--cached", "roster.csv"], check=True)
    assert aggregate(roster, tmp_path)[0] == 0


def test_roster_missing_column(tmp_path):
    rows = list(children("430603", "2023"))
    good = write_roster(tmp_path / "good.csv", rows)
    bad = tmp_path / "bad.csv"
    bad.write_text(good.read_text(encoding="utf-8").replace("乡镇", "地址", 1), encoding="utf-8")
    code, err = aggregate(bad, tmp_path)
    assert code == 1 and err.count("[roster/missing-column]") == 1 and ":1: 乡镇 " in err
    assert aggregate(good, tmp_path)[0] == 0


def test_roster_unknown_value_names_row_not_value(tmp_path):
    rows = list(children("430603", "2023"))
    rows[4][HEADER.index("年级/学段")] = "高一（3）班王小明"
    code, err = aggregate(write_roster(tmp_path / "bad.csv", rows), tmp_path)
    assert code == 1 and ":6:7: 年级/学段 [roster/unknown-value]" in err and "王小明" not in err


def test_schema_columns_are_the_published_columns():
    from build_tools.stats.contract import COLUMNS
    from build_tools.stats.tables import table_schema

    assert [f["name"] for f in table_schema(ROOT)["fields"]] == COLUMNS


def test_validate_command_checks_a_statistics_table(table):
    path = table(BASE.replace("all,camp,120,,", "all,camp,7,,"))
    proc = subprocess.run([sys.executable, "-m", "build_tools", "validate", str(path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 1
    assert f"{path.as_posix()}:9:5: value [stats/small-count]" in proc.stdout


def test_repository_sample_tables_pass_every_rule():
    from build_tools.stats.check import statistics_files

    report, stats = validate_statistics(statistics_files(), ROOT)
    assert report.problems == []
    assert len(stats.files) >= 45 and {"suppressed", "rounded", "structural-zero"} <= {c.flag for c in stats.cells}
    assert all("示例数据" in c.source for c in stats.cells)
