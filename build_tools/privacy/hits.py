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
MARKS = "\\-.\u00b7/\u2010-\u2015\u2212\u2027\u30fb\ufe58\ufe63\uff0d\uff0e\uff0f\uff65"
_GAP = rf"[{SPACES}]?[{MARKS}][{SPACES}]?|[{SPACES}]"
# Only runs of seven numerals or more are read as digits, so that words (一二年级, 三五成群,
# 二〇二六年) stay as they are.
_SPELLED_RUN = re.compile(rf"{_NUMERAL}(?:(?:{_GAP})?{_NUMERAL}){{6,}}")
_SPELLED_CHAR = re.compile("[" + "".join(SPELLED) + "]")
# The X of an ID number, and what looks like it when it follows a digit (or a digit and one
# separator): ×, ✕, ╳, Cyrillic and Greek capitals, Roman numeral ten, full-width letters.
_AFTER_DIGIT = [f"(?<=[0-9]{gap})" for gap in ("", f"[{SPACES}{MARKS}]", f"[{SPACES}][{MARKS}]", f"[{MARKS}][{SPACES}]",
                                                f"[{SPACES}][{MARKS}][{SPACES}]")]
_X_AFTER_DIGIT = re.compile(f"(?:{'|'.join(_AFTER_DIGIT)})[×✕✖╳ХхΧχⅩⅹＸｘ]")


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


_NON_ASCII_DECIMAL = re.compile(r"[^\D\x00-\x7f]")  # \d that is not 0-9: fast (a category test)
# Characters with a digit value that \d does not match: superscripts, subscripts, circled and
# parenthesised digits, Ethiopic and a few historic scripts (tests check it against Unicode).
OTHER_DIGITS = ("\xb2\xb3\xb9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c"
                "\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\U00010a40-\U00010a43"
                "\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a")
_OTHER_DIGIT = re.compile(f"[{OTHER_DIGITS}]")

#: A text without any of these cannot hold a number (a cheap test before the detectors run).
MAY_HOLD_DIGITS = re.compile(rf"[\d{''.join(SPELLED)}{OTHER_DIGITS}]")


def fold(text: str) -> str:
    """Every spelling of a digit as an ASCII digit, one character for one."""
    if not text.isascii():
        if _NON_ASCII_DECIMAL.search(text) or _OTHER_DIGIT.search(text):
            text = text.translate(_digit_table())
        if _SPELLED_CHAR.search(text):
            text = _SPELLED_RUN.sub(lambda m: m.group().translate(_SPELLED_TABLE), text)
        text = _X_AFTER_DIGIT.sub("X", text)
    return text


# --- What hides between digits without showing ------------------------------------------------

# Markdown emphasis or code markers (11010120**00**01011234), inline HTML tags and comments,
# and characters that take no room: zero-width and other format characters, soft hyphens,
# variation selectors, Hangul fillers. They are taken out, so the digits on both sides join up.
INLINE_TAGS = "a|abbr|b|bdi|bdo|code|data|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr"
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
_HIDDEN = (rf"[*_`~]{{1,3}}|</?(?:{INLINE_TAGS})\b[^<>\n]{{0,200}}>|<!--(?:(?!-->)[^\n]){{0,200}}-->|[{_INVISIBLE}]")
_SPLITTER = re.compile(rf"[0-9]((?:{_HIDDEN})+)(?=[0-9Xx])", re.IGNORECASE)


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
    """Fold every spelling of a digit, take out what hides between digits."""
    text = fold(raw)
    kept, cuts, pos, removed = [], [], 0, 0
    for m in _SPLITTER.finditer(text):
        start, end = m.span(1)
        kept.append(text[pos:start])
        cuts.append((start - removed, removed + end - start))  # from here on, add this many
        removed += end - start
        pos = end
    if not cuts:
        return Text(text, raw)
    kept.append(text[pos:])
    return Text("".join(kept), raw, tuple(cuts))


# --- Reading numbers: runs of digit groups, and the layouts people write ----------------------

# A line break may split a number (a wrapped line, a YAML block or plain scalar over two lines,
# a double-quoted scalar continued with a backslash), with the next line indented or not; not
# after a trailing space (tags of an HTML table become spaces) nor at a row of a table (below).
_WRAP = r"\\?\r?\n[ \t]*"
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


@dataclass(frozen=True)
class Group:
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


@lru_cache(maxsize=4)
def digit_runs(text: str) -> tuple[tuple[tuple[Group, ...], tuple[bool, ...]], ...]:
    """Every run of digit groups with 11 digits or more: (groups, for each gap whether it is a
    line break, which may also join the groups on both sides). Found once for all detectors."""
    runs = []
    for m in _RUN.finditer(text):
        groups: list[Group] = []
        wraps: list[bool] = []
        for g in _GROUP_IN_RUN.finditer(text, m.start(), m.end()):
            group = Group(g.start(), g.end(), g.group().rstrip("Xx"), g.group()[-1] in "Xx")
            if groups and "\n" in text[groups[-1].end : group.start] and _row_edge(text, groups[-1], group):
                runs.append((tuple(groups), tuple(wraps)))  # two cells of a table, not one number
                groups, wraps = [], []
            elif groups:
                wraps.append("\n" in text[groups[-1].end : group.start])
            groups.append(group)
        runs.append((tuple(groups), tuple(wraps)))
    return tuple(runs)


def _row_edge(text: str, before: Group, after: Group) -> bool:
    """A line break between a cell that a separator begins (…,430603) and one that a separator
    ends (430603002,…): the last cell of a row and the first of the next."""
    edge_before = text[before.start - 1] if before.start else "\n"
    edge_after = text[after.end] if after.end < len(text) else "\n"
    return edge_before in _ROW_EDGE and edge_after in _ROW_EDGE


def numbers(text: str, lengths: tuple[int, ...], layouts: frozenset[tuple[int, ...]] = frozenset(),
            x_last: bool = False) -> Iterator[Number]:
    """Numbers of the given lengths read from whole digit groups of the text.

    The groups must be one run of digits, a layout in `layouts` (group lengths as people
    write that kind of number, e.g. (3, 4, 4) for a mobile), or equal groups of one to four
    digits from the left, all separated alike (1-3-9-1…, 4306 0320 1503 1245 19: an SVG path's
    "6.5 6.5 0 0 1 3" is not); a line break may also fall anywhere (the parts join), on up to
    MAX_WRAPS lines. With `x_last`, the last character may be an X; an X always ends a number.
    """
    longest = max(lengths)
    for groups, wraps in digit_runs(text):
        gaps = [text[a.end : b.start] for a, b in zip(groups, groups[1:])]
        for i, first in enumerate(groups):
            if not first.digits:
                continue  # a lone X begins nothing
            total = 0
            for j in range(i, len(groups)):
                g = groups[j]
                total += len(g.digits)
                alike = len({gap for gap, wrap in zip(gaps[i:j], wraps[i:j]) if not wrap}) <= 1
                if g.digits and total in lengths and _laid_out(groups[i : j + 1], wraps[i:j], layouts, False, alike):
                    yield Number(first.start, g.end - g.x, "".join(h.digits for h in groups[i : j + 1]))
                if x_last and g.x and total + 1 in lengths and _laid_out(groups[i : j + 1], wraps[i:j], layouts, True, alike):
                    yield Number(first.start, g.end, "".join(h.digits for h in groups[i : j + 1]) + "X")
                if g.x or total >= longest:
                    break


def _laid_out(groups, wraps, layouts, with_x: bool, alike: bool) -> bool:
    sizes = [len(g.digits) for g in groups]
    if with_x:
        sizes[-1] += 1
    breaks = [i for i, wrap in enumerate(wraps) if wrap]
    if len(breaks) > MAX_WRAPS:
        return False
    for joined in itertools.product((False, True), repeat=len(breaks)):  # each line break: between groups or inside one
        merged = [sizes[0]]
        for i, size in enumerate(sizes[1:]):
            if i in breaks and joined[breaks.index(i)]:
                merged[-1] += size
            else:
                merged.append(size)
        if len(merged) == 1 or tuple(merged) in layouts or alike and _regular(merged):
            return True
    return False


def _regular(sizes: list[int]) -> bool:
    """Equal groups of 1 to 4 digits from the left, the last one no longer."""
    n = sizes[0]
    return n <= 4 and all(s == n for s in sizes[:-1]) and 1 <= sizes[-1] <= n
