"""Charts drawn at build time as static SVG with matplotlib (no script, no request elsewhere).

Deterministic bytes: a fixed svg.hashsalt, no date or creator metadata, text kept as text
(svg.fonttype none: small files, and the reader's own Chinese font draws it). Accessible: a
<title> and a <desc> that say what the chart shows, referenced by aria-labelledby; the same
numbers are in the table beside every chart. Colours: the Okabe–Ito palette, which people
with any common colour-vision deficiency can tell apart, plus a distinct marker per series,
so colour is never the only cue. A hidden value is drawn as a gap labelled 隐藏, never as 0.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from dataclasses import dataclass
from xml.sax.saxutils import escape

import matplotlib

matplotlib.use("svg")
from matplotlib.figure import Figure  # noqa: E402  (after choosing the backend)

OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000", "#F0E442", "#999999"]
MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*", "h"]
STYLE = {
    "svg.fonttype": "none", "svg.hashsalt": "liushou-portal", "font.size": 10.5,
    "font.family": ["Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "DejaVu Sans", "sans-serif"],
    "axes.spines.top": False, "axes.spines.right": False, "axes.grid": True, "grid.color": "#dddddd",
}
_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)  # a missing CJK font is not an error
# Nor is a glyph it would lack: the text stays text in the SVG and the reader's font draws it
# (without fonts-noto-cjk a build printed hundreds of these warnings).
warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]  # None: hidden or missing (a gap)


def bar_chart(labels: list[str], values: list[float | None], title: str, desc: str, percent: bool) -> str:
    """Horizontal bars, one per region (readable on a phone); a hidden value is labelled, not drawn."""
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(4.0, 0.8 + 0.34 * len(labels)))  # 4 in ≈ a phone's width: text stays legible
        ax = fig.subplots()
        rows = list(range(len(labels)))[::-1]
        ax.barh(rows, [v or 0 for v in values], color=OKABE_ITO[0], height=0.6)
        top = max([v for v in values if v is not None] or [1])
        for y, v in zip(rows, values):
            ax.text((v or 0) + top * 0.01, y, "隐藏" if v is None else _fmt(v, percent), va="center", fontsize=9.5)
        ax.set_yticks(rows, labels)
        ax.set_xlim(0, top * 1.25)
        ax.grid(axis="y", visible=False)
        fig.subplots_adjust(left=0.33, right=0.97, top=0.98, bottom=0.5 / (0.8 + 0.34 * len(labels)))
        return _svg(fig, title, desc)


def trend_chart(periods: list[str], series: list[Series], title: str, desc: str, percent: bool) -> str:
    """Lines over periods: annual periods and quarters in two panels (a quarter's flow is not a year's)."""
    annual = [i for i, p in enumerate(periods) if "Q" not in p]
    quarterly = [i for i, p in enumerate(periods) if "Q" in p]
    panels = [(n, "年度") for n in [annual] if n] + [(n, "季度") for n in [quarterly] if n]
    with matplotlib.rc_context(STYLE):
        fig = Figure(figsize=(4.0, 3.9))
        axes = fig.subplots(1, len(panels), sharey=True, squeeze=False,
                            gridspec_kw={"width_ratios": [max(len(n), 2) for n, _ in panels]})[0]
        for ax, (index, name) in zip(axes, panels):
            for n, s in enumerate(series):
                ys = [s.values[i] for i in index]
                ax.plot(range(len(index)), [float("nan") if y is None else y for y in ys], color=OKABE_ITO[n % 9],
                        marker=MARKERS[n % 9], linewidth=1.6, label=s.label if ax is axes[0] else None)
            ax.set_xticks(range(len(index)), [_period(periods[i]) for i in index])
            ax.set_xlim(-0.4, len(index) - 0.6)
            ax.set_title(name, fontsize=10)
        axes[0].set_ylim(bottom=0, top=100 if percent else None)
        fig.legend(loc="lower center", ncol=3, fontsize=9, frameon=False, columnspacing=0.8, handletextpad=0.3)
        fig.subplots_adjust(left=0.14, right=0.98, top=0.93, bottom=0.36, wspace=0.08)
        return _svg(fig, title, desc)


def _fmt(value: float, percent: bool) -> str:
    text = f"{value:g}"
    return f"{text}%" if percent else text


def _period(period: str) -> str:
    return period.replace("Q", "年\n第") + "季" if "Q" in period else f"{period}年"


def _svg(fig: Figure, title: str, desc: str) -> str:
    """The figure as SVG text with <title>/<desc> for screen readers and no XML prologue."""
    buf = io.StringIO()
    fig.savefig(buf, format="svg", metadata=_METADATA)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    head_end = svg.index(">") + 1
    labelled = ' role="img" aria-labelledby="chart-title chart-desc"'
    extra = f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(desc)}</desc>'
    return svg[: head_end - 1] + labelled + ">" + extra + svg[head_end:]
