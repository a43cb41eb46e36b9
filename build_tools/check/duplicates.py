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


# (county code, start day, title as compared, id) of a record; None when it takes no part.
Key = tuple[str, dt.date, str, str | None] | None


def title_similarity(a: str, b: str) -> float:
    """0…1: how alike two titles are, character by character (punctuation and spaces ignored)."""
    return _similarity(bare_title(a), bare_title(b))


def bare_title(title: str) -> str:
    """A title as it is compared: NFKC, without spaces and punctuation."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", title))


def _similarity(a: str, b: str) -> float:
    return ratio(a, b) / 100 if a and b else 0.0


def key(checked) -> Key:
    """The key of a validate.Checked record."""
    rec = checked.record
    if rec.get("status") == "cancelled" or not all(k in rec for k in ("region", "start", "title")):
        return None  # a cancelled record kept beside its replacement is expected
    return rec["region"], day(rec["start"]), bare_title(rec["title"]), rec.get("id")


def check(new: list, existing: list, report: Report) -> None:
    """Warn on each record of `new` that resembles another record of `new` or `existing`
    (both lists of validate.Checked)."""
    records = {c.file: c for c in [*existing, *new]}  # validate passes the same list as both
    check_keys(new, {file: key(c) for file, c in records.items()}, report)  # each title normalised once


def check_keys(new: list, keys: dict[str, Key], report: Report) -> None:
    """Warn on each record of `new` (validate.Checked) that resembles another record of keys
    (file → key, `new`'s own included; duplicate_index.keys gives the repository's)."""
    keys = keys | {c.file: key(c) for c in new}  # the named files as checked now, whatever the index says
    by_region = defaultdict(list)
    for file, k in keys.items():
        if k:
            by_region[k[0]].append((k[1], k[2], file, k[3]))
    for near in by_region.values():
        near.sort(key=lambda entry: entry[0])  # by start day: only a window of it is compared (linear in records)
    window = dt.timedelta(days=WINDOW_DAYS)
    for c in new:
        mine = keys[c.file]
        if mine is None:
            continue
        region, start, title, rid = mine
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
