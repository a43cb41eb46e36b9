"""Activities that were deleted or renamed (data/removed-activities.yaml, checked): their old
addresses stay alive as pages that say so, because posters, QR codes and calendars still carry them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class RemovedActivity:
    id: str  # the old id, so the old address /activities/<id>/
    title: str
    removed_on: dt.date
    reason: str
    renamed_to: str | None  # the new id when the activity lives on under another address


def build_removed(record: dict) -> tuple[RemovedActivity, ...]:
    """The checked file's items, in file order."""
    return tuple(
        RemovedActivity(r["id"], r["title"], r["removed_on"], r.get("reason", ""), r.get("renamed_to"))
        for r in record.get("removed") or []
    )
