"""schema.org Event JSON-LD for each activity page, written safely into a <script> block.

Every activity happens in a place (OfflineEventAttendanceMode, never online). eventStatus
follows `status`: EventScheduled, EventPostponed or EventCancelled. EventRescheduled would
need the previous dates, which records do not keep, so it is never claimed.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..engine import site_paths
from ..model.activity import Activity
from .common import bulk_phone

if TYPE_CHECKING:
    from ..model.site import SiteInfo

SCHEMA = "https://schema.org/"
_EVENT_STATUS = {"scheduled": "EventScheduled", "postponed": "EventPostponed", "cancelled": "EventCancelled"}
# Characters that could end the <script> element or open an HTML comment or entity, and the
# two line separators that old JavaScript parsers choke on: written as JSON \u escapes.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def event(a: Activity, site: SiteInfo, province: str) -> dict:
    """The schema.org Event of an activity, as a plain dict."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": site.url(site_paths.page(a.id)) + "#event",
        "name": a.title,
        "description": a.summary,
        "url": site.url(site_paths.page(a.id)),
        "inLanguage": "zh-CN",
        "startDate": a.start.isoformat(),
        "endDate": a.end.isoformat(),
        "eventAttendanceMode": SCHEMA + "OfflineEventAttendanceMode",
        "eventStatus": SCHEMA + _EVENT_STATUS[a.status],
        "location": {
            "@type": "Place",
            "name": a.venue_name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": a.venue_address,
                "addressLocality": a.region_name,
                "addressRegion": province,
                "addressCountry": "CN",
            },
        },
        "organizer": {"@type": "Organization", "name": a.organizer_name, **_contact(a)},
        "audience": {"@type": "Audience", "audienceType": a.audience_summary},
        "isAccessibleForFree": a.cost_free,
    }
    if a.cost_free:  # free for the children it serves; volunteer places are not tickets
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "CNY", "url": data["url"]}
    return data


def _contact(a: Activity) -> dict:
    out = {}
    if bulk_phone(a):
        out["telephone"] = bulk_phone(a)
    if a.contact_email:
        out["email"] = a.contact_email
    return out


def script(data: dict) -> Markup:
    """A <script type="application/ld+json"> element that no record text can break out of."""
    body = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":")).translate(_SCRIPT_SAFE)
    return Markup(f'<script type="application/ld+json">{body}</script>')
