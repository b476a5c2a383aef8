"""`invoke publish` in a real git repository (a copy of the project) pushing to a bare one.

It refuses, with nothing pushed, when the site's address is missing or still the
placeholder of publishconf.py and when content is not committed (unless
--allow-dirty); it never touches output/, the local build `invoke serve` shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import ROOT, build_env, run_invoke
from hostile_helpers import GOOD_REPORT, new_site, snapshot, write

pytestmark = pytest.mark.slow

GIT_ENV = {"GIT_AUTHOR_NAME": "Orga", "GIT_AUTHOR_EMAIL": "orga@ml-stuttgart.de",
           "GIT_COMMITTER_NAME": "Orga", "GIT_COMMITTER_EMAIL": "orga@ml-stuttgart.de",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
SITEURL = "https://ml-stuttgart.github.io/meetup"
PROJECT_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py", ".gitignore")
PROJECT_FOLDERS = ("plugins", "theme")


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True).stdout


@pytest.fixture
def project(tmp_path) -> tuple[Path, Path]:
    """A copy of the project, committed, with a bare "origin" and a local build in output/."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, copy / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    # The site keeps a copy of the theme in its repository (as a group that changes it
    # would); the installed theme package is outside, where no commit can reach.
    with (copy / "pelicanconf.py").open("a", encoding="utf-8") as settings:
        settings.write('\nTHEME = "theme"\n')
    new_site(copy, settings=None)  # the good content in copy/content
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=copy)
    git("add", ".", cwd=copy)
    git("commit", "-q", "-m", "Inhalt", cwd=copy)
    git("remote", "add", "origin", str(remote), cwd=copy)
    built = run_invoke("build", cwd=copy)
    assert built.returncode == 0, built.stdout + built.stderr
    return copy, remote


def publish(copy: Path, *args: str, siteurl: str | None = SITEURL) -> subprocess.CompletedProcess:
    env = build_env(**GIT_ENV)
    env.pop("MEETUP_SITEURL")
    if siteurl is not None:
        env["MEETUP_SITEURL"] = siteurl
    return run_invoke("publish", *args, cwd=copy, env=env)


def remote_branches(remote: Path) -> str:
    return git("ls-remote", "--heads", str(remote), cwd=remote)


def assert_refused(result, copy: Path, remote: Path, local: dict, *messages: str) -> None:
    shown = result.stdout + result.stderr
    assert result.returncode == 1, shown
    for message in messages:
        assert message in result.stderr, f"{message!r} not shown:\n{shown}"
    assert result.stderr.splitlines()[-1] == "Nichts veröffentlicht."
    assert "Traceback" not in shown
    assert remote_branches(remote) == ""
    assert git("branch", "--list", "gh-pages", cwd=copy) == ""
    assert snapshot(copy / "output") == local


def test_publish_refuses_without_siteurl(project):
    copy, remote = project
    local = snapshot(copy / "output")
    result = publish(copy, siteurl="")
    assert_refused(result, copy, remote, local,
                   f"FEHLER: {copy}/publishconf.py: SITEURL fehlt; veröffentlicht wird nur mit der "
                   "Adresse der Site, z. B. MEETUP_SITEURL=https://NAME.github.io/REPO invoke publish")


@pytest.mark.parametrize("siteurl", [None, "https://example.github.io/meetup-site",
                                     "https://www.example.com/", "http://localhost:8000"])
def test_publish_refuses_a_placeholder_siteurl(project, siteurl):
    copy, remote = project
    local = snapshot(copy / "output")
    result = publish(copy, siteurl=siteurl)  # None: publishconf.py's own placeholder
    shown = siteurl or "https://example.github.io/meetup-site"
    assert_refused(result, copy, remote, local,
                   f"SITEURL ist „{shown.rstrip('/')}“, ein Platzhalter; alle Links zeigten dorthin.")


def test_publish_refuses_uncommitted_content(project):
    copy, remote = project
    local = snapshot(copy / "output")
    report = copy / "content" / "2025-10-21-bericht.md"
    report.write_text(report.read_text(encoding="utf-8").replace("Björn, Student", "Björn, Doktorand"),
                      encoding="utf-8")
    write(copy / "content", "2025-11-18-bericht.md",
          GOOD_REPORT.replace("Oktober", "November").replace("2025-10-21", "2025-11-18")
          .replace("18.11.2025", "20.01.2026"))
    result = publish(copy)
    assert_refused(result, copy, remote, local,
                   "FEHLER: nicht committete Änderungen im Content-Ordner: "
                   "content/2025-10-21-bericht.md, content/2025-11-18-bericht.md. Erst committen "
                   "(git add … && git commit) oder mit invoke publish --allow-dirty trotzdem "
                   "veröffentlichen")


def test_publish_refuses_uncommitted_theme_changes(project):
    copy, remote = project
    local = snapshot(copy / "output")
    stylesheet = next((copy / "theme").rglob("*.css"))
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nbody { color: red }\n",
                          encoding="utf-8")
    result = publish(copy)
    assert_refused(result, copy, remote, local,
                   "nicht committete Änderungen in Einstellungen, Theme oder Plugins: "
                   f"{stylesheet.relative_to(copy).as_posix()}.")


def test_publish_pushes_a_clean_checkout_and_leaves_output_alone(project):
    copy, remote = project
    local = snapshot(copy / "output")
    result = publish(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2:] == [
        f"Veröffentlicht: origin/gh-pages ({SITEURL})",
        "output/ ist unverändert: der lokale Build für invoke serve."]
    head = git("rev-parse", "--short", "HEAD", cwd=copy).strip()
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote).strip() == \
        f"Site aus {head} veröffentlicht"
    assert f"{SITEURL}/" in git("show", "gh-pages:index.html", cwd=remote)
    # output/ is still the local build (relative links), byte for byte.
    assert snapshot(copy / "output") == local
    assert SITEURL not in (copy / "output" / "index.html").read_text(encoding="utf-8")


def test_publish_with_allow_dirty_says_so_in_the_commit(project):
    copy, remote = project
    local = snapshot(copy / "output")
    report = copy / "content" / "2025-10-21-bericht.md"
    report.write_text(report.read_text(encoding="utf-8").replace("Björn, Student", "Björn, Doktorand"),
                      encoding="utf-8")
    result = publish(copy, "--allow-dirty")
    assert result.returncode == 0, result.stdout + result.stderr
    head = git("rev-parse", "--short", "HEAD", cwd=copy).strip()
    assert git("log", "-1", "--format=%s", "gh-pages", cwd=remote).strip() == \
        f"Site aus {head}-dirty veröffentlicht (mit nicht committeten Änderungen)"
    page = git("show", "gh-pages:bericht-vom-treffen-im-oktober-2025/index.html", cwd=remote)
    assert "Doktorand" in page
    assert snapshot(copy / "output") == local


def test_publish_to_another_remote(project, tmp_path):
    copy, origin = project
    pages = tmp_path / "pages.git"
    git("init", "-q", "--bare", str(pages), cwd=tmp_path)
    git("remote", "add", "pages", str(pages), cwd=copy)
    result = publish(copy, "--remote", "pages")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Veröffentlicht: pages/gh-pages ({SITEURL})" in result.stdout
    assert "refs/heads/gh-pages" in remote_branches(pages)
    assert remote_branches(origin) == ""


def test_publish_names_a_missing_remote(project):
    copy, remote = project
    local = snapshot(copy / "output")
    result = publish(copy, "--remote", "pages")
    assert_refused(result, copy, remote, local,
                   "FEHLER: Git-Remote „pages“ gibt es nicht (git remote add pages URL, "
                   "oder invoke publish --remote NAME)")
