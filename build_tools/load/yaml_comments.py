"""The comments of a YAML record, attached to the fields they describe, so `fmt` keeps them.

A block of whole-line comments belongs to the field on the next line (it travels with that
field when keys are put in schema order); a comment at the end of a line belongs to the
innermost field on that line; comments before the first field stay at the top of the file
and comments after the last one at the bottom. Lines inside a multi-line value (a `|` block
may hold a Markdown "# heading") are never taken for comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .strict_yaml import Document

_AFTER_VALUE = re.compile(r"[ \t]*:?[ \t]+(#.*?)\s*$")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]+(#.*?)\s*$")


@dataclass
class Comments:
    header: list[str] = field(default_factory=list)
    header_gap: bool = False  # a blank line followed the header in the original
    before: dict[tuple, list[str]] = field(default_factory=dict)
    eol: dict[tuple, str] = field(default_factory=dict)
    trailer: list[str] = field(default_factory=list)


def _spans(text: str) -> tuple[set[int], dict[int, int], dict[int, int]]:
    """Lines inside multi-line scalars, the last column where an event ends on each line,
    and the column of the indicator of block scalars (| or >) by line (all lines 1-based)."""
    covered: set[int] = set()
    ends: dict[int, int] = {}
    blocks: dict[int, int] = {}
    for ev in yaml.parse(text, Loader=yaml.SafeLoader):
        start, end = ev.start_mark.line + 1, ev.end_mark.line + 1
        if isinstance(ev, yaml.ScalarEvent):
            last = end if ev.end_mark.column > 0 else end - 1
            covered.update(range(start + 1, last + 1))
            if ev.style in ("|", ">"):
                blocks[start] = ev.start_mark.column
                continue
        if ev.end_mark.column > 0 or isinstance(ev, yaml.ScalarEvent):
            ends[end] = max(ends.get(end, 0), ev.end_mark.column)
    return covered, ends, blocks


def extract(text: str, doc: Document) -> Comments:
    """Every comment of `text` (a record that parsed into `doc`), by the path it belongs to."""
    covered, ends, blocks = _spans(text)
    order = sorted(((line, path) for path, (line, _) in doc.positions.items() if path), key=lambda x: (x[0], len(x[1])))
    first_line = order[0][0] if order else 0
    out = Comments()
    pending: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        stripped = raw.strip()
        if n in covered:
            continue
        if n < first_line:
            pending.append(stripped if stripped.startswith("#") else "")
            continue
        if n == first_line:
            pending = _split_header(pending, out)
        if stripped.startswith("#"):
            pending.append(stripped)
            continue
        eol = _eol(raw, n, ends, blocks)
        if eol:
            out.eol[_innermost(order, n)] = eol
        owner = next((p for line, p in order if line >= n), None) if pending and stripped else None
        if owner is not None:
            out.before.setdefault(owner, []).extend(pending)
            pending = []
    out.trailer = [c for c in pending if c]
    return out


def _split_header(pre: list[str], out: Comments) -> list[str]:
    """Comments above the first field are the file's header: they stay at the top whatever
    field comes first after sorting ("" in the list keeps a blank line between them)."""
    header = list(pre)
    while header and not header[0]:
        header.pop(0)
    gap = bool(header) and not header[-1]
    while header and not header[-1]:
        header.pop()
    out.header, out.header_gap = header, gap and bool(header)
    return []


def _eol(raw: str, n: int, ends: dict[int, int], blocks: dict[int, int]) -> str | None:
    if n in blocks:
        m = _BLOCK_HEADER.match(raw, blocks[n])
        return m.group(1) if m else None
    if n not in ends:
        return None
    m = _AFTER_VALUE.match(raw, ends[n])
    return m.group(1) if m else None


def _innermost(order: list[tuple[int, tuple]], n: int) -> tuple:
    """The deepest path that starts on or before line n (the field a line-end comment follows)."""
    best = order[0][1]
    for line, path in order:
        if line > n:
            break
        best = path
    return best
