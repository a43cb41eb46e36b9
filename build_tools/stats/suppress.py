"""Suppression: what a table may publish about a set of true counts.

Primary: a count from 1 to k-1, a zero that is not structural, and every cell the ledger
keeps hidden are suppressed; counts of children with a sensitive attribute are rounded to
the nearest 5. Complementary: while the audit finds a hidden cell whose range is narrower
than k, suppress one more published cell next to it (a part before a total, the smallest
first, never a structural zero, which everybody knows). Each round hides at least one more
cell and a fully hidden component passes the audit, so the loop ends; what it returns is
exactly what the audit accepts.
"""

from __future__ import annotations

from .audit import Key, Published, Relation, audit
from .contract import ROUND_TO


def rounded(value: int) -> int:
    """To the nearest multiple of ROUND_TO (halves cannot occur: counts are whole numbers)."""
    return (value + ROUND_TO // 2) // ROUND_TO * ROUND_TO


def primary(true: dict[Key, int], k: int, sensitive: bool, structural: frozenset = frozenset(),
            forced: frozenset = frozenset()) -> dict[Key, Published]:
    """Threshold, zeros, ledger and rounding, cell by cell."""
    out: dict[Key, Published] = {}
    for key, value in true.items():
        if key in structural and value == 0:
            out[key] = Published(0)
        elif key in forced or value < k:
            out[key] = Published(None)
        else:
            out[key] = Published(rounded(value), rounded=True) if sensitive else Published(value)
    return out


def protect(true: dict[Key, int], relations: list[Relation], k: int, sensitive: bool = False,
            structural: frozenset = frozenset(), forced: frozenset = frozenset()) -> dict[Key, Published]:
    """Primary and complementary suppression; the result passes audit(…, k)."""
    cells = primary(true, k, sensitive, structural_totals(structural, relations), forced)
    totals = {rel.total for rel in relations}
    while True:
        result = audit(cells, relations, k)
        if result.infeasible:
            raise ValueError("the true counts do not satisfy the table's relations")
        failing = sorted(result.derivable(k), key=repr)
        if not failing:
            return cells
        touched: set[Key] = set()
        for key in failing:
            if touched & _neighbours(key, relations):
                continue  # a complement chosen this round may already protect it
            choice = _complement(key, cells, relations, totals)
            if choice is not None:
                cells[choice] = Published(None)
                touched.add(choice)
        if not touched:  # cannot happen: a fully hidden component passes (see the module docstring)
            raise RuntimeError("no published cell left to suppress")


def structural_totals(structural: frozenset, relations: list[Relation]) -> frozenset:
    """A total whose parts are all structural zeros is one too (hiding it would hide nothing)."""
    out = set(structural)
    grew = True
    while grew:
        grew = False
        for rel in relations:
            if rel.total not in out and all(p in out for p in rel.parts):
                out.add(rel.total)
                grew = True
    return frozenset(out)


def _neighbours(key: Key, relations: list[Relation]) -> set[Key]:
    return {other for rel in relations if key in rel.keys for other in rel.keys}


def _complement(key: Key, cells: dict[Key, Published], relations: list[Relation], totals: set[Key]) -> Key | None:
    """The nearest published, non-zero cell (breadth first over relations), parts before totals."""
    seen, frontier = {key}, {key}
    while frontier:
        ring = set().union(*(_neighbours(k, relations) for k in frontier)) - seen
        candidates = [c for c in ring if c in cells and not cells[c].suppressed and cells[c].value != 0]
        if candidates:
            return min(candidates, key=lambda c: (c in totals, cells[c].value, repr(c)))
        seen |= ring
        frontier = ring
    return None
