"""Personal numbers in every written form (issue 13, class 2): one reading of digits for all
number detectors (build_tools/detect/hits.py and numbers.py), across lines, in parsed YAML and decoded text,
and what it must leave alone. One-line forms are samples in tests/privacy_samples/."""

import datetime as dt
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools import ROOT
from build_tools.detect import hits
from build_tools.detect.idnumber import check_character
from build_tools.detect.phone import is_mobile
from build_tools.privacy import scan
from build_tools.report.problems import Report, format_report
from tests.conftest import SAMPLE

ID = "430603201503124519"  # fictional, valid check character
MOBILE = "13912345678"


def findings(text: str, name: str = "sample.md") -> list[tuple[str, int]]:
    report = Report()
    scan.Scanner(report).text(name, text)
    return sorted((p.code, p.line) for p in report.problems)


# --- Over several lines -------------------------------------------------------------------


@pytest.mark.parametrize("text, line", [
    (f"身份证号：{ID[:9]}\n{ID[9:]}，请核对。", 1),  # a wrapped line of a Markdown paragraph
    (f"description: >\n  身份证号 {ID[:10]}\n  {ID[10:]} 请核对\n", 2),  # folded block
    (f"description: >\n  身份证号 {ID[:10]}\n  {ID[10:14]}\n  {ID[14:]} 请核对\n", 2),  # folded over three lines
    (f"description: 身份证号 {ID[:6]}\n  {ID[6:]}\n", 1),  # plain scalar over two lines
    (f'description: "身份证号 {ID[:8]}\\\n  {ID[8:]}"\n', 1),  # double-quoted, continued with a backslash
    (f"description: |\n  身份证号 {ID[:6]} {ID[6:14]}\n  {ID[14:]}\n", 2),  # grouped and wrapped
])
def test_id_number_over_several_lines(text, line):
    assert findings(text, "record.yaml") == [("privacy/id-number", line)]


def test_mobile_split_over_two_lines():
    assert findings(f"联系电话：{MOBILE[:3]}\n{MOBILE[3:]}") == [("privacy/mobile", 1)]


@pytest.mark.parametrize("text", [
    "code,name,county\n430603001,陆城镇,430603\n430603002,云溪镇,430603\n",  # table rows, one per line
    "430603\t1430\n430621\t1393\n",
    "| 430603 | 1430 |\n| 450222 | 201 |\n",
    f"{ID[:6]}\n\n{ID[6:]}\n",  # a blank line between: two paragraphs
    f"{ID[:5]}\n{ID[5:10]}\n{ID[10:14]}\n{ID[14:16]}\n{ID[16:]}\n",  # five lines: not one number
])
def test_line_breaks_that_do_not_join(text):
    assert findings(text, "table.csv") == []


# --- Parsed YAML and decoded text: what `check` reads before a pull request ----------------


@pytest.mark.parametrize("value", [
    '"\\u0034\\u0033\\u0030\\u0036\\u00303201503124519"',  # YAML escapes
    '"\\x34\\x33\\x30\\x36\\x30\\x33201503124519"',
    "身份证号 &#52;&#51;&#48;&#54;&#48;&#51;201503124519",  # character references: Markdown shows digits
    "身份证号 &#x34;306032015&#48;3124519",
    "430603\\-20150312\\-4519",  # Markdown backslash escapes
])
def test_encoded_id_number_in_a_record(value):
    assert findings(f"id: x\ndescription: {value}\n", "record.yaml") == [("privacy/id-number", 2)]


def test_encoded_id_number_in_a_key():
    assert ("privacy/id-number", 2) in findings('id: x\n"\\u0034306032015\\u00303124519": 1\n', "record.yaml")


def test_character_references_in_markdown_and_csv():
    assert findings("身份证号 &#52;306032015&#48;3124519\n", "page.md") == [("privacy/id-number", 1)]
    assert findings("a,b\nx,&#49;3912345678\n", "table.csv") == [("privacy/mobile", 2)]


def test_a_number_found_as_written_is_not_reported_again_as_decoded():
    text = f"id: x\ndescription: >\n  {ID[:10]}\n  {ID[10:]} &amp; more\n"
    assert findings(text, "record.yaml") == [("privacy/id-number", 3)]


def _check(path):
    proc = subprocess.run([sys.executable, "-m", "build_tools", "check", str(path)], cwd=ROOT, capture_output=True,
                          text=True)
    return proc.returncode, proc.stdout


@pytest.mark.parametrize("description", [
    "  身份证号 &#52;306032015&#48;3124519。\n",
    ">\n    身份证号 4306032015\n    03124519。\n",
    '"身份证号 \\u0034306032015\\u00303124519。"\n',
])
def test_offline_check_stops_what_only_the_built_site_scan_stopped(write_record, description):
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("description:")
    record = text[:start] + "description: " + description.lstrip() + "last_confirmed" + text.split("last_confirmed", 1)[1]
    code, out = _check(write_record(record))
    assert code == 1 and "[privacy/id-number]" in out
    assert "4306032015" not in out and "3124519" not in out


# --- Every way of writing the digits ---------------------------------------------------------

SEPARATORS = [" ", "-", ".", "/", "\u00a0", "\u3000", "\u2009", "\u202f", "\uff0d", "\u2010", "\u2013", "\u2014",
              "\u2212", " - ", "\u30fb"]
DIGIT_FORMS = {
    "full-width": 0xFF10, "mathematical bold": 0x1D7CE, "mathematical monospace": 0x1D7F6, "Arabic-Indic": 0x0660,
    "Devanagari": 0x0966, "circled": None,
}


def in_digits(number: str, form: str) -> str:
    if form == "circled":
        return "".join(d if not d.isdigit() else "⓪" if d == "0" else chr(0x2460 + int(d) - 1) for d in number)
    return "".join(chr(DIGIT_FORMS[form] + int(d)) if d.isdigit() else d for d in number)


def grouped(number: str, sizes: tuple[int, ...], sep: str) -> str:
    parts, i = [], 0
    for size in sizes:
        parts.append(number[i : i + size])
        i += size
    return sep.join(parts)


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("sizes", [(6, 8, 4), (6, 4, 4, 4), (4, 4, 4, 4, 2), (1,) * 18])
def test_id_number_with_every_separator(sep, sizes):
    assert findings(f"证件号 {grouped(ID, sizes, sep)}。") == [("privacy/id-number", 1)]


@pytest.mark.parametrize("sep", SEPARATORS)
@pytest.mark.parametrize("sizes", [(3, 4, 4), (3, 3, 5), (1,) * 11, (4, 4, 3)])
def test_mobile_with_every_separator(sep, sizes):
    assert findings(f"家长电话 {grouped(MOBILE, sizes, sep)}。") == [("privacy/mobile", 1)]


@pytest.mark.parametrize("written", ["(139)1234-5678", "（139）1234 5678", "(139) 1234 5678"])
def test_mobile_with_the_prefix_in_brackets(written):
    assert findings(f"家长电话 {written}。") == [("privacy/mobile", 1)]


@pytest.mark.parametrize("text, found", [
    ("家长VX（微信号）w7_tpcm_cm。", True), ("微信(WeChat) zhang_san88", True), ("wx（微信号）：abc_1234", True),
    ("请关注微信（公众号）", False), ("微信（微信号）WeChat", False),
])
def test_a_wechat_label_explained_in_brackets(text, found):
    assert findings(text) == ([("privacy/wechat-id", 1)] if found else [])


@pytest.mark.parametrize("form", DIGIT_FORMS)
def test_other_digits(form):
    assert findings(f"证件号 {in_digits(ID, form)}") == [("privacy/id-number", 1)]
    assert findings(f"电话 {in_digits(MOBILE, form)}") == [("privacy/mobile", 1)]


def test_every_unicode_digit_is_folded():
    for cp in range(0x80, 0x20000):
        value = unicodedata.digit(chr(cp), None)
        if value is not None:
            assert hits.fold(chr(cp)) == str(value), hex(cp)
            # the quick test before the detectors: every digit but a few historic numerals
            assert hits.MAY_HOLD_DIGITS.match(chr(cp)) or cp >= 0x10000 and not chr(cp).isdecimal(), hex(cp)


@pytest.mark.parametrize("spelled", [
    "一三九一二三四五六七八", "壹叁玖壹贰叁肆伍陆柒捌", "幺三九 幺二三四 五六七八", "壹叁玖-壹贰叁肆-伍陆柒捌", "壹叁玖壹贰叁肆伍陆柒捌",
    "幺三九洞七三洞幺二三四", "一三九 1234 五六七八",
])
def test_mobile_spelled_out(spelled):
    assert findings(f"电话：{spelled}") == [("privacy/mobile", 1)]


@pytest.mark.parametrize("x", ["×", "✕", "Х", "Χ", "Ｘ", "x", "X"])
def test_check_character_x_however_written(x):
    assert findings(f"证件号 11010119560704123{x}。") == [("privacy/id-number", 1)]


def test_bank_card_with_nbsp():
    assert findings("卡号 6222\u00a00212\u00a03456\u00a07890\u00a0128") == [("privacy/bank-card", 1)]


def test_old_and_unchecked_id_numbers_block():
    report = Report()
    scan.Scanner(report).text("a.md", "旧号 430603780405281\n抄错 430603201503124510\n")
    assert [(p.code, p.severity) for p in report.sorted()] == [("privacy/id-number-old", "error"),
                                                              ("privacy/id-number-unchecked", "error")]


def test_contact_phone_is_a_mobile_however_written():
    assert all(is_mobile(v) for v in ["139 1234 5678", "139.1234.5678", "１３９１２３４５６７８", "+86 139-1234-5678"])
    assert not any(is_mobile(v) for v in ["0730-8461203", "12355", "400-800-1234"])


@pytest.mark.parametrize("written", ["139 1234 5678", "139.1234.5678", "１３９１２３４５６７８"])
def test_contact_mobile_however_written_needs_consent(write_record, written):
    from build_tools.validate import validate_paths

    text = SAMPLE.read_text(encoding="utf-8").replace("  phone: 0730-8123456", f'  phone: "{written}"')
    line = text[: text.index('phone: "')].count("\n") + 1
    found = {(p.code, p.line) for p in validate_paths([write_record(text)], ROOT).problems}
    assert ("privacy/mobile-without-consent", line) in found and ("privacy/mobile", line) not in found


# --- Generated: every form the issue names, around any text --------------------------------

AROUND = st.lists(st.sampled_from([*"留守儿童学生身份证号码电话：，。、 （）abc\n", "**", "<b>"]), max_size=12).map("".join)


@st.composite
def id_numbers(draw) -> str:
    region = draw(st.from_regex(r"[1-9][0-9]{5}", fullmatch=True))
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date(2099, 12, 31)))
    first17 = f"{region}{born:%Y%m%d}{draw(st.integers(0, 999)):03d}"
    return first17 + check_character(first17)


@st.composite
def written(draw, number: str, layouts: list[tuple[int, ...]]) -> str:
    form = draw(st.sampled_from(["ascii", *DIGIT_FORMS]))
    text = number if form == "ascii" else in_digits(number, form)
    if form != "ascii" and text[-1] == "X":
        text = text[:-1] + draw(st.sampled_from("X×Ｘ"))
    sizes = draw(st.sampled_from([(len(number),), *layouts, (1,) * len(number)]))
    return grouped(text, sizes, draw(st.sampled_from(SEPARATORS)))


@settings(max_examples=200, deadline=None)
@given(id_numbers(), AROUND, AROUND, st.data())
def test_generated_id_numbers_in_any_form(number, before, after, data):
    shown = data.draw(written(number, [(6, 8, 4), (6, 4, 4, 4), (3, 3, 4, 4, 4)]))
    before = before.rstrip("0123456789") + ("" if not before else "：")
    assert ("privacy/id-number", before.count("\n") + 1) in findings(f"{before} {shown} {after}")


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True), AROUND, AROUND, st.data())
def test_generated_mobiles_in_any_form(number, before, after, data):
    shown = data.draw(written(number, [(3, 4, 4), (3, 3, 5)]))
    assert ("privacy/mobile", before.count("\n") + 1) in findings(f"{before}：{shown}。{after}")


# --- What stays allowed -----------------------------------------------------------------------


def test_repository_scan_stays_clean():
    proc = subprocess.run([sys.executable, "-m", "build_tools", "scan"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0 and "没有发现问题" in proc.stdout


def test_statistics_tables_read_as_text_stay_clean():
    """County and township codes beside counts, in every table, as CSV and as a space-separated list."""
    tables = sorted((ROOT / "data/statistics").glob("20*.csv"))
    text = "\n".join(p.read_text(encoding="utf-8") for p in tables)
    spaced = text.replace(",", " ")
    assert findings(text, "all.csv") == []
    assert [f for f in findings(spaced, "all.txt") if f[0] != "privacy/id-number-old"] == []


def test_messages_never_repeat_new_forms():
    text = "证件号 430603 2015 0312 4519，电话 壹叁玖壹贰叁肆伍陆柒捌，QQ：12345678，微信号：zhang_san88"
    report = Report()
    scan.Scanner(report).text("a.md", text)
    for fmt in ("text", "json", "github"):
        out = format_report(report, fmt)
        assert not any(s in out for s in ("430603", "2015 0312", "壹叁玖", "12345678", "zhang_san88"))
