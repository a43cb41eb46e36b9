"""The search loads nothing until it is opened (assets/search.js), then only what a query needs.

The theme's own search (lunr) requested its whole index on every page load; Pagefind's index is
cut into chunks, and the script fetches pagefind.js, its worker and the chunks of a query only
once the search is opened. Served gzipped, as the real host serves it.
"""

import pytest

from tests.page_weight import is_search_file
from tools.quality.gzip_server import serve

PHONE = {"width": 390, "height": 844}


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


def test_a_page_loads_without_the_search_and_search_still_works(browser, gz_site):
    page, requested = open_page(browser, gz_site + "/activities/")
    page.wait_for_timeout(500)
    assert not [u for u in requested if is_search_file(u)]
    with page.expect_response(lambda r: r.url.endswith("/pagefind/pagefind.js")) as response:
        page.click('label.md-header__button[for="__search"]')  # the magnifier in a phone's header
    assert response.value.ok and response.value.headers.get("content-encoding") == "gzip"
    page.fill("input.md-search__input", "夏令营")
    first = page.locator(".md-search-result__item a.md-search-result__link").first
    first.wait_for(timeout=20_000)
    assert "夏令营" in first.inner_text()
    fetched = [u for u in requested if "/pagefind/" in u]
    assert [u for u in fetched if "/index/" in u] and [u for u in fetched if "/fragment/" in u]
    assert not [u for u in fetched if "/filter/" in u]  # filters load only when they are opened
    page.context.close()


def test_a_page_opened_from_a_search_result_marks_the_words_without_loading_the_search(browser, gz_site):
    page, requested = open_page(browser, gz_site + "/activities/2027-07-10-yunxi-summer-camp/?h=夏令营 篝火晚会")
    marks = page.locator("article mark[data-md-highlight]")
    marks.first.wait_for(timeout=20_000)
    assert {m.inner_text() for m in marks.all()} == {"夏令营", "篝火晚会"}
    assert not [u for u in requested if is_search_file(u)]
    page.context.close()
