"""assets/record-form.json and assets/privacy-rules.json: what the web form for schools needs.

The form's choices and checks come from these files, written at build time from the same
schema, allow-lists and privacy rules the validator uses, so the form can never offer a value
that the validator would refuse, nor miss a list entry added later, nor pass a child's name
that `check` would stop (privacy-rules.json is the data of build_tools/privacy/textrules.py,
run by content/assets/privacy-rules.js; the form fetches it only when a record is made).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..check.contract import ACTIVITY_DIR, contract
from ..detect.phone import MOBILE as _MOBILE  # the one definition of a personal mobile number
from ..privacy.textrules import ASSET as PRIVACY_JSON

if TYPE_CHECKING:
    from ..model.context import Context

FORM_JSON = "assets/record-form.json"
_KEYS = ("title", "description", "example", "type", "x-list", "x-datetime", "x-values", "x-markdown")


def _field(d: dict) -> dict:
    out = {"name": d["name"], **{k.removeprefix("x-"): d[k] for k in _KEYS if k in d}}
    out.update(d.get("constraints", {}))
    return out


def form_data(ctx: Context) -> dict:
    """Fields (in schema order, with constraints), the allow-lists and where to submit."""
    schema = contract(ctx.dataset.root)[1]
    notes = {"activity-types": {t["name"]: t["description"] for t in ctx.lists.activity_types},
             "skills": {s["name"]: s["description"] for s in ctx.lists.skills}}
    lists = {}
    for d in schema.descriptor["fields"]:
        name = d.get("x-list")
        if name and name not in lists:
            allow = ctx.lists.by_name[name]
            lists[name] = [{"value": v, "label": label, "note": notes.get(name, {}).get(v, "")} for v, label in allow.labels.items()]
    return {
        "fields": [_field(d) for d in schema.descriptor["fields"]],
        "groups": schema.descriptor.get("x-groups", {}),
        "lists": lists,
        "repo": _repo(ctx.site.forge),
        "mobile": _MOBILE.pattern,
    }


def _repo(forge) -> dict:
    """Where the form's "submit" button opens the forge's new-file page (model/forge.py formats)."""
    return {"url": forge.repo_url, "branch": forge.branch, "folder": ACTIVITY_DIR, "kind": forge.kind,
            "name": forge.name, "new": forge.new_file_base(), "prefill": list(forge.prefill) if forge.prefill else None}


def write_form_data(ctx: Context) -> None:
    from ..privacy.textrules import rule_data

    out = ctx.docs / FORM_JSON
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(form_data(ctx), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # One line, no indent: it is mostly a word list, fetched only when the form makes a record.
    (ctx.docs / PRIVACY_JSON).write_text(json.dumps(rule_data(), ensure_ascii=False, separators=(",", ":")) + "\n",
                                         encoding="utf-8")
