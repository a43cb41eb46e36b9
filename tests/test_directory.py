"""Care centres, policies and help numbers as people see them: 待核实 with a fixed day, the order
of the directory, links to the policy library, and the pages of a built site."""

import datetime as dt
import re

import pytest
import yaml

from build_tools import ROOT
from build_tools.model.centres import add_months, is_unconfirmed
from build_tools.model.policies import PolicyIndex, build_policies
from tests.conftest import TODAY

D = dt.date


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2025, 11, 22), 12, D(2026, 11, 22)),
        (D(2024, 2, 29), 12, D(2025, 2, 28)),  # no 29 February: the month's last day
        (D(2026, 1, 31), 1, D(2026, 2, 28)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    "confirmed, unconfirmed",
    [
        (D(2026, 11, 22), False),  # confirmed today
        (D(2025, 11, 23), False),  # one day short of 12 months
        (D(2025, 11, 22), True),  # exactly 12 months: 待核实
        (D(2024, 5, 1), True),
    ],
)
def test_unconfirmed_after_twelve_months_before_today(confirmed, unconfirmed):
    assert is_unconfirmed(confirmed, D(2026, 11, 22)) is unconfirmed


def _library() -> PolicyIndex:
    return PolicyIndex(build_policies(yaml.safe_load((ROOT / "data/policies.yaml").read_text(encoding="utf-8"))))


def test_policy_refs_match_loosely_and_link_to_the_library():
    lib = _library()
    assert lib.href("民发〔2023〕62号", "../") == "../policies/index.md#minfa-2023-62"
    assert (
        lib.href("民发〔2023〕62 号", "../")
        == lib.href("民发[2023]62号", "../")
        == "../policies/index.md#minfa-2023-62"
    )
    assert lib.href("国务院关于加强困境儿童保障工作的意见", "") == "policies/index.md#guofa-2016-36"
    assert lib.href("某某〔2099〕1号", "../") is None


def test_library_holds_the_documents_the_issue_names():
    lib = _library()
    numbers = {p.number for p in lib.policies}
    for number in (
        "国发〔2016〕13号",
        "民发〔2023〕62号",
        "教基一〔2013〕1号",
        "国发〔2016〕36号",
        "柳教规〔2018〕8号",
        "桂教基教〔2015〕58号",
    ):
        assert number in numbers
    titles = " ".join(p.title for p in lib.policies)
    for words in ("未成年人保护法", "云溪区", "浙江省教育厅", "强制报告制度", "困境儿童个人信息保护"):
        assert words in titles


def test_every_policy_ref_of_the_activities_is_in_the_library():
    lib = _library()
    refs = set()
    for f in (ROOT / "data/activities").rglob("*.yaml"):
        refs |= set(yaml.safe_load(f.read_text(encoding="utf-8")).get("policy_refs") or [])
    assert refs and all(lib.href(r, "") for r in refs), sorted(r for r in refs if not lib.href(r, ""))


def page(site, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html).replace("\u200b", "")


def test_directory_pages_exist(built_site):
    for path in ("centres", "centres/430603", "centres/450225", "policies", "help/local", ""):
        assert (built_site / path / "index.html").is_file(), path
    assert not (built_site / "centres/999999").exists()


def test_county_page_lists_open_centres_first_and_marks_unconfirmed(built_site):
    html = page(built_site, "centres/430603")
    # Built with --today 2026-11-22: the 长岭街道 centre was last confirmed on 2025-10-08.
    stale = html[html.index('id="yunxi-changling-children-home"') :]
    stale = stale[: stale.index("<h3") if "<h3" in stale else len(stale)]
    assert "待核实" in stale and "超过 12 个月没有核实" in text_of(stale)
    fresh = html[html.index('id="yunxi-lucheng-liushou-home"') : html.index('id="yunxi-bainihu-children-home"')]
    assert "待核实" not in fresh and "开放中" in fresh
    # The township whose best centre is open and confirmed comes before the one that is not.
    assert html.index('id="yunxi-lucheng-liushou-home"') < html.index('id="yunxi-changling-children-home"')
    # Sample data (example: true, issue 19): the made-up number is shown, never dialled.
    assert 'href="tel:0730-8461233"' not in html and "示例号码，请勿拨打" in html


def test_closed_centres_come_after_open_ones(built_site):
    html = page(built_site, "centres/431003")
    assert html.index("suxian-liangtian-liushou-home") < html.index("suxian-qifengdu-children-home")
    assert "已关闭" in html and "已并入" in html


def test_policy_library_and_links_from_activities(built_site):
    html = page(built_site, "policies")
    assert 'id="guofa-2016-13"' in html and "国发〔2016〕13号" in text_of(html)
    assert 'href="https://www.gov.cn/zhengce/content/2016-02/14/content_5041066.htm"' in html
    camp = page(built_site, "activities/2027-07-10-yunxi-summer-camp")
    assert 'href="../../policies/#minfa-2023-62"' in camp
    types = page(built_site, "activities/types/legal-education")
    assert "政策依据" in types and 'href="../../../policies/#minfa-2023-62"' in types


def test_local_help_numbers_by_county_sample_ones_not_dialled(built_site):
    html = page(built_site, "help/local")
    data = yaml.safe_load((ROOT / "data/hotlines.yaml").read_text(encoding="utf-8"))
    assert data["example"] == "true"  # issue 19: a sample number is text, not a tel: link
    for line in data["hotlines"]:
        assert f'href="tel:{line["number"]}"' not in html and line["number"].replace("-", "&#45;") in html
    assert 'id="county-450225"' in html
    assert "示例号码" in html  # data/hotlines.yaml says example: true
    help_page = page(built_site, "help")
    assert 'href="tel:110"' in help_page and 'href="local/"' in help_page


def test_home_page_shows_the_day_s_activities_and_figures(built_site):
    html = page(built_site, "")
    body = text_of(html)
    assert "即将举行的活动" in body and "正在招募志愿者" in body and "数字一览" in body
    assert f"按 {TODAY[:4]}年11月22日 计算" in body
    assert 'href="tel:110"' in html and 'href="centres/450225/"' in html
    figures = re.findall(r'<ul class="key-figures">(.*?)</ul>', html, re.DOTALL)[0]
    for href in re.findall(r'href="([^"]+)"', figures):  # every key figure links to a page that exists
        assert (built_site / href / "index.html").is_file(), href
    # Ended activities are not "upcoming": the 2026-05 drill ended before the build day.
    assert "2026-05-12-luzhai-disaster-drill" not in html
