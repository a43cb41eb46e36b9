"""What a detector returns, and the one reading of digits that every number detector shares.

People write a personal number in many ways: grouped with spaces, hyphens, dots or slashes,
in full-width or other Unicode digits, spelled out (一三九…, 壹叁玖…, 幺), with × for the X
of an ID number, split by markup or over two lines. `prepare` folds every spelling of a digit
into an ASCII digit (one character for one, so that indexes stay those of the text) and takes
out what hides between digits without showing; `numbers` then reads runs of digit groups and
yields the ways of reading a number of a given length from them, laid out the way people lay
out such numbers (numbers.py). The detectors (idnumber, phone, bankcard, accounts) only say which lengths
and layouts they want and what the digits must satisfy.

Detectors read a whole file (or a large part of it) at once: one regex pass over a file is
far faster than one per line.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache


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
GAP = rf"[{SPACES}]?[{MARKS}][{SPACES}]?|[{SPACES}]"
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
