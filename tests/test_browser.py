"""The site in a real browser (Chromium): search, open an activity, find its sign-up link."""

import yaml

from build_tools import ROOT

CAMP = ROOT / "data/activities/2027/2027-07-10-yunxi-summer-camp.yaml"


def test_search_camp_and_find_signup_link(site_url, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(site_url + "/")
    page.click("input.md-search__input")
    page.keyboard.type("夏令营")
    page.keyboard.press("End")  # typed CJK text does not fire the key event the search waits for
    camp = page.locator('.md-search-result__link[href*="2027-07-10-yunxi-summer-camp"]').first
    camp.wait_for(timeout=20_000)
    camp.click()
    title = yaml.safe_load(CAMP.read_text(encoding="utf-8"))["title"]
    page.wait_for_url("**/2027-07-10-yunxi-summer-camp/**")
    assert page.locator("h1").inner_text().replace("\u200b", "") == title
    signup = page.get_by_role("link", name="我要报名")
    assert signup.get_attribute("href") == yaml.safe_load(CAMP.read_text(encoding="utf-8"))["volunteers"]["signup_url"]
    assert requests and all(u.startswith(site_url + "/") for u in requests), [u for u in requests if not u.startswith(site_url)]


def test_closed_activity_has_no_live_signup_link(site_url, browser):
    page = browser.new_page()
    page.goto(site_url + "/activities/2026-11-28-rongshui-saturday-tutoring/")
    assert page.get_by_role("link", name="我要报名").count() == 0
    assert "志愿者名额已满" in page.locator(".signup").inner_text()
