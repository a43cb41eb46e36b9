"""Tables of people (blocking): rosters, award lists, lists of children helped, wherever they are.

A tabular file under data/ or content/ (CSV, TSV, XLSX, ODS, or JSON/YAML lists of records)
is a table of people when its header names a person column (姓名, 学生, 家长, name of a child,
身份证号…) or when one of its columns holds mostly person names (at least MIN_NAMES cells and
at least half of them shaped like a surname and a given name). The files with their own
schema are left to it: activity, centre and directory records, the statistics tables and
their schema'd companions (their unknown fields and headers are refused there), and the
privacy scanner's own registers. The message says which column, never what it holds.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

from ..detect import names

SUFFIXES = {".csv", ".tsv", ".xlsx", ".xlsm", ".ods", ".json", ".yaml", ".yml"}
# Files whose shape a schema fixes: not tables of free columns.
OWN_SCHEMA = ("data/activities/", "data/centres/", "data/schemas/", "data/statistics/", "data/policies.yaml",
              "data/hotlines.yaml", "data/organizations.yaml", "data/site.yaml", "data/datapackage.yaml",
              "data/privacy-exceptions.yaml", "data/images.yaml")
PERSON_COLUMNS = frozenset(
    "姓名 名字 学生姓名 儿童姓名 幼儿姓名 孩子姓名 学员姓名 营员姓名 家长姓名 监护人姓名 父亲姓名 母亲姓名 受助人 受助人姓名 学生 儿童 孩子"
    " 幼儿 学员 营员 家长 监护人 父亲 母亲 身份证 身份证号 身份证号码 证件号码 学籍号 全国学籍号 出生日期 出生年月 生日 家庭住址"
    " 住址 家庭地址 家长电话 联系人电话 student studentname child childname pupil fullname firstname lastname surname"
    " givenname guardian parent birthday birthdate dateofbirth dob idcard idnumber".split())
MIN_NAMES = 3
MAX_ROWS = 20000  # read this many rows at most: enough to see what a table is
_NORMAL = re.compile(r"[\s_\-:：*（）()]+")


def source_path(name: str) -> str | None:
    """The path of a file from its data/ or content/ folder on ("content/about/a.csv"), or None.

    Scans name files relative to the repository, or absolutely when they are elsewhere (a copy).
    """
    parts = PurePosixPath(name.split("!/")[0]).parts
    for i, part in enumerate(parts[:-1]):
        if part in ("data", "content"):
            return "/".join(parts[i:])
    return None


def applies(name: str) -> bool:
    """A file under data/ or content/ that may be a table of free columns."""
    top = source_path(name)
    return top is not None and not top.startswith(OWN_SCHEMA) and PurePosixPath(name).suffix.lower() in SUFFIXES


def person_column(header: Iterable) -> str | None:
    """The first header cell that names a person column (as we spell it), or None."""
    for cell in header:
        word = _NORMAL.sub("", str(cell or "")).lower()
        if word in PERSON_COLUMNS:
            return word
    return None


def name_shaped(cell) -> bool:
    """A cell that is one person's name: a surname and a given name, nothing else (王芳, 欧阳娜娜, 张某某)."""
    text = str(cell or "").strip()
    if not 2 <= len(text) <= 4:
        return False
    return names.detector().read_forward(text, 0) == (0, len(text))


def why(rows: list[list]) -> str | None:
    """Why these rows (the header first) are a table of people, in words without any of its values; None if not."""
    if not rows:
        return None
    word = person_column(rows[0])
    if word:
        return f"表头有“{word}”一列"
    for j in range(max(map(len, rows))):
        column = [r[j] for r in rows if j < len(r) and str(r[j] or "").strip()]
        shaped = sum(map(name_shaped, column))
        if shaped >= MIN_NAMES and 2 * shaped >= len(column):
            return f"第 {j + 1} 列多半是人名"
    return None


def check(name: str, data: bytes, text: str | None) -> str | None:
    """Why the file is a table of people, or None. `text` is its decoded text (None for a binary file)."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in (".csv", ".tsv") and text is not None:
        return why(_delimited(text, suffix))
    if suffix in (".json", ".yaml", ".yml") and text is not None:
        return next(filter(None, (why(rows) for rows in _record_lists(_parsed(text, suffix)))), None)
    if suffix in (".xlsx", ".xlsm"):
        return next(filter(None, (why(rows) for rows in _xlsx_sheets(data))), None)
    if suffix == ".ods":
        return next(filter(None, (why(rows) for rows in _ods_sheets(data))), None)
    return None


def _delimited(text: str, suffix: str) -> list[list[str]]:
    first = text.split("\n", 1)[0]
    delimiter = "\t" if suffix == ".tsv" or first.count("\t") > first.count(",") else ","
    rows = csv.reader(io.StringIO(text), delimiter=delimiter)
    return [row for _, row in zip(range(MAX_ROWS), rows)]


def _parsed(text: str, suffix: str):
    if suffix == ".json":
        try:
            return json.loads(text)
        except ValueError:
            return None
    from ..load.strict_yaml import parse

    return parse(text)[0].value


def _record_lists(value) -> Iterator[list[list]]:
    """Every list in a parsed document as rows: a list of mappings (keys are the header) or of scalars."""
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list):
            records = [n for n in node if isinstance(n, dict)]
            if records:
                keys = list(dict.fromkeys(k for r in records for k in r))
                yield [keys] + [[_scalar(r.get(k)) for k in keys] for r in records]
            scalars = [[_scalar(n)] for n in node if not isinstance(n, (dict, list))]
            if scalars:
                yield [[""]] + scalars
            stack.extend(n for n in node if isinstance(n, (dict, list)))


def _scalar(value) -> str:
    return value if isinstance(value, str) else "" if isinstance(value, (dict, list)) or value is None else str(value)


def _xlsx_sheets(data: bytes) -> Iterator[list[list]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            yield [list(row) for _, row in zip(range(MAX_ROWS), sheet.iter_rows(values_only=True))]
    finally:
        book.close()


_ODS = {"table": "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}", "text": "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"}


def _ods_sheets(data: bytes) -> Iterator[list[list]]:
    import zipfile

    from defusedxml import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = ElementTree.fromstring(z.read("content.xml"))
    t = _ODS["table"]
    for table in root.iter(f"{t}table"):
        rows = []
        for row in table.iter(f"{t}table-row"):
            cells = []
            for cell in row.iter(f"{t}table-cell"):
                repeat = min(int(cell.get(f"{t}number-columns-repeated", "1")), 64)  # an empty tail repeats 16,000 times
                cells += ["".join(cell.itertext())] * repeat
            rows.append(cells)
            if len(rows) >= MAX_ROWS:
                break
        yield rows
