"""Pelican glue for archives as other generators keep them: front matter, dated file
names, titles in the first heading, ``*.md.erb`` files.

The reading itself is pure (``source_fields``, ``reading.frontmatter``); here it is
plugged into Pelican's readers:

- ``convert``: what the shared Markdown reader (``shared_markdown``) does with one
  file: Markdown converts ``read_source(...).markdown`` and the fields the file's
  Pelican header does not give are added to Markdown's ``Meta`` (so Pelican processes
  them like header values: dates, ``Summary``, tags).  A skipped file gets
  ``status: skip``, Pelican's own way to leave a file out.
- ``FrontMatterHTMLReader``: an HTML file that starts with front matter (Middleman's
  ``index.html``) is its body as written, with the front matter's fields; any other
  HTML file is read by Pelican's HTMLReader as before.
- ``register_readers`` (readers_init): the extra ``MEETUP_MARKDOWN_EXTENSIONS`` (a
  ``md.erb`` entry registers Pelican's extension ``erb``) and the HTML reader.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from pelican.readers import HTMLReader, MarkdownReader
from pelican.utils import pelican_open

from ..reading.facts import looks_like_meeting
from ..reading.source_fields import MARKDOWN_EXTENSIONS, SKIP_FILES, SourceFields, read_source
from ..i18n.language import gettext as _
from ..i18n.language import translate

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Options:
    """The settings reading needs; small and picklable for worker processes."""

    root: str  # the content folder, absolute
    extensions: tuple[str, ...]
    skip_files: tuple[str, ...]
    filename_metadata: str | None
    page_paths: tuple[str, ...] = ("pages",)

    @classmethod
    def of(cls, settings: dict) -> Options:
        return cls(
            root=os.path.abspath(settings.get("PATH") or "."),
            extensions=tuple(settings.get("MEETUP_MARKDOWN_EXTENSIONS", MARKDOWN_EXTENSIONS)),
            skip_files=tuple(settings.get("MEETUP_SKIP_FILES", SKIP_FILES)),
            filename_metadata=settings.get("FILENAME_METADATA"),
            page_paths=tuple(path.strip("/") for path in settings.get("PAGE_PATHS", ["pages"])),
        )

    def is_page(self, relative: str) -> bool:
        return any(relative == path or relative.startswith(path + "/") for path in self.page_paths)

    def relative(self, source_path: str) -> str:
        return os.path.relpath(os.path.abspath(source_path), self.root).replace(os.sep, "/")

    def read(self, text: str, source_path: str, html: bool = False) -> SourceFields:
        return read_source(text, self.relative(source_path), extensions=self.extensions,
                           skip_files=self.skip_files,
                           filename_metadata=self.filename_metadata, html=html)


class ReadingProblem(ValueError):
    """A file whose front matter cannot be read (shown as file:line by the build)."""


def _report(found: SourceFields, options: Options, source_path: str) -> None:
    for line, message in found.problems:
        logger.error("%s:%d: %s", options.relative(source_path), line, translate(message))


def _added_meta(found: SourceFields) -> dict[str, list[str]]:
    meta = {name: [item.value] for name, item in found.added().items()}
    if found.date_precision != "day" and found.fields.get("date", None) is not None \
            and "date" not in found.header_keys:
        meta["meetup_date_precision"] = [found.date_precision]
    return meta


def convert(converter, text: str, source_path: str, options: Options,
            in_worker: bool = False) -> tuple[str, dict[str, list[str]]]:
    """(HTML, Markdown-style meta) of one file with ``converter`` (reset already)."""
    found = options.read(text, source_path)
    if found.skip is not None:
        return "", {"status": ["skip"]}
    relative = options.relative(source_path)
    if "date" not in found.fields and not options.is_page(relative) and not looks_like_meeting(
            found.markdown, title=found.fields["title"].value if "title" in found.fields else "",
            path=relative):
        # A rules page or a README among the meetings: not a meeting, not built
        # (invoke check says the same).
        if not in_worker:
            logger.warning(_("%(source)s:1: no date, and neither report nor invitation: not "
                             "built") % {"source": relative})
        return "", {"status": ["skip"]}
    if found.problems:
        if in_worker:  # converted again in the build process, which reports them
            raise ReadingProblem(found.problems)
        _report(found, options, source_path)
    html = converter.convert(found.markdown)
    meta = {key.lower(): value for key, value in dict(getattr(converter, "Meta", {}) or {}).items()}
    for name, value in _added_meta(found).items():
        meta.setdefault(name, value)
    return html, meta


class FrontMatterHTMLReader(HTMLReader):
    """HTML with front matter: the rest of the file is the body; else Pelican's reader."""

    def read(self, filename):
        options = Options.of(self.settings)
        with pelican_open(filename) as text:
            found = options.read(text, filename, html=True)
        if found.skip is not None:
            return "", {"status": "skip"}
        if found.front_matter is None:
            return super().read(filename)
        _report(found, options, filename)
        lines = found.markdown.split("\n")
        body = "\n".join(lines[found.body_line - 1:]).strip("\n") + "\n"
        metadata = {name: self.process_metadata(name, item.value)
                    for name, item in found.added().items()}
        return body, metadata


def register_readers(readers) -> None:
    """readers_init handler: extra Markdown extensions and the front matter HTML reader."""
    from .shared_markdown import SharedMarkdownReader

    for extension in Options.of(readers.settings).extensions:
        key = extension.rsplit(".", 1)[-1]
        current = readers.reader_classes.get(key)
        if current is None or current is MarkdownReader:
            readers.reader_classes[key] = SharedMarkdownReader
    for key in HTMLReader.file_extensions:
        if readers.reader_classes.get(key) is HTMLReader:
            readers.reader_classes[key] = FrontMatterHTMLReader


def give_drafts_a_category(content) -> None:
    """content_object_init handler: a draft without a category gets DEFAULT_CATEGORY.

    Pelican gives the default category only where CATEGORY_SAVE_AS is set, but writes
    drafts with ``draft.category``: a draft from an archive without categories (Hugo's
    ``draft: true``, Middleman's ``status: Draft``) would stop the build.
    """
    from pelican.contents import Article
    from pelican.urlwrappers import Category

    if isinstance(content, Article) and getattr(content, "status", None) == "draft" \
            and not hasattr(content, "category"):
        settings = content.settings
        content.category = Category(settings.get("DEFAULT_CATEGORY") or "misc", settings)
