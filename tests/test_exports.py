"""What machines read: calendars (parsed with vobject, not icalendar), Atom, activities.json,
filter.json and the JSON-LD on every activity page (expanded with pyld, offline)."""

import datetime as dt
import html
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
import vobject
import yaml
from pyld import jsonld

from build_tools import ROOT
from build_tools.exports import api
from build_tools.exports.calendar_export import FEED_DAYS_BACK, SEQUENCE_EPOCH
from build_tools.load.lists import Lists
from build_tools.validate import activity_files

TODAY = dt.date(2026, 11, 22)
SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml's default (PORTAL_SITE_URL unset in tests)
UID_DOMAIN = yaml.safe_load((ROOT / "data/site.yaml").read_text(encoding="utf-8"))["uid_domain"]
CONTEXT = json.loads((Path(__file__).parent / "fixtures/schema-org-context.jsonld").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"


def records() -> dict[str, dict]:
    return {f.stem: yaml.safe_load(f.read_text(encoding="utf-8")) for f in activity_files()}


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text[:10])


SHANGHAI_TZ = dt.timezone(dt.timedelta(hours=8))


def hours_of(rec: dict) -> tuple[dt.time, dt.time] | None:
    """The hours a date-only record gives, read here independently of the exporter: recurrence.time,
    or a one-day record's timetable (first item's start to the latest time written)."""
    if "T" in rec["start"]:
        return None
    if "recurrence" in rec:
        spans = [rec["recurrence"]["time"]] if "time" in rec["recurrence"] else []
    elif rec["start"] == rec["end"]:
        spans = [t["time"] for t in rec.get("timetable", []) if t.get("date", rec["start"]) == rec["start"]]
    else:
        spans = []
    times = sorted(dt.time.fromisoformat(x) for span in spans for x in span.split("-"))
    return (dt.time.fromisoformat(spans[0].split("-")[0]), times[-1]) if spans else None


def read_calendar(path: Path):
    return vobject.readOne(path.read_text(encoding="utf-8"))


# ---- calendars -------------------------------------------------------------------------


@pytest.mark.parametrize("aid, rec", sorted(records().items()))
def test_activity_calendar_file(built_site, aid, rec):
    cal = read_calendar(built_site / "activities" / aid / f"{aid}.ics")
    [ev] = cal.vevent_list
    assert ev.uid.value == f"{aid}@{UID_DOMAIN}"
    confirmed = dt.date.fromisoformat(rec["last_confirmed"])
    assert ev.sequence.value == str((confirmed - SEQUENCE_EPOCH).days)
    # DTSTAMP: the start of last_confirmed in China (16:00 UTC the day before), never the clock
    assert ev.dtstamp.value == dt.datetime.combine(confirmed, dt.time(), dt.UTC) - dt.timedelta(hours=8)
    if "T" in rec["start"]:  # timed: Asia/Shanghai with its VTIMEZONE
        raw = (built_site / "activities" / aid / f"{aid}.ics").read_text(encoding="utf-8")
        assert "DTSTART;TZID=Asia/Shanghai:" in raw and "DTEND;TZID=Asia/Shanghai:" in raw
        assert ev.dtstart.value.utcoffset() == dt.timedelta(hours=8)  # vobject read the VTIMEZONE
        assert ev.dtstart.value == dt.datetime.fromisoformat(rec["start"])
        assert ev.dtend.value == dt.datetime.fromisoformat(rec["end"])
        assert [tz.tzid.value for tz in cal.vtimezone_list] == ["Asia/Shanghai"]
    elif hours_of(rec):  # issue 19: a date-only record whose hours are known is a timed event too
        first, last = hours_of(rec)
        start_day = dt.date.fromisoformat(rec["start"])
        assert ev.dtstart.value == dt.datetime.combine(start_day, first, SHANGHAI_TZ)
        assert ev.dtend.value == dt.datetime.combine(start_day, last, SHANGHAI_TZ)
        assert ev.dtstart.value.utcoffset() == dt.timedelta(hours=8)
    else:  # all-day: DTEND is exclusive, the day after the last day
        assert ev.dtstart.value == dt.date.fromisoformat(rec["start"])
        assert ev.dtend.value == dt.date.fromisoformat(rec["end"]) + dt.timedelta(days=1)
        assert not isinstance(ev.dtend.value, dt.datetime)
    expected = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}[rec["status"]]
    assert ev.status.value == expected
    assert ev.summary.value.endswith(rec["title"])
    assert ev.url.value == f"{SITE_URL}activities/{aid}/"


def test_multi_day_camp_ends_the_day_after_its_last_day(built_site):
    aid = "2027-07-10-yunxi-summer-camp"
    raw = (built_site / "activities" / aid / f"{aid}.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20270710" in raw and "DTEND;VALUE=DATE:20270713" in raw


def test_cancelled_activity_says_so_in_the_feed(built_site):
    cal = read_calendar(built_site / "activities/calendar/all.ics")
    cancelled = [ev for ev in cal.vevent_list if ev.status.value == "CANCELLED"]
    assert [ev.uid.value for ev in cancelled] == [f"2026-07-25-sanjiang-summer-arts-show@{UID_DOMAIN}"]
    assert cancelled[0].summary.value.startswith("【已取消】")


def test_feeds_hold_the_right_activities(built_site):
    recs, lists = records(), Lists(ROOT / "data")
    recent = {aid for aid, r in recs.items() if day(r["end"]) >= TODAY - dt.timedelta(days=FEED_DAYS_BACK)}
    assert 0 < len(recent) < len(recs)

    def uids(path: str) -> set[str]:
        cal = read_calendar(built_site / "activities/calendar" / path)
        return {ev.uid.value.split("@")[0] for ev in getattr(cal, "vevent_list", [])}

    assert uids("all.ics") == recent
    for t in lists.activity_types:
        assert uids(f"types/{t['code']}.ics") == {a for a in recent if recs[a]["type"] == t["name"]}
    for r in lists.regions:
        assert uids(f"regions/{r['code']}.ics") == {a for a in recent if recs[a]["region"] == r["code"]}


def test_feed_names_itself_and_leaves_out_refresh_interval(built_site):
    raw = (built_site / "activities/calendar/types/summer-camp.ics").read_text(encoding="utf-8")
    assert "X-WR-CALNAME:关爱留守儿童志愿活动：夏令营" in raw
    assert "X-PUBLISHED-TTL:P1D" in raw and "REFRESH-INTERVAL" not in raw


# ---- Atom -------------------------------------------------------------------------------


def test_atom_feed_lists_new_activities_newest_first(built_site):
    feed = ET.parse(built_site / "activities/feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    recs = records()
    ongoing = {aid for aid, r in recs.items() if day(r["end"]) >= TODAY}
    ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in entries]
    assert set(ids) == ongoing
    published = [e.find(f"{ATOM}published").text for e in entries]
    assert published == sorted(published, reverse=True)
    assert feed.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in entries)
    camp = entries[ids.index("2027-07-10-yunxi-summer-camp")]
    assert camp.find(f"{ATOM}link").get("href") == f"{SITE_URL}activities/2027-07-10-yunxi-summer-camp/"


# ---- activities.json and filter.json ----------------------------------------------------


def leaf_paths(value, prefix=""):
    """Every leaf key path of a JSON value, written like api.FIELDS ("a[].b", "a[]")."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaf_paths(v, f"{prefix}.{k}" if prefix else k)
    elif isinstance(value, list):
        for v in value:  # an empty list says nothing about its items
            yield from leaf_paths(v, prefix + "[]")
    else:
        yield prefix


def test_every_api_field_is_documented_and_every_documented_field_occurs(built_site):
    data = json.loads((built_site / "activities/activities.json").read_text(encoding="utf-8"))
    documented = {path for path, _, _ in api.FIELDS}
    assert set(leaf_paths(data)) == documented
    assert data["count"] == len(data["activities"]) == len(records())
    assert data["version"] == api.VERSION and data["licence"] == "CC-BY-4.0"
    page = html.unescape((built_site / "activities/api/index.html").read_text(encoding="utf-8"))
    assert [path for path in documented if f"<code>{path}</code>" not in page] == []


def test_api_leaves_out_personal_mobiles_and_gives_every_state(built_site):
    data = json.loads((built_site / "activities/activities.json").read_text(encoding="utf-8"))
    assert not any(re.fullmatch(r"1[3-9][0-9]{9}", a["contact"]["phone"]) for a in data["activities"])
    assert {a["state"]["code"] for a in data["activities"]} >= {
        "recruiting",
        "closing-soon",
        "full",
        "ended",
        "postponed",
        "cancelled",
    }


def test_filter_index_is_small_and_matches_the_cards(built_site):
    raw = (built_site / "activities/filter.json").read_bytes()
    index = json.loads(raw)
    assert index["fields"] == ["id", "title", "type", "region", "start", "end", "status", "min_age", "skills"]
    rows = [dict(zip(index["fields"], row, strict=True)) for row in index["activities"]]
    # Facets and a title per activity, the keys written once: not the search index, not the API.
    assert len(raw) < 200 * len(rows)
    recs = records()
    assert {r["id"]: r["title"] for r in rows} == {aid: rec["title"] for aid, rec in recs.items()}
    # The list's own order: what the cards of the list's pages show, one after the other.
    html = (built_site / "activities/index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<li><span class="status [^"]*"[^>]*>[^<]*</span> <strong><a href="([^"]+)/"', html)
    assert [r["id"] for r in rows] == cards
    upcoming = [r for r in rows if day(r["end"]) >= TODAY]
    assert rows[: len(upcoming)] == upcoming  # upcoming first (soonest first), then past (latest first)
    assert [r["start"] for r in upcoming] == sorted(r["start"] for r in upcoming)
    past = rows[len(upcoming) :]
    assert [r["start"] for r in past] == sorted((r["start"] for r in past), reverse=True)


# ---- JSON-LD ---------------------------------------------------------------------------


class _Scripts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocks, self._in = [], False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and ("type", "application/ld+json") in attrs
        if self._in:
            self.blocks.append("")

    def handle_endtag(self, tag):
        self._in = False

    def handle_data(self, data):
        if self._in:
            self.blocks[-1] += data


def jsonld_of(page: str) -> list[dict]:
    parser = _Scripts()
    parser.feed(page)
    return [json.loads(b) for b in parser.blocks]


def _loader(url, options=None):
    assert url.rstrip("/") == "https://schema.org", url  # offline: the only context is schema.org's
    return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}


S = "https://schema.org/"


@pytest.mark.parametrize("aid, rec", sorted(records().items()))
def test_activity_page_carries_schema_org_event(built_site, aid, rec):
    [data] = jsonld_of((built_site / "activities" / aid / "index.html").read_text(encoding="utf-8"))
    [event] = jsonld.expand(data, {"documentLoader": _loader})
    assert event["@type"] == [S + "Event"]
    assert event[S + "name"] == [{"@value": rec["title"]}]
    assert event[S + "eventAttendanceMode"] == [{"@id": S + "OfflineEventAttendanceMode"}]
    status = {"scheduled": "EventScheduled", "postponed": "EventPostponed", "cancelled": "EventCancelled"}[
        rec["status"]
    ]
    assert event[S + "eventStatus"] == [{"@id": S + status}]
    [place] = event[S + "location"]
    assert place["@type"] == [S + "Place"] and place[S + "name"] == [{"@value": rec["venue"]["name"]}]
    [address] = place[S + "address"]
    assert address[S + "streetAddress"] == [{"@value": rec["venue"]["address"]}]
    [organizer] = event[S + "organizer"]
    assert organizer["@type"] == [S + "Organization"]
    assert event[S + "startDate"][0]["@value"] == rec["start"]
    assert event[S + "url"] == [{"@id": f"{SITE_URL}activities/{aid}/"}]
    if rec["cost"]["free"] == "true":
        [offer] = event[S + "offers"]
        assert offer[S + "price"] == [{"@value": "0"}]


def test_jsonld_cannot_be_broken_out_of():
    from build_tools.exports import jsonld as ld

    hostile = "</script><script>alert(1)</script><!-- & \u2028"
    block = ld.script({"name": hostile})
    inner = block[len('<script type="application/ld+json">') : -len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner and "\u2028" not in inner
    assert json.loads(inner)["name"] == hostile
