"""CSV files that are safe to open in a spreadsheet (the downloads of the statistics pages).

Excel, WPS and LibreOffice run a cell that begins with = + - @ (or a tab or carriage return,
or their full-width forms, which some versions convert) as a formula: `=HYPERLINK(…)` in a
source or note column, or in a name of data/lists/, which a pull request can change, would
become a live link or worse in an official's spreadsheet. As OWASP's CSV-injection guidance
says, such a cell is written with a single quote in front (the spreadsheet shows the text as
it was, and runs nothing) and quoted. Refusing these at validation instead would stop
harmless text ("-", "+2 人") and leave lists and any future CSV unguarded; neutralising at
the one writer every download uses covers them all.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def safe_cell(value: object) -> str:
    """The cell as text, with a ' in front when a spreadsheet would read it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.lstrip(" ").startswith(FORMULA_START) else text


def csv_text(rows: Iterable[Iterable[object]], lineterminator: str = "\n") -> str:
    """Rows as CSV text, every cell through safe_cell."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=lineterminator)
    writer.writerows([safe_cell(c) for c in row] for row in rows)
    return buf.getvalue()


def safe_copy(text: str) -> str:
    """A CSV file (data/lists/…) as it is offered for download: same rows, cells neutralised."""
    return csv_text(csv.reader(io.StringIO(text, newline="")))
