"""Reviewed exceptions: the one way a blocking privacy finding that is a false alarm gets through.

data/privacy-exceptions.yaml lists entries, each naming a file, a rule, the reference of
one matched span, a reason and the reviewer's forge account:

    exceptions:
      - file: content/safety/stories.md
        rule: privacy/person-name
        span: 3f9a1c0b7d2e4f61
        reason: 历史人物，课文里的故事
        reviewer: "@zhang-reviewer"

The reference (span_ref) is a hash of the file, the rule, the matched text and the whole
line it stands on, so an entry lets through that one text on that one line of that one
file and nothing else: the same name on another line, in another file or under another rule
is blocked again, and once the line is edited the entry matches nothing and is an error
(privacy/exception-unused) until it is reviewed again. The hash never shows the text, and
without the line around it the text cannot be guessed from it. Every entry used is reported
(privacy/exception-used, a warning), so CI shows what was let through and by whom.

Nothing under data/ is trusted: a pull request can add an entry as easily as a name, which is
why every entry names its reviewer and CODEOWNERS sends every change to data/ to the data
reviewers, who see the entry in the diff (`python -m build_tools diff`) and in CI's list of
entries used.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import ROOT
from ..report.problems import Report
from ..report.rules import RULES

FILE = "data/privacy-exceptions.yaml"
_SPAN = re.compile(r"[0-9a-f]{16}")
_REVIEWER = re.compile(r"@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:/[A-Za-z0-9._-]{1,100})?")
# Rules with no span to hash (a file or an image as a whole), and the exceptions' own rules.
NOT_EXCEPTABLE = frozenset(
    {"privacy/not-scanned", "privacy/people-table", "privacy/image-in-data", "privacy/image-gps", "privacy/image-unstated",
     "privacy/image-face", "privacy/mobile-without-consent"})


def exceptable(code: str) -> bool:
    """A blocking privacy rule that finds a span of text (one an entry can let through)."""
    rule = RULES.get(code)
    return (rule is not None and code.startswith("privacy/") and rule.severity == "error" and code not in NOT_EXCEPTABLE
            and not code.startswith(("privacy/exception-", "privacy/image-statement-")))


def span_ref(file: str, code: str, span: str, line: str) -> str:
    """The reference of a matched span: 16 hex digits of SHA-256 over file, rule, span and its line."""
    return hashlib.sha256("\0".join((file, code, span, line)).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Entry:
    file: str
    rule: str
    span: str
    reviewer: str
    line: int  # where the entry begins in the exceptions file


@dataclass
class Exceptions:
    """The entries of the exceptions file, and which of them a scan has used."""

    entries: dict[tuple[str, str, str], Entry] = field(default_factory=dict)
    used: set[Entry] = field(default_factory=set)
    file: str = FILE  # the exceptions file as problems name it
    #: (rule, matched text) of every span let through: the built site may show them (SiteScan).
    allowed: set[tuple[str, str]] = field(default_factory=set)

    def allows(self, file: str, code: str, span: str, line: str) -> Entry | None:
        """The entry that lets this span through, or None. `file` as the scan names it (see tables.source_path)."""
        if not self.entries:
            return None
        from .tables import source_path

        file = source_path(file) or file
        entry = self.entries.get((file, code, span_ref(file, code, span, line)))
        if entry is not None:
            self.used.add(entry)
            self.allowed.add((code, span))
        return entry

    def finish(self, report: Report, scanned: set[str], root: Path = ROOT) -> None:
        """Report the entries that matched nothing: of files this scan read, or of files that do not exist.

        An entry for a file outside this scan (`check` of one record) is not judged: it was not looked at.
        """
        from .tables import source_path

        scanned = {source_path(n) or n for n in scanned}
        judged_all = FILE in scanned
        for entry in sorted(set(self.entries.values()) - self.used, key=lambda e: e.line):
            missing = not (root / entry.file).is_file()
            if entry.file in scanned or (judged_all and missing):
                report.add("privacy/exception-unused", self.file, entry.line)


def load(root: Path = ROOT, report: Report | None = None) -> Exceptions:
    """The repository's exceptions; problems of the file itself go to report (none when absent)."""
    from ..load.sources import load_yaml, rel

    path = root / FILE
    found = Exceptions(file=rel(path))
    if not path.is_file():
        return found
    sink = report if report is not None else Report()
    doc = load_yaml(path, sink)
    if doc is None:
        return found
    items = doc.value.get("exceptions")
    if items in (None, ""):
        return found
    if not isinstance(items, list):
        sink.add("privacy/exception-invalid", found.file, doc.line(("exceptions",)), problem="exceptions 下面应该是一个列表（每项以“- ”开头）")
        return found
    for i, item in enumerate(items):
        entry = _entry(item, doc.line(("exceptions", i)), sink, found.file)
        if entry is not None:
            found.entries[(entry.file, entry.rule, entry.span)] = entry
    return found


def _entry(item, line: int, report: Report, file: str) -> Entry | None:
    problem = _problem(item)
    if problem:
        report.add("privacy/exception-invalid", file, line, problem=problem)
        return None
    return Entry(item["file"].strip(), item["rule"].strip(), item["span"].strip().lower(), item["reviewer"].strip(), line)


def _problem(item) -> str:
    """What is wrong with one entry, in words for the person who wrote it ("" when nothing)."""
    if not isinstance(item, dict):
        return "每一项应该由 file、rule、span、reason、reviewer 几行组成"
    missing = [k for k in ("file", "rule", "span", "reason", "reviewer") if not str(item.get(k) or "").strip()]
    if missing:
        return "缺少 " + "、".join(missing)
    unknown = sorted(set(item) - {"file", "rule", "span", "reason", "reviewer"})
    if unknown:
        return "不认识的字段 " + "、".join(unknown)
    if any(not isinstance(item[k], str) for k in item):
        return "每一项的值都应该是一行文字"
    file = item["file"].strip()
    if file.startswith("/") or "\\" in file or ".." in file.split("/"):
        return "file 应该写从仓库根目录开始的路径，如 content/safety/stories.md"
    if not exceptable(item["rule"].strip()):
        return "rule 应该是一条能登记例外的隐私规则代码，如 privacy/person-name"
    if not _SPAN.fullmatch(item["span"].strip().lower()):
        return "span 应该是检查提示里给出的 16 位例外编号"
    if len(item["reason"].strip()) < 4:
        return "reason 请写清楚为什么这不是个人信息"
    if not _REVIEWER.fullmatch(item["reviewer"].strip()):
        return "reviewer 应该是审核人的账号，如 @zhang-reviewer"
    return ""
