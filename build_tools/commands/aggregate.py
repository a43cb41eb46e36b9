"""`aggregate ROSTER --period P --out FILE`: a private roster → the publishable aggregate table.

The roster (one row per child, CSV in UTF-8 or GB18030, or XLSX) is read only for the columns
in data/statistics/roster-mapping.yaml; the output holds only counts per county, township and
level, suppressed, rounded and audited; the suppression ledger keeps hidden cells hidden.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from .. import ROOT
from ..load.sources import real_path, rel
from ..report.problems import Report, format_report

_PERIOD = re.compile(r"20[0-9]{2}(Q[1-4])?")


def period(text: str) -> str:
    if not _PERIOD.fullmatch(text):
        raise argparse.ArgumentTypeError(f"统计期应写成 2025 或 2026Q3 的形式，收到 {text!r}")
    return text


def register(sub) -> None:
    p = sub.add_parser("aggregate", help="把私密花名册汇总成可以公开的统计表（隐藏、取整并核验）")
    p.add_argument("roster", type=Path, help="花名册文件（.csv 或 .xlsx），必须放在仓库文件夹以外（如“文档”文件夹）")
    p.add_argument("--period", type=period, required=True, help="统计期，如 2025 或 2026Q3")
    p.add_argument("--out", type=Path, required=True, help="写出的统计表，如 data/statistics/2026Q3-430603.csv")
    p.add_argument("--source", default="学校上报的留守儿童信息台账汇总", help="写入 source 列的数据来源说明")
    p.add_argument("--mapping", type=Path, default=ROOT / "data/statistics/roster-mapping.yaml", help="表头映射文件")
    p.add_argument("--ledger", type=Path, default=ROOT / "data/statistics/suppression-ledger.csv", help="隐藏记录文件")
    p.add_argument("--format", choices=["text", "json", "github"], default="text")
    p.set_defaults(run=run)


def inside_repository(path: Path, root: Path = ROOT) -> str | None:
    """The repository folder the roster sits in (tracked by git or not), as people see it; None when outside.

    An untracked roster in the repository is one `git add .` away from being published, so it
    is refused wherever it is in there, ignored folders (rosters/, private/) included.
    """
    real, top = Path(os.path.realpath(path)), Path(os.path.realpath(root))
    if real != top and top not in real.parents:
        return None
    folder = real.parent.relative_to(top).as_posix()
    return "仓库根目录" if folder == "." else f"仓库里的 {folder}/ 文件夹"


def tracked_by_git(path: Path) -> bool:
    """True when the file is in a git repository's index (git ls-files)."""
    path = path.resolve()
    try:
        proc = subprocess.run(["git", "-C", str(path.parent), "ls-files", "--error-unmatch", "--", path.name],
                              capture_output=True, text=True)
    except FileNotFoundError:
        return False
    return proc.returncode == 0


def run(args) -> int:
    from ..stats.contract import LEDGER, load_contract
    from ..stats.history import with_published_history
    from ..stats.publish import csv_text, percentages, publishable, table_rows, update_ledger, verify
    from ..stats.roster import Mapping, count_roster

    report = Report()
    where = inside_repository(args.roster)
    if where:
        report.add("roster/inside-repository", "（花名册）", 1, where=where)
        return _fail(report, args.format)
    if tracked_by_git(args.roster):
        report.add("roster/tracked", rel(args.roster), 1)
        return _fail(report, args.format)
    contract = load_contract(ROOT, report)
    contract = _with_ledger(contract, args.ledger)
    if real_path(args.ledger) == real_path(ROOT / LEDGER):  # the repository's: its tables' history applies too
        contract = with_published_history(contract, ROOT)
    counts = count_roster(args.roster, Mapping.load(args.mapping), contract, report)
    if counts is None or report.errors:
        return _fail(report, args.format)
    cells = publishable(counts, args.period, contract)
    rows = table_rows(cells, percentages(counts, cells, args.period, contract), contract, args.source)
    checked = verify(rows, contract, rel(args.out))
    if checked.errors:  # the suppression always satisfies its own audit; this guards the guard
        return _fail(checked, args.format)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(csv_text(rows), encoding="utf-8")
    added = update_ledger(args.ledger, cells, contract)
    hidden = sum(p.value is None for p in cells.values())
    rounded = sum(p.rounded for p in cells.values())
    print(f"已写出 {rel(args.out)}：{len(rows)} 行，其中隐藏 {hidden} 格、取整 {rounded} 格，核验通过（没有可推算的隐藏格）。"
          f"隐藏记录新增 {added} 条：{rel(args.ledger)}。")
    return 0


def _with_ledger(contract, ledger: Path):
    """The contract with the ledger given on the command line (the repository's by default)."""
    from dataclasses import replace

    from ..stats.contract import read_ledger

    return replace(contract, ledger=read_ledger(ledger))


def _fail(report: Report, fmt: str) -> int:
    print(format_report(report, fmt), file=sys.stderr)
    print("没有写出统计表。", file=sys.stderr)
    return 1
