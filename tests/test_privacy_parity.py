"""The web form blocks what `check` blocks: the same corpus through the Python rules and the form's engine.

The engine (content/assets/privacy-rules.js) runs in node: the same V8 regex engine as the
Chromium the form is used in, one process for the whole corpus (a second), no page to serve.
tests/test_form.py checks in Chromium that the form loads the engine and the rule data and
refuses a record that names a child. The corpus: every name corpus (tests/privacy_samples/_corpus*),
the samples of every text rule, and hostile strings (astral characters, empty lines, long lists,
headings over lists and tables, names written apart).
"""

import json
import re
import subprocess
from pathlib import Path

import pytest

from build_tools import ROOT
from build_tools.privacy import textrules
from tests.corpus_run import sentences

SAMPLES = Path(__file__).parent / "privacy_samples"
ENGINE = ROOT / "content/assets/privacy-rules.js"
RUNNER = """
const fs = require("fs");
const engine = require(process.argv[1]).compile(JSON.parse(fs.readFileSync(process.argv[2], "utf8")));
const texts = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
process.stdout.write(JSON.stringify(texts.map(t => engine.find(t).map(h => [h.code, h.start, h.end]))));
"""
HOSTILE = [
    "", "\n\n", "学生", "学生王", "王芳同学" * 200, "获奖名单：\n" + "\n".join(f"- 王{c}明" for c in "一二三四五六七八九") + "\n\n后记",
    "学生😀王芳同学", "𠀀学生王芳，9岁", "| 姓名 | 性别 |\n| --- | --- |\n| 张小明 | 男 |\n| 李华 | 女 |",
    "出生日期：2015年3月4日\n家住白泥湖村三组12号\n李娜同学的照片见附件",
    "王芳（三年级）、李明（四年级）、赵雷（五年级同学",
    # the second way: headings over lists and tables, lists of names, names written apart, adults, things
    "辅导日志：\n11月28日 罗俊熙 语文\n12月5日 韦小燕 数学\n\n12月6日 黄志强 讲座",
    "## 心理测评\n| 序号 | 结果 |\n| 1 | 黄梓萱 焦虑偏高 |\n\n| 2 | 覃丽华 |",
    "1. 韦思琪 2. 覃宇航 3. 黄俊熙", "①黄雨萱 ②韦子豪；志愿者刘伟、王芳、李强负责签到。", "讲师团成员：唐志明、韩丽娟",
    "学生 韦·春花 今年9岁。李 娜 同学、欧阳 娜，女，8岁；覃 思 琪", "韦·", "李 ", "《淘气包马小跳》的作者杨红樱；《韦思琪",
    "孩子们讲述了司马光砸缸、孔融让梨的故事，孟子涵同学也来了。", "小明（化名）今年10岁。小雨(化名)，9岁",
    "家访记录：走访韦思琪家，该生父母在广东务工。" * 30, "学生们参观了马兰花艺术团和高峰林场，赴林芝，到陈家巷。",
    "黄丽华（班主任）、覃志强（副校长）、韦思源（三年级）", "感谢韦丽华、黄志强两位老师", "一等奖罗雨婷，二等奖韦嘉乐、蒙思雨",
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗" * 3 + "学生", "学生于洋跟奶奶住，孩子白天由奶奶照看",
    "| 活动 | 学生人数 | 负责老师 |\n| --- | --- | --- |\n| 防溺水 | 36 | 黄志强 |\n| 消防 | 40 | 覃丽华 | 韦思琪 |",
    "## 志愿者名单\n\n黄志强、覃丽华、韦海涛\n\n孩子韦思琪说，黄梓涵、覃浩宇很想家。\n## 学生志愿者\n\n黄梓涵、覃浩宇",
    "指导老师：\n黄丽华、覃志强\n家访人员：黄丽华\n\n心理测评：\n黄梓萱 焦虑\t韦思琪\n|",
    "姓名,年级\n张小明,三年级\n李华,四年级\n\n获奖名单 \n韦思琪\n学生须知：\n蓝天救援队为学生讲解。\n王芳\n",
]


def corpus() -> list[str]:
    texts = [s for folder in sorted(SAMPLES.glob("_corpus*")) for f in ("positives.txt", "negatives.txt")
             for _, s in sentences(folder / f)]
    for path in sorted(SAMPLES.glob("[!_]*/*.txt")):
        texts += [s for _, s in sentences(path)]
    return texts + HOSTILE


def test_the_form_finds_what_the_scanner_finds(tmp_path):
    texts = corpus()
    (tmp_path / "data.json").write_text(json.dumps(textrules.rule_data(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "texts.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", "-e", RUNNER, str(ENGINE), str(tmp_path / "data.json"), str(tmp_path / "texts.json")],
                         capture_output=True, text=True, check=True).stdout
    in_js = [[tuple(h) for h in hits] for hits in json.loads(out)]
    in_python = [textrules.find_all(t) for t in texts]
    differ = [(t, p, j) for t, p, j in zip(texts, in_python, in_js, strict=True) if p != j]
    assert differ == []
    assert sum(map(bool, in_python)) > 300  # the corpus does exercise the rules


# Regex features that Python's re and ECMAScript (flag u) read differently, or only one reads;
# outside character classes also ".", "^" and "$" (which match differently at line ends).
NOT_PORTABLE = re.compile(r"\\[sSdDwWbBAZ]|\(\?P|\(\?[aiLmsux]|\(\?#|\{,"
                          r"|\\[^\\/^$.*+?()\[\]{}|\-ntrfvux0-9]")  # flag u refuses other escapes (\")
_CLASS = re.compile(r"\[(?:\\.|[^\]\\])*\]|\\.")


@pytest.mark.parametrize("name, pattern", [
    *[(r["code"], r[k]) for r in textrules.RULES_DATA for k in ("pattern", "near", "unless") if k in r],
    *[(f"names.{k}", v) for k, v in textrules.rule_data()["names"].items()
      if k in ("before", "after", "afterAt", "heading", "listItem", "cue", "childHead", "candidate", "splitAt", "split")],
])
def test_patterns_keep_to_the_shared_subset(name, pattern):
    assert not NOT_PORTABLE.search(pattern), name
    assert not re.search(r"[.^$]", _CLASS.sub("", pattern)), name
    for m in re.finditer(r"\(\?<[=!](.*?)\)", pattern):  # lookbehinds: one fixed width
        assert re.fullmatch(r"(?:\[[^\]]+\]|[^\[\]|()*+?{}])+", m.group(1)), name
