"""A child named in context (blocking): a name shape in a sentence that says "this is a child".

Rules and data, no model: the web form runs the same algorithm in JavaScript on the same data
(textrules.rule_data → assets/privacy-rules.json, content/assets/privacy-rules.js); the lists
and patterns are in namedata.py, the weights in lexicon.py, what reads the text around a span
(sentences, heading lines, lists, adults) in nametext.py. tests/test_privacy_parity.py runs the
corpora through both.

A name is found in one of two ways (Names.find):

1. Next to a context (strong). Contexts before a name (BEFORE: 学生, 留守儿童, 8岁的, 一等奖,
   第一小组, 兄妹俩…) and list headings (HEADING: 获奖名单：, 以下同学…：, a table header 姓名)
   say where a name begins (also a child's role at the start of a clause, 队长：…, 文艺委员：…, and a quote
   that calls an adult or answers a roll call, “老师，我会！”…, “到！”…); contexts after one (AFTER: 同学,
   ，9岁, （三年级）, ，女，, 的父母, 由奶奶照顾, 两名学生, 举手…) where it ends. There any plausible name shape counts: a surname
   (SURNAMES, COMPOUND_SURNAMES) and one or two given characters, or 某/某某. A reading is
   dropped when it is a common word (lexicon: 马上, 周末), unless contexts close it on both
   sides (学生向阳今年9岁, 龙飞同学) or a context before it and a clause about the child after it (学生江河在运动会上:
   NAME_CLAUSE, when it weighs CLAUSE_MIN); a surname and 家 (吴家的小孙子: a family); a famous person or a book title (FAMOUS, 《…》); a made-up
   name (小明（化名）); the English exercises' 李华 near 英语/课本; followed by a place, an organisation,
   a shop or a product (陆城镇, 马兰花艺术团, 李宁运动鞋; not across a verb: 韦思琪在学校); the short name of
   a county of the region, unless contexts close it (苏仙 心理健康; 学生江华同学 is a name); holds a
   character no given name has (NOT_GIVEN), ends in one that follows names (NOT_LAST), or begins
   with a title (王老师, 黄婆婆). Names listed after a name (、，和 与 及, spaces, 1. 2. markers) are names too.
2. Anywhere in a sentence that speaks of a child (weak). A sentence holding any CUE (学生, 9岁,
   三年级, 父母, 家访, 测评, 获奖, 名单…), or a line under a heading line that holds one (辅导日志：,
   ## 心理测评, a table's header row), has every name-shaped span judged by how name-like it is:
   the weights of its surname and of its given characters (lexicon.build, from the names in
   jieba's dictionary) must add up to WEAK_MIN, the reading must not begin inside a word
   (主任黄志明 is not 任黄志: lexicon's closing words), and all the exclusions above hold, with
   adults: a name after an adult role (志愿者刘伟, 司机罗建军, 股长覃海明; not a small one: 小组长) or a
   credit (撰稿：…, 摄影：…) or in a list that one heads (志愿者刘伟、王芳; 指导老师：…; 讲师团成员：…),
   followed by a title or by (班主任); no name begins inside an adult's (教师黄丽梅扎根 is not 梅扎根);
   everyday words that are names too (白雪, 雷鸣: WORD_NAMES) are names only next to a context. In a sentence without a cue, two such names
   or more in one list (1. 韦思琪 2. 覃宇航; 韦金凤、覃美兰) are names of people all the same. 小 and a surname
   standing alone in a sentence that speaks of a child is a child's nickname (和小蒙一起玩游戏; not 小李老师, 小白兔: _nickname).
A table row read alone (帮扶责任人,黄振东,县民政局,副局长) whose other cell is an adult's role or office names an
adult, in both ways (_adult_row; not a cell of the child's family: 奶奶, 监护人：外婆, nor a named teacher: 覃老师).
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
from .namedata import (
    ADULT_ORGS,
    ADULT_PREDICATE,
    ADULT_SERVES,
    ADULT_TASKS,
    ADULT_TEAMS,
    AFTER_AT,
    ANONYMOUS,
    BEFORE,
    CHILD_ROLE,
    CODE,
    COMPOUND_SURNAMES,
    COUNTIES,
    FAMILY_CELLS,
    FAMOUS,
    HEADING,
    LEAD_CHARS,
    MAX_LIST_LINES,
    MAX_ORG_GAP,
    MODERN_GIVEN,
    NAME_CLAUSE,
    NAME_END,
    NICKNAME_AFTER,
    NICKNAME_BEFORE,
    NICKNAME_HEADS,
    NOT_GIVEN,
    NOT_LAST,
    ORG_AFTER,
    PLACE_AFTER,
    PLACE_AFTER_JIA,
    PLACE_BEFORE,
    PSEUDONYM,
    REGIONAL_SURNAMES,
    ROW_BORDERS,
    ROW_OFFICE_END,
    SENTENCE_END,
    SEP_NAME,
    STORY_BEFORE,
    SURNAMES,
    TEAM_ROLES,
    TEXTBOOK_CUES,
    TEXTBOOK_NAMES,
    TEXTBOOK_NEAR,
    TITLES,
    WORD_NAMES,
)
from .nametext import (
    ADULT_WORDS,
    CELL_BORDERS,
    CLOSERS,
    LIST_ITEM_RE,
    SPACES,
    adult_bracket,
    adult_heading,
    adults_after,
    back,
    closed_right,
    credited,
    end_of_previous,
    ends_line,
    ends_with,
    ends_with_any,
    ends_with_role,
    in_book_title,
    in_famous,
    is_han,
    join_split,
    line_near,
    lists_of,
    next_in_list,
    segment,
    skip,
    starts_with,
)

__all__ = ["CODE", "SURNAMES", "COMPOUND_SURNAMES", "NICKNAME_HEADS", "Names", "detector", "find"]

# How name-like a span in a sentence that speaks of a child must be: its surname's weight and its
# given characters' (王 +8, 芳 +7, 琪 +9; 常 +1, 兴 +3), summed. Chosen in the gap the corpora show:
# the name-shaped spans of their negatives that pass every other check weigh 7 at most (岳麓, 向家长),
# the names of their positives found only this way 11 or more (黄雨, 程家宝; all but one), most 14 or more.
WEAK_MIN = 10
ANONYMOUS_WEIGHT = WEAK_MIN  # 黄某某 in such a sentence: the surname is still told
# …and a name whose surname ends a word with the context before it (学生姜博文: 生姜) must be clearly
# name-like: 姜博文 weighs 16, 姜汤 11 and 姜汤驱 10.
INSIDE_WORD_MIN = 14
COMPOUND_WEIGHT = 6
# …and an everyday word that a clause about a child goes on after (学生江河在运动会上: NAME_CLAUSE) must weigh this
# much to be read as a name: 江河 weighs 4, 高山 6, 向阳 8; 安全, 温暖, 金钱 3 (儿童安全在学校工作中…).
CLAUSE_MIN = 4
_HEADS = set(SURNAMES) | {c[0] for c in COMPOUND_SURNAMES}
_BEFORE_RE = re.compile(BEFORE)
_AFTER_AT_RE = re.compile(AFTER_AT)
_HEADING_RE = re.compile(HEADING)
_NAME_CLAUSE_RE = re.compile(NAME_CLAUSE)
_CHILD_ROLE_RE = re.compile(CHILD_ROLE)
# Where the second way tries a name: a surname before a Chinese character that can begin a given name.
CANDIDATE = "[" + "".join(sorted(_HEADS)) + "](?![" + NOT_GIVEN + "])(?=[\u4e00-\u9fff])"
_CANDIDATE_RE = re.compile(CANDIDATE)
_COUNTIES = frozenset(COUNTIES)
_LONG_TITLES = tuple(t for t in TITLES if len(t) > 1)
_ADULT_SERVES_RE = re.compile(ADULT_SERVES)


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
            if start >= last_end and not self._adult_row(text, start):
                kept.append((back(cuts, start), back(cuts, found[start] - 1) + 1))
                last_end = found[start]
        return kept

    # ---- the two ways ----
    def _strong(self, text: str, found: dict[int, int]) -> None:
        """Names next to a context: after one (BEFORE) or a heading (HEADING), before one (AFTER)."""
        for m in _BEFORE_RE.finditer(text):
            if text.startswith(TEAM_ROLES, m.start()) and self._adults_team(text, m.start()):
                continue  # 队长黄志勇带领救援队员…: an adults' team
            if text[m.end() - 1 : m.end() + 1] not in self.lists.closing or self._weighs(text, m.end()):
                self._forward(text, m.end(), False, found)  # 学生姜汤: 生姜 is a word; 学生姜博文 a name
        for m in _AFTER_AT_RE.finditer(text):
            self._backward(text, m.end(), found)
        for m in _HEADING_RE.finditer(text):
            if ends_with_role(text, m.start()) and not text.startswith("点名", m.start()):
                continue  # 志愿者名单： (not 老师点名：, the children called)
            start = skip(text, m.end(), SPACES)
            if self.read_forward(text, start, True) is not None:
                self._forward(text, start, True, found)  # 获奖名单：张小明、李华
            elif ends_line(text, m.end()):
                for line_start in self._list_lines(text, m.end()):
                    self._forward(text, line_start, True, found)

    def _weak(self, text: str, found: dict[int, int]) -> None:
        """Every name-like span of a sentence that speaks of a child; in other sentences, lists of them."""
        after = 0
        segments: dict[int, tuple[int, str, list[tuple[int, int]]]] = {}  # begin → (end, whose names, names)
        for m in _CANDIDATE_RE.finditer(text):
            i = m.start()
            if i < after or i in found or not self._may_weigh(text, i):
                continue
            judged = self.judge(text, i)
            if judged is None:
                continue
            after = judged[1]  # an adult's name too: 教师黄丽梅扎根… is not also 梅扎根
            if not judged[2]:
                continue
            span = judged[0], judged[1]
            begin, end, who = segment(text, i)
            segments.setdefault(begin, (end, who, []))[2].append(span)
        for _, who, spans in segments.values():
            for run in [spans] if who == "child" else [] if who == "adult" else lists_of(text, spans):
                for start, end in run:
                    found.setdefault(start, end)
        i = text.find("小")
        while i >= 0:
            if i not in found and self._nickname(text, i) and segment(text, i)[2] == "child":
                found.setdefault(i, i + 2)  # 我们班的小潘特别爱看书，是个懂事的孩子
            i = text.find("小", i + 1)

    def _nickname(self, text: str, i: int) -> bool:
        """小 and a surname at i stand alone for one child (NICKNAME_BEFORE, NICKNAME_AFTER): not a word (小康, 小麦),
        nor an adult's (小李老师), nor a place's or a thing's (小马村)."""
        j = i + 2
        if j > len(text) or text[i + 1] not in SURNAMES:
            return False
        if i > 0 and is_han(text[i - 1]) and text[i - 1] not in NICKNAME_BEFORE:
            return False
        if j < len(text) and is_han(text[j]) and (text[j] in PLACE_AFTER or text[j] not in NOT_GIVEN
                                                  and text[j] not in NOT_LAST and not starts_with(text, j, NICKNAME_AFTER)):
            return False
        if any(text[i:k] in self.lists.common for k in range(j, min(len(text), i + 4) + 1)):
            return False
        if starts_with(text, skip(text, j, SPACES), TITLES) or adult_bracket(text, j):
            return False
        return not self._thing(text, i, j)

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
        if given == "家":
            return False  # 吴家的小孙子, 罗家两个孩子: a family, not a name
        if any(not is_han(c) or c in NOT_GIVEN or c == "某" for c in given):
            return False
        word, lists = text[start:end], self.lists
        if word in FAMOUS or starts_with(text, start + surname, TITLES):
            return False
        if len(given) == 1 and given in SURNAMES and starts_with(text, end, TITLES):
            return False  # 向覃阿姨问好: the title is 覃's
        if word in lists.common and not (closed and len(given) == 1 and word not in lists.fixed):
            return False
        if any(text[start:k] in lists.common for k in range(end + 1, min(len(text), start + 4) + 1)):
            return False  # 小朋友 is not 小朋, 向日葵 not 向日, 龙飞凤舞 not 龙飞凤
        if len(given) == 2:
            if starts_with(text, end - 1, _LONG_TITLES):
                return False  # 韩麦尔先生 is not 麦尔先: a title begins at its last character
            if (given[1] in NOT_LAST and not ended) or (given[0] == "家" and given[1] in PLACE_AFTER_JIA):
                return False
            # 黄色安全帽, 高中毕业: the first two characters are a word and the third begins the next;
            # the third ends a name (方子轩) unless it begins a word with what follows (祝福远方); where the two are
            # never a name (白天, 夏天), only when contexts close the reading (学生夏天阳的父母).
            head = text[start : start + surname + 1]
            if head in lists.common and (given[1] not in NAME_END or head in lists.fixed and not closed
                                         or text[end - 1 : end + 1] in lists.opening):
                return False
        return True

    @staticmethod
    def _thing(text: str, start: int, end: int) -> bool:
        """text[start:end] is not a person's name: a famous name or book title holds it, it is made up
        (化名), a textbook's exercise names it (英语作文：假如你是李华), or a place or an organisation ends a word
        or two later (马兰花艺术团)."""
        if in_book_title(text, start, end) or in_famous(text, start, end):
            return True
        if text[start:end] in TEXTBOOK_NAMES and line_near(text, start, end, TEXTBOOK_CUES, TEXTBOOK_NEAR):
            return True  # 假如你是李华, 英语课本里的李华
        if starts_with(text, skip(text, end, SPACES), PSEUDONYM):
            return True
        for at in range(start + 2, end + MAX_ORG_GAP + 1):
            if at > len(text) or (at > end and (not is_han(text[at - 1]) or text[at - 1] in NOT_GIVEN)):
                break  # what stands between is part of the organisation's name (马兰花), not a verb (韦思琪在学校)
            if starts_with(text, at, ORG_AFTER):
                return True  # 马兰花艺术团, 高峰林场
        return False

    def read_forward(self, text: str, start: int, heading: bool = False,
                     context: bool = False) -> tuple[int, int] | None:
        """The name that begins at start, longest reading first (heading: in a list under one, where
        punctuation closes a reading as a context after it does; context: after a context or a heading, where
        what a clause about a child goes on with does too, NAME_CLAUSE; see plausible)."""
        readings = self._readings(text, start)
        if any(end < len(text) and (text[end] in PLACE_AFTER or text[end - 1] == "家" and text[end] in PLACE_AFTER_JIA)
               for end, _ in readings):
            return None  # 陆城镇, 张谷英村, 陈家巷: a place (the shorter reading too)
        for end, surname in readings:
            shut = closed_right(text, end, heading) or (context and _NAME_CLAUSE_RE.match(text, end) is not None
                                                        and self.weight(text, start, end, surname) >= CLAUSE_MIN)
            if not shut and self._county(text, start, end):
                continue  # 苏仙 心理健康, 金秀 瑶族孩子们 (学生江华同学 is a name: contexts close it)
            if self.plausible(text, start, end, surname, shut) and not self._thing(text, start, end):
                return start, end
        return None

    @staticmethod
    def _county(text: str, start: int, end: int) -> bool:
        """text[start:end] is the short name of a county of the region, or one and a character that ends no name
        (苏仙心: not 龙山峰)."""
        return text[start:end] in _COUNTIES or (end - start == 3 and text[start : start + 2] in _COUNTIES
                                                and text[end - 1] not in NAME_END)

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
    def judge(self, text: str, start: int) -> tuple[int, int, bool] | None:
        """(start, end, True): the name at start, when it is name-like enough and nothing says it is an adult's or
        a word; (start, end, False): an adult's name (the next name cannot begin inside it); None: no name."""
        if start > 0 and text[start - 1 : start + 1] in self.lists.closing:
            return None  # 主任黄…, 上周…, 工程…: the surname character ends a word
        if ends_with(text, start + 1, ADULT_WORDS) or ends_with_any(text, start, PLACE_BEFORE):
            return None  # 主任黄…: not 任黄…; 赴林芝
        span = self.read_forward(text, start)
        if span is None:
            return None
        if ends_with_any(text, start, STORY_BEFORE):
            return span[0], span[1], False  # 故事里的周小舟, 课本里的韩麦尔先生
        if ends_with_role(text, start, True) or credited(text, start):
            return span[0], span[1], False  # 志愿者李娜, 指导老师是…, 撰稿：…
        if starts_with(text, skip(text, span[1], SPACES), TITLES) or adult_bracket(text, span[1]):
            return span[0], span[1], False  # 黄丽华老师, 黄丽华 老师, 黄丽华（班主任）
        if self._adult_list(text, start) or self._adults_named_after(text, span[1]):
            return span[0], span[1], False
        for end, surname in self._readings(text, start):
            if text[start : start + 2] in WORD_NAMES and (end - start == 2 or text[end - 1] not in NAME_END):
                continue  # 白雪覆盖了校园: a word, where no context says a name stands (白雪晴 may be a name)
            if end <= span[1] and self.plausible(text, start, end, surname):
                if self.weight(text, start, end, surname) >= WEAK_MIN:
                    return start, end, True
        return None

    def _adult_row(self, text: str, i: int) -> bool:
        """The line around i is a table's row (three cells or more, apart by ROW_BORDERS) and a cell other than i's
        is an adult's role or office, not a name nor the child's family (1\t韦国强\t驻村第一书记\t县农业农村局)."""
        line_start = text.rfind("\n", 0, i) + 1
        line_end = text.find("\n", i)
        line_end = len(text) if line_end < 0 else line_end
        if not any(c in ROW_BORDERS for c in text[line_start:line_end]):
            return False
        cells, cell, column = [], [], 0
        for k in range(line_start, line_end):
            if text[k] in ROW_BORDERS:
                cells.append("".join(cell))
                cell = []
                column += k < i
            else:
                cell.append(text[k])
        cells.append("".join(cell))
        if len(cells) < 3:
            return False
        for k, raw in enumerate(cells):
            cell = raw.strip(" \u3000\r")
            if k == column or cell == "" or "：" in cell or ":" in cell or "监护" in cell:
                continue
            if ends_with_any(cell, len(cell), FAMILY_CELLS) and not cell.startswith("代理"):
                continue
            if any(m.end() == len(cell) for m in _CHILD_ROLE_RE.finditer(cell)):
                continue  # 1,韦思琪,三年级,体育委员: a child's role
            if cell[0] in SURNAMES and cell[1:] in TITLES:
                continue  # 3,黄梓涵,五年级,覃老师: the teacher of a child's row, named, is no role of the row's name
            role = (ends_with(cell, len(cell), ADULT_WORDS) or ends_with_any(cell, len(cell), ADULT_ORGS)
                    or cell[-1] in ROW_OFFICE_END)
            if role and self.read_forward(cell, 0) is None:
                return True
        return False

    @staticmethod
    def _adults_team(text: str, i: int) -> bool:
        """The sentence around i speaks of a team of adults (救援, 消防, 村民…): its 队长 is not a child's."""
        begin = max(text.rfind(c, 0, i) for c in SENTENCE_END) + 1
        ends = [j for j in (text.find(c, i) for c in SENTENCE_END) if j >= 0]
        return any(w in text[begin : min(ends) if ends else len(text)] for w in ADULT_TEAMS)

    def _weighs(self, text: str, start: int) -> bool:
        """The name read at start is clearly name-like (姜博文, not 姜汤: INSIDE_WORD_MIN)."""
        span = self.read_forward(text, start)
        if span is None:
            return False
        surname = 2 if span[1] - start > 2 and text[start : start + 2] in COMPOUND_SURNAMES else 1
        return self.weight(text, start, span[1], surname) >= INSIDE_WORD_MIN

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
        韦海涛主持, 韦海涛为孩子们讲故事, 黄志强、覃丽华等爱心人士, …两位老师带队, 韦海涛和覃丽华是这次活动的志愿者."""
        for _ in range(MAX_LIST_LINES):
            if starts_with(text, end, ADULT_TASKS) or _ADULT_SERVES_RE.match(text, end):
                return True  # 韦海涛主持, 韦海涛为孩子们…
            nxt = next_in_list(text, end)
            span = self.read_forward(text, nxt) if nxt is not None else None
            if span is None:
                break
            end = span[1]
        if adults_after(text, end):
            return True
        i = skip(text, end, SPACES + "，,")
        for verb in ADULT_PREDICATE:
            if text.startswith(verb, i):
                clause = skip(text, i + len(verb), "“\"「『")  # 称覃海燕为“覃妈妈”, 是留守儿童的“代理爸爸”
                while clause < len(text) and clause - i <= 12 and (text[clause] not in CLOSERS or text[clause] in "“”"):
                    clause += 1
                said = text[i + len(verb) : clause]
                return any(w in said and "小" + w not in said for w in ADULT_WORDS if len(w) > 1)
        return False

    def _adult_list(self, text: str, start: int) -> bool:
        """The name at start stands in a list that an adult role heads (志愿者刘伟、王芳; 指导老师：韦丽华、莫晓玲).

        The list is walked back over items that read as names, nothing else (not 黄老师说，卢俊杰…)."""
        for _ in range(MAX_LIST_LINES):
            if ends_with_role(text, start, True) or credited(text, start) or adult_heading(text, start):
                return True
            end = end_of_previous(text, start)
            for length in (2, 3, 4):
                item = end - length
                if item >= 0 and self.read_forward(text, item) == (item, end) and (
                        item == 0 or not is_han(text[item - 1]) or ends_with_role(text, item) or credited(text, item)):
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
            starts = [LIST_ITEM_RE.match(text, skip(text, pos, SPACES + CELL_BORDERS)).end()]
            starts += [skip(text, i + 1, SPACES) for i in range(pos, end) if text[i] in CELL_BORDERS]
            if any(is_han(c) for c in text[pos:end]) and all(self.read_forward(text, s, True) is None for s in starts):
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
            span = self.read_forward(text, start, heading, True)
            if span is None or starts_with(text, skip(text, span[1], SPACES), TITLES) or adult_bracket(text, span[1]):
                return
            found.setdefault(span[0], span[1])
            start = next_in_list(text, span[1])
            if start is None:
                return

    def _backward(self, text: str, end: int, found: dict[int, int]) -> None:
        """A name that ends at end (before a context), and the names listed before it."""
        for _ in range(MAX_LIST_LINES):
            span = self.read_backward(text, end)
            if span is None or ends_with_role(text, span[0]):
                return
            found.setdefault(span[0], span[1])
            if span[0] == 0 or text[span[0] - 1] not in SEP_NAME:
                return
            end = span[0] - 1
            while end > 0 and text[end - 1] in SPACES:
                end -= 1


@lru_cache(maxsize=1)
def detector() -> Names:
    """The detector, once per process."""
    return Names(lambda: lexicon.build(SURNAMES, NICKNAME_HEADS, COMPOUND_SURNAMES, NAME_END, MODERN_GIVEN,
                                       REGIONAL_SURNAMES))


def find(text: str) -> Iterator[Hit]:
    """Names of children in a text."""
    for start, end in detector().find(text):
        yield Hit(start, end, CODE)
