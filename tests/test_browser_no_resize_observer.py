"""A phone without ResizeObserver (older Android WebViews, iOS before 13.1): the theme's bundle would
fetch a polyfill from unpkg.com. The site answers its feature detection itself (overrides/partials/
portal-head.html): the page works and no request leaves the site."""

import pytest

PAGES = ["/", "/activities/", "/activities/2027-07-10-yunxi-summer-camp/", "/help/local/"]


@pytest.mark.parametrize("path", PAGES)
def test_without_resize_observer_nothing_is_fetched_from_another_host(site_url, browser, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.add_init_script("delete window.ResizeObserver;")  # before any of the page's scripts run
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(site_url + path, wait_until="networkidle")
        assert page.evaluate("typeof ResizeObserver") == "function"  # the site's stand-in
        page.set_viewport_size({"width": 800, "height": 844})  # the theme reacts to a resize
        page.wait_for_timeout(200)
        page.set_viewport_size({"width": 390, "height": 844})
        page.wait_for_timeout(200)
        outside = [u for u in requests if not u.startswith(site_url + "/")]
        assert requests and outside == []
        assert errors == []
    finally:
        context.close()


def test_the_stand_in_is_not_used_where_the_browser_has_one(site_url, browser):
    page = browser.new_page()
    try:
        page.goto(site_url + "/")
        assert "[native code]" in page.evaluate("ResizeObserver.toString()")
    finally:
        page.close()
