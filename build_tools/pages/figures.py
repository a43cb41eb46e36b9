"""A key figure of the home page: a number, what it counts and the page that explains it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    value: int | str
    label: str  # what the number counts, e.g. 项即将举行的活动
    href: str  # the page it links to, relative to the home page: "activities/" (tests check it exists)
