"""axe-core in Chromium: no serious or critical accessibility violation on the pages checked.

axe.min.js (npm axe-core, pinned in package.json) is injected with Playwright into each page,
loaded from the gzip server at phone size (390×844) and, for a few pages, at desktop size
(where the sidebars show), and run with the WCAG 2.x A/AA rules and axe's best practices.

    .venv/bin/python -m tools.quality.axe site / /activities/
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

AXE = Path(__file__).resolve().parent / "node_modules/axe-core/axe.min.js"
BLOCKING = ("serious", "critical")
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
RUN = "() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)"


@dataclass(frozen=True, order=True)
class Violation:
    page: str
    viewport: str  # "手机" or "电脑"
    impact: str
    rule: str
    help: str
    targets: tuple[str, ...]  # CSS selectors of the first offending nodes


def check_pages(browser, base: str, paths: list[str], viewport: dict, label: str) -> list[Violation]:
    """Serious and critical axe violations of each path in one viewport ("手机" PHONE, "电脑" DESKTOP)."""
    context = browser.new_context(viewport=viewport, locale="zh-CN")
    page = context.new_page()
    found = []
    for path in paths:
        page.goto(base + path, wait_until="load")
        found += audit(page, path, label)
    context.close()
    return sorted(found)


def audit(page, path: str, label: str) -> list[Violation]:
    """Serious and critical axe violations of a page already loaded in Playwright."""
    page.add_script_tag(content=_script())
    return [_violation(path, label, v) for v in page.evaluate(RUN) if v["impact"] in BLOCKING]


@lru_cache(maxsize=1)
def _script() -> str:
    return AXE.read_text(encoding="utf-8")


def _violation(path: str, label: str, v: dict) -> Violation:
    targets = tuple(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
    return Violation(path, label, v["impact"], v["id"], v["help"], targets)


def report(violations: list[Violation]) -> str:
    """The violations as lines a person can act on."""
    lines = []
    for v in violations:
        lines.append(f"{v.page}（{v.viewport}）[{v.impact}] {v.rule}: {v.help}")
        lines += [f"    {t}" for t in v.targets]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    from tests.browser import chromium
    from tools.quality.gzip_server import serve

    site, paths = Path(argv[0]), argv[1:]
    with serve(site) as base, chromium() as browser:
        violations = check_pages(browser, base, paths, PHONE, "手机") + check_pages(
            browser, base, paths, DESKTOP, "电脑"
        )
    print(report(violations) or f"axe：{len(paths)} 个页面，没有严重（serious/critical）问题。")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
