"""`province --out FILE [--today D] 城市=SOURCE…`: the provincial index page from each city's activities.json."""

from __future__ import annotations

import sys
from pathlib import Path

from .today import UsageError, parse_day, resolve_today


def register(sub) -> None:
    p = sub.add_parser("province", help="从各城市门户的 activities.json 生成全省活动索引页")
    p.add_argument("cities", nargs="+", metavar="城市=来源", help="如 柳州市=https://liuzhou.example.cn/activities/activities.json 或本地文件")
    p.add_argument("--out", type=Path, required=True, help="写出的 Markdown 页面")
    p.add_argument("--today", type=parse_day, default=None)
    p.set_defaults(run=run)


def run(args) -> int:
    from ..pages.province import CityFailed, page, read_city

    pairs = [c.split("=", 1) for c in args.cities]
    if any(len(p) != 2 or not p[0] or not p[1] for p in pairs):
        raise UsageError("每个城市写成 城市名=来源，例如 柳州市=site/activities/activities.json")
    try:
        cities = [read_city(name, source) for name, source in pairs]
    except CityFailed as exc:
        print(f"{exc}\n全省索引页没有生成。", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(page(cities, resolve_today(args.today)), encoding="utf-8")
    print(f"全省索引页已写到 {args.out}：{len(cities)} 个城市，{sum(len(c.data['activities']) for c in cities)} 项活动。")
    return 0
