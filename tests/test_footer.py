"""Every page's footer: who runs the site, filing numbers with their links, the build date; and the
notice a visitor sees when the site has not been rebuilt for more than two days. (Hostile values in
data/site.yaml and both filing numbers: tests/test_output_firewall.py's hostile build.)"""

import datetime as dt
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from tests.conftest import TODAY


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
