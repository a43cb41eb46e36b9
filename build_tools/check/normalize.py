"""Lenient readings of what people type in spreadsheets and phones, turned into canonical text.

One place for "2026/12/5", "１２０", "1,200", "是": `fmt` writes the canonical form, the
schema stage suggests it ("您是不是要填 …"), and the data diff compares by it, so a change of
spelling alone is never reported as a change of content.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_TZ = re.compile(r"([+-]\d{2}):?(\d{2})")
_GROUPED = re.compile(r"\d{1,3}(,\d{3})+")
_TRUE, _FALSE = {"true", "是", "yes", "y"}, {"false", "否", "no", "n"}


# Characters that show nothing yet are not Unicode whitespace: Hangul fillers, the braille
# blank, zero-width characters (refused elsewhere too, text/control-char), the word joiner.
_SHOWS_NOTHING = set("\u115f\u1160\u3164\uffa0\u2800\u180e\u200b\u200c\u200d\u2060\ufeff")


def blank(text: str) -> bool:
    """True when a value shows nothing: empty, or only spaces of any kind (regular, ideographic
    U+3000, no-break U+00A0, thin…), line breaks and characters that take no room. Such a value
    counts as not filled in: a title of three ideographic spaces is a missing title."""
    return all(c.isspace() or c in _SHOWS_NOTHING or unicodedata.category(c) in ("Cf", "Mn", "Me") for c in text)


def shown_length(text: str) -> int:
    """How many characters of a value show: a title padded with spaces is as short as it looks."""
    return sum(not blank(c) for c in text)


def ascii_digits(text: str) -> str:
    """Full-width digits and punctuation (１２０、２０２６／１２／０５) as ASCII; trimmed."""
    return unicodedata.normalize("NFKC", text).replace("，", ",").strip()


def date(text: str) -> str | None:
    """YYYY-MM-DD for a date written as 2026-12-5, 2026/12/05, 2026.12.05 or 2026年12月5日."""
    m = _DATE.fullmatch(ascii_digits(text))
    if not m:
        return None
    try:
        return dt.date(*map(int, m.groups())).isoformat()
    except ValueError:
        return None


def datetime(text: str, assume_tz: bool = False) -> str | None:
    """YYYY-MM-DDTHH:MM:SS+08:00 for a date and a time ("2026-12-05 9:00" and the like).

    Without a time zone the result has none, unless `assume_tz` adds China's +08:00 (for a
    suggestion; `fmt` never adds what the writer did not say).
    """
    text = ascii_digits(text)
    m = _DATE.match(text)
    if not m or date(m.group(0)) is None:
        return None
    rest = text[m.end():].lstrip("T ").strip()
    t = _TIME.match(rest)
    if not t:
        return None
    hour, minute, second = int(t.group(1)), int(t.group(2)), int(t.group(3) or 0)
    tz = rest[t.end():].strip()
    if hour > 23 or minute > 59 or second > 59:
        return None
    if tz:
        z = _TZ.fullmatch(tz)
        if not z:
            return None
        tz = f"{z.group(1)}:{z.group(2)}"
    elif assume_tz:
        tz = "+08:00"
    return f"{date(m.group(0))}T{hour:02d}:{minute:02d}:{second:02d}{tz}"


def integer(text: str) -> str | None:
    """The digits of 120, １２０, 1,200 or 1，200; None for anything else."""
    text = ascii_digits(text)
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    return str(int(text)) if text.isascii() and text.isdigit() else None


def boolean(text: str) -> str | None:
    """"true" or "false" for true/是/yes and false/否/no in any case."""
    low = ascii_digits(text).lower()
    return "true" if low in _TRUE else "false" if low in _FALSE else None


def canonical(value: str, meta: dict) -> str:
    """The canonical spelling of a cell of a schema field (`meta` is its descriptor).

    Only unambiguous rewrites: a value we cannot read is returned as it was, for the
    validator to report.
    """
    kind = meta.get("type")
    if kind == "date" and meta.get("x-datetime") and date(value) is None:
        return datetime(value) or value
    reader = {"date": date, "integer": integer, "boolean": boolean}.get(kind)
    return (reader(value) or value) if reader else value


def suggestion(value: str, meta: dict) -> str | None:
    """What a value that failed its type check probably meant, or None."""
    kind = meta.get("type")
    if kind == "date" and meta.get("x-datetime"):
        fixed = date(value) or datetime(value, assume_tz=True)
    else:
        fixed = {"date": date, "integer": integer, "boolean": boolean}.get(kind, lambda v: None)(value)
    return fixed if fixed and fixed != value else None


def doc_key(number: str) -> str:
    """A document number compared loosely: 民发〔2023〕62 号 = 民发[2023]62号 = 民发〔2023〕62号."""
    return "".join(number.split()).translate(str.maketrans("[]［］【】", "〔〕〔〕〔〕"))
