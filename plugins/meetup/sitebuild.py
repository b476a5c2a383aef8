"""A strict, atomic site build: what ``invoke build`` runs.

Pelican logs problems and still exits 0; here every ERROR and every WARNING
from Pelican itself fails the build (a skipped file, a broken ``{filename}``
link, a plugin that did not load).  The plugin's own reading warnings
("next section without a date") are shown but do not fail it.

The site is built into a fresh folder beside ``output`` and swapped in only
when everything succeeded, so a failed or killed build leaves the previous
output untouched.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

# Loggers whose warnings are reading hints, not build failures.
SOFT_LOGGERS = ("meetup",)


class BuildFailed(Exception):
    def __init__(self, messages: list[str]):
        super().__init__("\n".join(messages))
        self.messages = messages


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.failures: list[str] = []
        self.hints: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        soft = record.levelno < logging.ERROR and record.name.split(".")[0] in SOFT_LOGGERS
        (self.hints if soft else self.failures).append(message)


def _run_pelican(settings_file: Path, content: Path | None, output: Path, overrides: dict):
    from pelican import Pelican
    from pelican.settings import read_settings

    override = dict(overrides)
    override["OUTPUT_PATH"] = str(output)
    if content is not None:
        override["PATH"] = str(content)
    settings = read_settings(str(settings_file), override=override)
    Pelican(settings).run()


def build(
    settings_file: Path,
    output: Path,
    content: Path | None = None,
    overrides: dict | None = None,
    search_index: bool = True,
    log=print,
) -> list[str]:
    """Build the site into ``output``; return the plugin's reading hints.

    Raises BuildFailed with every message that failed the build; ``output`` is
    then exactly as it was before.
    """
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    collector = _Collector()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        try:
            _run_pelican(settings_file.resolve(), content, staging, overrides or {})
        except Exception as error:  # a crash inside Pelican or a plugin
            collector.failures.append(f"build stopped: {type(error).__name__}: {error}")
        if not collector.failures and search_index:
            collector.failures.extend(_index_search(staging))
        if collector.failures:
            raise BuildFailed(collector.failures)
        _swap_in(staging, output)
    finally:
        root.removeHandler(collector)
        shutil.rmtree(staging, ignore_errors=True)
    for hint in collector.hints:
        log(f"Hinweis: {hint}")
    return collector.hints


def _index_search(site: Path) -> list[str]:
    """Run Pagefind over the built site; return failure messages."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return [f"search index (pagefind) failed: {result.stderr.strip() or result.stdout.strip()}"]
    return []


def _swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames on the same disk."""
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        old.rmdir()
        os.replace(output, old)
    os.replace(staging, output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
