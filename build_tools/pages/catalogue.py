"""The error catalogue for schools, generated from the rule registry (build_tools/report/rules.py).

Every code the validator, the privacy scan or the statistics checks can print has an entry
with an anchor (schools/errors/#schema-not-in-list), its message and hint as patterns, why
the rule exists and an example of what breaks it. tests/test_docs.py fails when a rule has
no explanation or example, so a new rule cannot reach schools undocumented.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..report.rules import RULES, Rule
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context

PAGE = "schools/errors.md"
# Code prefix → section title, in the order a file is checked.
SECTIONS = {
    "file": "文件本身", "yaml": "YAML 写法", "text": "文字里的隐藏字符", "schema": "字段和取值",
    "consistency": "前后是否一致", "markdown": "详细介绍的写法", "privacy": "隐私保护",
    "stats": "统计表", "roster": "花名册（aggregate 命令）", "build": "生成网站", "site": "构建出的网站（构建时的最后检查）",
}
# How the placeholders of message patterns read in the catalogue.
PARAMS = {
    "value": "〈收到的值〉", "suggestion": "〈您是不是要填 …〉", "description": "〈这个字段的说明〉",
    "limit": "〈限值〉", "length": "〈字数〉", "allowed": "〈可选值〉", "list_title": "〈可选值表〉",
    "list_path": "〈可选值表的文件〉", "other": "〈另一个文件〉", "expected": "〈应有的写法〉",
    "got": "〈收到的写法〉", "year": "〈年份〉", "start": "〈开始日期〉", "end": "〈结束日期〉",
    "reason": "〈原因〉", "problem": "〈具体问题〉", "command": "〈转换命令〉",
    # statistics history, rates and values (issue 13)
    "flag": "〈标记〉", "part": "〈分子或分母〉", "part_name": "〈指标名称〉", "numerator": "〈分子指标〉",
    "denominator": "〈分母指标〉", "cell": "〈地区·学段·指标〉", "since": "〈统计期〉",
    "period": "〈统计期〉", "entry": "〈要恢复的一行〉", "sealed": "〈带校验值的一行〉",
    "base": "〈基准分支〉", "below": "〈门槛减一〉",
    # the built site and the engine (issue 13): "what" and "where" serve several rules
    "what": "〈哪一处〉", "where": "〈在哪里〉", "link": "〈链接〉", "first": "〈最早年份〉", "last": "〈最晚年份〉",
}
_PARAM = re.compile(r"\{(\w+)\}")


def anchor(code: str) -> str:
    """The anchor of a code on the catalogue page: schema/not-in-list → schema-not-in-list."""
    return code.replace("/", "-")


def pattern(template: str) -> str:
    """A message template as people read it: {value} → 〈收到的值〉, {{ → {."""
    text = _PARAM.sub(lambda m: PARAMS.get(m.group(1), "〈…〉"), template)
    return text.replace("{{", "{").replace("}}", "}")


@dataclass(frozen=True)
class Entry:
    code: str
    anchor: str
    severity: str
    message: str
    hint: str
    doc: str
    example: str


@dataclass(frozen=True)
class Group:
    title: str
    entries: tuple[Entry, ...]


def entry(rule: Rule) -> Entry:
    severity = "错误（必须改正）" if rule.severity == "error" else "警告（请审核人确认）"
    return Entry(rule.code, anchor(rule.code), severity, pattern(rule.message), pattern(rule.hint), rule.doc, rule.example)


def groups() -> list[Group]:
    """Every rule, grouped by the prefix of its code (known prefixes first)."""
    prefixes = list(SECTIONS) + sorted({c.split("/")[0] for c in RULES} - set(SECTIONS))
    out = []
    for prefix in prefixes:
        rules = [r for r in RULES.values() if r.code.split("/")[0] == prefix]
        if rules:
            out.append(Group(SECTIONS.get(prefix, prefix), tuple(entry(r) for r in rules)))
    return out


def write_catalogue(ctx: Context) -> None:
    """docs/schools/errors.md."""
    out = ctx.docs / PAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(environment().get_template("errors.md.j2").render(groups=groups()), encoding="utf-8")
