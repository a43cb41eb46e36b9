"""Issue 13: the build reads only regular files inside the repository, writes only where it may,
and answers bad input with a Chinese message (file and line), never a traceback."""

import os
import re
import subprocess
import sys

import pytest

from build_tools import ROOT
from build_tools.build import build
from build_tools.cli import main
from build_tools.validate import validate_all, validate_paths
from tests.conftest import SAMPLE
from tests.test_build import TODAY, digest


def codes(report):
    return sorted((p.code, p.line) for p in report.problems)


# --- symlinks: validate, scan and build agree -------------------------------------------------

LINKS = {
    "content/about/env.md": "/proc/self/environ",
    "content/gitconfig.md": "../.git/config",
    "content/outside": "/etc",
    "data/centres/copy.yaml": "../activities/2026/2026-12-12-suxian-village-school-volunteer-day.yaml",
    "overrides/partials/evil.html": "/etc/hostname",
}


@pytest.mark.parametrize("name", list(LINKS))
def test_a_symlink_among_the_sources_stops_validation_and_build(repo_copy, tmp_path, capsys, name):
    (repo_copy / name).symlink_to(LINKS[name])
    report, dataset = validate_all(repo_copy)
    assert [(p.code, p.file.endswith(name)) for p in report.problems] == [("file/symlink", True)]
    assert dataset.activities == []  # nothing was read
    assert build(TODAY, tmp_path / "site", root=repo_copy) == 1
    assert "[file/symlink]" in capsys.readouterr().err and not (tmp_path / "site").exists()


def test_mkdocs_yml_itself_may_not_be_a_symlink(repo_copy):
    (repo_copy / "mkdocs.yml").rename(repo_copy / "real.yml")
    (repo_copy / "mkdocs.yml").symlink_to("real.yml")
    assert [p.code for p in validate_all(repo_copy)[0].problems] == ["file/symlink"]


def test_named_symlinks_are_refused_by_validate_and_scan(tmp_path):
    link = ROOT / "data/activities/2026/zz-link-test.yaml"
    folder = ROOT / "content/zz-link-folder"
    link.symlink_to(SAMPLE)
    folder.symlink_to(tmp_path)
    try:
        assert [p.code for p in validate_paths([link]).problems] == ["file/symlink"]
        for args in (["scan", str(link)], ["scan", "content"], ["scan"], ["validate"]):
            out = subprocess.run([sys.executable, "-m", "build_tools", *args], cwd=ROOT, capture_output=True, text=True)
            assert out.returncode == 1 and "[file/symlink]" in out.stdout + out.stderr, args
    finally:
        link.unlink()
        folder.unlink()


# --- the site folder ----------------------------------------------------------------------------

@pytest.mark.parametrize("where", [".", "..", "data", "content/x", "build_tools", ".git", "tests/site"])
def test_site_dir_inside_the_sources_is_a_usage_error_and_nothing_is_touched(where, capsys):
    before = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True).stdout
    assert main(["build", "--today", "2026-11-22", "--site-dir", str(ROOT / where)]) == 2
    assert "用法错误：网站文件夹不能" in capsys.readouterr().err
    assert subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain"], capture_output=True, text=True).stdout == before


def test_a_file_where_the_site_folder_should_be_is_a_usage_error(repo_copy, tmp_path, capsys):
    (tmp_path / "site").write_text("not a folder", encoding="utf-8")
    assert build(TODAY, tmp_path / "site", root=repo_copy) == 2
    assert "同名的文件" in capsys.readouterr().err
    assert (tmp_path / "site").read_text(encoding="utf-8") == "not a folder"


def test_a_site_that_cannot_be_replaced_is_a_message_and_stays(repo_copy, tmp_path, capsys, monkeypatch):
    site = tmp_path / "site"
    assert build(TODAY, site, root=repo_copy) == 0
    before = digest(site)
    real = type(site).rename

    def refused(self, target):
        if self == site:
            raise PermissionError(13, "Permission denied")
        return real(self, target)

    monkeypatch.setattr(type(site), "rename", refused)
    assert build(TODAY, site, root=repo_copy) == 1
    assert "无法移走（没有权限）" in capsys.readouterr().err
    assert digest(site) == before and not list(tmp_path.glob(".build-*"))


# --- tracebacks instead of messages -------------------------------------------------------------

def _record(write_record, **fields):
    text = SAMPLE.read_text(encoding="utf-8")
    for key, value in fields.items():
        text = re.sub(rf"^(\s*){key}: .*$", lambda m, key=key, value=value: f"{m.group(1)}{key}: {value}", text, count=1, flags=re.M)
    return write_record(text)


@pytest.mark.parametrize("start, end", [
    ('"0001-01-01"', '"0001-01-01"'), ('"9999-12-31"', '"9999-12-31"'),
    ('"9999-12-31T20:00:00+08:00"', '"9999-12-31T23:00:00+08:00"'), ('"0001-01-01T01:00:00+08:00"', '"0001-01-01T02:00:00+08:00"'),
])
def test_dates_at_the_ends_of_the_calendar_are_messages(write_record, start, end):
    path = _record(write_record, start=start, end=end)
    report, _ = validate_paths([path]), None
    assert ("schema/date-range", 6) in codes(report) and ("schema/date-range", 7) in codes(report)


@pytest.mark.parametrize("start, end", [('"2026-12-05"', '"2026-12-05T11:30:00+08:00"'), ('"2026-12-05T09:00:00+08:00"', '"2026-12-06"')])
def test_a_date_with_a_date_time_is_a_message(write_record, start, end):
    assert ("consistency/date-kinds-differ", 7) in codes(validate_paths([_record(write_record, start=start, end=end)]))


@pytest.mark.parametrize("escaped", ["\\0", "\\x07", "\\e", "\\x85", "\\u2028", "\\u202e", "\\U0000200B"])
def test_control_characters_written_as_escapes_are_messages(write_record, escaped):
    path = _record(write_record, title=f'"寒假前{escaped}安全讲座"')
    assert codes(validate_paths([path])) == [("text/control-char", 2)]  # at the value's line, never its text


def test_control_character_in_the_file_itself_is_reported_once(write_record):
    path = _record(write_record, title='"寒假前\x07安全讲座"')
    found = [p.code for p in validate_paths([path]).problems]
    assert found.count("text/control-char") == 1  # (the YAML reader refuses the raw character too: yaml/syntax)


@pytest.mark.parametrize("args, env", [
    (["--today", "0001-01-01"], {}), (["--today", "9999-12-31"], {}), (["--today", "明天"], {}),
    ([], {"PORTAL_TODAY": "明天"}), ([], {"PORTAL_TODAY": "9999-12-31"}), ([], {"PORTAL_TODAY": "2026-13-01"}),
])
def test_a_bad_build_day_is_a_usage_error(args, env, tmp_path):
    out = subprocess.run([sys.executable, "-m", "build_tools", "build", "--site-dir", str(tmp_path / "s"), *args],
                         cwd=ROOT, capture_output=True, text=True, env={**os.environ, **env})
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "日期" in out.stderr and not (tmp_path / "s").exists()


def test_an_unexpected_error_is_a_short_message_not_a_traceback(monkeypatch, capsys):
    import build_tools.build

    def broken(root):
        raise RuntimeError("something nobody foresaw")

    monkeypatch.setattr(build_tools.build, "validate_all", broken)
    assert main(["build", "--today", "2026-11-22", "--site-dir", "/tmp/unused-site"]) == 1
    err = capsys.readouterr().err
    assert "程序内部出错" in err and "RuntimeError" in err and "site/ 没有改动" in err and "Traceback" not in err


# --- mkdocs strict failures in Chinese, with file and line -----------------------------------------

def test_broken_link_and_nav_entry_are_reported_by_file_and_line(repo_copy, tmp_path, capsys):
    (repo_copy / "content/about/index.md").write_text("# 关于\n\n第二段。\n\n[坏链接](missing.md)\n", encoding="utf-8")
    config = repo_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("safety/online.md", "safety/online2.md"), encoding="utf-8")
    assert build(TODAY, tmp_path / "site", root=repo_copy) == 1
    err = capsys.readouterr().err
    assert "content/about/index.md:5: [build/broken-link] 链接 missing.md 指向的页面或文件不存在。" in err
    line = next(i for i, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "online2.md" in text)
    assert f"mkdocs.yml:{line}: [build/nav-missing]" in err


def test_a_template_syntax_error_in_overrides_is_a_message(repo_copy, tmp_path, capsys):
    (repo_copy / "overrides/main.html").write_text('{% extends "base.html" %}\n{% block announce %}\n<p>x</p>\n', encoding="utf-8")
    assert build(TODAY, tmp_path / "site", root=repo_copy) == 1
    err = capsys.readouterr().err
    assert "overrides/main.html:" in err and "[build/template]" in err and "Traceback" not in err
    assert not list(tmp_path.glob(".build-*"))
