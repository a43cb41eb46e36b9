"""Synthetic data for the benchmark: N activity records made from the repository's samples."""

from __future__ import annotations

import datetime as dt
import random
import shutil
from pathlib import Path

from build_tools import ROOT

TEMPLATE = ROOT / "tests/fixtures/data/activities/2026/2026-12-05-sample-lecture.yaml"
REGIONS = ["430603", "430621", "430626", "431003", "431022", "450222", "450223", "450225", "450226"]
TOWNS = ["陆城镇", "路口镇", "良田镇", "栖凤渡镇", "融水镇", "安陲乡", "古宜镇", "大埔镇", "寨沙镇"]  # one per county above
SCHOOLS = ["中心小学", "中学", "第二小学", "完全小学", "中心幼儿园", "九年一贯制学校", "村小学", "社区儿童之家"]
# Titles as schools write them, several per activity type.
TITLES = {
    "夏令营": ["暑期关爱夏令营", "“快乐成长”研学营", "科技探索夏令营", "乡村少年足球营"],
    "防灾减灾": ["防震疏散演练", "消防安全开放日", "汛期避险知识课", "应急救护体验"],
    "法治教育": ["法治副校长讲座", "模拟法庭活动", "宪法晨读", "禁毒知识竞赛"],
    "安全讲座": ["寒假前安全教育讲座", "交通安全课", "防性侵自护讲座", "网络安全主题班会"],
    "防溺水": ["防溺水专题教育", "“六不两会”宣讲", "溺水自救演练", "暑前防溺水家访"],
    "心理健康": ["心理健康团体辅导", "情绪小课堂", "心理测评日", "沙盘游戏体验"],
    "学业辅导": ["周末作业辅导", "读书会", "英语兴趣课堂", "数学思维小组"],
    "家长学校": ["家长学校开学第一课", "隔代教育座谈", "家庭教育讲座", "监护人沟通会"],
    "亲情联络": ["亲情视频连线", "给爸爸妈妈写封信", "亲情电话日", "春节团聚分享会"],
    "文体活动": ["乡村少年运动会", "合唱比赛", "书法兴趣班", "六一文艺汇演"],
    "走访慰问": ["中秋走访慰问", "教师家访周", "冬衣送暖", "重阳节探望"],
}


# A province's records as bench/run.py builds them (issue 18): three years of activities up to a few
# weeks after the benchmark's day (2026-11-22), so that about two thirds ended more than a year before it.
PROVINCE = (dt.date(2024, 1, 1), 3 * 365)


def repo_with_activities(n: int, dest: Path, spread: tuple[dt.date, int] = (dt.date(2026, 1, 5), 720)) -> Path:
    """A copy of everything a build reads, with n synthetic activities instead of the samples.

    Days are spread evenly over `spread` (first day, number of days: by default two years around
    the tests' day; PROVINCE for the benchmark); county, school, type and title are drawn independently of them
    (seeded: every run writes the same records), about as a province's records vary, so the
    possible-duplicate warnings they raise are the ones a real data set of that density would.
    """
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("activities") if name == "data" else None)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    # The samples' removed and renamed ids point at sample activities, which are not copied.
    (dest / "data/removed-activities.yaml").unlink(missing_ok=True)
    text = TEMPLATE.read_text(encoding="utf-8")
    start, days = spread
    draw = random.Random(20261122)
    for i in range(n):
        county, kind = draw.randrange(len(REGIONS)), draw.choice(list(TITLES))
        day = start + dt.timedelta(days=(i * 7) % days)  # 7 and the number of days share no factor: every day is used
        school = TOWNS[county] + draw.choice(SCHOOLS)
        rid = f"{day.isoformat()}-bench-{i:05d}"
        record = (
            text.replace("2026-12-05-sample-lecture", rid)
            .replace("2026-12-05T09:00:00+08:00", f"{day.isoformat()}T09:00:00+08:00")
            .replace("2026-12-05T11:30:00+08:00", f"{day.isoformat()}T11:30:00+08:00")
            .replace('signup_deadline: "2026-12-01"', f'signup_deadline: "{(day - dt.timedelta(days=3)).isoformat()}"')
            .replace('region: "430603"', f'region: "{REGIONS[county]}"')
            .replace("type: 安全讲座", f"type: {kind}")
            .replace("title: 寒假前安全教育讲座", f"title: {school}{draw.choice(TITLES[kind])}")
            .replace("陆城镇中心小学", school)
        )
        path = dest / "data/activities" / rid[:4] / f"{rid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record, encoding="utf-8")
    return dest
