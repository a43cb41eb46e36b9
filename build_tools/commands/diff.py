"""`diff BASE`: what the changes since BASE (a git ref) do to the site, in plain Chinese."""

from __future__ import annotations

import sys


def register(sub) -> None:
    p = sub.add_parser("diff", help="用中文说明与 BASE（git 分支或提交）相比，数据改动了什么（供审核人看）")
    p.add_argument("base", help="比较的基准，如 origin/main 或一个提交号")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..schools.datadiff import GitError, summarize
    from ..schools.diff_report import format_summary

    try:
        summary = summarize(args.base)
    except GitError as exc:
        print(f"无法读取 git 版本 “{args.base}”：{exc or '找不到这个分支或提交'}。请确认在仓库文件夹里运行，"
              "并且已经取得这个分支（如 git fetch origin main）。", file=sys.stderr)
        return 2
    print(format_summary(summary, args.base), end="")
    return 0
