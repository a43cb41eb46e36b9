"""Words that begin with a surname character, derived from jieba's dictionary when first needed.

A child's name is a surname and one or two more characters; so are 马上, 黄山, 周末, 高年级.
jieba's dictionary (about 350,000 words with a frequency and a part-of-speech tag, shipped
inside the pinned package) knows the words: every word of two or three characters that
begins with one of our surnames, is used at least MIN_FREQUENCY times and is not tagged as a
person's name is a common word, not a name. jieba tags some everyday words as names (陈述,
谢谢, 顾问) and real given names as words, so two hand lists correct it: TAGGED_AS_NAME holds
the frequent "name"-tagged words that are everyday words, NOT_WORDS the dictionary words that
are given names children have (a word list that hid them would hide the children).

The list is built once per process (about a second) and only when a line has a child context
next to a surname; the web form receives the same list (textrules.rule_data), so both sides
decide alike.
"""

from __future__ import annotations

from functools import lru_cache
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


def jieba_dictionary() -> Path:
    """jieba's main dictionary file (word frequency tag, one a line), found without importing jieba (0.3 s)."""
    import importlib.util

    return Path(importlib.util.find_spec("jieba").origin).parent / "dict.txt"


@lru_cache(maxsize=4)
def common_words(surnames: frozenset[str], compounds: frozenset[str]) -> frozenset[str]:
    """Common words of two to four characters that begin with one of the surnames.

    Four-character words only after a compound surname (欧阳, 司马): only there is a name four long.
    """
    found = set(TAGGED_AS_NAME)
    heads = {c[0] for c in compounds}
    with jieba_dictionary().open(encoding="utf-8") as lines:
        for line in lines:
            if line[0] not in surnames and line[0] not in heads:
                continue
            word, frequency, tag = line.split()
            longest = 4 if word[:2] in compounds else 3
            if word[0] not in surnames and word[:2] not in compounds:
                continue
            if not 2 <= len(word) <= longest or word in NOT_WORDS:
                continue
            count = int(frequency)
            if tag in _NAME_TAGS:
                if len(word) == 2 and count >= NAME_TAGGED_COMMON:
                    found.add(word)
            elif count >= MIN_FREQUENCY:
                found.add(word)
    return frozenset(found)
