"""A strict, atomic site build: what ``invoke build`` runs.

First the content check (``contentcheck``): its errors fail the build before
Pelican runs, as ``file:line: message`` lines.  Then Pelican, where every
ERROR and every WARNING from Pelican itself fails the build (a skipped file, a
broken ``{filename}`` link, a plugin that did not load).  The plugin's own
reading warnings ("next section without a date") are shown but do not fail it.

The site is built into a fresh folder beside ``output`` and swapped in only
when everything succeeded, so a failed or killed build leaves the previous
output untouched.  A build killed mid-way leaves its staging folder behind;
the next build into the same place removes it.  Builds into the same parent
folder take turns (a lock on that folder), so one never removes another's
staging folder.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import contentcheck

logger = logging.getLogger(__name__)

# Loggers whose warnings are reading hints, not build failures.
SOFT_LOGGERS = ("meetup",)
STAGING_MARK = ".building-"
OLD_MARK = ".old-"

# Write errors an organizer can do something about, in their words.
_WRITE_ERRORS = {
    errno.ENOSPC: "kein Platz mehr auf dem Datenträger",
    errno.EDQUOT: "Speicherkontingent (Quota) erschöpft",
    errno.EFBIG: "Datei zu groß (Dateigrößen-Limit oder Datenträger voll)",
    errno.EACCES: "keine Schreibrechte",
    errno.EPERM: "keine Schreibrechte",
    errno.EROFS: "Datenträger ist schreibgeschützt",
    errno.ENOTDIR: "ein Teil des Pfads ist eine Datei, kein Ordner",
}


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


def read_settings(settings_file: Path, content: Path | None = None,
                  overrides: dict | None = None) -> dict:
    """Pelican's settings from ``settings_file``; a clear BuildFailed if unreadable."""
    from pelican.settings import read_settings as pelican_read_settings

    override = dict(overrides or {})
    if content is not None:
        content = Path(content).resolve()
        if not content.is_dir():
            raise BuildFailed([f"Content-Ordner {content} gibt es nicht"])
        override["PATH"] = str(content)
    settings_file = Path(settings_file).resolve()
    if not settings_file.is_file():
        raise BuildFailed([f"Einstellungsdatei {settings_file} gibt es nicht"])
    try:
        return pelican_read_settings(str(settings_file), override=override)
    except Exception as error:  # a typo in pelicanconf.py, a missing content folder
        raise BuildFailed([f"{settings_file}: Einstellungen nicht lesbar: {_describe(error)}"]) from None


def check(settings: dict, display_root: Path | None = None,
          with_facts: bool = False) -> list[contentcheck.ContentProblem]:
    """The content check on the settings' content folder (``invoke check``)."""
    read_facts = facts_reader(settings) if with_facts else None
    return contentcheck.check_content(Path(settings["PATH"]), settings,
                                      display_root=display_root, read_facts=read_facts)


def facts_reader(settings: dict):
    """The plugin's reader (meetup.reading.facts) as a content-check callable."""
    import datetime as dt

    from ..reading.facts import read_facts

    default_time = dt.time.fromisoformat(str(settings.get("MEETUP_DEFAULT_TIME") or "18:30"))

    def problems(text: str, date: dt.datetime, headers: dict):
        facts = read_facts(text, date=date, category=headers.get("category"),
                           default_time=default_time)
        return [(problem.line, problem.message) for problem in facts.problems]

    return problems


def build(
    settings_file: Path,
    output: Path,
    content: Path | None = None,
    overrides: dict | None = None,
    search_index: bool = True,
    log=print,
) -> list[str]:
    """Build the site into ``output``; return the hints shown.

    Raises BuildFailed with every message that failed the build; ``output`` is
    then exactly as it was before.
    """
    output = Path(os.path.abspath(output))
    settings = read_settings(settings_file, content, overrides)
    _refuse_dangerous_output(output, settings, Path(settings_file))
    _refuse_paths_outside(settings)

    with _build_lock(output):
        try:
            _clean_leftovers(output)
        except OSError as error:
            raise BuildFailed([f"Reste eines abgebrochenen Builds nicht entfernbar: {_describe(error)}"]) from None
        try:
            problems = check(settings)
        except Exception as error:  # a bug in the check must not end in a traceback
            raise BuildFailed([f"Inhaltsprüfung abgebrochen: {type(error).__name__}: {error}"]) from None
        failures = [str(problem) for problem in contentcheck.errors(problems)]
        if failures:
            raise BuildFailed(failures)
        hints = [str(problem) for problem in problems if problem.severity != "error"]
        for hint in hints:
            log(hint)
        staging = _make_staging(output)
        collector = _Collector()
        root = logging.getLogger()
        root.addHandler(collector)
        try:
            try:
                _run_pelican(settings, staging)
            except Exception as error:  # a crash inside Pelican or a plugin
                collector.failures.append(_describe(error))
            if not collector.failures and search_index:
                collector.failures.extend(_index_search(staging))
            if collector.failures:
                raise BuildFailed(collector.failures)
            try:
                _swap_in(staging, output)
            except OSError as error:
                raise BuildFailed([_describe(error)]) from None
        finally:
            root.removeHandler(collector)
            shutil.rmtree(staging, ignore_errors=True)
    for hint in collector.hints:
        log(f"Hinweis: {hint}")
    return hints + collector.hints


def _run_pelican(settings: dict, output: Path) -> None:
    from pelican import Pelican

    settings = dict(settings)
    settings["OUTPUT_PATH"] = str(output)
    Pelican(settings).run()


def _describe(error: BaseException) -> str:
    """One line an organizer understands, for an exception that stopped the build."""
    if isinstance(error, OSError) and error.errno in _WRITE_ERRORS:
        where = f" ({error.filename})" if error.filename else ""
        return f"Schreiben fehlgeschlagen{where}: {_WRITE_ERRORS[error.errno]}"
    text = str(error)
    if isinstance(error, RuntimeError) and "break out of output directory" in text:
        return f"abgebrochen: Pelican sollte außerhalb des Ausgabeordners schreiben ({text})"
    return f"Build abgebrochen: {type(error).__name__}: {text}"


# --- Where the build may write ----------------------------------------------------


def _refuse_dangerous_output(output: Path, settings: dict, settings_file: Path) -> None:
    """The swap replaces ``output`` completely: never let it be anything else."""
    content = Path(settings["PATH"]).resolve()
    real = output.resolve()
    reasons = []
    if real == Path(real.anchor) or real == Path.home():
        reasons.append("ist das Wurzel- oder Home-Verzeichnis")
    if real == content or real in content.parents or content in real.parents:
        reasons.append(f"überschneidet sich mit dem Content-Ordner {content}")
    if real in Path(settings_file).resolve().parents:
        reasons.append("enthält die Einstellungsdatei")
    if (real / ".git").exists():
        reasons.append("ist ein Git-Repository")
    if real.exists() and not real.is_dir():
        reasons.append("ist eine Datei, kein Ordner")
    if reasons:
        raise BuildFailed([f"Ausgabeordner {output} {'; '.join(reasons)}: Build verweigert"])


def _refuse_paths_outside(settings: dict) -> None:
    """Every ``*_SAVE_AS`` setting must stay inside the output folder."""
    bad = []
    for key in sorted(settings):
        value = settings[key]
        if key.endswith("_SAVE_AS") and isinstance(value, str) and contentcheck._leaves_output(value):
            bad.append(f"Einstellung {key} = {value!r} zeigt aus dem Ausgabeordner heraus")
    if bad:
        raise BuildFailed(bad)


@contextlib.contextmanager
def _build_lock(output: Path):
    """Builds into the same parent folder take turns (released when the process dies)."""
    parent = output.parent
    blocking = next((p for p in [parent, *parent.parents] if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise BuildFailed([f"Ausgabeordner {output} nicht anlegbar ({blocking} ist eine Datei, kein Ordner)"])
    try:
        parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(parent, os.O_RDONLY)
    except OSError as error:
        reason = _WRITE_ERRORS.get(error.errno, error.strerror or str(error))
        raise BuildFailed([f"Ausgabeordner {output} nicht anlegbar ({reason})"]) from None
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Warte auf einen anderen Build in {parent} …", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _leftovers(output: Path, mark: str) -> list[Path]:
    prefix = f".{output.name}{mark}"
    return sorted(p for p in output.parent.iterdir() if p.name.startswith(prefix) and p.is_dir())


def _clean_leftovers(output: Path) -> None:
    """Remove what a killed build left behind (under the lock: nothing is running).

    If a build died between the two renames of the fallback swap, ``output``
    is missing and the old site is still there: put it back first.
    """
    olds = _leftovers(output, OLD_MARK)
    if olds and not output.exists():
        try:
            os.replace(olds[-1], output)
        except OSError as error:
            raise BuildFailed([f"{olds[-1]} (die vorige Site) nicht zurückholbar: {_describe(error)}"]) from None
        olds = olds[:-1]
    for leftover in _leftovers(output, STAGING_MARK) + olds:
        logger.info("removing %s left by an interrupted build", leftover)
        shutil.rmtree(leftover, ignore_errors=True)


def _make_staging(output: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f".{output.name}{STAGING_MARK}", dir=output.parent))
    except OSError as error:
        reason = _WRITE_ERRORS.get(error.errno, error.strerror or str(error))
        raise BuildFailed([f"kann in {output.parent} nicht schreiben ({reason}); "
                           f"der Build legt die neue Site dort an, bevor er {output.name}/ ersetzt"]) from None


def _index_search(site: Path) -> list[str]:
    """Run Pagefind over the built site; return failure messages."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        return [f"Suchindex (pagefind) fehlgeschlagen: {result.stderr.strip() or result.stdout.strip()}"]
    return []


# --- The swap ------------------------------------------------------------------------

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where unsupported."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap_in(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging``: atomically where the system allows."""
    if not output.exists():
        os.replace(staging, output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # now holds the previous site
        return
    # Two renames; a build killed in between is repaired by _clean_leftovers.
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}{OLD_MARK}", dir=output.parent))
    old.rmdir()
    os.replace(output, old)
    os.replace(staging, output)
    shutil.rmtree(old, ignore_errors=True)
