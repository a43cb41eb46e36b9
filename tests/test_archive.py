"""The archive (issue 18): an activity that ended more than archive_after_months ago keeps its
address as a small page, leaves the lists, the filter, the calendars and the search index, and
stays in activities.json; the setting in data/site.yaml is checked like any data."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from build_tools.check.site_settings import archive_months
from build_tools.model.archive import cutoff
from build_tools.report.problems import Report
from tests.browser import serve

LIVE_DAY, LATER_DAY = dt.date(2026, 11, 22), dt.date(2027, 3, 1)  # cutoffs 2025-11-22 and 2026-03-01
FIRST = "2026-01-05-bench-00000"  # bench/synth.py's first record: ended 2026-01-05
LAST = "2026-03-23-bench-00011"  # its twelfth: ended 2026-03-23, still live on LATER_DAY


@pytest.mark.parametrize(("today", "months", "day"), [
    (dt.date(2026, 11, 22), 12, dt.date(2025, 11, 22)),
    (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),  # no 31st in February: its last day
    (dt.date(2024, 3, 31), 1, dt.date(2024, 2, 29)),
    (dt.date(2026, 1, 15), 13, dt.date(2024, 12, 15)),
])
def test_cutoff_counts_calendar_months(today, months, day):
    assert cutoff(today, months) == day


@pytest.mark.parametrize(("line", "months", "codes"), [
    ("archive_after_months: 12", 12, []),
    ('archive_after_months: "6"', 6, []),
    ("", 12, []),  # absent: the default
    ("archive_after_months: 十二", 12, [("settings/archive-after", 4)]),
    ("archive_after_months: 0", 12, [("settings/archive-after", 4)]),
    ("archive_after_months: 121", 12, [("settings/archive-after", 4)]),
    ("archive_after_months: -3", 12, [("settings/archive-after", 4)]),
    ("archive_after_months: [12]", 12, [("settings/archive-after", 4)]),
])
def test_archive_setting_is_checked(tmp_path, line, months, codes):
    site = tmp_path / "data/site.yaml"
    site.parent.mkdir(parents=True)
    site.write_text(f"repo_url: https://example.org/x\nbranch: main\nuid_domain: example.org\n{line}\n", encoding="utf-8")
    report = Report()
    assert archive_months(site, report) == months
    assert [(p.code, p.line) for p in report.problems] == codes
    assert all("十二" not in p.message or "“十二”" in p.message for p in report.problems)


def test_check_command_checks_the_setting(repo_copy):
    from build_tools.validate import validate_paths

    site = repo_copy / "data/site.yaml"
    site.write_text(site.read_text(encoding="utf-8").replace("archive_after_months: 12", "archive_after_months: 1.5"),
                    encoding="utf-8")
    codes = [p.code for p in validate_paths([site], repo_copy).problems]
    assert codes == ["settings/archive-after"]


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """(site on LIVE_DAY, site on LATER_DAY) of one repository with twelve synthetic activities."""
    from bench.synth import repo_with_activities
    from build_tools.build import build

    tmp = tmp_path_factory.mktemp("archive")
    root = repo_with_activities(12, tmp / "repo")
    sites = tmp / "live", tmp / "later"
    assert build(LIVE_DAY, sites[0], root=root) == 0
    assert build(LATER_DAY, sites[1], root=root) == 0
    return sites


def test_an_activity_moving_into_the_archive_keeps_its_address(two_builds):
    live, later = two_builds
    before = (live / f"activities/{FIRST}/index.html").read_text(encoding="utf-8")
    after = (later / f"activities/{FIRST}/index.html").read_text(encoding="utf-8")
    assert "已归档" not in before and "application/ld+json" in before
    assert "已归档" in after and "application/ld+json" not in after
    assert "md-sidebar--primary" not in after  # the small template (overrides/archive.html)
    assert len(after.encode()) < 0.7 * len(before.encode())
    # No calendar file, poster or QR code once archived (decision: the .ics address then answers 404).
    assert (live / f"activities/{FIRST}/{FIRST}.ics").is_file()
    assert sorted(p.name for p in (later / f"activities/{FIRST}").iterdir()) == ["index.html"]
    assert (later / f"activities/{LAST}/{LAST}.ics").is_file()  # ended, not yet archived


def test_archive_lists_by_year_and_county(two_builds):
    later = two_builds[1]
    index = (later / "activities/archive/index.html").read_text(encoding="utf-8")
    assert "2026 年（8 项）" in index  # ended before 2026-03-01: the first eight
    shelves = sorted((later / "activities/archive/2026").glob("*/index.html"))
    listed = "".join(p.read_text(encoding="utf-8") for p in shelves)
    assert listed.count('href="../../../2026-') == 8 and f"../../../{FIRST}/" in listed
    assert 'href="archive/"' in (later / "activities/index.html").read_text(encoding="utf-8")


def test_archived_activities_stay_open_data_but_leave_the_lists(two_builds):
    later = two_builds[1]
    api = json.loads((later / "activities/activities.json").read_text(encoding="utf-8"))
    assert api["version"] == 2 and api["count"] == 12
    first = next(a for a in api["activities"] if a["id"] == FIRST)
    assert first["archived"] is True and first["links"]["ics"] is None
    last = next(a for a in api["activities"] if a["id"] == LAST)
    assert last["archived"] is False and last["links"]["ics"].endswith(f"{LAST}.ics")
    rows = json.loads((later / "activities/filter.json").read_text(encoding="utf-8"))["activities"]
    assert [r[0] for r in rows] == [f"2026-03-{d:02d}-bench-{i:05d}" for i, d in ((11, 23), (10, 16), (9, 9), (8, 2))]
    assert FIRST not in (later / "activities/calendar/all.ics").read_text(encoding="utf-8")
    assert FIRST not in (later / "activities/status/ended/index.html").read_text(encoding="utf-8")


def test_an_archived_address_opens_in_chromium(two_builds, browser):
    later = two_builds[1]
    with serve(later) as url:
        page = browser.new_page(viewport={"width": 375, "height": 740})
        response = page.goto(f"{url}/activities/{FIRST}/")
        assert response.status == 200
        assert "已归档" in page.locator("article").inner_text()
        page.get_by_role("link", name="活动档案").first.click()
        page.wait_for_url("**/activities/archive/2026/*/")
        assert page.locator(f'article a[href="../../../{FIRST}/"]').count() == 1
        page.close()
