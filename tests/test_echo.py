"""No message quotes a value that a privacy rule matches (issue 13, class 3), whatever field it
sits in and whichever rule reports it, in every output format (build_tools/report/problems.py)."""

import json
import re

import pytest

from build_tools import ROOT
from build_tools.detect.hits import fold
from build_tools.report.problems import REDACTED, Report, format_report, looks_personal, quote
from build_tools.report.rules import RULES
from build_tools.validate import validate_paths
from tests.conftest import SAMPLE

ID = "430603201503124519"
# The same personal numbers in the forms the scanner reads (tests/test_numbers.py has them all).
FORMS = {
    "id": ID,
    "id grouped": "430603 2015 0312 4519",
    "id full-width": "４３０６０３２０１５０３１２４５１９",
    "mobile": "13912345678",
    "mobile 大写": "壹叁玖壹贰叁肆伍陆柒捌",
    "card": "6222021234567890128",
}
BASE = SAMPLE.read_text(encoding="utf-8")

# (field, text to replace in the sample record, replacement with {v} for the value, rule expected)
RECORD_CASES = [
    ("type", "type: 安全讲座", 'type: "{v}"', "schema/not-in-list"),
    ("region", 'region: "430603"', 'region: "{v}"', "schema/not-in-list"),
    ("organizer", "organizer: yunxi-education-bureau", 'organizer: "{v}"', "schema/not-in-list"),
    ("status", "status: scheduled", 'status: "{v}"', "schema/enum"),
    ("start", 'start: "2026-12-05T09:00:00+08:00"', 'start: "{v}"', "schema/type"),
    ("signup_deadline", '  signup_deadline: "2026-12-01"', '  signup_deadline: "{v}"', "schema/type"),
    ("min_age", '  min_age: "18"', '  min_age: "{v}"', "schema/type schema/maximum"),
    ("timetable time", '  - time: "09:00-09:10"', '  - time: "{v}"', "schema/pattern"),
    ("YAML key", "cost:\n", '"{v}": x\ncost:\n', "schema/unknown-field"),
    ("nested YAML key", "  free: \"true\"\n", '  free: "true"\n  "{v}": x\n', "schema/unknown-field"),
    ("duplicate key", "cost:\n", '"{v}": x\n"{v}": y\ncost:\n', "yaml/duplicate-key"),
    ("id", "id: 2026-12-05-sample-lecture", 'id: "{v}"', "schema/pattern"),
    ("signup_url", "  signup_url: https://signup.example.org.cn/yunxi/2026-12-05", '  signup_url: "http://x.example/{v}"',
     "consistency/url-scheme consistency/url-form"),  # with spaces the link is malformed first
    ("tel: link", "[通知](https://www.example.gov.cn/notice)", "[电话](tel:{v})", "markdown/link-scheme"),
    ("supplies unit", "    unit: 本", '    unit: "{v}本本本本本本本本本本本本本本本本本本本本"', "schema/max-length"),
    ("a long value cut at 40 characters", "type: 安全讲座", 'type: "安全讲座安全讲座安全讲座安全讲座安全讲座安全讲座安全讲座安全讲{v}"',
     "schema/not-in-list"),
]


def leaked(out: str, value: str) -> bool:
    """The value, or ten digits of it in a row, shows in the output however written (fewer may be an
    allowed value it was compared with: “430603”（岳阳市云溪区）)."""
    plain = re.sub(r"[\s\-./]", "", fold(out))
    digits = re.sub(r"[^0-9X]", "", fold(value))
    return value in out or any(digits[i : i + 10] in plain for i in range(len(digits) - 9))


def outputs(report: Report) -> dict[str, str]:
    return {fmt: format_report(report, fmt) for fmt in ("text", "json", "github")}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("field, old, new, code", RECORD_CASES, ids=[c[0] for c in RECORD_CASES])
def test_record_fields_never_echo_personal_numbers(write_record, field, old, new, code, form):
    value = FORMS[form].replace(" ", "") if "tel:" in new else FORMS[form]  # a Markdown link has no spaces
    assert old in BASE
    report = validate_paths([write_record(BASE.replace(old, new.format(v=value), 1))], ROOT)
    found = [p for p in report.problems if p.code in code.split()]
    assert found, field  # the rule did report it
    for fmt, out in outputs(report).items():
        assert not leaked(out, value), (fmt, out)
    if "{value}" in RULES[found[0].code].message:
        assert REDACTED in found[0].message


STATS_HEADER = "period,region,level,indicator,value,flag,source,note\n"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("row, code", [
    ("2026Q4,{v},all,registered,1200,,来源,", "schema/not-in-list"),  # region
    ("2026Q4,430603,all,{v},1200,,来源,", "schema/not-in-list"),  # indicator
    ("2026Q4,430603,{v},registered,1200,,来源,", "schema/enum"),  # level
    ("{v},430603,all,registered,1200,,来源,", "schema/pattern"),  # period
    ("2026Q4,430603,all,registered,{v},,来源,", "schema/type stats/number-format privacy/id-number privacy/mobile"
                                                 " privacy/bank-card"),  # value: an 18-digit count is a count
])
def test_statistics_cells_never_echo_personal_numbers(tmp_path, row, code, form):
    value = FORMS[form]
    table = tmp_path / "data/statistics/2026Q4-430603.csv"
    table.parent.mkdir(parents=True)
    table.write_text(STATS_HEADER + row.format(v=value) + "\n", encoding="utf-8")
    report = validate_paths([table], ROOT)
    assert set(code.split()) & {p.code for p in report.problems}
    for fmt, out in outputs(report).items():
        assert not leaked(out, value), (fmt, out)


def test_every_rule_template_is_clean():
    """REDACTED is used when a message still matches: no template may match by itself."""
    for rule in RULES.values():
        for text in (rule.message, rule.hint):
            assert not looks_personal(text), rule.code
    assert not looks_personal(REDACTED)


def test_quote_checks_the_whole_value_before_cutting():
    long = "安全讲座" * 8 + ID  # the number begins before the cut and ends after it
    assert quote(long) == REDACTED
    assert quote("法治讲座") == "“法治讲座”"
    assert quote("甲" * 50).endswith("…”")


def test_report_add_redacts_whatever_a_rule_passes():
    """A future rule that quotes a value itself, or passes a number, is redacted all the same."""
    report = Report()
    report.add("schema/enum", "a.yaml", 1, "status", value=f"“{ID}”", allowed="scheduled", suggestion=f"您是不是要填 “{ID}”？")
    report.add("consistency/quota-sum", "a.yaml", 2, "audience.places", value=13912345678, total=1)
    report.add("schema/unknown-field", "a.yaml", 3, f"volunteers.{ID}", value="x", suggestion="")
    for out in outputs(report).values():
        assert not leaked(out, ID) and not leaked(out, "13912345678")
    assert [p.field for p in report.problems] == ["status", "audience.places", "volunteers.（已隐去）"]
    assert "“x”" not in json.dumps([p.message for p in report.problems])  # x passed unquoted stays as given
    assert report.problems[0].hint == f"可选值：scheduled。您是不是要填 {REDACTED}？"


def test_harmless_values_are_still_quoted(write_record):
    report = validate_paths([write_record(BASE.replace("type: 安全讲座", "type: 法治讲座"))], ROOT)
    assert "“法治讲座”不在活动类型表中。" in format_report(report, "text")


def test_no_message_is_made_outside_report_add():
    """Quoting is done by problems.quote only: a rule that cuts a value itself ([:40]) could leak
    the first digits of a number that the whole value would have shown."""
    offenders = []
    for path in (ROOT / "build_tools").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r'value=f"“|"value": f"“', line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}")
    assert offenders == []


def test_a_file_named_after_a_personal_number_is_not_named_in_full(tmp_path):
    report = Report()
    report.add("file/empty", "data/activities/2026/2026-12-20-19344687798.yaml", 1)
    for out in outputs(report).values():
        assert not leaked(out, "19344687798")
        assert "data/activities/2026/2026-12-20-" in out  # the rest still says which file
    report.add("file/empty", "data/activities/2026/2026-12-20-sample.yaml", 1)
    assert "2026-12-20-sample.yaml" in format_report(report, "text")


def test_fmt_check_never_prints_a_personal_value_in_its_diff(tmp_path):
    import subprocess
    import sys

    record = tmp_path / "2026-12-05-sample-lecture.yaml"
    text = SAMPLE.read_text(encoding="utf-8").replace('"', "")  # not canonical: fmt --check prints a diff
    record.write_text(text.replace("summary: ", "summary: 请核对身份证号 430603201909195958 的报名信息。", 1), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "build_tools", "fmt", "--check", str(record)], cwd=ROOT,
                         capture_output=True, text=True).stdout
    assert out.startswith("---") and REDACTED in out
    assert not leaked(out, "430603201909195958")


def test_output_closed_early_is_not_an_internal_error(tmp_path):
    import subprocess
    import sys

    record = tmp_path / "2026-12-05-sample-lecture.yaml"
    record.write_text(SAMPLE.read_text(encoding="utf-8").replace('"', ""), encoding="utf-8")  # a diff to print
    proc = subprocess.Popen([sys.executable, "-m", "build_tools", "fmt", "--check", str(record)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # as `| head -1` does once it has its line
    err = proc.stderr.read().decode("utf-8")
    proc.wait()
    assert "内部出错" not in err and "Traceback" not in err, err


def test_a_quoted_value_stays_on_one_line():
    shown = quote("liushou-care.github.io\r\nATTACH:https://e.example/x\n::error file=x::forged")
    assert "\n" not in shown and "\r" not in shown and "\\r\\n" in shown
