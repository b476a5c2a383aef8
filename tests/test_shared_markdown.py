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

    from meetup.shared_markdown import SharedMarkdownReader

    shared = SharedMarkdownReader(settings)
    sources = _sources(tmp_path)
    assert len(sources) > 60
    for source in sources:
        expected = MarkdownReader(settings).read(str(source))
        assert shared.read(str(source)) == expected, source


def test_the_plugin_swaps_in_the_shared_reader_for_markdown_only(settings):
    from pelican.readers import Readers

    from meetup.shared_markdown import SharedMarkdownReader

    readers = Readers(dict(settings, PLUGINS=[]))
    assert type(readers.readers["md"]).__name__ == "MarkdownReader"
    from meetup.shared_markdown import use_shared_markdown

    use_shared_markdown(readers)
    assert readers.reader_classes["md"] is SharedMarkdownReader
    assert readers.reader_classes["html"].__name__ == "HTMLReader"
