"""Every page's footer: who runs the site, filing numbers with their links, the build date; and the
notice a visitor sees when the site has not been rebuilt for more than two days."""

import datetime as dt
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from build_tools.build import build
from tests.conftest import TODAY

HOSTILE = "<img src=x onerror=alert(1)>教育局"


def footer(page_html: str):
    return LexborHTMLParser(page_html).css_first("footer .md-copyright")


def test_every_page_says_who_runs_it_and_when_it_was_built(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        if path.relative_to(built_site).parts[0] == "pagefind":
            continue
        html = path.read_text(encoding="utf-8")
        assert "Made with" not in html and "squidfunk" not in html, path
        box = footer(html)
        if box is None:  # the printable poster has no footer
            continue
        text = box.text()
        assert "本站由关爱留守儿童志愿活动门户项目组运营" in text and "portal@example.org.cn" in text, path
        assert "ICP 备案号尚未填写" in text, path
        assert box.css_first(".portal-built").attributes["data-built"] == TODAY


@pytest.fixture(scope="module")
def filed_site(tmp_path_factory):
    """A site whose data/site.yaml has both filing numbers and an operator name holding markup."""
    import shutil

    from tests.conftest import ROOT

    root = tmp_path_factory.mktemp("filed") / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    text = (root / "data/site.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: 关爱留守儿童志愿活动门户项目组", f'  name: "{HOSTILE}"\n  phone: 0730-8123456')
    text += "filing:\n  icp: 湘ICP备2026012345号-1\n  police: 湘公网安备43060302000123号\n"
    (root / "data/site.yaml").write_text(text, encoding="utf-8")
    site = root.parent / "site"
    assert build(dt.date.fromisoformat(TODAY), site, root=root) == 0  # the HTML check passed too
    return site


def test_filing_numbers_link_to_the_filing_systems(filed_site):
    box = footer((filed_site / "help/index.html").read_text(encoding="utf-8"))
    links = {a.text(): a.attributes["href"] for a in box.css("a")}
    assert links["湘ICP备2026012345号-1"] == "https://beian.miit.gov.cn/"
    assert links["湘公网安备43060302000123号"] == "https://beian.mps.gov.cn/#/query/webSearch?code=43060302000123"
    assert links["0730-8123456"] == "tel:0730-8123456"


def test_the_operator_name_is_text_whatever_it_holds(filed_site):
    html = (filed_site / "index.html").read_text(encoding="utf-8")
    box = footer(html)
    assert box.css("img") == [] and HOSTILE in box.text()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def open_on(browser, url, day, javascript=True):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(day + "T09:00:00")
    page.goto(url)
    return context, page


@pytest.mark.parametrize("day, stale", [("2026-11-22", False), ("2026-11-24", False), ("2026-11-25", True), ("2027-03-01", True)])
def test_an_old_build_says_it_may_be_out_of_date(site_url, browser, day, stale):
    context, page = open_on(browser, site_url + "/activities/", day)
    page.wait_for_load_state("load")
    page.wait_for_timeout(200)
    notice = page.locator(".portal-stale")
    if stale:
        days = (dt.date.fromisoformat(day) - dt.date.fromisoformat(TODAY)).days
        assert notice.is_visible()
        assert re.fullmatch(rf"本页按 2026 年 11 月 22 日的情况生成，已经过去 {days} 天，活动的报名状态等信息可能已经过时，请以主办单位的通知为准。",
                            notice.inner_text())
    else:
        assert notice.count() == 0
    context.close()


def test_without_javascript_the_build_date_is_shown(site_url, browser):
    context, page = open_on(browser, site_url + "/activities/", "2027-03-01", javascript=False)
    assert page.locator(".portal-built").inner_text() == "本站内容按 2026 年 11 月 22 日的情况生成。"
    assert page.locator(".portal-built").is_visible()
    context.close()
