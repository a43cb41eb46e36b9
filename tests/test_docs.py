"""Docs that cannot drift: the field reference and the error catalogue are generated, and these
tests fail when a field, a list value or an error code has no documentation."""

import csv
import json

import pytest
import yaml

from build_tools import ROOT
from build_tools.check.contract import contract
from build_tools.check.schema_shape import Node
from build_tools.pages.catalogue import anchor, groups
from build_tools.pages.field_reference import list_docs, schema_docs
from build_tools.pages.render import environment
from build_tools.report.rules import RULES

SCHEMAS = sorted((ROOT / "data/schemas").glob("*.schema.yaml"))
LISTS = sorted((ROOT / "data/lists").glob("*.csv"))


@pytest.mark.parametrize("path", SCHEMAS, ids=[p.name for p in SCHEMAS])
def test_every_schema_field_has_title_description_and_example(path):
    fields = yaml.safe_load(path.read_text(encoding="utf-8"))["fields"]
    missing = [(f["name"], k) for f in fields for k in ("title", "description", "example") if str(f.get(k, "")).strip() == ""]
    assert missing == []


def test_every_enum_value_and_group_of_the_activity_schema_is_explained():
    schema = contract(ROOT)[1]
    for name, leaf in schema.leaves.items():
        for value in leaf.field.constraints.get("enum", []):
            assert leaf.meta.get("x-values", {}).get(value), (name, value)
    groups_ = schema.descriptor["x-groups"]

    def walk(node, prefix):
        for key, child in node.children.items():
            name = f"{prefix}.{key}" if prefix else key
            if isinstance(child, Node) and not (child.is_list and not isinstance(child.item, Node)):
                assert groups_.get(name, {}).get("title") and groups_[name].get("description"), name
                walk(child.item if child.is_list else child, name)

    walk(schema.root, "")


@pytest.mark.parametrize("path", LISTS, ids=[p.name for p in LISTS])
def test_every_list_value_has_a_description(path):
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    column = "description" if "description" in rows[0] else "name" if "name" in rows[0] else None
    undescribed = [r for r in rows if not (r[column].strip() if column else all(v.strip() for v in r.values()))]
    assert undescribed == []


def test_every_organization_has_a_name_and_kind():
    orgs = yaml.safe_load((ROOT / "data/organizations.yaml").read_text(encoding="utf-8"))["organizations"]
    assert orgs and all(o.get("name") and o.get("kind") for o in orgs)


@pytest.mark.parametrize("code", sorted(RULES))
def test_every_rule_has_an_explanation_and_an_example(code):
    rule = RULES[code]
    assert rule.doc.strip() and rule.example.strip()


def test_catalogue_has_an_anchored_entry_for_every_code():
    page = environment().get_template("errors.md.j2").render(groups=groups())
    entries = [e for g in groups() for e in g.entries]
    assert sorted(e.code for e in entries) == sorted(RULES)
    for e in entries:
        assert f'<a id="{anchor(e.code)}"></a>' in page
        assert "{" not in e.message.replace("{...}", "") and "}" not in e.hint.replace("{...}", "")
    assert anchor("schema/not-in-list") == "schema-not-in-list"


def test_field_reference_covers_every_field_and_list():
    data = ROOT / "data"
    page = environment().get_template("fields.md.j2").render(schemas=schema_docs(data), lists=list_docs(data))
    for path in SCHEMAS:
        stem = path.name.removesuffix(".schema.yaml")
        for f in yaml.safe_load(path.read_text(encoding="utf-8"))["fields"]:
            assert f"<code>{f['name']}</code>" in page, f["name"]
        assert f'<a id="schema-{stem}"></a>' in page
    for path in LISTS:
        assert f'<a id="list-{path.stem}"></a>' in page
    assert "yunxi&#45;education&#45;bureau" in page  # organisations are listed (as literal text)


def test_built_site_has_the_schools_pages_and_form_data(built_site):
    assert (built_site / "schools/index.html").is_file()
    for page in ("form", "statistics", "privacy", "check", "fields", "errors"):
        assert (built_site / "schools" / page / "index.html").is_file(), page
    errors = (built_site / "schools/errors/index.html").read_text(encoding="utf-8")
    assert 'id="consistency-possible-duplicate"' in errors
    form = json.loads((built_site / "assets/record-form.json").read_text(encoding="utf-8"))
    assert [f["name"] for f in form["fields"]] == list(contract(ROOT)[1].leaves)
    assert {o["value"] for o in form["lists"]["regions"]} == {r["code"] for r in csv.DictReader((ROOT / "data/lists/regions.csv").open(encoding="utf-8"))}
    assert (built_site / "schools/activity-template.yaml").read_text(encoding="utf-8").startswith("# 活动记录模板")


def test_code_blocks_are_blocks_even_inside_a_list(built_site):
    """Issue 19: without superfences the install block on /schools/check/ was one run-together
    line of inline code starting with "sh"."""
    import re

    for page in ("schools/check", "schools/index", "schools/statistics", "schools/privacy"):
        html = (built_site / page.replace("/index", "") / "index.html").read_text(encoding="utf-8")
        assert "<pre>" in html, page
        assert not re.search(r"<code>(sh|yaml|csv|text)\s", html), page
    check = (built_site / "schools/check/index.html").read_text(encoding="utf-8")
    install = check[check.index("安装检查程序需要的软件包") :]
    assert install.index("<pre>") < install.index("macOS 和 Linux 上也可以直接用")
