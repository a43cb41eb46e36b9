"""Reviewed exceptions and image statements: a person decides, and the entry lets through one thing only."""

import datetime as dt
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import matplotlib.cbook
import pytest

from build_tools import ROOT
from build_tools.build import build
from build_tools.privacy.files import scan_paths, scan_site
from build_tools.report.problems import Report, format_report

TODAY = dt.date(2026, 11, 22)
PAGE = "content/safety/stories.md"
LINE = "小朋友们听了“岳母刺字”的故事，学生吴飞同学讲了一遍。"  # 吴飞: a name that is no child (say)
# A photo of an adult, public domain (U.S. Navy), shipped in matplotlib's sample data.
FACE = Path(matplotlib.cbook.get_sample_data("grace_hopper.jpg", asfileobj=False)).read_bytes()


def scan(root, *names) -> Report:
    report = Report()
    scan_paths([root / n for n in names], report, root)
    return report


def codes(report: Report) -> list[tuple[str, str, int]]:
    return sorted((re.sub(r".*/repo/", "", p.file), p.code, p.line) for p in report.problems)


def ref_of(report: Report) -> str:
    (ref,) = {m for p in report.problems for m in re.findall(r"例外编号 ([0-9a-f]{16})", p.hint)}
    return ref


def write_exceptions(root, *entries: dict) -> None:
    lines = ["exceptions:"]
    for e in entries:
        lines += [f"  - file: {e['file']}", f"    rule: {e.get('rule', 'privacy/person-name')}", f"    span: {e['span']}",
                  f"    reason: {e.get('reason', '课文里的人物，不是学生')}", f"    reviewer: \"{e.get('reviewer', '@zhang-reviewer')}\""]
    (root / "data/privacy-exceptions.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def page(repo_copy):
    (repo_copy / PAGE).write_text(f"# 故事会\n\n{LINE}\n", encoding="utf-8")
    return repo_copy


def test_a_finding_prints_the_reference_an_entry_needs_never_the_text(page):
    report = scan(page, PAGE)
    assert codes(report) == [(PAGE, "privacy/person-name", 3)]
    out = format_report(report, "text") + format_report(report, "json") + format_report(report, "github")
    assert "吴飞" not in out
    assert len(ref_of(report)) == 16


def test_an_entry_lets_through_that_span_on_that_line_of_that_file_only(page):
    ref = ref_of(scan(page, PAGE))
    write_exceptions(page, {"file": PAGE, "span": ref})
    used = scan(page, PAGE, "data/privacy-exceptions.yaml")
    assert codes(used) == [(PAGE, "privacy/exception-used", 3)]
    assert "@zhang-reviewer" in used.problems[0].message and "第 2 行" in used.problems[0].message
    # The same text on another line, in another file, or under another rule: blocked again.
    (page / PAGE).write_text(f"# 故事会\n\n{LINE}\n\n{LINE[:-1]}，大家都笑了。\n", encoding="utf-8")
    other = page / "content/safety/other.md"
    other.write_text(f"{LINE}\n", encoding="utf-8")
    assert codes(scan(page, PAGE, "content/safety/other.md", "data/privacy-exceptions.yaml")) == [
        ("content/safety/other.md", "privacy/person-name", 1), (PAGE, "privacy/exception-used", 3),
        (PAGE, "privacy/person-name", 5)]
    write_exceptions(page, {"file": PAGE, "span": ref, "rule": "privacy/birth-date"})
    assert ("data/privacy-exceptions.yaml", "privacy/exception-unused", 2) in codes(scan(page, PAGE, "data/privacy-exceptions.yaml"))


def test_an_entry_that_matches_nothing_is_an_error(page):
    ref = ref_of(scan(page, PAGE))
    write_exceptions(page, {"file": PAGE, "span": ref}, {"file": "content/gone.md", "span": "0" * 16})
    (page / PAGE).write_text(f"# 故事会\n\n{LINE.replace('一遍', '两遍')}\n", encoding="utf-8")  # the line was edited
    assert codes(scan(page, PAGE, "data/privacy-exceptions.yaml")) == [
        (PAGE, "privacy/person-name", 3), ("data/privacy-exceptions.yaml", "privacy/exception-unused", 2),
        ("data/privacy-exceptions.yaml", "privacy/exception-unused", 7)]
    # `check` of one other file does not judge entries for files it did not read.
    assert codes(scan(page, "content/about/index.md")) == []


@pytest.mark.parametrize("entry, problem", [
    ({"file": PAGE, "span": "xyz"}, "span 应该是"),
    ({"file": "/etc/passwd", "span": "0" * 16}, "file 应该写从仓库根目录开始的路径"),
    ({"file": "../x.md", "span": "0" * 16}, "file 应该写"),
    ({"file": PAGE, "span": "0" * 16, "rule": "privacy/not-scanned"}, "rule 应该是"),
    ({"file": PAGE, "span": "0" * 16, "rule": "privacy/exception-used"}, "rule 应该是"),
    ({"file": PAGE, "span": "0" * 16, "reviewer": "张老师"}, "reviewer 应该是审核人的账号"),
    ({"file": PAGE, "span": "0" * 16, "reason": "好"}, "reason 请写清楚"),
])
def test_malformed_entries_are_errors_with_their_line(page, entry, problem):
    write_exceptions(page, entry)
    report = scan(page, "data/privacy-exceptions.yaml")
    assert [(p.code, p.line) for p in report.problems] == [("privacy/exception-invalid", 2)]
    assert problem in report.problems[0].message


def test_the_build_publishes_the_span_let_through_and_prints_the_entry(page, tmp_path, capsys):
    site = tmp_path / "site"
    assert build(TODAY, site, root=page) == 1
    assert not site.exists() and "[privacy/person-name]" in capsys.readouterr().err
    write_exceptions(page, {"file": PAGE, "span": ref_of(scan(page, PAGE))})
    assert build(TODAY, site, root=page) == 0
    assert "[privacy/exception-used]（警告）" in capsys.readouterr().err
    assert "吴飞同学" in (site / "safety/stories/index.html").read_text(encoding="utf-8")


def statement(root, file: str, data: bytes, shows: str = "no-identifiable-child") -> None:
    extra = "\n    consent_ref: 2026-同意书-017" if shows == "consent" else ""
    (root / "data/images.yaml").write_text(
        f"images:\n  - file: {file}\n    sha256: {hashlib.sha256(data).hexdigest()}\n    shows: {shows}{extra}\n"
        f"    reviewer: \"@zhang-reviewer\"\n", encoding="utf-8")


def plain_png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), "skyblue").save(out, "PNG")
    return out.getvalue()


def test_an_image_under_content_needs_a_statement_and_a_face_is_named(repo_copy):
    (repo_copy / "content/assets/sky.png").write_bytes(plain_png())
    (repo_copy / "content/assets/portrait.jpg").write_bytes(FACE)
    report = scan(repo_copy, "content/assets/sky.png", "content/assets/portrait.jpg")
    assert codes(report) == [("content/assets/portrait.jpg", "privacy/image-face", 1),
                             ("content/assets/sky.png", "privacy/image-unstated", 1)]
    assert hashlib.sha256(FACE).hexdigest() in report.problems[0].message + report.problems[1].message
    statement(repo_copy, "content/assets/portrait.jpg", FACE, shows="consent")
    assert codes(scan(repo_copy, "content/assets/portrait.jpg", "data/images.yaml")) == []
    # The picture replaced under the same name is a new picture: the statement no longer covers it.
    shutil.copy(repo_copy / "content/assets/sky.png", repo_copy / "content/assets/portrait.jpg")
    assert codes(scan(repo_copy, "content/assets/portrait.jpg", "data/images.yaml")) == [
        ("content/assets/portrait.jpg", "privacy/image-unstated", 1), ("data/images.yaml", "privacy/image-statement-unused", 2)]


def test_a_document_with_pictures_needs_a_statement_too(repo_copy):
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("word/document.xml", '<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>活动简报</w:t></w:r></w:p></w:body></w:document>')
        z.writestr("word/media/image1.jpeg", FACE)
    (repo_copy / "content/report.docx").write_bytes(out.getvalue())
    assert codes(scan(repo_copy, "content/report.docx")) == [("content/report.docx", "privacy/image-face", 1)]


@pytest.mark.parametrize("shows, problem", [("没问题", "shows 只能写"), ("consent", "")])
def test_malformed_statements_are_errors(repo_copy, shows, problem):
    data = plain_png()
    (repo_copy / "content/a.png").write_bytes(data)
    (repo_copy / "data/images.yaml").write_text(
        f"images:\n  - file: content/a.png\n    sha256: {hashlib.sha256(data).hexdigest()}\n    shows: {shows}\n    reviewer: \"@z\"\n",
        encoding="utf-8")
    report = scan(repo_copy, "data/images.yaml")
    assert [p.code for p in report.problems] == ["privacy/image-statement-invalid"]
    assert (problem or "consent_ref") in report.problems[0].message


def test_the_site_scan_looks_for_faces_in_pictures_nobody_stated(tmp_path):
    site = tmp_path / "site"
    (site / "assets/images").mkdir(parents=True)
    (site / "assets/images/photo.jpg").write_bytes(FACE)
    (site / "assets/images/sky.png").write_bytes(plain_png())
    report = Report()
    scan_site(site, report)
    assert [(p.file, p.code) for p in report.problems] == [("site/assets/images/photo.jpg", "privacy/image-face")]
    report = Report()
    scan_site(site, report, allowed=frozenset({("image", hashlib.sha256(FACE).hexdigest())}))
    assert report.problems == []


def aggregate(*args):
    return subprocess.run([sys.executable, "-m", "build_tools", "aggregate", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True)


@pytest.mark.parametrize("where", ["rosters/2026秋.csv", "private/a.csv", "content/about/x.csv", "名单.csv"])
def test_aggregate_refuses_a_roster_anywhere_inside_the_repository(where, tmp_path):
    roster = ROOT / where
    created = not roster.parent.exists()
    roster.parent.mkdir(parents=True, exist_ok=True)
    try:
        roster.write_text("姓名,乡镇,学段\n张三,陆城镇,小学\n", encoding="utf-8")
        proc = aggregate(roster, "--period", "2026Q3", "--out", tmp_path / "out.csv")
    finally:
        roster.unlink()
        if created:
            roster.parent.rmdir()
    assert proc.returncode == 1 and "[roster/inside-repository]" in proc.stderr
    assert "张三" not in proc.stderr and not (tmp_path / "out.csv").exists()


def test_the_reviewers_diff_lists_every_entry_added_or_removed():
    from build_tools.schools.datadiff import Summary, register_changes
    from build_tools.schools.diff_report import format_summary

    old = b"exceptions:\n  - file: content/a.md\n    rule: privacy/person-name\n    span: 0123456789abcdef\n    reason: x\n    reviewer: \"@a\"\n"
    new = old.replace(b"content/a.md", b"content/b.md").replace(b'"@a"', b'"@b"')
    lines = register_changes("data/privacy-exceptions.yaml", old, new)
    assert lines == ["data/privacy-exceptions.yaml 新增：file content/b.md，rule privacy/person-name，span 0123456789abcdef，reviewer @b，reason x",
                     "data/privacy-exceptions.yaml 删除：file content/a.md，rule privacy/person-name，span 0123456789abcdef，reviewer @a，reason x"]
    assert "### 隐私例外和图片登记（2）" in format_summary(Summary(privacy=lines), "main")
