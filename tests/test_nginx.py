"""The built site behind the shipped nginx configuration (deploy/nginx/portal.conf, tests/nginx.py):
types, caching, compression, headers, the 404 answer; and in Chromium every kind of page under its
Content-Security-Policy with no violation and no request to another host, the search included."""

import gzip
import urllib.request
from urllib.error import HTTPError

import pytest

from build_tools.exports.csp import SNIPPET

ACTIVITY = "activities/2026-12-04-lucheng-constitution-day-mock-court/"
TYPES = {  # one file of each kind → the Content-Type it must be served with
    "": "text/html; charset=utf-8",
    "assets/portal.css": "text/css; charset=utf-8",
    "assets/activities.js": "application/javascript; charset=utf-8",
    "statistics/charts/archives-regions.svg": "image/svg+xml; charset=utf-8",
    ACTIVITY + "2026-12-04-lucheng-constitution-day-mock-court.ics": "text/calendar; charset=utf-8",
    "activities/feed.xml": "text/xml; charset=utf-8",
    "sitemap.xml": "text/xml; charset=utf-8",
    "activities/activities.json": "application/json; charset=utf-8",
    "statistics/downloads/paired-rate.csv": "text/csv; charset=utf-8",
    "statistics/downloads/liushou-statistics.zip": "application/zip",
    "schools/activity-template.yaml": "text/yaml; charset=utf-8",
    "assets/images/favicon.png": "image/png",
    "pagefind/pagefind.js": "application/javascript; charset=utf-8",
    "pagefind/wasm.unknown.pagefind": "application/octet-stream",
}


def get(url, **headers):
    try:
        return urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10)
    except HTTPError as answer:
        return answer


@pytest.mark.parametrize("path", sorted(TYPES))
def test_every_kind_of_file_has_its_type_and_the_headers(site_url, path):
    answer = get(f"{site_url}/{path}")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == TYPES[path]
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'none';")


def test_pagefind_index_files_are_served_as_they_are(site_url, built_site):
    for pattern in ("pagefind/*.pf_meta", "pagefind/fragment/*.pf_fragment", "pagefind/index/*.pf_index", "pagefind/filter/*.pf_filter"):
        path = next(built_site.glob(pattern)).relative_to(built_site).as_posix()
        answer = get(f"{site_url}/{path}", **{"Accept-Encoding": "gzip"})
        assert answer.headers["Content-Type"] == "application/octet-stream", path
        assert "Content-Encoding" not in answer.headers  # Pagefind unpacks them itself
        assert answer.headers["Cache-Control"] == "max-age=31536000", path  # named by their content
        assert answer.read() == (built_site / path).read_bytes()


def test_fingerprinted_theme_files_are_cached_long_pages_and_feeds_short(site_url, built_site):
    bundle = next(built_site.glob("assets/javascripts/bundle.*.min.js")).relative_to(built_site).as_posix()
    assert get(f"{site_url}/{bundle}").headers["Cache-Control"] == "max-age=31536000"
    for path in ("", ACTIVITY, "activities/feed.xml", "activities/activities.json", "assets/activities.js", "pagefind/pagefind-entry.json"):
        assert get(f"{site_url}/{path}").headers["Cache-Control"] == "max-age=600", path


def test_text_is_gzipped_and_a_precompressed_file_is_sent_as_it_is(site_url, built_site):
    page = get(f"{site_url}/{ACTIVITY}", **{"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip" and page.headers["Vary"] == "Accept-Encoding"
    assert gzip.decompress(page.read()) == (built_site / ACTIVITY / "index.html").read_bytes()
    sitemap = get(f"{site_url}/sitemap.xml", **{"Accept-Encoding": "gzip"})  # mkdocs writes sitemap.xml.gz
    assert sitemap.read() == (built_site / "sitemap.xml.gz").read_bytes()


def test_a_missing_page_is_a_404_with_the_sites_page(site_url, built_site):
    answer = get(f"{site_url}/activities/no-such-activity/")
    assert answer.status == 404 and answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert answer.read() == (built_site / "404.html").read_bytes()


def test_the_policy_snippet_is_not_served(site_url, built_site):
    assert (built_site / SNIPPET).is_file()
    assert get(f"{site_url}/{SNIPPET}").status == 404


def test_an_svg_opened_alone_may_run_no_script(site_url):
    answer = get(f"{site_url}/statistics/charts/archives-regions.svg")
    assert answer.headers["Content-Security-Policy"].startswith("default-src 'none'; style-src 'unsafe-inline'")
    assert "script-src" not in answer.headers["Content-Security-Policy"]
    assert answer.headers["X-Frame-Options"] == "DENY"


# In Chromium: a page of every kind, the CSP violations and console errors it raises, every request.
PAGES = ["", "activities/", ACTIVITY, ACTIVITY + "poster/", "activities/calendar/", "activities/api/", "statistics/",
         "statistics/indicators/registered/", "centres/", "policies/", "help/", "help/local/", "safety/drowning/",
         "schools/form/", "schools/errors/", "schools/fields/", "about/", "activities/no-such-page/"]
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def watched(browser, site_url):
    context = browser.new_context(viewport={"width": 412, "height": 900})
    context.add_init_script(LISTEN)
    seen = {"requests": [], "console": []}
    context.on("request", lambda r: seen["requests"].append(r.url))
    context.on("console", lambda m: m.type == "error" and seen["console"].append(m.text))
    yield context, seen
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_each_kind_of_page_runs_under_the_policy(watched, site_url, path):
    context, seen = watched
    page = context.new_page()
    page.goto(f"{site_url}/{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__violations") == []
    assert [m for m in seen["console"] if "Content Security Policy" in m or "Refused" in m] == []
    assert [u for u in seen["requests"] if not u.startswith(site_url + "/") and not u.startswith(("blob:", "data:"))] == []
    if path != "activities/no-such-page/":
        assert page.evaluate("document.documentElement.classList.contains('portal-js')")  # the inline script ran
    page.close()


def test_the_search_works_under_the_policy(watched, site_url):
    context, seen = watched
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(site_url + "/")
    page.click("input.md-search__input")
    page.fill("input.md-search__input", "防溺水")
    page.press("input.md-search__input", "End")
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert page.evaluate("window.__violations") == []
    assert not [m for m in seen["console"] if "Content Security Policy" in m or "WebAssembly" in m]
    assert any("/pagefind/" in u and u.endswith(".pagefind") for u in seen["requests"])  # the WebAssembly ran
    page.close()


def test_calendar_subscriptions_and_feeds_get_their_types(tmp_path):
    """Types the session site may not hold yet (.webcal) and the other feed and data types, in a tiny site."""
    from tests.nginx import nginx

    (tmp_path / ".nginx").mkdir()
    (tmp_path / ".nginx/csp.conf").write_text("add_header Content-Security-Policy \"default-src 'none'\" always;\n")
    for name in ("all.webcal", "all.ics", "feed.xml", "data.json", "t.csv", "x.pf_index"):
        (tmp_path / name).write_bytes(b"x")
    with nginx(tmp_path) as url:
        types = {n: get(f"{url}/{n}").headers["Content-Type"] for n in ("all.webcal", "all.ics", "feed.xml", "data.json", "t.csv", "x.pf_index")}
    assert types == {"all.webcal": "text/calendar; charset=utf-8", "all.ics": "text/calendar; charset=utf-8",
                     "feed.xml": "text/xml; charset=utf-8", "data.json": "application/json; charset=utf-8",
                     "t.csv": "text/csv; charset=utf-8", "x.pf_index": "application/octet-stream"}
