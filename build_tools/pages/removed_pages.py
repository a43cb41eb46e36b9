"""Pages at the old addresses of deleted or renamed activities (data/removed-activities.yaml)."""

from __future__ import annotations

from ..model.removed import build_removed
from .render import environment


def write_removed_pages(ctx) -> None:
    """docs/activities/<old id>.md for each removed activity: what happened, and where to go now.

    ctx is the build's Context (not imported here: it moves to model/context.py on main)."""
    titles = {a.id: a.title for a in ctx.activities}
    template = environment().get_template("removed.md.j2")
    for checked in ctx.dataset.removed:
        for r in build_removed(checked.record):
            path = ctx.docs / "activities" / f"{r.id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            new_title = titles.get(r.renamed_to, "") if r.renamed_to else ""
            path.write_text(template.render(r=r, new_title=new_title), encoding="utf-8")
