"""data/organizations.yaml is data a pull request can break: it is checked, never trusted."""

from build_tools.validate import validate_all


def codes(report):
    return sorted((p.file.rsplit("/", 1)[-1], p.code, p.line) for p in report.problems)


def test_repository_organizations_pass(repo_copy):
    report, dataset = validate_all(repo_copy)
    assert report.problems == [] and len(dataset.organizations) == 1


def test_duplicate_id_and_missing_name(repo_copy):
    orgs = repo_copy / "data/organizations.yaml"
    text = orgs.read_text(encoding="utf-8")
    orgs.write_text(text + "  - id: yunxi-education-bureau\n    kind: 学校\n    region: \"430603\"\n", encoding="utf-8")
    found = codes(validate_all(repo_copy)[0])
    last = text.count("\n") + 1
    assert ("organizations.yaml", "consistency/duplicate-entry", last) in found
    assert ("organizations.yaml", "schema/required", last) in found


def test_broken_file_is_reported_not_raised(repo_copy):
    (repo_copy / "data/organizations.yaml").write_text("organizations: [\n", encoding="utf-8")
    found = codes(validate_all(repo_copy)[0])
    assert ("organizations.yaml", "yaml/syntax", 2) in found
    # every activity now names an unknown organiser: reported per file, no traceback
    assert sum(code == "schema/not-in-list" for _, code, _ in found) >= 12
