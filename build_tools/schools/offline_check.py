"""`check PATH…`: what a school runs on its own computer before opening a pull request.

A pull request that contains a child's personal data has already published it (the PR and
its CI log are public), so the check that matters most is the one before it. It runs every
check of `validate` on the named files (schema, consistency, statistics rules and the
privacy scan), compares new activities with the repository's for possible duplicates, and
ends with a plain summary of what to do next.
"""

from __future__ import annotations

from pathlib import Path

from .. import ROOT
from ..check import duplicate_index, duplicates
from ..report.problems import Report
from ..validate import is_activity_file, validate_activities, validate_paths


def check(files: list[Path], root: Path = ROOT) -> Report:
    """Every problem of the named files, duplicates with the rest of the repository included."""
    report = validate_paths(files, root)
    named = [f for f in files if is_activity_file(f)]
    if named:
        _, mine = validate_activities(named, root)
        # The rest of the repository from the duplicate index (read again only where a file
        # changed): independent of how many activities there are (issue 18).
        others = duplicate_index.keys(root)
        for path in named:
            others.pop(_under(path, root), None)  # the named files count as checked now
        duplicates.check_keys(mine, others, report)
    return report


def _under(path: Path, root: Path) -> str:
    """path relative to root, as the index names it ("" when it lies outside)."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return ""


def summary(report: Report, files: list[Path]) -> str:
    """What the result means for the person who ran it, in a few lines."""
    errors, warnings = len(report.errors), len(report.problems) - len(report.errors)
    lines = [f"检查了 {len(files)} 个文件（数据规则和隐私扫描）：{errors} 个错误，{warnings} 个警告。"]
    if errors:
        lines.append("有错误：请按上面每一行的提示改正后再检查一遍，全部改好之前不要提交。")
    elif warnings:
        lines.append("没有错误，可以提交。警告请您再看一眼：确认没问题的，在提交说明里写一句原因，审核人会确认。")
    else:
        lines.append("全部通过，可以提交了。")
    codes = sorted({p.code for p in report.problems})
    if codes:
        from ..pages.catalogue import anchor  # the pages (jinja2) only when there is a code to link

        lines.append("每个错误代码的详细解释见网站“学校和主办单位 › 错误代码说明”页：" + "、".join(f"#{anchor(c)}" for c in codes))
    return "\n".join(lines)
