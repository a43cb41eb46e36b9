"""Run a build that stops at one moment, says so, and waits to be killed (tests/test_kill.py).

python -m tests.kill_driver ROOT SITE MOMENT [cli]: the function named in MOMENTS is wrapped so that,
when it runs (in the build's process or in a forked helper), it prints "READY" and sleeps. With
"cli", the build runs through the command line (python -m build_tools build), as people run it.
"""

import datetime as dt
import os
import sys
import time
from pathlib import Path

MOMENTS = {
    "validation": ("build_tools.validate", "validate_activities"),  # the statistics helper is running
    "generation": ("build_tools.pages.render", "activity_page"),  # inside the forked page writers
    "mkdocs": ("build_tools.privacy.files", "SiteScan.written"),  # mkdocs is writing pages, two helpers run
    "scan": ("build_tools.check.html_check", "check_file"),  # the check of the built pages, on both cores
    "search": ("build_tools.engine.forked", "LateFiles.move_into"),  # Pagefind indexes the pages meanwhile
    "swap": ("build_tools.build", "_swap"),  # everything passed, the new site waits in the temporary folder
}


def pause(*args, **kwargs):
    os.write(1, b"READY\n")  # one write: atomic on a pipe, even when two processes reach it at once
    time.sleep(600)


def main(root: str, site: str, moment: str, how: str = "") -> None:
    import functools
    import importlib

    module_name, attr = MOMENTS[moment]
    module = importlib.import_module(module_name)
    owner, name = (getattr(module, attr.split(".")[0]), attr.split(".")[1]) if "." in attr else (module, attr)
    setattr(owner, name, pause)
    import build_tools.build

    if how == "cli":
        from build_tools.cli import main as cli

        build_tools.build.build = functools.partial(build_tools.build.build, root=Path(root))
        sys.exit(cli(["build", "--today", "2026-11-22", "--site-dir", site]))
    build_tools.build.build(dt.date(2026, 11, 22), Path(site), root=Path(root))


if __name__ == "__main__":
    main(*sys.argv[1:5])
