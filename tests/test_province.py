"""Beyond one portal (issue 18): activities.json has one versioned JSON Schema, and a provincial
index page is built from two city sites' files."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema

from build_tools import ROOT
from build_tools.exports import api
from build_tools.pages.province import schema


def test_the_published_file_matches_its_schema(built_site, paged_site):
    jsonschema.Draft202012Validator.check_schema(schema())
    for site in (built_site, paged_site[1]):
        data = json.loads((site / "activities/activities.json").read_text(encoding="utf-8"))
        assert data["version"] == api.VERSION
        jsonschema.Draft202012Validator(schema()).validate(data)
        published = json.loads((site / "activities/activities.schema.json").read_text(encoding="utf-8"))
        assert published == schema()


def _province(*cities, out):
    return subprocess.run([sys.executable, "-m", "build_tools", "province", "--out", str(out), "--today", "2026-11-22",
                           *cities], cwd=ROOT, capture_output=True, text=True)


def test_a_provincial_index_from_two_city_sites(built_site, paged_site, tmp_path):
    one, two = built_site / "activities/activities.json", paged_site[1] / "activities/activities.json"
    out = tmp_path / "province/index.md"
    done = _province(f"柳州市={one}", f"岳阳市={two}", out=out)
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "柳州市" in text and "岳阳市" in text
    first = json.loads(one.read_text(encoding="utf-8"))["activities"]
    coming = [a for a in first if a["end"][:10] >= "2026-11-22"]
    assert coming and all(f'href="{a["url"]}"' in text for a in coming[:3])
    assert text.count("<tr><td>") == 2


def test_a_city_file_that_breaks_the_schema_is_a_chinese_problem(built_site, tmp_path):
    data = json.loads((built_site / "activities/activities.json").read_text(encoding="utf-8"))
    data["activities"][0]["url"] = "javascript:alert(1)"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data | {"version": 1}), encoding="utf-8")
    out = tmp_path / "index.md"
    for source, says in ((bad, "activities/0/url"), (old, "接口版本是 1"), (tmp_path / "missing.json", "无法读取")):
        done = _province(f"桂林市={source}", out=out)
        assert done.returncode == 1 and says in done.stderr and "全省索引页没有生成" in done.stderr
        assert "Traceback" not in done.stderr and not out.exists()
