"""`new activity`: a record to fill in, with a Chinese comment on every field.

Generated from the schema (titles, descriptions, examples, x-groups, x-values), so the
template says exactly what the validator checks and never drifts from it. Every value is
the placeholder 〔待填写〕, which the validator reports as "not filled in yet".
"""

from __future__ import annotations

from ..check.canonical import dump
from ..check.schema import PLACEHOLDER, RecordSchema
from ..check.schema_shape import Leaf, Node, is_required
from ..load.yaml_comments import Comments

HEADER = [
    "# 活动记录模板：每个字段上面的注释说明要填什么。",
    "# 把每个“〔待填写〕”换成您的内容（保留两边的英文双引号），选填字段不需要时整行删除，",
    "# 整段可删的部分（如物资、日程）连同下面缩进的行一起删除。",
    "# 不要写任何儿童的姓名、照片、身份证号、电话或家庭住址。",
    "# 填好后检查：python -m build_tools check 本文件路径",
]


def leaf_comment(leaf: Leaf) -> str:
    """One line: title, required or not, description, allowed values, example."""
    meta = leaf.meta
    need = "必填" if leaf.required else "选填，不需要时删除"
    text = f"# {meta['title']}（{need}）：{meta['description']}"
    values = meta.get("x-values")
    if values:
        text += "可填：" + "；".join(f"{k} = {v}" for k, v in values.items()) + "。"
    if meta.get("x-markdown"):
        text += "写几段文字时，第一行写“" + leaf.field.name.rsplit(".", 1)[-1] + ": |”，下面每行前面空两格。"
    return f"{text}例：{meta['example']}"


def group_comment(schema: RecordSchema, name: str, spec: Node) -> str:
    group = schema.descriptor.get("x-groups", {}).get(name, {})
    need = "必填" if is_required(spec) else "选填"
    return f"# {group.get('title', name)}（{need}）：{group.get('description', '')}"


def template(schema: RecordSchema, record_id: str | None = None) -> str:
    """The template text; with record_id the id is filled in."""
    notes = Comments(header=HEADER, header_gap=True)
    value = _tree(schema, schema.root, (), "", notes)
    if record_id:
        value["id"] = record_id
    return dump(value, schema.root, notes)


def _tree(schema: RecordSchema, spec, path: tuple, name: str, notes: Comments):
    """The placeholder value of a spec, recording the comment of every path on the way."""
    if isinstance(spec, Leaf):
        return PLACEHOLDER
    if spec.is_list:
        item = spec.item
        return [_tree(schema, item, path + (0,), name + "[]", notes)]
    out = {}
    for key, child in spec.children.items():
        child_path, child_name = path + (key,), f"{name}.{key}" if name else key
        comment = leaf_comment(_leaf_of(child)) if _is_leaf_like(child) else group_comment(schema, child_name, child)
        notes.before[child_path] = [comment]
        out[key] = _tree(schema, child, child_path, child_name, notes)
    return out


def _is_leaf_like(spec) -> bool:
    """A leaf, or a list of leaves (volunteers.requirements[]): documented by its leaf."""
    return isinstance(spec, Leaf) or (spec.is_list and isinstance(spec.item, Leaf))


def _leaf_of(spec) -> Leaf:
    return spec if isinstance(spec, Leaf) else spec.item


TEMPLATE_FILE = "schools/activity-template.yaml"


def write_template(ctx) -> None:
    """docs/schools/activity-template.yaml: the same template, to download from the guide."""
    from ..check.contract import contract

    out = ctx.docs / TEMPLATE_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(template(contract(ctx.dataset.root)[1]), encoding="utf-8")
