"""The preview build behind ``invoke livereload``, in one long-running process as there.

An edit shows in the page at once, pages whose bytes did not change keep their
files, the search index is made after the pages (and kept in between), and
what the caches keep between builds gives way to an edited setting, template or
catalog.  Real builds into a temp folder; what is asserted is the built files.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from helpers import OCTOBER_REPORT as REPORT, ROOT, build_env, write_settings

OTHER = """\
Title: Bericht vom Treffen im September 2025
Date: 2025-09-16 18:30

Ein ruhiger Abend.
"""


@pytest.fixture
def site(tmp_path, monkeypatch):
    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    content = tmp_path / "content"
    content.mkdir()
    (content / "2025-10-21-bericht.md").write_text(REPORT, encoding="utf-8")
    (content / "2025-09-16-bericht.md").write_text(OTHER, encoding="utf-8")
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    settings = write_settings(tmp_path / "site_settings.py", PATH=str(content), THEME=str(theme),
                              CACHE_PATH=str(tmp_path / "cache"))
    return content, theme, settings, tmp_path / "output"


def _preview(settings: Path, content: Path, output: Path):
    from pelican.plugins.meetup.organizer.preview import Preview

    failures = []
    return Preview(settings, content, output, log=lambda message: None,
                   on_index_failure=failures.extend), failures


def _page(output: Path, slug: str) -> str:
    return (output / slug / "index.html").read_text(encoding="utf-8")


OCTOBER = "bericht-vom-treffen-im-oktober-2025"
SEPTEMBER = "bericht-vom-treffen-im-september-2025"


def test_an_edit_replaces_only_the_pages_that_changed(site):
    content, _, settings, output = site
    preview, failures = _preview(settings, content, output)
    preview.rebuild()
    assert preview.wait_for_index() == 0 and not failures
    assert (output / "pagefind" / "pagefind.js").is_file()
    untouched = (output / SEPTEMBER / "index.html").stat()
    robots = (output / "robots.txt").stat()

    report = content / "2025-10-21-bericht.md"
    report.write_text(REPORT.replace("Embeddings", "Vektorsuche"), encoding="utf-8")
    preview.rebuild()
    # The edit is in the page before the search index is made again, and the
    # previous index is still there meanwhile.
    assert "Vektorsuche" in _page(output, OCTOBER)
    assert (output / "pagefind" / "pagefind.js").is_file()
    assert preview.wait_for_index() == 0 and not failures
    # A page whose bytes are the same keeps its file.
    assert (output / SEPTEMBER / "index.html").stat().st_ino == untouched.st_ino
    assert (output / SEPTEMBER / "index.html").stat().st_mtime_ns == untouched.st_mtime_ns
    assert (output / "robots.txt").stat().st_ino == robots.st_ino

    # A file taken out: its page goes, the search index stays.
    (content / "2025-09-16-bericht.md").unlink()
    preview.rebuild()
    assert not (output / SEPTEMBER).exists()
    assert preview.wait_for_index() == 0
    assert (output / "pagefind" / "pagefind.js").is_file()
    assert "Vektorsuche" in _page(output, OCTOBER)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def test_an_edited_page_is_there_at_once_and_the_whole_site_after(site, tmp_path):
    """The fast path: the edited report's page when rebuild() returns; after the
    background build exactly what a whole build of the same content gives."""
    from pelican.plugins.meetup.organizer import sitebuild

    from pelican.plugins.meetup.organizer.preview import Preview

    content, _, settings, output = site
    failures, completed = [], []
    preview = Preview(settings, content, output, log=lambda message: None,
                      on_index_failure=failures.extend, on_complete=lambda: completed.append(1))
    preview.rebuild()
    assert preview.wait_for_index() == 0 and not failures
    assert not completed  # the whole build was the first one: no second reload
    untouched = (output / SEPTEMBER / "index.html").stat()

    for number, word in enumerate(("Vektorsuche", "Vektordatenbanken"), 1):
        (content / "2025-10-21-bericht.md").write_text(REPORT.replace("Embeddings", word)
                                                       + f"- Gast {number}, Student, Uni\n",
                                                       encoding="utf-8")
        preview.rebuild()
        page = _page(output, OCTOBER)
        assert word in page and "3 Teilnehmende" in page
        assert preview.wait_for_index() == 0 and not failures
        assert len(completed) == number  # the browser is told to reload again
        # The whole build in the background renders the same page.
        assert _page(output, OCTOBER) == page
    # Pages whose inputs did not change keep their files.
    assert (output / SEPTEMBER / "index.html").stat().st_mtime_ns == untouched.st_mtime_ns
    assert "Vektordatenbanken" in (output / "index.html").read_text(encoding="utf-8")

    fresh = tmp_path / "fresh"
    sitebuild.build(settings, fresh, content=content, log=lambda message: None,
                    overrides={"CACHE_PATH": str(tmp_path / "fresh-cache")})
    built, expected = _files(output), _files(fresh)
    # Pagefind's files are named by their content; the ones of earlier indexes stay
    # beside the new ones (the index names only the new ones).
    search = f"pagefind{os.sep}"
    assert {k: v for k, v in built.items() if not k.startswith(search)} == {
        k: v for k, v in expected.items() if not k.startswith(search)}
    assert {k: built.get(k) for k in expected if k.startswith(search)} == {
        k: v for k, v in expected.items() if k.startswith(search)}


def test_a_new_file_or_a_setting_takes_the_whole_build(site, tmp_path):
    content, theme, settings, output = site
    preview, failures = _preview(settings, content, output)
    preview.rebuild()
    preview.wait_for_index()

    (content / "2025-11-18-bericht.md").write_text(
        REPORT.replace("Oktober", "November").replace("2025-10-21", "2025-11-18"),
        encoding="utf-8")
    preview.rebuild()
    # Made by the build that rebuild() waited for, not by the one in the background.
    november = "bericht-vom-treffen-im-november-2025"
    assert "Bericht vom Treffen im November" in _page(output, november)
    assert "bericht-vom-treffen-im-november-2025/" in _page(output, OCTOBER)  # its neighbour

    write_settings(settings, PATH=str(content), THEME=str(theme),
                   CACHE_PATH=str(tmp_path / "cache"), SITENAME="Vorschau-Gruppe")
    preview.rebuild()
    assert "Vorschau-Gruppe" in _page(output, SEPTEMBER)

    # An edit that moves the meeting: its neighbours' pages change too, so the fast
    # path leaves it to the whole build.
    (content / "2025-11-18-bericht.md").write_text(
        REPORT.replace("Oktober", "November").replace("2025-10-21", "2025-11-25"),
        encoding="utf-8")
    preview.rebuild()
    assert "25. November 2025" in _page(output, november)
    assert "25. November 2025" in (output / "index.html").read_text(encoding="utf-8")
    assert preview.wait_for_index() == 0 and not failures


def test_a_failed_preview_build_leaves_the_output_as_it_was(site):
    """An edit the content check rejects: its file:line message, the output as it was;
    the fix is shown again."""
    from pelican.plugins.meetup.organizer.sitebuild import BuildFailed

    from pelican.plugins.meetup.organizer.preview import Preview

    content, _, settings, output = site
    completed = []
    preview = Preview(settings, content, output, log=lambda message: None,
                      on_complete=lambda: completed.append(1))
    preview.rebuild()
    preview.wait_for_index()
    before = _files(output)
    report = content / "2025-10-21-bericht.md"
    report.write_text(
        REPORT.replace("Wir haben", "[kaputt]({filename}/gibt-es-nicht.md) Wir haben"),
        encoding="utf-8")
    with pytest.raises(BuildFailed) as failure:
        preview.rebuild()
    assert any("2025-10-21-bericht.md:4:" in message and "gibt-es-nicht.md" in message
               for message in failure.value.messages), failure.value.messages
    assert _files(output) == before

    report.write_text(REPORT.replace("Embeddings", "Vektorsuche"), encoding="utf-8")
    preview.rebuild()
    assert "Vektorsuche" in _page(output, OCTOBER)
    # Shown by the fast path (the kept build is the one before the rejected edit).
    assert preview.wait_for_index() == 0 and completed == [1]


def test_setting_template_and_catalog_edits_reach_the_next_preview_build(site, tmp_path):
    """What a long livereload session keeps (parsed facts, compiled templates, the
    next-meetup box, catalogs) never hides an edit of what it was made from."""
    content, theme, settings, output = site
    catalogs = tmp_path / "translations"
    preview, _ = _preview(settings, content, output)
    preview.rebuild()
    page = _page(output, OCTOBER)
    assert "Anna Beispiel" in page and "Nächstes Treffen" in page

    # A setting: participant names by first name only.
    write_settings(settings, PATH=str(content), THEME=str(theme),
                   CACHE_PATH=str(tmp_path / "cache"), MEETUP_PARTICIPANT_NAMES="first")
    preview.rebuild()
    page = _page(output, OCTOBER)
    assert "Anna" in page and "Anna Beispiel" not in page

    # A template: the footer of every page.
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "</footer>", "<p>Vorschau-Fußzeile</p></footer>", 1), encoding="utf-8")
    preview.rebuild()
    assert "Vorschau-Fußzeile" in _page(output, OCTOBER)
    assert "Vorschau-Fußzeile" in _page(output, SEPTEMBER)

    # A catalog of the site's own, with another wording of the next-meetup box's heading.
    (catalogs / "de" / "LC_MESSAGES").mkdir(parents=True)
    (catalogs / "de" / "LC_MESSAGES" / "meetup.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
        'msgid "Next meeting"\nmsgstr "Demnächst"\n', encoding="utf-8")
    write_settings(settings, PATH=str(content), THEME=str(theme),
                   CACHE_PATH=str(tmp_path / "cache"), MEETUP_PARTICIPANT_NAMES="first",
                   MEETUP_TRANSLATION_PATHS=[str(catalogs)])
    preview.rebuild()
    assert "Demnächst" in _page(output, OCTOBER)
    # The same catalog edited again, in the same process.
    po = catalogs / "de" / "LC_MESSAGES" / "meetup.po"
    po.write_text(po.read_text(encoding="utf-8").replace("Demnächst", "Bald wieder"),
                  encoding="utf-8")
    preview.rebuild()
    page = _page(output, OCTOBER)
    assert "Bald wieder" in page and "Demnächst" not in page
    preview.stop_indexing()


def test_the_facts_cache_is_keyed_by_the_reading_code(tmp_path):
    """Parsed facts kept between builds are thrown away when the reader's code changes:
    the key is a digest of every module of meetup/reading (and settings.py)."""
    plugin = tmp_path / "plugins"
    shutil.copytree(ROOT / "plugins" / "meetup", plugin / "meetup",
                    ignore=shutil.ignore_patterns("__pycache__"))
    probe = ("import sys; sys.path.insert(0, sys.argv[1]); "
             "from meetup.glue.articles import _parser_fingerprint; print(_parser_fingerprint())")
    import subprocess

    def fingerprint() -> str:
        return subprocess.run([sys.executable, "-c", probe, str(plugin)], capture_output=True,
                              text=True, check=True).stdout.strip()

    first = fingerprint()
    assert fingerprint() == first
    talks = plugin / "meetup" / "reading" / "talks.py"
    talks.write_text(talks.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert fingerprint() != first


def test_compiled_templates_kept_on_disk_give_way_to_an_edited_template(site, tmp_path):
    """Each build compiles the theme once and keeps it, in Jinja's private folder in the
    system's temporary folder, for the next build (a new process); a template edited
    in between is compiled anew."""
    from helpers import build_env, build_site

    content, theme, settings, output = site
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = build_env(TMPDIR=str(temporary))
    assert build_site(content, output, settings=settings, env=env).returncode == 0
    kept = sorted(temporary.glob("_jinja2-cache-*/__meetup_*.cache"))
    assert len(kept) >= 10  # base.html, article.html, the partials …
    assert not list(content.parent.glob("cache/templates*"))  # nothing in the site's folder
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace(
        "</footer>", "<p>Neue Fußzeile</p></footer>", 1), encoding="utf-8")
    result = build_site(content, output, settings=settings, env=env)
    assert result.returncode == 0, result.stderr
    assert "Neue Fußzeile" in _page(output, OCTOBER)
    assert "Neue Fußzeile" in _page(output, SEPTEMBER)
