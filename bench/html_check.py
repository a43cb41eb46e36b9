"""Cost of the built-site HTML check (build_tools/check/html_check.py) per page, on a synthetic site.

.venv/bin/python bench/html_check.py [--activities 1000] [--site PATH]
Builds N synthetic activities (bench/synth.py) unless --site names a built site, then times the
check of every page on one core (parse + walk + rules, file read included) and check_site on both.
"""

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import repo_with_activities  # noqa: E402
from build_tools import ROOT
from build_tools.build import build  # noqa: E402
from build_tools.check import html_check  # noqa: E402
from build_tools.report.problems import Report  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--activities", type=int, default=1000)
    p.add_argument("--site", type=Path)
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            root = repo_with_activities(args.activities, Path(tmp) / "repo")
            site = Path(tmp) / "site"
            assert build(dt.date(2026, 11, 22), site, root=root) == 0
        import material

        policy = html_check.Policy("http://127.0.0.1:8000/", html_check.inline_scripts(
            [ROOT / "overrides", Path(material.__file__).parent / "templates"]))
        pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
        size = sum((site / n).stat().st_size for n in pages)
        started = time.process_time()
        for name in pages:
            html_check.check_file(site, name, policy)
        one_core = time.process_time() - started
        started = time.perf_counter()
        html_check.check_site(site, policy, Report())
        wall = time.perf_counter() - started
        print(f"{len(pages)} pages, {size / len(pages) / 1024:.1f} KB a page: {one_core / len(pages) * 1000:.2f} ms CPU a page "
              f"on one core; check_site {wall:.2f} s wall on both cores")


if __name__ == "__main__":
    main()
