"""Generated personal numbers are all caught, alone and inside other text, however written."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.detect.bankcard import luhn_valid
from build_tools.detect.idnumber import check_character
from build_tools.privacy import scan
from build_tools.report.problems import Report

SETTINGS = settings(max_examples=300, deadline=None)
# Text around a number: Chinese, letters, punctuation, Markdown and line breaks, never a digit
# (a digit next to it would make it a longer number, which is not an ID number).
AROUND = st.lists(st.sampled_from([*"留守儿童学生身份证号码电话：，。、 （）*_-abcXYZ\n\t#[]()<>\"'=", "**", "<b>"]),
                  max_size=20).map("".join)
FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


@st.composite
def id_numbers(draw) -> str:
    region = draw(st.from_regex(r"[1-9][0-9]{5}", fullmatch=True))
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    first17 = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return first17 + check_character(first17)


def written(number: str, groups: tuple[int, ...], draw) -> str:
    """The number as people write it: one run, grouped with spaces or hyphens, or full-width."""
    style = draw(st.sampled_from(["plain", "grouped", "full-width"]))
    if style == "full-width":
        return number.translate(FULL_WIDTH)
    if style == "plain":
        return number
    sep, parts, i = draw(st.sampled_from([" ", "-"])), [], 0
    for g in groups:
        parts.append(number[i : i + g])
        i += g
    return sep.join(parts)


def codes(text: str, name: str = "sample.md") -> set[str]:
    report = Report()
    scan.Scanner(report).text(name, text)
    return {p.code for p in report.problems}


@SETTINGS
@given(id_numbers(), AROUND, AROUND, st.data())
def test_every_valid_id_number_is_caught(number, before, after, data):
    shown = written(number, data.draw(st.sampled_from([(6, 8, 4), (6, 4, 4, 4)])), data.draw)
    assert "privacy/id-number" in codes(before + shown + after)


@SETTINGS
@given(id_numbers(), st.sampled_from(["**", "__", "`", "<strong>", "</em><em>", "\u200b"]), st.integers(1, 17))
def test_id_number_split_by_markup_is_caught(number, marker, at):
    assert "privacy/id-number" in codes(f"身份证号{number[:at]}{marker}{number[at:]}。")


@st.composite
def mobiles(draw) -> str:
    return draw(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))


@SETTINGS
@given(mobiles(), AROUND, AROUND, st.data())
def test_every_mobile_number_is_caught(number, before, after, data):
    shown = written(number, (3, 4, 4), data.draw)
    assert "privacy/mobile" in codes(before + shown + after)


@st.composite
def cards(draw) -> str:
    prefix = draw(st.sampled_from(["62", "4", "51", "55", "35", "9558"]))
    length = draw(st.sampled_from([16, 19] if prefix in ("4", "35") else [16] if prefix[0] == "5" else [19] if prefix == "9558" else [16, 17, 18, 19]))
    body = prefix + draw(st.from_regex(rf"[0-9]{{{length - len(prefix) - 1}}}", fullmatch=True))
    return next(body + d for d in "0123456789" if luhn_valid(body + d))


@SETTINGS
@given(cards(), AROUND, AROUND)
def test_every_bank_card_number_is_caught(number, before, after):
    found = codes(before + number + after)
    assert found & {"privacy/bank-card", "privacy/id-number"}, found  # an ID-shaped card is reported as an ID
