"""Image statements: an image under content/ is published only when a person has said what it shows.

data/images.yaml lists each image (or document with pictures in it) under content/ with the
SHA-256 of the file, what it shows and who checked it:

    images:
      - file: content/assets/volunteers-training.jpg
        sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
        shows: no-identifiable-child      # or: consent
        consent_ref: 2026-家长同意书-017     # with consent only: the reference of the written consent, never the form
        reviewer: "@zhang-reviewer"

The hash ties the statement to the picture: an image replaced under the same name is a new
image and needs a new statement. The file lives under data/, so CODEOWNERS sends every change
of it to the data reviewers; the build reports an image without a statement
(privacy/image-unstated, or privacy/image-face when faces.py sees a face), a statement that is
malformed, and one that matches no image any more.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import ROOT
from ..report.problems import Report

FILE = "data/images.yaml"
SHOWS = ("no-identifiable-child", "consent")
_SHA = re.compile(r"[0-9a-f]{64}")
_REVIEWER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?")
_KEYS = {"file", "sha256", "shows", "consent_ref", "reviewer", "note"}


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def needs_statement(name: str) -> bool:
    """Images published from content/ (the site's own images are checked for faces: faces.py)."""
    from .tables import source_path

    return (source_path(name) or "").startswith("content/")


@dataclass
class Statements:
    entries: dict[tuple[str, str], int] = field(default_factory=dict)  # (file, sha256) → line
    file: str = FILE  # the statements file as problems name it
    used: set[tuple[str, str]] = field(default_factory=set)

    def covers(self, file: str, digest: str) -> bool:
        """True when the image (this file, these bytes) has a statement."""
        from .tables import source_path

        key = (source_path(file) or file, digest)
        if key in self.entries:
            self.used.add(key)
            return True
        return False

    @property
    def hashes(self) -> frozenset[str]:
        """The images stated: the built site may show them (its face check skips them)."""
        return frozenset(digest for _, digest in self.entries)

    def finish(self, report: Report, scanned: set[str], root: Path = ROOT) -> None:
        """Statements that match no image: of an image this scan read (it changed), or of a file that is gone."""
        from .tables import source_path

        scanned = {source_path(n) or n for n in scanned}
        judged_all = FILE in scanned
        for key, line in sorted(self.entries.items(), key=lambda kv: kv[1]):
            if key not in self.used and (key[0] in scanned or (judged_all and not (root / key[0]).is_file())):
                report.add("privacy/image-statement-unused", self.file, line)


def load(root: Path = ROOT, report: Report | None = None) -> Statements:
    """The repository's image statements; problems of the file go to report."""
    from ..load.sources import load_yaml, rel

    path = root / FILE
    found = Statements(file=rel(path))
    if not path.is_file():
        return found
    sink = report if report is not None else Report()
    doc = load_yaml(path, sink)
    items = doc.value.get("images") if doc is not None else None
    if items in (None, ""):
        return found
    if not isinstance(items, list):
        sink.add("privacy/image-statement-invalid", found.file, doc.line(("images",)), problem="images 下面应该是一个列表（每项以“- ”开头）")
        return found
    for i, item in enumerate(items):
        line = doc.line(("images", i))
        problem = _problem(item)
        if problem:
            sink.add("privacy/image-statement-invalid", found.file, line, problem=problem)
        else:
            found.entries[(item["file"].strip(), item["sha256"].strip().lower())] = line
    return found


def _problem(item) -> str:
    if not isinstance(item, dict) or any(not isinstance(v, str) for v in item.values()):
        return "每一项应该由 file、sha256、shows、reviewer 几行文字组成"
    missing = [k for k in ("file", "sha256", "shows", "reviewer") if not item.get(k, "").strip()]
    if missing:
        return "缺少 " + "、".join(missing)
    if set(item) - _KEYS:
        return "不认识的字段 " + "、".join(sorted(set(item) - _KEYS))
    if not item["file"].startswith("content/") or ".." in item["file"].split("/"):
        return "file 应该是 content/ 下的路径，如 content/assets/a.jpg"
    if not _SHA.fullmatch(item["sha256"].strip().lower()):
        return "sha256 应该是检查提示里给出的 64 位图片编号"
    if item["shows"].strip() not in SHOWS:
        return "shows 只能写 no-identifiable-child（看不出是哪个孩子）或 consent（已取得监护人书面同意）"
    if item["shows"].strip() == "consent" and not item.get("consent_ref", "").strip():
        return "shows 为 consent 时要写 consent_ref（同意书的编号，不写内容）"
    if not _REVIEWER.fullmatch(item["reviewer"].strip()):
        return "reviewer 应该是审核人的账号，如 @zhang-reviewer"
    return ""
