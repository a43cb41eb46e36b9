"""Statistics pages: an overview, a method page, one page per indicator (chart, table, CSV,
source, period, last updated, why a cell is blank) and one page per county.

Everything is written under docs/statistics/ of the build; the charts are SVG files made by
stats/charts.py, the downloads are CSV files and the zip bundle from stats/bundle.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..engine.forked import LateFiles
from ..exports.statistics_bundle import BUNDLE_NAME, write_bundle
from ..model.statistics import Shown, StatsView, number_text
from ..stats.contract import Indicator
from ..stats.publish import FIELDS
from ..stats.spreadsheet import csv_text
from . import charts
from .figures import Figure
from .render import environment

if TYPE_CHECKING:
    from ..model.context import Context

OUT = "statistics"
KEY_INDICATORS = ["registered", "paired", "paired-rate"]  # the overview's table


@dataclass(frozen=True)
class Row:
    name: str
    href: str
    cells: tuple[Shown, ...]


def statistics_pages(ctx: Context) -> None:
    """The generator (GENERATORS in build_tools/generate.py)."""
    stats = ctx.dataset.statistics
    if stats is None:
        return
    view = StatsView(stats, ctx.dataset.root)
    out = ctx.docs / OUT
    for folder in ("indicators", "regions", "downloads"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    env = environment()

    def put(rel: str, template: str, **values) -> None:
        (out / rel).write_text(env.get_template(template).render(view=view, bundle=BUNDLE_NAME, **values), encoding="utf-8")

    bundle_size = write_bundle(view, out / "downloads" / BUNDLE_NAME)
    put("index.md", "stats-index.md.j2", key=_key_table(view), indicators=list(stats.contract.indicators.values()),
        period=view.latest_annual, bundle_size=bundle_size)
    put("method.md", "stats-method.md.j2", indicators=list(stats.contract.indicators.values()), contract=stats.contract)
    for indicator in stats.contract.indicators.values():
        _write_csv(view, indicator, out / "downloads" / f"{indicator.code}.csv")
        put(f"indicators/{indicator.code}.md", "stats-indicator.md.j2", **_indicator(view, indicator, ctx.late))
    put("regions/index.md", "stats-regions.md.j2", counties=[(c, stats.contract.counties[c]) for c in view.counties])
    for county in view.counties:
        rows = [Row(i.name, f"../indicators/{i.code}.md", tuple(view.get(p, county, "all", i.code) for p in view.periods))
                for i in stats.contract.indicators.values()]
        put(f"regions/{county}.md", "stats-region.md.j2", county=county, name=stats.contract.counties[county],
            tables=_split(rows, view.periods), marks={s.mark for r in rows for s in r.cells}, sources=view.sources(region=county))


def _key_table(view: StatsView) -> list[Row]:
    contract, period = view.stats.contract, view.latest_annual
    return [Row(contract.short_names[c], f"regions/{c}.md", tuple(view.get(period, c, "all", i) for i in KEY_INDICATORS
                                                                   if i in contract.indicators)) for c in view.counties]


def _indicator(view: StatsView, indicator: Indicator, late: LateFiles) -> dict:
    """The indicator page's values; its two charts (matplotlib, ~0.1 s each) are late files."""
    contract, code = view.stats.contract, indicator.code
    period, latest = view.latest_annual, (view.periods[-1] if view.periods else None)
    percent = not indicator.is_count
    names = [contract.short_names[c] for c in view.counties]
    trend = [Row(n, f"../regions/{c}.md", tuple(view.get(p, c, "all", code) for p in view.periods))
             for n, c in zip(names, view.counties)]
    compare = [view.get(period, c, "all", code) for c in view.counties]
    bar_desc = "；".join(f"{n}：{s.text}" for n, s in zip(names, compare))
    late.add(f"{OUT}/charts/{code}-regions.svg", partial(
        charts.bar_chart, names, [s.number for s in compare], f"{indicator.name}：{period}年各县区比较", bar_desc, percent))
    series = [charts.Series(r.name, tuple(s.number for s in r.cells)) for r in trend]
    late.add(f"{OUT}/charts/{code}-trend.svg", partial(
        charts.trend_chart, view.periods, series, f"{indicator.name}：各县区历年变化", "各县区逐期的数字见图下的表格。", percent))
    details = [] if indicator.difficulty_subtype else [
        (contract.counties[c], [Row(contract.townships[t][0], "", tuple(view.get(latest, t, lv, code) for lv in contract.levels))
                                for t in contract.townships_of(c)]) for c in view.counties]
    marks = {s.mark for r in trend for s in r.cells} | {s.mark for _, rows in details for r in rows for s in r.cells}
    return dict(indicator=indicator, period=period, latest=latest, compare=list(zip(trend, compare)),
                tables=_split(trend, view.periods), details=details, marks=marks, bar_desc=bar_desc,
                sources=[(n, "；".join(view.sources(code, c))) for n, c in zip(names, view.counties)])


def _split(rows: list[Row], periods: list[str]) -> list[tuple[str, list[str], list[Row]]]:
    """The trend table as two narrow tables that fit a phone: years, then quarters (Q1… under
    their year when they share one)."""
    out = []
    for title, keep in (("年度", lambda p: "Q" not in p), ("季度", lambda p: "Q" in p)):
        index = [i for i, p in enumerate(periods) if keep(p)]
        if not index:
            continue
        labels = [periods[i] for i in index]
        years = {label[:4] for label in labels}
        if title == "季度" and len(years) == 1:
            title, labels = f"{years.pop()}年", [label[4:] for label in labels]
        out.append((title, labels, [Row(r.name, r.href, tuple(r.cells[i] for i in index)) for r in rows]))
    return out


def _write_csv(view: StatsView, indicator: Indicator, path) -> None:
    """This indicator's rows in every period and region (UTF-8 with BOM, so Excel opens it right;
    no cell that Excel would run as a formula: spreadsheet.py)."""
    rows = [[c.period, c.region, c.level, c.indicator, number_text(c.value), c.flag, c.source, c.note]
            for c in view.stats.cells if c.indicator == indicator.code]
    path.write_text(csv_text([FIELDS, *rows], lineterminator="\r\n"), encoding="utf-8-sig", newline="")


def statistics_figures(ctx: Context) -> list:
    """Home-page key figures (home_page.KEY_FIGURES): children registered and paired last year,
    summed over the counties only when every county's figure is published exactly."""

    stats = ctx.dataset.statistics
    if stats is None:
        return []
    view = StatsView(stats, ctx.dataset.root)
    period, out = view.latest_annual, []
    for code, label in (("registered", "名儿童登记在册"), ("paired", "名儿童有结对帮扶")):
        cells = [view.cells.get((period, c, "all", code)) for c in view.counties]
        if cells and all(c is not None and c.value is not None and c.flag == "" for c in cells):
            out.append(Figure(int(sum(c.value for c in cells)), f"{label}（{period}年，示例数据）",
                              f"{OUT}/indicators/{code}/"))
    return out
