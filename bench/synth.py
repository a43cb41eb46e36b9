"""Synthetic data for the benchmark: N activity records made from the repository's samples."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from build_tools import ROOT

TEMPLATE = ROOT / "tests/fixtures/data/activities/2026/2026-12-05-sample-lecture.yaml"
REGIONS = ["430603", "430621", "430626", "431003", "431022", "450222", "450223", "450225", "450226"]
TYPES = ["夏令营", "防灾减灾", "法治教育", "安全讲座", "防溺水", "心理健康", "学业辅导", "家长学校", "亲情联络", "文体活动", "走访慰问"]
TOWNS = ["陆城镇", "路口镇", "良田镇", "栖凤渡镇", "融水镇", "安陲乡", "古宜镇", "大埔镇", "寨沙镇"]


def repo_with_activities(n: int, dest: Path) -> Path:
    """A copy of everything a build reads, with n synthetic activities instead of the samples."""
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("activities") if name == "data" else None)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    text = TEMPLATE.read_text(encoding="utf-8")
    start = dt.date(2026, 1, 5)
    for i in range(n):
        day = start + dt.timedelta(days=(i * 7) % 720)
        rid = f"{day.isoformat()}-bench-{i:05d}"
        town = TOWNS[i % len(TOWNS)]
        record = (
            text.replace("2026-12-05-sample-lecture", rid)
            .replace("2026-12-05T09:00:00+08:00", f"{day.isoformat()}T09:00:00+08:00")
            .replace("2026-12-05T11:30:00+08:00", f"{day.isoformat()}T11:30:00+08:00")
            .replace('signup_deadline: "2026-12-01"', f'signup_deadline: "{(day - dt.timedelta(days=3)).isoformat()}"')
            .replace('region: "430603"', f'region: "{REGIONS[i % len(REGIONS)]}"')
            .replace("type: 安全讲座", f"type: {TYPES[i % len(TYPES)]}")
            .replace("title: 寒假前安全教育讲座", f"title: {town}第{i + 1}期关爱活动")
            .replace("陆城镇中心小学", f"{town}中心小学")
        )
        path = dest / "data/activities" / rid[:4] / f"{rid}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(record, encoding="utf-8")
    return dest
