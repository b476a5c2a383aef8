"""Upgrading a site: a renamed setting stops the build with both names and the settings
file (never a traceback, never an "unknown setting"), through invoke's build and through
plain ``pelican``; a partial of the site's own replaces the theme's (docs/upgrading.md).

No setting has been renamed yet (``settings.RENAMED`` is empty), so the tests put one
rename into the table, as a release would: ``MEETUP_PLACE`` -> ``MEETUP_LOCATION``.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, build_env, build_site
from hostile_helpers import GOOD_REPORT, settings_file, write
from pelican.plugins.meetup import settings as meetup_settings
from pelican.plugins.meetup.organizer import sitebuild

RENAME = {"MEETUP_PLACE": ("0.2.0", "MEETUP_LOCATION", "")}


@pytest.fixture
def old_site(tmp_path) -> tuple[Path, Path]:
    """A site whose settings file still says MEETUP_PLACE."""
    content = tmp_path / "content"
    write(content, "2025-10-21-bericht.md", GOOD_REPORT)
    return content, settings_file(tmp_path / "conf", PATH=str(content), MEETUP_PLACE="Stuttgart")


def test_the_build_names_old_and_new_setting_and_the_file(old_site, tmp_path, monkeypatch):
    content, settings = old_site
    monkeypatch.setattr(meetup_settings, "RENAMED", RENAME)
    output = tmp_path / "output"
    with pytest.raises(sitebuild.BuildFailed) as failure:
        sitebuild.build(settings, output, content=content, log=lambda *_: None)
    assert failure.value.messages == [
        f"{settings}: MEETUP_PLACE was renamed to MEETUP_LOCATION in version 0.2.0: rename it "
        "in the settings file"]
    assert not output.exists()


def test_plain_pelican_stops_with_the_message_and_no_traceback(old_site, tmp_path):
    content, settings = old_site
    # The table as a release would have it, then Pelican's own command line.
    script = ("import sys; from pelican.plugins.meetup import settings; "
              f"settings.RENAMED.update({RENAME!r}); "
              "from pelican import main; main(sys.argv[1:])")
    result = subprocess.run(
        [sys.executable, "-c", script, str(content), "-s", str(settings), "-o",
         str(tmp_path / "out"), "--fatal", "errors", "--log-handler", "plain"],
        cwd=ROOT, env=build_env(), capture_output=True, text=True,
        timeout=300)
    said = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 1, said
    assert "MEETUP_PLACE was renamed to MEETUP_LOCATION in version 0.2.0" in said
    assert "Traceback" not in said and "unknown setting" not in said
    assert not (tmp_path / "out" / "index.html").exists()


def test_without_the_rename_the_old_name_is_an_unknown_setting(old_site, tmp_path):
    """What the table is for: the same file today fails as a typo would."""
    content, settings = old_site
    result = build_site(content, tmp_path / "output", settings=settings)
    assert result.returncode == 1
    # Named with the settings file, as every settings problem is.
    assert f"{settings}: unknown setting(s) MEETUP_PLACE" in result.stderr


def test_a_partial_of_the_sites_own_replaces_the_themes(tmp_path):
    """docs/upgrading.md: copy a partial into THEME_TEMPLATES_OVERRIDES and change it."""
    overrides = tmp_path / "templates"
    (overrides / "meetup").mkdir(parents=True)
    widget = ROOT / "plugins" / "meetup" / "templates" / "meetup" / "next_meetup.html"
    (overrides / "meetup" / "next_meetup.html").write_text(
        "<p class=\"own\">Our own box</p>\n" + widget.read_text(encoding="utf-8"),
        encoding="utf-8")
    (overrides / "partials").mkdir()
    partial = ROOT / "theme" / "templates" / "partials" / "nav.html"
    (overrides / "partials" / "nav.html").write_text(
        partial.read_text(encoding="utf-8") + "<p class=\"own-nav\">Our own line</p>\n",
        encoding="utf-8")
    content = tmp_path / "content"
    write(content, "2025-10-21-bericht.md", GOOD_REPORT)
    settings = settings_file(tmp_path / "conf", PATH=str(content),
                             THEME_TEMPLATES_OVERRIDES=[str(overrides)])
    result = build_site(content, tmp_path / "output", settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    home = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert '<p class="own">Our own box</p>' in home  # the plugin's widget, replaced
    assert 'id="next-meetup"' in home  # the rest of the original still renders
    assert '<p class="own-nav">Our own line</p>' in home  # the theme's partial, replaced


def test_the_version_is_pyprojects_and_the_changelog_names_it():
    """One place for the version: pyproject.toml; the code reads the installed one."""
    import tomllib
    from importlib import metadata

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    version = declared["project"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), version  # semantic: MAJOR.MINOR.PATCH
    assert metadata.version("pelican-meetup") == version == meetup_settings.version()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog or f"## [{version}]" in changelog
    assert version in changelog
