"""The preview build behind ``invoke livereload``: the edited page first, the rest after.

One long-running process keeps the article generator of its last build.  On
a change:

1. If only existing article files were edited (the usual edit of a report or
   an announcement), each is read again and its page rendered alone
   (``glue.edited_pages``) and moved into ``output`` (written beside, then
   renamed): livereload reloads the browser then.  The edited files get the
   content check's per-file rules first (``contentcheck.check_files``): its
   hints are shown as a build shows them, an error leaves the file to the whole
   build (step 3), which names it.  Editors' hidden and backup files are no
   change.
2. Then, in the background, the whole cached build in a child process (its
   own Pelican, its own signals; ``output`` updated in place: only files whose
   bytes changed are replaced, so an unchanged page keeps its file), and
   Pagefind after it.  When the child is done, ``output`` is what a whole build
   gives (archive, index, speaker pages show the edit too) and ``on_complete``
   is called (livereload reloads the browser again).  A new change stops both;
   they start again after its page is shown.
3. Anything else — a new or deleted file, the settings, a template, a catalog,
   the plugin's code, no build kept yet — and whenever the fast path is not sure
   (any exception, an error of the content check, a Pelican warning, a changed
   date, title, slug, address, status or translation, a change of what the site
   index takes from the file: kind, meeting date and time, place, status, the
   "next" date and talks, an announcement's talks): the whole build in this
   process, as ``invoke build`` makes it (``sitebuild.BuildFailed`` keeps the
   old output and names every ``file:line``), then Pagefind in the background.
   It also renews the kept generator.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from . import contentcheck, sitebuild
from ..i18n.language import gettext as _

Stamps = dict[str, tuple[int, int]]  # path -> (mtime in ns, size)


@dataclass
class _Kept:
    generator: object  # Pelican's ArticlesGenerator of the last whole build
    content: Stamps  # content-relative paths
    others: Stamps  # settings, templates, catalogs, plugin code
    folders: list[Path]  # where the others are
    ignored: tuple[str, ...]  # IGNORE_FILES: no content


def _stamps(root: Path, relative: bool = True, ignored: tuple[str, ...] = ()) -> Stamps:
    found: Stamps = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            # Editors' swap and backup files come and go while an article is edited.
            if ignored and (name.startswith(".") or name.endswith("~")
                            or any(fnmatch.fnmatch(name, pattern) for pattern in ignored)):
                continue
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:  # removed meanwhile: the next change sees it
                continue
            key = os.path.relpath(path, root).replace(os.sep, "/") if relative else path
            found[key] = (stat.st_mtime_ns, stat.st_size)
    return found


class Preview:
    def __init__(self, settings_file: Path, content: Path, output: Path, log=print,
                 on_index_failure=None, overrides: dict | None = None, on_complete=None):
        self.settings_file, self.content, self.output = settings_file, content, output
        self.overrides = overrides
        self.log = log
        # Messages of a background build or search index that failed.
        self.on_index_failure = on_index_failure or (lambda messages: None)
        self.on_complete = on_complete or (lambda: None)
        self._kept: _Kept | None = None
        self._complete = False  # output is what a whole build of the kept state gives
        self._process: subprocess.Popen | None = None
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._result: int | None = None
        self._lock = threading.Lock()

    # --- what changed

    def _other_folders(self, settings: dict) -> list[Path]:
        """Where everything besides the content a page is made from lies."""
        from pelican.plugins import meetup

        folders = [Path(meetup.__file__).parent, Path(settings["THEME"])]
        folders += [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES") or ()]
        folders += [Path(p) for p in settings.get("MEETUP_TRANSLATION_PATHS") or ()]
        return folders

    def _other_inputs(self, folders: list[Path]) -> Stamps:
        found: Stamps = {}
        for folder in folders:
            found.update(_stamps(folder, relative=False))
        # The settings file and what it imports beside it (pelicanconf.py).
        for path in Path(self.settings_file).resolve().parent.glob("*.py"):
            stat = path.stat()
            found[str(path)] = (stat.st_mtime_ns, stat.st_size)
        return found

    def _edited(self, content: Stamps, others: Stamps) -> list[str] | None:
        """The article files edited since the kept build, or None: a whole build."""
        from ..glue import edited_pages

        kept = self._kept
        if kept is None or others != kept.others or content.keys() != kept.content.keys():
            return None
        edited = sorted(path for path, stamp in content.items() if kept.content[path] != stamp)
        if any(edited_pages.find(kept.generator, path) is None for path in edited):
            return None
        return edited

    # --- the rebuild

    def rebuild(self) -> list[str]:
        """Show the change in ``output``; returns the hints.  Raises sitebuild.BuildFailed
        (``output`` unchanged) when a whole build was needed and failed."""
        self.stop_indexing()
        kept = self._kept
        content = _stamps(Path(self.content), ignored=kept.ignored if kept else ())
        others = self._other_inputs(kept.folders) if kept else None
        edited = self._edited(content, others) if kept else None
        if edited == [] and self._complete:  # nothing new (an editor's backup file …)
            if self._result != 0:  # the search index was stopped or failed: again
                self._start_background(build=False)
            return []
        if edited is not None:
            try:
                hints = self._show_edited(edited, _Kept(kept.generator, content, others,
                                                        kept.folders, kept.ignored))
            except Exception:  # not sure of the page: the whole build decides
                pass  # (the kept state, if the edit changed it, is gone already)
            else:
                self._complete = False
                self._start_background(build=True)
                return hints
        return self._whole_build()

    def _show_edited(self, edited: list[str], after: _Kept) -> list[str]:
        """Only the edited articles' pages, into ``output``; ``after``: what is kept then."""
        from ..glue import edited_pages

        generator = after.generator
        settings = generator.settings
        problems = contentcheck.check_files(Path(settings["PATH"]), settings, edited)
        if contentcheck.errors(problems):
            raise edited_pages.Unsure("the content check found errors")
        hints = [str(problem) for problem in problems]
        output = Path(os.path.abspath(self.output))
        collector = sitebuild._Collector()
        root = logging.getLogger()
        root.addHandler(collector)
        try:
            with sitebuild._build_lock(output):
                staging = sitebuild._make_staging(output)
                try:
                    pairs = [(old, edited_pages.read_again(generator, old)) for old in
                             (edited_pages.find(generator, path) for path in edited)]
                    for old, new in pairs:
                        edited_pages.treat(generator, old, new)
                    self._kept = None  # from here on the kept state is the edit's
                    for old, new in pairs:
                        edited_pages.swap(generator, old, new)
                    pages = [(edited_pages.render(generator, new, staging), new.save_as)
                             for _, new in pairs]
                    if collector.failures:
                        raise edited_pages.Unsure("; ".join(collector.failures))
                    for page, save_as in pages:
                        target = output / save_as
                        target.parent.mkdir(parents=True, exist_ok=True)
                        os.replace(page, target)
                finally:
                    shutil.rmtree(staging, ignore_errors=True)
        finally:
            root.removeHandler(collector)
        self._kept = after
        for hint in hints:
            self.log(hint)
        for hint in collector.hints:
            self.log(_("Hint: {hint}").format(hint=hint))
        return hints + collector.hints

    def _whole_build(self) -> list[str]:
        from pelican.generators import ArticlesGenerator

        # Before the build: a change made while it runs is seen by the next rebuild.
        settings = sitebuild.read_settings(self.settings_file, self.content, self.overrides)
        folders, ignored = self._other_folders(settings), tuple(settings["IGNORE_FILES"])
        others = self._other_inputs(folders)
        content = _stamps(Path(self.content), ignored=ignored)
        found = {}
        hints = sitebuild.build(
            self.settings_file, self.output, content=self.content, overrides=self.overrides,
            search_index=False, log=self.log, in_place=True,
            connect={"all_generators_finalized": lambda generators: found.update(
                generator=next((g for g in generators if isinstance(g, ArticlesGenerator)),
                               None))})
        generator = found.get("generator")
        self._kept = _Kept(generator, content, others, folders, ignored) \
            if generator is not None else None
        self._complete = True
        self._start_background(build=False)
        return hints

    # --- in the background: the whole build (child process), then Pagefind

    def _start_background(self, build: bool) -> None:
        self._stop = threading.Event()
        self._result = None
        self._watcher = threading.Thread(target=self._background, args=(build, self._stop),
                                         daemon=True)
        self._watcher.start()

    def _background(self, build: bool, stop: threading.Event) -> None:
        if build:
            job = pickle.dumps((self.settings_file, self.output, self.content, self.overrides))
            child = self._run([sys.executable, "-m", __name__], stop, job)
            if child is None:
                return
            if child.returncode != 0:
                self._result = child.returncode
                try:
                    messages = json.loads(child.stdout)
                except ValueError:
                    messages = [child.stderr.strip() or f"exit code {child.returncode}"]
                self.on_index_failure(messages)
                return
            self._complete = True
            self.on_complete()
        indexer = self._run(sitebuild.search_index_command(self.output), stop)
        if indexer is None:
            return
        self._result = indexer.returncode
        failures = sitebuild.search_index_failure(indexer)
        if failures:
            self.on_index_failure(failures)

    def _run(self, command: list[str], stop: threading.Event, job: bytes | None = None):
        """``command`` to its end (None: stopped for a newer change)."""
        with self._lock:
            if stop.is_set():
                return None
            # Its own process group: stopping it stops its Markdown workers too.
            process = self._process = subprocess.Popen(
                command, stdin=subprocess.PIPE if job else subprocess.DEVNULL,
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        stdout, stderr = process.communicate(job)
        if stop.is_set() or process.returncode < 0:
            return None
        return subprocess.CompletedProcess(command, process.returncode,
                                           stdout.decode("utf-8", "replace"),
                                           stderr.decode("utf-8", "replace"))

    def stop_indexing(self) -> None:
        """Stop the background build and search index (a newer change is coming)."""
        with self._lock:
            self._stop.set()
            process, self._process = self._process, None
            if process is not None and process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None

    def wait_for_index(self) -> int | None:
        """Wait for the background build and the search index; Pagefind's exit code (the
        build's when it failed; None: nothing ran)."""
        if self._watcher is not None:
            self._watcher.join()
        return self._result


def main() -> int:
    """The background build (a child of Preview): its arguments pickled on stdin, the
    failure's messages as JSON on stdout."""
    settings_file, output, content, overrides = pickle.load(sys.stdin.buffer)
    try:
        sitebuild.build(settings_file, output, content=content, overrides=overrides,
                        search_index=False, log=lambda message: None, in_place=True)
    except sitebuild.BuildFailed as failure:
        print(json.dumps(failure.messages))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
