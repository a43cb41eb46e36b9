"""Consistency rules of the public directory data: care centres, policies and local hotlines.

Like consistency.py for activities, these run on the typed values the schema stage let
through; what a schema can say (types, patterns, allow-lists) stays in data/schemas/.
"""

from __future__ import annotations

from ..load.lists import Lists
from ..load.strict_yaml import Document
from ..report.problems import Report, quote
from . import consistency
from .normalize import doc_key
from .schema import dotted


def _adder(doc: Document, file: str, report: Report):
    def add(code: str, path: tuple, **params) -> None:
        report.add(code, file, doc.line(path), dotted(path), **params)

    return add


def check_centre(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """One centre file: id = file name, an office contact, hours in order, the county's area code."""
    consistency.check_id_and_contact(rec, doc, file, report)
    add = _adder(doc, file, report)
    for i, hours in enumerate(rec.get("hours") or []):
        time = (hours or {}).get("time")
        if time is not None and not _in_order(time):
            add("consistency/hours-order", ("hours", i, "time"), value=quote(time))
    _check_area_code(rec.get("contact", {}).get("phone"), rec.get("region"), ("contact", "phone"), lists, add)


def check_policies(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """data/policies.yaml: unique ids and document numbers, a date in its year, safe links."""
    add = _adder(doc, file, report)
    items = [p or {} for p in rec.get("policies") or []]
    _check_unique(items, "policies", "id", "编号", lambda p: p.get("id"), doc, add)
    _check_unique(
        items, "policies", "number", "文号", lambda p: doc_key(p["number"]) if "number" in p else None, doc, add
    )
    for i, p in enumerate(items):
        date, year = p.get("date"), p.get("year")
        if date is not None and year is not None and date.year != year:
            add("consistency/date-year-mismatch", ("policies", i, "date"), value=date.isoformat(), year=year)
        if p.get("link") is not None:
            consistency.check_url(p["link"], ("policies", i, "link"), add)


def check_hotlines(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """data/hotlines.yaml: each number once per county, with the county's area code."""
    add = _adder(doc, file, report)
    items = [h or {} for h in rec.get("hotlines") or []]
    _check_unique(
        items,
        "hotlines",
        "number",
        "同一县区的电话号码",
        lambda h: (h["region"], h["number"]) if "region" in h and "number" in h else None,
        doc,
        add,
    )
    for i, h in enumerate(items):
        _check_area_code(h.get("number"), h.get("region"), ("hotlines", i, "number"), lists, add)


def check_organizations(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """data/organizations.yaml: every organiser id once (activities refer to it)."""
    items = [o or {} for o in rec.get("organizations") or []]
    _check_unique(items, "organizations", "id", "单位编号", lambda o: o.get("id"), doc, _adder(doc, file, report))


def check_site(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """data/site.yaml: the repository address is a safe https link (its edit links are built on it)."""
    if rec.get("repo_url") is not None:
        consistency.check_url(rec["repo_url"], ("repo_url",), _adder(doc, file, report))


def check_removed(rec: dict, doc: Document, file: str, lists: Lists, report: Report) -> None:
    """data/removed-activities.yaml: every old id once."""
    items = [r or {} for r in rec.get("removed") or []]
    _check_unique(items, "removed", "id", "原活动编号", lambda r: r.get("id"), doc, _adder(doc, file, report))


def check_removed_against(rec: dict, doc: Document, file: str, live: set[str], report: Report) -> None:
    """Removed ids against the activities that exist: an old id is no live activity's, a new one is."""
    add = _adder(doc, file, report)
    for i, r in enumerate(rec.get("removed") or []):
        if r.get("id") in live:
            add("consistency/removed-still-live", ("removed", i, "id"), value=quote(r["id"]))
        target = r.get("renamed_to")
        if target is not None and target not in live:
            add("consistency/renamed-to-unknown", ("removed", i, "renamed_to"), value=quote(target))


def _in_order(time: str) -> bool:
    """ "16:00-18:30" → True; the schema has already checked the HH:MM-HH:MM shape."""
    start, end = time.split("-")
    return start < end  # zero-padded HH:MM strings sort like times


def _check_unique(items: list[dict], list_key: str, field: str, what: str, key, doc: Document, add) -> None:
    """Report every item whose key(item) an earlier item already has (None: not compared)."""
    seen: dict[object, int] = {}
    for i, item in enumerate(items):
        k = key(item)
        if k is None:
            continue
        if k in seen:
            add(
                "consistency/duplicate-entry",
                (list_key, i, field),
                what=what,
                value=quote(item[field]),
                other=doc.line((list_key, seen[k], field)),
            )
        else:
            seen[k] = i


def _check_area_code(phone: str | None, region: str | None, path: tuple, lists: Lists, add) -> None:
    """A landline written 0730-8123456 should carry the area code of the record's county."""
    if not phone or not phone.startswith("0") or "-" not in phone or region is None:
        return
    county = lists.region(region)
    expected = lists.area_codes.get(county["prefecture"])
    code = phone.split("-", 1)[0]
    if expected and code != expected:
        add("consistency/area-code", path, value=code, region=county["prefecture"] + county["name"], expected=expected)
