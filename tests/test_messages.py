"""Messages people can act on: the exact text printed for the mistakes schools make most.

Each case breaks the sample record in one common way and asserts the whole message: file,
line and field, the value received (unless it may be personal), a hint, and "您是不是要填 …"
for near misses. A type error must not also raise follow-on errors for the same field.
"""

import pytest

from build_tools import ROOT
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE

BASE = SAMPLE.read_text(encoding="utf-8")
FILE = "2026-12-05-sample-lecture.yaml"

CASES = [
    ("type: 安全讲座", "type: 法治讲座",
     "4: type [schema/not-in-list] “法治讲座”不在活动类型表中。您是不是要填 “法治教育” 或 “安全讲座”？可选值见 data/lists/activity-types.csv。"),
    ("type: 安全讲座", "type: 防溺水教育",
     "4: type [schema/not-in-list] “防溺水教育”不在活动类型表中。您是不是要填 “防溺水”？可选值见 data/lists/activity-types.csv。"),
    ("title: 寒假前安全教育讲座", "titel: 寒假前安全教育讲座",  # not also "title is missing"
     "2: titel [schema/unknown-field] 不认识的字段 “titel”。您是不是要填 “title” 或 “timetable”？字段名只能用字段说明中列出的名字。"),
    # Issue 13: a date end after a date-time start is consistency/date-kinds-differ now, so the end is a date-time here.
    ('end: "2026-12-05T11:30:00+08:00"', 'end: "2026-12-04T11:30:00+08:00"',
     "7: end [consistency/end-before-start] 结束 2026-12-04T11:30:00+08:00 早于开始 2026-12-05T09:00:00+08:00。请检查日期：结束日期不能早于开始日期。"),
    ('start: "2026-12-05T09:00:00+08:00"\nend: "2026-12-05T11:30:00+08:00"', 'start: "2026/12/05"\nend: "2026-12-04"',
     "6: start [schema/type] “2026/12/05”不是有效的日期（YYYY-MM-DD）。您是不是要填 “2026-12-05”？"
     "开始（start）：开始日期 YYYY-MM-DD，或带时间和时区的 YYYY-MM-DDTHH:MM:SS+08:00。"),  # and no end-before-start
    ('start: "2026-12-05T09:00:00+08:00"', 'start: "2026-12-05 9:00"',
     "6: start [schema/type] “2026-12-05 9:00”不是有效的日期（YYYY-MM-DD）。您是不是要填 “2026-12-05T09:00:00+08:00”？"
     "开始（start）：开始日期 YYYY-MM-DD，或带时间和时区的 YYYY-MM-DDTHH:MM:SS+08:00。"),
    ('region: "430603"', "region: 云溪区",
     "8: region [schema/not-in-list] “云溪区”不在县区代码表中。您是不是要填 “430603”（岳阳市云溪区）？可选值见 data/lists/regions.csv。"),
    ("organizer: yunxi-education-bureau", "organizer: 云溪区教育局",
     "12: organizer [schema/not-in-list] “云溪区教育局”不在主办单位表中。您是不是要填 “yunxi-education-bureau”（岳阳市云溪区教育体育局）"
     " 或 “liucheng-education-bureau”（柳城县教育局）？可选值见 data/organizations.yaml。"),
    ("    - 急救\n", "    - 急救员\n",
     "33: volunteers.skills[1] [schema/not-in-list] “急救员”不在技能表中。您是不是要填 “急救”？可选值见 data/lists/skills.csv。"),
    ('  places: "30"\n  quotas:', '  places: "1,200"\n  quotas:',  # and no quota-sum
     "15: audience.places [schema/type] “1,200”不是有效的整数。您是不是要填 “1200”？"
     "名额合计（audience.places）：儿童名额总数（可不填）；分配了名额时，等于各单位名额之和。"),
    ("status: scheduled", "status: 取消",
     "5: status [schema/enum] “取消”不是允许的取值。可选值：scheduled、postponed、cancelled。您是不是要填 “cancelled”（取消）？"),
    ("title: 寒假前安全教育讲座", 'title: "〔待填写〕"',
     "2: title [schema/placeholder] 这一项还没有填写（仍是模板里的“〔待填写〕”）。请填写活动名称（title）：活动的正式名称，60 字以内。"),
    ("cost:\n", "学生名单: 张小明 李小红\ncost:\n",  # the value is never repeated
     "43: 学生名单 [schema/unknown-field] 不认识的字段 “学生名单”。字段名只能用字段说明中列出的名字。"),
]


@pytest.mark.parametrize("old, new, expected", CASES, ids=[c[2].split("[")[1].split("]")[0] + ":" + c[1][:12] for c in CASES])
def test_common_mistake_gives_one_exact_message(write_record, old, new, expected):
    assert old in BASE
    path = write_record(BASE.replace(old, new, 1))
    report, _ = validate_activities([path], ROOT)
    assert [p.as_text() for p in report.sorted()] == [f"{path.as_posix()}:{expected}"]


def test_gb18030_record_names_its_line_and_the_fix(write_record):
    raw = BASE.encode("utf-8").replace("寒假前安全教育讲座".encode(), "寒假前安全教育讲座".encode("gb18030"))
    path = write_record(raw)
    report, _ = validate_activities([path], ROOT)
    assert [p.as_text() for p in report.sorted()] == [
        f"{path.as_posix()}:2: [file/not-utf8] 文件不是 UTF-8 编码（这一行有无法识别的字节，常见于 WPS 或 Excel 另存的 GBK/GB18030 文件）。"
        "请用记事本或 VS Code 把文件“另存为”UTF-8 编码；表格文件见学校提交指南中的转换方法。"]
