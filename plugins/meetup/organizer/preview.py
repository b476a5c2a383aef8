"""The preview build behind ``invoke livereload``: the edit first, the search index after.

Every change rebuilds the site with the preview settings (``pelicanconf.py``:
content cache and parsed facts loaded), updates ``output`` in place (only the
files that changed are replaced, an unchanged page keeps its file) and tells
the browser to reload as soon as that is done.  The search index (Pagefind,
seconds at a large archive) is made after that in a separate process, so it
never holds the edited page back; until it is done the search finds what the
previous index had.  A change while it runs stops it; it starts again after
the next build.
"""

from __future__ import annotations

import subprocess
import threading
from pathlib import Path

from . import sitebuild


class Preview:
    def __init__(self, settings_file: Path, content: Path, output: Path, log=print,
                 on_index_failure=None, overrides: dict | None = None):
        self.settings_file, self.content, self.output = settings_file, content, output
        self.overrides = overrides
        self.log = log
        self.on_index_failure = on_index_failure or (lambda messages: None)
        self._indexer: subprocess.Popen | None = None
        self._watcher: threading.Thread | None = None
        self._lock = threading.Lock()

    def rebuild(self) -> list[str]:
        """Build into ``output`` (raises sitebuild.BuildFailed, output unchanged); the
        search index is started afterwards.  Returns the build's hints."""
        self.stop_indexing()
        hints = sitebuild.build(self.settings_file, self.output, content=self.content,
                                overrides=self.overrides, search_index=False, log=self.log,
                                in_place=True)
        self._start_indexing()
        return hints

    def _start_indexing(self) -> None:
        with self._lock:
            self._indexer = subprocess.Popen(
                sitebuild.search_index_command(self.output), stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, text=True)
            indexer = self._indexer
        self._watcher = threading.Thread(target=self._report, args=(indexer,), daemon=True)
        self._watcher.start()

    def _report(self, indexer: subprocess.Popen) -> None:
        stdout, stderr = indexer.communicate()
        indexer.stdout, indexer.stderr = stdout, stderr
        if indexer.returncode < 0:  # stopped for a newer build
            return
        failures = sitebuild.search_index_failure(indexer)
        if failures:
            self.on_index_failure(failures)

    def stop_indexing(self) -> None:
        with self._lock:
            indexer, self._indexer = self._indexer, None
        if indexer is not None and indexer.poll() is None:
            indexer.terminate()
        if self._watcher is not None:
            self._watcher.join()
            self._watcher = None

    def wait_for_index(self) -> int | None:
        """Wait until the search index is made; Pagefind's exit code (None: none ran)."""
        with self._lock:
            indexer = self._indexer
        if indexer is None:
            return None
        if self._watcher is not None:
            self._watcher.join()
        return indexer.returncode
