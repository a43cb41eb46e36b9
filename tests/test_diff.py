"""`diff BASE`: a reviewer's summary of what a pull request changes, from a real git repository."""

import shutil
import subprocess

import pytest

from build_tools import ROOT
from build_tools.schools.datadiff import GitError, summarize
from build_tools.schools.diff_report import format_summary

GIT = ["git", "-c", "user.name=测试", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
CAMP = "data/activities/2027/2027-07-10-yunxi-summer-camp.yaml"
TUTORING = "data/activities/2026/2026-11-28-rongshui-saturday-tutoring.yaml"
DRILL = "data/activities/2026/2026-05-12-luzhai-disaster-drill.yaml"
MOCK_COURT = "data/activities/2026/2026-12-04-lucheng-constitution-day-mock-court.yaml"
TABLE = "data/statistics/2025-430603.csv"


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "data", root / "data")
    subprocess.run(["git", "init", "-q", str(root)], check=True)
    subprocess.run([*GIT, "-C", str(root), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(root), "commit", "-q", "-m", "base"], check=True)
    return root


def edit(root, name, old, new):
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_reviewer_sees_added_changed_cancelled_removed_and_statistics(repo):
    new = repo / "data/activities/2027/2027-07-11-yunxi-camp-two.yaml"
    new.write_text((repo / CAMP).read_text(encoding="utf-8").replace("2027-07-10-yunxi-summer-camp", "2027-07-11-yunxi-camp-two"),
                   encoding="utf-8")
    camp = (repo / CAMP).read_text(encoding="utf-8")
    start = next(line for line in camp.splitlines() if line.startswith("start:"))
    phone = next(line for line in camp.splitlines() if line.strip().startswith("phone:"))
    edit(repo, CAMP, start, 'start: "2027-07-09"')
    edit(repo, CAMP, phone, '  phone: "0730-8461299"')
    status = next(line for line in (repo / TUTORING).read_text(encoding="utf-8").splitlines() if line.startswith("status:"))
    edit(repo, TUTORING, status, 'status: "cancelled"')
    (repo / DRILL).unlink()
    lines = (repo / TABLE).read_text(encoding="utf-8").splitlines(keepends=True)
    (repo / TABLE).write_text(lines[0] + lines[1].replace(",182,", ",183,") + "".join(lines[3:]), encoding="utf-8")
    text = format_summary(summarize("HEAD", repo), "HEAD")
    assert "### 新增的活动（1）" in text and "— data/activities/2027/2027-07-11-yunxi-camp-two.yaml" in text
    assert "### 修改的活动（1）" in text
    assert "    - 开始：“2027-07-10” → “2027-07-09”\n" in text
    assert "    - 联系电话：已修改（可能是个人信息，这里不显示内容）\n" in text
    assert "0730-8461299" not in text
    assert "### 取消的活动（1）" in text and "    - 活动状态：“scheduled” → “cancelled”\n" in text
    assert "### 删除的活动（1）" in text and "请恢复文件，把 status 改成 \"cancelled\"" in text
    assert f"- {TABLE}：新增 0 行，修改 1 行，删除 1 行\n" in text


def test_formatting_only_and_re_encoding_are_not_changes(repo):
    court = repo / MOCK_COURT
    court.write_text("# 只加了一行注释\n" + court.read_text(encoding="utf-8"), encoding="utf-8")
    table = repo / TABLE
    table.write_bytes(table.read_text(encoding="utf-8").encode("gb18030"))  # re-saved by Excel
    assert format_summary(summarize("HEAD", repo), "HEAD") == (
        "## 这次提交对网站数据的改动（与 HEAD 相比）\n\n"
        "### 统计表（1）\n\n"
        f"- {TABLE}：内容不变（只改了编码或格式）\n\n"
        "另有 1 个活动文件只调整了格式，内容不变。\n")


def test_nothing_changed(repo):
    assert format_summary(summarize("HEAD", repo), "HEAD").endswith("这次提交没有改动网站上的数据。\n")


def test_unknown_base_is_a_usage_error(repo):
    with pytest.raises(GitError):
        summarize("no-such-branch", repo)
