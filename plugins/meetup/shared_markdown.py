"""One Markdown converter per build instead of one per file.

Pelican's MarkdownReader builds a new ``markdown.Markdown`` for every file,
loading and wiring every extension again (codehilite, extra, toc, smarty,
meta).  ``reset()`` between files gives the same HTML; bench/README.md has the
numbers.  The reader replaces Pelican's only where Pelican's own is in use, so
a site's ``READERS`` setting still wins.
"""

from __future__ import annotations

from markdown import Markdown
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open

# markdown.extensions.meta registers its preprocessor at this priority.
_META_PRIORITY = 27


class SharedMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._converter: Markdown | None = None
        self._meta_preprocessor = None

    def read(self, source_path):
        if self._converter is None:
            self._converter = Markdown(**self.settings["MARKDOWN"])
            self._meta_preprocessor = self._converter.preprocessors["meta"]
        converter = self._converter
        # Pelican's _parse_metadata takes "meta" out (so that a Summary is not
        # read as headers); the next file needs it back.
        if "meta" not in converter.preprocessors:
            converter.preprocessors.register(self._meta_preprocessor, "meta", _META_PRIORITY)
        converter.reset()
        self._source_path = source_path
        self._md = converter
        with pelican_open(source_path) as text:
            content = converter.convert(text)
        metadata = self._parse_metadata(converter.Meta) if hasattr(converter, "Meta") else {}
        return content, metadata


def use_shared_markdown(readers) -> None:
    """readers_init handler: swap Pelican's MarkdownReader for the shared one."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = SharedMarkdownReader
