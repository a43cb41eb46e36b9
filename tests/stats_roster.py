"""Synthetic rosters for tests and for the sample tables: fake children, no real names.

Every row is invented from a seeded random generator: the 姓名 and 身份证号 columns hold
marker text (never a real name or a valid ID number) so tests can assert that the aggregate
output never contains them. Rosters are written to a temporary folder, never committed.

Regenerate the committed sample tables (data/statistics/<period>-<county>.csv and the
suppression ledger) with:  .venv/bin/python -m tests.stats_roster
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from build_tools import ROOT
from build_tools.report.problems import Report
from build_tools.stats.contract import load_contract

HEADER = ["序号", "姓名", "身份证号", "家庭住址", "学校", "乡镇", "年级/学段", "类别", "是否建档", "是否结对帮扶",
          "是否家访", "是否开展心理测评", "测评后是否需关注", "辍学/劝返复学", "是否参加夏令营"]
GRADES = {"kindergarten": ["小班", "中班", "大班"], "primary": ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级"],
          "junior": ["七年级", "八年级", "九年级"]}
SUBTYPES = ["事实无人抚养儿童", "重病重残儿童", "低保家庭儿童"]
PERIODS = ["2024", "2025", "2026Q1", "2026Q2", "2026Q3"]
SAMPLE_SOURCE = "示例数据（虚构，仅用于演示）：{county}教育局 留守儿童信息台账汇总"


def _rates(period: str) -> dict[str, float]:
    """How likely each yes/no attribute is; flows over a quarter are smaller than over a year."""
    year = "Q" not in period
    camp = 0.12 if year or period.endswith("Q3") else 0.01
    return {"是否建档": 0.93 + 0.02 * (period >= "2025"), "是否结对帮扶": 0.72 + 0.05 * (period >= "2026"),
            "是否家访": 0.55 if year else 0.3, "是否开展心理测评": 0.7 if year else 0.25, "是否参加夏令营": camp,
            "辍学/劝返复学": 0.006 if year else 0.002}


def children(county: str, period: str, seed: int = 0):
    """Invented rows for every township of the county (population grows a little each period)."""
    contract = load_contract(ROOT, Report())
    rng = random.Random(f"{county}-{period}-{seed}")
    rates = _rates(period)
    growth = 1 + 0.03 * PERIODS.index(period) if period in PERIODS else 1
    n = 0
    for town in contract.townships_of(county):
        base = random.Random(town).randint(40, 160) if contract.townships[town][0].endswith("乡") else random.Random(town).randint(120, 520)
        for level, share in (("kindergarten", 0.14), ("primary", 0.56), ("junior", 0.30)):
            if (town, level) in contract.structural:
                continue
            for _ in range(int(base * share * growth)):
                n += 1
                yield _row(n, town, level, rng, rates)


def _row(n: int, town: str, level: str, rng: random.Random, rates: dict[str, float]) -> list[str]:
    screened = rng.random() < rates["是否开展心理测评"]
    category = rng.choice(SUBTYPES) if rng.random() < 0.04 else "留守儿童"
    yes = {col: "是" if rng.random() < p else "否" for col, p in rates.items()}
    yes["是否开展心理测评"] = "是" if screened else "否"
    follow = "是" if screened and rng.random() < 0.06 else ""
    returned = "已复学" if level != "kindergarten" and yes["辍学/劝返复学"] == "是" else ""
    return [str(n), f"测试儿童{n:05d}", f"TEST-ID-{n:06d}", "测试地址（虚构）", "测试学校（虚构）", town,
            rng.choice(GRADES[level]), category, yes["是否建档"], yes["是否结对帮扶"], yes["是否家访"],
            yes["是否开展心理测评"], follow, returned, yes["是否参加夏令营"]]


def write_roster(path: Path, rows, encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def regenerate_samples() -> None:
    """Rebuild data/statistics/<period>-<county>.csv and the ledger, period by period."""
    contract = load_contract(ROOT, Report())
    folder = ROOT / "data/statistics"
    for old in folder.glob("20*.csv"):
        old.unlink()
    (folder / "suppression-ledger.csv").unlink(missing_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for period in PERIODS:
            for county, name in contract.counties.items():
                roster = write_roster(Path(tmp) / f"{period}-{county}.csv", children(county, period))
                subprocess.run([sys.executable, "-m", "build_tools", "aggregate", str(roster), "--period", period,
                                "--out", str(folder / f"{period}-{county}.csv"),
                                "--source", SAMPLE_SOURCE.format(county=name)], check=True, cwd=ROOT)


if __name__ == "__main__":
    regenerate_samples()
