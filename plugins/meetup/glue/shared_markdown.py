"""Markdown conversion for the build: one converter, and the other cores.

Pelican's MarkdownReader builds a new ``markdown.Markdown`` for every file,
loading and wiring every extension again (codehilite, extra, toc, smarty,
meta), and converts one file after the other.  Here:

- one converter per build, ``reset()`` between files: the same HTML;
- when a generator starts and many of its files are not in the content cache,
  worker processes convert them ahead of Pelican's reading loop, which then
  takes the finished HTML.  Conversion is a pure function of the file, so the
  output is byte-identical; metadata (dates, Summary) is still processed in
  the build process.  A file a worker could not convert is converted again in
  the build process, where the error is reported as usual.

The reader replaces Pelican's only where Pelican's own is in use, so a site's
``READERS`` setting still wins.  bench/README.md has the numbers.  What each file
gives Markdown and which fields it adds to the header (front matter, dates from file
names, titles from headings) is ``frontmatter_reader.convert``, in workers too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import types
from typing import TYPE_CHECKING

from markdown import Markdown
from pelican.readers import METADATA_PROCESSORS, MarkdownReader
from pelican.utils import SafeDatetime, pelican_open

from . import frontmatter_reader

if TYPE_CHECKING:  # concurrent.futures only where workers start (~5 ms of each start)
    from concurrent.futures import Future, ProcessPoolExecutor

logger = logging.getLogger(__name__)

# markdown.extensions.meta registers its preprocessor at this priority.
_META_PRIORITY = 27
# Below this many files to convert, starting workers costs more than it saves: a
# spawned worker imports Markdown, Pygments and the reader anew (~0.5 s), a forked one
# starts at once (bench/README.md: 120 files build in 2.5 s with them, 3.5 s without).
MIN_FILES_FOR_WORKERS = 200
MIN_FILES_FOR_FORKED_WORKERS = 50
MAX_WORKERS = 4
# Files per task: large enough to keep pickling cheap, small enough to share
# the work evenly.
CHUNK = 25


# Pelican's own processors of these dates (a plugin may put its own in: then those run).
_PELICAN_DATE_PROCESSORS = {name: METADATA_PROCESSORS.get(name) for name in ("date", "modified")}
# A date, or a date and time, without zone: the fields dateutil finds in them.
_PLAIN_DATE = re.compile(r"(?a)(\d{4})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d)(?::(\d\d))?)?")


def _usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class SharedMarkdownReader(MarkdownReader):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._converter: Markdown | None = None
        self._meta_preprocessor = None
        self._ahead: dict[str, tuple[Future, int]] = {}
        self._options = frontmatter_reader.Options.of(self.settings)

    def _ready_converter(self) -> Markdown:
        if self._converter is None:
            self._converter = Markdown(**self.settings["MARKDOWN"])
            self._meta_preprocessor = self._converter.preprocessors["meta"]
        converter = self._converter
        # Pelican's _parse_metadata takes "meta" out (so that a Summary is not
        # read as headers); the next file needs it back.
        if "meta" not in converter.preprocessors:
            converter.preprocessors.register(self._meta_preprocessor, "meta", _META_PRIORITY)
        return converter.reset()

    def _ahead_key(self) -> tuple:
        """What besides the file decides a worker's result."""
        return (repr(self.settings["MARKDOWN"]), self._options)

    def convert_ahead(self, paths: list[str], pool: ProcessPoolExecutor) -> None:
        """Hand ``paths`` (absolute) to ``pool``; read() picks the results up.  A file
        convert_early() handed over with the same settings is not handed over again."""
        self._ready_converter()  # the build process needs one anyway (Summary)
        key = self._ahead_key()
        missing = []
        for path in paths:
            early = _EARLY.pop(path, None)
            if early is not None and early[2] == key:
                global TAKEN_EARLY
                TAKEN_EARLY += 1
                self._ahead[path] = early[:2]
            else:
                missing.append(path)
        self._ahead.update(_hand_over(pool, self.settings["MARKDOWN"], self._options, missing))

    def read(self, source_path):
        self._source_path = source_path
        converted = self._take_ahead(source_path)
        converter = self._ready_converter()
        self._md = converter
        if converted is None:
            with pelican_open(source_path) as text:
                content, meta = frontmatter_reader.convert(converter, text, source_path,
                                                           self._options)
        else:
            content, meta = converted
        metadata = self._parse_metadata(meta) if meta is not None else {}
        return content, metadata

    def process_metadata(self, name, value):
        """Pelican's, with "2025-04-15 18:30" read without dateutil: the same
        SafeDatetime (tests/unit/test_plain_dates.py).  Every file has one or two (its
        header, its name): at 1,200 files 0.19 s of dateutil, 0.01 s this way."""
        processor = METADATA_PROCESSORS.get(name)
        if processor is not None and processor is _PELICAN_DATE_PROCESSORS.get(name) \
                and isinstance(value, str):
            plain = _PLAIN_DATE.fullmatch(value)
            if plain is not None:
                try:
                    return SafeDatetime(*(int(part) for part in plain.groups() if part))
                except ValueError:  # "2025-02-30": Pelican's own message
                    pass
        return super().process_metadata(name, value)

    def _take_ahead(self, source_path: str):
        ahead = self._ahead.pop(source_path, None)
        if ahead is None:
            return None
        future, index = ahead
        try:
            result = future.result()[index]
        except Exception as error:  # a worker died; convert here instead
            logger.debug("%s: converting in the build process (%s)", source_path, error)
            return None
        return result  # None when the worker could not read or convert this file


def _hand_over(pool: ProcessPoolExecutor, markdown_settings: dict,
               options: frontmatter_reader.Options, paths: list[str]) -> dict:
    """``paths`` to the workers, CHUNK files per task: path -> (future, index in it)."""
    handed = {}
    with _no_main_script():  # workers start on submit
        for start in range(0, len(paths), CHUNK):
            chunk = paths[start:start + CHUNK]
            future = pool.submit(_convert_chunk, markdown_settings, options, chunk)
            for index, path in enumerate(chunk):
                handed[path] = (future, index)
    return handed


def _convert_chunk(markdown_settings: dict, options: frontmatter_reader.Options,
                   paths: list[str]) -> list:
    """In a worker: (html, meta) per file, None where conversion failed."""
    converter = _worker_converter(markdown_settings)
    results = []
    for path in paths:
        try:
            with pelican_open(path) as text:
                results.append(frontmatter_reader.convert(converter.reset(), text, path, options,
                                                          in_worker=True))
        except Exception:  # reported when the build process converts it again
            results.append(None)
    return results


# A worker may serve several builds (livereload); settings may change between them.
_WORKER_CONVERTER: tuple[str, Markdown] | None = None


def _worker_converter(markdown_settings: dict) -> Markdown:
    global _WORKER_CONVERTER
    key = repr(markdown_settings)
    if _WORKER_CONVERTER is None or _WORKER_CONVERTER[0] != key:
        _WORKER_CONVERTER = (key, Markdown(**markdown_settings))
    return _WORKER_CONVERTER[1]


@contextlib.contextmanager
def _no_main_script():
    """Start workers without re-running the build's main script in them.

    A spawned process imports the parent's ``__main__`` file; a script that
    builds at top level (no ``if __name__ == "__main__"``) would then build
    again in every worker and wait forever for the parent's build lock.  The
    workers need nothing from it: they import this module by name.
    """
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main


class _Workers:
    """One process pool per build, started only when there is enough to do."""

    def __init__(self):
        self.pool: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor | None:
        cpus = _usable_cpus()
        if cpus < 2:
            return None
        if self.pool is None:
            # Imported here: a small site never starts workers.
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self.pool = ProcessPoolExecutor(max_workers=min(cpus, MAX_WORKERS),
                                            mp_context=multiprocessing.get_context(
                                                "fork" if fork_is_safe() else "spawn"),
                                            initializer=_worker_started)
        return self.pool

    def stop(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _worth_workers(count: int) -> bool:
    """Whether ``count`` files to convert (or read) are worth the workers.  Workers
    already running cost nothing more to start (and their pool's thread makes
    fork_is_safe() false)."""
    if count < MIN_FILES_FOR_FORKED_WORKERS:
        return False
    return count >= MIN_FILES_FOR_WORKERS or _WORKERS.pool is not None or fork_is_safe()


def _worker_started() -> None:
    """In a new worker: what it inherited is never garbage-collected here.  A collection
    would visit every object of the build process's copy and so copy their memory
    pages; the worker's own objects are collected as usual."""
    import gc

    gc.freeze()


def fork_is_safe() -> bool:
    """Whether this process may fork: workers (and parallel_output's second process)
    are forked where it is, else spawned (workers) or not started (the second process).

    A forked worker starts with the build's modules imported; a spawned one imports
    Markdown, Pygments and the reader again (about 0.5 s of CPU each).  Forking is
    safe only from a process without threads (a preview's server has some), and on
    Linux (macOS's system libraries may crash in a forked child, which is why Python
    spawns there)."""
    import threading

    return (sys.platform.startswith("linux") and hasattr(os, "fork")
            and threading.active_count() == 1)


_WORKERS = _Workers()
# Files convert_early() handed to the workers: path -> (future, index, _ahead_key()).
_EARLY: dict[str, tuple[Future, int, tuple]] = {}
# How many of them a reader took (for tests).
TAKEN_EARLY = 0


def convert_early(settings: dict) -> None:
    """A cold build of a large archive: every Markdown file to the workers at once.

    Called before the content check and Pelican's start, so that the workers convert
    while the build process checks the files and Pelican sets up (about 2 s at 1,200
    files).  The readers then take the results of the files they read, where their
    settings are the same (the key); anything else is converted as before.  Not where
    the content cache serves most files, nor where a site's READERS decide."""
    if settings.get("LOAD_CONTENT_CACHE") or settings.get("READERS"):
        return
    root = os.path.abspath(settings["PATH"])
    paths = []
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        paths += [os.path.join(folder, name) for name in sorted(files)
                  if not name.startswith(".")
                  and os.path.splitext(name)[1][1:] in MarkdownReader.file_extensions]
    if not _worth_workers(len(paths)):
        return
    from .site_settings import complete_markdown

    complete_markdown(settings)  # as at Pelican's start (initialized)
    reader = SharedMarkdownReader(settings)  # completes MARKDOWN as Pelican's readers do
    key = reader._ahead_key()
    try:
        pool = _WORKERS.get()
        if pool is None:
            return
        handed = _hand_over(pool, settings["MARKDOWN"], reader._options, paths)
        _EARLY.update((path, (*ahead, key)) for path, ahead in handed.items())
    except (OSError, RuntimeError) as error:
        logger.debug("no worker processes (%s); converting in the build process", error)
        stop_workers()


@contextlib.contextmanager
def converting_early(settings: dict):
    """convert_early(settings), and no worker left however the build ends."""
    convert_early(settings)
    try:
        yield
    finally:
        stop_workers()


def use_shared_markdown(readers) -> None:
    """readers_init handler: swap Pelican's MarkdownReader for the shared one."""
    for extension, reader_class in list(readers.reader_classes.items()):
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = SharedMarkdownReader


def _convert_ahead(generator, paths_setting: str, excludes_setting: str) -> None:
    settings = generator.settings
    waiting: dict[SharedMarkdownReader, list[str]] = {}
    for relative in sorted(generator.get_files(settings[paths_setting],
                                               exclude=settings[excludes_setting])):
        extension = os.path.splitext(relative)[1][1:]
        reader = generator.readers.readers.get(extension)
        if not isinstance(reader, SharedMarkdownReader):
            continue
        path = os.path.abspath(os.path.join(generator.path, relative))
        if generator.get_cached_data(relative, None) is not None:
            continue  # the generator-level cache serves it
        if generator.readers.get_cached_data(path, None) is not None:
            continue  # the reader-level cache serves it
        waiting.setdefault(reader, []).append(path)
    handed_over = any(path in _EARLY for paths in waiting.values() for path in paths)
    if not (handed_over or _worth_workers(sum(len(paths) for paths in waiting.values()))):
        return
    try:
        pool = _WORKERS.get()
        if pool is None:
            return
        for reader, paths in waiting.items():
            reader.convert_ahead(paths, pool)
    except (OSError, RuntimeError) as error:
        # No processes here (a sandbox without semaphores, a limit): every
        # file is converted in the build process as Pelican would.
        logger.debug("%s: no worker processes (%s); converting in the build process",
                     generator.path, error)
        _WORKERS.stop()


def convert_articles_ahead(generator) -> None:
    """article_generator_init handler."""
    _convert_ahead(generator, "ARTICLE_PATHS", "ARTICLE_EXCLUDES")


def convert_pages_ahead(generator) -> None:
    """page_generator_init handler."""
    _convert_ahead(generator, "PAGE_PATHS", "PAGE_EXCLUDES")


def in_workers(function, items: list) -> list | None:
    """``function`` (module level: it runs in a worker) over ``items`` in the build's
    worker processes, CHUNK items per task: one result per item, in order (None where a
    task failed: the caller does that item itself).  None when there is too little to
    do or no workers can run here."""
    if not _worth_workers(len(items)):
        return None
    try:
        pool = _WORKERS.get()
        if pool is None:
            return None
        chunks = [items[start:start + CHUNK] for start in range(0, len(items), CHUNK)]
        with _no_main_script():
            tasks = [(pool.submit(function, chunk), len(chunk)) for chunk in chunks]
    except (OSError, RuntimeError) as error:
        logger.debug("no worker processes (%s); working in the build process", error)
        _WORKERS.stop()
        return None
    results: list = []
    for future, size in tasks:
        try:
            results.extend(future.result())
        except Exception as error:  # a worker died: the caller does these items
            logger.debug("a worker task failed (%s)", error)
            results.extend([None] * size)
    return results


def workers_running() -> bool:
    """Whether this build has started its workers (a cold build of a large archive)."""
    return _WORKERS.pool is not None


def submit(function, items: list):
    """``function(items)`` (module level) in the workers this build already runs: its
    Future, or None where none run (the caller does the work later itself)."""
    pool = _WORKERS.pool
    if pool is None:
        return None
    try:
        with _no_main_script():
            return pool.submit(function, items)
    except (OSError, RuntimeError) as error:
        logger.debug("no worker task (%s); working in the build process", error)
        return None


def release_workers() -> None:
    """The workers exit now, their results gathered (what the readers still take from
    finished tasks stays): the facts are the last thing they do for the articles, and
    each holds memory of its own until it exits.  A later task starts new ones."""
    _WORKERS.stop()


def stop_workers(*_args, **_kwargs) -> None:
    """all_generators_finalized / finalized handler: every file has been read."""
    _EARLY.clear()
    _WORKERS.stop()
