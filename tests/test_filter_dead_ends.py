"""The list filter without dead ends (issue 19): an empty result says which choice to relax and
where the matches are; counties come from the allow-list, by city, a city meaning all its counties;
the current type and county give a subscription; without JavaScript the choices are links. And the
feeds behind it: one per type × county that has activities, one Atom feed per county."""

import xml.etree.ElementTree as ET

import pytest
import vobject

from build_tools import ROOT
from tests.test_volunteer_browser import PHONE, choose, open_list, skip_search_index, visible_cards

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site(site_url):
    return site_url


@pytest.fixture
def phone(browser):
    ctx = browser.new_context(viewport=PHONE, timezone_id="Asia/Shanghai")
    page = ctx.new_page()
    skip_search_index(page)
    yield page
    ctx.close()


def test_an_empty_result_says_which_choice_to_relax(phone, site, activities):
    open_list(phone, site)
    choose(phone, "type", "summer-camp")
    choose(phone, "region", "450222")  # 柳城县 has no summer camp
    assert visible_cards(phone) == []
    relax = phone.locator(".filter-relax button").all_inner_texts()
    assert any(t.startswith("不限县区：1 项（云溪区 1 项）") for t in relax), relax
    assert any(t.startswith("不限类型：") for t in relax), relax
    phone.get_by_role("button", name="不限县区：1 项（云溪区 1 项）").click()
    phone.wait_for_function("() => document.querySelector('select[name=region]').value === ''")
    phone.wait_for_function("() => document.querySelectorAll('.filter-results li a').length === 1")
    assert visible_cards(phone) == ["2027-07-10-yunxi-summer-camp"]


def test_an_empty_month_names_the_soonest_matching_day(phone, site, activities):
    open_list(phone, site, "?type=summer-camp&month=2027-02")
    texts = phone.locator(".filter-relax button").all_inner_texts()
    assert any("不限时间：1 项，最近的一项在 2027年7月10日" in t for t in texts), texts


def test_counties_come_from_the_allow_list_by_city_and_a_city_means_all_its_counties(phone, site, activities):
    open_list(phone, site)
    groups = phone.eval_on_selector_all("select[name=region] optgroup", "gs => gs.map(g => g.label)")
    assert groups == ["岳阳市", "郴州市", "柳州市"]
    options = phone.eval_on_selector_all("select[name=region] option", "os => os.map(o => o.value)")
    assert "430621" in options and "430626" in options  # counties without activities are there too
    choose(phone, "region", "450200")
    expected = sorted(aid for aid, (a, _) in activities.items() if a.region_code.startswith("4502"))
    assert len(expected) >= 4 and sorted(visible_cards(phone)) == expected


def test_subscribe_to_the_current_filter(phone, site, activities):
    open_list(phone, site, "?type=summer-camp&region=430603")
    links = dict(zip(phone.locator(".filter-subscribe a").all_inner_texts(),
                     phone.eval_on_selector_all(".filter-subscribe a", "as => as.map(a => a.href)"), strict=True))
    ics = links["日历订阅地址"]
    assert ics == f"{site}/activities/calendar/types/summer-camp/430603.ics"
    assert links["苹果手机一键订阅日历"] == ics.replace("http:", "webcal:")
    assert links["新活动提醒（Atom）"] == f"{site}/activities/regions/430603/feed.xml"
    response = phone.request.get(ics)
    assert response.ok and b"2027-07-10-yunxi-summer-camp@" in response.body()
    assert phone.request.get(links["新活动提醒（Atom）"]).ok


def test_without_javascript_the_choices_are_links_to_the_group_pages(browser, site):
    ctx = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = ctx.new_page()
    try:
        page.goto(f"{site}/activities/")
        assert not page.locator("form.activity-filter").is_visible()
        links = page.locator(".filter-links")
        assert links.is_visible() and "柳州市" in links.inner_text()
        links.get_by_role("link", name="融水苗族自治县").click()
        assert page.url.endswith("/activities/regions/450225/")
        assert "融水" in page.locator("h1").inner_text()
    finally:
        ctx.close()


def test_the_links_give_way_to_the_filter_where_it_runs(phone, site):
    open_list(phone, site)
    assert not phone.locator(".filter-links").is_visible()


def test_a_feed_for_every_type_and_county_pair_with_activities(built_site, activities):
    pairs = {(a.type_code, a.region_code) for a, _ in activities.values()}
    made = {(p.parent.name, p.stem) for p in (built_site / "activities/calendar/types").glob("*/*.ics")}
    assert made == pairs
    for type_code, region in pairs:
        cal = vobject.readOne((built_site / f"activities/calendar/types/{type_code}/{region}.ics").read_text(encoding="utf-8"))
        for ev in getattr(cal, "vevent_list", []):
            a, _ = activities[ev.uid.value.split("@")[0]]
            assert (a.type_code, a.region_code) == (type_code, region)
            assert not hasattr(ev, "valarm")


def test_an_atom_feed_per_county(built_site, activities):
    import csv

    counties = [r["code"] for r in csv.DictReader((ROOT / "data/lists/regions.csv").open(encoding="utf-8"))]
    for code in counties:
        feed = ET.parse(built_site / f"activities/regions/{code}/feed.xml").getroot()
        ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in feed.findall(f"{ATOM}entry")]
        assert all(activities[i][0].region_code == code for i in ids)
        assert feed.find(f"{ATOM}link[@rel='self']").get("href").endswith(f"/activities/regions/{code}/feed.xml")
    yunxi = ET.parse(built_site / "activities/regions/430603/feed.xml").getroot()
    assert len(yunxi.findall(f"{ATOM}entry")) >= 1
