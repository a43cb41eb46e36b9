"""Calendar files (RFC 5545) made with the icalendar library: one per activity, and
subscribable feeds of all activities, per activity type, per county and per type in a county.

Decisions (also explained on the calendar page, templates/calendar.md.j2):
- UID is <id>@<uid_domain> (data/site.yaml): calendars match later versions by UID.
- DTSTAMP and LAST-MODIFIED are the start of `last_confirmed` in China, written in UTC;
  never the clock, so the same data gives the same bytes.
- SEQUENCE is the number of days from SEQUENCE_EPOCH to `last_confirmed`: it grows whenever
  the organiser re-confirms (and so may have changed) the record, so clients take the update.
- All-day events have VALUE=DATE and DTEND the day after the last day (DTEND is exclusive).
- Timed events carry TZID=Asia/Shanghai with its VTIMEZONE (one +08:00 rule, since 1992). An
  all-day record is timed too when its hours are known: recurrence.time, or the timetable of a
  one-day activity (first item's start to the latest time given).
- A weekly activity (`recurrence`) is one event with RRULE:FREQ=WEEKLY;UNTIL=… and EXDATE for
  the skipped days, not a block of weeks.
- The file of one activity has a VALARM at 20:00 the evening before (not when ended, postponed
  or cancelled); feeds have none: a county's whole calendar should not ring every evening.
- STATUS is CONFIRMED, TENTATIVE (postponed: the dates no longer hold) or CANCELLED; the
  title also says 【延期】/【已取消】 because many phone calendars do not show STATUS.
- Feeds keep events that ended at most FEED_DAYS_BACK days before the build day.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event, Timezone

from ..engine import site_paths
from ..model.activity import Activity, day_times, when
from ..model.status import Status
from ..report import text
from .common import SHANGHAI, bulk_phone, listed, midnight

if TYPE_CHECKING:
    from ..model.context import Context
    from ..model.site import SiteInfo

PRODID = "-//关爱留守儿童志愿活动门户//活动日历 1.0//ZH"
SEQUENCE_EPOCH = dt.date(2020, 1, 1)
FEED_DAYS_BACK = 180
_TZ = zoneinfo.ZoneInfo(SHANGHAI)
_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
_PREFIX = {"scheduled": "", "postponed": "【延期】", "cancelled": "【已取消】"}
_END = b"END:VCALENDAR\r\n"
ALARM_AT = dt.time(20, 0)  # the evening before
NO_ALARM = {"ended", "postponed", "cancelled"}  # no reminder for a day that will not happen


def sequence(a: Activity) -> int:
    """SEQUENCE: days from SEQUENCE_EPOCH to last_confirmed (never negative)."""
    return max((a.last_confirmed - SEQUENCE_EPOCH).days, 0)


def stamp(a: Activity) -> dt.datetime:
    """DTSTAMP: the start of last_confirmed in China, in UTC."""
    return midnight(a.last_confirmed).astimezone(dt.UTC)


def span(a: Activity) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime]:
    """DTSTART and DTEND of the (first) occurrence: times from `start`/`end`, else from
    recurrence.time or a one-day timetable (model.activity.day_times), else whole days."""
    if not a.all_day:
        return a.start.astimezone(_TZ), a.end.astimezone(_TZ)
    last = a.start_day if a.recurrence else a.end_day  # a weekly activity: its first day, repeated
    times = day_times(a)
    if times:
        return dt.datetime.combine(a.start_day, times[0], _TZ), dt.datetime.combine(last, times[1], _TZ)
    return a.start_day, last + dt.timedelta(days=1)  # exclusive: the day after the last day


def _repeat(ev: Event, a: Activity, start: dt.date | dt.datetime) -> None:
    """RRULE weekly until the last day, EXDATE for the skipped days (RFC 5545 3.3.10: with a TZID
    start, UNTIL is in UTC; with a DATE start, a DATE)."""
    if isinstance(start, dt.datetime):
        until = dt.datetime.combine(a.end_day, start.timetz()).astimezone(dt.UTC)
        skipped = [dt.datetime.combine(d, start.timetz()) for d in a.recurrence.skipped]
    else:
        until, skipped = a.end_day, list(a.recurrence.skipped)
    ev.add("rrule", {"freq": "weekly", "until": until})
    if skipped:
        ev.add("exdate", skipped)


def _alarm(a: Activity, start: dt.date | dt.datetime) -> Alarm:
    """A reminder at 20:00 the evening before (each occurrence of a weekly activity)."""
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time(0), _TZ)
    evening = dt.datetime.combine(first.date() - dt.timedelta(days=1), ALARM_AT, _TZ)
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", f"明天：{a.title}")
    alarm.add("trigger", evening - first)  # negative: before the start
    return alarm


def event(a: Activity, status: Status, site: SiteInfo, alarm: bool = False) -> Event:
    """One VEVENT for an activity; with alarm, the reminder the evening before (a volunteer who
    saved one activity expects it; a subscribed feed of a whole county does not)."""
    ev = Event()
    ev.add("uid", f"{a.id}@{site.uid_domain}")
    ev.add("dtstamp", stamp(a))
    ev.add("last-modified", stamp(a))
    ev.add("sequence", sequence(a))
    start, end = span(a)
    ev.add("dtstart", start)
    ev.add("dtend", end)
    if a.recurrence is not None:
        _repeat(ev, a, start)
    ev.add("summary", _PREFIX[a.status] + a.title)
    ev.add("location", f"{a.venue_name}（{a.venue_address}）")
    ev.add("description", description(a, status, site))
    ev.add("url", site.url(site_paths.page(a.id)))
    ev.add("categories", [a.type_name])
    ev.add("status", _STATUS[a.status])
    ev.add("transp", "TRANSPARENT")  # a volunteer's other plans are not blocked by default
    if alarm and status.code not in NO_ALARM:
        ev.add_component(_alarm(a, start))
    return ev


def description(a: Activity, status: Status, site: SiteInfo) -> str:
    lines = [
        a.summary,
        "",
        *(["示例数据：本活动、电话和报名链接都是虚构的，请勿拨打或报名。", ""] if a.example else []),
        f"时间：{when(a)}",
        f"地点：{a.venue_name}（{a.venue_address}）",
        f"面向：{a.audience_summary}",
        f"主办：{a.organizer_name}",
        "联系：" + " ".join(x for x in (a.contact_role, bulk_phone(a), a.contact_email) if x),
        f"状态：{status.label}" + (f"（{status.reason.rstrip('。')}）" if status.reason else ""),
    ]
    if status.open and a.signup_deadline:
        lines.append(f"报名截止：{text.cn_date(a.signup_deadline)}")
    lines.append(f"详情和报名：{site.url(site_paths.page(a.id))}")
    return "\n".join(lines)


@functools.cache
def _vtimezone() -> bytes:
    """Asia/Shanghai as a VTIMEZONE: made once, China has kept +08:00 without DST since 1992."""
    return Timezone.from_tzid(SHANGHAI, first_date=dt.date(1992, 1, 1)).to_ical()


def calendar(events: list[bytes], timed: bool, name: str = "", about: str = "") -> bytes:
    """A VCALENDAR around events serialized by icalendar, with the VTIMEZONE when any is timed.

    Each event is serialized once and reused by every feed it belongs to (a thousand
    activities appear in up to three feeds each). A feed (name given) says what to call it
    and how often to refresh it. REFRESH-INTERVAL is left out on purpose: Xiaomi's calendar
    has been reported to refuse whole files that carry it.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    if name:
        cal.add("x-wr-calname", name)
        cal.add("x-wr-caldesc", about)
        cal.add("x-wr-timezone", SHANGHAI)
        cal.add("x-published-ttl", "P1D")
    head = cal.to_ical()
    assert head.endswith(_END)
    return head[: -len(_END)] + (_vtimezone() if timed else b"") + b"".join(events) + _END


def write_calendars(ctx: Context) -> None:
    """Per-activity .ics files and the feeds: all, per type, per region, per type in a region."""
    site, items = ctx.site, listed(ctx)
    by_id = {a.id: (a, status) for a, status in items}

    @functools.cache  # each event is serialized once (feeds share it), in the process that makes the late files
    def serialized(activity_id: str, alarm: bool = False) -> bytes:
        return event(*by_id[activity_id], site, alarm=alarm).to_ical()

    def write(path: str, chosen: list[Activity], name: str = "", about: str = "") -> None:
        def make() -> bytes:
            timed = any(isinstance(span(a)[0], dt.datetime) for a in chosen)
            return calendar([serialized(a.id, alarm=not name) for a in chosen], timed, name, about)

        ctx.late.add(path, make)

    for a, _ in items:
        write(site_paths.page(a.id) + site_paths.ics_name(a.id), [a])
    since = ctx.today - dt.timedelta(days=FEED_DAYS_BACK)
    recent = [a for a, _ in items if a.end_day >= since]
    title = "关爱留守儿童志愿活动"
    about = f"由{title}门户生成，每天更新。详情见 {site.url(site_paths.CALENDAR)}"
    write(site_paths.CALENDAR_ALL, recent, f"{title}（全部）", about)
    for t in ctx.lists.activity_types:
        write(
            site_paths.calendar_feed("types", t["code"]),
            [a for a in recent if a.type_code == t["code"]],
            f"{title}：{t['name']}",
            about,
        )
    for r in ctx.lists.regions:
        write(
            site_paths.calendar_feed("regions", r["code"]),
            [a for a in recent if a.region_code == r["code"]],
            f"{title}：{r['prefecture']}{r['name']}",
            about,
        )
    regions = {r["code"]: r["prefecture"] + r["name"] for r in ctx.lists.regions}
    by_pair: dict[tuple[str, str], list[Activity]] = {}
    for a in recent:  # grouped once: scanning the recent activities for every pair grew with pairs × activities
        by_pair.setdefault((a.type_code, a.region_code), []).append(a)
    for type_code, type_name, region in type_county_pairs([a for a, _ in items]):  # every pair with activities
        chosen = by_pair.get((type_code, region), [])
        write(site_paths.calendar_pair_feed(type_code, region), chosen, f"{title}：{regions[region]}{type_name}", about)


def type_county_pairs(activities: list[Activity]) -> list[tuple[str, str, str]]:
    """(type code, type name, county code) of every pair that has an activity, ended or not: a pair
    the list filter can show has its feed, even when nothing in it is recent."""
    return sorted({(a.type_code, a.type_name, a.region_code) for a in activities})
