"""QR codes (SVG, made with segno) for each activity page and its sign-up form.

The SVG has a viewBox and no fixed size, so CSS sizes it: small on the page, large on the
printed poster. Error correction "M" survives a creased or slightly dirty poster; the
four-module quiet zone is what the QR standard asks for.
"""

from __future__ import annotations

import io
from functools import partial
from typing import TYPE_CHECKING

import segno

from ..engine import site_paths
from .common import current

if TYPE_CHECKING:
    from ..model.context import Context


def svg(url: str, title: str) -> bytes:
    """A scalable black-on-white QR code of url, as SVG bytes (same url → same bytes)."""
    out = io.BytesIO()
    segno.make(url, error="m", micro=False).save(
        out,
        kind="svg",
        border=4,
        xmldecl=False,
        omitsize=True,
        title=title,
        dark="#000",
        light="#fff",
        svgclass="qr",
        lineclass=None,
    )
    return out.getvalue()


def write_codes(ctx: Context) -> None:
    """qr-page.svg for every activity not yet over; qr-signup.svg when it has a sign-up form.

    About 10 ms a code (segno tries all eight masks): late files, made beside mkdocs."""
    for a in (a for a in ctx.activities if current(a, ctx.today)):
        folder = site_paths.page(a.id)
        ctx.late.add(folder + site_paths.QR_PAGE, partial(svg, ctx.site.url(folder), f"{a.title}：活动页面"))
        if a.signup_url:
            ctx.late.add(folder + site_paths.QR_SIGNUP, partial(svg, a.signup_url, f"{a.title}：报名表"))
