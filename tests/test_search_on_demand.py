"""The search index loads only when the search is opened (overrides/partials/portal-head.html).

mkdocs-material 9.8.1 requests search/search_index.json on every page load; on a phone that
is the largest download of the site. Served gzipped, as the real host serves it.
"""

import pytest

from tools.quality.gzip_server import serve

PHONE = {"width": 390, "height": 844}
INDEX = "/search/search_index.json"


@pytest.fixture(scope="module")
def gz_site(built_site):
    with serve(built_site) as base:
        yield base


def open_page(browser, url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(url, wait_until="networkidle")
    return page, requested


def test_a_page_loads_without_the_search_index_and_search_still_works(browser, gz_site):
    page, requested = open_page(browser, gz_site + "/activities/")
    page.wait_for_timeout(500)
    assert not [u for u in requested if u.endswith(INDEX)]
    # Listen before opening the search: opening it may already release the index request.
    with page.expect_response(lambda r: r.url.endswith(INDEX)) as response:
        page.click('label.md-header__button[for="__search"]')  # the magnifier in a phone's header
        page.fill("input.md-search__input", "夏令营")
        page.keyboard.press("End")  # typed CJK text does not fire the key event the search waits for
    assert response.value.ok and response.value.headers.get("content-encoding") == "gzip"
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=20_000)
    assert "夏令营" in first.inner_text().replace("\u200b", "")
    page.context.close()


def test_a_page_opened_from_a_search_result_loads_the_index_to_highlight(browser, gz_site):
    page, requested = open_page(browser, gz_site + "/activities/2027-07-10-yunxi-summer-camp/?h=夏令营")
    page.locator("article mark").first.wait_for(timeout=20_000)
    assert [u for u in requested if u.endswith(INDEX)]
    page.context.close()
