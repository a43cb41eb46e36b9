"""Possible duplicates: a record that looks like another one (same county, start dates within a
few days, similar Chinese title) is a warning naming both files.

Two schools of one county often report the same joint activity, or someone adds a new file
for a postponed activity instead of changing the old one. Titles are compared by characters
(the title without spaces and punctuation; 2 × longest common subsequence / total length,
rapidfuzz's ratio, in C), which suits Chinese, where word boundaries are not written.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import defaultdict

from rapidfuzz.fuzz import ratio

from ..report.problems import Report
from .consistency import day

WINDOW_DAYS = 3
SIMILARITY = 0.6
_NOISE = re.compile(r"[\s\W_]+")


def title_similarity(a: str, b: str) -> float:
    """0…1: how alike two titles are, character by character (punctuation and spaces ignored)."""
    return _similarity(_bare(a), _bare(b))


def _bare(title: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", title))


def _similarity(a: str, b: str) -> float:
    return ratio(a, b) / 100 if a and b else 0.0


def _key(checked) -> tuple | None:
    rec = checked.record
    if rec.get("status") == "cancelled" or not all(k in rec for k in ("region", "start", "title")):
        return None  # a cancelled record kept beside its replacement is expected
    return rec["region"], day(rec["start"]), _bare(rec["title"]), rec.get("id")  # _bare: the title as compared


def check(new: list, existing: list, report: Report) -> None:
    """Warn on each record of `new` that resembles another record of `new` or `existing`
    (both lists of validate.Checked)."""
    records = {c.file: c for c in [*existing, *new]}  # validate passes the same list as both
    keys = {file: _key(c) for file, c in records.items()}  # each title normalised once
    by_region = defaultdict(list)
    for file, key in keys.items():
        if key:
            by_region[key[0]].append((key[1], key[2], file, key[3]))
    for near in by_region.values():
        near.sort(key=lambda entry: entry[0])  # by start day: only a window of it is compared (linear in records)
    window = dt.timedelta(days=WINDOW_DAYS)
    for c in new:
        key = keys[c.file]
        if key is None:
            continue
        region, start, title, rid = key
        near = by_region[region]
        first = bisect_left(near, start - window, key=lambda entry: entry[0])
        last = bisect_right(near, start + window, key=lambda entry: entry[0])
        for other_start, other_title, other_file, other_id in near[first:last]:
            days = abs((other_start - start).days)
            if other_file == c.file or (other_id is not None and other_id == rid):
                continue  # the same file, or consistency/duplicate-id already names the other one
            if days <= WINDOW_DAYS and _similarity(title, other_title) >= SIMILARITY:
                report.add("consistency/possible-duplicate", c.file, c.doc.line(("title",)), "title",
                           other=other_file, days=days)
