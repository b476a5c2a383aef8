"""The plugin's tree shows its architecture: each package imports only what its
``__init__`` docstring allows (pure reader and site views never import Pelican)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

PLUGIN = Path(__file__).resolve().parents[2] / "plugins" / "meetup"
STDLIB = set(sys.stdlib_module_names) | {"__future__"}
# package -> (third-party top-level modules, plugin packages/modules it may import)
RULES = {
    "reading": ({"frontmatter", "yaml", "gender_guesser"}, {"reading", "settings", "kept"}),
    "site": ({"markdown", "markupsafe", "icalendar"}, {"site", "reading", "settings"}),
    "rendering": ({"markdown", "markupsafe", "babel"},
                  {"rendering", "site", "reading", "settings", "i18n"}),
    "images": ({"PIL"}, {"images", "settings"}),
    "i18n": ({"babel"}, {"i18n", "settings", "kept"}),
}
MODULES = [(package, path) for package in RULES for path in sorted((PLUGIN / package).glob("*.py"))]


def _plugin_targets(package: str, path: Path, node: ast.ImportFrom) -> set[str]:
    """First parts of the plugin modules a relative import names ("reading", "settings";
    ``from .. import kept``: "kept")."""
    parts = [package]
    base = parts[: len(parts) - (node.level - 1)]
    if node.module:
        return {(base + node.module.split("."))[0]}
    return {base[0]} if base else {alias.name for alias in node.names}


@pytest.mark.parametrize("package, path", MODULES, ids=[f"{p}/{m.name}" for p, m in MODULES])
def test_each_package_imports_only_what_it_may(package, path):
    libraries, plugin = RULES[package]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            assert _plugin_targets(package, path, node) <= plugin, f"{path.name} imports {node.module}"
        elif isinstance(node, ast.ImportFrom):
            assert node.module.split(".")[0] in STDLIB | libraries, f"{path.name} imports {node.module}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                assert alias.name.split(".")[0] in STDLIB | libraries, f"{path.name} imports {alias.name}"


def test_only_glue_and_organizer_import_pelican():
    for path in PLUGIN.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        if any(name.split(".")[0] == "pelican" for name in names if name):
            assert path.parent.name in ("glue", "organizer") or path == PLUGIN / "__init__.py", path


def test_every_package_says_what_it_may_import():
    for package in ("reading", "site", "rendering", "i18n", "images", "glue", "organizer"):
        doc = ast.get_docstring(ast.parse((PLUGIN / package / "__init__.py").read_text(encoding="utf-8")))
        assert doc and ("import" in doc), package


def test_start_up_imports_no_library_a_plain_report_does_not_need():
    """TOML and YAML front matter and the worker pool are rare: their modules are
    imported when first used, not in every build's start-up (each costs ~5-25 ms)."""
    import subprocess

    probe = """
import datetime as dt, sys
import pelican.plugins.meetup
from pelican.plugins.meetup.organizer import sitebuild
from pelican.plugins.meetup.reading.facts import read_facts
from pelican.plugins.meetup.reading.frontmatter import read_front_matter
text = "Title: Treffen\\n\\n### Vorträge\\n\\n- Taryn Example: Rust im Alltag\\n"
read_front_matter(text)
read_facts(text, date=dt.date(2025, 11, 25))
print(sorted(name for name in ("tomllib", "yaml", "frontmatter", "concurrent.futures")
             if name in sys.modules))
"""
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
