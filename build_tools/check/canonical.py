"""The canonical text of a record: what `fmt` writes, `new activity` and the web form produce.

- keys in the order of the schema (unknown keys, which the validator reports, after them in
  the order they were written); two spaces of indentation; lists in block style (`- `);
- every scalar in double quotes ("430603", "2026-12-05", "true"), so no YAML 1.1 surprise
  (0731 → 473, NO → false) can ever change a value; Chinese written as it is, not escaped;
- values of typed fields in one spelling (normalize.py): dates ISO, integers as digits,
  booleans true/false;
- text of several lines as a literal block (`|`), as people write a description;
- comments kept with the field they describe (yaml_comments.py).

content/assets/record-form.js writes the same form in the browser; tests hold them equal.
"""

from __future__ import annotations

import re

from ..load.strict_yaml import parse
from ..load.yaml_comments import Comments
from . import normalize
from .schema_shape import Leaf, Node

_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _printable(ch: str) -> bool:
    """Characters YAML lets us write as they are (line separators and BOM excluded)."""
    cp = ord(ch)
    return (0x20 <= cp <= 0x7E or 0xA0 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or cp >= 0x10000) and cp not in (0x2028, 0x2029, 0xFEFF)


def quote(text: str) -> str:
    """A double-quoted YAML scalar; Chinese stays as it is."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        else:
            cp = ord(ch)
            out.append(f"\\x{cp:02X}" if cp < 0x100 else f"\\u{cp:04X}" if cp < 0x10000 else f"\\U{cp:08X}")
    return '"' + "".join(out) + '"'


def _block(text: str) -> tuple[str, list[str]] | None:
    """The header (|, |-, |+, with an indentation digit when needed) and lines of a literal
    block for text of several lines, or None when only a quoted string can hold it."""
    body = text.rstrip("\n")
    if "\n" not in body or not all(ch in "\n\t" or _printable(ch) for ch in body):
        return None
    trailing = len(text) - len(body)
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    lines = body.split("\n")
    first = next(line for line in lines if line)
    indicator = "2" if first.startswith(" ") else ""
    return f"|{indicator}{chomp}", lines + [""] * (trailing - 1 if trailing > 1 else 0)


def _ordered(value: dict, spec) -> list[str]:
    known = list(spec.children) if isinstance(spec, Node) and not spec.is_list else []
    return [k for k in known if k in value] + [k for k in value if k not in known]


def _key(key: str) -> str:
    return key if _PLAIN_KEY.fullmatch(key) else quote(key)


class _Writer:
    def __init__(self, notes: Comments):
        self.notes = notes
        self.lines: list[str] = []

    def comments(self, path: tuple, indent: int) -> None:
        self.lines.extend(" " * indent + c for c in self.notes.before.get(path, []))

    def eol(self, path: tuple) -> str:
        note = self.notes.eol.get(path)
        return f"  {note}" if note else ""

    def mapping(self, value: dict, spec, path: tuple, indent: int, first: str | None = None) -> None:
        for i, key in enumerate(_ordered(value, spec)):
            child = spec.children.get(key) if isinstance(spec, Node) else None
            on_dash = i == 0 and first is not None  # "- key:": its comments go above the dash
            self.comments(path + (key,), indent - 2 if on_dash else indent)
            lead = first if on_dash else " " * indent
            self.value(f"{lead}{_key(key)}:", value[key], child, path + (key,), indent)

    def value(self, head: str, value, spec, path: tuple, indent: int) -> None:
        if isinstance(value, (dict, list)) and not value:
            self.lines.append(f"{head} {'{}' if isinstance(value, dict) else '[]'}{self.eol(path)}")
        elif isinstance(value, dict):
            self.lines.append(head + self.eol(path))
            self.mapping(value, spec, path, indent + 2)
        elif isinstance(value, list):
            self.lines.append(head + self.eol(path))
            item = spec.item if isinstance(spec, Node) and spec.is_list else None
            for i, v in enumerate(value):
                self.item(v, item, path + (i,), indent + 2)
        else:
            self.scalar(head, canonical_value(value, spec), path, indent)

    def item(self, value, spec, path: tuple, indent: int) -> None:
        self.comments(path, indent)
        if isinstance(value, dict) and value:
            self.mapping(value, spec, path, indent + 2, first=" " * indent + "- ")
        else:
            self.value(" " * indent + "-", value, spec, path, indent)

    def scalar(self, head: str, text: str, path: tuple, indent: int) -> None:
        block = _block(text)
        if block is None:
            self.lines.append(f"{head} {quote(text)}{self.eol(path)}")
            return
        header, lines = block
        self.lines.append(f"{head} {header}{self.eol(path)}")
        self.lines.extend(" " * (indent + 2) + line if line else "" for line in lines)


def canonical_value(value: str, spec) -> str:
    """A scalar in its canonical spelling when the schema says what type it is."""
    return normalize.canonical(value, spec.meta) if isinstance(spec, Leaf) else value


def canonical_tree(value, spec):
    """The parsed record with every typed scalar in its canonical spelling (what dump writes)."""
    if isinstance(value, dict):
        return {k: canonical_tree(v, spec.children.get(k) if isinstance(spec, Node) else None) for k, v in value.items()}
    if isinstance(value, list):
        item = spec.item if isinstance(spec, Node) and spec.is_list else None
        return [canonical_tree(v, item) for v in value]
    return canonical_value(value, spec)


def dump(record: dict, root: Node, notes: Comments | None = None) -> str:
    """The canonical text of a record (a dict of str/list/dict as strict_yaml reads it)."""
    notes = notes or Comments()
    w = _Writer(notes)
    w.lines.extend(notes.header)
    if notes.header and notes.header_gap:
        w.lines.append("")
    w.mapping(record, root, (), 0)
    if not record:
        w.lines.append("{}")
    w.lines.extend(notes.trailer)
    text = "\n".join(w.lines) + "\n"
    doc, issues = parse(text)
    if issues or doc.value != canonical_tree(record, root):  # a safety net: never write a changed value
        raise ValueError("canonical text does not read back as the same record")
    return text
