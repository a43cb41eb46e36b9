"""`aggregate` end to end on synthetic rosters (written to a temporary folder, never committed),
and reading tables without losing a character."""

import subprocess
import sys

import openpyxl

from build_tools import ROOT
from build_tools.report.problems import Report
from build_tools.stats.check import validate_statistics
from build_tools.stats.contract import read_csv
from build_tools.stats.tableio import read_rows
from build_tools.stats.tables import canonical_number
from tests.stats_roster import HEADER, children, write_roster


def aggregate(roster, out, ledger, period="2023"):
    proc = subprocess.run([sys.executable, "-m", "build_tools", "aggregate", str(roster), "--period", period,
                           "--out", str(out), "--ledger", str(ledger)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    return out.read_text(encoding="utf-8")


def test_output_passes_validation_and_holds_no_personal_column(tmp_path):
    roster = write_roster(tmp_path / "roster.csv", children("450225", "2023"))
    out = tmp_path / "data/statistics/2023-450225.csv"
    out.parent.mkdir(parents=True)
    text = aggregate(roster, out, tmp_path / "ledger.csv")
    report, stats = validate_statistics([out], ROOT)
    assert report.problems == []
    assert "测试儿童" not in text and "TEST-ID" not in text and "测试地址" not in text and "测试学校" not in text
    assert text.splitlines()[0] == "period,region,level,indicator,value,flag,source,note"
    flags = {c.flag for c in stats.cells}
    assert {"suppressed", "rounded"} <= flags
    assert not any(c.region not in stats.contract.counties and stats.contract.indicators[c.indicator].difficulty_subtype
                   for c in stats.cells)


def test_gb18030_and_xlsx_rosters_give_the_same_table(tmp_path):
    rows = list(children("430603", "2023"))
    utf8 = aggregate(write_roster(tmp_path / "a.csv", rows), tmp_path / "a-out.csv", tmp_path / "l1.csv")
    gb = aggregate(write_roster(tmp_path / "b.csv", rows, encoding="gb18030"), tmp_path / "b-out.csv", tmp_path / "l2.csv")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([int(row[0]), *row[1:]])  # a number cell, as Excel writes it
    book.save(tmp_path / "c.xlsx")
    xlsx = aggregate(tmp_path / "c.xlsx", tmp_path / "c-out.csv", tmp_path / "l3.csv")
    assert utf8 == gb == xlsx


def test_ledger_keeps_cells_hidden_in_later_periods(tmp_path):
    ledger = tmp_path / "ledger.csv"
    first = aggregate(write_roster(tmp_path / "r1.csv", children("431003", "2023")), tmp_path / "o1.csv", ledger, "2023")
    hidden = {tuple(r.split(",")[1:4]) for r in first.splitlines() if ",suppressed," in r}
    recorded = {(r["region"], r["level"], r["indicator"]) for r in read_csv(ledger)}
    assert hidden and {h for h in hidden if "rate" not in h[2]} <= recorded
    rows = list(children("431003", "2023", seed=7)) * 3  # a much larger roster next period
    second = aggregate(write_roster(tmp_path / "r2.csv", rows), tmp_path / "o2.csv", ledger, "2024")
    published = {tuple(r.split(",")[1:4]) for r in second.splitlines()[1:] if ",suppressed," not in r}
    assert not published & recorded


def test_tables_keep_every_character(tmp_path):
    text = "period,region\n2026,陆城镇 𠀀䶮𪚥 ·—“”\n"
    for encoding, bom in (("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b"")):
        path = tmp_path / f"t-{encoding}-{len(bom)}.csv"
        path.write_bytes(bom + text.encode(encoding))
        rows = read_rows(path, Report())
        assert rows.rows == [["2026", "陆城镇 𠀀䶮𪚥 ·—“”"]] and rows.header == ["period", "region"]
        assert rows.encoding == ("GB18030" if encoding == "gb18030" else "UTF-8")


def test_numbers_with_separators_or_full_width_digits_get_their_plain_form():
    assert canonical_number("1,315") == "1315"
    assert canonical_number("１３１５") == "1315"
    assert canonical_number("1，315") == "1315"
    assert canonical_number("1315") is None and canonical_number("abc") is None
