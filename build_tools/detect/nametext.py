"""Where a name stands: the sentence and the heading line around it, the list it is in, the adults near it.

The helpers of the name detector (names.py) that read the text around a span, not the span itself;
the form's engine (content/assets/privacy-rules.js) mirrors each under the same name in camelCase.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .namedata import (
    ADULT_ORGS,
    ADULT_ROLES,
    AFTER,
    CHILD_HEAD,
    CREDITS,
    CUE,
    FAMOUS,
    LIST_ITEM,
    MAX_LIST_LINES,
    NAME_END,
    SENTENCE_END,
    SEP_NAME,
    SPLIT_AT,
    SPLIT_NAME,
    TITLES,
)

# Between two characters that close a reading: punctuation, spaces, brackets, cell borders.
CLOSERS = "，,。.、；;：:！!？?（()）“”\"'‘’《》〈〉【】[] \u3000\t|｜\n-—/／"
MAX_BOOK_TITLE = 40  # characters of a book title (《…》): a name inside one is not a child's
_AFTER_RE = re.compile(AFTER)
LIST_ITEM_RE = re.compile(LIST_ITEM)
_CUE_RE = re.compile(CUE)
_CHILD_HEAD_RE = re.compile(CHILD_HEAD)
_SPLIT_AT_RE = re.compile(SPLIT_AT)
_SPLIT_RE = re.compile(SPLIT_NAME)
CELL_BORDERS = "|｜\t"
SPACES = " \u3000"
ADULT_WORDS = tuple(sorted(set(TITLES) | set(ADULT_ROLES)))


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def in_book_title(text: str, start: int, end: int) -> bool:
    """text[start:end] overlaps a book title (《…》 of at most MAX_BOOK_TITLE characters on one line)."""
    opened = text.rfind("《", max(0, start - MAX_BOOK_TITLE - 1), end)
    if opened < 0:
        return False
    closed = text.find("》", opened + 1)
    inside = text[opened + 1 : closed]
    return closed >= start and closed - opened <= MAX_BOOK_TITLE + 1 and "\n" not in inside and "《" not in inside


def in_famous(text: str, start: int, end: int) -> bool:
    """A famous name holds text[start:end] from its start on (司马光 → not 马光, 周恩来 → not 周恩), unless the
    reading runs on from a famous two-character name with a character that ends names (孟子涵)."""
    for at in range(max(0, start - 3), start + 1):
        for length in (4, 3, 2):
            if at + length > start and text[at : at + length] in FAMOUS:
                if not (at == start and length == 2 and end > at + 2 and text[end - 1] in NAME_END):
                    return True
    return False


def segment(text: str, i: int) -> tuple[int, int, str]:
    """(start, end, who) of the sentence around i, or of its whole line when a heading line governs it.

    who: "child" when the sentence, or the heading line that governs its line, speaks of a child;
    "adult" when i stands in a table column whose header names adults (负责老师), under a line ending
    in a colon that does (志愿者名单：), or in a sentence that does not speak of a child under a
    Markdown heading that does (## 志愿者名单); "" otherwise."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    head = _governing(text, line_start)
    heading = text[head[0] : head[1]] if head is not None else ""
    adults = head is not None and _names_adults(heading)
    if head is not None:
        if _is_row(heading) and _is_row(text[line_start:line_end]):
            column = sum(1 for c in text[line_start:i] if c in CELL_BORDERS)
            cells = _split_cells(heading)
            if column < len(cells) and _names_adults(cells[column]):
                return line_start, line_end, "adult"
        if adults and not heading.lstrip(" \u3000\t").startswith("#"):
            return line_start, line_end, "adult"
        if not adults and _CUE_RE.search(heading):
            return line_start, line_end, "child"
    begin = max(line_start, max(text.rfind(c, line_start, i) for c in SENTENCE_END) + 1)
    ends = [j for j in (text.find(c, i, line_end) for c in SENTENCE_END) if j >= 0]
    end = min(ends) if ends else line_end
    if _CUE_RE.search(text[begin:end]):
        return begin, end, "child"
    return begin, end, "adult" if adults else ""


def _governing(text: str, line_start: int) -> tuple[int, int] | None:
    """The heading line that governs the line at line_start: a line ending in a colon or a table row above
    it with only list items between (no empty line, no line holding a whole sentence: a CSV file's rows do
    not head each other), else the Markdown heading (#) of its section."""
    end, near = line_start - 1, True
    for _ in range(MAX_LIST_LINES if end >= 0 else 0):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip(" \u3000\t\r")
        if line.startswith("#"):
            return start, end
        if near and (line.endswith(("：", ":")) or _is_row(line)):
            return start, end
        if line == "" or any(c in line for c in "。！？!?"):
            near = False
        if start == 0:
            return None
        end = start - 1
    return None


def _is_row(line: str) -> bool:
    return "|" in line or "｜" in line or "\t" in line


def _split_cells(line: str) -> list[str]:
    """A table row's cells, split at every cell border (the first is what stands before the first border)."""
    cells, cell = [], []
    for ch in line:
        if ch in CELL_BORDERS:
            cells.append("".join(cell))
            cell = []
        else:
            cell.append(ch)
    return cells + ["".join(cell)]


def _names_adults(heading: str) -> bool:
    """A heading or a column header that names adults (志愿者名单, 负责老师) and no child (学生志愿者)."""
    return any(w in heading for w in ADULT_WORDS if len(w) > 1) and not _CHILD_HEAD_RE.search(heading)


def lists_of(text: str, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Runs of two names or more that follow each other in a list (1. 韦思琪 2. 覃宇航; 韦金凤、覃美兰),
    unless adults are named by what follows the last (韦丽华、黄志强两位老师)."""
    run: list[tuple[int, int]] = []
    for span in spans + [(-1, -1)]:
        if run and next_in_list(text, run[-1][1]) == span[0]:
            run.append(span)
            continue
        if len(run) >= 2 and not adults_after(text, run[-1][1]):
            yield run
        run = [span]


def adults_after(text: str, i: int) -> bool:
    """What follows a list says its names are adults' (…两位老师, …等爱心人士; not 韦小军家长, the child's)."""
    start = i = skip(text, i, SPACES)
    i = skip(text, i, "等")
    while i < len(text) and (text[i] in "0123456789两" or text[i] in "一二三四五六七八九十"):
        i += 1
    if i < len(text) and text[i] in "名位个人":
        i += 1
    return i > start and starts_with(text, i, ADULT_WORDS)


def join_split(text: str) -> tuple[str, list[int]]:
    """The text with the spaces and dots inside names written apart taken out (李 娜, 韦·春花), and where
    characters were taken out (indexes in the joined text)."""
    if " " not in text and "\u3000" not in text and "·" not in text and "•" not in text and "・" not in text:
        return text, []
    parts, cuts, pos, removed = [], [], 0, 0
    for at in _SPLIT_AT_RE.finditer(text):
        m = _SPLIT_RE.match(text, at.start()) if at.start() >= pos else None
        if m is None:
            continue
        for i in range(m.start(), m.end()):
            if text[i] in " \u3000·•・":
                parts.append(text[pos:i])
                cuts.append(i - removed)
                removed += 1
                pos = i + 1
    if not cuts:
        return text, []
    parts.append(text[pos:])
    return "".join(parts), cuts


def back(cuts: list[int], index: int) -> int:
    """Where the character at `index` of the joined text stands in the original."""
    return index + sum(1 for c in cuts if c <= index)


def ends_line(text: str, i: int) -> bool:
    """Nothing but spaces follows i on its line, or the line is a table's header (| 序号 | 姓名 |; 姓名,年级)."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[i:line_end].strip(" \u3000\r")
    return rest == "" or rest[0] in ",，\t|｜" or _is_row(text[line_start:line_end])


def closed_right(text: str, end: int, heading: bool = False) -> bool:
    """A context closes a reading that ends at end: one after it, or (in a list under a heading) punctuation."""
    if _AFTER_RE.match(text, end):
        return True
    return heading and (end >= len(text) or text[end] in CLOSERS)


def starts_with(text: str, i: int, words: tuple[str, ...]) -> bool:
    return i < len(text) and any(text.startswith(w, i) for w in _by_first(words).get(text[i], ()))


@lru_cache(maxsize=16)
def _by_first(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their first character: a word can begin at i only if its first character is text[i]."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=16)
def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their last character: a word can end at i only if its last character is text[i - 1]."""
    out: dict[str, list[str]] = {}
    for w in words:
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def ends_with_any(text: str, i: int, words: tuple[str, ...]) -> bool:
    return i > 0 and any(text.endswith(w, 0, i) for w in _by_last(words).get(text[i - 1], ()))


def ends_with(text: str, i: int, words: tuple[str, ...]) -> bool:
    """A word of two characters or more ends at i (主任 ends in 任: 主任黄志明 is not 任黄志)."""
    return i > 1 and any(len(w) > 1 and text.endswith(w, 0, i) for w in _by_last(words).get(text[i - 1], ()))


def ends_with_role(text: str, i: int, linked: bool = False) -> bool:
    """An adult role ends right before i (志愿者李娜, 班主任：王芳), or (linked) before 是 or 有 there
    (指导老师是…, 教师有…; not 为: 志愿者为罗子墨同学辅导功课); not a child's small one (小组长, 小安全员, 小老师)."""
    j = i - 1 if i > 0 and (text[i - 1] in "：: " or linked and text[i - 1] in "是有") else i
    return j > 0 and any(text.endswith(w, 0, j) and not text.endswith("小" + w, 0, j)
                         for w in _by_last(ADULT_ROLES).get(text[j - 1], ()))


def credited(text: str, i: int) -> bool:
    """A credit ends right before i, or before a colon or space there (撰稿：韦丽萍, 文/覃丽娟, 摄影 覃海涛), or heads
    the clause i stands in (作者单位：县第一中学 黄国庆); or an adults' organisation ends there, or before 的
    (蓝天救援队的韦志勇)."""
    j = i - 1 if i > 0 and text[i - 1] in "：: 的" else i
    if ends_with_any(text, j, CREDITS) or ends_with_any(text, j, ADULT_ORGS):
        return True
    begin = i
    while begin > 0 and i - begin < 24 and text[begin - 1] not in "。；;！？!?\n":
        begin -= 1
    colon = min((k for k in (text.find("：", begin, i), text.find(":", begin, i)) if k >= 0), default=-1)
    return colon > begin and text[begin:colon].strip(" \u3000（(") in CREDITS


def line_near(text: str, start: int, end: int, words: tuple[str, ...], near: int) -> bool:
    """One of the words stands within `near` characters of text[start:end], on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    window = text[max(line_start, start - near) : min(len(text) if line_end < 0 else line_end, end + near)]
    return any(w in window for w in words)


def adult_heading(text: str, i: int) -> bool:
    """A heading before a colon right before i names adults (讲师团成员：, 获奖学生的指导老师：)."""
    j = i
    while j > 0 and text[j - 1] in SPACES:
        j -= 1
    if j == 0 or text[j - 1] not in "：:":
        return False
    begin = j - 1
    while begin > 0 and text[begin - 1] not in CLOSERS:
        begin -= 1
    return any(w in text[begin : j - 1] for w in ADULT_WORDS if len(w) > 1)


def adult_bracket(text: str, i: int) -> bool:
    """A bracket after a name says it is an adult's: 黄丽华（班主任）."""
    if not text.startswith(("（", "("), i):
        return False
    close = min((j for j in (text.find("）", i), text.find(")", i)) if 0 <= j - i <= 12), default=-1)
    return close > 0 and any(w in text[i:close] for w in ADULT_WORDS if len(w) > 1)


def end_of_previous(text: str, i: int) -> int:
    """Where the item before the list item at i ends (after a bracket that ends it: 黄丽华（班主任）、), or -1."""
    j = i
    while j > 0 and text[j - 1] in SPACES:
        j -= 1
    if j > 0 and text[j - 1] in SEP_NAME:
        j -= 1
        while j > 0 and text[j - 1] in SPACES:
            j -= 1
    elif j == i:
        return -1
    return _skip_bracket_back(text, j)


def _skip_bracket_back(text: str, k: int) -> int:
    """From a separator at k, back over a bracket that ends the item before it (黄丽华（班主任）、)."""
    if k > 0 and text[k - 1] in "）)":
        opened = max(text.rfind("（", 0, k), text.rfind("(", 0, k))
        if opened >= 0 and k - opened <= 14:
            return opened
    return k


def skip(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def next_in_list(text: str, i: int) -> int | None:
    """Where the next name of a list begins after a name that ends at i (or None: the list ends)."""
    if text.startswith("（", i) or text.startswith("(", i):  # 王芳（三年级）、李明
        close = min((j for j in (text.find("）", i), text.find(")", i)) if 0 <= j - i <= 12), default=-1)
        if close < 0:
            return None
        i = close + 1
    for suffix in ("同学", "小朋友"):
        if text.startswith(suffix, i):
            i += len(suffix)
    if i >= len(text) or text[i] not in SEP_NAME:
        return None
    i = skip(text, i + 1, SPACES)
    return LIST_ITEM_RE.match(text, i).end()  # 1. 韦思琪 2. 覃宇航; 1、罗小燕（女，9岁）；2、罗小军
