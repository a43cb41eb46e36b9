"""The command line as schools and CI use it: exact messages and exit codes."""

import json
import subprocess
import sys

from build_tools import ROOT
from tests.conftest import SAMPLE

BASE = SAMPLE.read_text(encoding="utf-8")


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "build_tools", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def test_clean_data_exits_0():
    code, out, _ = run("validate")
    assert (code, out) == (0, "数据检查通过，没有发现问题。\n")


def test_problem_in_text_form(write_record):
    path = write_record(BASE.replace("https://signup", "javascript:alert(1)//signup"))
    code, out, _ = run("validate", path)
    assert code == 1
    assert out == (
        f"{path.as_posix()}:35: volunteers.signup_url [consistency/url-scheme] 链接必须以 https:// 开头，"
        "收到 “javascript:alert(1)//signup.example.org.cn/yunxi/2026-12-05”。请填写报名表单的完整网址（https:// 开头）。\n"
        "共 1 个错误，0 个警告。\n"
    )


def test_problem_in_json_form(write_record):
    path = write_record(BASE.replace("type: 安全讲座", "type: 法治讲座"))
    code, out, _ = run("validate", path, "--format", "json")
    assert code == 1
    assert json.loads(out) == [{
        "file": path.as_posix(), "line": 4, "field": "type", "code": "schema/not-in-list", "severity": "error",
        "message": "“法治讲座”不在活动类型表中。",
        "hint": "您是不是要填 “法治教育” 或 “安全讲座”？可选值见 data/lists/activity-types.csv。", "column": 0,
    }]


def test_problem_in_github_form(write_record):
    path = write_record(BASE.replace("status: scheduled", "status: done"))
    code, out, _ = run("validate", path, "--format", "github")
    assert code == 1
    assert out.startswith(f"::error file={path.as_posix()},line=5,title=schema/enum status::“done”不是允许的取值。")


def test_personal_values_are_not_repeated(write_record):
    path = write_record(BASE.replace("  phone: 0730-8123456", "  phone: \"13912345678\"").replace("cost:\n", "身份证号: \"110101200001011234\"\ncost:\n"))
    code, out, _ = run("validate", path)
    assert code == 1
    assert "13912345678" not in out and "110101200001011234" not in out
    assert "[privacy/mobile-without-consent]" in out and "[schema/unknown-field]" in out


def test_usage_error_exits_2():
    code, _, err = run("validate", "--format", "xml")
    assert code == 2 and "无效的选择" in err and "错误" in err  # issue 19: argparse's own words in Chinese


def test_bad_today_exits_2():
    code, _, err = run("build", "--today", "2026-13-40")
    assert code == 2 and "YYYY-MM-DD" in err


def test_a_problem_two_stages_find_is_counted_once(write_record):
    # The record check and the raw-text privacy scan both see a contact's mobile number.
    path = write_record(BASE.replace("  phone: 0730-8123456", '  phone: "13912345678"'))
    code, out, _ = run("check", path)
    assert code == 1
    assert out.count("[privacy/mobile-without-consent]") == 1 and "1 个错误" in out


def test_help_is_chinese_including_argparse_s_own_words():
    for args in ([], ["validate"], ["build"], ["check"]):
        code, out, _ = run(*args, "--help")
        assert code == 0 and out.startswith("用法：")
        assert "显示本帮助并退出" in out and "选项" in out
        for english in ("usage:", "positional arguments", "options:", "show this help"):
            assert english not in out, (args, english)


def test_a_missing_command_is_said_in_chinese():
    code, _, err = run()
    assert code == 2 and "缺少必需的参数" in err and "required" not in err
