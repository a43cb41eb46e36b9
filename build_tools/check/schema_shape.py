"""The shape of a record, read from its schema: leaf fields by dotted path ("volunteers.signup_url",
"timetable[].time") make a tree of mappings (Node), lists (Node.item) and leaves (Leaf).

schema.py checks a record against this tree; canonical.py, the template record and the data
diff walk the same tree."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from frictionless import Field


@dataclass
class Leaf:
    field: Field
    meta: dict  # the raw descriptor, with our x- extensions

    shape = str  # the YAML value a leaf takes: a single value

    @cached_property
    def read(self):
        return self.field.create_cell_reader()

    @property
    def required(self) -> bool:
        return bool(self.field.constraints.get("required"))

    def describe(self) -> str:
        return f"{self.field.title}（{self.field.name}）：{self.field.description}"


@dataclass
class Node:
    """A mapping (children) or a list (item) in the record's shape."""

    children: dict[str, "Node | Leaf"] = field(default_factory=dict)
    item: "Node | Leaf | None" = None

    @property
    def is_list(self) -> bool:
        return self.item is not None

    @cached_property
    def shape(self) -> type:
        return list if self.is_list else dict

    @cached_property
    def required_keys(self) -> list[str]:
        """Children that must be there (asked for every record: worked out once)."""
        return [key for key, child in self.children.items() if is_required(child)]


def is_required(spec: "Node | Leaf") -> bool:
    """A mapping is required when a leaf under it (not inside a list) is."""
    if isinstance(spec, Leaf):
        return spec.required
    return not spec.is_list and any(is_required(c) for c in spec.children.values())


def shape_of(leaves: dict[str, Leaf]) -> Node:
    """The tree of mappings and lists that the leaves' dotted names describe."""
    root = Node()
    for name, leaf in leaves.items():
        _place(root, name, leaf)
    return root


def _place(root: Node, name: str, leaf: Leaf) -> None:
    node = root
    parts = name.split(".")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        key, is_list = (part[:-2], True) if part.endswith("[]") else (part, False)
        if is_list:
            child = node.children.setdefault(key, Node(item=Node()))
            if last:
                child.item = leaf
            node = child.item
        elif last:
            node.children[key] = leaf
        else:
            node = node.children.setdefault(key, Node())


def plain(descriptor: dict) -> dict:
    """The descriptor without our extensions, for frictionless."""
    return {k: v for k, v in descriptor.items() if not k.startswith("x-") and k != "example"}
