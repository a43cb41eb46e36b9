"""The field reference for schools, generated from data/schemas/*.schema.yaml and the allow-lists.

Generated at build time so it can never disagree with the validator: the same titles,
descriptions, examples and constraints that the checks use are what schools read.
tests/test_docs.py fails when a field has no title, description or example, or a list value
has no description.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from ..check.schema import TYPE_NAMES
from ..load.lists import Lists
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context

PAGE = "schools/fields.md"
# Schema file stem → (what it describes, where such files live). Unknown schemas show their stem.
SCHEMAS = {
    "activity": ("活动记录", "data/activities/<年份>/<编号>.yaml，每条活动一个文件"),
    "statistics": ("统计表", "data/statistics/ 下的 CSV 表格，每行一个统计数"),
    "centre": ("关爱场所", "data/centres/<编号>.yaml，每个场所一个文件"),
    "policies": ("政策文件", "data/policies.yaml"),
    "hotlines": ("求助电话", "data/hotlines.yaml"),
    "removed-activities": ("已删除或改名的活动", "data/removed-activities.yaml"),
    "search-synonyms": ("搜索同义词表", "data/lists/search-synonyms.csv"),
    "site": ("本站信息（运营单位、备案号、代码平台）", "data/site.yaml"),
}
LIST_TITLES = {
    "activity-types": "活动类型表", "regions": "县区代码表", "townships": "乡镇（街道）代码表",
    "skills": "技能表", "indicators": "统计指标表", "levels": "学段表", "centre-kinds": "关爱场所类型表",
    "centre-services": "关爱场所服务表", "area-codes": "电话区号表", "organizations": "主办单位表",
    "search-synonyms": "搜索同义词表",
}
COLUMNS = {"code": "代码", "id": "编号", "name": "名称", "description": "说明", "prefecture": "地级市",
           "province": "省（区）", "county": "所属县区", "area_code": "电话区号", "kind": "类别", "region": "县区",
           "typed": "人们输入的词", "finds": "本站用的词"}
# x-list names whose values live in another list file (the rest are named after their file).
LIST_FILES = {"activity-type-codes": "activity-types", "regions-and-townships": "regions"}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    anchor: str
    title: str
    description: str
    example: str
    required: bool
    facts: tuple[str, ...]  # type and constraints in words
    values: tuple[tuple[str, str], ...]  # enum values with their meaning
    list_ref: tuple[str, str] | None  # (list title, anchor on this page)
    personal: bool


@dataclass(frozen=True)
class Section:
    title: str
    description: str
    fields: tuple[FieldDoc, ...]


@dataclass(frozen=True)
class SchemaDoc:
    stem: str
    title: str
    where: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class ListDoc:
    stem: str
    title: str
    path: str
    anchor: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def read_schema(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def list_stem(x_list: str) -> str:
    return LIST_FILES.get(x_list, x_list)


def _facts(d: dict) -> tuple[str, ...]:
    c = d.get("constraints", {})
    kind = TYPE_NAMES.get(d.get("type", "string"), d.get("type", ""))
    if d.get("x-datetime"):
        kind = "日期，或带 +08:00 时区的日期时间"
    facts = [("列表，每项一行：" if "[]" in d["name"].rsplit(".", 1)[-1] else "") + kind]
    if "minLength" in c or "maxLength" in c:
        facts.append(f"{c.get('minLength', 0)} 至 {c['maxLength']} 字" if "minLength" in c and "maxLength" in c
                     else f"最多 {c['maxLength']} 字" if "maxLength" in c else f"至少 {c['minLength']} 字")
    if "minimum" in c and "maximum" in c:
        facts.append(f"{c['minimum']} 至 {c['maximum']}")
    elif "minimum" in c or "maximum" in c:
        facts.append(f"至少 {c['minimum']}" if "minimum" in c else f"最多 {c['maximum']}")
    if "pattern" in c:
        facts.append("有固定格式（见说明和例子）")
    if d.get("x-markdown"):
        facts.append("可用简单 Markdown")
    return tuple(facts)


def field_doc(stem: str, d: dict) -> FieldDoc:
    c = d.get("constraints", {})
    values = tuple((v, d.get("x-values", {}).get(v, "")) for v in c.get("enum", []))
    x_list = d.get("x-list")
    ref = (LIST_TITLES.get(list_stem(x_list), x_list), f"list-{list_stem(x_list)}") if x_list else None
    anchor = f"{stem}-" + d["name"].replace("[]", "").replace(".", "-").replace("_", "-")
    return FieldDoc(d["name"], anchor, d.get("title", ""), d.get("description", ""), str(d.get("example", "")),
                    bool(c.get("required")), _facts(d), values, ref, d.get("x-echo") is False)


def schema_doc(path: Path) -> SchemaDoc:
    stem = path.name.removesuffix(".schema.yaml")
    desc = read_schema(path)
    groups = desc.get("x-groups", {})
    sections: dict[str, list[FieldDoc]] = {}
    for d in desc["fields"]:
        top = d["name"].split(".")[0].removesuffix("[]")
        key = top if top in groups or "." in d["name"] else ""
        sections.setdefault(key, []).append(field_doc(stem, d))
    title, where = SCHEMAS.get(stem, (stem, f"data/schemas/{path.name}"))
    return SchemaDoc(stem, title, where, tuple(
        Section(groups.get(k, {}).get("title", k) if k else "基本信息", groups.get(k, {}).get("description", ""), tuple(v))
        for k, v in sections.items()))


def list_doc(path: Path) -> ListDoc:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    header = list(rows[0]) if rows else []
    shown = [c for c in COLUMNS if c in header] or header
    return ListDoc(path.stem, LIST_TITLES.get(path.stem, path.stem), f"data/lists/{path.name}", f"list-{path.stem}",
                   tuple(COLUMNS.get(c, c) for c in shown), tuple(tuple(r.get(c, "") for c in shown) for r in rows))


def organizations_doc(data_dir: Path) -> ListDoc:
    orgs = Lists(data_dir).organizations
    return ListDoc("organizations", LIST_TITLES["organizations"], "data/organizations.yaml", "list-organizations",
                   ("编号", "名称", "类别", "县区"), tuple((o["id"], o["name"], o.get("kind", ""), o.get("region", "")) for o in orgs))


def schema_docs(data_dir: Path) -> list[SchemaDoc]:
    order = list(SCHEMAS)
    paths = sorted(data_dir.glob("schemas/*.schema.yaml"),
                   key=lambda p: (order.index(p.name.removesuffix(".schema.yaml")) if p.name.removesuffix(".schema.yaml") in order else len(order), p.name))
    return [schema_doc(p) for p in paths]


def list_docs(data_dir: Path) -> list[ListDoc]:
    return [*(list_doc(p) for p in sorted(data_dir.glob("lists/*.csv"))), organizations_doc(data_dir)]


def write_field_reference(ctx: Context) -> None:
    """docs/schools/fields.md: every field of every schema, then every allow-list."""
    data_dir = ctx.dataset.root / "data"
    page = environment().get_template("fields.md.j2").render(schemas=schema_docs(data_dir), lists=list_docs(data_dir))
    out = ctx.docs / PAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
