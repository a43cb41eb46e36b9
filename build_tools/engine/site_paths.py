"""Where the volunteer-facing files live in the built site: one place for every generator.

mkdocs.yml sets use_directory_urls, so docs/activities/<id>.md becomes /activities/<id>/ and
the files an activity owns sit in that same folder: its calendar file, its two QR codes and
its poster page. Templates link to them relative to the activity page; calendars, feeds,
QR codes and JSON-LD use absolute addresses made with SiteInfo.url().
"""

from __future__ import annotations

from pathlib import Path

ACTIVITIES = "activities/"
QR_PAGE = "qr-page.svg"  # the activity page's address
QR_SIGNUP = "qr-signup.svg"  # the organiser's sign-up form
POSTER = "poster/"  # docs/activities/<id>/poster.md
CALENDAR = "activities/calendar/"  # subscription page and feeds
CALENDAR_ALL = CALENDAR + "all.ics"
ATOM = "activities/feed.xml"
API_JSON = "activities/activities.json"
API_SCHEMA = "activities/activities.schema.json"  # the JSON Schema of API_JSON's version
API_PAGE = "activities/api/"
FILTER_INDEX = "activities/filter.json"


def page(activity_id: str) -> str:
    """Site path of an activity page."""
    return f"{ACTIVITIES}{activity_id}/"


def ics_name(activity_id: str) -> str:
    """File name of an activity's calendar file (what a phone saves it as)."""
    return f"{activity_id}.ics"


def calendar_feed(kind: str, code: str) -> str:
    """Site path of a subscribable feed: kind is "types" or "regions"."""
    return f"{CALENDAR}{kind}/{code}.ics"


def calendar_pair_feed(type_code: str, region_code: str) -> str:
    """Site path of the feed of one activity type in one county (made for pairs that have activities)."""
    return f"{CALENDAR}types/{type_code}/{region_code}.ics"


def county_atom(region_code: str) -> str:
    """Site path of a county's Atom feed of new activities, beside its list page."""
    return f"{ACTIVITIES}regions/{region_code}/feed.xml"


def write(docs: Path, site_path: str, data: bytes | str) -> Path:
    """Write a file of the site into the build's docs folder (mkdocs copies it unchanged)."""
    out = docs / site_path
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return out
