"""The disclosure audit: can anyone work out a hidden cell from what a table publishes?

For every suppressed cell (and every cell a total covers but the table leaves out) linear
programs (scipy's HiGHS) find the smallest and largest value consistent with everything
published: the additive relations (a total equals the sum of its parts), non-negativity,
exact values, and for a rounded value r the interval [max(r-2, k), r+2]. The table passes
only if that range spans at least k. Published zeros are constants: they are what pins a
complementary cell, and an all-zero total pins every part to 0.

Speed: the relations fall apart into small independent components (one county, one period,
one indicator). All components go into one block-diagonal LP, so one solve moves every
component at once; each solution is a whole table consistent with what is published, and a
cell that two solutions show k apart needs no LP of its own. Only the cells still narrower
than k get their exact minimum and maximum, one cell per component per solve.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Hashable

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_array

from .contract import ROUND_TO

Key = Hashable
HALF = ROUND_TO // 2  # a value rounded to the nearest 5 is within ±2 of the true count


@dataclass(frozen=True)
class Published:
    """What a table says about one cell: a value (None = suppressed), rounded or exact."""

    value: int | None
    rounded: bool = False

    @property
    def suppressed(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class Relation:
    """total = sum(parts): a margin the table publishes."""

    total: Key
    parts: tuple[Key, ...]

    @property
    def keys(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)


@dataclass
class AuditResult:
    # hidden cell → (min, max): exact for a derivable cell; for one that passes, a range that
    # feasible tables were found to span (its true range is at least as wide)
    ranges: dict[Key, tuple[float, float]]
    infeasible: list[Relation]  # the first relation of each component whose published values cannot all hold

    def derivable(self, k: int) -> list[Key]:
        """Hidden cells whose range is narrower than k."""
        return [key for key, (low, high) in self.ranges.items() if high - low < k - 1e-6]  # LP tolerance


def bounds(cell: Published | None, k: int) -> tuple[float, float | None]:
    """What an outsider knows about the true value of a cell."""
    if cell is None or cell.suppressed:
        return 0.0, None
    if cell.rounded:
        return float(max(cell.value - HALF, k)), float(cell.value + HALF)
    return float(cell.value), float(cell.value)


def audit(cells: dict[Key, Published], relations: list[Relation], k: int) -> AuditResult:
    """The range of every hidden cell (suppressed, or covered by a total but absent)."""
    result = AuditResult({}, [])
    components = []
    for component in _components(cells, relations):
        if any(_is_variable(key, cells) for rel in component for key in rel.keys):
            components.append(component)
        else:  # every value published exactly: the sums hold or they do not
            result.infeasible.extend(rel for rel in component if _gap(rel, cells) > 1e-9)
    block = _Block(components, cells, k)
    if not block.solve(block.hidden_sum(1.0)):
        bad = [c for c in components if not _Block([c], cells, k).solve(None)]
        result.infeasible.extend(c[0] for c in bad)
        block = _Block([c for c in components if c not in bad], cells, k)
        block.solve(block.hidden_sum(1.0))
    block.solve(block.hidden_sum(-1.0))  # every hidden cell as high as it can go
    while picks := block.unresolved():
        if not block.solve(block.objective(picks), picks):
            break  # a solve that fails proves nothing: the cells left narrow are reported as derivable
    result.ranges.update(block.ranges())
    return result


def _gap(rel: Relation, cells: dict[Key, Published]) -> float:
    return abs(cells[rel.total].value - sum(cells[p].value for p in rel.parts))


def _is_variable(key: Key, cells: dict[Key, Published]) -> bool:
    cell = cells.get(key)
    return cell is None or cell.suppressed or cell.rounded


def _components(cells, relations) -> list[list[Relation]]:
    """Relations grouped by the variables they share (union-find)."""
    parent: dict[Key, Key] = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    variables = [[key for key in rel.keys if _is_variable(key, cells)] for rel in relations]
    for vs in variables:
        for other in vs[1:]:
            parent[find(other)] = find(vs[0])
    groups: dict[Key, list[Relation]] = defaultdict(list)
    for n, (rel, vs) in enumerate(zip(relations, variables)):
        groups[find(vs[0]) if vs else ("constant", n)].append(rel)
    return list(groups.values())


# Why presolve off: the block is thousands of tiny independent components, which HiGHS'
# presolve took longer to reduce than the simplex takes to solve (LP 2.5 → 1.5 s at 100,000 rows).
_HIGHS = {"presolve": False}
CAP = 1e6  # hidden cells are capped here: a cap only narrows ranges, so what passes under it passes


class _Block:
    """All components as one block-diagonal LP, and the feasible points found so far."""

    def __init__(self, components: list[list[Relation]], cells: dict[Key, Published], k: int):
        self.k = k
        self.keys: list[Key] = []
        self.groups: list[list[int]] = []  # hidden variable indices, per component
        self.spans: list[tuple[int, int, int, int]] = []  # per component: its rows and variables (first, end)
        rows, cols, vals, rhs = [], [], [], []
        for component in components:
            first_row, first_var = len(rhs), len(self.keys)
            index = self._variables(component, cells)
            for rel in component:
                rhs.append(0.0)
                for sign, key in [(-1.0, rel.total)] + [(1.0, p) for p in rel.parts]:
                    if key in index:
                        rows.append(len(rhs) - 1), cols.append(index[key]), vals.append(sign)
                    else:
                        rhs[-1] -= sign * cells[key].value
            self.spans.append((first_row, len(rhs), first_var, len(self.keys)))
        n = len(self.keys)
        self.a_eq = coo_array((vals, (rows, cols)), shape=(len(rhs), n)).tocsr()
        self.b_eq = np.array(rhs)
        cap = CAP + float(np.abs(self.b_eq).sum())
        self.box = np.array([(low, cap if high is None else high) for low, high in (bounds(cells.get(key), k) for key in self.keys)]).reshape(n, 2)
        self.cap = cap
        self.owner = np.zeros(n, dtype=int)  # variable → its component
        for number, (_, _, first_var, end_var) in enumerate(self.spans):
            self.owner[first_var:end_var] = number
        self.lows, self.highs = np.full(n, np.inf), np.full(n, -np.inf)
        self.exact: set[tuple[int, float]] = set()
        self.active = list(range(len(components)))  # components that may still have a narrow cell

    def _variables(self, component: list[Relation], cells) -> dict[Key, int]:
        keys = sorted({key for rel in component for key in rel.keys if _is_variable(key, cells)}, key=repr)
        index = {key: len(self.keys) + i for i, key in enumerate(keys)}
        self.keys.extend(keys)
        self.groups.append([index[key] for key in keys if key not in cells or cells[key].suppressed])
        return index

    def hidden_sum(self, sign: float) -> np.ndarray:
        c = np.zeros(len(self.keys))
        c[[i for group in self.groups for i in group]] = sign
        return c

    def objective(self, picks: list[tuple[int, float]]) -> np.ndarray:
        c = np.zeros(len(self.keys))
        for i, sign in picks:
            c[i] = sign
        return c

    def solve(self, c: np.ndarray | None, picks: list[tuple[int, float]] = ()) -> bool:
        """One LP; its solution widens every cell's known range. False when infeasible.

        With picks, only the components they are in are solved: the others are independent
        and already resolved (late rounds pick a few components of thousands).
        """
        if not self.keys:
            return True
        c = np.zeros(len(self.keys)) if c is None else c
        rows, cols = self._parts(sorted({int(self.owner[i]) for i, _ in picks})) if picks else (slice(None), slice(None))
        a_eq = self.a_eq if not picks else self.a_eq[rows][:, cols]
        res = linprog(c[cols], A_eq=a_eq, b_eq=self.b_eq[rows], bounds=self.box[cols], method="highs", options=_HIGHS)
        if res.status != 0:
            return False
        self.lows[cols], self.highs[cols] = np.minimum(self.lows[cols], res.x), np.maximum(self.highs[cols], res.x)
        self.exact.update(picks)
        return True

    def _parts(self, components: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """The rows and variables of some components, as index arrays."""
        spans = [self.spans[number] for number in components]
        rows = np.concatenate([np.arange(r0, r1) for r0, r1, _, _ in spans])
        cols = np.concatenate([np.arange(v0, v1) for _, _, v0, v1 in spans])
        return rows, cols

    def unresolved(self) -> list[tuple[int, float]]:
        """For each component, one (cell, direction) still narrower than k and not yet solved exactly.

        A component with nothing left is settled for good (later solves leave it out), so only
        the components picked last time are looked at again.
        """
        picks, active = [], []
        for number in self.active:
            todo = ((i, sign) for i in self.groups[number] if self.highs[i] - self.lows[i] < self.k for sign in (1.0, -1.0))
            pick = next((p for p in todo if p not in self.exact), None)
            if pick is not None:
                picks.append(pick)
                active.append(number)
        self.active = active
        return picks

    def ranges(self) -> dict[Key, tuple[float, float]]:
        return {self.keys[i]: (float(self.lows[i]), float("inf") if self.highs[i] >= self.cap - 0.5 else float(self.highs[i]))
                for group in self.groups for i in group}
