"""python -m build_tools COMMAND — the command line of DESIGN.md §2.

Exit codes: 0 clean, 1 problems found, 2 usage error (argparse's own code).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from . import ROOT


def _today(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_tools", description="关爱留守儿童志愿活动门户的数据检查与网站构建工具")
    sub = p.add_subparsers(dest="command", required=True)
    v = sub.add_parser("validate", help="检查数据文件（不写任何文件）")
    v.add_argument("paths", nargs="*", type=Path, help="要检查的文件或文件夹（默认：全部活动）")
    v.add_argument("--format", choices=["text", "json", "github"], default="text")
    b = sub.add_parser("build", help="检查数据、生成页面并构建网站到 site/")
    b.add_argument("--today", type=_today, default=None, help="构建日期 YYYY-MM-DD（默认读环境变量 PORTAL_TODAY，再默认今天）")
    b.add_argument("--site-dir", type=Path, default=ROOT / "site")
    b.add_argument("--format", choices=["text", "json", "github"], default="text")
    return p


def resolve_today(arg: dt.date | None) -> dt.date:
    """--today, else $PORTAL_TODAY, else the clock (the only place that reads it)."""
    if arg is not None:
        return arg
    env = os.environ.get("PORTAL_TODAY")
    return _today(env) if env else dt.date.today()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "build":
        from .build import build

        return build(resolve_today(args.today), args.site_dir, args.format)
    return 2


def _validate(args) -> int:
    from .problems import format_report
    from .validate import activity_files, expand, validate_activities

    files = expand(args.paths) if args.paths else activity_files()
    report, _ = validate_activities(files)
    out = format_report(report, args.format)
    if out:
        print(out)
    return 1 if report.errors else 0
