"""A second process writes part of the output while the build process writes the rest.

Writing ran on one core: Pelican renders the article pages, then the plugin writes
its calendars, ``meetups.json``, speaker and topic pages.  When Pelican is about to
write (``get_writer``), the build process forks.  The child, in order:

1. renders the second half of the article pages (Pelican's own ``generate_articles``
   over that half);
2. writes the output of each of the plugin's generators marked ``writes_in_child``.

Each job writes its files side by side into a hidden folder of its own in the output
folder (numbered names, no subfolders: on ext4 each folder made and removed again
costs ~0.15 ms, 0.3 s for the 1,677 of 1,200 files), and the child reports each job,
with the address of each file, as it is done.  A page's folder is made in the output
folder, where the page goes.  Meanwhile the parent writes the first half of the
articles and Pelican's other pages.  Where the parent comes to a job's output, it
takes the child's files in:

- a page the child wrote through Pelican's writer goes through the parent's writer
  too, only without rendering: Pelican's rules for a file written twice decide as in
  a build in one process (a clash fails the same way, an override the same way), and
  ``content_written`` is sent in the same order (pelican-sitemap lists the pages);
- a file written directly (the calendars, the JSON) replaces what is there, as the
  direct write would have;
- the job's log records are handled in the parent, as if made there.

If a job failed, the parent does it and every later one itself: the error is
reported as always.  Only where fork is safe (Linux, a process without threads: not
a preview's server), and when no other plugin supplies Pelican's writer;
otherwise everything is written in order, as before.  The output is byte-identical
either way (tests/test_shared_markdown.py, tests/test_parallel_output.py).
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import pickle
import shutil
import signal
import tempfile
import traceback
from functools import partial
from itertools import chain

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from . import memo, shared_markdown

logger = logging.getLogger(__name__)

# Tests switch it off to compare a build without the child.
ENABLED = True
# The child's folder in the output folder, removed before the build ends.
CHILD_FOLDER_PREFIX = ".writing-"
# Below this many article pages the child renders none (a fork costs more).
MIN_SHARED_ARTICLES = 40
# The share of the article pages the child renders: the parent also writes the feeds
# and Pelican's other pages, the child the plugin's output (the calendars, most of
# the files).  At 1,200 files and half the pages, the parent waited ~1 s for the child
# at the end; at 0.35, 0.3-1.4 s, and 0.1-0.25 s at 120 files; at 0.2, none at either.
CHILD_SHARE = 0.2
# How many jobs' output this process took in from a child (for tests).
TAKEN_IN = 0

# Generator classes whose output the child may write (their generate_output asks
# take_in() first); registered by the modules that define them.
_CHILD_WRITES: set[type] = set()
_ARTICLES = "articles"


def _job_folder(folder: str, index: int) -> str:
    """Where the child writes job ``index``'s files."""
    return os.path.join(folder, str(index))


# In the child: the folder of the job it is doing, and the files written directly into it
# (save_as -> name in that folder).
_DIRECT: dict = {}


def write_direct(output_path: str, save_as: str, data: bytes) -> None:
    """Write ``data`` to ``save_as`` ("/" separated) under ``output_path``: a file not
    written through Pelican's writer (a calendar, the JSON).  In the child, into its
    job's folder under a numbered name; the parent moves it to ``save_as``."""
    files = _DIRECT.get(os.path.abspath(output_path))
    if files is not None:
        target = os.path.join(output_path, files.setdefault(save_as, f"d{len(files)}"))
    else:
        target = os.path.join(output_path, *save_as.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
    with open(target, "wb") as stream:
        stream.write(data)


def _report_path(folder: str, index: int) -> str:
    """Where the child leaves job ``index``'s report for the parent."""
    return os.path.join(folder, f"report-{index}")


def writes_in_child(generator_class: type) -> type:
    """Class decorator: this generator's output may be written by the child."""
    _CHILD_WRITES.add(generator_class)
    return generator_class


class _Child:
    """The parent's view of the child: its jobs, in order, and their reports."""

    def __init__(self, pid: int, done_fd: int, folder: str, jobs: list, output_path: str,
                 shared: set[int]):
        self.pid = pid
        self.done_fd = done_fd  # one byte per finished job
        self.folder = folder
        self.jobs = jobs  # _ARTICLES or id() of a generator
        self.output_path = output_path
        self.shared = shared  # id() of each article the child renders
        self.reports: list[dict] = []
        self.ended = False
        self.failed = False  # a job failed: the parent does it and every later one

    def report(self, index: int) -> dict | None:
        """Job ``index``'s report once it is done; None if the parent must do it."""
        while len(self.reports) <= index and not self.failed:
            if self.ended:
                self.failed = True
                break
            if not os.read(self.done_fd, 1):
                self._end()
                continue
            with open(_report_path(self.folder, len(self.reports)), "rb") as stream:
                report = pickle.load(stream)
            if report["error"]:
                logger.debug("the second writing process stopped: %s", report["error"])
                self.failed = True
            else:
                self.reports.append(report)
        return self.reports[index] if index < len(self.reports) else None

    def _end(self) -> None:
        if not self.ended:
            self.ended = True
            os.close(self.done_fd)
            os.waitpid(self.pid, 0)

    def stop(self) -> None:
        if not self.ended:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._end()
        shutil.rmtree(self.folder, ignore_errors=True)


_RUN: dict = {}


def remember_generators(generators) -> None:
    """all_generators_finalized handler: the generators that will write."""
    _RUN["generators"] = list(generators)


def start(pelican):
    """get_writer handler (Pelican is about to write): fork the child if it can help.

    Returns the writer class for the parent, which takes the child's article pages in,
    or None (Pelican's own writer) when there is no child."""
    finish()
    generators = _RUN.pop("generators", [])
    ours = [g for g in generators if type(g) in _CHILD_WRITES]
    articles = next((g for g in generators if type(g) is ArticlesGenerator), None)
    share = _article_share(articles)
    if not (ours or share) or not ENABLED or not shared_markdown.fork_is_safe():
        return None
    if len(signals.get_writer.receivers) != 1:
        return None  # another plugin's writer decides
    output_path = os.path.abspath(pelican.output_path)
    try:
        # In the output folder: the files move in by renames, and what a killed build
        # leaves goes with the rest of its output (sitebuild's staging folder).
        os.makedirs(output_path, exist_ok=True)
        folder = tempfile.mkdtemp(prefix=CHILD_FOLDER_PREFIX, dir=output_path)
        read_end, write_end = os.pipe()
    except OSError as error:  # no room for it: write in order
        logger.debug("all output written in the build process: %s", error)
        return None
    jobs = ([_ARTICLES] if share else []) + [id(g) for g in ours]
    memo.return_freed_memory()  # else shared until written, then copied
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _write_in_child(articles, share, ours, pelican.settings, folder, output_path,
                        write_end)
    os.close(write_end)
    _RUN["child"] = _Child(pid, read_end, folder, jobs, output_path, {id(a) for a in share})
    if not _RUN.get("at_exit"):  # a build that never ends (an exception): still reaped
        _RUN["at_exit"] = atexit.register(finish)
    return SharingWriter


def _article_share(generator) -> list:
    """The article pages the child renders: the last CHILD_SHARE of Pelican's order."""
    if generator is None:
        return []
    pages = list(chain(generator.translations, generator.articles,
                       generator.hidden_translations, generator.hidden_articles))
    if len(pages) < MIN_SHARED_ARTICLES:
        return []
    return pages[len(pages) - int(len(pages) * CHILD_SHARE):]


def finish(*_args, **_kwargs) -> None:
    """finalized handler, and before a new build: the child reaped, its folder gone."""
    child = _RUN.pop("child", None)
    if child is not None:
        child.stop()


def _taken_in(child: _Child, job, writer: Writer) -> Writer | None:
    """A writer that takes job's pages in, after its direct files and log records;
    None if the parent must do the job itself."""
    index = child.jobs.index(job)
    report = child.report(index)
    if report is None:
        return None
    source = _job_folder(child.folder, index)
    if not report.get("taken"):
        report["taken"] = True
        global TAKEN_IN
        TAKEN_IN += 1
        for record in report["records"]:
            logging.getLogger(record["name"]).handle(logging.makeLogRecord(record))
        for save_as, name in report["direct"].items():
            target = os.path.join(child.output_path, *save_as.split("/"))
            try:  # the folder is mostly there already (an article's calendar beside its page)
                os.replace(os.path.join(source, name), target)
            except FileNotFoundError:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(os.path.join(source, name), target)
        report["names"] = {page: _page_name(index) for index, page in enumerate(report["pages"])}
        _move_others(source, child.output_path, set(report["names"].values()))
    return _TakingIn(writer, source, report["names"])


def _move_others(source: str, output_path: str, pages: set[str]) -> None:
    """Whatever else a job wrote under its generator's output path (a direct write not
    made through write_direct): to the same place in the output, as before."""
    for folder, _, files in os.walk(source):
        for name in files:
            if folder == source and name in pages:
                continue  # a page: taken in through the writer
            path = os.path.join(folder, name)
            target = os.path.join(output_path, os.path.relpath(path, source))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            os.replace(path, target)


def take_in(generator, writer):
    """At ``generator``'s turn in the parent: None if the parent must write its output
    itself, else a writer through which the generator's pages are taken in (its
    directly written files are already in place)."""
    child = _RUN.get("child")
    if child is None or id(generator) not in child.jobs:
        return None
    return _taken_in(child, id(generator), writer)


class SharingWriter(Writer):
    """The parent's writer: an article page the child rendered is taken in."""

    def write_file(self, name, template, context, *args, **kwargs):
        child = _RUN.get("child")
        article = kwargs.get("article")
        # Only the page the child wrote: the article's own, at its own address (another
        # plugin may write more for an article).
        if (child is not None and article is not None and id(article) in child.shared
                and name == getattr(article, "save_as", None)):
            taking_in = _taken_in(child, _ARTICLES, self)
            if taking_in is not None:
                return taking_in.write_file(name, template, context, *args, **kwargs)
        return super().write_file(name, template, context, *args, **kwargs)


class _Unrendered:
    """A template for _TakingIn: the page is already rendered, by the child."""

    @staticmethod
    def render(_context) -> str:
        return ""


class _TakingIn(Writer):
    """The parent's writer for the child's pages: Pelican's bookkeeping and signals
    for each page, the child's bytes instead of a rendering."""

    def __init__(self, writer: Writer, source: str, names: dict[str, str]):
        # The same sets of written and overridden files as the parent's writer.
        self.__dict__.update(writer.__dict__)
        self._source = source
        self._names = names  # a page's address -> its name in the job's folder

    def write_file(self, name, template, context, *args, **kwargs):
        return Writer.write_file(self, name, _Unrendered, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override)
        if handle.name == os.devnull:  # Pelican skips this file: the child's copy too
            return handle
        handle.close()
        os.replace(os.path.join(self._source,
                                self._names[os.path.relpath(filename, self.output_path)]),
                   filename)
        return open(os.devnull, "w", encoding=encoding)


def _page_name(index: int) -> str:
    """The name in its job's folder of the index-th page the child wrote."""
    return f"p{index}"


class _RecordingWriter(Writer):
    """The child's writer: Pelican's, on the output folder (a page's folder is made
    there), each page's bytes in the job's folder, and which pages it wrote."""

    def __init__(self, output_path: str, job_folder: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self._job_folder = job_folder
        self._names: dict[str, str] = {}
        self.pages: list[str] = []  # relative to the output folder, in order

    def _open_w(self, filename, encoding, override=False):
        relative = os.path.relpath(filename, self.output_path)
        if relative not in self._names:
            self._names[relative] = _page_name(len(self.pages))
            self.pages.append(relative)
        # Pelican's checks for a page written twice, on the page's name in the job folder.
        return super()._open_w(os.path.join(self._job_folder, self._names[relative]),
                               encoding, override)


class _Records(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records: list[dict] = []

    def emit(self, record: logging.LogRecord) -> None:
        kept = dict(record.__dict__, msg=record.getMessage(), args=None, exc_info=None)
        if record.exc_info:
            kept["exc_text"] = "".join(traceback.format_exception(*record.exc_info))
        try:
            pickle.dumps(kept)
        except Exception:  # an unpicklable extra: the plain record
            kept = {key: kept[key] for key in ("name", "levelno", "levelname", "msg",
                                               "pathname", "lineno", "funcName")}
        self.records.append(kept)


def _write_in_child(articles, share: list, generators: list, settings: dict, folder: str,
                    output_path: str, done_fd: int) -> None:
    status = 1
    try:
        # What the child inherited is never garbage-collected here: a collection would
        # visit, and so copy, every memory page of the parent's objects.
        gc.freeze()
        records = _Records()
        root = logging.getLogger()
        for handler in list(root.handlers):  # the parent's handlers print and collect
            root.removeHandler(handler)
        root.addHandler(records)
        jobs = ([partial(_render_articles, articles, share)] if share else []) + [
            partial(_generate, generator) for generator in generators]
        for index, job in enumerate(jobs):
            job_folder = _job_folder(folder, index)
            os.mkdir(job_folder)
            writer = _RecordingWriter(output_path, job_folder, settings)
            _DIRECT.clear()
            _DIRECT[job_folder] = {}
            records.records = []
            report = {"error": None, "records": records.records, "pages": writer.pages,
                      "direct": _DIRECT[job_folder]}
            try:
                job(writer, job_folder)
            except BaseException:
                report = {"error": traceback.format_exc()}
            with open(_report_path(folder, index), "wb") as stream:
                pickle.dump(report, stream)
            os.write(done_fd, b".")
            if report["error"]:
                break
        status = 0
    finally:
        os._exit(status)


def _render_articles(generator, share: list, writer: Writer, _folder: str) -> None:
    """Pelican's own loop over the article pages, over the child's share only (this
    process's copy of the generator)."""
    chosen = {id(article) for article in share}
    for name in ("translations", "articles", "hidden_translations", "hidden_articles"):
        setattr(generator, name, [a for a in getattr(generator, name) if id(a) in chosen])
    generator.generate_articles(partial(writer.write_file,
                                        relative_urls=generator.settings["RELATIVE_URLS"]))


def _generate(generator, writer: Writer, folder: str) -> None:
    generator.output_path = folder  # the plugin's directly written files go there too
    generator.generate_output(writer)
