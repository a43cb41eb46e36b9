"""The site's own search box in Chromium at phone size, as a visitor uses it.

    .venv/bin/python -m tests.search_ui SITE    # every query of tests/search_queries.csv: hits and timings

Works on this site's search (Pagefind, assets/search.js) and on the theme's own lunr search
(the same markup), so the query set can be measured before and after. A query is a hit when
one of its expected pages is among the first three results.
"""

from __future__ import annotations

import csv
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

PHONE = {"width": 390, "height": 844}
QUERIES = Path(__file__).parent / "search_queries.csv"

# Results are in when the status line says so and the first three results (or all of them) are filled.
_DONE = """() => {
  const meta = document.querySelector('.md-search-result__meta');
  if (!meta || !/找到|符合条件/.test(meta.textContent)) return false;
  const items = [...document.querySelectorAll('.md-search-result__item')].filter(li => !li.querySelector('button'));
  return items.slice(0, 3).every(li => li.querySelector('a.md-search-result__link'));
}"""
# Time from the query reaching the box (its input event) to the first result on screen.
_WATCH = """() => {
  window.__typed = 0; window.__first = 0;
  document.querySelector('.md-search__input').addEventListener('input', () => { window.__typed = performance.now(); }, true);
  new MutationObserver(() => {
    if (!window.__first && window.__typed && document.querySelector('.md-search-result__item a.md-search-result__link'))
      window.__first = performance.now();
  }).observe(document.querySelector('.md-search-result__list'), {childList: true, subtree: true});
}"""


@dataclass(frozen=True)
class Query:
    text: str
    expected: tuple[str, ...]
    who: str


def queries() -> list[Query]:
    """The query set: what volunteers, parents, officials and clerks type, with the page each must find."""
    with QUERIES.open(encoding="utf-8", newline="") as fh:
        return [Query(r["query"], tuple(r["expected"].split("|")), r["who"]) for r in csv.DictReader(fh)]


def open_search(page) -> None:
    """The magnifier in a phone's header opens the search overlay."""
    page.click('label.md-header__button[for="__search"]')
    page.locator("input.md-search__input").wait_for(state="visible")


def search(page, text: str, timeout: float = 20_000) -> tuple[list[str], float]:
    """Type text into the open search box: (paths of the results in order, ms from typing to the first result)."""
    page.evaluate(_WATCH)
    page.fill("input.md-search__input", text)
    page.keyboard.press("End")  # the theme's search waits for a key; typed CJK text does not fire one
    page.wait_for_function(_DONE, timeout=timeout)
    hrefs = page.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child", "as => as.map(a => a.href)")
    took = page.evaluate("() => window.__first ? window.__first - window.__typed : -1")
    return [urlsplit(h).path for h in hrefs], took


def top3(browser, base: str, query: Query) -> tuple[list[str], float]:
    """A fresh phone-sized page, the search opened from the header, the query typed."""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(base + "/", wait_until="load")
        open_search(page)
        paths, took = search(page, query.text)
        return paths[:3], took
    finally:
        context.close()


def hit(query: Query, paths: list[str]) -> bool:
    return any(p in query.expected for p in paths[:3])


def main(argv: list[str]) -> int:
    from tests.browser import chromium
    from tools.quality.gzip_server import serve

    rows, times = [], []
    with serve(Path(argv[0])) as base, chromium() as browser:
        for q in queries():
            paths, took = top3(browser, base, q)
            rows.append((q, paths, hit(q, paths)))
            if took >= 0:
                times.append(took)
            print(f"{'✓' if hit(q, paths) else '✗'} {q.text} ({q.who}) {took:.0f} ms → {' '.join(paths) or '—'}", flush=True)
    hits = sum(h for _, _, h in rows)
    print(f"{hits}/{len(rows)} queries find their page in the top three ({hits / len(rows):.0%}); "
          f"typing → first result median {statistics.median(times):.0f} ms, max {max(times):.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
