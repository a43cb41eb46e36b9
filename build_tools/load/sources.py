"""Reading data files: bytes → size cap → UTF-8 → invisible-character check → strict YAML.

Every problem goes into the report with the file's path relative to the repository root.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from .. import ROOT
from ..report.problems import Report
from .strict_yaml import Document, parse

MAX_RECORD_BYTES = 64 * 1024

# Characters that make text display differently from what it is (Trojan Source, CVE-2021-42574)
# or hide inside words: bidi controls and zero-width characters.
_INVISIBLE = {
    **{cp: "双向文本控制符" for cp in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))},
    **{cp: "零宽字符" for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
    # Line and paragraph separators: invisible breaks that end a line in JavaScript and YAML.
    **{cp: "行分隔符" for cp in (0x2028, 0x2029)},
    # Noncharacters: never text, and the calendar and feed writers refuse them.
    **{cp: "非字符" for cp in (*range(0xFDD0, 0xFDF0), *(plane * 0x10000 + end for plane in range(17) for end in (0xFFFE, 0xFFFF)))},
}


# C0/C1 controls except tab, line feed and carriage return, plus the characters above.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + "".join(map(chr, _INVISIBLE)) + "]")


def real_path(path: Path | str) -> str:
    """The absolute path without symlinks, as Path.resolve() gives it, as text (pathlib is slow)."""
    text = _absolute(path)
    parts = text.split(os.sep)
    if ".." in parts or len(parts) > 64:  # ".." after a symlink or a missing folder; very deep paths
        return os.path.realpath(text)
    return _real(text)


def rel(path: Path) -> str:
    """The path as people see it in messages: relative to the repository when it is inside."""
    text = real_path(path)
    if text == _ROOT_PREFIX[:-1]:
        return "."
    return text[len(_ROOT_PREFIX):] if text.startswith(_ROOT_PREFIX) else text


def _absolute(path: Path | str) -> str:
    # Cached answers are keyed by absolute path, so a change of working folder cannot make them stale.
    text = os.fspath(path)
    return text if os.path.isabs(text) else os.path.join(os.getcwd(), text)


@lru_cache(maxsize=2**16)  # each file is named by several stages
def _real(path: str) -> str:
    # Why not Path.resolve() for each file: it looks up every folder of the path (six for a
    # record) and pathlib is slow; the records of one year share their folder, so the folder is
    # resolved once and each file costs one lookup (is it a symlink?).
    folder, name = os.path.split(path)
    if name in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    return os.path.join(_real(folder), name)


_ROOT_PREFIX = ROOT.as_posix() + "/"
ACTIVITY_DIR = "data/activities"  # one record per file, by year (validate.py, the forge links)


#: What a build reads from the repository. Each must be a regular file, or a folder holding only
#: regular files and folders: no symlink anywhere under them.
SOURCES = ("data", "content", "overrides", "mkdocs.yml")


def symlinks(root: Path = ROOT) -> list[Path]:
    """Every symlink among SOURCES and under them (symlinked folders are not entered)."""
    found = []
    for top in SOURCES:
        path = root / top
        if path.is_symlink():
            found.append(path)
            continue
        for folder, dirs, files in os.walk(path):  # os.walk does not follow symlinked folders
            found += [Path(folder, n) for n in dirs + files if os.path.islink(os.path.join(folder, n))]
    return sorted(found)


def is_linked(path: Path | str) -> bool:
    """Whether the file is a symlink, or is reached through one: a symlinked folder inside the
    repository, on the way from it to the file (a path outside the repository: the file itself)."""
    text = _absolute(path)
    if os.path.islink(text):
        return True
    if not text.startswith(_ROOT_PREFIX):
        return False
    parts = text[len(_ROOT_PREFIX):].split(os.sep)[:-1]
    return any(os.path.islink(_ROOT_PREFIX + os.sep.join(parts[: i + 1])) for i in range(len(parts)))


def report_symlink(path: Path, report: Report, root: Path = ROOT) -> None:
    """file/symlink for a symlink (or a file reached through one), saying where it leads."""
    report.add("file/symlink", rel_unresolved(path), 1, where=_leads_to(path, root.as_posix() + "/"))


def rel_unresolved(path: Path | str) -> str:
    """The path as written, relative to the repository when it is inside (symlinks not followed)."""
    text = os.path.normpath(_absolute(path))
    return text[len(_ROOT_PREFIX):] if text.startswith(_ROOT_PREFIX) else text


def _leads_to(path: Path, root: str) -> str:
    target = os.path.realpath(path)
    if not os.path.exists(target):
        return "一个不存在的位置"
    if target == "/proc" or target.startswith(("/proc/", "/sys/", "/dev/")):
        return "系统文件（/proc、/sys 或 /dev）"
    if not target.startswith(root):
        return "仓库以外的位置"
    if ".git" in target[len(root):].split(os.sep):
        return "仓库的 .git 文件夹"
    return "仓库里的另一个位置"


def read_capped(path: Path, report: Report, limit: int, too_large: str = "file/too-large") -> bytes | None:
    """The file's bytes, or None after reporting that it cannot be read or is over `limit`."""
    name = rel(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        report.add("file/unreadable", name, 1, reason=exc.strerror or type(exc).__name__)
        return None
    if len(raw) > limit:
        report.add(too_large, name, 1, size=len(raw), limit=limit)
        return None
    return raw


def read_text(path: Path, report: Report, limit: int = MAX_RECORD_BYTES) -> str | None:
    """The file's text, or None after reporting why it cannot be used."""
    name = rel(path)
    raw = read_capped(path, report, limit)
    if raw is None:
        return None
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Windows editors is harmless
    except UnicodeDecodeError as exc:
        report.add("file/not-utf8", name, raw.count(b"\n", 0, exc.start) + 1)
        return None
    check_invisible(text, name, report)
    return text


def check_invisible_values(doc: Document, name: str, report: Report) -> None:
    """The same characters in parsed values: YAML escapes ("\\0", "\\x07", "\\u202e") write them
    without them being in the file's text (the calendar export crashed on a NUL)."""
    for path, value in _strings(doc.value, ()):
        if m := _INVISIBLE_RE.search(value):
            cp = ord(m.group())
            line, column = doc.positions.get(path, (doc.line(path), 0))
            report.add("text/control-char", name, line, column=column, value=f"U+{cp:04X}（{_INVISIBLE.get(cp, '控制字符')}）")


def _strings(value, path: tuple):
    """(path, text) of every string in a parsed value, keys included (a key is reported at its entry)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, path + (key,))
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def check_invisible(text: str, name: str, report: Report) -> None:
    """Report bidi controls, zero-width and other control characters (tab and newlines excepted)."""
    for m in _INVISIBLE_RE.finditer(text):
        cp = ord(m.group())
        line = text.count("\n", 0, m.start()) + 1
        col = m.start() - text.rfind("\n", 0, m.start())
        report.add("text/control-char", name, line, column=col, value=f"U+{cp:04X}（{_INVISIBLE.get(cp, '控制字符')}）")


def load_yaml(path: Path, report: Report) -> Document | None:
    """Read and parse one YAML record; None when it cannot be used (the report says why)."""
    text = read_text(path, report)
    if text is None:
        return None
    name = rel(path)
    if not text.strip():
        report.add("file/empty", name, 1)
        return None
    doc, issues = parse(text)
    for issue in issues:
        report.add(issue.code, name, issue.line, column=issue.column, **issue.params)
    if not _INVISIBLE_RE.search(text):  # else the text check above has named them where they are
        check_invisible_values(doc, name, report)
    if not issues and doc.value in (None, ""):  # only comments, a bare "---" or "null": nothing in it
        report.add("file/empty", name, 1)
        return None
    if doc.value is None or any(i.code != "yaml/duplicate-key" for i in issues):
        return None
    if not isinstance(doc.value, dict):
        report.add("yaml/not-mapping", name, 1)
        return None
    return doc
