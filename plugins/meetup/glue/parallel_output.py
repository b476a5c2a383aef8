"""The plugin's own output written by a second process while Pelican writes its pages.

Writing ran on one core: Pelican renders the article pages, then the plugin writes
its calendars, ``meetups.json``, speaker and topic pages (about 2 s of 5 at 1,200
files).  When Pelican is about to write (``get_writer``), the build process forks.
The child writes the plugin's generators' output into a hidden folder of its own
in the output folder, one subfolder per generator; the parent meanwhile writes Pelican's pages.  At each of
those generators' turn the parent takes the child's files in:

- a page the child wrote through Pelican's writer goes through the parent's writer
  again, only without rendering: Pelican's rules for a file written twice decide as
  in a build in one process (a clash fails the same way, an override the same way),
  and ``content_written`` is sent for it in the same order (pelican-sitemap);
- a file written directly (the calendars, the JSON) replaces what is there, as the
  direct write would have;
- the child's log records are handled in the parent, as if made there.

If the child failed, the parent writes that output itself: the error is reported as
always.  Only where fork is safe (a process without threads: not a preview's server)
and exists, and when no other plugin supplies Pelican's writer; otherwise everything
is written in order, as before.  The output is byte-identical either way
(tests/test_shared_markdown.py).
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import shutil
import signal
import tempfile
import threading
import traceback

from pelican import signals
from pelican.writers import Writer

logger = logging.getLogger(__name__)

# Tests switch it off to compare a build without the child.
ENABLED = True
# The child's folder in the output folder, removed before the build ends.
CHILD_FOLDER_PREFIX = ".writing-"
# How many generators' output this process took in from a child (for tests).
TAKEN_IN = 0
# Generator classes whose output the child may write (their generate_output asks
# take_in() first); registered by the modules that define them.
_CHILD_WRITES: set[type] = set()


def writes_in_child(generator_class: type) -> type:
    """Class decorator: this generator's output may be written by the child."""
    _CHILD_WRITES.add(generator_class)
    return generator_class


class _Child:
    def __init__(self, pid: int, report_fd: int, folder: str, order: list[int],
                 output_path: str):
        self.pid = pid
        self.report_fd = report_fd
        self.folder = folder
        self.order = order  # id() of each generator, in the child's order
        self.output_path = output_path
        self.report: dict | None = None
        self.waited = False

    def subfolder(self, generator) -> str:
        return os.path.join(self.folder, str(self.order.index(id(generator))))

    def wait(self) -> dict | None:
        """The child's report once it is done: None if it died without one."""
        if not self.waited:
            self.waited = True
            data = b""
            try:
                while chunk := os.read(self.report_fd, 1 << 16):
                    data += chunk
            finally:
                os.close(self.report_fd)
            _, status = os.waitpid(self.pid, 0)
            if os.waitstatus_to_exitcode(status) == 0 and data:
                self.report = pickle.loads(data)
        return self.report

    def stop(self) -> None:
        if not self.waited:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


_RUN: dict = {}


def remember_generators(generators) -> None:
    """all_generators_finalized handler: the generators that will write."""
    _RUN["generators"] = list(generators)


def start(pelican) -> None:
    """get_writer handler (Pelican is about to write): fork the child if it can help.

    Returns no writer class: Pelican's own writer is used."""
    finish()
    ours = [g for g in _RUN.pop("generators", []) if type(g) in _CHILD_WRITES]
    if not (ours and ENABLED and hasattr(os, "fork")):
        return None
    if threading.active_count() != 1 or len(signals.get_writer.receivers) != 1:
        return None  # threads (fork is unsafe) or another plugin's writer
    output_path = os.path.abspath(pelican.output_path)
    try:
        # In the output folder: the files move in by renames, and what a killed build
        # leaves goes with the rest of its output (sitebuild's staging folder).
        os.makedirs(output_path, exist_ok=True)
        folder = tempfile.mkdtemp(prefix=CHILD_FOLDER_PREFIX, dir=output_path)
        read_end, write_end = os.pipe()
    except OSError as error:  # no room for it: write in order
        logger.debug("plugin output written in the build process: %s", error)
        return None
    pid = os.fork()
    if pid == 0:  # the child: never returns
        os.close(read_end)
        _write_in_child(ours, pelican.settings, folder, write_end)
    os.close(write_end)
    _RUN["child"] = _Child(pid, read_end, folder, [id(g) for g in ours], output_path)
    atexit.register(finish)
    return None


def finish(*_args, **_kwargs) -> None:
    """finalized handler, and before a new build: the child reaped, its folder gone."""
    child = _RUN.pop("child", None)
    if child is not None:
        child.stop()


def take_in(generator, writer):
    """At ``generator``'s turn in the parent: None if the parent must write its output
    itself, else a writer through which the generator's pages are taken in (its
    directly written files are already in place)."""
    child = _RUN.get("child")
    if child is None or id(generator) not in child.order:
        return None
    report = child.wait()
    done = report["done"] if report else 0
    index = child.order.index(id(generator))
    if index >= done:
        if report and report["error"]:
            logger.debug("the child stopped writing: %s", report["error"])
        return None  # the parent writes it: an error is raised here as always
    for record in report["records"][index]:
        logging.getLogger(record["name"]).handle(logging.makeLogRecord(record))
    global TAKEN_IN
    TAKEN_IN += 1
    source = child.subfolder(generator)
    through_writer = set(report["pages"][index])
    for folder, _, files in os.walk(source):
        for name in files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, source)
            if relative not in through_writer:
                target = os.path.join(child.output_path, relative)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                os.replace(path, target)
    return _TakingIn(writer, source)


class _Unrendered:
    """A template for _TakingIn: the page is already rendered, by the child."""

    @staticmethod
    def render(_context) -> str:
        return ""


class _TakingIn(Writer):
    """The parent's writer for the child's pages: Pelican's bookkeeping and signals
    for each page, the child's bytes instead of a rendering."""

    def __init__(self, writer: Writer, source: str):
        # The same sets of written and overridden files as the parent's writer.
        self.__dict__.update(writer.__dict__)
        self._source = source

    def write_file(self, name, template, context, *args, **kwargs):
        return super().write_file(name, _Unrendered, context, *args, **kwargs)

    def _open_w(self, filename, encoding, override=False):
        handle = super()._open_w(filename, encoding, override)
        if handle.name == os.devnull:  # Pelican skips this file: the child's copy too
            return handle
        handle.close()
        os.replace(os.path.join(self._source, os.path.relpath(filename, self.output_path)),
                   filename)
        return open(os.devnull, "w", encoding=encoding)


class _RecordingWriter(Writer):
    """The child's writer: Pelican's, noting which files it wrote."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.pages: list[str] = []

    def _open_w(self, filename, encoding, override=False):
        self.pages.append(os.path.relpath(filename, self.output_path))
        return super()._open_w(filename, encoding, override)


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


def _write_in_child(generators: list, settings: dict, folder: str, report_fd: int) -> None:
    status = 1
    try:
        records = _Records()
        root = logging.getLogger()
        for handler in list(root.handlers):  # the parent's handlers print and collect
            root.removeHandler(handler)
        root.addHandler(records)
        report = {"done": 0, "error": None, "records": [], "pages": []}
        try:
            for index, generator in enumerate(generators):
                subfolder = os.path.join(folder, str(index))
                os.mkdir(subfolder)
                writer = _RecordingWriter(subfolder, settings=settings)
                generator.output_path = subfolder
                records.records = []
                generator.generate_output(writer)
                report["records"].append(records.records)
                report["pages"].append(writer.pages)
                report["done"] = index + 1
        except BaseException:
            report["error"] = traceback.format_exc()
        data = pickle.dumps(report)
        view = memoryview(data)
        while view:
            view = view[os.write(report_fd, view):]
        status = 0
    finally:
        os._exit(status)
