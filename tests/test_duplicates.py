"""Possible duplicates: same county, start dates within 3 days, similar title → a warning naming both files."""

import subprocess
import sys

from build_tools import ROOT
from build_tools.check.duplicates import title_similarity
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE

BASE = SAMPLE.read_text(encoding="utf-8")
NEAR = (BASE.replace("2026-12-05-sample-lecture", "2026-12-07-hanjia-anquan")
        .replace("寒假前安全教育讲座", "寒假前安全知识讲座")
        .replace('start: "2026-12-05T09:00:00+08:00"', 'start: "2026-12-07T09:00:00+08:00"')
        .replace('end: "2026-12-05T11:30:00+08:00"', 'end: "2026-12-07T11:30:00+08:00"'))


def problems(*paths):
    report, _ = validate_activities(list(paths), ROOT)
    return [(p.code, p.file, p.line, p.message) for p in report.sorted()]


def test_near_duplicate_is_a_warning_naming_both_files(write_record):
    first = write_record(BASE)
    second = write_record(NEAR, name="2026-12-07-hanjia-anquan.yaml")
    a, b = first.as_posix(), second.as_posix()
    assert problems(first, second) == [
        ("consistency/possible-duplicate", a, 2, f"这条活动可能与 {b} 重复（同一县区，开始日期相差 2 天，名称相似）。"),
        ("consistency/possible-duplicate", b, 2, f"这条活动可能与 {a} 重复（同一县区，开始日期相差 2 天，名称相似）。"),
    ]
    report, _ = validate_activities([first, second], ROOT)
    assert not report.errors  # a warning: the reviewer decides


def test_other_county_later_date_or_cancelled_is_not_a_duplicate(write_record):
    first = write_record(BASE)
    other_county = write_record(NEAR.replace('region: "430603"', 'region: "431003"')
                                .replace("organizer: yunxi-education-bureau", "organizer: suxian-civil-affairs"),
                                name="2026-12-07-hanjia-anquan.yaml")
    assert problems(first, other_county) == []
    later = write_record(NEAR.replace("2026-12-07", "2026-12-09"), name="2026-12-09-hanjia-anquan.yaml")
    assert problems(first, later) == []
    cancelled = write_record(NEAR.replace("status: scheduled", "status: cancelled"), name="2026-12-07-hanjia-anquan.yaml")
    assert problems(first, cancelled) == []


def test_title_similarity_by_characters():
    assert title_similarity("寒假前安全教育讲座", "寒假前安全知识讲座") >= 0.6
    assert title_similarity("2027年云溪区关爱留守儿童夏令营", "云溪区2027年关爱留守儿童夏令营！") >= 0.6
    assert title_similarity("寒假前安全教育讲座", "冬季趣味运动会") < 0.6


def test_offline_check_compares_with_the_repository(tmp_path):
    camp = ROOT / "data/activities/2027/2027-07-10-yunxi-summer-camp.yaml"
    copy = tmp_path / "data/activities/2027/2027-07-11-yunxi-camp.yaml"
    copy.parent.mkdir(parents=True)
    copy.write_text(camp.read_text(encoding="utf-8").replace("2027-07-10-yunxi-summer-camp", "2027-07-11-yunxi-camp"),
                    encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "build_tools", "check", str(copy)], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout
    assert (f"{copy.as_posix()}:2: title [consistency/possible-duplicate]（警告） 这条活动可能与 "
            "data/activities/2027/2027-07-10-yunxi-summer-camp.yaml 重复（同一县区，开始日期相差 0 天，名称相似）。") in out.stdout
