"""Deleted and renamed activities (data/removed-activities.yaml) and the site's 404 page: an old
address, printed on a poster or kept in a calendar, never lands on a dead end."""

import re
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.check.directory_rules import check_removed_against
from build_tools.validate import validate_directory

FIXTURE = Path(__file__).parent / "fixtures/data/removed-activities.yaml"
LIVE = {"2026-12-05-sample-lecture"}


def checked(tmp_path, text):
    path = tmp_path / "data/removed-activities.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report, items = validate_directory("removed", [path], ROOT)
    return report, items


def against(tmp_path, text, live=LIVE):
    report, items = checked(tmp_path, text)
    assert report.problems == []
    for c in items:
        check_removed_against(c.record, c.doc, c.file, live, report)
    return sorted((p.code, p.line) for p in report.problems)


def test_passing_fixture_is_clean(tmp_path):
    assert against(tmp_path, FIXTURE.read_text(encoding="utf-8")) == []


def test_an_id_that_is_still_an_activity_is_refused(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace('"2026-11-07-sample-sports-day"', '"2026-12-05-sample-lecture"')
    assert against(tmp_path, text) == [("consistency/removed-still-live", 7)]


def test_a_new_id_that_is_no_activity_is_refused(tmp_path):
    text = FIXTURE.read_text(encoding="utf-8").replace('renamed_to: "2026-12-05-sample-lecture"', 'renamed_to: "2026-12-05-sample-lectrue"')
    assert against(tmp_path, text) == [("consistency/renamed-to-unknown", 5)]


@pytest.mark.parametrize(
    "old, new, code",
    [
        ('removed_on: "2026-10-20"', 'removed_on: "上个月"', "schema/type"),
        ('id: "2026-11-07-sample-sports-day"', 'id: "../../index"', "schema/pattern"),
        ('    removed_on: "2026-10-20"\n', '    removed_on: "2026-10-20"\n    child_name: "x"\n', "schema/unknown-field"),
        ('id: "2026-11-07-sample-sports-day"', 'id: "2026-11-28-sample-lecture"', "consistency/duplicate-entry"),
    ],
)
def test_schema_and_duplicates(tmp_path, old, new, code):
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    report, _ = checked(tmp_path, text.replace(old, new, 1))
    assert [p.code for p in report.problems] == [code]
    assert all(p.line > 1 for p in report.problems)


def _body(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_old_address_of_a_renamed_activity_points_to_the_new_one(built_site):
    html = (built_site / "activities/2026-11-14-suxian-village-school-volunteer-day/index.html").read_text(encoding="utf-8")
    assert "这项活动已改到新网址" in _body(html)
    assert 'href="../2026-12-12-suxian-village-school-volunteer-day/"' in html


def test_the_old_address_of_a_deleted_activity_says_so(built_site):
    html = (built_site / "activities/2026-11-07-yunxi-autumn-sports-day/index.html").read_text(encoding="utf-8")
    assert "这项活动已删除" in _body(html) and "2026年10月20日" in html


def test_the_404_page_is_chinese_with_search_and_the_main_links(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "<title>找不到这个页面" in html and "Not found" not in html
    assert 'for="__search"' in html and "搜索本站" in html
    for path in ("activities/", "help/", "help/local/", "centres/", "safety/"):
        assert re.search(rf'href="/{re.escape(path)}"', html), path  # absolute: served at any depth


def test_an_unknown_address_in_the_browser_shows_the_chinese_404(site_url, browser):
    """The host answers an unknown address with 404.html (as nginx's error_page does); its links
    and scripts work at any depth."""
    page = browser.new_page(viewport={"width": 390, "height": 844})
    try:
        page.goto(site_url + "/404.html")
        assert page.locator("h1").inner_text() == "找不到这个页面"
        page.get_by_text("搜索本站").click()
        page.locator("input.md-search__input").wait_for(state="visible")
        page.goto(site_url + "/404.html")
        page.get_by_role("link", name="全部志愿活动").click()
        assert page.url.endswith("/activities/")
    finally:
        page.close()
