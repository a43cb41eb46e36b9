"""`validate [PATH…] [--format text|json|github|codequality|markdown|summary]`: check data files, write nothing."""

from __future__ import annotations

from pathlib import Path

FORMATS = ["text", "json", "github", "codequality", "markdown", "summary"]  # summary: $GITHUB_STEP_SUMMARY


def register(sub) -> None:
    p = sub.add_parser("validate", help="检查数据文件（不写任何文件）")
    p.add_argument("paths", nargs="*", type=Path, help="要检查的文件或文件夹（默认：全部数据）")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="输出格式：text（给人看）、json（给程序）、github（PR 里的行内注释）、summary（任务摘要里的表格）")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..report.problems import format_report
    from ..validate import expand, validate_all, validate_paths

    report = validate_paths(expand(args.paths)) if args.paths else validate_all()[0]
    out = format_report(report, args.format)
    if out:
        print(out)
    return 1 if report.errors else 0
