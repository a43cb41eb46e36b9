"""What the engine (mkdocs --strict) complains about, as problems with a file, a line and a Chinese message.

mkdocs logs its strict-mode warnings in English and names files by their path in the build's docs
folder (a copy of content/ plus the generated pages). Each known warning becomes a rule of
rules.py on the repository file a person edits: content/… for hand-written pages, the line of
the link found in it; mkdocs.yml for the nav; overrides/… for templates. Anything else keeps the
engine's own words under build/mkdocs.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..report.problems import Report

_LINK = re.compile(r"Doc file '(?P<doc>[^']+)' contains (?:a link|an unrecognized relative link) '(?P<link>[^']*)'"
                   r"(?P<rest>.*)", re.S)
_NAV = re.compile(r"A reference to '(?P<link>[^']*)' is included in the 'nav' configuration")


def from_log(message: str, docs: Path, root: Path, report: Report) -> None:
    """One warning of the engine's log, as a problem."""
    if m := _LINK.match(message):
        file, line = _source(m["doc"], m["link"], docs, root)
        code = "build/broken-anchor" if "anchor" in m["rest"] else "build/broken-link"
        return report.add(code, file, line, link=m["link"][:120])
    if m := _NAV.match(message):
        return report.add("build/nav-missing", "mkdocs.yml", _line_of(root / "mkdocs.yml", m["link"]), link=m["link"][:120])
    report.add("build/mkdocs", "mkdocs.yml", 1, problem=" ".join(message.split()).rstrip(".")[:300])


def from_template_error(exc, root: Path, report: Report) -> None:
    """A Jinja error in the theme or overrides/ (a syntax error, a missing template, an undefined value)."""
    filename = getattr(exc, "filename", None) or getattr(exc, "name", None) or "overrides/main.html"
    file = _relative(Path(filename), root) if Path(filename).is_absolute() else str(filename)
    report.add("build/template", file, getattr(exc, "lineno", None) or 1, problem=str(getattr(exc, "message", exc)).rstrip(".")[:300])


def _source(doc: str, link: str, docs: Path, root: Path) -> tuple[str, int]:
    """The repository file behind a docs page, and the line of the link in it."""
    hand_written = root / "content" / doc
    name = f"content/{doc}" if hand_written.is_file() else f"（生成的页面）{doc}"
    return name, _line_of(docs / doc, link)


def _line_of(path: Path, needle: str) -> int:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return 1
    at = text.find(needle) if needle else -1
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.name  # a template of the theme itself
