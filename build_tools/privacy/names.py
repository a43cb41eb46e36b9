"""Likely personal names in free text (a warning a reviewer must see).

A name alone is hard to tell from a word, so a finding needs two signs: a context that says
"this is a child" right next to it (学生…, 留守儿童…, …同学, …小朋友, …，9岁, …之女,
…，女，) and a name shape that jieba confirms: a token tagged as a person's name (nr, nrfg,
nrt), or a common surname standing as its own token followed by a one- or two-character
given name. jieba (about a second to load) is used only where a cheap pattern found a
surname-shaped span next to a context, so most scans never load it; its mis-tags (夏令营,
青少年, 鹿寨县, 陈述 …) are kept out by stop-lists, place-name endings and word frequency.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from .hits import Hit

SURNAMES_2 = "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 司徒 令狐 宇文 夏侯 西门 南宫 端木 独孤".split()
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤蒙农蓝滕粟侬岑"
    "甘欧凌兰麦庞易常乔施牛温康洪葛翟鲁聂伍颜左柴申祝"
)
# Words jieba tags as a name that a context can sit next to (seen on this repository's text).
STOP_WORDS = set(
    "夏令营 小学生 中学生 青少年 爸爸妈妈 留守 全体 各位 老师 校长 班主任 家长 志愿者 法律援助 文明 德育 农耕 托育 幼儿园"
    " 红绿灯 安全带 明星 许可 严格遵守 维持秩序 文明办 洪水 山洪 余震 空旷 高坡 芦笙 加粗".split()
)
TITLES = ("老师", "校长", "主任", "书记", "局长", "阿姨", "叔叔", "同学", "家长", "先生", "女士", "同志", "医生", "警官")
_PLACE_END = tuple("省市县区镇乡村街寨屯组路校园站所馆籍")

_HAN = r"[\u4e00-\u9fff]"
_PRE = (r"(?:学生|该生|留守儿童|困境儿童|儿童|孤儿|孩子|小朋友|同学|营员|学员|幼儿|患儿|学童|女孩|男孩|女童|男童|孙子|孙女|儿子|女儿"
        r"|对象|姓名|名叫)[：: ]?")
_POST = r"(?:同学|小朋友|之子|之女|[，,（( ]?[0-9一二三四五六七八九十]{1,2}岁|[，,（( ][男女][，,）) ]|的(?:父亲|母亲|爸爸|妈妈|爷爷|奶奶|外公|外婆|家长|监护人))"
_SURNAME = "(?:" + "|".join(SURNAMES_2) + "|[" + "".join(sorted(SURNAMES_1)) + "])"
# Common words that begin with a surname character and sit next to a context ("留守儿童夏令营",
# "孩子向你说", "高年级同学"): ruled out before jieba is loaded, which takes a second.
NOT_NAMES = ("夏令 夏季 夏天 向 于 马上 白天 任何 周末 周岁 农村 农民 农家 高年级 高中 温暖 康复 常规 常见 戴 方面 方法 江边 石头"
             " 金额 钱财 严禁 严格 毛巾 雷电 洪水 黎明 田野 林区 程度 易发 申请 祝福 左右 付费 余名 何时 范围 顾问 陆续 钟表"
             " 贺卡 莫要 段时间 史上 龙舟 甘甜 乔装 孟春 武术 汤圆 施工 欧美 宋体 凌晨 易于 熊猫 万一 万元").split()
_NOT = "(?!" + "|".join(NOT_NAMES) + ")"
_PRE_RE = re.compile(_PRE)
_POST_RE = re.compile(_POST)
_NAME = re.compile(rf"{_NOT}{_SURNAME}{_HAN}{{1,2}}")
_NAME_FLAGS = ("nr", "nrfg", "nrt")
_NOT_GIVEN_FLAGS = ("uj", "ul", "p", "c", "v", "r", "m", "q")  # particles, prepositions, verbs, pronouns, numbers
COMMON_WORD = 100  # jieba dictionary frequency: 陈述 763, 张贴 401, 马虎 171; 王芳 0, 美玲 3


def find(text: str) -> Iterator[Hit]:
    """Likely names of children in a text."""
    seen_end = -1
    for (begin, end), contexts in sorted(Counter(_candidates(text)).items()):
        start = _name_start(text, begin, end, both_sides=contexts > 1)
        if start is not None and start >= seen_end:
            seen_end = end
            yield Hit(start, end, "privacy/person-name")


def _name_start(text: str, begin: int, end: int, both_sides: bool) -> int | None:
    """Where the name in a candidate span begins, or None when jieba's reading says it is none."""
    line_start = text.rfind("\n", 0, begin) + 1
    line_end = text.find("\n", end)
    tokens = _tokens(text[line_start : line_end if line_end >= 0 else len(text)])
    starts = {start + line_start: i for i, (start, _, _) in enumerate(tokens)}
    for s in (begin, begin + 1):  # the name may start one character later (向王芳同学)
        i = starts.get(s)
        # A context on both sides (帮扶对象：黄家豪，男，) is enough whatever jieba makes of the name.
        if i is not None and (_is_name(tokens, i, s == begin) or both_sides and _plain(text[s:end])):
            return s
    return None


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """Spans shaped like surname + given name right after a context, or right before one."""
    for m in _PRE_RE.finditer(text):
        name = _NAME.match(text, m.end())
        if name:
            yield name.span()
    for m in _POST_RE.finditer(text):
        for begin in range(max(0, m.start() - 4), m.start() - 1):  # the longest shape first
            if _NAME.fullmatch(text, begin, m.start()):
                yield begin, m.start()
                break


def _plain(word: str) -> bool:
    """Not a stop word, a title, a place or an anonymised name."""
    return "某" not in word and word not in STOP_WORDS and not word.endswith(TITLES) and not word.endswith(_PLACE_END)


def _is_name(tokens: list[tuple[int, str, str]], i: int, at_candidate: bool) -> bool:
    """The tokens from i on look like a surname and a given name (张某某 is already anonymous).

    at_candidate: token i begins where the surname-shaped span begins (not one character on).
    """
    _, word, flag = tokens[i]
    if not _plain(word):
        return False
    if flag in _NAME_FLAGS and len(word) >= 2:
        # jieba's dictionary tags some common words as names (陈述, 张贴, 马虎): a two-character
        # "name" that is a frequent dictionary word is taken for the word.
        return not (at_candidate and len(word) == 2 and _frequency(word) >= COMMON_WORD)
    is_surname = word in SURNAMES_1 or word in SURNAMES_2
    if not is_surname or i + 1 >= len(tokens) or not (flag.startswith("n") or flag == "x"):
        return False
    _, given, given_flag = tokens[i + 1]
    return (1 <= len(given) <= 2 and re.fullmatch(f"{_HAN}+", given) is not None and "某" not in given
            and given not in STOP_WORDS and not given.endswith(TITLES) and given_flag not in _NOT_GIVEN_FLAGS)


@lru_cache(maxsize=1024)
def _tokens(line: str) -> list[tuple[int, str, str]]:
    """(start, word, POS flag) of jieba's segmentation of the line."""
    out, pos = [], 0
    for pair in _posseg().cut(line):
        out.append((pos, pair.word, pair.flag))
        pos += len(pair.word)
    return out


def _frequency(word: str) -> int:
    return _posseg().dt.tokenizer.FREQ.get(word) or 0


@lru_cache(maxsize=1)
def _posseg():
    """jieba.posseg, loaded once and only when a line needs it (it takes about a second)."""
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # jieba prints its loading steps otherwise (mkdocs' search uses it too)
    return jieba.posseg
