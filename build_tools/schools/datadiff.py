"""`diff BASE`: what a pull request changes on the site, in plain Chinese, for the reviewer.

Old versions are read with `git show BASE:path`; the new ones from the working tree. Values
are compared in canonical spelling (normalize.py), so "4" → 4 or a re-quoted date is not a
change. Fields that may hold personal data (x-echo: false) are said to have changed, never
shown.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from .. import ROOT
from ..check.canonical import canonical_tree
from ..check.contract import ACTIVITY_DIR, contract
from ..check.schema import RecordSchema
from ..check.schema_shape import Leaf, Node
from ..load.lists import Lists
from ..load.strict_yaml import parse
from ..report.problems import looks_personal

STATISTICS_DIR = "data/statistics"
SHOWN_CHARS = 40


class GitError(Exception):
    pass


def git(root: Path, *args: str) -> bytes:
    proc = subprocess.run(["git", *args], cwd=root, capture_output=True)
    if proc.returncode != 0:
        raise GitError(proc.stderr.decode("utf-8", "replace").strip())
    return proc.stdout


def old_files(root: Path, base: str) -> dict[str, bytes]:
    """Every file under data/ at BASE, by path."""
    names = git(root, "ls-tree", "-r", "--name-only", base, "--", "data").decode("utf-8").splitlines()
    return {n: git(root, "show", f"{base}:{n}") for n in names}


def new_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted((root / "data").rglob("*")) if p.is_file()}


@dataclass
class Change:
    file: str
    title: str
    when: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Summary:
    added: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    cancelled: list[Change] = field(default_factory=list)
    removed: list[Change] = field(default_factory=list)
    unreadable: list[str] = field(default_factory=list)
    reformatted: list[str] = field(default_factory=list)
    statistics: list[str] = field(default_factory=list)
    privacy: list[str] = field(default_factory=list)  # entries added or removed in the two privacy registers
    other: list[str] = field(default_factory=list)


def _record(raw: bytes, schema: RecordSchema) -> dict | None:
    try:
        doc, issues = parse(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return None
    if issues or not isinstance(doc.value, dict):
        return None
    return canonical_tree(doc.value, schema.root)


def _text(value) -> str:
    if isinstance(value, list):
        return "、".join(_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_text(v) for v in value.values())
    return " ".join(str(value).split())


def _short(value) -> str:
    text = _text(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS] + "…"


def _label(schema: RecordSchema, path: tuple[str, ...]) -> str:
    name = ".".join(path)
    for candidate in (name, name + "[]"):
        if candidate in schema.leaves:
            return schema.leaves[candidate].meta.get("title", name)
    return schema.descriptor.get("x-groups", {}).get(name, {}).get("title", name)


def _personal(spec) -> bool:
    leaf = spec.item if isinstance(spec, Node) and spec.is_list and isinstance(spec.item, Leaf) else spec
    return isinstance(leaf, Leaf) and leaf.meta.get("x-echo") is False


def field_changes(old: dict, new: dict, spec, schema: RecordSchema, path: tuple = ()) -> list[str]:
    """One line per changed field: "开始：“2026-12-05” → “2026-12-06”"."""
    lines = []
    for key in [*old, *(k for k in new if k not in old)]:
        a, b = old.get(key), new.get(key)
        child = spec.children.get(key) if isinstance(spec, Node) else None
        if a == b:
            continue
        label = _label(schema, path + (key,))
        if isinstance(a, dict) and isinstance(b, dict):
            lines += field_changes(a, b, child, schema, path + (key,))
        elif _personal(child) or looks_personal(_text(a)) or looks_personal(_text(b)):  # checked before cutting
            lines.append(f"{label}：已修改（可能是个人信息，这里不显示内容）")
        elif isinstance(a, list) and isinstance(b, list):
            gone, came = [_short(x) for x in a if x not in b], [_short(x) for x in b if x not in a]
            parts = [f"增加 “{x}”" for x in came] + [f"删除 “{x}”" for x in gone] or ["顺序调整"]
            lines.append(f"{label}：" + "；".join(parts))
        elif a is None:
            lines.append(f"{label}：新填 “{_short(b)}”")
        elif b is None:
            lines.append(f"{label}：删除了（原为 “{_short(a)}”）")
        elif "\n" in str(a) + str(b):
            lines.append(f"{label}：已修改")
        else:
            lines.append(f"{label}：“{_short(a)}” → “{_short(b)}”")
    return lines


def _describe(file: str, rec: dict, lists: Lists) -> Change:
    region = {r["code"]: r["prefecture"] + r["name"] for r in lists.regions}.get(rec.get("region", ""), rec.get("region", ""))
    start = str(rec.get("start", ""))[:10]
    return Change(file, str(rec.get("title", Path(file).stem)), "，".join(x for x in (start, region) if x))


def compare_activity(name: str, old: bytes | None, new: bytes | None, root: Path, out: Summary) -> None:
    lists, schema = contract(root)
    a = _record(old, schema) if old is not None else None
    b = _record(new, schema) if new is not None else None
    if (old is not None and a is None) or (new is not None and b is None):
        out.unreadable.append(name)
    elif a is None:
        out.added.append(_describe(name, b, lists))
    elif b is None:
        out.removed.append(_describe(name, a, lists))
    elif a == b:
        out.reformatted.append(name)
    else:
        change = _describe(name, b, lists)
        change.fields = field_changes(a, b, schema.root, schema)
        cancelled = b.get("status") == "cancelled" and a.get("status") != "cancelled"
        (out.cancelled if cancelled else out.changed).append(change)


# The privacy registers (issue 14): each entry lets one span or one image through, so the
# reviewer sees every entry added or removed, with its reviewer, not just "file changed".
REGISTERS = {"data/privacy-exceptions.yaml": ("exceptions", ("file", "rule", "span", "reviewer", "reason")),
             "data/images.yaml": ("images", ("file", "shows", "consent_ref", "reviewer", "sha256"))}


def register_changes(name: str, old: bytes | None, new: bytes | None) -> list[str]:
    """Entries added and removed in a privacy register, one line each (no entry holds personal data: hashes, paths)."""
    key, fields = REGISTERS[name]

    def entries(raw: bytes | None) -> list[tuple]:
        value = parse(raw.decode("utf-8", "replace"))[0].value if raw else None
        items = value.get(key) if isinstance(value, dict) else None
        return [tuple(str(i.get(f, "")) for f in fields) for i in items if isinstance(i, dict)] if isinstance(items, list) else []

    before, after = entries(old), entries(new)
    lines = [f"{name} 新增：" + "，".join(f"{f} {v}" for f, v in zip(fields, e, strict=True) if v) for e in after if e not in before]
    return lines + [f"{name} 删除：" + "，".join(f"{f} {v}" for f, v in zip(fields, e, strict=True) if v) for e in before if e not in after]


def summarize(base: str, root: Path = ROOT) -> Summary:
    """Every change under data/ between BASE and the working tree."""
    from .statistics_diff import compare_table

    git(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    before, after = old_files(root, base), new_files(root)
    out = Summary()
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if name.startswith(ACTIVITY_DIR + "/") and name.endswith(".yaml"):
            compare_activity(name, old, new, root, out)
        elif name.startswith(STATISTICS_DIR + "/") and Path(name).suffix.lower() in (".csv", ".xlsx"):
            out.statistics.append(compare_table(name, old, new))
        elif name in REGISTERS:
            out.privacy += register_changes(name, old, new)
        else:
            out.other.append(f"{name}（{'新增' if old is None else '删除' if new is None else '修改'}）")
    return out
