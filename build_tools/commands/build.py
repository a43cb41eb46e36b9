"""`build [--today YYYY-MM-DD]`: validate, generate, mkdocs build, swap into site/."""

from __future__ import annotations

from pathlib import Path

from .. import ROOT
from .today import parse_day, resolve_today
from .validate import FORMATS


def register(sub) -> None:
    p = sub.add_parser("build", help="检查数据、生成页面并构建网站到 site/")
    p.add_argument("--today", type=parse_day, default=None, help="构建日期 YYYY-MM-DD（默认读环境变量 PORTAL_TODAY，再默认今天）")
    p.add_argument("--site-dir", type=Path, default=ROOT / "site")
    p.add_argument("--format", choices=FORMATS, default="text")
    p.set_defaults(run=run)


def run(args) -> int:
    from ..build import build

    return build(resolve_today(args.today), args.site_dir, args.format)
