"""`fmt`: canonical records (key order, quoting, dates, lists, comments kept) and `fmt --check`."""

import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools import ROOT
from build_tools.check.canonical import dump, quote
from build_tools.check.contract import contract
from build_tools.load.strict_yaml import parse
from build_tools.schools.fmt import format_file
from tests.conftest import SAMPLE, problems_of

SCHEMA = contract(ROOT)[1]

MESSY = """\
# 一条写得很随意的记录
title: 寒假前安全教育讲座   # 名称和通知一致
id: 2026-12-05-sample-lecture
summary: 寒假前为留守儿童讲解防溺水、防火、交通和防性侵安全知识。
volunteers:
  min_age: １８
  needed: 4
  requirements: [年满 18 周岁]
  signup_deadline: 2026/12/1
type: 安全讲座
start: 2026-12-05 09:00:00+08:00
"""

CANONICAL = """\
# 一条写得很随意的记录
id: "2026-12-05-sample-lecture"
title: "寒假前安全教育讲座"  # 名称和通知一致
summary: "寒假前为留守儿童讲解防溺水、防火、交通和防性侵安全知识。"
type: "安全讲座"
start: "2026-12-05T09:00:00+08:00"
volunteers:
  needed: "4"
  requirements:
    - "年满 18 周岁"
  min_age: "18"
  signup_deadline: "2026-12-01"
"""


def run(*args):
    proc = subprocess.run([sys.executable, "-m", "build_tools", *map(str, args)], cwd=ROOT, capture_output=True, text=True)
    return proc.returncode, proc.stdout


def test_messy_record_becomes_canonical(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(MESSY, encoding="utf-8")
    result, report = format_file(path)
    assert report.problems == []
    assert result.new.decode() == CANONICAL


def test_canonical_text_is_a_fixed_point(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(CANONICAL, encoding="utf-8")
    result, _ = format_file(path)
    assert not result.changed


def test_comments_travel_with_their_field_and_block_text_is_kept(tmp_path):
    text = ('description: |\n  # 这不是注释，是 Markdown 标题\n\n  第二段\n'
            '# 关于联系方式\ncontact:\n  # 办公室\n  role: 区教体局安全办\n'
            'id: 2026-12-05-sample-lecture  # 编号\n# 文件末尾的说明\n')
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    result, _ = format_file(path)
    assert result.new.decode() == (
        'id: "2026-12-05-sample-lecture"  # 编号\n# 关于联系方式\ncontact:\n  # 办公室\n  role: "区教体局安全办"\n'
        'description: |\n  # 这不是注释，是 Markdown 标题\n\n  第二段\n# 文件末尾的说明\n')


def test_fmt_check_prints_a_diff_and_exits_1(write_record):
    path = write_record(SAMPLE.read_text(encoding="utf-8"))
    code, out = run("fmt", "--check", path)
    assert code == 1
    assert "\n-title: 寒假前安全教育讲座\n" in out and '\n+title: "寒假前安全教育讲座"\n' in out
    assert out.endswith("1 个文件不是规范格式。运行 python -m build_tools fmt 即可自动整理（不改变内容）。\n")
    assert path.read_text(encoding="utf-8") == SAMPLE.read_text(encoding="utf-8")  # --check changes nothing


def test_fmt_rewrites_and_the_record_still_validates(write_record):
    path = write_record(SAMPLE.read_text(encoding="utf-8"))
    assert run("fmt", path)[0] == 0
    assert run("fmt", "--check", path) == (0, "文件是规范格式。\n")  # issue 19: not "1 个文件都是规范格式。"
    assert problems_of(path) == []


def test_broken_file_is_left_alone(write_record):
    path = write_record("title: 讲座: 寒假前\n")
    code, out = run("fmt", path)
    assert code == 1 and "[yaml/syntax]" in out and "没有整理格式" in out
    assert path.read_text(encoding="utf-8") == "title: 讲座: 寒假前\n"


def test_duplicate_keys_are_never_merged_away(write_record):
    path = write_record("type: 安全讲座\ntype: 法治教育\n")
    assert run("fmt", path)[0] == 1
    assert path.read_text(encoding="utf-8") == "type: 安全讲座\ntype: 法治教育\n"


def test_repository_records_are_canonical():
    assert run("fmt", "--check") == (0, f"{len(list((ROOT / 'data/activities').rglob('*.yaml')))} 个文件都是规范格式。\n")


def test_quote_keeps_chinese_and_escapes_what_yaml_cannot_show():
    assert quote('寒假"讲座"\\') == '"寒假\\"讲座\\"\\\\"'
    assert quote("a\u2028b\x85c\U0001F600") == '"a\\u2028b\\x85c\U0001F600"'


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "summary", "description", "unknown", "身份证号"]),
                       st.one_of(TEXT, st.lists(TEXT, max_size=3)), max_size=4))
def test_any_record_reads_back_unchanged(record):
    text = dump(record, SCHEMA.root)  # dump itself raises if the text does not read back the same
    doc, issues = parse(text)
    assert issues == [] and doc.value == record
    assert dump(doc.value, SCHEMA.root) == text
