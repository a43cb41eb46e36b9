"""`make check-site`: build the site, serve it gzipped like the real host, and check it.

    .venv/bin/python -m tools.quality                   # build with --today 2026-11-22, run every check
    .venv/bin/python -m tools.quality --site site       # check an already built site (skip the build)
    .venv/bin/python -m tools.quality --site site --port 8000   # … served where PORTAL_SITE_URL said
    .venv/bin/python -m tools.quality --only links nu   # some checks only

Checks (each prints what failed; all run, then the command fails once):
  links       every internal href/src and #anchor of every page resolves (links.py)
  nu          every page passes the Nu HTML checker without errors (nu.py)
  axe-weight  no serious/critical axe-core violation and a first load ≤ 150 KB (gzipped) that
              fetches none of the search's files: every one-of-a-kind page and the heaviest of each
              generated family at phone size, one visit each; axe on the Lighthouse pages at desktop size too
              (axe.py, pages.py, tests/page_weight.py)
  lighthouse  home, activity list, an activity page, statistics: performance, accessibility,
              best practices and SEO each ≥ 95 with mobile settings (lighthouse.py)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tools.quality import axe, gzip_server, lighthouse, links, nu, pages

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("links", "nu", "axe-weight", "lighthouse")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m tools.quality", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--today", default="2026-11-22", help="构建日期（默认 2026-11-22，结果可重复）")
    ap.add_argument("--site", type=Path, help="检查已经构建好的网站，不重新构建")
    ap.add_argument(
        "--port",
        type=int,
        default=0,
        help="测试服务器的端口（默认任选一个空闲端口）；"
        "检查 --site 时用构建它的 PORTAL_SITE_URL 的端口，规范链接才一致",
    )
    ap.add_argument("--only", nargs="+", choices=CHECKS, default=list(CHECKS))
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="check-site-") as tmp:
        site = args.site or Path(tmp) / "site"
        with gzip_server.serve(site, args.port) as base:
            if not args.site and not _build(args.today, site, base + "/"):
                return 1
            failed = [name for name in args.only if not _timed(name, lambda n=name: RUNNERS[n](site, base))]
    print("网站检查全部通过。" if not failed else f"网站检查没有通过：{'、'.join(failed)}。")
    return 1 if failed else 0


def _build(today: str, site: Path, url: str) -> bool:
    """The real build, with the address the test server has, so canonical links and QR codes match."""
    started = time.perf_counter()
    env = {**os.environ, "PORTAL_SITE_URL": url, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", "build_tools", "build", "--today", today, "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if proc.returncode:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n")
        return False
    print(f"== 构建：{time.perf_counter() - started:.1f} 秒 ({url})", flush=True)
    return True


def _timed(name: str, check) -> bool:
    started = time.perf_counter()
    print(f"== {name}", flush=True)
    ok = check()
    print(f"   {'通过' if ok else '没有通过'}，用时 {time.perf_counter() - started:.1f} 秒", flush=True)
    return ok


def _links(site: Path, base: str) -> bool:
    broken = links.check_site(site, base + "/")
    for b in broken:
        print(f"{b.page}: {b.link} —— {b.reason}")
    print(f"{len(pages.all_pages(site))} 个页面，{len(broken)} 个失效的站内链接或锚点")
    return not broken


def _nu(site: Path, base: str) -> bool:
    errors = nu.check_site(site)
    for e in errors:
        print(f"{e.page}:{e.line}: {e.message}\n    {e.extract}")
    print(f"{len(pages.all_pages(site))} 个页面，{len(errors)} 个 HTML 错误")
    return not errors


def _axe_weight(site: Path, base: str) -> bool:
    """axe and page weight at phone size in one visit per page; then axe at desktop size."""
    from tests.browser import chromium
    from tests.page_weight import measure, table

    phone = ["/" + p for p in pages.representative(site)]
    desktop = ["/" + p for p in pages.lighthouse_pages(site)]
    violations, weights = [], []
    with chromium() as browser:
        for path in phone:
            weights.append(
                measure(browser, base, site, path, lambda page, p=path: violations.extend(axe.audit(page, p, "手机")))
            )
        violations += axe.check_pages(browser, base, desktop, axe.DESKTOP, "电脑")
    heavy = [w for w in weights if not w.within_budget]
    searching = [w.path for w in weights if w.search_index > 0]  # the search loads only once it is opened
    print(axe.report(sorted(violations)) or "", end="\n" if violations else "")
    if heavy:
        print(table(heavy))
    print(f"axe：手机 {len(phone)} 个页面、电脑 {len(desktop)} 个页面，{len(violations)} 个严重问题")
    print(
        f"页面重量：最重 {max(w.transferred for w in weights) / 1024:.1f} KB"
        f"（{max(weights, key=lambda w: w.transferred).path}），{len(heavy)} 个超过 150 KB，"
        f"首次加载就下载搜索文件的页面 {len(searching)} 个" + (f"：{'、'.join(searching)}" if searching else "")
    )
    return not violations and not heavy and not searching


def _lighthouse(site: Path, base: str) -> bool:
    results = [
        lighthouse.check(f"{base}/{p}", os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        for p in pages.lighthouse_pages(site)
    ]
    for r in results:
        print(lighthouse.report(r), flush=True)
    return all(r.passed for r in results)


RUNNERS = {"links": _links, "nu": _nu, "axe-weight": _axe_weight, "lighthouse": _lighthouse}

if __name__ == "__main__":
    sys.exit(main())
