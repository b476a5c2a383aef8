"""The talk-proposal issue form passes GitHub's issue-form schema (check-jsonschema's
built-in ``vendor.github-issue-forms``), and the schema check catches a broken form."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, require_tool

TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
FORM = TEMPLATES / "vortrag.yml"


@pytest.fixture(scope="module")
def check_jsonschema() -> str:
    return require_tool(str(Path(sys.executable).parent / "check-jsonschema"), "check-jsonschema (PyPI)")


def validate(tool: str, schema: str, *files: Path) -> subprocess.CompletedProcess:
    return subprocess.run([tool, "--builtin-schema", schema, *map(str, files)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_the_talk_proposal_form_passes_githubs_schema(check_jsonschema):
    result = validate(check_jsonschema, "vendor.github-issue-forms", FORM)
    assert result.returncode == 0, result.stdout + result.stderr
    result = validate(check_jsonschema, "vendor.github-issue-config", TEMPLATES / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_form_asks_what_a_talk_proposal_needs():
    text = FORM.read_text(encoding="utf-8")
    for label in ("Titel des Vortrags", "Wer spricht?", "Worum geht es?", "Wunschmonat", "Folien"):
        assert f"label: {label}" in text


def test_the_schema_check_catches_a_broken_form(check_jsonschema, tmp_path):
    broken = tmp_path / "broken.yml"
    # An input without its label is no valid issue form.
    broken.write_text(FORM.read_text(encoding="utf-8").replace("      label: Titel des Vortrags\n", ""),
                      encoding="utf-8")
    result = validate(check_jsonschema, "vendor.github-issue-forms", broken)
    assert result.returncode != 0
    assert "label" in result.stdout + result.stderr
