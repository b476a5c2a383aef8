"""Faults around a build: no write access, disk full, a killed build, publishing.

Every fault must end with a message an organizer understands, no traceback,
and the previous output/ complete and unchanged.  Faults are real, not mocked:

- no write access: the build runs as an unprivileged user (root ignores
  permission bits, so as root the child drops to "nobody"; otherwise the
  parent folder is made read-only);
- disk full: the child runs with a small RLIMIT_FSIZE, so writing a page fails
  with EFBIG exactly as on a full disk (Python ignores SIGXFSZ);
- killed build: a test plugin stops the build after the articles are written
  (signal article_writer_finalized) and the test SIGKILLs it there;
- publish: a copy of the project in a temp git repository, pushing to a bare
  repository as "origin".
"""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, build_env, run_invoke, write_settings
from hostile_helpers import (GOOD_REPORT, Site, assert_built, assert_refused, new_site,
                             settings_file, snapshot)
from hostile_helpers import baseline, settings, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.slow

HANG_PLUGIN = '''\
"""Test plugin: stops the build after the articles are written, until killed."""
import os
import time

from pelican import signals


def _hang(*args, **kwargs):
    with open(os.environ["HANG_MARKER"], "w") as marker:
        marker.write(str(os.getpid()))
    while True:
        time.sleep(1)


def register():
    signals.article_writer_finalized.connect(_hang)
'''


def build_command(site: Site, settings: Path | None = None) -> list[str]:
    return [sys.executable, "-m", "invoke", "build", "--content", str(site.content),
            "--output", str(site.output), "--settings", str(settings or site.settings)]


def wait_for(condition, what: str, limit: float = 180.0) -> None:
    """Poll until ``condition()``; the limit only guards against a hung test run."""
    deadline = time.monotonic() + limit
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.1)


# --- No write access ---------------------------------------------------------------------------


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def without_root_override():
    """In the child: root loses the capability to ignore permission bits."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
            if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_output_folder_not_writable(site, baseline):
    """The folder holding output/ is read-only for the user who builds."""
    os.chmod(site.root, 0o555)
    try:
        result = subprocess.run(build_command(site), cwd=ROOT, env=build_env(), capture_output=True,
                                text=True, preexec_fn=without_root_override, timeout=300)
    finally:
        os.chmod(site.root, 0o755)
    assert_refused(result, site, baseline[1],
                   f"FEHLER: kann in {site.root} nicht schreiben (keine Schreibrechte)")


def test_output_path_below_a_file(site):
    (site.root / "datei").write_text("kein Ordner\n")
    result = subprocess.run(build_command(site)[:-4] + ["--output", str(site.root / "datei" / "output"),
                                                         "--settings", str(site.settings)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"Ausgabeordner {site.root}/datei/output nicht anlegbar " \
           f"({site.root}/datei ist eine Datei, kein Ordner)" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site.root / "datei").read_text() == "kein Ordner\n"


@pytest.mark.parametrize("where", ["content", "content-parent", "project"])
def test_output_that_would_replace_something_else(site, where):
    target = {"content": site.content, "content-parent": site.root, "project": ROOT}[where]
    before = snapshot(site.content)
    result = subprocess.run(build_command(site)[:-4] + ["--output", str(target),
                                                         "--settings", str(site.settings)],
                            cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert f"Ausgabeordner {target} " in result.stderr and "Build verweigert" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site.content) == before
    assert (ROOT / "tasks.py").is_file()


# --- Disk full ---------------------------------------------------------------------------------


def test_disk_full(site, baseline):
    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run(build_command(site), cwd=ROOT, env=build_env(), capture_output=True,
                            text=True, preexec_fn=small_disk, timeout=300)
    assert_refused(result, site, baseline[1], "FEHLER: Schreiben fehlgeschlagen: "
                   "Datei zu groß (Dateigrößen-Limit oder Datenträger voll)")


# --- Killed builds -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hang_settings(tmp_path_factory) -> Path:
    plugins = tmp_path_factory.mktemp("hang-plugin")
    (plugins / "hang_plugin.py").write_text(HANG_PLUGIN, encoding="utf-8")
    return settings_file(tmp_path_factory.mktemp("hang-conf"),
                         PLUGIN_PATHS=[str(plugins)],
                         PLUGINS=["pelican.plugins.meetup", "pelican.plugins.sitemap", "hang_plugin"])


def start_hanging_build(site: Site, hang_settings: Path, marker: Path) -> subprocess.Popen:
    process = subprocess.Popen(build_command(site, hang_settings), cwd=ROOT,
                               env=build_env(HANG_MARKER=str(marker)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(lambda: marker.exists() and marker.read_text(), "the build to reach the plugin hook")
    assert int(marker.read_text()) == process.pid
    return process


def test_killed_build_leaves_previous_output_and_is_cleaned_up(site, baseline, hang_settings,
                                                               tmp_path):
    process = start_hanging_build(site, hang_settings, tmp_path / "marker")
    [staging] = site.leftovers()
    written = snapshot(site.root / staging)
    # Mid-way: articles are written, the pages are not yet.
    assert "bericht-vom-treffen-im-oktober-2025/index.html" in written
    assert "ueber-uns/index.html" not in written

    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert snapshot(site.output) == baseline[1], "killed build changed output/"
    assert site.leftovers() == [staging]

    result = site.build()
    assert_built(result, site)
    assert site.leftovers() == []
    assert "ueber-uns/index.html" in snapshot(site.output)


def test_second_build_waits_for_the_first(site, baseline, hang_settings, tmp_path):
    """Two builds into the same folder take turns: none removes the other's staging."""
    first = start_hanging_build(site, hang_settings, tmp_path / "marker")
    log = tmp_path / "second.err"
    with log.open("w") as err:
        second = subprocess.Popen(build_command(site), cwd=ROOT, env=build_env(),
                                  stdout=subprocess.DEVNULL, stderr=err)
        wait_for(lambda: "Warte auf einen anderen Build" in log.read_text(), "the second build to wait")
        assert len(site.leftovers()) == 1, "second build touched the first one's staging"
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        assert second.wait(timeout=300) == 0, log.read_text()
    assert site.leftovers() == []
    assert "ueber-uns/index.html" in snapshot(site.output)


def test_builds_sharing_a_content_cache_take_turns(site, tmp_path):
    """Two builds into different folders with one CACHE_PATH: Pelican rewrites its
    cache files in place, so the second waits until the first is done."""
    cache = tmp_path / "cache"
    plugins = tmp_path / "hang-plugin"
    plugins.mkdir()
    (plugins / "hang_plugin.py").write_text(HANG_PLUGIN, encoding="utf-8")
    cached = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "CACHE_PATH": str(cache)}
    (tmp_path / "hang-conf").mkdir()
    hanging = write_settings(tmp_path / "hang-conf" / "settings.py", **cached,
                             PLUGIN_PATHS=[str(plugins)],
                             PLUGINS=["pelican.plugins.meetup", "pelican.plugins.sitemap",
                                      "hang_plugin"])
    first = start_hanging_build(site, hanging, tmp_path / "marker")
    (tmp_path / "conf").mkdir()
    other = Site(tmp_path / "other", write_settings(tmp_path / "conf" / "settings.py", **cached))
    other.add("2025-10-21-bericht.md", GOOD_REPORT)
    log = tmp_path / "second.err"
    try:
        with log.open("w") as err:
            second = subprocess.Popen(build_command(other), cwd=ROOT, env=build_env(),
                                      stdout=subprocess.DEVNULL, stderr=err)
            wait_for(lambda: f"Warte auf einen anderen Build in {cache} " in log.read_text(),
                     "the second build to wait for the cache")
            assert not other.output.exists()
    finally:
        os.kill(first.pid, signal.SIGKILL)  # a failed test leaves no hanging build behind
        first.wait()
    assert second.wait(timeout=300) == 0, log.read_text()
    assert "bericht-vom-treffen-im-oktober-2025/index.html" in snapshot(other.output)


def test_build_killed_between_the_two_renames(site, baseline):
    """Where the swap takes two renames, a kill between them leaves output/ missing
    and the old site aside; the next build, even a failing one, puts it back."""
    os.replace(site.output, site.root / ".output.old-abc123")
    (site.root / ".output.building-def456").mkdir()
    (site.root / ".output.building-def456" / "index.html").write_text("halb\n")
    site.add("bericht-kaputt.md", "Title: Kaputt\n\nkein Datum\n")
    assert_refused(site.build(), site, baseline[1], "„Date:“ fehlt")


def test_a_cache_file_a_killed_build_cut_off_is_named_removed_and_read_anew(tmp_path):
    """A build killed while Pelican wrote its cache leaves a gzip file without its end;
    Pelican would stop on it (EOFError) in every later build."""
    cache = tmp_path / "cache"
    (tmp_path / "conf").mkdir()
    cached = write_settings(tmp_path / "conf" / "settings.py", CACHE_CONTENT=True,
                            LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache))
    site = new_site(tmp_path / "site", cached)
    assert_built(site.build(), site)
    files = sorted(path for path in cache.rglob("*") if path.is_file() and path.parent == cache)
    assert files, "the first build wrote no cache"
    for path in files:  # cut off mid-write
        data = path.read_bytes()
        path.write_bytes(data[:len(data) // 2])
    result = site.build()
    assert_built(result, site)
    for path in files:
        assert (f"Hinweis: {path}: eine Cache-Datei, die ein abgebrochener Build unvollständig "
                "hinterlassen hat; entfernt, die Dateien darin werden neu gelesen") in result.stdout
    page = " ".join(site.read("bericht-vom-treffen-im-oktober-2025/index.html").split())
    assert "<h1>Bericht vom Treffen im Oktober 2025</h1>" in page  # typogrify's nbsp read as space


# --- Publish -----------------------------------------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "Orga", "GIT_AUTHOR_EMAIL": "orga@example.org",
           "GIT_COMMITTER_NAME": "Orga", "GIT_COMMITTER_EMAIL": "orga@example.org",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}
PROJECT_FILES = ("tasks.py", "pelicanconf.py", "publishconf.py")
PROJECT_FOLDERS = ("plugins", "theme")


def git(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True)


@pytest.fixture
def project(tmp_path, settings, baseline) -> tuple[Path, Path]:
    """A minimal copy of the project in a git repository with a bare "origin"."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in PROJECT_FILES:
        shutil.copy(ROOT / name, copy / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    new_site(copy, settings)  # the good content in copy/content
    remote = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    git("init", "-q", "-b", "main", cwd=copy)
    git("add", ".", cwd=copy)
    git("commit", "-q", "-m", "Inhalt", cwd=copy)
    git("remote", "add", "origin", str(remote), cwd=copy)
    return copy, remote


def publish(copy: Path) -> subprocess.CompletedProcess:
    return run_invoke("publish", cwd=copy,
                      env=build_env(MEETUP_SITEURL="https://ml-stuttgart.github.io/meetup", **GIT_ENV))


def remote_branches(remote: Path) -> str:
    return git("ls-remote", "--heads", str(remote), cwd=remote).stdout


def test_publish_refuses_when_the_check_fails(project):
    copy, remote = project
    (copy / "content" / "bericht-ohne-datum.md").write_text("Title: Ohne Datum\n\nText\n")
    result = publish(copy)
    assert result.returncode == 1
    assert f"content/bericht-ohne-datum.md:1: „Date:“ fehlt" in result.stderr
    assert "Nichts veröffentlicht." in result.stderr
    assert "Traceback" not in result.stderr
    assert remote_branches(remote) == ""
    assert git("branch", "--list", "gh-pages", cwd=copy).stdout == ""


def test_publish_refuses_without_remote(project):
    copy, remote = project
    git("remote", "remove", "origin", cwd=copy)
    result = publish(copy)
    assert result.returncode == 1
    assert "Git-Remote „origin“ gibt es nicht" in result.stderr
    assert not (copy / "output").exists(), "built although nothing can be published"


def test_publish_pushes_gh_pages(project):
    copy, remote = project
    result = publish(copy)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Veröffentlicht: origin/gh-pages (https://ml-stuttgart.github.io/meetup)" in result.stdout
    assert "refs/heads/gh-pages" in remote_branches(remote)
    files = git("ls-tree", "-r", "--name-only", "gh-pages", cwd=remote).stdout.split()
    for name in ("index.html", ".nojekyll", "feeds/all.atom.xml", "meetups.json",
                 "bericht-vom-treffen-im-oktober-2025/index.html", "ueber-uns/index.html"):
        assert name in files, f"{name} not published"
    index = git("show", "gh-pages:index.html", cwd=remote).stdout
    assert "https://ml-stuttgart.github.io/meetup/" in index
    # main is untouched: the site lives only on gh-pages.
    assert "index.html" not in git("ls-tree", "--name-only", "main", cwd=copy).stdout
