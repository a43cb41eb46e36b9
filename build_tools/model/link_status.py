"""What the link checker last found (build_tools/schools/link_check.py, run by the scheduled build
before it builds): which sign-up and policy links did not open. The build only reads this file and
never touches the network, so the same files give the same site.

The file is git-ignored (.cache/): it belongs to the machine that checked, not to the data. A missing
or unreadable file means "nothing known to be broken".
"""

from __future__ import annotations

import json
from pathlib import Path

STATUS_FILE = ".cache/link-status.json"


def broken(root: Path) -> frozenset[str]:
    """The links the last check could not open (an empty set without a readable check)."""
    try:
        data = json.loads((root / STATUS_FILE).read_text(encoding="utf-8"))
        return frozenset(url for url, found in data["links"].items() if not found["ok"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return frozenset()
