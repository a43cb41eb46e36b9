"""The fuzz harness of issue 13 (deliverable 2): records, tables and content pages assembled from
hostile pieces — markup, scripts, separators, digit forms, control characters, extreme dates and
numbers — and, for every input: no traceback; either a Chinese message with file and line, or a
built site in which nothing active came from the data and no planted personal number appears
in any written form.

Oracles: the project's own HTML check (build_tools/check/html_check.py) and privacy scan of the built
site, and two independent ones written here: Python's html.parser over every page (another
parser than the build's) for event handlers, javascript: addresses, frames and foreign scripts,
and a plain search for the planted digits in every file's bytes, decoded (gzip, zip members,
HTML entities, JSON escapes, NFKC for full-width and mathematical digits, separators dropped).

Budget: builds are the slow part, so each build example batches several hostile records, list
names and a content page into one copy of the repository (FUZZ_BUILDS of them), and the many
cheap examples only validate (FUZZ_VALIDATIONS). `make test` runs a fixed, derandomised set in
about a minute; PORTAL_FUZZ_SCALE=20 (see README) runs twenty times as many, randomised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import html
import html.parser
import io
import json
import os
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools import ROOT
from build_tools.build import build
from build_tools.check import html_check
from build_tools.privacy.files import scan_paths, scan_site
from build_tools.report.problems import Report
from build_tools.report.text import front_matter
from build_tools.validate import validate_paths
from tests.conftest import SAMPLE

SCALE = int(os.environ.get("PORTAL_FUZZ_SCALE", "1"))
FUZZ_VALIDATIONS = 120 * SCALE
FUZZ_BUILDS = 3 * SCALE
TODAY = dt.date(2026, 11, 22)

# --- personal numbers, planted in written forms ----------------------------------------------------
# Made at run time, so that this file itself holds no personal-looking number (the repository scan
# reads everything git commits).


def _with_id_check(body: str) -> str:
    """An 18-digit ID number: 17 digits and their GB 11643 check character."""
    weights = [pow(2, 17 - i, 11) for i in range(17)]
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]


def _with_luhn(body: str) -> str:
    """A card number: body and its Luhn check digit."""
    total = sum(sum(divmod(int(d) * (2 if i % 2 == 0 else 1), 10)) for i, d in enumerate(reversed(body)))
    return body + str((10 - total % 10) % 10)


ID = _with_id_check(str(1101051949 * 10**7 + 1231002))  # Beijing, born 1949-12-31
MOBILE = str(199 * 10**8 + 87654321)
CARD = _with_luhn(str(622202 * 10**12 + 123456789012))
PLANTED = (ID, MOBILE, CARD)
_DAXIE = "零壹贰叁肆伍陆柒捌玖"


def _full(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in s)


def _math(s: str) -> str:
    return "".join(chr(0x1D7CE + int(c)) if c.isdigit() else c for c in s)


def _grouped(s: str, sizes, sep: str) -> str:
    out, at = [], 0
    for n in sizes:
        out.append(s[at:at + n])
        at += n
    return sep.join(out + ([s[at:]] if s[at:] else []))


#: Forms the number detectors catch on this branch: planted in every run.
FORMS_CAUGHT = {
    "id": lambda: ID,
    "id spaced 6-8-4": lambda: _grouped(ID, (6, 8), " "),
    "id hyphens": lambda: _grouped(ID, (6, 8), "-"),
    "id full-width digits": lambda: _full(ID),
    "mobile": lambda: MOBILE,
    "mobile 3-4-4": lambda: _grouped(MOBILE, (3, 4), " "),
    "mobile hyphens": lambda: _grouped(MOBILE, (3, 4), "-"),
    "mobile full-width": lambda: _full(MOBILE),
    "mobile +86": lambda: "+86 " + MOBILE,
    "card": lambda: CARD,
    "card spaced 4-4-4-4": lambda: _grouped(CARD, (4, 4, 4, 4), " "),
    # the widened detectors (issue 13: separators, other digits, 大写)
    "id mathematical digits": lambda: _math(ID),
    "id × for X": lambda: ID[:-1] + "×",
    "id NBSP groups": lambda: _grouped(ID, (6, 8), "\u00a0"),
    "id ideographic spaces": lambda: _grouped(ID, (6, 8), "\u3000"),
    "id full-width hyphen": lambda: _grouped(ID, (6, 8), "－"),
    "mobile 3-3-5": lambda: _grouped(MOBILE, (3, 3), " "),
    "mobile 大写": lambda: "".join(_DAXIE[int(c)] for c in MOBILE),
    "mobile slashes": lambda: _grouped(MOBILE, (3, 4), "/"),
    "mobile digit by digit": lambda: " ".join(MOBILE),
    "card NBSP": lambda: _grouped(CARD, (4, 4, 4, 4), "\u00a0"),
}
FORMS = FORMS_CAUGHT

# --- hostile pieces ----------------------------------------------------------------------------------
MARKUP = [
    "<img src=x onerror=alert(1)>", "</title><script>alert(2)</script>", '"><svg onload=alert(3)>', "'-alert(4)-'",
    "<a href=javascript:alert(5)>x</a>", "[点我](javascript:alert(6))", "![图](https://evil.example/a.png)",
    "{ onclick=alert(7) }", "<!--", "-->", "]]>", "<iframe src=//evil.example>", "<base href=//evil.example/>",
    "{{ 7*7 }}", "{% raw %}", "&lt;b&gt;", "&#60;script&#62;", "<style>@import'//evil.example/a.css'</style>",
    "javascript:alert(8)", "data:text/html,<script>alert(9)</script>", "\\u003cscript\\u003e", "</script>",
    "<math><mi xlink:href=javascript:alert(10)>x</mi></math>", "<textarea>", "*强调*", "`代码`", "| 表 | 格 |", "# 标题",
]
SEPARATORS = [" ", "\u00a0", "\u3000", "\u2009", "-", "－", "·", "/", ".", ",", "，", ":", "：", "#", "|", "\t"]
DIGITS = ["0730-8461203", "民发〔2023〕62号", "2026", "１２３", "𝟏𝟐𝟑", "壹贰叁", "٣٤", "1e309", "-1", "0x10", "99999999999999999999"]
CONTROL = ["\x00", "\x07", "\x1b", "\x85", "\u200b", "\u202e", "\u2028", "\ufeff", "\r"]
CJK = ["寒假前安全教育讲座", "留守儿童之家", "志愿者", "防溺水", "云溪区", "家长学校", "（含午餐）", "“法治”", "《宪法》"]

safe_piece = st.sampled_from(MARKUP + SEPARATORS + DIGITS + CJK)
any_piece = safe_piece | st.sampled_from(CONTROL) | st.text(max_size=4)
number_piece = st.sampled_from(sorted(FORMS)).map(lambda name: FORMS[name]())


PREFIX = "关爱留守儿童志愿活动"  # ten characters: every text field's minimum length is met


def hostile(pieces=safe_piece, max_len: int = 40):
    """A value made of hostile pieces after PREFIX, cut to max_len characters (the shortest field maximum)."""
    return st.lists(pieces, min_size=1, max_size=5).map(lambda parts: (PREFIX + "".join(parts))[:max_len])


DATES = ['"0001-01-01"', '"9999-12-31"', '"1899-12-31"', '"2200-01-01"', '"2026-02-29"', '"2026-12-05T25:00:00+08:00"',
         '"2026-12-05T09:00:00Z"', '"2026-12-05T09:00:00+08:00"', '"2026-12-05"', '"2026-12-06"', '"20261205"', "2026-12-05"]
NUMBERS = ['"-1"', '"0"', '"1e309"', '"inf"', '"99999999999999999999"', '"４"', '"4.5"', '"0x10"', '"٣"', "4", '""']
TEXT_FIELDS = ["title", "summary", "  name", "  address", "  summary", "    title", "    - unit", "    - 协助签到和维持秩序",
               "  note", "  role"]


def record_text(values: dict[str, str]) -> str:
    """The sample record with fields replaced: values are written as YAML double-quoted scalars."""
    text = SAMPLE.read_text(encoding="utf-8")
    for key, value in values.items():
        if key.endswith("协助签到和维持秩序"):
            text = text.replace(key, f"    - {json.dumps(value, ensure_ascii=False)}", 1)
            continue
        text = re.sub(rf"^{re.escape(key)}: .*$", lambda _, k=key, v=value: f"{k}: {v}", text, count=1, flags=re.M)
    return text


def quoted(strategy):
    return strategy.map(lambda v: json.dumps(v, ensure_ascii=False))


def record_values(pieces=safe_piece):
    """Field → YAML text for a hostile record (free-text fields; dates and counts sometimes)."""
    text_fields = st.fixed_dictionaries({}, optional={k: quoted(hostile(pieces)) for k in TEXT_FIELDS})
    extremes = st.fixed_dictionaries({}, optional={"start": st.sampled_from(DATES), "end": st.sampled_from(DATES),
                                                   "  needed": st.sampled_from(NUMBERS),
                                                   "  min_age": st.sampled_from(NUMBERS),
                                                   "    places": st.sampled_from(NUMBERS)})
    return st.tuples(text_fields, extremes).map(lambda pair: {**pair[0], **pair[1]})


def content_page(pieces=safe_piece):
    """A hand-written page: hostile title and description in its front matter (which must reach the
    theme as text); sometimes the same pieces raw in its heading and body too (hand-written HTML,
    which the page check must refuse if it is active)."""
    return st.tuples(hostile(pieces), hostile(pieces), hostile(pieces, 200), st.booleans()).map(
        lambda p: f"---\ntitle: {front_matter(p[0])}\ndescription: {front_matter(p[1])}\n---\n\n"
                  + (f"# {p[0]}\n\n{p[2]}\n" if p[3] else "正文。\n"))


# --- oracles -----------------------------------------------------------------------------------------
_PROBLEM_LINE = re.compile(r"^(?P<file>[^\s:][^:\n]*):(?P<line>[1-9][0-9]*)(?::[0-9]+)?: .*\[[a-z]+/[a-z0-9-]+\]")
_CJK = re.compile("[\u4e00-\u9fff]")


def assert_problems_have_file_line_and_chinese(problems) -> None:
    assert problems, "a failure without a problem"
    for p in problems:
        assert p.file and p.line >= 1 and _CJK.search(p.message + p.hint), p


def assert_message_output(err: str) -> None:
    """A failed build printed Chinese problems with file and line, and no traceback."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if _PROBLEM_LINE.match(line)]
    assert lines, err[-2000:]
    assert all(_CJK.search(line) for line in lines)
    assert "原来的 site/ 保持不变" in err


class _Independent(html.parser.HTMLParser):
    """The stdlib's parser, as a second opinion on what a page contains."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._script: list[str] | None = None
        self._script_type = ""

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            v = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if key.startswith("on"):
                self.found.append(f"{tag} {key}")
            if key in ("href", "src", "xlink:href", "action", "formaction", "poster", "data") and v.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"{tag} {key}={v[:20]}")
            if key in ("src", "poster", "srcset") and ("//evil.example" in v):
                self.found.append(f"{tag} {key} from another host")
        if tag in ("iframe", "object", "embed", "base", "frame"):
            self.found.append(tag)
        if tag == "script":
            self._script, self._script_type = [], dict(attrs).get("type") or ""

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            body = "".join(self._script)
            if "alert(" in body and "json" not in self._script_type:
                self.found.append("script with planted code")
            self._script = None


def independent_findings(site: Path) -> list[tuple[str, str]]:
    out = []
    for page in sorted(site.rglob("*.html")):
        parser = _Independent()
        parser.feed(page.read_text(encoding="utf-8"))
        out += [(page.relative_to(site).as_posix(), f) for f in parser.found]
    return out


def _decoded_texts(site: Path):
    """Every file's text as a reader would see it, archives and gzip opened."""
    def expand(name: str, data: bytes, depth: int = 0):
        if data[:2] == b"\x1f\x8b" and depth < 3:
            yield from expand(name, gzip.decompress(data), depth + 1)
        elif data[:4] == b"PK\x03\x04" and depth < 3:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for member in z.namelist():
                    yield from expand(f"{name}!/{member}", z.read(member), depth + 1)
        else:
            yield name, data.decode("utf-8", "replace")

    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield from expand(path.relative_to(site).as_posix(), path.read_bytes())


def _digits_only(text: str) -> str:
    text = html.unescape(html.unescape(text))
    text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = unicodedata.normalize("NFKC", text).replace("×", "X")
    text = "".join(str(_DAXIE.index(c)) if c in _DAXIE else c for c in text)
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


def planted_numbers_in(site: Path) -> list[tuple[str, str]]:
    return [(name, number) for name, text in _decoded_texts(site) for number in PLANTED if number in _digits_only(text)]


def assert_site_is_clean(site: Path) -> None:
    theme = [ROOT / "overrides", Path(__import__("material").__file__).parent / "templates"]
    checked = Report()
    html_check.check_site(site, html_check.Policy("http://127.0.0.1:8000/", html_check.inline_scripts(theme)), checked)
    assert checked.problems == []
    scanned = Report()
    scan_site(site, scanned)
    assert scanned.errors == []
    assert independent_findings(site) == []
    assert planted_numbers_in(site) == []


# --- validate-only examples: many, cheap ------------------------------------------------------------

VALIDATE = settings(max_examples=FUZZ_VALIDATIONS, deadline=None, derandomize=SCALE == 1, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@VALIDATE
@given(values=record_values(any_piece | number_piece), numbers=st.lists(number_piece, max_size=2))
def test_hostile_records_get_messages_never_tracebacks(tmp_path, values, numbers):
    for i, number in enumerate(numbers):
        values[TEXT_FIELDS[i]] = json.dumps(f"联系{number}", ensure_ascii=False)
    path = tmp_path / "data/activities/2026/2026-12-05-sample-lecture.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(record_text(values), encoding="utf-8")
    report = validate_paths([path])
    if report.errors:
        assert_problems_have_file_line_and_chinese(report.errors)
    if numbers:  # the raw-text scan runs whatever else is wrong with the record
        assert any(p.code.startswith("privacy/") for p in report.errors), f"a planted number passed: {numbers}"


@VALIDATE
@given(page=content_page(any_piece | number_piece))
def test_hostile_content_pages_are_scanned_without_tracebacks(tmp_path, page):
    path = tmp_path / "content/page.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    report = Report()
    scan_paths([path], report)
    for p in report.problems:
        assert p.line >= 1 and _CJK.search(p.message)


# --- build examples: a batch of hostile values in one build ------------------------------------------

BUILDS = settings(max_examples=FUZZ_BUILDS, deadline=None, derandomize=SCALE == 1, database=None,
                  suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                         HealthCheck.data_too_large])
BATCH = st.fixed_dictionaries({
    "records": st.lists(record_values(), min_size=3, max_size=5),
    "county": hostile(), "indicator": hostile(), "organisation": hostile(),
    "page": content_page(), "number": st.none() | number_piece,
})
VALID_BATCH = {  # one batch that passes validation, so that a built site is always checked
    "records": [{"title": json.dumps(PREFIX + MARKUP[0] + MARKUP[1][:20], ensure_ascii=False),
                 "summary": json.dumps(PREFIX + "".join(MARKUP[2:6]), ensure_ascii=False)},
                {"  name": json.dumps(PREFIX + MARKUP[9] + MARKUP[17][:20], ensure_ascii=False)},
                {"  note": json.dumps(PREFIX + MARKUP[19][:30], ensure_ascii=False)}],
    "county": "云溪区<img src=x onerror=alert(11)>", "indicator": "志愿</title><script>alert(12)</script>",
    "organisation": '志愿"><svg onload=alert(13)>', "page": "---\ntitle: \"</title><img src=x onerror=alert(14)>\"\n---\n\n正文。\n",
    "number": None,
}


def _write_batch(root: Path, batch: dict) -> None:
    folder = root / "data/activities/2026"
    for i, values in enumerate(batch["records"]):
        rid = f"2026-12-05-fuzz-{i}"  # the sample's start day
        (folder / f"{rid}.yaml").write_text(record_text({**values, "id": rid}), encoding="utf-8")
    if batch["number"]:
        (folder / "2026-12-05-fuzz-number.yaml").write_text(
            record_text({"id": "2026-12-05-fuzz-number", "  role": json.dumps(f"安全办{batch['number']}", ensure_ascii=False)}),
            encoding="utf-8")
    _replace_cell(root / "data/lists/regions.csv", "430603,云溪区,", f"430603,{_csv(batch['county'])},")
    _replace_cell(root / "data/lists/indicators.csv", "registered,登记在册的儿童,", f"registered,{_csv(batch['indicator'])},")
    org = root / "data/organizations.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("name: 岳阳市云溪区教育体育局",
                                                         f"name: {json.dumps(batch['organisation'], ensure_ascii=False)}", 1),
                   encoding="utf-8")
    (root / "content/about/fuzz.md").write_text(batch["page"], encoding="utf-8")


def _csv(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def _replace_cell(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@BUILDS
@example(batch=VALID_BATCH)
@given(batch=BATCH)
def test_hostile_batches_build_clean_or_fail_with_messages(tmp_path_factory, batch):
    tmp = tmp_path_factory.mktemp("fuzz")
    root = tmp / "repo"
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, root / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    _write_batch(root, batch)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = build(TODAY, tmp / "site", root=root)
    if code == 0:
        assert_site_is_clean(tmp / "site")
    else:
        assert code == 1
        assert_message_output(err.getvalue())
        assert not (tmp / "site").exists()
    if batch is VALID_BATCH:
        assert code == 0, err.getvalue()[-3000:]
