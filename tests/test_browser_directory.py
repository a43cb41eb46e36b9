"""As a member of the public on a phone, in Chromium: find the number to call, find an open care
centre in a chosen county; the help bar on every page; the home page at phone and desktop width."""

import math

import pytest

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser, site_url):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    yield page
    context.close()
    assert requests and all(u.startswith(site_url + "/") for u in requests), [
        u for u in requests if not u.startswith(site_url)
    ]


def in_view(locator, height=844) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


@pytest.mark.parametrize(
    "path", ["/", "/centres/", "/policies/", "/activities/2027-07-10-yunxi-summer-camp/", "/safety/drowning/"]
)
def test_help_bar_is_on_every_page_and_one_tap_away(phone, site_url, path):
    phone.goto(site_url + path)
    bar = phone.locator(".help-bar")
    assert bar.is_visible() and in_view(bar)
    for target in ('a[href="tel:110"]', 'a[href="tel:12355"]', "a >> text=求助与报告"):
        box = bar.locator(target).bounding_box()
        assert box["height"] >= 24 and box["width"] >= 24  # a finger can hit it, and 110 dials
    bar.locator("a >> text=求助与报告").tap()
    phone.wait_for_url("**/help/")
    assert in_view(phone.locator('a[href="tel:110"]').first)


def test_number_to_call_from_the_home_page(phone, site_url):
    phone.goto(site_url + "/")
    # 110 is a tel: link on the home page itself, without scrolling.
    call = phone.locator('.admonition a[href="tel:110"]')
    assert call.is_visible() and in_view(call)
    # The county's own numbers: home → 各县区的本地电话 → the county's section.
    phone.get_by_role("link", name="各县区的本地电话").tap()
    phone.wait_for_url("**/help/local/")
    phone.get_by_role("link", name="柳州市融水苗族自治县").tap()
    section = phone.locator("#county-450225 + ul")
    # Issue 19: data/hotlines.yaml is sample data, so its numbers are shown, marked, and not dialled.
    assert section.locator(".tel--example").count() == 3 and section.locator('a[href^="tel:"]').count() == 0
    assert section.locator(".tel--example").first.is_visible() and "（示例号码）" in section.inner_text()


def test_find_an_open_centre_in_a_chosen_county(phone, site_url):
    phone.goto(site_url + "/")
    phone.get_by_role("link", name="融水苗族自治县").tap()
    phone.wait_for_url("**/centres/450225/")
    first = phone.locator("h3").first
    assert first.inner_text().replace("\u200b", "") == "三防镇中心小学留守儿童之家"
    card = phone.locator("h3 + p.centre-badges").first
    assert card.locator(".status--active").inner_text() == "开放中"
    assert card.locator(".status--unconfirmed").count() == 0
    # Issue 19: a sample centre's number is shown as text with 示例号码, not as a tel: link.
    number = phone.locator(".tel--example", has_text="0772-5161208").first
    assert number.is_visible() and phone.locator('a[href="tel:0772-5161208"]').count() == 0
    assert "示例号码，请勿拨打" in phone.locator("article").inner_text()  # the page's notice


def test_the_centre_index_explains_an_empty_choice_and_lists_every_county(phone, site_url):
    phone.goto(site_url + "/centres/")
    phone.get_by_role("link", name="平江县").tap()
    phone.wait_for_url("**/centres/430626/")
    badges = [b.replace("\u200b", "") for b in phone.locator("h3 + p.centre-badges .status").all_inner_texts()]
    assert badges[0] == "开放中" and "暂停开放" in badges  # the open one first
    assert "教学楼改造施工" in phone.locator("article").inner_text()


def test_home_page_fits_a_phone_and_a_desktop(browser, site_url):
    for width, columns in ((390, 2), (1280, 4)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(site_url + "/")
        assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling
        tops = page.locator("ul.key-figures li").evaluate_all("els => els.map(e => e.getBoundingClientRect().top)")
        rows = len({round(t) for t in tops})
        assert len(tops) >= 4 and rows <= math.ceil(len(tops) / columns)  # at least `columns` figures a row
        # What this is and the three ways in are above the fold.
        assert in_view(page.get_by_role("link", name="找志愿活动"), 900)
        assert in_view(page.get_by_role("link", name="找关爱场所"), 900)
        page.close()
