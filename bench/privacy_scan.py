"""CPU time of the privacy scan of a built site, and per activity page (issue 14: the name rules block now).

    .venv/bin/python bench/privacy_scan.py SITE [--repeat N]

Reads every file of SITE into memory first (the disk is not measured), then scans them once as
the build's site scan does (build_tools.privacy.files.SiteScan, one core), and scans the
activity pages N more times to time one page. Prints files, megabytes, CPU seconds, and
milliseconds per activity page.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_tools.detect.detectors import BLOCKING  # noqa: E402
from build_tools.privacy import scan  # noqa: E402
from build_tools.privacy.files import _site_wanted  # noqa: E402
from build_tools.report.problems import Report  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    files = [(p.relative_to(args.site).as_posix(), p.read_bytes()) for p in sorted(args.site.rglob("*"))
             if p.is_file() and _site_wanted(p.relative_to(args.site).as_posix())]
    pages = [data for name, data in files if name.startswith("activities/2") and name.endswith("/index.html")]

    def scanner() -> scan.Scanner:
        return scan.Scanner(Report(), detectors=BLOCKING, data_images=False, every_type=True)

    whole = scanner()
    started = time.process_time()
    for name, data in files:
        whole.blob(f"site/{name}", data)
    cpu = time.process_time() - started
    started = time.process_time()
    for _ in range(args.repeat):
        again = scanner()
        for data in pages:
            again.blob("site/activities/x/index.html", data)
    per_page = (time.process_time() - started) / max(1, args.repeat * len(pages))
    size = sum(len(d) for _, d in files) / 1e6
    print(f"{len(files)} files, {size:.1f} MB: {cpu:.2f} s CPU; one activity page: {per_page * 1000:.2f} ms CPU "
          f"({len(pages)} pages × {args.repeat}); problems found: {len(whole.report.problems)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
