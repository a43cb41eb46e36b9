"""The suppression ledger and the released periods as protected history.

Once a cell is hidden it stays hidden (ARCHITECTURE.md §4.5); the ledger, data/statistics/
suppression-ledger.csv, says since when. A pull request can change every file under data/,
the ledger included, so the ledger file is never the only witness. The truth lives in three
places, each checked:

1. The published tables themselves. Every count cell that a table of any period shows as
   suppressed is hidden from that period on, whatever the ledger file says: the effective
   ledger is the file's entries joined with those (effective_ledger). A ledger file that
   lacks such a cell, or names a later period for it, is an error naming the cell
   (stats/ledger-weakened); deleting or emptying the file changes nothing but that.
2. releases.csv. Each released period records two SHA-256 digests: of its tables' cells
   (period, region, level, indicator, value, flag) and of the ledger entries in force by
   then. Editing or deleting an old table, or an old ledger entry, no longer matches
   (stats/release-changed); a release row without digests is not sealed (stats/release-unsealed:
   the message gives the line to write when the period is released).
3. The base branch, in CI (PORTAL_BASE_REF, the pull request's base commit): no entry of the
   base's ledger may go or move later, and no row of the base's releases.csv may go or change
   (stats/ledger-weakened, stats/release-removed). This is what stops a pull request that
   rewrites an old table, its digest and the ledger together. When the base cannot be read
   the check fails (stats/base-unreadable).
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import subprocess
from dataclasses import replace
from pathlib import Path

from ..report.problems import Report
from .contract import LEDGER, RELEASES, Contract, period_key, read_csv, statistics_files
from .tables import Cell

RELEASE_FIELDS = ["period", "published", "note", "tables_sha256", "ledger_sha256"]
BASE_ENV = "PORTAL_BASE_REF"
Ledger = dict[tuple[str, str, str], str]  # (region, level, indicator) → first period hidden


def hidden_in_tables(cells: list[Cell], contract: Contract) -> dict[tuple[str, str, str], Cell]:
    """For each count cell that a table shows suppressed, the earliest such row."""
    first: dict[tuple[str, str, str], Cell] = {}
    for cell in cells:
        if cell.value is None and contract.indicators[cell.indicator].is_count:
            key = (cell.region, cell.level, cell.indicator)
            if key not in first or period_key(cell.period) < period_key(first[key].period):
                first[key] = cell
    return first


def effective_ledger(contract: Contract, cells: list[Cell]) -> Ledger:
    """The ledger file's entries and every cell a published table hides, each from its first period."""
    out = dict(contract.ledger)
    for key, cell in hidden_in_tables(cells, contract).items():
        if key not in out or period_key(cell.period) < period_key(out[key]):
            out[key] = cell.period
    return out


def with_published_history(contract: Contract, root: Path) -> Contract:
    """The contract with the effective ledger of the repository's tables (for `aggregate`, which
    must keep hidden whatever an earlier table hid, whatever the ledger file says)."""
    from .tables import check_tables

    cells = check_tables(statistics_files(root), contract, Report(), root)
    return replace(contract, ledger=effective_ledger(contract, cells))


def check_history(cells: list[Cell], contract: Contract, root: Path, report: Report, releases: bool = True) -> None:
    """Layers 1 to 3 of the module docstring, over the rows of root's own tables; `releases`
    when they are all of root's tables (a digest of some of them would not match)."""
    for key, cell in sorted(hidden_in_tables(cells, contract).items()):
        since = contract.ledger.get(key)
        if since is None or period_key(since) > period_key(cell.period):
            problem = "隐藏记录里没有它" if since is None else f"隐藏记录却写成从 {since} 起"
            report.add("stats/ledger-weakened", cell.file, cell.row, "flag", cell=_name(key), since=cell.period,
                       problem=problem, entry=",".join((*key, cell.period)))
    if not releases:
        return
    rows = read_csv(root / RELEASES)
    for number, row in enumerate(rows, start=2):
        _check_release(row, number, cells, contract, report)
    ref = os.environ.get(BASE_ENV, "").strip()
    if ref:
        _check_base(ref, root, contract, rows, report)


def tables_digest(cells: list[Cell], period: str) -> str:
    """SHA-256 of the period's published cells: what a reader could learn from its tables."""
    rows = sorted(_cell_line(c) for c in cells if c.period == period)
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def ledger_digest(ledger: Ledger, period: str) -> str:
    """SHA-256 of the ledger entries in force by the end of the period."""
    rows = sorted(",".join((*key, since)) for key, since in ledger.items() if period_key(since) <= period_key(period))
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def release_line(row: dict, cells: list[Cell], contract: Contract) -> str:
    """The releases.csv line of a period, sealed with its digests as they are now."""
    values = [row.get("period", ""), row.get("published", ""), row.get("note", ""),
              tables_digest(cells, row["period"]), ledger_digest(contract.ledger, row["period"])]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="").writerow(values)
    return buf.getvalue()


def _check_release(row: dict, number: int, cells: list[Cell], contract: Contract, report: Report) -> None:
    period = row.get("period", "")
    sealed = (row.get("tables_sha256") or "", row.get("ledger_sha256") or "")
    if not all(sealed):
        report.add("stats/release-unsealed", RELEASES, number, "period", period=period,
                   sealed=release_line(row, cells, contract))
        return
    if sealed[0] != tables_digest(cells, period):
        report.add("stats/release-changed", RELEASES, number, "tables_sha256", period=period, what="它的统计表")
    if sealed[1] != ledger_digest(contract.ledger, period):
        report.add("stats/release-changed", RELEASES, number, "ledger_sha256", period=period,
                   what="隐藏记录（suppression-ledger.csv 里到这一期为止的条目）")


def _check_base(ref: str, root: Path, contract: Contract, releases: list[dict], report: Report) -> None:
    base_ledger, base_releases = _at_base(root, ref, LEDGER), _at_base(root, ref, RELEASES)
    if base_ledger is None or base_releases is None:
        report.add("stats/base-unreadable", RELEASES, 1, base=ref[:40])
        return
    for row in _rows(base_ledger):
        key, since = (row.get("region", ""), row.get("level", ""), row.get("indicator", "")), row.get("since", "")
        now = contract.ledger.get(key)
        if now is None or period_key(now) > period_key(since):
            problem = "基准分支的隐藏记录里有它，这次提交" + ("删除了它" if now is None else f"把它推迟到了 {now}")
            report.add("stats/ledger-weakened", LEDGER, 1, cell=_name(key), since=since, problem=problem,
                       entry=",".join((*key, since)))
    current = {tuple(r.get(f, "") for f in RELEASE_FIELDS) for r in releases}
    for row in _rows(base_releases):
        values = tuple(row.get(f, "") for f in RELEASE_FIELDS)
        if values not in current:
            buf = io.StringIO()
            csv.writer(buf, lineterminator="").writerow(values)
            report.add("stats/release-removed", RELEASES, 1, base=ref[:40], period=row.get("period", ""), entry=buf.getvalue())


def _at_base(root: Path, ref: str, path: str) -> str | None:
    """The file's text in the base commit; "" when it did not exist there; None when the commit
    cannot be read."""
    try:
        known = subprocess.run(["git", "-C", str(root), "cat-file", "-e", f"{ref}^{{commit}}"], capture_output=True)
        if known.returncode != 0:
            return None
        shown = subprocess.run(["git", "-C", str(root), "show", f"{ref}:{path}"], capture_output=True)
    except OSError:
        return None
    return shown.stdout.decode("utf-8-sig", "replace") if shown.returncode == 0 else ""


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _cell_line(cell: Cell) -> str:
    value = "" if cell.value is None else (str(int(cell.value)) if float(cell.value).is_integer() else str(cell.value))
    return ",".join((cell.period, cell.region, cell.level, cell.indicator, value, cell.flag))


def _name(key: tuple[str, str, str]) -> str:
    return "·".join(key)

