"""Reading submitted tables and rosters as rows of text, without losing a character.

CSV: UTF-8 (with or without BOM) is tried strictly, then GB18030 strictly (what WPS and
Excel write on Chinese Windows); anything else is refused with the exact command that
converts it. XLSX: the first worksheet, read with openpyxl (defusedxml guards the XML).
Row numbers are the spreadsheet's: the header is row 1.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass
from pathlib import Path

from ..load.sources import check_invisible, read_capped, rel
from ..report.problems import Report

MAX_TABLE_BYTES = 4 * 1024 * 1024
MAX_ROSTER_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Rows:
    """A table as text: header (row 1) and data rows (row 2 onwards), and how it was encoded."""

    header: list[str]
    rows: list[list[str]]
    encoding: str

    def numbered(self):
        """(spreadsheet row number, cells) for every data row."""
        return enumerate(self.rows, start=2)


def decode(raw: bytes) -> tuple[str | None, str]:
    """(text, encoding) — text is None when neither UTF-8 nor GB18030 reads every byte."""
    for encoding, codec in (("UTF-8", "utf-8-sig"), ("GB18030", "gb18030")):
        try:
            return raw.decode(codec), encoding
        except UnicodeDecodeError:
            continue
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, "UTF-16"
    try:
        raw.decode("big5")
        return None, "BIG5"
    except UnicodeDecodeError:
        return None, ""


def conversion_hint(name: str, encoding: str) -> str:
    """The exact command that turns the file into UTF-8."""
    target = Path(name).with_suffix("").as_posix() + "-utf8.csv"
    if encoding:
        return f"请运行：iconv -f {encoding} -t UTF-8 \"{name}\" > \"{target}\"，再提交新文件"
    return (f"请用 WPS 或 Excel 打开，选择“另存为 → CSV UTF-8（逗号分隔）”；"
            f"知道原编码时也可运行：iconv -f 原编码 -t UTF-8 \"{name}\" > \"{target}\"")


def read_rows(path: Path, report: Report, limit: int = MAX_TABLE_BYTES, published: bool = True) -> Rows | None:
    """The table's rows as text, or None after reporting why it cannot be read.

    `published` tables are checked for invisible characters; a private roster is not (a stray
    zero-width space in a name column, which is never read, must not stop the count)."""
    name = rel(path)
    raw = read_capped(path, report, limit, too_large="stats/too-large")
    if raw is None:
        return None
    if Path(path).suffix.lower() == ".xlsx":
        return _xlsx_rows(raw, name, report)
    text, encoding = decode(raw)
    if text is None:
        report.add("stats/encoding", name, 1, command=conversion_hint(name, encoding))
        return None
    if published:
        check_invisible(text, name, report)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return _trimmed(rows, encoding, name, report)


def _trimmed(rows: list[list[str]], encoding: str, name: str, report: Report) -> Rows | None:
    while rows and not any(c.strip() for c in rows[-1]):
        rows.pop()
    if not rows:
        report.add("file/empty", name, 1)
        return None
    return Rows([c.strip() for c in rows[0]], [[c.strip() for c in r] for r in rows[1:]], encoding)


def _xlsx_rows(raw: bytes, name: str, report: Report) -> Rows | None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
        sheet = book.worksheets[0]
        rows = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        book.close()
    except Exception as exc:  # openpyxl raises many kinds on a damaged or renamed file
        report.add("file/unreadable", name, 1, reason=f"不是有效的 Excel（.xlsx）文件（{type(exc).__name__}）")
        return None
    # A spreadsheet has no "missing" cell: an empty last column (a note left blank) is read as
    # fewer cells by openpyxl, or as more where the sheet's width is wider. Every row gets the
    # header's width; a row only keeps extra cells that hold something (a real row-shape error).
    width = len(rows[0]) if rows else 0
    while width and rows[0][width - 1] == "":
        width -= 1
    for i, row in enumerate(rows):
        while len(row) > width and row[-1] == "":
            row.pop()
        rows[i] = row + [""] * (width - len(row))
    return _trimmed(rows, "XLSX", name, report)


def _cell_text(value) -> str:
    """A spreadsheet cell as the text a person sees (1.0 → "1", a date → 2026-09-30)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    return str(value)
