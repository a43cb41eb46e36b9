"""data/site.yaml's one setting a pull request can change that the build obeys: the archive age.

`archive_after_months` (a whole number of months, 1 to 120; default 12) says when an ended
activity's page becomes a small archive page (model/archive.py). Like every data file it is
untrusted: anything else than a plain whole number in range is an error with its line.
"""

from __future__ import annotations

from pathlib import Path

from ..load.sources import load_yaml, rel
from ..report.problems import Report, quote

SITE_FILE = "data/site.yaml"
KEY = "archive_after_months"
DEFAULT_MONTHS = 12
MAX_MONTHS = 120  # ten years: a bigger number is a typo, not a policy


def is_site_file(path: Path) -> bool:
    """data/site.yaml, however it was named on the command line."""
    return path.resolve().as_posix().endswith("/" + SITE_FILE)


def archive_months(path: Path, report: Report) -> int:
    """The archive age in months from data/site.yaml; the default (and a problem) when it is wrong."""
    if not path.is_file():
        return DEFAULT_MONTHS
    doc = load_yaml(path, report)
    if doc is None or KEY not in doc.value:
        return DEFAULT_MONTHS
    value = doc.value[KEY]
    text = value.strip() if isinstance(value, str) else ""
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_MONTHS:
        return int(text)
    shown = quote(text, 40) if text else "（不是一个数）"
    report.add("settings/archive-after", rel(path), doc.line((KEY,)), field=KEY, value=shown, most=MAX_MONTHS)
    return DEFAULT_MONTHS
