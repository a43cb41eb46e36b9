"""The additive relations a long-form table publishes: "all" levels = the sum of the levels,
and a county = the sum of its townships (data/lists/townships.csv lists every township whose
figures are published). A relation is known to an outsider as soon as the table shows its
total and at least one part; a part the table leaves out is then a hidden cell like a
suppressed one, and is audited too."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from .audit import Relation
from .contract import Contract

Key = tuple[str, str, str, str]  # (period, region, level, indicator)


def relations(keys: Iterable[Key], contract: Contract) -> list[Relation]:
    """Every relation among the given cells (count indicators only)."""
    groups: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for period, region, level, indicator in keys:
        groups[(period, indicator)].add((region, level))
    out: list[Relation] = []
    for (period, indicator), present in sorted(groups.items()):
        def cell(region: str, level: str, period=period, indicator=indicator) -> Key:
            return (period, region, level, indicator)

        regions = sorted({region for region, _ in present})
        for region in regions:
            if (region, "all") in present and any((region, lv) in present for lv in contract.parts):
                out.append(Relation(cell(region, "all"), tuple(cell(region, lv) for lv in contract.parts)))
        for county in (r for r in regions if r in contract.counties):
            towns = contract.townships_of(county)
            for level in contract.levels:
                if (county, level) in present and any((t, level) in present for t in towns):
                    out.append(Relation(cell(county, level), tuple(cell(t, level) for t in towns)))
    return out
