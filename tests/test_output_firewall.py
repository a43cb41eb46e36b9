"""Issue 13 class 1: data reaches every road of the theme as text, and the built-site check
(build_tools/check/html_check.py) refuses what the templates did not make."""

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from build_tools.build import build
from build_tools.check import html_check
from build_tools.report.text import front_matter
from tests.test_build import TODAY

IMG = "<img src=x onerror=alert()>"
CLOSE = "</title><script>alert(2)</script>"  # with IMG: 59 characters, a title fits 60


def _replace_line(path: Path, pattern: str, line: str) -> None:
    text = path.read_text(encoding="utf-8")
    new = re.sub(pattern, lambda _: line, text, count=1, flags=re.M)
    assert new != text, pattern
    path.write_text(new, encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """One build of the repository with markup in every kind of name a pull request can change."""
    import shutil

    from build_tools import ROOT

    root = tmp_path_factory.mktemp("hostile") / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    record = root / "data/activities/2026/2026-12-12-suxian-village-school-volunteer-day.yaml"
    _replace_line(record, r"^title: .*$", f'title: "{CLOSE}{IMG}"')
    _replace_line(record, r"^summary: .*$", 'summary: "简介\\" onmouseover=\\"alert(3)<img src=https://evil.example/a.png>"')
    _replace_line(root / "data/lists/regions.csv", r"^430603,云溪区,", f"430603,云溪区{IMG},")
    _replace_line(root / "data/lists/indicators.csv", r"^registered,登记在册的儿童,", f"registered,登记在册的儿童{IMG},")
    _replace_line(root / "data/organizations.yaml", r"^    name: 岳阳市云溪区教育体育局$", f"    name: \"岳阳市云溪区教育体育局{IMG}\"")
    centre = root / "data/centres/liucheng-dongquan-youth-palace.yaml"
    _replace_line(centre, r"^name: .*$", f'name: "东泉镇{IMG}"')
    about = root / "content/about/index.md"
    about.write_text(f"---\ntitle: {front_matter('关于' + CLOSE + IMG)}\ndescription: {front_matter(CLOSE)}\n---\n\n"
                     + about.read_text(encoding="utf-8"), encoding="utf-8")
    # data/site.yaml: the footer of every page (operator, filing numbers, phone).
    _replace_line(root / "data/site.yaml", r"^  name: .*$", f'  name: "教育局{IMG}"\n  phone: 0730-8123456')
    with (root / "data/site.yaml").open("a", encoding="utf-8") as fh:
        fh.write("filing:\n  icp: 湘ICP备2026012345号-1\n  police: 湘公网安备43060302000123号\n")
    site = root.parent / "site"
    assert build(TODAY, site, root=root) == 0
    return site


def test_the_footer_shows_the_operator_as_text_and_links_the_filing_numbers(hostile_site):
    """data/site.yaml's values are text in the footer; the filing numbers link to the filing systems."""
    html = (hostile_site / "help/index.html").read_text(encoding="utf-8")
    box = LexborHTMLParser(html).css_first("footer .md-copyright")
    assert box.css("img") == [] and f"本站由教育局{IMG}运营" in box.text()
    links = {a.text(): a.attributes["href"] for a in box.css("a")}
    assert links["湘ICP备2026012345号-1"] == "https://beian.miit.gov.cn/"
    assert links["湘公网安备43060302000123号"] == "https://beian.mps.gov.cn/#/query/webSearch?code=43060302000123"
    assert links["0730-8123456"] == "tel:0730-8123456"


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), LexborHTMLParser(path.read_text(encoding="utf-8"))


def test_no_page_has_an_element_or_attribute_from_the_data(hostile_site):
    for name, tree in _pages(hostile_site):
        for node in tree.root.traverse(include_text=False):
            assert not any(k.startswith("on") for k in node.attributes), (name, node.tag, node.attributes)
            if node.tag == "img":
                assert not node.attributes.get("src", "").startswith(("x", "https:")), name
            if node.tag == "script" and not node.attributes.get("src") and "json" not in (node.attributes.get("type") or ""):
                assert "alert(" not in (node.text() or ""), name  # JSON-LD holds the names as JSON text: that is fine


def test_titles_meta_and_headings_carry_the_names_as_text(hostile_site):
    page = LexborHTMLParser((hostile_site / "activities/2026-12-12-suxian-village-school-volunteer-day/index.html").read_text())
    assert page.css_first("title").text().startswith(CLOSE + IMG)
    assert page.css_first('meta[name="description"]').attributes["content"].startswith('简介" onmouseover="alert(3)<img')
    assert page.css_first("h1").text() == CLOSE + IMG
    assert CLOSE + IMG in page.css_first(".md-header__topic:last-child").text()
    county = LexborHTMLParser((hostile_site / "centres/430603/index.html").read_text())
    assert county.css_first("title").text().startswith(f"岳阳市云溪区{IMG}的关爱场所")
    indicator = LexborHTMLParser((hostile_site / "statistics/indicators/registered/index.html").read_text())
    assert indicator.css_first("h1").text() == f"登记在册的儿童{IMG}"
    about = LexborHTMLParser((hostile_site / "about/index.html").read_text())
    assert about.css_first("title").text().startswith("关于" + CLOSE + IMG)
    assert about.css_first('meta[name="description"]').attributes["content"] == CLOSE


def test_front_matter_reads_back_exactly():
    import yaml

    for value in ['a"b\\c', "x\x00y\x85z\u2028w", "\ud800", "--- #", "  lead", "😀", ""]:
        assert yaml.safe_load(f"title: {front_matter(value)}")["title"] == value


POLICY = html_check.Policy("https://portal.example.cn/", html_check.inline_scripts(
    [Path(__file__).resolve().parent.parent / "overrides"]))


@pytest.mark.parametrize("html, code", [
    ('<img src=x onerror=alert(1)>', "site/event-handler"),
    ('<svg><a onclick="x()"><text>x</text></a></svg>', "site/event-handler"),
    ('<a href=" jav&#x09;ascript:alert(1)">x</a>', "site/url-scheme"),
    ('<a href="data:text/html,x">x</a>', "site/url-scheme"),
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "site/url-scheme"),
    ('<img src="https://evil.example/a.png">', "site/other-host"),
    ('<img src="//evil.example/a.png">', "site/other-host"),
    ('<img srcset="a.png 1x, https://e.example/b.png 2x">', "site/other-host"),
    ('<video poster="https://e.example/p.png"></video>', "site/other-host"),
    ('<div style="background:url(https://e.example/x.png)">', "site/other-host"),
    ('<style>@import "https://e.example/a.css";</style>', "site/other-host"),
    ('<link rel="stylesheet" href="https://e.example/a.css">', "site/other-host"),
    ('<script>alert(1)</script>', "site/script"),
    ('<script src="assets/evil.js"></script>', "site/script"),
    ('<script src="https://e.example/x.js"></script>', "site/other-host"),
    ('<script type="application/ld+json">{"a":</script>', "site/script"),
    ('<script type="text/x-unknown">x</script>', "site/script"),
    ('<iframe src="page.html"></iframe>', "site/element"),
    ('<object data="x.swf"></object>', "site/element"),
    ('<embed src="x.swf">', "site/element"),
    ('<base href="https://e.example/">', "site/element"),
    ('<form action="https://e.example/"></form>', "site/element"),
    ('<form action="javascript:alert(1)"></form>', "site/element"),
    ('<button formaction="//e.example/">x</button>', "site/element"),
    ('<meta http-equiv="refresh" content="0;url=https://e.example/">', "site/element"),
    ('<!-- --!><img src=x onerror=alert(1)>-->', "site/event-handler"),  # a comment ends where browsers end it
])
def test_check_refuses_what_templates_do_not_make(html, code):
    assert [c for c, _, _ in html_check.check_html(f"<!doctype html><html><body>{html}", "a/b/index.html", POLICY)] == [code]


@pytest.mark.parametrize("html", [
    '<a href="https://signup.example.org.cn/x" target="_blank">报名</a>',
    '<a href="tel:110">110</a> <a href="mailto:a@example.gov.cn">信箱</a> <a href="webcal://portal.example.cn/a.ics">订阅</a>',
    '<img src="../qr.svg" alt=""> <img src="https://portal.example.cn/a.png">',
    '<script src="../../assets/activities.js" defer></script>',
    '<script type="application/ld+json">{"@type":"Event"}</script>',
    '<textarea><img src=x onerror=alert(1)></textarea>',  # text inside a textarea, as a browser reads it
    '<td style="text-align: right;">3</td>',
    '<form action="#"></form> <form action="../activities/types/" method="get"></form>',  # the site's own pages
])
def test_check_passes_what_templates_make(html):
    assert html_check.check_html(f"<!doctype html><html><body>{html}", "a/b/index.html", POLICY) == []


def test_svg_files_are_checked_too(tmp_path):
    from build_tools.report.problems import Report

    (tmp_path / "charts").mkdir()
    (tmp_path / "charts/a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>图</title></svg>', encoding="utf-8")
    (tmp_path / "charts/b.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
                                           encoding="utf-8")
    report = Report()
    assert html_check.check_site(tmp_path, POLICY, report) == 2
    assert [(p.code, p.file) for p in report.problems] == [("site/script", "site/charts/b.svg")]


def test_the_built_sites_charts_and_qr_codes_pass(built_site):
    from build_tools.report.problems import Report

    report = Report()
    assert html_check.check_site(built_site, site_policy(), report) > 100
    assert report.problems == []


def site_policy():
    import material

    root = Path(__file__).resolve().parent.parent
    return html_check.Policy("http://127.0.0.1:8000/", html_check.inline_scripts([root / "overrides", Path(material.__file__).parent / "templates"]))


def test_inline_script_of_the_overrides_passes_and_a_changed_copy_fails():
    head = (Path(__file__).resolve().parent.parent / "overrides/partials/portal-head.html").read_text(encoding="utf-8")
    body = re.search(r"<script>(.*?)</script>", head, re.S).group(1)
    assert html_check.check_html(f"<html><head><script>{body}</script>", "index.html", POLICY) == []
    assert html_check.check_html(f"<html><head><script>{body};alert(1)</script>", "index.html", POLICY) != []


def test_markup_in_a_content_heading_fails_the_build_naming_the_page(repo_copy, tmp_path, capsys):
    page = repo_copy / "content/about/index.md"
    page.write_text("# 关于 <img src=x onerror=alert(1)>\n\n正文。\n", encoding="utf-8")
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 1
    err = capsys.readouterr().err
    assert "site/about/index.html" in err and "[site/event-handler]" in err
    assert not site.exists() and not list(tmp_path.glob(".build-*"))
