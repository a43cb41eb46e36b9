"""Reading numbers: runs of digit groups in a prepared text (hits.prepare), and the ways of
reading a number of a given length from them, laid out as people lay out ID, mobile and card
numbers. The detectors (idnumber, phone, bankcard, accounts) say which lengths and layouts they
want and what the digits must satisfy."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .hits import GAP

# --- Reading numbers: runs of digit groups, and the layouts people write ----------------------

# A line break may split a number (a wrapped line, a YAML block or plain scalar over two lines,
# a double-quoted scalar continued with a backslash), with the next line indented or not; not
# after a trailing space (tags of an HTML table become spaces) nor at a row of a table (below).
_WRAP = r"(?:<(?i:br)\s*/?>[ \t]*)?\\?\r?\n[ \t]*|<(?i:br)\s*/?>"  # a <br> breaks a line as a line break does
_GROUP = r"[0-9]+(?:[Xx](?![0-9]))?"
# Eleven digits or more (the shortest number read this way is a mobile number), with gaps. The
# pattern begins with a digit, so the engine skips to digits at C speed (3× faster than a
# lookbehind first).
_RUN = re.compile(
    rf"[0-9](?<![0-9][0-9])(?=(?:(?:{GAP}|{_WRAP})?[0-9]){{10}})[0-9]*(?:[Xx](?![0-9]))?"
    rf"(?:(?:{GAP}|{_WRAP})(?:{_GROUP}|[Xx](?![0-9A-Za-z])))*"
)
_GROUP_IN_RUN = re.compile(r"[0-9]+[Xx]?|[Xx]")
MAX_WRAPS = 3  # a number over four lines at most (a YAML block folded by a narrow editor)
_ROW_EDGE = ",\t|;"  # a line break between two of these ends a table row: the digits are two cells


class Group(NamedTuple):  # a tuple: tens of thousands per page are made (SVG paths)
    start: int
    end: int  # the trailing X of an ID number included
    digits: str  # 0-9 only
    x: bool  # ends with X


@dataclass(frozen=True)
class Number:
    """A number read from whole digit groups: its span in the text and its digits (X last if any)."""

    start: int
    end: int
    digits: str


def _segments(text: str, start: int, end: int) -> list[tuple[tuple[Group, ...], tuple[bool, ...]]]:
    """The digit groups of one run (text[start:end]), split where a line break ends a table row:
    (groups, for each gap whether it is a line break or <br>, which may also join its neighbours)."""
    runs = []
    groups: list[Group] = []
    wraps: list[bool] = []
    for g in _GROUP_IN_RUN.finditer(text, start, end):
        found = g.group()
        x = found[-1] in "Xx"
        group = Group(g.start(), g.end(), found[:-1] if x else found, x)
        if groups:
            gap = text[groups[-1].end : group.start]
            wrap = "\n" in gap or "<" in gap  # a line break or a <br>
            if wrap and _row_edge(text, groups[-1], group):
                runs.append((tuple(groups), tuple(wraps)))  # two cells of a table, not one number
                groups, wraps = [], []
            else:
                wraps.append(wrap)
        groups.append(group)
    runs.append((tuple(groups), tuple(wraps)))
    return runs


def _row_edge(text: str, before: Group, after: Group) -> bool:
    """A line break between a cell that a separator begins (…,430603) and one that a separator
    ends (430603002,…): the last cell of a row and the first of the next."""
    edge_before = text[before.start - 1] if before.start else "\n"
    edge_after = text[after.end] if after.end < len(text) else "\n"
    return edge_before in _ROW_EDGE and edge_after in _ROW_EDGE


LENGTHS = frozenset(range(11, 20))  # every length a number detector asks for (mobile 11 … card 19)
_LONGEST = max(LENGTHS)
MAX_LAYOUT_GROUPS = 7  # the most groups of any layout (2-2-2-4-2-2-4); more can only be equal groups
# Every layout has a group of three digits or more; groups of one or two digits separated this way
# and that (an SVG path's "6.52 6.52 0 0 1 9.5 16", on every page of the theme) are no number.
MIN_LAYOUT_GROUP = 3


class Window(NamedTuple):
    """Whole groups of a run that make a number of one of the LENGTHS: read once per text for all
    the detectors (each detector reading the runs itself made the built-site scan 6× slower)."""

    start: int
    end: int  # without a trailing X
    x_end: int  # with it, when the last group has one (else = end)
    digits: str  # 0-9 only
    x: bool  # the last group ends with an X
    bare_x: bool  # the last group is a lone X: the window is a number only with it
    options: tuple[tuple[int, ...], ...]  # group sizes, once for each way the line breaks may join
    alike: bool  # every gap that is not a line break is the same


@lru_cache(maxsize=4)
def windows(text: str) -> tuple[Window, ...]:
    """Every window of whole groups whose digits (with or without a final X) number 11 to 19.

    Worked out per run of digits and cached by the run's text: the theme's SVG icons repeat the
    same runs on every page of a site."""
    out: list[Window] = []
    for m in _RUN.finditer(text):
        before = text[m.start() - 1] if m.start() else "\n"
        after = text[m.end()] if m.end() < len(text) else "\n"
        shift = m.start() - 1
        out.extend(w if not shift else w._replace(start=w.start + shift, end=w.end + shift, x_end=w.x_end + shift)
                   for w in _run_windows(before + m.group() + after))
    return tuple(out)


@lru_cache(maxsize=8192)
def _run_windows(text: str) -> tuple[Window, ...]:
    """The windows of one run, given with the character before and after it (for the table-row
    test), at positions in that string."""
    out = []
    for groups, wraps in _segments(text, 1, len(text) - 1):
        gaps = [text[a.end : b.start] for a, b in zip(groups, groups[1:])]
        worth = _starts_worth_trying([len(g.digits) for g in groups], gaps, wraps)
        for i, first in enumerate(groups):
            if not first.digits or not worth[i]:
                continue  # a lone X begins nothing
            total, seen_gaps, breaks, largest = 0, set(), [], 0
            for j in range(i, len(groups)):
                g = groups[j]
                if j > i:
                    if wraps[j - 1]:
                        breaks.append(j - 1 - i)
                    else:
                        seen_gaps.add(gaps[j - 1])
                alike = len(seen_gaps) <= 1
                count = j - i + 1 - len(breaks)
                if len(breaks) > MAX_WRAPS or not alike and count > MAX_LAYOUT_GROUPS:
                    break  # more groups cannot make it a number again
                total += len(g.digits)
                largest = max(largest, len(g.digits))
                wanted = (g.digits and total in LENGTHS) or (g.x and total + 1 in LENGTHS)
                if wanted and (alike or breaks or largest >= MIN_LAYOUT_GROUP):
                    sizes = [len(h.digits) for h in groups[i : j + 1]]
                    out.append(Window(first.start, g.end - g.x, g.end, "".join(h.digits for h in groups[i : j + 1]),
                                      g.x, not g.digits, _joined(sizes, breaks), alike))
                if g.x or total >= _LONGEST:
                    break
    return tuple(out)


def _starts_worth_trying(sizes: list[int], gaps: list[str], wraps: tuple[bool, ...]) -> list[bool]:
    """Which groups can begin a number: a group of 11 digits or more, a group of three or more
    (or a line break) close enough for a layout, or equal gaps long enough for 11 digits. Runs of
    one- and two-digit groups in mixed gaps (SVG paths, on every page) are skipped in one pass."""
    n, reach = len(sizes), MAX_LAYOUT_GROUPS + MAX_WRAPS
    totals = [0]
    for size in sizes:
        totals.append(totals[-1] + size)
    near, last_big = [False] * n, n + reach
    for i in range(n - 1, -1, -1):
        if sizes[i] >= MIN_LAYOUT_GROUP or (i < n - 1 and wraps[i]):
            last_big = i
        near[i] = last_big - i <= reach
    streak_end = list(range(n))  # the last group reached from i through equal gaps
    for i in range(n - 2, -1, -1):
        if not wraps[i] and (i == n - 2 or gaps[i] == gaps[i + 1] and not wraps[i + 1]):
            streak_end[i] = streak_end[i + 1] if i < n - 2 else n - 1
        elif not wraps[i]:
            streak_end[i] = i + 1
    return [near[i] or totals[streak_end[i] + 1] - totals[i] >= min(LENGTHS) for i in range(n)]


def _joined(sizes: list[int], breaks: list[int]) -> tuple[tuple[int, ...], ...]:
    """The group sizes for each choice of the line breaks: between two groups, or inside one."""
    options = []
    for joined in itertools.product((False, True), repeat=len(breaks)):
        merged = [sizes[0]]
        for k, size in enumerate(sizes[1:]):
            if k in breaks and joined[breaks.index(k)]:
                merged[-1] += size
            else:
                merged.append(size)
        options.append(tuple(merged))
    return tuple(options)


def numbers(text: str, lengths: tuple[int, ...], layouts: frozenset[tuple[int, ...]] = frozenset(),
            x_last: bool = False) -> Iterator[Number]:
    """Numbers of the given lengths read from whole digit groups of the text.

    The groups must be one run of digits, a layout in `layouts` (group lengths as people
    write that kind of number, e.g. (3, 4, 4) for a mobile), or equal groups of one to four
    digits from the left, all separated alike (1-3-9-1…, 4306 0320 1503 1245 19: an SVG path's
    "6.5 6.5 0 0 1 3" is not); a line break may also fall anywhere (the parts join), on up to
    MAX_WRAPS lines. With `x_last`, the last character may be an X; an X always ends a number.
    """
    for w in windows(text):
        if not w.bare_x and len(w.digits) in lengths and _laid_out(w.options, w.alike, layouts, extra=0):
            yield Number(w.start, w.end, w.digits)
        if x_last and w.x and len(w.digits) + 1 in lengths and _laid_out(w.options, w.alike, layouts, extra=1):
            yield Number(w.start, w.x_end, w.digits + "X")


def _laid_out(options, alike: bool, layouts, extra: int) -> bool:
    for sizes in options:
        if extra:
            sizes = (*sizes[:-1], sizes[-1] + extra)
        if len(sizes) == 1 or sizes in layouts or alike and _regular(sizes):
            return True
    return False


def _regular(sizes: tuple[int, ...]) -> bool:
    """Equal groups of 1 to 4 digits from the left, the last one no longer."""
    n = sizes[0]
    return n <= 4 and all(s == n for s in sizes[:-1]) and 1 <= sizes[-1] <= n
