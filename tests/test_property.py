"""No input ever crashes the validator: arbitrary bytes, arbitrary YAML, mutated records."""

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import ROOT
from build_tools.validate import validate_activities
from tests.conftest import SAMPLE

BASE = SAMPLE.read_bytes()
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def validate_bytes(tmp_path, raw: bytes):
    path = tmp_path / "data/activities/2026/2026-12-05-sample-lecture.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    report, _ = validate_activities([path], ROOT)
    for p in report.problems:
        assert p.line >= 1 and p.code and p.message
    return report


@SETTINGS
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path, raw):
    validate_bytes(tmp_path, raw)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30) | st.dates().map(str),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)


@SETTINGS
@given(yaml_values)
def test_arbitrary_yaml(tmp_path, value):
    validate_bytes(tmp_path, yaml.safe_dump(value, allow_unicode=True).encode())


@SETTINGS
@given(st.dictionaries(st.sampled_from(["id", "start", "end", "volunteers", "timetable", "description", "region", "type", "cost"]),
                       yaml_values, max_size=4))
def test_record_with_fields_replaced(tmp_path, replacements):
    record = yaml.safe_load(BASE)
    record.update(replacements)
    validate_bytes(tmp_path, yaml.safe_dump(record, allow_unicode=True).encode())


@SETTINGS
@given(st.integers(0, len(BASE) - 1), st.binary(min_size=1, max_size=8))
def test_record_with_bytes_spliced_in(tmp_path, at, junk):
    validate_bytes(tmp_path, BASE[:at] + junk + BASE[at:])
