"""Care centres, policies and local hotlines: one failing fixture per rule, like test_rules.py.

The passing fixtures are tests/fixtures/data/centres/sample-centre.yaml, policies.yaml and
hotlines.yaml; each case breaks one of them in one way and asserts exactly which problems,
on which lines, result. DIRECTORY_RULES tells test_rules.py which codes these cases cover.
"""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from build_tools import ROOT
from build_tools.validate import directory_files, directory_kind, validate_all, validate_directory

FIXTURES = Path(__file__).parent / "fixtures/data"
SAMPLES = {
    "centre": ("centres/sample-centre.yaml", FIXTURES / "centres/sample-centre.yaml"),
    "policies": ("policies.yaml", FIXTURES / "policies.yaml"),
    "hotlines": ("hotlines.yaml", FIXTURES / "hotlines.yaml"),
}


def problems_in(tmp_path: Path, kind: str, text: str, name: str | None = None) -> list[tuple[str, int]]:
    """Write text where validation expects a file of this kind and validate it (without the
    privacy scan of raw text, which has fixtures of its own)."""
    path = tmp_path / "data" / (name or SAMPLES[kind][0])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    report, _ = validate_directory(directory_kind(path), [path], ROOT)
    return sorted((p.code, p.line) for p in report.problems)


def base(kind: str) -> str:
    return SAMPLES[kind][1].read_text(encoding="utf-8")


def line_of(text: str, marker: str) -> int:
    return text[: text.index(marker)].count("\n") + 1


CONTACT = '  phone: "0730-8123456"\n  email: deyu@example.gov.cn\n'
SECOND_HOTLINE = '  - region: "450225"\n    name: 融水苗族自治县妇联维权服务电话\n    number: 0772-5123456'

# (kind, code, text to replace, replacement, marker on the reported line)
CASES = [
    ("centre", "consistency/hours-order", '"16:30-18:30"', '"18:30-16:30"', '"18:30-16:30"'),
    ("centre", "consistency/area-code", '"0730-8123456"', '"0735-8123456"', "0735-"),
    ("centre", "consistency/id-mismatch", "id: sample-centre", "id: other-centre", "id:"),
    ("centre", "consistency/contact-missing", CONTACT, "", "contact:"),
    ("centre", "privacy/mobile-without-consent", '"0730-8123456"', '"13912345678"', "13912345678"),
    ("centre", "schema/not-in-list", "kind: 留守儿童之家", "kind: 留守之家", "kind:"),
    ("centre", "schema/pattern", "days: 周六、周日", "days: 星期六", "星期六"),
    ("centre", "schema/enum", "status: active", "status: open", "status:"),
    ("centre", "schema/unknown-field", "operator:", "home_address:", "home_address:"),
    ("policies", "consistency/date-year-mismatch", 'date: "2016-02-04"', 'date: "2015-02-04"', "2015-02-04"),
    (
        "policies",
        "consistency/duplicate-entry",
        "id: yunxi-2024-action-plan",
        "id: guofa-2016-13",
        "id: guofa-2016-13\n    title: 云溪",
    ),
    ("policies", "schema/not-in-list", "      - visit", "      - 走访慰问", "走访慰问"),
    ("policies", "schema/pattern", "link: https://www.gov.cn", "link: http://www.gov.cn", "link:"),
    ("policies", "schema/type", 'year: "2016"', 'year: "二〇一六"', "year:"),
    ("hotlines", "schema/pattern", "number: 0730-8123456", 'number: "13912345678"', "13912345678"),
    ("hotlines", "consistency/area-code", "number: 0772-5123456", "number: 0730-5123456", "0730-5123456"),
    (
        "hotlines",
        "consistency/duplicate-entry",
        SECOND_HOTLINE,
        '  - region: "430603"\n    name: 云溪区妇联维权服务电话\n    number: 0730-8123456',
        "number: 0730-8123456\n    hours: 工作日 8:30-17:30\n    purpose: 家庭",
    ),
    ("hotlines", "schema/unknown-field", "example:", "sample:", "sample:"),
]

# New codes of issue 6, covered here (test_rules.py checks that every code is covered somewhere).
DIRECTORY_RULES = {c[1] for c in CASES} | {"file/not-yaml"}
# Deleted and renamed activities against the live ones: test_removed.py.
DIRECTORY_RULES |= {"consistency/removed-still-live", "consistency/renamed-to-unknown"}


@pytest.mark.parametrize("kind", SAMPLES)
def test_passing_fixture_is_clean(tmp_path, kind):
    assert problems_in(tmp_path, kind, base(kind)) == []


@pytest.mark.parametrize("kind, code, old, new, marker", CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_fails_on_its_fixture(tmp_path, kind, code, old, new, marker):
    assert old in base(kind), "the case must change the sample"
    text = base(kind).replace(old, new, 1)
    assert problems_in(tmp_path, kind, text) == [(code, line_of(text, marker))]


def test_area_code_is_a_warning_and_does_not_stop_the_build(tmp_path):
    text = base("centre").replace('"0730-8123456"', '"0735-8123456"')
    path = tmp_path / "data/centres/sample-centre.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    report, _ = validate_directory("centres", [path], ROOT)
    assert report.errors == [] and [p.severity for p in report.problems] == ["warning"]
    assert "0735" in report.problems[0].message and "8123456" not in report.problems[0].message  # never the number


def test_centre_file_must_be_yaml(tmp_path):
    assert problems_in(tmp_path, "centre", base("centre"), name="centres/sample-centre.yml") == [("file/not-yaml", 1)]


def test_centre_files_are_found_by_folder(tmp_path):
    (tmp_path / "data/centres").mkdir(parents=True)
    for name in ("b.yaml", "a.yaml", ".gitkeep"):
        (tmp_path / "data/centres" / name).write_text("", encoding="utf-8")
    assert [p.name for p in directory_files("centres", tmp_path)] == ["a.yaml", "b.yaml"]
    assert directory_files("policies", tmp_path) == []  # absent: nothing to check, no error


def test_repository_directory_data_is_clean():
    report, data = validate_all()
    assert report.problems == []
    assert len(data.centres) >= 12 and len(data.policies) == 1 and len(data.hotlines) == 1


def test_cli_validates_a_centre_file_by_its_place(tmp_path):
    path = tmp_path / "data/centres/sample-centre.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(base("centre").replace("status: active", "status: open"), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", str(path)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1
    assert "status [schema/enum] “open”不是允许的取值。可选值：active、temporarily-closed、closed。" in proc.stdout


def _top_level_alternation(pattern: str) -> bool:
    depth, escaped, in_class = 0, False, False
    for ch in pattern:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            return True
    return False


def test_every_schema_pattern_must_match_the_whole_value():
    # frictionless compiles "^" + pattern + "$": an ungrouped a|b anchors a only at the start and
    # b only at the end, so "0730-8123456 anything" passed the phone pattern. Group alternatives.
    for schema in sorted((ROOT / "data/schemas").glob("*.schema.yaml")):
        for f in yaml.safe_load(schema.read_text(encoding="utf-8")).get("fields", []):
            pattern = f.get("constraints", {}).get("pattern")
            assert pattern is None or not _top_level_alternation(pattern), f"{schema.name}: {f['name']}"
