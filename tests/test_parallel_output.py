"""The plugin's output written by a second process: what goes wrong there goes wrong
as in a build in one process.

Each build runs in a fresh process, as ``invoke build`` does (a pytest worker has
threads of its own, and the build writes in one process there).  The byte-identical
site of both ways is tests/test_shared_markdown.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pelican.plugins.meetup.glue.parallel_output as second
from helpers import ROOT, build_env, write_settings
from rendered_text import visible_text

SCRIPT = """\
import sys
from pathlib import Path
import pelican.plugins.meetup.glue.parallel_output as second
second.ENABLED = sys.argv[3] == "on"
from pelican.plugins.meetup.organizer.sitebuild import BuildFailed, build
try:
    build(Path(sys.argv[1]), Path(sys.argv[2]), search_index=False)
except BuildFailed as failure:
    print("FAILED:", *failure.messages, sep="\\n")
print("taken in:", second.TAKEN_IN)
"""


def _build_both_ways(tmp_path: Path, settings: Path) -> dict[str, str]:
    runner = tmp_path / "build.py"
    runner.write_text(SCRIPT, encoding="utf-8")
    said = {}
    for way in ("on", "off"):
        output = tmp_path / way / "site"
        done = subprocess.run([sys.executable, str(runner), str(settings), str(output), way],
                              env=build_env(), capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
        said[way] = done.stdout
        assert not list(output.parent.rglob(".writing-*"))
    return said


def test_an_error_in_a_speaker_page_fails_the_build_with_the_same_message(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    speaker = theme / "templates" / "speaker.html"
    speaker.write_text(speaker.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ no_such_filter_here | missing_filter }}", 1),
        encoding="utf-8")
    settings = write_settings(tmp_path / "settings.py", THEME=str(theme),
                              CACHE_PATH=str(tmp_path / "cache"))
    said = _build_both_ways(tmp_path, settings)
    # The child stopped at the speaker pages: the build process wrote them itself,
    # and failed as a build in one process fails.
    assert "FAILED:" in said["on"] and "missing_filter" in said["on"]
    assert said["on"].split("taken in:")[0] == said["off"].split("taken in:")[0]
    assert not (tmp_path / "on" / "site").exists()


def test_a_page_that_claims_a_speaker_page_address_keeps_it_as_in_one_process(tmp_path):
    """A page with ``Save_as:`` takes a speaker page's address: Pelican's rule for a file
    written twice keeps the page's (override), also when the speaker page came from
    the second process."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "pages" / "clash.md").write_text(
        "Title: Clash\nSave_as: sprecher/anna/index.html\n\nDie Seite, die bleibt.\n",
        encoding="utf-8")
    settings = write_settings(tmp_path / "settings.py", PATH=str(content),
                              CACHE_PATH=str(tmp_path / "cache"))
    said = _build_both_ways(tmp_path, settings)
    assert "taken in: 3" in said["on"] and "FAILED" not in said["on"]
    sites = {way: {str(p.relative_to(tmp_path / way / "site")): p.read_bytes()
                   for p in sorted((tmp_path / way / "site").rglob("*")) if p.is_file()}
             for way in ("on", "off")}
    page = visible_text(sites["on"]["sprecher/anna/index.html"].decode("utf-8"))
    assert "Die Seite, die bleibt." in page
    assert sites["on"] == sites["off"]


def test_an_error_in_an_article_page_the_child_renders_fails_the_build_the_same_way(tmp_path):
    """The oldest report's page (in the child's half of the articles) cannot be
    rendered: the build process renders that half itself and fails as one process does."""
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    content = tmp_path / "content"
    corpus.write_corpus(content, 100, seed=3)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates" / "article.html"
    article.write_text(article.read_text(encoding="utf-8").replace(
        "{% block content %}",
        "{% block content %}{% if article is sameas (articles|last) %}"
        "{{ article.date.year // 0 }}{% endif %}", 1), encoding="utf-8")
    settings = write_settings(tmp_path / "settings.py", PATH=str(content), THEME=str(theme),
                              CACHE_PATH=str(tmp_path / "cache"))
    said = _build_both_ways(tmp_path, settings)
    assert "FAILED:" in said["on"] and "ZeroDivisionError" in said["on"]
    assert said["on"].split("taken in:")[0] == said["off"].split("taken in:")[0]
    assert not (tmp_path / "on" / "site").exists()


def test_a_file_a_job_wrote_past_write_direct_still_reaches_the_output(tmp_path):
    # A job's pages wait in its folder for the writer; anything else it wrote there (a
    # generator writing under its output path itself) goes where it would have gone.
    job, output = tmp_path / "job", tmp_path / "site"
    (job / "termine").mkdir(parents=True)
    (job / "p0").write_text("<html>page</html>", encoding="utf-8")
    (job / "termine" / "extra.ics").write_bytes(b"BEGIN:VCALENDAR\r\n")
    (job / "notes.txt").write_text("written directly", encoding="utf-8")
    second._move_others(str(job), str(output), {"p0"})
    assert (output / "termine" / "extra.ics").read_bytes() == b"BEGIN:VCALENDAR\r\n"
    assert (output / "notes.txt").read_text(encoding="utf-8") == "written directly"
    assert (job / "p0").exists() and not (output / "p0").exists()
