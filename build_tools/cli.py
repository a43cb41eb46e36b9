"""python -m build_tools COMMAND — the command line (README.md, "Command line"; ARCHITECTURE.md §2).

Exit codes: 0 clean, 1 problems found, 2 usage error (argparse's own code).
Each command lives in its own module with `register(subparsers)`, which adds a subparser
and sets `run=function(args) -> int`; COMMANDS lists them in the order `--help` shows.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import traceback
from pathlib import Path

from .commands import chinese_help
from .commands.today import UsageError
from .engine.forked import stop_helpers

COMMANDS = [
    "build_tools.commands.validate",
    "build_tools.commands.build",
    "build_tools.commands.scan",
    "build_tools.commands.fmt",
    "build_tools.commands.new",
    "build_tools.commands.diff",
    "build_tools.commands.check",
    "build_tools.commands.aggregate",
    "build_tools.commands.serve",
    "build_tools.commands.province",
    "build_tools.commands.links",
]


def parser() -> argparse.ArgumentParser:
    chinese_help.install()  # 用法, 位置参数, 选项 and argparse's errors in Chinese
    p = argparse.ArgumentParser(prog="python -m build_tools", description="关爱留守儿童志愿活动门户的数据检查与网站构建工具")
    sub = p.add_subparsers(dest="command", required=True, title="命令", metavar="命令",
                           help="运行 python -m build_tools 命令 -h 查看每个命令的用法")
    for name in COMMANDS:
        importlib.import_module(name).register(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
    except KeyboardInterrupt:  # while the commands were still being loaded
        print("已中断：什么都没有改动。", file=sys.stderr)
        return 130
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"python -m build_tools {args.command}: 用法错误：{exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the output went to `head` or a pager that was closed: nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error when Python flushes at exit
        return 1
    except KeyboardInterrupt:  # Ctrl-C, or SIGINT from a CI runner cancelling the job
        stop_helpers()
        print(f"已中断：“{args.command}”没有完成。site/ 和数据文件都没有改动。", file=sys.stderr)
        return 130
    except Exception as exc:  # the last resort: every known kind of bad input has its own message
        return _internal_error(args.command, exc)




def _internal_error(command: str, exc: Exception) -> int:
    """A short Chinese message instead of a traceback; helpers stopped so that nothing keeps running."""
    stop_helpers()
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f"，位置 {Path(where.filename).name}:{where.lineno}" if where else ""
    print(f"程序内部出错，“{command}”没有完成（{type(exc).__name__}{at}）。\n"
          "site/ 没有改动，数据文件也没有改动。这不是您的数据写错了的提示，而是程序的问题：\n"
          "请把这段输出和运行的命令发给网站维护人员（在代码仓库提交问题 issue），不要附上任何儿童的信息。",
          file=sys.stderr)
    return 1
