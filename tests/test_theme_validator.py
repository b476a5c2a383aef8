"""The Nu HTML validator (vnu.jar from npm) over every built page and the stylesheet."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, require_tool

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
STYLESHEET = ROOT / "theme" / "static" / "css" / "style.css"

pytestmark = pytest.mark.slow


def run_vnu(*targets: Path, options: tuple[str, ...] = ("--skip-non-html",)) -> list[dict]:
    java = require_tool("java", "Java runtime for the Nu validator")
    require_tool(str(VNU), "Nu validator (npm ci --ignore-scripts)")
    result = subprocess.run(
        [java, "-jar", str(VNU), *options, "--format", "json", *map(str, targets)],
        capture_output=True, text=True, timeout=300,
    )
    # vnu reports on stderr; exit 1 only means "there were errors".
    return json.loads(result.stderr)["messages"]


def describe(messages: list[dict]) -> str:
    return "\n".join(
        f"{m.get('url', '?')}:{m.get('lastLine', '?')}: {m['type']}: {m['message']}"
        for m in messages
    )


def test_every_page_of_both_builds_is_valid_html(demo_site, demo_site_production):
    pages = list(demo_site.rglob("*.html")) + list(demo_site_production.rglob("*.html"))
    assert len(pages) > 40  # both builds, every article, page and index
    messages = run_vnu(demo_site, demo_site_production)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors)


def test_every_page_of_the_english_builds_is_valid_html(english_site, english_site_production):
    pages = list(english_site.rglob("*.html")) + list(english_site_production.rglob("*.html"))
    assert len(pages) > 20
    messages = run_vnu(english_site, english_site_production)
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors)


def test_the_validator_does_catch_errors(tmp_path):
    """Guard against a validator run that silently checks nothing."""
    broken = tmp_path / "broken.html"
    broken.write_text(
        '<!doctype html><html lang="de"><head><title>x</title></head>'
        "<body><h1>a</h1><h3>skipped level</h3><p id=a></p><p id=a></p></body></html>",
        encoding="utf-8",
    )
    errors = [m for m in run_vnu(tmp_path) if m["type"] == "error"]
    assert any("Duplicate ID" in m["message"] for m in errors), describe(errors)
    assert any("skipping" in m["message"] for m in errors), describe(errors)


def test_the_stylesheet_is_valid_css():
    messages = run_vnu(STYLESHEET, options=("--also-check-css",))
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert not errors, describe(errors)
