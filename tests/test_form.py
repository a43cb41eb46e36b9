"""The web form for schools in Chromium: fill it in, take the YAML it produces, and validate it.

The record must pass every check with zero problems and already be in canonical form (fmt
would not change a byte); the GitHub link must carry the file name and the same content.
"""

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from build_tools import ROOT
from build_tools.schools.fmt import format_file
from build_tools.validate import validate_activities

RECORD_ID = "2026-12-12-fangnishui-jiangzuo"
FIELDS = {
    "title": "寒假前防溺水安全讲座", "slug": "fangnishui-jiangzuo", "summary": "寒假前为留守儿童讲解防溺水和冰面安全知识。",
    "start_date": "2026-12-12", "start_time": "09:00", "end_date": "", "end_time": "11:00",
    "venue.name": "云溪区陆城镇中心小学", "venue.address": "岳阳市云溪区陆城镇建设路",
    "audience.summary": "陆城镇各小学三至六年级学生", "audience.places": "40",
    "timetable": "09:00-09:10 签到\n9:10-11:00 防溺水知识讲解与互动",
    "volunteers.needed": "4", "tasks": "协助签到\n维持秩序", "requirements": "年满 18 周岁",
    "volunteers.min_age": "18", "volunteers.signup_url": "https://signup.example.org.cn/yunxi/2026-12-12",
    "volunteers.signup_deadline": "2026-12-10", "supplies": "防溺水宣传册 60 本",
    "cost.note": "志愿者交通自理", "contact.role": "区教体局安全办", "contact.phone": "0730-8123456",
    "contact.email": "anquan@example.gov.cn", "policy_refs": "民发〔2023〕62号", "last_confirmed": "2026-11-20",
    "description": "讲座由区消防救援大队的教官主讲，**请志愿者提前十分钟到场**。\n\n- 带上“防溺水六不准”宣传册\n- 结束后合影时不拍孩子正脸",
}
SELECTS = {"type": "防溺水", "region": "430603", "organizer": "yunxi-education-bureau", "cost.free": "true"}


@pytest.fixture(scope="module")
def page(site_url, browser):
    url = site_url
    page = browser.new_page(viewport={"width": 412, "height": 900})  # a phone
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url + "/schools/form/")
    page.wait_for_selector("#record-form:not([hidden])")
    yield page
    page.close()
    assert all(u.startswith(url + "/") or u.startswith("blob:") for u in requests), requests


def fill(page, **changes):
    for name, value in {**FIELDS, **changes}.items():
        page.fill(f'#record-form [name="{name}"]', value)
    for name, value in SELECTS.items():
        page.select_option(f'#record-form [name="{name}"]', value)
    for skill in ("急救", "游泳救生"):
        page.check(f'[name="skills"][value="{skill}"]')
    page.click("#record-form button[type=submit]")
    page.wait_for_selector("#record-form[data-state=done]", state="attached")  # the privacy rules load on the first submit


def test_form_builds_a_record_that_passes_validation_unchanged(page, tmp_path):
    fill(page)
    assert page.locator("#record-problems-box").is_hidden()
    text = page.input_value("#record-yaml")
    assert page.inner_text("#record-path") == f"data/activities/2026/{RECORD_ID}.yaml"
    path = tmp_path / "data/activities/2026" / f"{RECORD_ID}.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    report, checked = validate_activities([path], ROOT)
    assert report.problems == []
    result, _ = format_file(path)
    assert not result.changed, "the form's YAML must already be canonical"
    record = yaml.safe_load(text)
    assert record["start"] == "2026-12-12T09:00:00+08:00" and record["end"] == "2026-12-12T11:00:00+08:00"
    assert record["timetable"][1] == {"time": "09:10-11:00", "title": "防溺水知识讲解与互动"}
    assert record["supplies"] == [{"item": "防溺水宣传册", "quantity": "60", "unit": "本"}]
    assert record["volunteers"]["skills"] == ["急救", "游泳救生"]
    assert text.count('"') == 2 * sum(1 for line in text.splitlines() if line.rstrip().endswith('"'))  # every scalar quoted
    link = urlsplit(page.get_attribute("#record-github", "href"))
    assert (link.scheme, link.netloc, link.path) == ("https", "github.com", "/liushou-care/portal/new/main/data/activities/2026")
    params = parse_qs(link.query)
    assert params["filename"] == [f"{RECORD_ID}.yaml"] and params["value"] == [text]
    assert page.inner_text("#record-github") == "在 GitHub 上提交"
    assert page.locator("#record-paste").is_hidden()
    assert page.get_attribute("#record-download", "download") == f"{RECORD_ID}.yaml"


def test_form_refuses_a_mobile_number_and_dates_in_the_wrong_order(page):
    fill(page, **{"contact.phone": "13912345678", "end_date": "2026-12-11", "volunteers.signup_url": "http://x.example.org"})
    problems = page.locator("#record-problems li").all_inner_texts()
    assert "联系电话请填单位的办公电话或热线，不要填个人手机号。" in problems
    assert "结束日期不能早于开始日期。" in problems
    assert "报名链接必须以 https:// 开头。" in problems
    assert page.locator("#record-output").is_hidden()


def test_form_refuses_a_child_named_and_never_repeats_the_name(page):
    """The form blocks what `check` blocks (the rules themselves: test_privacy_parity.py)."""
    fill(page, description="**张小明**同学（10岁）参加了夏令营。\n\n营员韦佳怡，2015年3月4日出生，家住白泥湖村三组12号。",
         **{"audience.summary": "三年级学生李娜、王芳"})
    problems = page.locator("#record-problems li").all_inner_texts()
    assert "“详细介绍”：这里写了一个孩子的姓名（旁边、同一句话里或上面的标题、表头里有“同学”“学生”“几岁”“几年级”“家访”“名单”等说明是孩子的字样）。" in problems
    assert any(p.startswith("“详细介绍”：这里写了一个人的出生日期") for p in problems)
    assert any(p.startswith("“详细介绍”：这里写了精确到门牌的住址") for p in problems)
    assert any(p.startswith("“面向对象”：这里写了一个孩子的姓名") for p in problems)
    assert not any(name in p for p in problems for name in ("张小明", "韦佳怡", "李娜", "王芳", "白泥湖"))
    assert page.locator("#record-output").is_hidden()
    fill(page, description="李老师和王法官为孩子们讲解防溺水知识，学生们学习雷锋精神。")
    assert page.locator("#record-problems-box").is_hidden() and page.locator("#record-output").is_visible()


def test_form_checks_required_fields_and_the_id(page):
    fill(page, title="", slug="防溺水")
    problems = page.locator("#record-problems li").all_inner_texts()
    assert "请填写“活动名称”。" in problems
    assert any(p.startswith("英文短名只能用小写字母、数字和连字符") for p in problems)


def test_a_long_record_opens_github_with_the_file_name_and_asks_to_paste(page):
    fill(page, description="活动介绍。" * 700)
    link = urlsplit(page.get_attribute("#record-github", "href"))
    assert parse_qs(link.query) == {"filename": [f"{RECORD_ID}.yaml"]}
    assert page.locator("#record-paste").is_visible()
    assert "活动介绍。活动介绍。" in page.input_value("#record-yaml")


# The same form on a self-hosted Gitea, GitLab and Gitee: record-form.json as the build writes it
# for that forge (exports/form_data.py, model/forge.py), served in place of the session site's.
FORGES = {
    "gitea": ("git.example.gov.cn", "/jiaoyu/portal/_new/main/data/activities/2026", ("filename", "value"), "Gitea"),
    "forgejo": ("git.example.gov.cn", "/jiaoyu/portal/_new/main/data/activities/2026", ("filename", "value"), "Forgejo"),
    "gitlab": ("git.example.gov.cn", "/jiaoyu/portal/-/new/main/data/activities/2026", ("file_name", "content"), "GitLab"),
    "gitee": ("git.example.gov.cn", "/jiaoyu/portal/new/main/data/activities/2026", None, "Gitee"),
}


@pytest.mark.parametrize("kind", sorted(FORGES))
def test_the_form_opens_each_forges_new_file_page(site_url, browser, built_site, kind):
    import json

    from build_tools.exports.form_data import FORM_JSON, _repo
    from build_tools.model.forge import Forge

    data = json.loads((built_site / FORM_JSON).read_text(encoding="utf-8"))
    data["repo"] = _repo(Forge(kind, "https://git.example.gov.cn/jiaoyu/portal", "main"))
    page = browser.new_page(viewport={"width": 412, "height": 900})
    page.route("**/" + FORM_JSON.split("/")[-1], lambda route: route.fulfill(json=data))
    page.goto(site_url + "/schools/form/")
    page.wait_for_selector("#record-form:not([hidden])")
    fill(page)
    host, path, prefill, name = FORGES[kind]
    link = urlsplit(page.get_attribute("#record-github", "href"))
    assert (link.scheme, link.netloc, link.path) == ("https", host, path)
    if prefill:
        assert parse_qs(link.query) == {prefill[0]: [f"{RECORD_ID}.yaml"], prefill[1]: [page.input_value("#record-yaml")]}
        assert page.locator("#record-paste").is_hidden()
    else:
        assert link.query == "" and page.locator("#record-paste").is_visible()  # Gitee: copy, then paste
    assert page.inner_text("#record-github") == f"在 {name} 上提交"
    page.close()
