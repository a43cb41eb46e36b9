"""A child named in context (blocking): a name shape in a sentence that says "this is a child".

Rules and data, no model: the web form runs the same algorithm in JavaScript on the same data
(textrules.rule_data → assets/privacy-rules.json, content/assets/privacy-rules.js); the lists
and patterns are in namedata.py, the weights in lexicon.py. tests/test_privacy_parity.py runs
the corpora through both.

A name is found in one of two ways (Names.find):

1. Next to a context (strong). Contexts before a name (BEFORE: 学生, 留守儿童, 8岁的, 一等奖,
   第一小组, 兄妹俩…) and list headings (HEADING: 获奖名单：, 以下同学…：, a table header 姓名)
   say where a name begins; contexts after one (AFTER: 同学, ，9岁, （三年级）, ，女，, 的父母,
   由奶奶照顾, 两名学生…) where it ends. There any plausible name shape counts: a surname
   (SURNAMES, COMPOUND_SURNAMES) and one or two given characters, or 某/某某. A reading is
   dropped when it is a common word (lexicon: 马上, 周末), unless contexts close it on both
   sides (学生向阳今年9岁, 龙飞同学); a famous person or a book title (FAMOUS, 《…》); a made-up
   name (小明（化名）); followed by a place or an organisation (陆城镇, 马兰花艺术团); holds a
   character no given name has (NOT_GIVEN), ends in one that follows names (NOT_LAST), or begins
   with a title (王老师). Names listed after a name (、，和 与 及, spaces, 1. 2. markers) are names too.
2. Anywhere in a sentence that speaks of a child (weak). A sentence holding any CUE (学生, 9岁,
   三年级, 父母, 家访, 测评, 获奖, 名单…), or a line under a heading line that holds one (辅导日志：,
   ## 心理测评, a table's header row), has every name-shaped span judged by how name-like it is:
   the weights of its surname and of its given characters (lexicon.build, from the names in
   jieba's dictionary) must add up to WEAK_MIN, the reading must not begin inside a word
   (主任黄志明 is not 任黄志: lexicon's closing words), and all the exclusions above hold, with
   adults: a name after an adult role or in a list that one heads (志愿者刘伟、王芳; 指导老师：…;
   讲师团成员：…), followed by a title or by (班主任). In a sentence without a cue, two such names
   or more in one list (1. 韦思琪 2. 覃宇航; 韦金凤、覃美兰) are names of people all the same.
Adults stay allowed in both: a name followed by a title (李老师, 王法官) or preceded by an adult
role (志愿者, 班主任, 家长) is not a child's. Names written apart (李 娜, 韦·春花) are joined first.
Only the matched name is reported (its span); messages never repeat it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache

from . import lexicon
from .hits import Hit
from .namedata import (ADULT_PREDICATE, ADULT_ROLES, ADULT_TASKS, AFTER, AFTER_AT, ANONYMOUS, BEFORE, CHILD_HEAD, CODE, COMPOUND_SURNAMES, CUE, FAMOUS, HEADING,
                       LEAD_CHARS, LIST_ITEM, MAX_LIST_LINES, MAX_ORG_GAP, MODERN_GIVEN, NAME_END, NICKNAME_HEADS, NOT_GIVEN,
                       NOT_LAST, ORG_AFTER, PLACE_AFTER, PLACE_AFTER_JIA, PLACE_BEFORE, PSEUDONYM, REGIONAL_SURNAMES,
                       SENTENCE_END, SEP_NAME, SPLIT_AT, SPLIT_NAME, SURNAMES, TITLES)

__all__ = ["CODE", "SURNAMES", "COMPOUND_SURNAMES", "NICKNAME_HEADS", "Names", "detector", "find"]

# How name-like a span in a sentence that speaks of a child must be: its surname's weight and its
# given characters' (王 +8, 芳 +7, 琪 +9; 常 +1, 兴 +3), summed. Chosen in the gap the corpora show:
# the name-shaped spans of their negatives that pass every other check weigh 7 at most (岳麓, 向家长),
# the names of their positives found only this way 11 or more (黄雨, 程家宝; all but one), most 14 or more.
WEAK_MIN = 10
ANONYMOUS_WEIGHT = WEAK_MIN  # 黄某某 in such a sentence: the surname is still told
COMPOUND_WEIGHT = 6
# Between two characters that close a reading: punctuation, spaces, brackets, cell borders.
CLOSERS = "，,。.、；;：:！!？?（()）“”\"'‘’《》〈〉【】[] \u3000\t|｜\n-—/／"
MAX_BOOK_TITLE = 40  # characters of a book title (《…》): a name inside one is not a child's
_HEADS = set(SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}
_BEFORE_RE = re.compile(BEFORE)
_AFTER_RE = re.compile(AFTER)
_AFTER_AT_RE = re.compile(AFTER_AT)
_HEADING_RE = re.compile(HEADING)
_LIST_ITEM_RE = re.compile(LIST_ITEM)
_CUE_RE = re.compile(CUE)
_CHILD_HEAD_RE = re.compile(CHILD_HEAD)
_SPLIT_AT_RE = re.compile(SPLIT_AT)
_SPLIT_RE = re.compile(SPLIT_NAME)
# Where the second way tries a name: a surname before a Chinese character.
CANDIDATE = "[" + "".join(sorted(_HEADS)) + "](?![" + NOT_GIVEN + "])(?=[\u4e00-\u9fff])"
_CANDIDATE_RE = re.compile(CANDIDATE)
_CELL_BORDERS = "|｜\t"
_SPACES = " \u3000"
_ADULT_WORDS = tuple(sorted(set(TITLES) | set(ADULT_ROLES)))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class Names:
    """The detector with its data; `find` is the algorithm the JavaScript engine mirrors."""

    def __init__(self, load: Callable[[], lexicon.Lexicon]):
        self._load = load

    @cached_property
    def lists(self) -> lexicon.Lexicon:
        """The word lists and weights, read when a text first needs them."""
        return self._load()

    @property
    def common(self) -> frozenset[str]:
        return self.lists.common

    def find(self, raw: str) -> list[tuple[int, int]]:
        """(start, end) of every name of a child in the text, in order, not overlapping."""
        text, cuts = join_split(raw)
        found: dict[int, int] = {}
        self._strong(text, found)
        self._weak(text, found)
        kept, last_end = [], -1
        for start in sorted(found):
            if start >= last_end:
                kept.append((_back(cuts, start), _back(cuts, found[start] - 1) + 1))
                last_end = found[start]
        return kept

    # ---- the two ways ----
    def _strong(self, text: str, found: dict[int, int]) -> None:
        """Names next to a context: after one (BEFORE) or a heading (HEADING), before one (AFTER)."""
        for m in _BEFORE_RE.finditer(text):
            if text[m.end() - 1 : m.end() + 1] not in self.lists.closing:  # 学生姜汤: 生姜 is a word
                self._forward(text, m.end(), False, found)
        for m in _AFTER_AT_RE.finditer(text):
            self._backward(text, m.end(), found)
        for m in _HEADING_RE.finditer(text):
            if _ends_with_role(text, m.start()):
                continue  # 志愿者名单：
            start = _skip(text, m.end(), _SPACES)
            if self.read_forward(text, start, True) is not None:
                self._forward(text, start, True, found)  # 获奖名单：张小明、李华
            elif _ends_line(text, m.end()):
                for line_start in self._list_lines(text, m.end()):
                    self._forward(text, line_start, True, found)

    def _weak(self, text: str, found: dict[int, int]) -> None:
        """Every name-like span of a sentence that speaks of a child; in other sentences, lists of them."""
        after = 0
        segments: dict[int, tuple[int, bool, list[tuple[int, int]]]] = {}  # begin → (end, speaks of a child, names)
        for m in _CANDIDATE_RE.finditer(text):
            i = m.start()
            if i < after or i in found or not self._may_weigh(text, i):
                continue
            span = self.judge(text, i)
            if span is None:
                continue
            after = span[1]
            begin, end, who = _segment(text, i)
            segments.setdefault(begin, (end, who, []))[2].append(span)
        for _, who, spans in segments.values():
            for run in [spans] if who == "child" else [] if who == "adult" else _lists_of(text, spans):
                for start, end in run:
                    found.setdefault(start, end)

    # ---- reading a name ----
    def _readings(self, text: str, start: int) -> list[tuple[int, int]]:
        """(end, surname length) of the name shapes that may begin at start, longest first."""
        out = []
        if text[start : start + 2] in COMPOUND_SURNAMES:
            out += [(start + 4, 2), (start + 3, 2)]
        if start < len(text) and text[start] in SURNAMES:
            out += [(start + 3, 1), (start + 2, 1)]
        if start < len(text) and text[start] in NICKNAME_HEADS:
            out.append((start + 2, 1))
        return [(end, sl) for end, sl in out if end <= len(text)]

    def plausible(self, text: str, start: int, end: int, surname: int, closed: bool = False,
                  ended: bool = False) -> bool:
        """text[start:end] reads as a surname of `surname` characters and a given name.

        closed: contexts close the reading on both sides, so a common word may be a name (学生向阳今年9岁);
        ended: a context right after it says where it ends (覃小妹同学: 妹 may end it)."""
        given = text[start + surname : end]
        if given in ANONYMOUS:
            return text[end : end + 1] != "某"
        if any(not _is_han(c) or c in NOT_GIVEN or c == "某" for c in given):
            return False
        word, lists = text[start:end], self.lists
        if word in FAMOUS or _starts_with(text, start + surname, TITLES):
            return False
        if word in lists.common and not (closed and len(given) == 1 and word not in lists.fixed):
            return False
        if any(text[start:k] in lists.common for k in range(end + 1, min(len(text), start + 4) + 1)):
            return False  # 小朋友 is not 小朋, 向日葵 not 向日, 龙飞凤舞 not 龙飞凤
        if len(given) == 2:
            if (given[1] in NOT_LAST and not ended) or (given[0] == "家" and given[1] in PLACE_AFTER_JIA):
                return False
            # 黄色安全帽, 高中毕业: the first two characters are a word and the third begins the next;
            # the third ends a name (方子轩) unless it begins a word with what follows (祝福远方).
            head = text[start : start + surname + 1]
            if head in lists.common and (given[1] not in NAME_END or head in lists.fixed
                                         or text[end - 1 : end + 1] in lists.opening):
                return False
        return True

    @staticmethod
    def _thing(text: str, start: int, end: int) -> bool:
        """text[start:end] is not a person's name: a famous name or book title holds it, it is made up
        (化名), or a place or an organisation ends a word or two later (马兰花艺术团)."""
        if _in_book_title(text, start, end) or _in_famous(text, start, end):
            return True
        if _starts_with(text, _skip(text, end, _SPACES), PSEUDONYM):
            return True
        for at in range(start + 2, end + MAX_ORG_GAP + 1):
            if at > len(text) or (at > end and not _is_han(text[at - 1])):
                break
            if _starts_with(text, at, ORG_AFTER):
                return True  # 马兰花艺术团, 高峰林场
        return False

    def read_forward(self, text: str, start: int, heading: bool = False) -> tuple[int, int] | None:
        """The name that begins at start, longest reading first (heading: in a list under one, where
        punctuation closes a reading as a context after it does; see plausible)."""
        readings = self._readings(text, start)
        if any(end < len(text) and (text[end] in PLACE_AFTER or text[end - 1] == "家" and text[end] in PLACE_AFTER_JIA)
               for end, _ in readings):
            return None  # 陆城镇, 张谷英村, 陈家巷: a place (the shorter reading too)
        for end, surname in readings:
            shut = _closed_right(text, end, heading)
            if self.plausible(text, start, end, surname, shut) and not self._thing(text, start, end):
                return start, end
        return None

    def read_backward(self, text: str, end: int) -> tuple[int, int] | None:
        """The name that ends at end (before a context), longest reading first."""
        for start, surname in ((end - 4, 2), (end - 3, 1), (end - 3, 2), (end - 2, 1)):
            if start < 0:
                continue
            head = text[start : start + surname]
            nickname = end - start == 2 and head in NICKNAME_HEADS
            if surname == 2 and head not in COMPOUND_SURNAMES or surname == 1 and head not in SURNAMES and not nickname:
                continue
            if end - start == 3 and surname == 1 and text[start] in LEAD_CHARS and text[start + 1] in SURNAMES:
                continue
            shut = start == 0 or text[start - 1] in CLOSERS
            if self.plausible(text, start, end, surname, shut, True) and not self._thing(text, start, end):
                return start, end
        return None

    # ---- judging a name-shaped span in a sentence that speaks of a child ----
    def judge(self, text: str, start: int) -> tuple[int, int] | None:
        """The name at start, when it is name-like enough and nothing says it is an adult's or a word."""
        if start > 0 and text[start - 1 : start + 1] in self.lists.closing:
            return None  # 主任黄…, 上周…, 工程…: the surname character ends a word
        if _ends_with_role(text, start, True) or _ends_with(text, start + 1, _ADULT_WORDS):
            return None  # 志愿者李娜, 指导老师是…; 主任黄…: not 任黄…
        if _ends_with_any(text, start, PLACE_BEFORE):
            return None  # 赴林芝
        span = self.read_forward(text, start)
        if span is None or _starts_with(text, _skip(text, span[1], _SPACES), TITLES) or _adult_bracket(text, span[1]):
            return None  # 黄丽华老师, 黄丽华 老师, 黄丽华（班主任）
        if self._adult_list(text, start) or self._adults_named_after(text, span[1]):
            return None
        for end, surname in self._readings(text, start):
            if end <= span[1] and self.plausible(text, start, end, surname):
                if self.weight(text, start, end, surname) >= WEAK_MIN:
                    return start, end
        return None

    def _may_weigh(self, text: str, start: int) -> bool:
        """A quick bound before judge: some reading at start could reach WEAK_MIN."""
        lists, head = self.lists, text[start]
        if text[start : start + 2] in COMPOUND_SURNAMES:
            return True
        best = lists.surname.get(head, lexicon.MIN_WEIGHT)
        one = lists.last.get(text[start + 1], lexicon.MIN_WEIGHT) if start + 1 < len(text) else lexicon.MIN_WEIGHT
        two = lists.first.get(text[start + 1], lexicon.MIN_WEIGHT) + (
            lists.last.get(text[start + 2], lexicon.MIN_WEIGHT) if start + 2 < len(text) else lexicon.MIN_WEIGHT)
        return text[start + 1 : start + 2] == "某" or best + max(one, two) >= WEAK_MIN

    def weight(self, text: str, start: int, end: int, surname: int) -> int:
        """How name-like text[start:end] is: its surname's weight and its given characters' (lexicon.py)."""
        given = text[start + surname : end]
        if given in ANONYMOUS:
            return ANONYMOUS_WEIGHT
        lists = self.lists
        total = COMPOUND_WEIGHT if surname == 2 else lists.surname.get(text[start], lexicon.MIN_WEIGHT)
        if len(given) == 2:
            total += lists.first.get(given[0], lexicon.MIN_WEIGHT)
        return total + lists.last.get(given[-1], lexicon.MIN_WEIGHT)

    def _adults_named_after(self, text: str, end: int) -> bool:
        """What follows the name ending at end, or the list it stands in, says they are adults':
        韦海涛主持, 黄志强、覃丽华等爱心人士, …两位老师带队, 韦海涛和覃丽华是这次活动的志愿者."""
        for _ in range(MAX_LIST_LINES):
            if _starts_with(text, end, ADULT_TASKS):
                return True
            nxt = _next_in_list(text, end)
            span = self.read_forward(text, nxt) if nxt is not None else None
            if span is None:
                break
            end = span[1]
        if _adults_after(text, end):
            return True
        i = _skip(text, end, _SPACES + "，,")
        for verb in ADULT_PREDICATE:
            if text.startswith(verb, i):
                clause = i + len(verb)
                while clause < len(text) and clause - i <= 12 and text[clause] not in CLOSERS:
                    clause += 1
                said = text[i + len(verb) : clause]
                return any(w in said and "小" + w not in said for w in _ADULT_WORDS if len(w) > 1)
        return False

    def _adult_list(self, text: str, start: int) -> bool:
        """The name at start stands in a list that an adult role heads (志愿者刘伟、王芳; 指导老师：韦丽华、莫晓玲).

        The list is walked back over items that read as names, nothing else (not 黄老师说，卢俊杰…)."""
        for _ in range(MAX_LIST_LINES):
            if _ends_with_role(text, start, True) or _adult_heading(text, start):
                return True
            end = _end_of_previous(text, start)
            for length in (2, 3, 4):
                item = end - length
                if item >= 0 and self.read_forward(text, item) == (item, end) and (
                        item == 0 or not _is_han(text[item - 1]) or _ends_with_role(text, item)):
                    start = item
                    break
            else:
                return False
        return False

    def _list_lines(self, text: str, after: int) -> Iterator[int]:
        """Where names may begin in the lines after a heading (a list or a table): up to the next empty line,
        the next line holding a whole sentence, or the first with Chinese characters where none begins a
        name (the text goes on: a built page has no empty line between paragraphs)."""
        pos = text.find("\n", after) + 1
        for _ in range(MAX_LIST_LINES if pos > 0 else 0):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            line = text[pos:end]
            if line.strip(" \u3000\t\r") == "" or any(c in line for c in "。！？!?"):
                return
            starts = [_LIST_ITEM_RE.match(text, _skip(text, pos, _SPACES + _CELL_BORDERS)).end()]
            starts += [_skip(text, i + 1, _SPACES) for i in range(pos, end) if text[i] in _CELL_BORDERS]
            if any(_is_han(c) for c in text[pos:end]) and all(self.read_forward(text, s, True) is None for s in starts):
                return
            yield from starts
            pos = end + 1
            if pos > len(text):
                return

    # ---- contexts ----
    def _forward(self, text: str, start: int, heading: bool, found: dict[int, int]) -> None:
        """A name at start (after a context or a heading), and the names listed after it."""
        if start + 1 < len(text) and text[start] in LEAD_CHARS and text[start + 1] in SURNAMES:
            start += 1  # 学生代表向黄志强叔叔…: the name begins after 向
        for _ in range(MAX_LIST_LINES):
            span = self.read_forward(text, start, heading)
            if span is None or _starts_with(text, _skip(text, span[1], _SPACES), TITLES) or _adult_bracket(text, span[1]):
                return
            found.setdefault(span[0], span[1])
            start = _next_in_list(text, span[1])
            if start is None:
                return

    def _backward(self, text: str, end: int, found: dict[int, int]) -> None:
        """A name that ends at end (before a context), and the names listed before it."""
        for _ in range(MAX_LIST_LINES):
            span = self.read_backward(text, end)
            if span is None or _ends_with_role(text, span[0]):
                return
            found.setdefault(span[0], span[1])
            if span[0] == 0 or text[span[0] - 1] not in SEP_NAME:
                return
            end = span[0] - 1
            while end > 0 and text[end - 1] in _SPACES:
                end -= 1


def _in_book_title(text: str, start: int, end: int) -> bool:
    """text[start:end] overlaps a book title (《…》 of at most MAX_BOOK_TITLE characters on one line)."""
    opened = text.rfind("《", max(0, start - MAX_BOOK_TITLE - 1), end)
    if opened < 0:
        return False
    closed = text.find("》", opened + 1)
    inside = text[opened + 1 : closed]
    return closed >= start and closed - opened <= MAX_BOOK_TITLE + 1 and "\n" not in inside and "《" not in inside


def _in_famous(text: str, start: int, end: int) -> bool:
    """A famous name holds text[start:end] from its start on (司马光 → not 马光, 周恩来 → not 周恩), unless the
    reading runs on from a famous two-character name with a character that ends names (孟子涵)."""
    for at in range(max(0, start - 3), start + 1):
        for length in (4, 3, 2):
            if at + length > start and text[at : at + length] in FAMOUS:
                if not (at == start and length == 2 and end > at + 2 and text[end - 1] in NAME_END):
                    return True
    return False


def _segment(text: str, i: int) -> tuple[int, int, str]:
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
            column = sum(1 for c in text[line_start:i] if c in _CELL_BORDERS)
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
        if ch in _CELL_BORDERS:
            cells.append("".join(cell))
            cell = []
        else:
            cell.append(ch)
    return cells + ["".join(cell)]


def _names_adults(heading: str) -> bool:
    """A heading or a column header that names adults (志愿者名单, 负责老师) and no child (学生志愿者)."""
    return any(w in heading for w in _ADULT_WORDS if len(w) > 1) and not _CHILD_HEAD_RE.search(heading)


def _lists_of(text: str, spans: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Runs of two names or more that follow each other in a list (1. 韦思琪 2. 覃宇航; 韦金凤、覃美兰),
    unless adults are named by what follows the last (韦丽华、黄志强两位老师)."""
    run: list[tuple[int, int]] = []
    for span in spans + [(-1, -1)]:
        if run and _next_in_list(text, run[-1][1]) == span[0]:
            run.append(span)
            continue
        if len(run) >= 2 and not _adults_after(text, run[-1][1]):
            yield run
        run = [span]


def _adults_after(text: str, i: int) -> bool:
    """What follows a list says its names are adults' (…两位老师, …等爱心人士; not 韦小军家长, the child's)."""
    start = i = _skip(text, i, _SPACES)
    i = _skip(text, i, "等")
    while i < len(text) and (text[i] in "0123456789两" or text[i] in "一二三四五六七八九十"):
        i += 1
    if i < len(text) and text[i] in "名位个人":
        i += 1
    return i > start and _starts_with(text, i, _ADULT_WORDS)


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


def _back(cuts: list[int], index: int) -> int:
    """Where the character at `index` of the joined text stands in the original."""
    return index + sum(1 for c in cuts if c <= index)


def _ends_line(text: str, i: int) -> bool:
    """Nothing but spaces follows i on its line, or the line is a table's header (| 序号 | 姓名 |; 姓名,年级)."""
    line_start = text.rfind("\n", 0, i) + 1
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[i:line_end].strip(" \u3000\r")
    return rest == "" or rest[0] in ",，\t|｜" or _is_row(text[line_start:line_end])


def _closed_right(text: str, end: int, heading: bool = False) -> bool:
    """A context closes a reading that ends at end: one after it, or (in a list under a heading) punctuation."""
    if _AFTER_RE.match(text, end):
        return True
    return heading and (end >= len(text) or text[end] in CLOSERS)


def _starts_with(text: str, i: int, words: tuple[str, ...]) -> bool:
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


def _ends_with_any(text: str, i: int, words: tuple[str, ...]) -> bool:
    return i > 0 and any(text.endswith(w, 0, i) for w in _by_last(words).get(text[i - 1], ()))


def _ends_with(text: str, i: int, words: tuple[str, ...]) -> bool:
    """A word of two characters or more ends at i (主任 ends in 任: 主任黄志明 is not 任黄志)."""
    return i > 1 and any(len(w) > 1 and text.endswith(w, 0, i) for w in _by_last(words).get(text[i - 1], ()))


def _ends_with_role(text: str, i: int, linked: bool = False) -> bool:
    """An adult role ends right before i (志愿者李娜, 班主任：王芳), or (linked) before 是 or 有 there
    (指导老师是…, 教师有…; not 为: 志愿者为罗子墨同学辅导功课)."""
    j = i - 1 if i > 0 and (text[i - 1] in "：: " or linked and text[i - 1] in "是有") else i
    return _ends_with_any(text, j, ADULT_ROLES)


def _adult_heading(text: str, i: int) -> bool:
    """A heading before a colon right before i names adults (讲师团成员：, 获奖学生的指导老师：)."""
    j = i
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    if j == 0 or text[j - 1] not in "：:":
        return False
    begin = j - 1
    while begin > 0 and text[begin - 1] not in CLOSERS:
        begin -= 1
    return any(w in text[begin : j - 1] for w in _ADULT_WORDS if len(w) > 1)


def _adult_bracket(text: str, i: int) -> bool:
    """A bracket after a name says it is an adult's: 黄丽华（班主任）."""
    if not text.startswith(("（", "("), i):
        return False
    close = min((j for j in (text.find("）", i), text.find(")", i)) if 0 <= j - i <= 12), default=-1)
    return close > 0 and any(w in text[i:close] for w in _ADULT_WORDS if len(w) > 1)


def _end_of_previous(text: str, i: int) -> int:
    """Where the item before the list item at i ends (after a bracket that ends it: 黄丽华（班主任）、), or -1."""
    j = i
    while j > 0 and text[j - 1] in _SPACES:
        j -= 1
    if j > 0 and text[j - 1] in SEP_NAME:
        j -= 1
        while j > 0 and text[j - 1] in _SPACES:
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


def _skip(text: str, i: int, chars: str) -> int:
    while i < len(text) and text[i] in chars:
        i += 1
    return i


def _next_in_list(text: str, i: int) -> int | None:
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
    i = _skip(text, i + 1, _SPACES)
    return _LIST_ITEM_RE.match(text, i).end()  # 1. 韦思琪 2. 覃宇航; 1、罗小燕（女，9岁）；2、罗小军


@lru_cache(maxsize=1)
def detector() -> Names:
    """The detector, once per process."""
    return Names(lambda: lexicon.build(SURNAMES, NICKNAME_HEADS, COMPOUND_SURNAMES, NAME_END, MODERN_GIVEN,
                                       REGIONAL_SURNAMES))


def find(text: str) -> Iterator[Hit]:
    """Names of children in a text."""
    for start, end in detector().find(text):
        yield Hit(start, end, CODE)
