"""The GitHub workflows: zizmor finds nothing (run offline), pull requests are checked with a
read-only token, the issue text never enters a script."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from helpers import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).with_name("zizmor")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_zizmor_finds_nothing_even_as_an_auditor_without_our_config():
    for persona, config in (("regular", []), ("pedantic", []), ("auditor", ["--no-config"])):  # the image pinned by digest
        result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", f"--persona={persona}", *config, str(ROOT / ".github")],
                                capture_output=True, text=True, timeout=120, cwd=ROOT)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No findings to report" in result.stdout


def test_zizmor_would_catch_a_tag_pinned_action(tmp_path):
    folder = tmp_path / ".github/workflows"
    folder.mkdir(parents=True)
    (folder / "x.yml").write_text((ROOT / ".github/workflows/verifier.yml").read_text(encoding="utf-8").replace(
        "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1", "actions/checkout@v7"), encoding="utf-8")
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", str(tmp_path / ".github")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "unpinned-uses" in result.stdout


def test_every_action_is_pinned_by_commit_and_jobs_hold_their_own_rights():
    for path in WORKFLOWS:
        workflow = load(path)
        assert workflow["permissions"] == {}, path.name
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, (path.name, name)
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
                    if step["uses"].startswith("actions/checkout@"):
                        assert step["with"]["persist-credentials"] is False


def test_pull_requests_are_checked_read_only_and_the_site_is_attached():
    workflow = load(ROOT / ".github/workflows/verifier.yml")
    assert list(workflow["on"]) == ["pull_request"]
    job, other_engine = workflow["jobs"]["verifier"], workflow["jobs"]["mkdocs"]
    assert job["permissions"] == other_engine["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs[1:4] == ["make verifier FORMAT=github", ".ci/run", "make build"]
    assert job["steps"][-1]["with"]["path"] == "site"
    assert [step.get("run") for step in other_engine["steps"]][1:] == ["make test-mkdocs"]  # the suite on MkDocs 1.6.1
    assert not any("pull_request_target" in path.read_text(encoding="utf-8") for path in WORKFLOWS)


def test_no_expression_is_written_into_a_script():
    for path in WORKFLOWS:
        for job in load(path)["jobs"].values():
            for step in job["steps"]:
                assert "${{" not in step.get("run", ""), (path.name, step.get("name"))


def test_the_declaration_workflow_reads_without_rights_and_writes_without_running_the_repository():
    workflow = load(ROOT / ".github/workflows/declarer.yml")
    assert workflow["on"] == {"issues": {"types": ["labeled"]}}
    read, propose = workflow["jobs"]["lire"], workflow["jobs"]["proposer"]
    assert read["permissions"] == {"contents": "read"} and "action-a-publier" in read["if"]
    assert read["steps"][2]["env"] == {"ISSUE_BODY": "${{ github.event.issue.body }}"}
    assert not any("uses" in step for step in propose["steps"])  # no checkout: nothing of the repository runs here
    assert set(propose["permissions"]) == {"contents", "pull-requests", "issues"}


def test_every_script_is_valid_bash():
    for path in WORKFLOWS:
        for name, job in load(path)["jobs"].items():
            for step in job["steps"]:
                if "run" in step:
                    result = subprocess.run(["bash", "-n"], input=step["run"], capture_output=True, text=True)
                    assert result.returncode == 0, (path.name, name, result.stderr)
