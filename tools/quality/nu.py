"""The Nu HTML checker (vnu.jar, the validator behind validator.w3.org/nu) over every page.

    .venv/bin/python -m tools.quality.nu site

One Java process checks every .html file of the site (124 pages: about 15 s on 2 cores).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

VNU = Path(__file__).resolve().parent / "node_modules/vnu-jar/build/dist/vnu.jar"

# Errors the theme writes that no override of ours can remove without copying the theme's
# whole base.html: mkdocs-material puts autocomplete="off" on its two hidden toggle checkboxes
# (drawer, search) so that Firefox does not restore an open drawer on "back". Browsers
# ignore the attribute on a checkbox; matched narrowly so our own markup is never excused.
THEME_KNOWN = (
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle" data-md-toggle='),
)


@dataclass(frozen=True, order=True)
class HtmlError:
    page: str  # site path
    line: int
    message: str
    extract: str


def check_site(site: Path, vnu: Path = VNU) -> list[HtmlError]:
    """Every Nu checker error in the site's HTML pages, minus the theme's known ones."""
    site = site.resolve()
    proc = subprocess.run(
        ["java", "-jar", str(vnu), "--errors-only", "--format", "json", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
    )
    if proc.returncode not in (0, 1):  # 1: errors found; anything else: the checker itself failed
        raise RuntimeError(f"vnu.jar 运行失败（退出码 {proc.returncode}）：{proc.stderr[-2000:]}")
    return parse(proc.stderr, site)


def parse(output: str, site: Path) -> list[HtmlError]:
    """Errors from vnu's JSON output (`--format json` writes it to stderr)."""
    errors = []
    for m in json.loads(output or '{"messages": []}')["messages"]:
        if m.get("type") not in ("error", "non-document-error"):
            continue
        extract = m.get("extract", "")
        if any(m.get("message", "").startswith(msg) and marker in extract for msg, marker in THEME_KNOWN):
            continue
        page = m.get("url", "").removeprefix("file:").removeprefix(str(site)).removesuffix("index.html")
        errors.append(HtmlError(page or "/", m.get("lastLine", 0), m.get("message", ""), " ".join(extract.split())))
    return sorted(errors)


def main(argv: list[str]) -> int:
    site = Path(argv[0])
    errors = check_site(site)
    for e in errors:
        print(f"{e.page}:{e.line}: {e.message}\n    {e.extract}")
    pages = sum(1 for _ in site.rglob("*.html"))
    print(f"HTML 检查（Nu）：{pages} 个页面，{len(errors)} 个错误。")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
