"""Words that begin with a surname character, and how name-like a character is, from jieba's dictionary.

A child's name is a surname and one or two more characters; so are 马上, 黄山, 周末, 高年级.
jieba's dictionary (about 350,000 words with a frequency and a part-of-speech tag, shipped
inside the pinned package) knows the words: every word of two or three characters that
begins with one of our surnames, is used at least MIN_FREQUENCY times and is not tagged as a
person's name is a common word, not a name. jieba tags some everyday words as names (陈述,
谢谢, 顾问) and real given names as words, so two hand lists correct it: TAGGED_AS_NAME holds
the frequent "name"-tagged words that are everyday words, NOT_WORDS the dictionary words that
are given names children have (a word list that hid them would hide the children).

How name-like a character is comes from the same file (build): jieba's three-character entries
tagged nr that begin with one of our surnames are about 33,000 names of people; a character's
weight as the first given character, as the last (or only) one, and as a surname is twice the
natural log of how much more often it stands there than in text at large (every word of the
dictionary, counted by its frequency), rounded: 婷 and 琪 weigh +8 and +9 last, 的 -7, 们 -10.
jieba's names are mostly of adults and of the past, so the characters of children's names today
(涵 轩 梓 萱 睿 诺…) are raised to at least MODERN_WEIGHT by a hand list (namedata.MODERN_GIVEN),
and the surnames of the region that jieba barely knows (侬, 禤) weigh REGIONAL_SURNAME_WEIGHT. The
same pass lists the words of two characters that end in a surname character (主任, 上周, 工程,
杨梅: a reading cannot begin inside one, 主任黄志明 is not 任黄志), those that begin with a
character that ends names (远方: 祝福远方 is not 祝福远), four-character words that begin with a
surname (龙飞凤舞), and the common words that are not nouns nor names (白天, 马上: never a name,
even between two contexts).

All of it is built once per process (about half a second) and only when a text first needs it;
the web form receives the same lists (textrules.rule_data), so both sides decide alike.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MIN_FREQUENCY = 3
# Words tagged nr ("person's name") with at least this frequency are mostly everyday words or
# the famous (陈述 763, 张贴 401, 高明 791, 曹操 2410); the few given names among them are in NOT_WORDS.
NAME_TAGGED_COMMON = 150
_NAME_TAGS = ("nr", "nrfg", "nrt")

# Frequent dictionary entries that are also ordinary given names of children (李娜 438, 王明 368).
NOT_WORDS = frozenset(
    "李娜 王明 王平 李俊 张宁 刘翔 高强 李铁 李强 康宁 李珊 胡佳 杨维 乔红 李成 张华 李华 王刚 李明 王芳 张伟 王伟 李伟"
    " 刘洋 王军 李军 张军 王磊 李磊 张磊 王勇 李勇 张勇 王杰 李杰 张杰 王静 李静 张静 王丽 李丽 张丽 王敏 李敏 张敏"
    " 王燕 李燕 王霞 李霞 王浩 李浩 王欣 李欣 王悦 李悦 王宇 李宇 张宇 王鑫 李鑫 王超 李超 张超 金星 江山 田野 高峰"
    " 黎明 白雪 蓝天 高翔 石磊 程程 丁丁 乐乐 方圆 韦小宝 张扬 周全 凌云 高远 雷鸣 洪亮 林立".split()
)
# Everyday words that jieba tags as names less often than NAME_TAGGED_COMMON, or does not have.
TAGGED_AS_NAME = frozenset(
    "贺卡 汤圆 易懂 余名 付费 莫要 史上 甘甜 万元 万名 万人 余人 余位 余个 高三 高二 高一 初一 初二 初三 马虎 白白 许可"
    " 周全 易受 常说 钟表 夏令营 夏令 毛毛 严冬 胡来 胡言 顾盼 杜撰 谢幕 高升 林荫 杨梅 张狂 高攀 麦苗 白塔 白兔 汤水"
    " 易燃 付清 龙虎 牛群 贺信 高清 常客 万全 贺礼 莫如 万贯 严词 余裕 顾惜 余晖 白鹭 甘霖 温雅 洪钟 余光 黄叶 康健"
    " 康乐 温馨 温顺 祝福 祝贺 高昂 严正 陈旧 陈列 陈设 蓝图 钱财 苏醒 钟爱 万幸 熊熊 雷声 雷雨 金黄 白云 黄鹤楼"
    " 石家庄 张家界 张家口 张家港 秦皇岛 黄金周 农家乐 高中生 陈列室 陈列馆 申请人 申请书 常见病 高水平 马拉松 龙卷风"
    " 白皮书 白话文 胡萝卜 杜鹃花 金字塔 许可证 石狮子 雷阵雨 高新区 白玉兰 顾问团 段时间 岳阳".split()
)

# Kinship and everyday words for people that begin with a surname or a nickname head: never a name, even
# between two contexts (孙女今年上三年级了, 小孩今年5岁), where the dictionary tags them as nouns.
KIN_WORDS = frozenset("孙女 孙子 孙儿 孙辈 曾孙 曾祖 小孩 小伙 阿姨 阿婆 阿公 阿爸 阿妈 阿爹 阿奶".split())


def jieba_dictionary() -> Path:
    """jieba's main dictionary file (word frequency tag, one a line), found without importing jieba (0.3 s)."""
    import importlib.util

    return Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"


# How name-like a character is: the weights are integers (the form's engine adds the same numbers).
WEIGHT_SCALE = 2  # weight = round(WEIGHT_SCALE × ln(share among given names / share in text))
MAX_WEIGHT = 8
MIN_WEIGHT = -8  # also the weight of a character no name of the dictionary holds
MODERN_WEIGHT = 4
# A surname character no three-character name of the dictionary begins with (侬, 禤: regional
# surnames jieba barely knows) weighs this; the others weigh at least 0 (农 would be -1: 农村).
REGIONAL_SURNAME_WEIGHT = 4
CLOSING_FREQUENCY = 100  # a word ending in a surname character this frequent is a word, not a name's start
OPENING_FREQUENCY = 100  # …and one beginning with a character that ends names (远方, 雪原)
IDIOM_FREQUENCY = 20  # four-character words (龙飞凤舞) that begin with a surname
# Tags of words that stay words even between two contexts (白天, 马上, 万里: time, adverb, number, verb…).
_NAME_LIKE_TAGS = ("n", "nr", "nrfg", "nrt", "ns", "nz", "nt", "a", "an", "j")


@dataclass(frozen=True)
class Lexicon:
    """What the name detector reads from jieba's dictionary."""

    common: frozenset[str]  # words of two to four characters that begin with a surname (马上, 黄山, 龙飞凤舞)
    fixed: frozenset[str]  # …of them, surname and one character that are never a name (白天, 马上: not nouns nor names)
    closing: frozenset[str]  # two-character words that end in a surname character (主任, 上周, 生姜)
    opening: frozenset[str]  # two-character words that begin with a character ending names (远方, 雪原)
    first: dict[str, int]  # weight of each character seen first of two given characters (思 of 韦思琪)
    last: dict[str, int]  # …and last, or alone (琪 of 韦思琪, 芳 of 王芳)
    surname: dict[str, int]  # weight of each surname character


def build(surnames: str, heads: str, compounds: tuple[str, ...], name_end: str, modern: str, regional: str) -> Lexicon:
    """The lists and weights, in one pass over the dictionary (about half a second).

    surnames: the surname characters; heads: other characters that begin a name (小, 阿);
    compounds: compound surnames; name_end: characters that end given names; modern: characters
    of children's given names today (raised to MODERN_WEIGHT); regional: surnames of the region
    (raised to REGIONAL_SURNAME_WEIGHT).
    """
    starts, ends, compound_heads = set(surnames) | set(heads), set(surnames), {c[0] for c in compounds}
    common, fixed, opening = set(TAGGED_AS_NAME) | KIN_WORDS, set(KIN_WORDS), set()
    closing = {w for w in KIN_WORDS if w[-1] in surnames}  # 曾孙刚满一岁: no name begins inside a kinship word
    first, last, surname, text = Counter(), Counter(), Counter(), Counter()
    for line in jieba_dictionary().open(encoding="utf-8"):
        word, frequency, tag = line.split()
        count = int(frequency)
        for ch in word:
            text[ch] += count
        if len(word) == 2 and tag not in _NAME_TAGS:
            if word[1] in ends and count >= CLOSING_FREQUENCY:
                closing.add(word)
            if word[0] in name_end and count >= OPENING_FREQUENCY:
                opening.add(word)
        elif len(word) == 2 and word[1] in ends and (count >= NAME_TAGGED_COMMON or word in TAGGED_AS_NAME):
            closing.add(word)  # 杨梅 (jieba tags it a name): 杨梅山 is not 梅山
        if tag == "nr" and len(word) == 3 and word[0] in ends:
            first[word[1]] += 1
            last[word[2]] += 1
            surname[word[0]] += 1
        if word[0] in starts or word[0] in compound_heads:
            if _common(word, count, tag, starts, compounds):
                common.add(word)
                if tag not in _NAME_LIKE_TAGS and (len(word) == 2 or len(word) == 3 and word[:2] in compounds):
                    fixed.add(word)  # only a surname and one character are ever asked about
    first_weights, last_weights = _weights(first, text), _weights(last, text)
    for weights in (first_weights, last_weights):
        for ch in modern:
            weights[ch] = max(weights.get(ch, MIN_WEIGHT), MODERN_WEIGHT)
    surname_weights = _weights(surname, text)
    floor = {ch: REGIONAL_SURNAME_WEIGHT if ch in regional or ch not in surname_weights else 0 for ch in surnames}
    return Lexicon(frozenset(common), frozenset(fixed), frozenset(closing), frozenset(opening), first_weights,
                   last_weights, {ch: max(floor[ch], surname_weights.get(ch, 0)) for ch in surnames})


def _common(word: str, count: int, tag: str, starts: set[str], compounds: tuple[str, ...]) -> bool:
    """A word of the dictionary that is a common word, not a name (see the module's docstring)."""
    compound = word[:2] in compounds
    if word in NOT_WORDS or not (word[0] in starts or compound) or not 2 <= len(word) <= 4:
        return False
    if len(word) == 4 and not compound:
        return count >= IDIOM_FREQUENCY  # 龙飞凤舞 (jieba tags even this a name)
    if tag in _NAME_TAGS:
        return len(word) == 2 and count >= NAME_TAGGED_COMMON
    return count >= MIN_FREQUENCY


def _weights(counted: Counter, text: Counter) -> dict[str, int]:
    total, text_total = sum(counted.values()), sum(text.values())
    out = {}
    for ch, n in counted.items():
        ratio = ((n + 0.5) / total) / ((text[ch] + 1) / text_total)
        out[ch] = max(MIN_WEIGHT, min(MAX_WEIGHT, round(WEIGHT_SCALE * math.log(ratio))))
    return out
