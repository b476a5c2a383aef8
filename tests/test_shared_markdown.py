"""The shared Markdown converter gives exactly what Pelican's own reader gives.

One converter for a whole build is only safe if nothing of one file leaks into
the next (footnotes, abbreviations, header ids, metadata, the Summary).  So
every demo file and a generated corpus are read in one sequence by one shared
reader and compared with a fresh Pelican reader per file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from helpers import CONTENT, ROOT

sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402


@pytest.fixture(scope="module")
def settings():
    from pelican.settings import read_settings

    return read_settings(str(ROOT / "pelicanconf.py"))


def _sources(tmp_path: Path) -> list[Path]:
    demo = sorted(CONTENT.rglob("*.md"))
    generated = corpus.write_corpus(tmp_path / "corpus", 60, seed=5)
    tricky = tmp_path / "tricky.md"
    tricky.write_text(
        "Title: Fußnoten und Abkürzungen\nDate: 2024-05-01 18:30\n\n"
        "## Teilnehmer\n\nText mit Fußnote[^1] und ML.\n\n"
        "*[ML]: Machine Learning\n\n[^1]: die Fußnote\n\n## Teilnehmer\n\nzweimal\n",
        encoding="utf-8")
    # The tricky file first: its footnote, abbreviation and header ids must not
    # show up in the files read after it.
    return [tricky, *demo, *sorted(generated)]


def test_one_shared_reader_reads_every_file_like_a_fresh_pelican_reader(settings, tmp_path):
    from pelican.readers import MarkdownReader

    from pelican.plugins.meetup.glue.shared_markdown import SharedMarkdownReader

    shared = SharedMarkdownReader(settings)
    sources = _sources(tmp_path)
    assert len(sources) > 60
    for source in sources:
        expected = MarkdownReader(settings).read(str(source))
        assert shared.read(str(source)) == expected, source


def test_the_plugin_swaps_in_the_shared_reader_for_markdown_only():
    from types import SimpleNamespace

    from pelican.readers import HTMLReader, MarkdownReader

    from pelican.plugins.meetup.glue.shared_markdown import SharedMarkdownReader, use_shared_markdown

    class SiteOwnReader(MarkdownReader):  # a site's READERS setting wins
        pass

    readers = SimpleNamespace(reader_classes={
        "md": MarkdownReader, "markdown": MarkdownReader, "html": HTMLReader,
        "mkd": SiteOwnReader})
    use_shared_markdown(readers)
    assert readers.reader_classes == {
        "md": SharedMarkdownReader, "markdown": SharedMarkdownReader, "html": HTMLReader,
        "mkd": SiteOwnReader}


def test_files_converted_ahead_by_workers_read_exactly_like_pelican(settings, tmp_path):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from pelican.readers import MarkdownReader

    from pelican.plugins.meetup.glue.shared_markdown import SharedMarkdownReader

    sources = [str(path) for path in _sources(tmp_path)]
    broken = tmp_path / "kaputt.md"
    broken.write_bytes(b"Title: kaputt\nDate: 2024-01-01\n\n\xff\xfe kein UTF-8\n")
    reader = SharedMarkdownReader(settings)
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        reader.convert_ahead([*sources, str(broken)], pool)
        for source in sources:
            assert reader.read(source) == MarkdownReader(settings).read(source), source
        # A file the worker could not read fails in the build process, with
        # Pelican's own error, not silently.
        with pytest.raises(UnicodeDecodeError):
            reader.read(str(broken))
    assert not reader._ahead  # every result was taken


@pytest.mark.slow
def test_build_with_workers_is_byte_identical_to_one_without(tmp_path):
    """Enough files for the worker pool; the same site as converting in-process.
    The worker build also writes the plugin's output in its second process
    (glue/parallel_output.py), the other writes everything in order.

    The worker build runs from a script that builds at top level, without an
    ``if __name__ == "__main__"`` guard: workers must not run it again (they
    would wait forever for the parent's build lock).
    """
    import subprocess

    from helpers import build_env

    from pelican.plugins.meetup.glue import shared_markdown

    content = tmp_path / "content"
    corpus.write_corpus(content, 240, seed=2)
    script = (
        "import sys\n"
        "import pelican.plugins.meetup.glue.shared_markdown as shared\n"
        "shared.MIN_FILES_FOR_WORKERS = int(sys.argv[3])\n"
        "shared.MIN_FILES_FOR_FORKED_WORKERS = int(sys.argv[3])\n"
        "import pelican.plugins.meetup.glue.parallel_output as second\n"
        "second.ENABLED = sys.argv[3] == '200'\n"
        "from pathlib import Path\n"
        "from pelican.plugins.meetup.organizer.sitebuild import build\n"
        f"build(Path({str(ROOT / 'publishconf.py')!r}), Path(sys.argv[2]), content=Path(sys.argv[1]),\n"
        "      overrides={'CACHE_PATH': sys.argv[2] + '-cache'}, search_index=False)\n"
        "print('taken in from the second process:', second.TAKEN_IN)\n"
        "print('converted before the check:', shared.TAKEN_EARLY)\n"
        "import pelican.plugins.meetup.glue.articles as articles\n"
        "print('parsed while reading:', articles.PARSED_AHEAD)\n"
    )
    runner = tmp_path / "build_at_top_level.py"
    runner.write_text(script, encoding="utf-8")
    outputs, taken_in, early, parsed = {}, {}, {}, {}
    for name, threshold in (("workers", 200), ("in-process", 10 ** 9)):
        output = tmp_path / name / "site"
        done = subprocess.run(
            [sys.executable, str(runner), str(content), str(output), str(threshold)],
            env=build_env(), capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "Warte auf einen anderen Build" not in done.stdout + done.stderr
        taken_in[name] = done.stdout.split("taken in from the second process: ")[1].split()[0]
        early[name] = int(done.stdout.split("converted before the check: ")[1].split()[0])
        parsed[name] = int(done.stdout.split("parsed while reading: ")[1].split()[0])
        outputs[name] = {str(p.relative_to(output)): p.read_bytes()
                         for p in sorted(output.rglob("*")) if p.is_file()}
        assert not [p for p in output.rglob(".writing-*")]
    # Half the article pages, calendars and JSON, speaker pages, topic pages: all four
    # from the second process.
    assert (taken_in["workers"], taken_in["in-process"]) == ("4", "0")
    # Every Markdown file was handed to the workers before the content check.
    assert (early["workers"], early["in-process"]) == (len(list(content.rglob("*.md"))), 0)
    # The articles' facts were parsed in the workers while Pelican was still reading,
    # CHUNK articles a task (the last, partial one after reading).
    assert parsed["in-process"] == 0
    assert 240 - parsed["workers"] < shared_markdown.CHUNK
    assert len(outputs["workers"]) > 240
    assert outputs["workers"] == outputs["in-process"]


def test_no_worker_processes_means_converting_in_the_build_process(settings, tmp_path,
                                                                   monkeypatch):
    """Where processes cannot be started, the build goes on without them."""
    from types import SimpleNamespace

    import pelican.plugins.meetup.glue.shared_markdown as shared

    content = tmp_path / "content"
    corpus.write_corpus(content, shared.MIN_FILES_FOR_WORKERS, seed=4)
    reader = shared.SharedMarkdownReader(settings)
    readers = SimpleNamespace(readers={"md": reader}, get_cached_data=lambda path, default: None)
    generator = SimpleNamespace(
        settings=dict(settings, ARTICLE_PATHS=[""], ARTICLE_EXCLUDES=["pages"]),
        path=str(content), readers=readers,
        get_files=lambda paths, exclude: {p.name for p in content.glob("*.md")},
        get_cached_data=lambda path, default: None)

    def no_processes():
        raise OSError("no semaphores here")

    monkeypatch.setattr(shared._WORKERS, "get", no_processes)
    shared.convert_articles_ahead(generator)
    assert not reader._ahead
    first = sorted(content.glob("*.md"))[0]
    html, metadata = reader.read(str(first))
    assert "<h" in html and metadata["title"]


def test_facts_parsed_ahead_for_other_inputs_are_parsed_again():
    """An article whose date, category or title changed after Pelican made it (another
    plugin's handler, a status header) does not get the facts parsed for the old ones."""
    from concurrent.futures import Future

    from pelican.plugins.meetup.glue import articles

    done = Future()
    done.set_result([("outline", "facts")])
    inputs = ("2024-05-01", "Treffen", None, "Treffen im Mai", "2024-05-01.md")
    articles._AHEAD["/site/2024-05-01.md"] = (done, 0, inputs)
    renamed = (*inputs[:3], "Treffen im Mai (verschoben)", inputs[4])
    assert articles._parsed_ahead("/site/2024-05-01.md", renamed) is None
    articles._AHEAD["/site/2024-05-01.md"] = (done, 0, inputs)
    assert articles._parsed_ahead("/site/2024-05-01.md", inputs) == ("outline", "facts")
    assert not articles._AHEAD
