"""Validation of the published statistics tables: schema → disclosure rules → audit, one report."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from pathlib import Path

from .. import ROOT
from ..load.sources import real_path, rel
from ..report.problems import Report
from .contract import STATS_DIR, Contract, is_table, load_contract, statistics_files
from .history import check_history, effective_ledger
from .tables import Cell, check_tables


# The disclosure rules import numpy and scipy (the LP audit, about a second): only when
# statistics are checked, never for `check` on an activity file (issue 18).
def check_cell(*args) -> bool:
    """disclosure.check_cell, imported on first use."""
    from .disclosure import check_cell as check

    return check(*args)


def check_across(*args) -> None:
    """disclosure.check_across, imported on first use."""
    from .disclosure import check_across as check

    check(*args)



@dataclass(frozen=True)
class Statistics:
    """The checked statistics: what the pages, charts and the download bundle are made from."""

    contract: Contract
    cells: list[Cell]  # every row that passed, in file order
    files: list[str]  # the tables, relative to the repository root
    audit_seconds: float


def validate_statistics(files: list[Path], root: Path = ROOT) -> tuple[Report, Statistics]:
    """Check the given tables together (relations and duplicates are checked across them)."""
    report = Report()
    contract = load_contract(root, report)
    cells = [c for c in check_tables(files, contract, report, root) if check_cell(c, contract, report)]
    # The history of the repository's own tables; releases only when every one of them is read.
    complete = {Path(real_path(p)) for p in statistics_files(root)} <= {Path(real_path(p)) for p in files}
    check_history([c for c in cells if _own(c, root)], contract, root, report, releases=complete)
    contract = replace(contract, ledger=effective_ledger(contract, cells))  # what the tables hid stays hidden
    started = time.perf_counter()
    check_across(cells, contract, report)
    seconds = time.perf_counter() - started
    names = sorted({c.file for c in cells})
    return report, Statistics(contract, cells, names, seconds)


def _own(cell: Cell, root: Path) -> bool:
    """A row of one of root's own tables (not of a table checked against root's contract)."""
    return real_path(ROOT / cell.file).startswith(real_path(root / STATS_DIR) + "/")


def in_statistics(path: Path) -> bool:
    """Any file under data/statistics/: a table or the configuration the tables depend on."""
    return f"{STATS_DIR}/" in real_path(path)


def validate_statistics_paths(files: list[Path], root: Path = ROOT) -> Report:
    """Files named on the command line, checked together with the repository's other tables
    (totals and duplicates span files); problems of the other tables are left out unless a
    configuration file (policy, ledger, structural zeros) was named, which concerns them all."""
    named = {p.resolve() for p in files}
    tables = [p for p in files if is_table(p)]
    inside = all(p.resolve().is_relative_to((root / STATS_DIR).resolve()) for p in tables)
    context = statistics_files(root) if inside else []
    everything = sorted({p.resolve() for p in (*tables, *context)})
    report, _ = validate_statistics(everything, root)
    if any(not is_table(p) for p in files):
        return report
    others = {rel(p) for p in everything if p not in named}
    return Report([p for p in report.problems if p.file not in others])
