"""A strict YAML reader for untrusted records written by hand.

Why not yaml.safe_load: it keeps the last of two duplicate keys, reads 0731 as 473 and NO as
False, expands alias bombs, and recurses until RecursionError on deep nesting. This reader
walks PyYAML's event stream itself (no recursion, no resolver): every scalar stays a string
for the schema to type, anchors, aliases and tags are refused, and each value keeps its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

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
        return _build(yaml.parse(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        return Document(), [LoadIssue("yaml/syntax", line, col, {"problem": _say(exc.problem)})]
    except (yaml.YAMLError, RecursionError, ValueError, IndexError, TypeError) as exc:
        return Document(), [LoadIssue("yaml/syntax", 1, 0, {"problem": _say(str(exc))})]


class _Abort(Exception):
    def __init__(self, issue: LoadIssue):
        self.issue = issue


def _build(events) -> tuple[Document, list[LoadIssue]]:
    doc = Document()
    issues: list[LoadIssue] = []
    # Each frame: [container, path, pending key (mappings), key lines (mappings)]
    stack: list[list] = []
    documents = 0
    try:
        for ev in events:
            if isinstance(ev, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _Abort(LoadIssue("yaml/multiple-documents", _line(ev), 0))
            elif isinstance(ev, yaml.AliasEvent):
                raise _Abort(LoadIssue("yaml/alias", _line(ev), _col(ev)))
            elif isinstance(ev, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                _check_node_event(ev)
                _open(ev, stack, doc, issues)
            elif isinstance(ev, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                stack.pop()
    except _Abort as abort:
        return Document(), [*issues, abort.issue]
    return doc, issues


def _check_node_event(ev) -> None:
    if ev.anchor is not None:
        raise _Abort(LoadIssue("yaml/alias", _line(ev), _col(ev)))
    if ev.tag is not None and not (isinstance(ev, yaml.ScalarEvent) and ev.tag == "!"):
        raise _Abort(LoadIssue("yaml/tag", _line(ev), _col(ev), {"value": ev.tag[:30]}))


def _open(ev, stack: list[list], doc: Document, issues: list[LoadIssue]) -> None:
    """Place a scalar or a new container at the current position of the tree."""
    if isinstance(ev, yaml.ScalarEvent):
        value: object = "" if ev.style is None and ev.value in _EMPTY_PLAIN else ev.value
    else:
        value = {} if isinstance(ev, yaml.MappingStartEvent) else []
    if not stack:
        doc.value = value
        path: Path = ()
        doc.positions[path] = (_line(ev), _col(ev))
    else:
        frame = stack[-1]
        container, parent = frame[0], frame[1]
        if isinstance(container, dict):
            if frame[2] is None:  # this event is a key
                if not isinstance(ev, yaml.ScalarEvent):
                    raise _Abort(LoadIssue("yaml/bad-key", _line(ev), _col(ev)))
                _take_key(frame, ev, doc, issues)
                return
            key, frame[2] = frame[2], None
            path = parent + (key,)
            if key is _DUPLICATE:
                path = parent + (object(),)  # parsed for syntax, then dropped
            else:
                container[key] = value
        else:
            path = parent + (len(container),)
            container.append(value)
            doc.positions[path] = (_line(ev), _col(ev))
    if isinstance(ev, yaml.ScalarEvent):
        doc.text_lines[path] = _line(ev) + (ev.style in ("|", ">"))
    else:
        if len(stack) >= MAX_DEPTH:
            raise _Abort(LoadIssue("yaml/too-deep", _line(ev), _col(ev), {"limit": MAX_DEPTH}))
        stack.append([value, path, None, {}])


_DUPLICATE = object()


def _take_key(frame: list, ev, doc: Document, issues: list[LoadIssue]) -> None:
    key = ev.value
    path = frame[1] + (key,)
    if key in frame[3]:
        issues.append(LoadIssue("yaml/duplicate-key", _line(ev), _col(ev), {"value": key[:40], "first": frame[3][key]}))
        frame[2] = _DUPLICATE
        return
    frame[3][key] = _line(ev)
    frame[2] = key
    doc.positions[path] = (_line(ev), _col(ev))


def _line(ev) -> int:
    return ev.start_mark.line + 1 if ev.start_mark else 1


def _col(ev) -> int:
    return ev.start_mark.column + 1 if ev.start_mark else 0
