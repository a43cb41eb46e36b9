"""Problems for forges other than GitHub: a GitLab Code Quality report and a Markdown table.

GitLab shows a Code Quality report (a subset of the Code Climate issue format: description,
check_name, fingerprint, severity, location.path, location.lines.begin) in the merge request and
on the changed lines. Gitea and Forgejo Actions run GitHub-style workflows but show no
annotations: there the problems go to the job log as a Chinese table, and the same Markdown is
attached to the run as a file. Messages are the ones Report.add made (personal data already hidden).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # problems.format_report imports this module when asked for these formats
    from .problems import Problem

# A privacy problem blocks publication outright; other errors must be fixed; warnings are for the reviewer.
_SEVERITY = {"error": "major", "warning": "minor"}


def codequality(problems: list[Problem]) -> str:
    """The problems as a GitLab Code Quality report (JSON array; `[]` when clean)."""
    seen: dict[str, int] = {}
    issues = []
    for p in problems:
        key = hashlib.sha256(f"{p.file}\n{p.line}\n{p.field}\n{p.code}\n{p.message}".encode()).hexdigest()
        seen[key] = seen.get(key, 0) + 1
        issues.append({
            "description": f"[{p.code}] {p.field + '：' if p.field else ''}{p.message}{p.hint}",
            "check_name": p.code,
            # Stable across runs (GitLab compares the base's report with the MR's), unique per problem.
            "fingerprint": key if seen[key] == 1 else f"{key}-{seen[key]}",
            "severity": "critical" if p.severity == "error" and p.code.startswith("privacy/") else _SEVERITY.get(p.severity, "info"),
            "location": {"path": p.file, "lines": {"begin": max(p.line, 1)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=1)


def markdown(problems: list[Problem]) -> str:
    """The problems as a Markdown table in Chinese, with a closing count."""
    errors = sum(p.severity == "error" for p in problems)
    if not problems:
        return "数据检查通过，没有发现问题。"
    rows = ["| 文件 | 行 | 字段 | 代码 | 问题 | 怎么改 |", "| --- | --- | --- | --- | --- | --- |"]
    rows += [f"| {_cell(p.file)} | {p.line} | {_cell(p.field)} | {_cell(p.code)}{'' if p.severity == 'error' else '（警告）'} "
             f"| {_cell(p.message)} | {_cell(p.hint)} |" for p in problems]
    return "\n".join(rows + ["", f"共 {errors} 个错误，{len(problems) - errors} 个警告。"])


def summary(problems: list[Problem]) -> str:
    """The same table under a heading, for GitHub's job summary ($GITHUB_STEP_SUMMARY), which
    has no limit where GitHub shows only 10 annotations a step."""
    heading = "### 数据检查：发现问题" if problems else "### 数据检查"
    return f"{heading}\n\n{markdown(problems)}\n"


def _cell(text: str) -> str:
    """Text in a table cell: no line breaks, no column bars, no markup."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
            .replace("\r", " ").replace("\n", " "))
