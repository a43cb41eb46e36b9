"""`new activity`: a template with a Chinese comment on every field, which validates once filled."""

import subprocess
import sys

from build_tools import ROOT
from build_tools.check.canonical import dump
from build_tools.check.contract import contract
from build_tools.check.schema import PLACEHOLDER, Leaf
from build_tools.exports.template_record import template
from build_tools.load.strict_yaml import parse
from build_tools.load.yaml_comments import extract
from tests.conftest import problems_of

SCHEMA = contract(ROOT)[1]
RECORD_ID = "2026-12-05-xiangyang-safety-lecture"


def fill(value, spec):
    """Replace every placeholder by the schema's example for that field, as a school would."""
    if isinstance(value, dict):
        return {k: fill(v, spec.children[k]) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, spec.item) for v in value]
    assert isinstance(spec, Leaf)
    return str(spec.meta["example"]) if value == PLACEHOLDER else value


def test_every_field_has_a_chinese_comment():
    text = template(SCHEMA)
    doc, _ = parse(text)
    lines = text.splitlines()
    keyed = [p for p in doc.positions if p and isinstance(p[-1], str)]
    uncommented = [p for p in keyed if not lines[doc.positions[p][0] - 2].lstrip().startswith("# ")]
    assert len(keyed) > 40 and uncommented == []
    for name, leaf in SCHEMA.leaves.items():
        assert f"# {leaf.meta['title']}（" in text, name
        assert f"例：{leaf.meta['example']}" in text, name


def test_template_is_canonical():
    text = template(SCHEMA, RECORD_ID)
    doc, _ = parse(text)
    assert dump(doc.value, SCHEMA.root, extract(text, doc)) == text


def test_unfilled_template_says_what_is_left_to_fill(write_record):
    problems = problems_of(write_record(template(SCHEMA, RECORD_ID), name=f"{RECORD_ID}.yaml"))
    assert {code for code, _ in problems} == {"schema/placeholder"}
    assert len(problems) == sum(1 for line in template(SCHEMA).splitlines() if f"\"{PLACEHOLDER}\"" in line) - 1  # id is filled


def test_filled_template_validates(write_record):
    text = template(SCHEMA, RECORD_ID)
    doc, _ = parse(text)
    filled = dump(fill(doc.value, SCHEMA.root), SCHEMA.root, extract(text, doc))
    assert f"\"{PLACEHOLDER}\"" not in filled
    assert problems_of(write_record(filled, name=f"{RECORD_ID}.yaml")) == []


def test_new_command_writes_the_template_where_it_belongs(tmp_path):
    out = tmp_path / "data/activities/2026" / f"{RECORD_ID}.yaml"
    run = [sys.executable, "-m", "build_tools", "new", "activity", "--id", RECORD_ID, "--out", str(out)]
    first = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    assert first.returncode == 0 and out.read_text(encoding="utf-8") == template(SCHEMA, RECORD_ID)
    again = subprocess.run(run, cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 1 and "已经存在，没有覆盖" in again.stderr


def test_new_command_refuses_a_bad_id():
    proc = subprocess.run([sys.executable, "-m", "build_tools", "new", "activity", "--id", "安全讲座"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "格式不对" in proc.stderr
