"""The build day: --today, else $PORTAL_TODAY, else the clock (the only place that reads it)."""

from __future__ import annotations

import argparse
import datetime as dt
import os

from ..report import dates


def parse_day(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD, in the years the portal works with (dates.py)."""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text[:40]!r}") from None
    if not dates.supported(day):
        raise argparse.ArgumentTypeError(f"日期应在 {dates.FIRST_YEAR} 年到 {dates.LAST_YEAR} 年之间，收到 {text!r}")
    return day


class UsageError(Exception):
    """A command-line mistake found after argparse (an environment variable): exit 2, like argparse."""


def resolve_today(arg: dt.date | None) -> dt.date:
    """--today, else $PORTAL_TODAY, else the clock (the only place that reads it)."""
    if arg is not None:
        return arg
    env = os.environ.get("PORTAL_TODAY")
    if not env:
        return dt.date.today()
    try:
        return parse_day(env)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(f"环境变量 PORTAL_TODAY：{exc}") from None
