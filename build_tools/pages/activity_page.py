"""What an activity page and its poster link to, besides the record: files, addresses, JSON-LD.

Raw-HTML links in the templates are relative to the page's address (/activities/<id>/,
use_directory_urls): mkdocs does not rewrite them, so they are made here, once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from ..engine import site_paths
from ..exports import jsonld
from ..exports.common import current
from ..load.lists import Lists

if TYPE_CHECKING:
    from ..model.listing import Listed
    from ..model.site import SiteInfo


@dataclass(frozen=True)
class ActivityPage:
    url: str  # absolute address of the page (what the page QR code holds)
    ics: str  # relative to the activity page
    qr_page: str | None  # None once the activity is over (no QR codes, no poster)
    qr_signup: str | None  # only while sign-up is open
    poster: str | None
    jsonld: Markup
    poster_size: str = ""  # "", "dense" or "denser": smaller type for long texts (poster_size())


def activity_page(item: Listed, site: SiteInfo, lists: Lists, today: dt.date) -> ActivityPage:
    a = item.activity
    province = lists.region(a.region_code)["province"]
    shared = current(a, today)
    return ActivityPage(
        url=site.url(site_paths.page(a.id)),
        ics=site_paths.ics_name(a.id),
        qr_page=site_paths.QR_PAGE if shared else None,
        qr_signup=site_paths.QR_SIGNUP if shared and a.signup_url and item.status.open else None,
        poster=site_paths.POSTER if shared else None,
        jsonld=jsonld.script(jsonld.event(a, site, province)),
        poster_size=poster_size(a),
    )


# Characters of poster text (title counted twice: it is set twice as large) above which the poster
# is set in smaller type, so that every text the schema allows fits one A4 sheet, unclipped
# (measured with tests/test_poster.py: the longest record at every schema maximum).
POSTER_DENSE, POSTER_DENSER = 360, 560


def poster_size(a) -> str:
    """How dense the poster's type is, from the length of what it prints."""
    texts = (a.summary, a.venue_name, a.venue_address, a.audience_summary, a.organizer_name,
             a.contact_role, a.contact_phone, a.contact_email)
    length = 2 * len(a.title) + sum(len(t) for t in texts)
    return "denser" if length > POSTER_DENSER else "dense" if length > POSTER_DENSE else ""
