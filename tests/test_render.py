"""What people read: a golden activity page, and data that can never become markup."""

import datetime as dt
import json
import os
from pathlib import Path

import markdown

from build_tools import ROOT
from build_tools.load.lists import Lists
from build_tools.model.activity import build_activity
from build_tools.model.site import SiteInfo
from build_tools.pages.render import write_pages
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE

GOLDEN = Path(__file__).parent / "golden/2026-12-05-sample-lecture.md"
TODAY = dt.date(2026, 11, 22)
SITE = SiteInfo("https://github.com/liushou-care/portal", "main", "http://127.0.0.1:8000/", "liushou-care.github.io")


def render_record(path: Path, docs: Path) -> str:
    report, checked = validate_activities([path], ROOT)
    assert report.errors == []
    lists = Lists(ROOT / "data")
    shown_file = f"data/activities/2026/{path.name}"  # as it would sit in the repository
    write_pages([build_activity(shown_file, checked[0].record, lists)], TODAY, docs, lists, SITE)
    return (docs / "activities" / f"{path.stem}.md").read_text(encoding="utf-8")


def test_activity_page_matches_golden(tmp_path):
    page = render_record(SAMPLE, tmp_path)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(page, encoding="utf-8")
    assert page == GOLDEN.read_text(encoding="utf-8"), "run `make golden` and review the diff if the change is intended"


def test_calendar_file_matches_golden():
    """The sample's .ics as a reviewer reads it: all-day/timed dates, UID, SEQUENCE, VTIMEZONE."""
    from build_tools.exports.calendar_export import calendar, event
    from build_tools.model.status import status_on

    _, checked = validate_activities([SAMPLE], ROOT)
    a = build_activity("data/activities/2026/2026-12-05-sample-lecture.yaml", checked[0].record, Lists(ROOT / "data"))
    ics = calendar([event(a, status_on(a, TODAY), SITE).to_ical()], timed=not a.all_day).decode("utf-8")
    golden = GOLDEN.with_suffix(".ics")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_bytes(ics.encode("utf-8"))
    assert ics == golden.read_bytes().decode("utf-8"), "run `make golden` and review the diff if the change is intended"


def test_record_text_stays_literal(tmp_path, write_record):
    hostile = SAMPLE.read_text(encoding="utf-8").replace(
        "title: 寒假前安全教育讲座", 'title: "讲<script>x</script>[点](javascript:x){: onclick=x}"'
    ).replace("  name: 云溪区陆城镇中心小学", "  name: '**粗体** | 表格 `代码` &amp; # 标题'")
    page = render_record(write_record(hostile), tmp_path / "docs")
    body, ld = page.split("---", 2)[2].split('<script type="application/ld+json">')  # after the front matter
    ld, after = ld.split("</script>")  # the template's one JSON-LD block: record text stays JSON inside it
    assert "<" not in ld and ">" not in ld and "&" not in ld and after.strip() == ""
    assert json.loads(ld)["name"] == "讲<script>x</script>[点](javascript:x){: onclick=x}"
    for dangerous in ("<script", "](javascript", "{:", "**粗体**", "| 表格", "`代码`", "&amp;"):
        assert dangerous not in body
    assert "&#60;script&#62;" in body and "&#38;amp&#59;" in body
    html = markdown.markdown(body, extensions=["tables", "admonition", "attr_list", "md_in_html"])
    assert "<script" not in html and 'href="javascript' not in html and 'onclick="' not in html
    assert "<strong>粗体</strong>" not in html
