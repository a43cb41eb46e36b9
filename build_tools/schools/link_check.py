"""The link checker: does each sign-up form and policy page still open? Run by the scheduled build
(`python -m build_tools links`) before `build`; it writes model/link_status.STATUS_FILE, which the
build reads: a dead sign-up button becomes "报名链接暂时无法打开，请先联系主办方".

Every link gets one GET (redirects followed, at most TIMEOUT seconds); 2xx after redirects is ok,
anything else (4xx, 5xx, a timeout, no answer) is not. The command never fails the deploy: one bad
host is a finding, not an error (exit 0; exit 1 only when the data itself does not validate).
"""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..model.link_status import STATUS_FILE

TIMEOUT = 10  # seconds per link
WORKERS = 8
USER_AGENT = "liushou-care-link-check/1.0 (+ the portal's scheduled build)"


def check_one(url: str, timeout: float = TIMEOUT) -> dict:
    """{"ok": bool, "status": HTTP status or None, "reason": why not ok, in Chinese}."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT}, method="GET")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (https links, validated)
            return {"ok": 200 <= response.status < 300, "status": response.status, "reason": ""}
    except urllib.error.HTTPError as exc:
        return {"ok": False, "status": exc.code, "reason": f"网站回答 {exc.code}"}
    except (TimeoutError, socket.timeout):
        return {"ok": False, "status": None, "reason": f"{timeout:g} 秒内没有回答"}
    except (urllib.error.URLError, OSError, ValueError) as exc:
        return {"ok": False, "status": None, "reason": f"打不开（{type(exc).__name__}）"}


def check_all(urls: list[str], timeout: float = TIMEOUT) -> dict[str, dict]:
    """Each distinct link once, several at a time; results in sorted order (the same file each run)."""
    unique = sorted(set(urls))
    with ThreadPoolExecutor(WORKERS) as pool:
        results = pool.map(lambda u: check_one(u, timeout), unique)
    return dict(zip(unique, results, strict=True))


def links_of(dataset) -> list[str]:
    """The sign-up links of the activities and the links of the policy library."""
    urls = [c.record.get("volunteers", {}).get("signup_url") for c in dataset.activities]
    for c in dataset.policies:
        urls += [p.get("link") for p in c.record.get("policies") or []]
    return [u for u in urls if u]


def write_status(root: Path, results: dict[str, dict]) -> Path:
    path = root / STATUS_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"links": results}, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return path
