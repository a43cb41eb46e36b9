"""Rows of a statistics table that a pull request adds, changes or removes.

Tables are read as the validator reads them (stats/tableio.py: UTF-8 or GB18030 CSV, XLSX),
so a file re-saved in another encoding is not reported as changed. A row is identified by
period, region, level and indicator when the table has those columns, else by all its cells.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..report.problems import Report

KEY_COLUMNS = ("period", "region", "level", "indicator")


def _rows(name: str, raw: bytes | None) -> dict[tuple, tuple] | None:
    """Row key → row, or None when the table cannot be read."""
    if raw is None:
        return {}
    from ..stats.tableio import read_rows

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / Path(name).name
        path.write_bytes(raw)
        table = read_rows(path, Report())
    if table is None:
        return None
    keys = [table.header.index(c) for c in KEY_COLUMNS if c in table.header]
    if len(keys) != len(KEY_COLUMNS):
        keys = list(range(len(table.header)))
    return {tuple(row[i] if i < len(row) else "" for i in keys): tuple(row) for row in table.rows}


def compare_table(name: str, old: bytes | None, new: bytes | None) -> str:
    """"data/statistics/x.csv：新增 12 行，修改 3 行，删除 0 行" (or why it cannot be compared)."""
    before, after = _rows(name, old), _rows(name, new)
    if before is None or after is None:
        return f"{name}：无法读取（请看检查结果）"
    if new is None:
        return f"{name}：整个文件删除（原有 {len(before)} 行）"
    added = sum(k not in before for k in after)
    removed = sum(k not in after for k in before)
    changed = sum(k in before and before[k] != after[k] for k in after)
    if old is None:
        return f"{name}：新文件，{len(after)} 行"
    if not (added or removed or changed):
        return f"{name}：内容不变（只改了编码或格式）"
    return f"{name}：新增 {added} 行，修改 {changed} 行，删除 {removed} 行"
