"""Local help numbers by county (/help/local/)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Hotline:
    region_code: str
    name: str
    number: str
    hours: str
    purpose: str


@dataclass(frozen=True)
class HotlineBook:
    lines: tuple[Hotline, ...] = ()
    example: bool = False  # numbers not yet called to check: the page says so


def build_hotlines(rec: dict) -> HotlineBook:
    lines = tuple(
        Hotline(h["region"], h["name"], h["number"], h["hours"], h["purpose"]) for h in rec.get("hotlines", [])
    )
    return HotlineBook(lines, bool(rec.get("example", False)))
