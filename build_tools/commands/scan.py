"""`scan [PATH…] [--format text|json|github]`: privacy scan of any files (data, content, built site)."""

from __future__ import annotations

from pathlib import Path

from .validate import FORMATS


def register(sub) -> None:
    p = sub.add_parser("scan", help="隐私扫描：查找身份证号、手机号、银行卡号、姓名、门牌住址和图片位置信息")
    p.add_argument("paths", nargs="*", type=Path, help="要扫描的文件或文件夹（默认：仓库里会提交的全部文件）")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..privacy.files import expand, repository_files, scan_paths
    from ..report.problems import Report, format_report

    report = Report()
    scanner = scan_paths(expand(args.paths) if args.paths else repository_files(), report)
    if args.format != "text" or report.problems:
        print(format_report(report, args.format))
    else:
        print(f"隐私扫描通过：检查了 {scanner.files} 个文件，没有发现问题。")
    if args.format == "text" and scanner.skipped:
        print(f"（有 {len(scanner.skipped)} 个文件的类型不在检查范围内，已跳过，如程序代码。）")
    return 1 if report.errors else 0
