"""`new activity [--id ID] [--out PATH]`: write a commented template record to fill in."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .. import ROOT

_ID = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}-[a-z0-9]+(-[a-z0-9]+)*")


def register(sub) -> None:
    p = sub.add_parser("new", help="生成一条带中文注释的活动记录模板")
    p.add_argument("kind", choices=["activity"], help="记录种类（目前只有 activity：活动）")
    p.add_argument("--id", help="活动编号，如 2026-12-05-anquan-jiangzuo；给出时模板写到 data/activities/<年份>/<编号>.yaml")
    p.add_argument("--out", type=Path, help="写到这个文件（默认：有 --id 时按编号放好，否则打印出来）")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..check.contract import contract
    from ..exports.template_record import template

    if args.id and not _ID.fullmatch(args.id):
        print(f"活动编号 “{args.id}” 的格式不对：应为“开始日期-英文短名”，如 2026-12-05-anquan-jiangzuo"
              "（只用小写字母、数字和连字符）。", file=sys.stderr)
        return 2
    text = template(contract(ROOT)[1], args.id)
    out = args.out or (ROOT / "data/activities" / args.id[:4] / f"{args.id}.yaml" if args.id else None)
    if out is None:
        sys.stdout.write(text)
        return 0
    if out.exists():
        print(f"{out} 已经存在，没有覆盖。要修改已有的活动，请直接编辑这个文件。", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"已生成模板：{out}\n请把每个“〔待填写〕”换成您的内容，然后运行：python -m build_tools check {out}")
    return 0
