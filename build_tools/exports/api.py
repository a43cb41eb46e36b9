"""activities.json, the open data API, and filter.json, the small index the list filter reads.

FIELDS is the API's documentation: the page activities/api/ is rendered from it, and a test
checks that every key in activities.json is in FIELDS and every FIELDS entry occurs, so the
documentation cannot drift from the file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from ..engine import site_paths
from ..model.activity import Activity
from ..model.listing import Listed, sort_for_list
from ..model.status import Status, status_on
from .common import bulk_phone, current, listed

if TYPE_CHECKING:
    from ..model.context import Context

# 2 (issue 18): `archived` added, and links.ics is null for an archived activity (it has no calendar
# file any more). The JSON Schema of each version: build_tools/exports/schemas/activities-<version>.schema.json.
VERSION = 2
LICENCE = "CC-BY-4.0"

# (path, type, meaning); "[]" marks a list, "x[].y" a key of each list item.
FIELDS: list[tuple[str, str, str]] = [
    ("version", "整数", f"接口版本，目前是 {VERSION}。字段只增不减；删除或改变含义时版本加 1，并提前在本页公告。"),
    ("generated_on", "日期", "生成日期：state 按这一天计算。"),
    ("licence", "文字", "数据许可（CC-BY-4.0：注明来源即可自由使用）。"),
    ("documentation", "网址", "本说明页面。"),
    ("source", "网址", "数据所在的代码仓库。"),
    ("count", "整数", "activities 的条数。"),
    ("activities[].id", "文字", "活动编号，永不改变，也是数据文件名。"),
    ("activities[].url", "网址", "活动页面。"),
    ("activities[].title", "文字", "活动名称。"),
    ("activities[].summary", "文字", "一句话简介。"),
    ("activities[].type.code", "文字", "活动类型代码（data/lists/activity-types.csv）。"),
    ("activities[].type.name", "文字", "活动类型名称。"),
    ("activities[].status", "文字", "主办单位填写的状态：scheduled（按计划）、postponed（延期）、cancelled（取消）。"),
    (
        "activities[].state.code",
        "文字",
        "按生成日期计算的状态：recruiting、closing-soon、full、closed、no-signup、ended、postponed、cancelled。",
    ),
    ("activities[].state.label", "文字", "状态的中文名称，如“招募中”。"),
    ("activities[].state.signup_open", "是否", "这一天能否报名。"),
    ("activities[].state.reason", "文字", "不能报名的原因；能报名时为空。"),
    ("activities[].start", "日期或日期时间", "开始：YYYY-MM-DD（全天），或带 +08:00 的 ISO 8601 日期时间。"),
    ("activities[].end", "日期或日期时间", "结束（全天活动为最后一天，含当天）。"),
    ("activities[].all_day", "是否", "是否为全天活动。"),
    ("activities[].region.code", "文字", "县级行政区划代码。"),
    ("activities[].region.name", "文字", "县区名称（含所属地级市）。"),
    ("activities[].region.province", "文字", "省级行政区。"),
    ("activities[].venue.name", "文字", "活动场所名称。"),
    ("activities[].venue.address", "文字", "场所的公开地址。"),
    ("activities[].organizer.id", "文字", "主办单位编号（data/organizations.yaml）。"),
    ("activities[].organizer.name", "文字", "主办单位名称。"),
    ("activities[].audience.summary", "文字", "面向哪些儿童或家长（群体描述）。"),
    ("activities[].audience.places", "整数或 null", "儿童名额合计。"),
    ("activities[].audience.quotas[].unit", "文字", "名额分配到的学校或单位。"),
    ("activities[].audience.quotas[].places", "整数", "分给该单位的名额。"),
    ("activities[].timetable[].date", "日期或 null", "日程日期（单日活动可为空）。"),
    ("activities[].timetable[].time", "文字", "时间或时间段（HH:MM 或 HH:MM-HH:MM）。"),
    ("activities[].timetable[].title", "文字", "这一时段做什么。"),
    ("activities[].volunteers.needed", "整数", "需要的志愿者人数。"),
    ("activities[].volunteers.tasks[]", "文字", "志愿者做什么。"),
    ("activities[].volunteers.requirements[]", "文字", "对志愿者的要求。"),
    ("activities[].volunteers.skills[].code", "文字", "最好具备的技能代码（data/lists/skills.csv）。"),
    ("activities[].volunteers.skills[].name", "文字", "技能名称。"),
    ("activities[].volunteers.min_age", "整数或 null", "志愿者最低年龄（周岁）。"),
    ("activities[].volunteers.signup_url", "网址或 null", "主办单位的报名表（https）。"),
    ("activities[].volunteers.signup_deadline", "日期或 null", "报名截止日期。"),
    ("activities[].volunteers.full", "是否", "志愿者名额是否已满。"),
    ("activities[].supplies[].item", "文字", "需要募集的物资。"),
    ("activities[].supplies[].quantity", "整数", "需要数量。"),
    ("activities[].supplies[].unit", "文字", "单位。"),
    ("activities[].supplies[].received", "整数", "已募集数量。"),
    ("activities[].supplies[].still_needed", "整数", "还缺多少。"),
    ("activities[].cost.free", "是否", "对儿童和志愿者是否免费。"),
    ("activities[].cost.note", "文字", "费用说明。"),
    ("activities[].contact.role", "文字", "联系部门或岗位。"),
    ("activities[].contact.phone", "文字", "办公电话或热线；个人手机号不进入接口（见下文）。"),
    ("activities[].contact.email", "文字", "办公邮箱。"),
    ("activities[].policy_refs[]", "文字", "政策依据的文号。"),
    ("activities[].last_confirmed", "日期", "主办单位最近核实的日期。"),
    ("activities[].published", "日期", "首次发布日期（记录未填时等于 last_confirmed）。"),
    ("activities[].description_markdown", "文字", "详细介绍（受限的 Markdown）。"),
    ("activities[].archived", "是否", "是否已归档：结束一段时间（data/site.yaml 的 archive_after_months，默认 12 个月）后，页面只保留简要信息，不再有日历文件、海报和二维码。"),
    ("activities[].links.ics", "网址或 null", "这项活动的日历文件（.ics；已归档的活动为 null）。"),
    ("activities[].links.poster", "网址或 null", "可打印的 A4 海报页面（活动结束后为 null）。"),
    ("activities[].links.qr_page", "网址或 null", "活动页面的二维码（SVG；活动结束后为 null）。"),
    ("activities[].links.qr_signup", "网址或 null", "报名表的二维码（SVG；没有报名表或活动结束后为 null）。"),
    ("activities[].links.edit", "网址", "在代码仓库中修改这条记录。"),
]


def _day(value) -> str | None:
    return value.isoformat() if value is not None else None


def record(a: Activity, status: Status, ctx: Context, archived: bool = False) -> dict:
    """One activity as the API gives it (an archived one has no calendar file)."""
    site, region = ctx.site, ctx.lists.region(a.region_code)
    skills = {s["name"]: s["code"] for s in ctx.lists.skills}
    folder, shared = site_paths.page(a.id), current(a, ctx.today)
    return {
        "id": a.id,
        "url": site.url(folder),
        "title": a.title,
        "summary": a.summary,
        "type": {"code": a.type_code, "name": a.type_name},
        "status": a.status,
        "state": {"code": status.code, "label": status.label, "signup_open": status.open, "reason": status.reason},
        "start": a.start.isoformat(),
        "end": a.end.isoformat(),
        "all_day": a.all_day,
        "region": {"code": a.region_code, "name": a.region_name, "province": region["province"]},
        "venue": {"name": a.venue_name, "address": a.venue_address},
        "organizer": {"id": a.organizer_id, "name": a.organizer_name},
        "audience": {
            "summary": a.audience_summary,
            "places": a.audience_places,
            "quotas": [{"unit": q.unit, "places": q.places} for q in a.quotas],
        },
        "timetable": [{"date": _day(t.date), "time": t.time, "title": t.title} for t in a.timetable],
        "volunteers": {
            "needed": a.volunteers_needed,
            "tasks": list(a.tasks),
            "requirements": list(a.requirements),
            "skills": [{"code": skills[s], "name": s} for s in a.skills],
            "min_age": a.min_age,
            "signup_url": a.signup_url,
            "signup_deadline": _day(a.signup_deadline),
            "full": a.full,
        },
        "supplies": [
            {
                "item": s.item,
                "quantity": s.quantity,
                "unit": s.unit,
                "received": s.received,
                "still_needed": s.still_needed,
            }
            for s in a.supplies
        ],
        "cost": {"free": a.cost_free, "note": a.cost_note},
        "contact": {"role": a.contact_role, "phone": bulk_phone(a), "email": a.contact_email},
        "policy_refs": list(a.policy_refs),
        "last_confirmed": a.last_confirmed.isoformat(),
        "published": (a.published or a.last_confirmed).isoformat(),
        "description_markdown": a.description,
        "archived": archived,
        "links": {
            "ics": None if archived else site.url(folder + site_paths.ics_name(a.id)),
            "poster": site.url(folder + site_paths.POSTER) if shared else None,
            "qr_page": site.url(folder + site_paths.QR_PAGE) if shared else None,
            "qr_signup": site.url(folder + site_paths.QR_SIGNUP) if shared and a.signup_url else None,
            "edit": site.edit_url(a.file),
        },
    }


def activities_json(ctx: Context) -> dict:
    old = {a.id for a in ctx.archived}
    items = [record(a, s, ctx, a.id in old) for a, s in listed(ctx, archived=True)]  # open data: every activity
    return {
        "version": VERSION,
        "generated_on": ctx.today.isoformat(),
        "licence": LICENCE,
        "documentation": ctx.site.url(site_paths.API_PAGE),
        "source": ctx.site.repo_url,
        "count": len(items),
        "activities": items,
    }


# The columns of filter.json's rows. Type, county and status names are not repeated there: the
# script reads them from the filter form's own <option> labels.
FILTER_FIELDS = ("id", "title", "type", "region", "start", "end", "status", "min_age", "skills")


def filter_index(ctx: Context) -> dict:
    """What the list filter needs to find any activity of the list and show it as a result row.

    In the list's own order (upcoming soonest first, then past latest first), one row per
    activity with the keys written once in "fields": the file grows with the data, and the
    script fetches it only when a filter choice is set.
    """
    skills = {s["name"]: s["code"] for s in ctx.lists.skills}
    upcoming, past = sort_for_list([Listed(a, status_on(a, ctx.today)) for a in ctx.activities], ctx.today)
    rows = [_filter_row(i.activity, i.status, skills) for i in upcoming + past]
    return {"generated_on": ctx.today.isoformat(), "fields": list(FILTER_FIELDS), "activities": rows}


def _filter_row(a: Activity, status: Status, skills: dict[str, str]) -> list:
    """One activity's row of filter.json, in the order of FILTER_FIELDS."""
    return [
        a.id,
        a.title,
        a.type_code,
        a.region_code,
        a.start_day.isoformat(),
        a.end_day.isoformat(),
        status.code,
        a.min_age,
        [skills[k] for k in a.skills],
    ]


def write_api(ctx: Context) -> None:
    schema = Path(__file__).parent / f"schemas/activities-{VERSION}.schema.json"
    site_paths.write(ctx.docs, site_paths.API_SCHEMA, schema.read_bytes())
    site_paths.write(
        ctx.docs, site_paths.API_JSON, json.dumps(activities_json(ctx), ensure_ascii=False, separators=(",", ":")) + "\n"
    )
    site_paths.write(
        ctx.docs, site_paths.FILTER_INDEX, json.dumps(filter_index(ctx), ensure_ascii=False, separators=(",", ":"))
    )
