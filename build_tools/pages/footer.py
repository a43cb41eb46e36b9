"""What every page's footer says: who runs the site, how to reach them, its filing numbers
(data/site.yaml, checked by data/schemas/site.schema.yaml) and the day the pages were built for.

The engine hands these values to the theme (mkdocs_edge.build_site, `config.extra.portal`), where
overrides/partials/copyright.html prints them. The theme's Jinja environment autoescapes
(mkdocs_edge's text-only plugin): every value is text there, whatever data/site.yaml holds.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model.site import SiteInfo

ICP_LINK = "https://beian.miit.gov.cn/"  # the MIIT filing system, where the ICP number is checked
POLICE_LINK = "https://beian.mps.gov.cn/#/query/webSearch?code="  # the MPS filing system, + the number's digits


def footer_values(site: SiteInfo, today: dt.date) -> dict:
    """The footer's values for the theme (plain strings; links built from checked numbers only)."""
    police = site.filing.get("police") or ""
    return {
        "operator": {k: site.operator.get(k) or "" for k in ("name", "email", "phone")},
        "icp": site.filing.get("icp") or "",
        "icp_link": ICP_LINK,
        "police": police,
        # The schema allows exactly 14 digits between 公网安备 and 号: the link carries only them.
        "police_link": POLICE_LINK + "".join(re.findall(r"[0-9]", police)) if police else "",
        "built": today.isoformat(),
        "built_text": f"{today.year} 年 {today.month} 月 {today.day} 日",
    }
