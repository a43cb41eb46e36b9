"""`check PATH…`: the one command a school runs before a pull request (validate + privacy scan)."""

import subprocess
import sys

from build_tools import ROOT
from tests.conftest import SAMPLE

TABLE = ROOT / "data/statistics/2025-430603.csv"


def check(*paths):
    proc = subprocess.run([sys.executable, "-m", "build_tools", "check", *map(str, paths)], cwd=ROOT,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout


def test_clean_record_passes_with_a_plain_summary(write_record):
    code, out = check(write_record(SAMPLE.read_text(encoding="utf-8")))
    assert (code, out) == (0, "检查了 1 个文件（数据规则和隐私扫描）：0 个错误，0 个警告。\n全部通过，可以提交了。\n")


def test_problems_then_what_to_do(write_record):
    path = write_record(SAMPLE.read_text(encoding="utf-8").replace("type: 安全讲座", "type: 法治讲座")
                        .replace("讲座由法治副校长主讲", "讲座由法治副校长主讲，家长电话 13912345678"))
    code, out = check(path)
    assert code == 1
    assert f"{path.as_posix()}:4: type [schema/not-in-list] “法治讲座”不在活动类型表中。" in out
    assert "[privacy/mobile]" in out and "13912345678" not in out  # the scan ran; the number is not repeated
    assert out.endswith("有错误：请按上面每一行的提示改正后再检查一遍，全部改好之前不要提交。\n"
                        "每个错误代码的详细解释见网站“学校和主办单位 › 错误代码说明”页：#privacy-mobile、#schema-not-in-list\n")


def test_gb18030_table_from_excel_reads_like_utf8(tmp_path):
    folder = tmp_path / "data/statistics"
    folder.mkdir(parents=True)
    gb = folder / TABLE.name
    gb.write_bytes(TABLE.read_text(encoding="utf-8").encode("gb18030"))
    assert check(gb) == (0, "检查了 1 个文件（数据规则和隐私扫描）：0 个错误，0 个警告。\n全部通过，可以提交了。\n")


def test_gb18030_table_is_privacy_scanned_too(tmp_path):
    gb = tmp_path / "data/statistics" / TABLE.name
    gb.parent.mkdir(parents=True)
    lines = TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].rstrip("\n") + "联系家长 13912345678\n"
    gb.write_bytes("".join(lines).encode("gb18030"))
    code, out = check(gb)
    assert code == 1 and f"{gb.as_posix()}:2:" in out and "[privacy/mobile]" in out and "13912345678" not in out


def test_utf16_table_is_refused_with_the_command_that_converts_it(tmp_path):
    bad = tmp_path / "data/statistics/table.csv"
    bad.parent.mkdir(parents=True)
    bad.write_bytes(b"\xff\xfe" + TABLE.read_text(encoding="utf-8").encode("utf-16-le"))
    code, out = check(bad)
    assert code == 1
    assert f'[stats/encoding] 表格既不是 UTF-8 也不是 GB18030 编码，无法保证每个字都读对。请运行：iconv -f UTF-16 -t UTF-8 "{bad.as_posix()}"' in out


def test_missing_file_is_a_usage_error(tmp_path):
    code, out = check(tmp_path / "nothing.yaml")
    assert code == 2 and "找不到这些文件" in out
