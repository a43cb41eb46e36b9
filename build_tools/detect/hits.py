"""What a detector returns, and the one reading of digits that every number detector shares.

People write a personal number in many ways: grouped with spaces, hyphens, dots or slashes,
in full-width or other Unicode digits, spelled out (一三九…, 壹叁玖…, 幺), with × for the X
of an ID number, split by markup or over two lines. `prepare` folds every spelling of a digit
into an ASCII digit (one character for one, so that indexes stay those of the text) and takes
out what hides between digits without showing; `numbers` then reads runs of digit groups and
yields the ways of reading a number of a given length from them, laid out the way people lay
out such numbers. The detectors (idnumber, phone, bankcard, accounts) only say which lengths
and layouts they want and what the digits must satisfy.

Detectors read a whole file (or a large part of it) at once: one regex pass over a file is
far faster than one per line.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple


@dataclass(frozen=True)
class Hit:
    """One finding: where it starts and ends (indexes into the text read) and its rule code."""

    start: int
    end: int
    code: str


# --- Folding: every spelling of a digit becomes an ASCII digit, one character for one ----------

# Numerals written digit by digit (一三九一二三四五六七八, 壹叁玖…, 幺 and 两 as said on the
# phone, 洞 拐 勾 as radio operators say 0 7 9, 〇 and ○ for zero). 十 and 拾 are place values,
# not digits: a number spelled with them (一百三十九) is not a way of writing a phone number.
SPELLED = {
    **dict.fromkeys("〇○◯零洞", "0"), **dict.fromkeys("一幺壹", "1"), **dict.fromkeys("二两贰貳", "2"),
    **dict.fromkeys("三叁參叄", "3"), **dict.fromkeys("四肆", "4"), **dict.fromkeys("五伍", "5"),
    **dict.fromkeys("六陆陸", "6"), **dict.fromkeys("七柒拐", "7"), **dict.fromkeys("八捌", "8"),
    **dict.fromkeys("九玖勾", "9"),
}
_SPELLED_TABLE = str.maketrans(SPELLED)
_NUMERAL = "[0-9" + "".join(SPELLED) + "]"
# What may stand between two digits of a number: one space of any kind, or one hyphen, dash,
# dot or slash with at most one space on each side.
SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
MARKS = ")\uff09\\-.\u00b7/\u2010-\u2015\u2212\u2027\u30fb\ufe58\ufe63\uff0d\uff0e\uff0f\uff65"
_GAP = rf"[{SPACES}]?[{MARKS}][{SPACES}]?|[{SPACES}]"
# Characters that take no room: zero-width and other format characters, soft hyphens, variation
# selectors, Hangul fillers (taken out between digits below; allowed inside a spelled run).
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
# Only runs of seven numerals or more are read as digits, so that words (一二年级, 三五成群,
# 二〇二六年) stay as they are.
_SPELLED_RUN = re.compile(rf"{_NUMERAL}(?:[{SPACES}{MARKS}{_INVISIBLE}]?{_NUMERAL}){{6,}}")
_SPELLED_CHAR = re.compile("[" + "".join(SPELLED) + "]")
# The X of an ID number, and what looks like it when it follows a digit (or a digit and one
# separator): ×, ✕, ╳, Cyrillic and Greek capitals, Roman numeral ten, full-width letters.
_AFTER_DIGIT = [f"(?<=[0-9]{gap})" for gap in ("", f"[{SPACES}{MARKS}]", f"[{SPACES}][{MARKS}]", f"[{MARKS}][{SPACES}]",
                                                f"[{SPACES}][{MARKS}][{SPACES}]")]
_X_LIKE = "×✕✖╳ХхΧχⅩⅹＸｘ"
_X_AFTER_DIGIT = re.compile(f"(?:{'|'.join(_AFTER_DIGIT)})[{_X_LIKE}]")
_ANY_X_LIKE = re.compile(f"[{_X_LIKE}]")  # cheap: the lookbehinds above cost a pass at every position


@cache
def _digit_table() -> dict[int, str]:
    """Every character that Unicode gives a digit value (full-width, mathematical, Arabic-Indic,
    circled, superscript…) mapped to its ASCII digit. Worked out once, on first use (~50 ms)."""
    table = {}
    for cp in range(0x80, 0x20000):
        value = unicodedata.digit(chr(cp), None)
        if value is not None:
            table[cp] = str(value)
    return table


# Characters of the BMP with a digit value that \d does not match: superscripts, subscripts,
# circled and parenthesised digits, Ethiopic (tests check it against Unicode). Beyond the BMP,
# \d finds the mathematical digits; a few historic numerals there are left out of this quick
# test, since ranges beyond the BMP made each search of a page ten times slower.
OTHER_DIGITS = ("\xb2\xb3\xb9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c"
                "\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792")

#: A text without any of these cannot hold a number (a cheap test before the detectors run).
MAY_HOLD_DIGITS = re.compile(rf"[\d{''.join(SPELLED)}{OTHER_DIGITS}]")


def _class(codepoints) -> str:
    """A regex class of the code points, as ranges."""
    ranges: list[list[int]] = []
    for cp in sorted(codepoints):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "[" + "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges) + "]"


@cache
def _other_digits() -> tuple[re.Pattern, re.Pattern]:
    """(digits of the BMP other than 0-9, digits beyond it) as classes of ranges. Two classes
    because a class of BMP ranges is a bitmap test, while ranges beyond the BMP made every search
    of a page ten times slower: those are looked for only in a text that has such characters."""
    table = _digit_table()
    return re.compile(_class(c for c in table if c < 0x10000)), re.compile(_class(c for c in table if c >= 0x10000))


_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


def fold(text: str) -> str:
    """Every spelling of a digit as an ASCII digit, one character for one."""
    if text.isascii():
        return text
    bmp, beyond = _other_digits()
    if bmp.search(text) or (_BEYOND_BMP.search(text) and beyond.search(text)):
        text = text.translate(_digit_table())
    if _SPELLED_CHAR.search(text):
        text = _SPELLED_RUN.sub(_spelled_digits, text)
    if _ANY_X_LIKE.search(text):
        text = _X_AFTER_DIGIT.sub("X", text)
    return text


def _spelled_digits(m: re.Match) -> str:
    run = m.group()
    return run if run.isascii() else run.translate(_SPELLED_TABLE)  # most runs are plain digits already


# --- What hides between digits without showing ------------------------------------------------

# Markdown emphasis or code markers (11010120**00**01011234), a Markdown link around some of the
# digits ([4306032015](…)03124519), inline HTML tags and comments, and characters that take no room
# (_INVISIBLE). They are taken out, so the digits on both sides join up.
INLINE_TAGS = "a|abbr|b|bdi|bdo|code|data|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr"
_HIDDEN = (rf"[*_`~]{{1,3}}|</?(?:{INLINE_TAGS})\b[^<>\n]{{0,200}}>|<!--(?:(?!-->)[^\n]){{0,200}}-->|[{_INVISIBLE}]"
           rf"|\]\([^()\s]{{0,200}}\)|\[")
# Between two Chinese characters too (学生**张小明**同学): the name rules read the text as shown.
# Zero-width characters go wherever they stand: the search index puts one between any two words
# (黄志强\u200b、\u200b覃丽华), and a list or a role next to a name must read as it shows.
_ZERO_WIDTH_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = f"[{_ZERO_WIDTH_CHARS}]"
_SPLITTER = re.compile(rf"[0-9\u4e00-\u9fff]((?:{_HIDDEN})+)(?=[0-9Xx\u4e00-\u9fff])", re.IGNORECASE)
_ZERO_WIDTH_RE = re.compile(f"{_ZERO_WIDTH}+")


@dataclass(frozen=True)
class Text:
    """Text ready for the detectors: `text` is folded and joined; `where(i)` maps back."""

    text: str
    original: str
    # Where characters were taken out: (index in `text`, characters taken out up to there).
    cuts: tuple[tuple[int, int], ...] = ()

    def where(self, index: int) -> tuple[int, int]:
        """(line offset from 0, column from 1) in the original text of the character at `index`."""
        i = bisect.bisect_right(self.cuts, (index, len(self.original)))
        index += self.cuts[i - 1][1] if i else 0
        line = self.original.count("\n", 0, index)
        return line, index - (self.original.rfind("\n", 0, index) + 1) + 1


def prepare(raw: str) -> Text:
    """Fold every spelling of a digit, take out what hides between digits (and zero-width
    characters wherever they stand)."""
    text = fold(raw)
    spans = [m.span(1) for m in _SPLITTER.finditer(text)]
    if any(c in text for c in _ZERO_WIDTH_CHARS):  # rare but in the search index: cheaper than a wider pattern
        spans = _union(spans + [m.span() for m in _ZERO_WIDTH_RE.finditer(text)])
    kept, cuts, pos, removed = [], [], 0, 0
    for start, end in spans:
        kept.append(text[pos:start])
        cuts.append((start - removed, removed + end - start))  # from here on, add this many
        removed += end - start
        pos = end
    if not cuts:
        return Text(text, raw)
    kept.append(text[pos:])
    return Text("".join(kept), raw, tuple(cuts))


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, sorted, overlapping ones merged."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out



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
    rf"[0-9](?<![0-9][0-9])(?=(?:(?:{_GAP}|{_WRAP})?[0-9]){{10}})[0-9]*(?:[Xx](?![0-9]))?"
    rf"(?:(?:{_GAP}|{_WRAP})(?:{_GROUP}|[Xx](?![0-9A-Za-z])))*"
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
