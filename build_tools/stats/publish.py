"""True counts → the publishable long-form table (suppressed, rounded, audited) and the ledger.

Used by the `aggregate` command; nothing here reads a roster or writes anything but the table
and the ledger.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..report.problems import Report
from .audit import Published
from .contract import COLUMNS, LEDGER_FIELDS, Contract, period_key
from .disclosure import check_across, check_cell
from .structure import relations
from .suppress import protect
from .tables import Cell

FIELDS = COLUMNS
Counts = dict[tuple[str, str, str], int]


def publishable(counts: Counts, period: str, contract: Contract) -> dict[tuple, Published]:
    """Every count cell of the period, protected indicator by indicator."""
    out: dict[tuple, Published] = {}
    for code, indicator in contract.indicators.items():
        true = {(period, r, lv, i): n for (r, lv, i), n in counts.items() if i == code}
        if indicator.difficulty_subtype:  # county level only, and only the total over levels
            true = {key: n for key, n in true.items() if key[1] in contract.counties and key[2] == "all"}
        if not true:
            continue
        structural = frozenset(key for key in true if (key[1], key[2]) in contract.structural)
        forced = frozenset(key for key in true if _in_ledger(key, contract) or _small_complement(key, counts, contract))
        out.update(protect(true, relations(true, contract), contract.k, indicator.sensitive, structural, forced))
    return out


def _small_complement(key: tuple, counts: Counts, contract: Contract) -> bool:
    """A numerator of a percentage whose denominator exceeds it by 1 to k-1 (194 registered, 187
    archived: 7 without an archive) is hidden, or the difference publishes those few children."""
    _, region, level, code = key
    for indicator in contract.indicators.values():
        if indicator.numerator == code and not indicator.is_count:
            outside = counts.get((region, level, indicator.denominator), 0) - counts[(region, level, code)]
            if 0 < outside < contract.k:
                return True
    return False


def _in_ledger(key: tuple, contract: Contract) -> bool:
    since = contract.ledger.get((key[1], key[2], key[3]))
    return since is not None and period_key(since) <= period_key(key[0])


def percentages(counts: Counts, cells: dict[tuple, Published], period: str, contract: Contract) -> dict[tuple, tuple]:
    """(value, flag) of each percentage: published only over exact published counts of at least k."""
    out = {}
    for code, indicator in contract.indicators.items():
        if indicator.is_count:
            continue
        for region, level, i in counts:
            if i != indicator.denominator or (period, region, level, indicator.numerator) not in cells:
                continue
            num_cell, den_cell = (cells.get((period, region, level, c)) for c in (indicator.numerator, i))
            usable = all(c and c.value is not None and not c.rounded and c.value >= contract.k for c in (num_cell, den_cell))
            out[(period, region, level, code)] = _percent(num_cell.value / den_cell.value) if usable else (None, "suppressed")
    return out


def _percent(share: float) -> tuple:
    """A share as published: near 0 % or 100 % it is hidden, since its numerator and denominator
    are published beside it and "≥95%" would hide nothing (stats/coded-rate-revealed)."""
    value = round(share * 100, 1)
    if value <= 5 or value >= 95:
        return None, "suppressed"
    return (int(value) if value.is_integer() else value), ""


def table_rows(cells: dict[tuple, Published], percents: dict[tuple, tuple], contract: Contract, source: str) -> list[list[str]]:
    """The CSV rows, in a stable order: region (county, then its townships), indicator, level."""
    order = {r: n for n, r in enumerate(sorted(contract.counties))}
    order |= {t: n + 0.5 for n, c in enumerate(sorted(contract.counties)) for t in contract.townships_of(c)}
    indicators, levels = list(contract.indicators), list(contract.levels)
    rows = []
    values = {key: _shown(pub, key, contract) for key, pub in cells.items()} | percents
    for key in sorted(values, key=lambda k: (k[0], order[k[1]], k[1], indicators.index(k[3]), levels.index(k[2]))):
        value, flag = values[key]
        note = contract.structural.get((key[1], key[2]), "") if flag == "structural-zero" else ""
        rows.append([key[0], key[1], key[2], key[3], "" if value is None else str(value), flag, source, note])
    return rows


def _shown(pub: Published, key: tuple, contract: Contract) -> tuple:
    if pub.value is None:
        return None, "suppressed"
    if pub.value == 0:
        return 0, "structural-zero"
    return pub.value, "rounded" if pub.rounded else ""


def verify(rows: list[list[str]], contract: Contract, name: str) -> Report:
    """The table checked exactly as `validate` will check it (rules and audit)."""
    report = Report()
    cells = []
    for number, r in enumerate(rows, start=2):
        value = None if r[4] == "" else (float(r[4]) if "." in r[4] else int(r[4]))
        cell = Cell(name, number, *r[:4], value, *r[5:])
        if check_cell(cell, contract, report):
            cells.append(cell)
    check_across(cells, contract, report)
    return report


def csv_text(rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FIELDS)
    writer.writerows(rows)
    return buf.getvalue()


def update_ledger(path: Path, cells: dict[tuple, Published], contract: Contract) -> int:
    """Add every newly suppressed count cell; returns how many were added."""
    entries = dict(contract.ledger)
    for (period, region, level, indicator), pub in cells.items():
        since = entries.get((region, level, indicator))
        if pub.value is None and (since is None or period_key(period) < period_key(since)):
            entries[(region, level, indicator)] = period
    added = len(entries) - len(contract.ledger)
    if entries != contract.ledger:
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(LEDGER_FIELDS)
        writer.writerows([*key, since] for key, since in sorted(entries.items()))
        path.write_text(buf.getvalue(), encoding="utf-8")
    return added
