"""What a detector returns, and the text every detector reads.

Detectors read a whole file (or a large part of it) at once: their patterns never cross a
line break, and one regex pass over a file is far faster than one per line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Hit:
    """One finding: where it starts and ends (indexes into the text read) and its rule code."""

    start: int
    end: int
    code: str


# Full-width digits and X (１３９…, Ｘ) are folded one character for one character, so that
# indexes in the folded line are indexes in the original line.
_FOLD = {**{0xFF10 + i: ord("0") + i for i in range(10)}, 0xFF38: ord("X"), 0xFF58: ord("x")}

# What may hide between two digits without showing on the page: Markdown emphasis or code
# markers (11010120**00**01011234), inline HTML tags, zero-width characters and soft hyphens.
INLINE_TAGS = "a|abbr|b|bdi|bdo|code|data|del|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr"
_HIDDEN = r"[*_`~]{1,3}|</?(?:" + INLINE_TAGS + r")\b[^<>\n]{0,200}>|[\u00ad\u200b-\u200d\u2060\ufeff]"
# Between two Chinese characters too (学生**张小明**同学): the name rules read the text as shown.
# Zero-width characters go wherever they stand: the search index puts one between any two words
# (黄志强\u200b、\u200b覃丽华), and a list or a role next to a name must read as it shows.
_ZERO_WIDTH_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_ZERO_WIDTH = f"[{_ZERO_WIDTH_CHARS}]"
_SPLITTER = re.compile(rf"[0-9\u4e00-\u9fff]((?:{_HIDDEN})+)(?=[0-9Xx\u4e00-\u9fff])", re.IGNORECASE)
_ZERO_WIDTH_RE = re.compile(f"{_ZERO_WIDTH}+")


_WIDE = re.compile("[\uff10-\uff19\uff38\uff58]")
# Numbers spelled digit by digit (一三九一二三四五六七八, 幺 as said on the phone): only runs of
# seven or more are folded, so ordinary words (一二年级, 三五成群) stay as they are.
_SPELLED = str.maketrans("〇零一幺二三四五六七八九", "001123456789")
_SPELLED_RUN = re.compile("[0-9〇零一幺二三四五六七八九](?:[ -]?[0-9〇零一幺二三四五六七八九]){6,}")


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
    """Fold full-width and spelled-out digits, join digits that markup splits apart."""
    text = raw.translate(_FOLD) if _WIDE.search(raw) else raw
    if _SPELLED_RUN.search(text):
        text = _SPELLED_RUN.sub(lambda m: m.group().translate(_SPELLED), text)
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


# Eleven digits or more, single spaces or hyphens allowed between them: every number the
# detectors look for (mobile 11, old ID 15, ID 18, card 16-19) lies inside one such run.
_RUN = re.compile(r"[0-9](?:[ -]?[0-9]){10,}[Xx]?")


@lru_cache(maxsize=4)
def number_runs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of the runs of digits in a text, found once for all the number detectors.

    Their own patterns are slow to try at every position of a large page; inside the runs
    (pattern.finditer(text, start, end)) they see the same text, lookbehinds included.
    """
    return tuple(m.span() for m in _RUN.finditer(text))


def number_matches(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """pattern.finditer over the runs of digits of a text only."""
    for start, end in number_runs(text):
        yield from pattern.finditer(text, start, end)
