"""Empty in disguise and links that go elsewhere (issue 13, class 7): values of spaces only, a
file of comments only, user info, look-alike hosts and other URL tricks, wherever the data links."""

import pytest

from build_tools import ROOT
from build_tools.check.normalize import blank, shown_length
from build_tools.check.urls import problem
from build_tools.validate import validate_paths
from tests.conftest import SAMPLE

BASE = SAMPLE.read_text(encoding="utf-8")
SPACES = {"regular": "   ", "ideographic": "\u3000\u3000", "no-break": "\u00a0\u00a0", "em and thin": "\u2003\u2009",
          "narrow no-break": "\u202f", "Hangul filler": "\u3164", "braille blank": "\u2800", "line breaks": " \n "}


def found(text: str, name: str = "2026-12-05-sample-lecture.yaml", folder: str = "data/activities/2026", tmp=None):
    path = tmp / folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return sorted((p.code, p.line, p.field) for p in validate_paths([path], ROOT).problems)


@pytest.mark.parametrize("kind", SPACES)
@pytest.mark.parametrize("field, line", [("title", 2), ("summary", 3)])
def test_title_or_summary_of_spaces_only_is_missing(tmp_path, kind, field, line):
    old = next(row for row in BASE.splitlines() if row.startswith(f"{field}:"))
    text = BASE.replace(old, f'{field}: "{SPACES[kind]}"')
    assert found(text, tmp=tmp_path) == [("schema/required", line, field)]


def test_padding_does_not_make_a_title_long_enough(tmp_path):
    text = BASE.replace("title: 寒假前安全教育讲座", 'title: "讲座\u3000\u3000\u3000\u3000\u3000"')
    assert found(text, tmp=tmp_path) == [("schema/min-length", 2, "title")]


def test_a_list_item_of_spaces_only(tmp_path):
    text = BASE.replace("    - 年满 18 周岁", '    - "\u3000"')
    assert found(text, tmp=tmp_path) == [("schema/required", 31, "volunteers.requirements[1]")]


def test_contact_of_spaces_only_is_no_contact(tmp_path):
    text = BASE.replace("  phone: 0730-8123456\n  email: anquan@example.gov.cn\n", '  phone: "\u3000"\n  email: " "\n')
    assert found(text, tmp=tmp_path) == [("consistency/contact-missing", 46, "contact")]


@pytest.mark.parametrize("text", ["# 只有注释\n# title: 寒假前安全教育讲座\n", "\u3000\n\u00a0\n", "---\n", "---\n# 注释\n...\n",
                                  "null\n", "~\n"])
def test_a_file_with_nothing_in_it_is_empty(tmp_path, text):
    assert found(text, tmp=tmp_path) == [("file/empty", 1, "")]


def test_comment_only_care_centre_and_policy_files(tmp_path):
    assert found("# 待填写\n", "lucheng-home.yaml", "data/centres", tmp=tmp_path) == [("file/empty", 1, "")]


def test_blank_is_what_shows_nothing():
    assert all(blank(v) for v in SPACES.values()) and blank("")
    assert not blank("讲座") and not blank(" . ") and shown_length(" 讲 座 ") == 2


# --- Links --------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, code", [
    ("https://signup.example.org.cn/yunxi/2026-12-05", None),
    ("HTTPS://Signup.Example.org.cn/a?b=1#c", None),
    ("https://www.gov.cn/zhengce/content/2016-02/14/content_5041066.htm", None),
    ("https://example.org.cn/报名表", None),
    ("https://good.example@evil.example/", "consistency/url-userinfo"),
    ("https://good.example:pw@evil.example/", "consistency/url-userinfo"),
    ("https://@evil.example/", "consistency/url-userinfo"),
    ("https://signup.exаmple.org.cn/", "consistency/url-host"),  # Cyrillic а
    ("https://xn--signup-example-xyz.org.cn/", "consistency/url-host"),
    ("https://例子.政务/", "consistency/url-host"),
    ("https://example。org/", "consistency/url-host"),
    ("https://192.168.1.10/form", "consistency/url-host"),
    ("https://2130706433/", "consistency/url-host"),
    ("https://0x7f.0.0.1/", "consistency/url-host"),
    ("https://[::1]/", "consistency/url-host"),
    ("https://localhost/", "consistency/url-host"),
    ("https://%65vil.example/", "consistency/url-host"),
    ("https://ex_ample.org/", "consistency/url-host"),
    ("https://evil.example\\@good.example/", "consistency/url-form"),
    ("https://example.org:8443/", "consistency/url-form"),
    ("https://example.org:443/", "consistency/url-form"),
    ("https:///example.org/", "consistency/url-form"),
    ("https://exa mple.org/", "consistency/url-form"),
    ("https://example.org/\tx", "consistency/url-form"),
    ("https:/example.org", "consistency/url-scheme"),
    ("https:example.org", "consistency/url-scheme"),
    ("//example.org", "consistency/url-scheme"),
    ("javascript:alert(1)", "consistency/url-scheme"),
    ("http://example.org", "consistency/url-scheme"),
])
def test_url_rules(url, code):
    assert (problem(url) or (None,))[0] == code


def test_signup_url_with_user_info(tmp_path):
    text = BASE.replace("https://signup.example.org.cn/yunxi", "https://signup.example.org.cn@evil.example/yunxi")
    assert found(text, tmp=tmp_path) == [("consistency/url-userinfo", 35, "volunteers.signup_url")]


@pytest.mark.parametrize("link, code", [
    ("[通知](https://www.example.gov.cn@evil.example/notice)", "consistency/url-userinfo"),
    ("[通知](https://www.exаmple.gov.cn/notice)", "consistency/url-host"),
    ("[通知](https://192.168.0.1/notice)", "consistency/url-host"),
    ("[通知][n]\n\n  [n]: https://www.example.gov.cn:8080/notice", "consistency/url-form"),
    ("[通知](javascript:alert(1))", "markdown/link-scheme"),
])
def test_links_in_descriptions(tmp_path, link, code):
    text = BASE.replace("[通知](https://www.example.gov.cn/notice)", link)
    assert [c for c, _, _ in found(text, tmp=tmp_path)] == [code]


def test_policy_link(tmp_path):
    text = (ROOT / "data/policies.yaml").read_text(encoding="utf-8")
    start = text.index("link: https://") + len("link: https://")
    text = text[:start] + "www.gov.cn@evil.example/" + text[start:].split("\n", 1)[0].split("/", 1)[-1] + "\n" + \
        text[start:].split("\n", 1)[1]
    codes = [c for c, _, f in found(text, "policies.yaml", "data", tmp=tmp_path) if f.endswith(".link")]
    assert codes == ["consistency/url-userinfo"]
