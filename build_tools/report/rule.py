"""One rule of the registry (rules.py): a stable code, its severity, its Chinese message and hint."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" stops the build; "warning" is shown to the reviewer
    message: str
    hint: str
    doc: str = ""
    example: str = ""
