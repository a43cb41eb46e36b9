"""python -m build_tools COMMAND — the command line of DESIGN.md §2.

Exit codes: 0 clean, 1 problems found, 2 usage error (argparse's own code).
Each command lives in its own module with `register(subparsers)`, which adds a subparser
and sets `run=function(args) -> int`; COMMANDS lists them in the order `--help` shows.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os

COMMANDS = [
    "build_tools.commands.validate",
    "build_tools.commands.build",
    "build_tools.commands.scan",
    "build_tools.commands.fmt",
    "build_tools.commands.new",
    "build_tools.commands.diff",
    "build_tools.commands.check",
    "build_tools.commands.aggregate",
]


def parse_day(text: str) -> dt.date:
    """An argparse type for YYYY-MM-DD."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text!r}") from None


def resolve_today(arg: dt.date | None) -> dt.date:
    """--today, else $PORTAL_TODAY, else the clock (the only place that reads it)."""
    if arg is not None:
        return arg
    env = os.environ.get("PORTAL_TODAY")
    return parse_day(env) if env else dt.date.today()


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m build_tools", description="关爱留守儿童志愿活动门户的数据检查与网站构建工具")
    sub = p.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)
