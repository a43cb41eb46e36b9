"""`check [PATH…]`: the offline check before a pull request — validate + privacy scan + summary."""

from __future__ import annotations

from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("check", help="提交前在自己电脑上检查文件：数据规则、隐私扫描、可能重复的活动")
    p.add_argument("paths", nargs="*", type=Path, help="要检查的文件或文件夹（默认：data/ 下的全部文件）")
    p.set_defaults(run=run)


def run(args) -> int:
    from .. import ROOT
    from ..report.problems import format_report
    from ..schools.offline_check import check, summary
    from ..validate import expand

    files = expand(args.paths or [ROOT / "data"])
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print("找不到这些文件：" + "、".join(str(p) for p in missing) + "。请确认路径（可以把文件拖进命令行窗口）。")
        return 2
    report = check(files)
    if report.problems:
        print(format_report(report, "text").rsplit("\n", 1)[0])
    print(summary(report, files))
    return 1 if report.errors else 0
