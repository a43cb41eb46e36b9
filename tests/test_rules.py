"""One failing and one passing fixture per validation rule.

The passing fixture is tests/fixtures/data/activities/2026/2026-12-05-sample-lecture.yaml; each
case below breaks it in one way and asserts exactly which problems, on which lines, result.
"""

import pytest

from build_tools.report.rules import RULES
from tests.conftest import SAMPLE, problems_of
from tests.test_directory_rules import DIRECTORY_RULES
from tests.test_stats_history import HISTORY_CODES
from tests.test_stats_rules import STATS_CODES

BASE = SAMPLE.read_text(encoding="utf-8")


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


# (code, text to replace, replacement, marker on the reported line)
CASES = [
    ("yaml/syntax", "title: 寒假前安全教育讲座", "title: 讲座: 寒假前", "title: 讲座"),
    ("yaml/alias", "  needed: \"4\"", "  needed: &n \"4\"", "needed: &n"),
    ("yaml/tag", "  needed: \"4\"", "  needed: !!int 4", "needed: !!int"),
    ("yaml/duplicate-key", "type: 安全讲座\n", "type: 安全讲座\ntype: 法治教育\n", "type: 法治教育"),
    ("yaml/too-deep", "policy_refs:\n", "policy_refs:\n" + "  " + "[" * 20 + "\n", "[[["),
    ("yaml/multiple-documents", "last_confirmed:", "---\nlast_confirmed:", "---"),
    ("yaml/bad-key", "cost:\n", "? [cost]\n: x\ncost:\n", "? [cost]"),
    ("text/control-char", "寒假前安全教育讲座", "寒假前安全\u202e教育讲座", "title:"),
    ("schema/unknown-field", "cost:\n", "child_name: 某某\ncost:\n", "child_name"),
    ("schema/required", "  address: 岳阳市云溪区陆城镇建设路\n", "", "venue:"),
    ("schema/wrong-shape", "  tasks:\n    - 协助签到和维持秩序", "  tasks: 协助签到", "tasks:"),
    ("schema/type", "  needed: \"4\"", "  needed: 四", "needed:"),
    ("schema/timezone", "end: \"2026-12-05T11:30:00+08:00\"", "end: \"2026-12-05T11:30:00\"", "end:"),
    ("schema/pattern", "  - time: \"09:00-09:10\"", "  - time: 9点", "time: 9点"),
    ("schema/enum", "status: scheduled", "status: schedled", "status:"),
    ("schema/minimum", "  min_age: \"18\"", "  min_age: \"12\"", "min_age"),
    ("schema/maximum", "  min_age: \"18\"", "  min_age: \"80\"", "min_age"),
    ("schema/min-length", "summary: 寒假前为留守儿童讲解防溺水、防火、交通和防性侵安全知识。", "summary: 讲座", "summary:"),
    ("schema/max-length", "  unit: 本", "  unit: 本本本本本本本本本本本", "unit: 本本"),
    ("schema/not-in-list", "type: 安全讲座", "type: 法治讲座", "type:"),
    ("schema/placeholder", "  unit: 本", "  unit: \"〔待填写〕\"", "unit: \"〔"),
    ("consistency/id-mismatch", "id: 2026-12-05-sample-lecture", "id: 2026-12-05-other", "id:"),
    # Issue 13 changed this case: a date end after a date-time start is now consistency/date-kinds-differ.
    ("consistency/end-before-start", "end: \"2026-12-05T11:30:00+08:00\"", "end: \"2026-12-04T11:30:00+08:00\"", "end:"),
    ("consistency/date-kinds-differ", "end: \"2026-12-05T11:30:00+08:00\"", "end: \"2026-12-05\"", "end:"),
    ("schema/date-range", "last_confirmed: \"2026-11-20\"", "last_confirmed: \"9999-11-20\"", "last_confirmed:"),
    ("consistency/deadline-after-start", "  signup_deadline: \"2026-12-01\"", "  signup_deadline: \"2026-12-06\"", "signup_deadline"),
    ("consistency/timetable-date-outside", "  - time: \"09:00-09:10\"", "  - date: \"2026-12-09\"\n    time: \"09:00-09:10\"", "date: \"2026-12-09\""),
    ("consistency/quota-sum", "  places: \"30\"", "  places: \"31\"", "places: \"31\""),
    ("consistency/received-exceeds", "    received: \"20\"", "    received: \"61\"", "received"),
    ("consistency/contact-missing", "  phone: 0730-8123456\n  email: anquan@example.gov.cn\n", "", "contact:"),
    ("consistency/url-scheme", "https://signup.example.org.cn", "http://signup.example.org.cn", "signup_url"),
    ("consistency/url-userinfo", "https://signup.example.org.cn", "https://signup.example.org.cn@evil.example", "signup_url"),
    ("consistency/url-host", "https://signup.example.org.cn", "https://signup.exаmple.org.cn", "signup_url"),
    ("consistency/url-form", "https://signup.example.org.cn", "https://signup.example.org.cn:8443", "signup_url"),
    ("privacy/mobile-without-consent", "  phone: 0730-8123456", "  phone: \"13912345678\"", "phone:"),
    ("markdown/raw-html", "**请志愿者", "<b>请志愿者", "<b>"),
    ("markdown/attr-list", "提前十分钟到场**。", "提前十分钟到场**。{: onclick=\"x\"}", "{: onclick"),
    ("markdown/image", "  - 详情见", "  - ![图](https://x.example/a.png) 详情见", "![图]"),
    ("markdown/link-scheme", "(https://www.example.gov.cn/notice)", "(javascript:alert(1))", "javascript:"),
]

# Rules that need a file, not a record, to break: tested in test_files.py.
FILE_RULES = {"file/not-utf8", "file/too-large", "file/misplaced", "file/wrong-year", "file/empty",
              "file/unreadable", "yaml/not-mapping", "consistency/duplicate-id"}
# The privacy scanner's rules: samples in test_privacy_samples.py, files in test_privacy_scan.py.
FILE_RULES |= {"privacy/id-number", "privacy/id-number-unchecked", "privacy/id-number-old", "privacy/mobile",
               "privacy/bank-card", "privacy/person-name", "privacy/house-address", "privacy/image-in-data",
               "privacy/image-gps", "privacy/not-scanned", "privacy/birth-date", "privacy/qq-number", "privacy/wechat-id",
               "privacy/photo-of-child"}
# Tables of people, image statements and faces, reviewed exceptions, rosters in the repository:
# test_privacy_files.py and test_privacy_exceptions.py.
FILE_RULES |= {"privacy/people-table", "privacy/image-unstated", "privacy/image-face", "privacy/image-statement-invalid",
               "privacy/image-statement-unused", "privacy/exception-invalid", "privacy/exception-unused",
               "privacy/exception-used", "roster/inside-repository"}
# Care centres, policies and hotlines: cases in test_directory_rules.py.
FILE_RULES |= DIRECTORY_RULES
# Two records that look alike: test_duplicates.py.
FILE_RULES |= {"consistency/possible-duplicate"}
# Statistics tables and the aggregate command: test_stats_rules.py; history, rates, values: test_stats_history.py.
FILE_RULES |= STATS_CODES | HISTORY_CODES
# Symlinks, the engine's failures and the built-site check: test_hostile_build.py, test_output_firewall.py.
FILE_RULES |= {"file/symlink", "build/broken-link", "build/broken-anchor", "build/nav-missing", "build/template",
               "build/mkdocs", "site/event-handler", "site/script", "site/url-scheme", "site/other-host", "site/element"}
# Weekly activities (`recurrence`): test_calendar_times.py.
FILE_RULES |= {"consistency/recurrence-with-time", "consistency/recurrence-start-day", "consistency/recurrence-except"}
# The search's synonym table: test_search_terms.py.
# The statistics download's package file: test_stats_package.py; the allow-lists: test_allow_lists.py.
FILE_RULES |= {"stats/package-resource", "list/missing", "list/header", "list/row", "list/duplicate", "list/reference"}
# data/site.yaml's archive age: test_archive.py.
FILE_RULES |= {"settings/archive-after"}
FILE_RULES |= {"search/synonym-header", "search/synonym-field", "search/synonym-word", "search/synonym-duplicate",
               "search/synonym-too-many"}


def test_passing_fixture_is_clean():
    assert problems_of(SAMPLE) == []


@pytest.mark.parametrize("code, old, new, marker", CASES, ids=[c[0] for c in CASES])
def test_rule_fails_on_its_fixture(write_record, code, old, new, marker):
    assert old in BASE, "the case must change the sample"
    text = BASE.replace(old, new, 1)
    assert problems_of(write_record(text)) == [(code, line_of(text, marker))]


def test_every_rule_has_a_failing_fixture():
    covered = {c[0] for c in CASES} | FILE_RULES
    assert covered == set(RULES)
