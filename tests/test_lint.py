"""ruff (pyproject.toml: errors, import order, bugbear) finds nothing in the code, the tests and the tools."""

import subprocess
import sys

from build_tools import ROOT


def test_ruff_is_clean():
    proc = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "build_tools", "tests", "bench", "tools"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
