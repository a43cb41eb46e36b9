"""The policy library: documents, their levels, and the index other pages link to."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..check.normalize import doc_key

LEVELS = {"national": "国家", "provincial": "省级", "local": "市县"}


@dataclass(frozen=True)
class Policy:
    id: str
    title: str
    issuer: str
    number: str
    year: int
    date: dt.date | None
    level: str
    link: str | None
    summary: str
    requires: tuple[str, ...]  # activity type codes

    @property
    def label(self) -> str:
        """How a list names the document: its number, else its title."""
        return self.number or self.title


def build_policies(rec: dict) -> tuple[Policy, ...]:
    return tuple(
        Policy(
            id=p["id"],
            title=p["title"],
            issuer=p["issuer"],
            number=p.get("number", ""),
            year=p["year"],
            date=p.get("date"),
            level=p["level"],
            link=p.get("link"),
            summary=p["summary"],
            requires=tuple(p.get("requires", [])),
        )
        for p in rec.get("policies", [])
    )


@dataclass(frozen=True)
class PolicyIndex:
    """The policy library as other pages link to it (activity pages, activity-type pages)."""

    policies: tuple[Policy, ...] = ()
    page: str = "policies/index.md"  # the library page, relative to the docs folder

    def href(self, ref: str, prefix: str) -> str | None:
        """Link from a page `prefix` away from the docs root to the entry a reference names."""
        key = doc_key(ref)
        for p in self.policies:
            if (p.number and doc_key(p.number) == key) or p.title == ref.strip("《》 "):
                return f"{prefix}{self.page}#{p.id}"
        return None

    def for_type(self, code: str, prefix: str) -> list[tuple[Policy, str]]:
        """The documents that require an activity type, each with its link, newest first."""
        found = [p for p in self.policies if code in p.requires]
        return [(p, f"{prefix}{self.page}#{p.id}") for p in sorted(found, key=lambda p: (-p.year, p.id))]
