"""Paging of the activity lists (build_tools/model/paging.py) and a site whose lists run over several pages.

The paged site holds 120 synthetic activities (tests/conftest.py paged_site); what each page
should hold is worked out from the records here, never read from the pages under test.
"""

import datetime as dt
import gzip
import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from build_tools.model.paging import PAGE_SIZE, list_pages, numbers, page_file, relative, slices

TODAY = dt.date(2026, 11, 22)
GROUP_FOLDERS = ("types", "regions", "months", "status")

# ---- the paging function ---------------------------------------------------------------------


def test_slices_keep_the_order_and_cut_at_the_page_size():
    upcoming, past = [f"u{i}" for i in range(7)], [f"p{i}" for i in range(6)]
    assert slices(upcoming, past, 5) == [
        (["u0", "u1", "u2", "u3", "u4"], []),
        (["u5", "u6"], ["p0", "p1", "p2"]),
        ([], ["p3", "p4", "p5"]),
    ]
    assert slices(upcoming[:5], past[:5], 5) == [(upcoming[:5], []), ([], past[:5])]  # past starts a page
    assert slices([], [], 5) == [([], [])]  # an empty list still has its one page
    assert slices(upcoming[:3], [], 5) == [(upcoming[:3], [])]


@pytest.mark.parametrize("total", [0, 1, 49, 50, 51, 100, 101, 1234])
def test_every_card_once_and_no_page_over_the_cap(total):
    items = list(range(total))
    cut = total // 3
    pages = slices(items[:cut], items[cut:], PAGE_SIZE)
    flat = [x for up, old in pages for x in up + old]
    assert flat == items
    assert all(len(up) + len(old) <= PAGE_SIZE for up, old in pages)
    assert len(pages) == max(1, -(-total // PAGE_SIZE))


def test_page_addresses_are_stable_and_relative():
    assert [page_file("index.md", n) for n in (1, 2, 10)] == ["index.md", "page/2.md", "page/10.md"]
    assert page_file("types/summer-camp.md", 3) == "types/summer-camp/page/3.md"
    assert relative("index.md", "page/2.md") == "page/2.md"
    assert relative("page/2.md", "index.md") == "../index.md"
    assert relative("page/2.md", "page/3.md") == "3.md"
    assert relative("types/x/page/2.md", "types/x.md") == "../../x.md"


@pytest.mark.parametrize(
    "current, count, shown",
    [
        (1, 1, [1]),
        (2, 3, [1, 2, 3]),
        (1, 20, [1, 2, 3, None, 20]),
        (5, 20, [1, 2, 3, 4, 5, 6, 7, None, 20]),  # 1 … 3 would hide one page: it is shown
        (10, 20, [1, None, 8, 9, 10, 11, 12, None, 20]),
        (20, 20, [1, None, 18, 19, 20]),
    ],
)
def test_pager_numbers_show_the_ends_and_the_neighbourhood(current, count, shown):
    assert numbers(current, count) == shown


def test_list_pages_link_their_neighbours_and_the_sections_elsewhere():
    pages = list_pages("types/x.md", list(range(57)), list(range(100, 163)), size=50)
    assert [(p.file, p.number, p.count, len(p.upcoming), len(p.past)) for p in pages] == [
        ("types/x.md", 1, 3, 50, 0),
        ("types/x/page/2.md", 2, 3, 7, 43),
        ("types/x/page/3.md", 3, 3, 0, 20),
    ]
    first, second, third = pages
    assert (first.upcoming_total, first.past_total) == (57, 63)  # every page, the whole list's counts
    assert first.past_at == (2, "x/page/2.md#past") and first.upcoming_at is None
    assert third.upcoming_at == (1, "../../x.md#upcoming") and third.past_at is None
    assert first.pager.prev is None and first.pager.next == "x/page/2.md"
    assert second.pager.prev == "../../x.md" and second.pager.next == "3.md"
    assert second.pager.links == [(1, "../../x.md"), (2, None), (3, "3.md")]
    assert third.pager.next is None
    assert (first.root, first.url_root, second.root, second.url_root) == ("../", "../../", "../../../", "../../../../")
    [single] = list_pages("index.md", [1, 2], [3], size=50)
    assert single.pager is None and (single.root, single.url_root) == ("", "")


# ---- a built site with 120 activities --------------------------------------------------------


class _Listing(HTMLParser):
    """Cards (activity hrefs, in order), pager hrefs and aria-current of a list page's .listing."""

    def __init__(self):
        super().__init__()
        self.cards, self.pager, self.current, self.headings = [], [], [], []
        self._depth = 0  # inside <div class="listing"> while > 0
        self._in_nav = self._in_li = self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "div":
            if self._depth or a.get("class") == "listing":
                self._depth += 1
            return
        if not self._depth:
            return
        if tag == "nav" and a.get("aria-label") == "分页":
            self._in_nav = True
        elif tag == "li" and not self._in_nav:
            self._in_li = True
        elif tag == "h2":
            self._in_h2 = True
            self.headings.append("")
        elif tag == "a" and self._in_nav:
            self.pager.append(a["href"])
        elif tag == "a" and self._in_li:
            self.cards.append(a["href"])
            self._in_li = False  # the card's first link is its activity
        if a.get("aria-current") == "page":
            self.current.append(tag)

    def handle_endtag(self, tag):
        if tag == "div" and self._depth:
            self._depth -= 1
        elif tag == "nav":
            self._in_nav = False
        elif tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.headings[-1] += data


def listing(site, path: str) -> _Listing:
    parser = _Listing()
    parser.feed((site / path.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser


def list_pages_of(site, first: str) -> list[str]:
    """Site paths of a list's pages, found by following its pager from page 1."""
    seen, todo = [], [first]
    while todo:
        path = todo.pop(0)
        if path in seen:
            continue
        seen.append(path)
        for href in listing(site, path).pager:
            target = urlsplit(urljoin("http://x" + path, href)).path
            assert (site / target.strip("/") / "index.html").is_file(), (path, href)  # the link resolves
            todo.append(target)
    return seen


def records(root) -> dict[str, dict]:
    return {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in (root / "data/activities").rglob("*.yaml")}


def expected_order(recs: dict[str, dict]) -> list[str]:
    """Upcoming (soonest first), then past (latest first), from the records' own dates."""
    start = {aid: r["start"][:10] for aid, r in recs.items()}
    ended = {aid for aid, r in recs.items() if dt.date.fromisoformat(r["end"][:10]) < TODAY}
    upcoming = sorted((a for a in recs if a not in ended), key=lambda a: (start[a], a))
    past = sorted(ended, key=lambda a: (start[a], a), reverse=True)
    return upcoming + past


def card_ids(hrefs: list[str]) -> list[str]:
    return [re.search(r"(\d{4}-\d{2}-\d{2}-[a-z0-9-]+)/$", h).group(1) for h in hrefs]


def test_main_list_pages_hold_every_activity_once_in_order(paged_site):
    root, site = paged_site
    recs = records(root)
    pages = list_pages_of(site, "/activities/")
    assert pages == ["/activities/", "/activities/page/2/", "/activities/page/3/"]
    cards = [card for path in pages for card in card_ids(listing(site, path).cards)]
    assert cards == expected_order(recs)
    past = sum(dt.date.fromisoformat(r["end"][:10]) < TODAY for r in recs.values())
    for number, path in enumerate(pages, start=1):
        page = listing(site, path)
        assert page.current == ["span"]  # the pager marks this page
        assert [h.strip() for h in page.headings] == [f"即将举行（{len(recs) - past}）", f"已经结束（{past}）"]
        html = (site / path.strip("/") / "index.html").read_text(encoding="utf-8")
        if number > 1:
            assert f"<title>志愿活动（第 {number} 页）" in html and f"第 {number} 页（共 3 页）" in html


def test_no_list_page_holds_more_than_the_cap_and_groups_are_paged_too(paged_site):
    root, site = paged_site
    recs = records(root)
    lists = ["/activities/"] + [
        f"/activities/{folder}/{p.parent.name}/"
        for folder in GROUP_FOLDERS
        for p in (site / "activities" / folder).glob("*/index.html")
    ]
    paged = 0
    for first in lists:
        pages = list_pages_of(site, first)
        paged += len(pages) > 1
        for path in pages:
            assert len(listing(site, path).cards) <= PAGE_SIZE, path
    assert paged >= 3  # the main list, status/ended and status/recruiting at least
    ended = [aid for aid in expected_order(recs) if dt.date.fromisoformat(recs[aid]["end"][:10]) < TODAY]
    pages = list_pages_of(site, "/activities/status/ended/")
    assert [c for p in pages for c in card_ids(listing(site, p).cards)] == ended and len(pages) == 2


def test_a_list_that_fits_one_page_has_no_pager(paged_site):
    _, site = paged_site
    html = (site / "activities/types/summer-camp/index.html").read_text(encoding="utf-8")
    assert 0 < len(listing(site, "/activities/types/summer-camp/").cards) <= PAGE_SIZE
    assert 'aria-label="分页"' not in html and not (site / "activities/types/summer-camp/page").exists()


def pagefind_fragments(site):
    for path in (site / "pagefind/fragment").glob("*.pf_fragment"):
        yield json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])


def test_pages_after_the_first_stay_out_of_the_search_and_the_nav(paged_site):
    _, site = paged_site
    # Pagefind's page fragments (the search index, issue 16) name each searchable page's address.
    locations = {f["url"].lstrip("/").split("#")[0] for f in pagefind_fragments(site)}
    lists = re.compile(r"activities/((types|regions|months|status)/[^/]+/)?(page/\d+/)?")
    assert [loc for loc in locations if lists.fullmatch(loc)] == []
    assert any(loc.startswith("activities/2026-") for loc in locations)  # the activity pages are indexed
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "page/2" not in home


def test_home_page_stays_small_with_many_activities(paged_site):
    from build_tools.pages import home_page

    _, site = paged_site
    html = (site / "index.html").read_text(encoding="utf-8")
    assert html.count('class="status status--') == home_page.UPCOMING_SHOWN
    recruiting = html[html.index("正在招募志愿者</h2>") :]
    recruiting = recruiting[: recruiting.index("<h2")]
    assert recruiting.count('<li><a href="activities/') == home_page.RECRUITING_SHOWN
    assert 'href="activities/?status=open"' in recruiting  # the rest: the list's filter
