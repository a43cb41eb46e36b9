"""The site checkers of `make check-site` (tools/quality/) on tiny sites made for each case."""

import gzip
import http.client
import json
from urllib.parse import urlsplit

import pytest

from tools.quality import lighthouse, links, nu, pages
from tools.quality.gzip_server import serve

BASE = "http://127.0.0.1:8000/"


def write(root, files: dict[str, str | bytes]):
    for rel, body in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return root


def get(url: str, gzip_ok: bool = True):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.netloc, timeout=10)
    conn.request("GET", parts.path, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp, body


# ---- gzip server ---------------------------------------------------------------------------


def test_gzip_server_compresses_text_like_a_static_host(tmp_path):
    page = "<!doctype html><title>x</title>" + "关爱留守儿童" * 500
    write(tmp_path, {"a/index.html": page, "logo.png": b"\x89PNG" + bytes(300), "data.json": '{"k": 1}'})
    with serve(tmp_path) as base:
        resp, body = get(base + "/a/")
        assert resp.status == 200 and resp.getheader("Content-Encoding") == "gzip"
        assert resp.getheader("Content-Type") == "text/html; charset=utf-8"
        assert gzip.decompress(body).decode("utf-8") == page and len(body) < len(page.encode()) / 10
        assert resp.getheader("Cache-Control") == "max-age=600"
        resp, body = get(base + "/data.json")
        assert resp.getheader("Content-Encoding") == "gzip" and json.loads(gzip.decompress(body)) == {"k": 1}
        resp, body = get(base + "/logo.png")  # images are compressed already
        assert resp.getheader("Content-Encoding") is None and len(body) == 304
        resp, body = get(base + "/a/", gzip_ok=False)  # a client that does not ask gets plain bytes
        assert resp.getheader("Content-Encoding") is None and body.decode("utf-8") == page
        resp, _ = get(base + "/a")
        assert resp.status == 301 and resp.getheader("Location") == "/a/"
        resp, _ = get(base + "/missing/")
        assert resp.status == 404


# ---- links ---------------------------------------------------------------------------------

SITE = {
    "index.html": '<a href="a/">a</a> <a href="a/#top">top</a> <a href="a/#nowhere">x</a> <a href="b/">b</a>'
    ' <a href="https://example.org/x">out</a> <a href="mailto:x@example.org">m</a> <a href="tel:110">110</a>'
    ' <img src="img/qr.svg" alt=""> <a href="#">top</a> <a href="http://127.0.0.1:8000/a/">abs</a>'
    ' <a href="webcal://127.0.0.1:8000/feed.ics">cal</a> <a href="/../../etc/passwd">up</a>',
    "a/index.html": '<h1 id="top">A</h1><a name="old">old</a><a href="../#main">home</a> <a href="../a/#old">ok</a>'
    ' <a href="../%E6%B4%BB%E5%8A%A8/">活动</a>',
    "活动/index.html": "<p>ok</p>",
    "img/qr.svg": "<svg/>",
    "sitemap.xml": "<urlset><url><loc>http://127.0.0.1:8000/a/</loc></url><url><loc>http://127.0.0.1:8000/gone/</loc></url></urlset>",
}


def test_links_finds_every_broken_internal_link_and_anchor(tmp_path):
    broken = links.check_site(write(tmp_path, SITE), BASE)
    assert [(b.page, b.link, b.reason) for b in broken] == [
        ("/", "/../../etc/passwd", "目标文件不存在"),
        ("/", "a/#nowhere", "页面里没有锚点 #nowhere"),
        ("/", "b/", "目标文件不存在"),
        ("/", "webcal://127.0.0.1:8000/feed.ics", "目标文件不存在"),
        ("/a/", "../#main", "页面里没有锚点 #main"),
        ("/sitemap.xml", "http://127.0.0.1:8000/gone/", "目标文件不存在"),
    ]


def test_links_under_a_base_path(tmp_path):
    write(tmp_path, {"index.html": '<a href="/portal/a/">in</a> <a href="/other/">out</a>', "a/index.html": ""})
    broken = links.check_site(tmp_path, "https://org.github.io/portal/")
    assert [(b.link, b.reason) for b in broken] == [("/other/", "指向网站目录之外")]


# ---- Nu checker output ---------------------------------------------------------------------


def test_nu_keeps_our_errors_and_excuses_only_the_theme_toggles(tmp_path):
    site = tmp_path / "site"
    theme = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
    ours = '<input type="checkbox" name="x" autocomplete="off">'
    msg = "Attribute “autocomplete” is only allowed when the input type is “color”, …"
    output = json.dumps(
        {
            "messages": [
                {"type": "error", "url": f"file:{site}/a/index.html", "lastLine": 9, "message": msg, "extract": theme},
                {"type": "error", "url": f"file:{site}/a/index.html", "lastLine": 20, "message": msg, "extract": ours},
                {"type": "info", "url": f"file:{site}/index.html", "message": "just a note"},
                {
                    "type": "error",
                    "url": f"file:{site}/index.html",
                    "lastLine": 3,
                    "message": "Stray end tag “p”.",
                    "extract": "</p>",
                },
            ]
        }
    )
    assert [(e.page, e.line, e.message[:20]) for e in nu.parse(output, site)] == [
        ("/", 3, "Stray end tag “p”."),
        ("/a/", 20, msg[:20]),
    ]


# ---- Lighthouse report ---------------------------------------------------------------------


def lighthouse_report(perf: float, a11y: float = 1.0) -> dict:
    audits = {
        "total-blocking-time": {"score": 0.5, "title": "Total Blocking Time", "displayValue": "600 ms"},
        "color-contrast": {"score": 0 if a11y < 1 else 1, "title": "对比度不足"},
        "first-contentful-paint": {"score": 1, "title": "FCP", "displayValue": "1.0 s"},
        "viewport": {"score": None, "title": "n/a"},
    }
    refs = {
        "performance": [{"id": "total-blocking-time", "weight": 30}, {"id": "first-contentful-paint", "weight": 10}],
        "accessibility": [{"id": "color-contrast", "weight": 7}, {"id": "viewport", "weight": 0}],
        "best-practices": [],
        "seo": [],
    }
    scores = {"performance": perf, "accessibility": a11y, "best-practices": 1, "seo": 1}
    return {
        "finalDisplayedUrl": "http://x/",
        "audits": audits,
        "categories": {c: {"score": scores[c], "auditRefs": refs[c]} for c in refs},
    }


def test_lighthouse_summary_names_the_audits_that_cost_points():
    result = lighthouse.summarise(lighthouse_report(0.9, a11y=0.93))
    assert not result.passed and result.scores["accessibility"] == 0.93
    assert result.failing == (
        "performance total-blocking-time (0.50): Total Blocking Time — 600 ms",
        "accessibility color-contrast (0.00): 对比度不足",
    )
    assert result.metrics == {"total-blocking-time": "600 ms", "first-contentful-paint": "1.0 s"}
    report = lighthouse.report(result)
    assert report.startswith("http://x/: performance 90 accessibility 93 best-practices 100 seo 100")
    assert "color-contrast" in report
    assert lighthouse.summarise(lighthouse_report(0.95)).passed


def test_lighthouse_runs_twice_more_only_when_performance_alone_misses(monkeypatch):
    runs = iter([0.90, 0.97, 0.96])
    monkeypatch.setattr(lighthouse, "run", lambda url, chromium: lighthouse.summarise(lighthouse_report(next(runs))))
    result = lighthouse.check("http://x/")
    assert result.runs == 3 and result.scores["performance"] == 0.96 and result.passed
    calls = []
    monkeypatch.setattr(
        lighthouse, "run", lambda url, chromium: calls.append(url) or lighthouse.summarise(lighthouse_report(0.99, 0.9))
    )
    assert not lighthouse.check("http://x/").passed and len(calls) == 1  # accessibility does not vary


# ---- which pages ---------------------------------------------------------------------------


def test_pages_one_of_each_family_the_heaviest(tmp_path):
    write(
        tmp_path,
        {
            "index.html": "x",
            "help/index.html": "x",
            "404.html": "x",
            "statistics/index.html": "x",
            "activities/index.html": "x",
            "activities/2026-12-05-a/index.html": "x" * 10,
            "activities/2026-12-06-b/index.html": "x" * 99,
            "activities/2026-12-06-b/poster/index.html": "x",
            "activities/types/camp/index.html": "x",
            "activities/types/visit/index.html": "xx",
            "activities/types/visit/page/2/index.html": "x",
            "activities/types/visit/page/3/index.html": "xx",
            "activities/page/2/index.html": "x",
            "activities/page/3/index.html": "xx",
            "statistics/indicators/paired/index.html": "x",
        },
    )
    assert pages.representative(tmp_path) == [
        "",
        "404.html",
        "activities/",
        "activities/2026-12-06-b/",
        "activities/2026-12-06-b/poster/",
        "activities/page/3/",
        "activities/types/visit/",
        "activities/types/visit/page/3/",
        "help/",
        "statistics/",
        "statistics/indicators/paired/",
    ]
    assert pages.lighthouse_pages(tmp_path) == [
        "",
        "activities/",
        "activities/2026-12-06-b/",
        "statistics/",
        "statistics/indicators/paired/",
    ]


@pytest.mark.parametrize(
    "path, family",
    [("activities/2026-12-05-x/", 0), ("activities/api/", None), ("centres/450225/", 6), ("activities/page/2/", 8)],
)
def test_activity_families_need_a_dated_id(path, family):
    found = next((i for i, f in enumerate(pages.FAMILIES) if f.fullmatch(path)), None)
    assert found == family
