"""A strict YAML reader for untrusted records written by hand.

Why not yaml.safe_load: it keeps the last of two duplicate keys, reads 0731 as 473 and NO as
False, expands alias bombs, and recurses until RecursionError on deep nesting. This reader
walks PyYAML's event stream itself (no recursion, no resolver): every scalar stays a string
for the schema to type, anchors, aliases and tags are refused, and each value keeps its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..report.problems import quote

MAX_DEPTH = 12
# libyaml's event parser is ~25× faster than PyYAML's pure-Python one and keeps its own state
# stack on the heap; the deep-nesting crash seen with the C *loader* is in its recursive
# composer, which we never use (we build the tree from events and stop at MAX_DEPTH).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_EMPTY_PLAIN = {"", "~", "null", "Null", "NULL"}

Path = tuple  # ("volunteers", "requirements", 0)


@dataclass
class Document:
    """A parsed record: plain dict/list/str values and the (line, column) of every path."""

    value: object = None
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    #: Where each scalar's text begins: a block scalar (| or >) begins on the line after.
    text_lines: dict[Path, int] = field(default_factory=dict)

    def line(self, path: Path) -> int:
        """Line of the nearest known path (a missing key points at its parent)."""
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 0))[0]

    def value_at(self, path: Path):
        """The parsed value at path (keys and list indexes), or None where there is none."""
        value = self.value
        for key in path:
            try:
                value = value[key]
            except (KeyError, IndexError, TypeError):
                return None
        return value


@dataclass(frozen=True)
class LoadIssue:
    code: str
    line: int
    column: int = 0
    params: dict = field(default_factory=dict)


# PyYAML's English problems, said for people who edit in a browser.
_PROBLEMS = [
    ("mapping values are not allowed", "这里不能出现“冒号+空格”，值里有冒号时请给整个值加上引号"),
    ("could not find expected ':'", "缺少冒号，或上一行的引号没有成对"),
    ("cannot start any token", "使用了 Tab 键或特殊符号开头，请用空格缩进，或给值加上引号"),
    ("expected <block end>", "缩进不一致"),
    ("expected <document start>", "缩进不一致，或多了一个顶格的值"),
    ("end of stream", "引号或括号没有成对"),
    ("while scanning a quoted scalar", "引号没有成对"),
    ("did not find expected key", "缩进不一致，或列表项缺少“- ”"),
    ("did not find expected '-'", "列表项缩进不一致"),
    ("found unknown escape character", "双引号里的反斜杠 \\ 需要写成 \\\\，或改用单引号"),
    ("special characters are not allowed", "出现了 YAML 不允许的特殊字符"),
]


def _say(problem: str | None) -> str:
    for english, chinese in _PROBLEMS:
        if problem and english in problem:
            return chinese
    return "无法解析这一行"


def parse(text: str) -> tuple[Document, list[LoadIssue]]:
    """Parse one YAML document; never raises on bad input."""
    try:
        events = _LOADER(text)
        try:
            return _build(events.get_event)
        finally:
            events.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        return Document(), [LoadIssue("yaml/syntax", line, col, {"problem": _say(exc.problem)})]
    except (yaml.YAMLError, RecursionError, ValueError, IndexError, TypeError) as exc:
        return Document(), [LoadIssue("yaml/syntax", 1, 0, {"problem": _say(str(exc))})]


class _Abort(Exception):
    def __init__(self, issue: LoadIssue):
        self.issue = issue


_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = {yaml.MappingEndEvent, yaml.SequenceEndEvent}
_BLOCK_STYLES = {"|", ">"}
_DUPLICATE = object()


def _build(next_event) -> tuple[Document, list[LoadIssue]]:
    """The tree and positions from the event stream: one loop, no recursion, a depth limit.

    Why one loop with locals: it runs once per event (over 100 per record, 20,000 records in
    a province), and function calls and attribute lookups per event were most of the cost.
    """
    doc = Document()
    positions, text_lines = doc.positions, doc.text_lines
    issues: list[LoadIssue] = []
    # The open container's state lives in locals; the stack keeps the enclosing ones' state.
    container: dict | list | None = None  # None: at the top of the document
    parent: Path = ()  # the open container's path
    pending = None  # mappings: the key just read and its path; None when a key comes next
    seen: dict[str, int] = {}  # mappings: each key's line, for duplicate keys
    stack: list[tuple] = []
    documents = 0
    try:
        while True:
            ev = next_event()
            kind = type(ev)
            if kind is _SCALAR or kind is _MAPPING or kind is _SEQUENCE:
                mark = ev.start_mark
                if ev.anchor is not None:
                    raise _Abort(LoadIssue("yaml/alias", *_at(mark)))
                if ev.tag is not None and not (kind is _SCALAR and ev.tag == "!"):
                    raise _Abort(LoadIssue("yaml/tag", *_at(mark), {"value": quote(ev.tag, 30)}))
                if kind is _SCALAR:
                    value: object = "" if not ev.style and ev.value in _EMPTY_PLAIN else ev.value  # libyaml: style ""
                else:
                    value = {} if kind is _MAPPING else []
                if container is None:
                    doc.value, path = value, ()
                    positions[path] = _at(mark)
                elif container.__class__ is dict:
                    if pending is None:  # this event is a key
                        if kind is not _SCALAR:
                            raise _Abort(LoadIssue("yaml/bad-key", *_at(mark)))
                        key, at = ev.value, _at(mark)
                        if key in seen:
                            issues.append(LoadIssue("yaml/duplicate-key", *at, {"value": quote(key), "first": seen[key]}))
                            pending = (_DUPLICATE, parent + (object(),))  # the value is parsed for syntax, then dropped
                        else:
                            seen[key] = at[0]
                            pending = (key, parent + (key,))
                            positions[pending[1]] = at
                        continue
                    key, path = pending  # a value's position is its key's
                    pending = None
                    if key is not _DUPLICATE:
                        container[key] = value
                else:
                    path = parent + (len(container),)
                    container.append(value)
                    positions[path] = _at(mark)
                if kind is _SCALAR:
                    text_lines[path] = mark.line + 1 + (ev.style in _BLOCK_STYLES)
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise _Abort(LoadIssue("yaml/too-deep", *_at(mark), {"limit": MAX_DEPTH}))
                    stack.append((container, parent, pending, seen))
                    container, parent, pending, seen = value, path, None, {}
            elif kind in _ENDS:
                container, parent, pending, seen = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Abort(LoadIssue("yaml/multiple-documents", ev.start_mark.line + 1, 0))
            elif kind is yaml.AliasEvent:
                raise _Abort(LoadIssue("yaml/alias", *_at(ev.start_mark)))
            elif kind is yaml.StreamEndEvent:
                return doc, issues
    except _Abort as abort:
        return Document(), [*issues, abort.issue]


def _at(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1
