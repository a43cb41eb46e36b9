"""Page weight at each benchmark size: what a phone downloads on a first visit (issue 7, item 2).

    .venv/bin/python bench/run.py --sizes 100 1000 --page-weight

Chromium loads one page of each kind (tools/quality/pages.py: every one-of-a-kind page and
the heaviest page of each generated family) from a server that gzips like the real host
(tests/page_weight.py). Budget: 150 KB on the wire per first load; the search is not part of it
(the site loads it only when the search is opened, and then only the chunks a query needs:
bench/search.py; the whole Pagefind bundle's size is shown).
The synthetic activities repeat one record with small changes, so list pages compress
better than real ones would: read the raw size too.
"""

from __future__ import annotations

from pathlib import Path

from tests.page_weight import BUDGET, Weight, measure_site

HEADER = (
    "activities",
    "pages",
    "over 150 KB",
    "heaviest page",
    "KB",
    "raw KB",
    "list KB",
    "activity KB",
    "home KB",
    "requests max",
    "Pagefind bundle KB (fetched in part, on demand)",
)


def measure(site: Path) -> dict:
    """Weights of one page of each kind of the built site, plus its Pagefind bundle as stored (gzipped)."""
    return {
        "weights": measure_site(site),
        "index_gz": sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()),
    }


def row(n: int, result: dict) -> list[str]:
    """One table row for a benchmark size."""
    weights: list[Weight] = result["weights"]
    by_path = {w.path: w for w in weights}
    heaviest = max(weights, key=lambda w: w.transferred)
    activity = next((w for w in weights if _is_activity(w.path)), None)

    def kb(w: Weight | None) -> str:
        return f"{w.transferred / 1024:.1f}" if w else "–"

    return [
        f"{n:,}",
        str(len(weights)),
        str(sum(w.transferred > BUDGET for w in weights)),
        heaviest.path,
        kb(heaviest),
        f"{heaviest.raw / 1024:.0f}",
        kb(by_path.get("/activities/")),
        kb(activity),
        kb(by_path.get("/")),
        str(max(w.requests for w in weights)),
        f"{result['index_gz'] / 1024:.0f}",
    ]


def over_budget(n: int, result: dict) -> list[str]:
    """Lines naming the pages over budget at this size."""
    return [
        f"  {n:,} 项活动：{w.path} 传输 {w.transferred / 1024:.1f} KB（原始 {w.raw / 1024:.0f} KB）"
        for w in result["weights"]
        if w.transferred > BUDGET
    ]


def _is_activity(path: str) -> bool:
    parts = path.strip("/").split("/")
    return len(parts) == 2 and parts[0] == "activities" and parts[1][:4].isdigit()
