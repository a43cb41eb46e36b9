"""`fmt`: rewrite activity records in canonical form (canonical.py), or show what would change.

A file that cannot be read as a record (YAML syntax, duplicate keys, wrong encoding…) is
never rewritten: its problems are printed and it is left as it is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from .. import ROOT
from ..check.canonical import dump
from ..check.contract import contract
from ..detect.detectors import looks_personal
from ..load.sources import load_yaml, rel
from ..load.yaml_comments import extract
from ..report.problems import REDACTED, Report, format_report


@dataclass(frozen=True)
class Formatted:
    path: Path
    old: bytes
    new: bytes

    @property
    def changed(self) -> bool:
        return self.old != self.new

    def diff(self) -> str:
        """A unified diff of the lines, or a note when only the line ends or a BOM differ."""
        name = rel(self.path)
        old = self.old.decode("utf-8-sig").splitlines()
        new = self.new.decode("utf-8").splitlines()
        lines = [_shown(line) for line in difflib.unified_diff(old, new, f"a/{name}", f"b/{name}", lineterm="")]
        if lines or not self.changed:
            return "\n".join(lines)
        return f"{name}：内容不变，只需把换行符改为 LF（\\n）并去掉文件开头的 BOM。"


def _shown(line: str) -> str:
    """A diff line as CI logs may show it: a line that looks personal keeps only its +/- mark."""
    return line[:1] + REDACTED if looks_personal(line[1:]) else line


def format_file(path: Path, root: Path = ROOT) -> tuple[Formatted | None, Report]:
    """The canonical bytes of one record, or None and the report of why it cannot be read."""
    report = Report()
    doc = load_yaml(path, report)
    if doc is None or report.problems:
        return None, report
    _, schema = contract(root)
    text = Path(path).read_bytes().decode("utf-8-sig")
    new = dump(doc.value, schema.root, extract(text, doc)).encode("utf-8")
    return Formatted(Path(path), Path(path).read_bytes(), new), report


def run(files: list[Path], check: bool, root: Path = ROOT) -> int:
    """Format (or with check, diff) every file; exit code 0 clean, 1 changes or unreadable."""
    changed, refused = [], Report()
    for path in files:
        result, report = format_file(path, root)
        refused.extend(report)
        if result is None or not result.changed:
            continue
        changed.append(rel(path))
        if check:
            print(result.diff())
        else:
            path.write_bytes(result.new)
    if refused.problems:
        print(format_report(refused, "text"))
        print("以上文件有错误，没有整理格式：请先按提示改正。")
    if check and changed:
        print(f"{len(changed)} 个文件不是规范格式。运行 python -m build_tools fmt 即可自动整理（不改变内容）。")
    elif changed:
        print(f"已整理 {len(changed)} 个文件的格式：" + "、".join(changed))
    elif not refused.problems:
        print("文件是规范格式。" if len(files) == 1 else f"{len(files)} 个文件都是规范格式。")  # not "1 个文件都是"
    return 1 if refused.problems or (check and changed) else 0
