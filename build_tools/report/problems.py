"""Problems found in the data, the report that collects them, and how reports are printed.

Validation never raises on bad data: each stage adds problems to a Report and the CLI prints
all of them, sorted, then fails once. Messages are made in one place, Report.add, and there
no value that a privacy rule matches is ever written out (CI logs are public): every
parameter and the field are checked, whichever rule made them, so no rule can forget.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field

from ..detect.detectors import looks_personal
from .rules import RULES

#: What a message shows in place of a value that looks like personal data.
REDACTED = "（此处的值像个人信息，不显示）"
_QUOTED = re.compile("“([^“”]*)”")
_PATH_PART = re.compile(r"(\.|\[[0-9]+\])")  # volunteers.signup_url, supplies[1].unit


# Line breaks and other control characters in a quoted value are written as escapes: a message
# stays one line, and a value cannot start a line of its own in a CI log (a forged ::error …).
_CONTROL = {**{c: f"\\x{c:02x}" for c in (*range(0x20), *range(0x7F, 0xA0))}, 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t",
            0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\x85"}


def quote(value: object, limit: int = 40) -> str:
    """A value received, as a message shows it: “value” (cut after `limit` characters), or
    REDACTED when it looks like personal data (checked before cutting: a cut number still shows)."""
    text = str(value)
    if looks_personal(text):
        return REDACTED
    shown = text if len(text) <= limit else text[:limit] + "…"
    return f"“{shown.translate(_CONTROL)}”"


def _redacted(text: str) -> str:
    """The text with each quoted value that looks personal replaced; all of it if that is not enough."""
    if not looks_personal(text):
        return text
    text = _QUOTED.sub(lambda m: REDACTED if looks_personal(m.group(1)) else m.group(), text)
    return REDACTED if looks_personal(text) else text


_LONG_DIGITS = re.compile(r"[0-9]{7,}")


def _redacted_path(path: str) -> str:
    """A file path with long runs of digits hidden when it looks personal (a record named after a
    mobile number: 2026-12-20-139….yaml); the whole name when that is not enough."""
    if not looks_personal(path):
        return path
    shown = _LONG_DIGITS.sub("（已隐去）", path)
    if looks_personal(shown):
        folder, _, _ = shown.rpartition("/")
        shown = f"{folder}/（文件名像个人信息，已隐去）" if folder else "（文件名像个人信息，已隐去）"
    return shown


def _redacted_field(path: str) -> str:
    """A field path with the keys that look personal replaced (an unknown key is the value)."""
    if not looks_personal(path):
        return path
    parts = [p if _PATH_PART.fullmatch(p) or not looks_personal(p) else "（已隐去）" for p in _PATH_PART.split(path)]
    joined = "".join(parts)
    return "（已隐去）" if looks_personal(joined) else joined


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    field: str
    code: str
    severity: str
    message: str
    hint: str
    column: int = 0

    def as_text(self) -> str:
        where = f"{self.file}:{self.line}" + (f":{self.column}" if self.column else "")
        tag = "" if self.severity == "error" else "（警告）"
        field_part = f" {self.field}" if self.field else ""
        return f"{where}:{field_part} [{self.code}]{tag} {self.message}{self.hint}"


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    _seen: set[Problem] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._seen.update(self.problems)

    def add(self, code: str, file: str, line: int, field: str = "", column: int = 0, **params) -> None:
        """Record one problem; the message and hint come from the rule registry.

        Parameters and the field are shown only where no privacy rule matches them (REDACTED).
        """
        rule = RULES[code]
        params = {k: _redacted(v) if isinstance(v, str) else v for k, v in params.items()}
        message, hint = rule.message.format(**params), rule.hint.format(**params)
        if looks_personal(message + hint):  # two harmless parameters side by side, or a number
            params = {k: REDACTED for k in params}
            message, hint = rule.message.format(**params), rule.hint.format(**params)
        if "ref" in params and code.startswith("privacy/") and "{ref}" not in rule.message + rule.hint:
            # A finding a reviewed exception could let through: the reference its entry names
            # (build_tools/privacy/exceptions.py), never the text found. Added after the check
            # above: a hash may hold a run of digits that looks like a number.
            hint += f"（例外编号 {params['ref']}）"
        self._keep(
            Problem(
                file=_redacted_path(file),
                line=line,
                field=_redacted_field(field),
                code=code,
                severity=rule.severity,
                message=message,
                hint=hint,
                column=column,
            )
        )

    def extend(self, other: "Report") -> None:
        for problem in other.problems:
            self._keep(problem)

    def _keep(self, problem: Problem) -> None:
        # Two stages may find the same thing (the record check and the raw-text privacy scan
        # both see a contact's mobile number): it is one problem, printed and counted once.
        if problem not in self._seen:
            self._seen.add(problem)
            self.problems.append(problem)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.file, p.line, p.column, p.field, p.code))


def format_report(report: Report, fmt: str) -> str:
    """Render a report as text (for people), json (for tools), github (PR annotations), codequality
    (GitLab merge requests) markdown (a table for Gitea/Forgejo job logs and reports) or summary (the same table under a
    heading, for GitHub's job summary: GitHub shows only 10 annotations per step)."""
    problems = report.sorted()
    if fmt == "json":
        return json.dumps([asdict(p) for p in problems], ensure_ascii=False, indent=2)
    if fmt == "github":
        return "\n".join(_github_line(p) for p in problems)
    if fmt in ("codequality", "markdown", "summary"):  # GitLab merge requests; Gitea/Forgejo job logs and reports
        from . import ci_formats

        return getattr(ci_formats, fmt)(problems)
    lines = [p.as_text() for p in problems]
    n_err = sum(p.severity == "error" for p in problems)
    n_warn = len(problems) - n_err
    lines.append(f"共 {n_err} 个错误，{n_warn} 个警告。" if problems else "数据检查通过，没有发现问题。")
    return "\n".join(lines)


def _github_line(p: Problem) -> str:
    # GitHub workflow commands: properties escape , : % and newlines; the message escapes % and newlines.
    def prop(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A").replace(",", "%2C")

    def msg(s: str) -> str:
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    kind = "error" if p.severity == "error" else "warning"
    col = f",col={p.column}" if p.column else ""
    title = prop(f"{p.code} {p.field}".strip())
    return f"::{kind} file={prop(p.file)},line={p.line}{col},title={title}::{msg(p.message + p.hint)}"
