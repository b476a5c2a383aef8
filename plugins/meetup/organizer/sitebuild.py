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
staging folder; builds that share a content cache (``CACHE_PATH``) take turns
too, since Pelican rewrites its cache files in place and a build reading one
half-written would fail.

Reading a site's settings (``read_settings``) makes its language (``DEFAULT_LANG``)
the language of every message the organizer's tools print.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import gc
import gzip
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from . import contentcheck
from .. import settings as meetup_settings
from ..i18n import language as languages
from ..i18n.language import N_, gettext as _

logger = logging.getLogger(__name__)

# The plugin's loggers (pelican.plugins.meetup.*): their warnings are reading hints,
# not build failures.  Pelican's own loggers share the "pelican." prefix.
PLUGIN_LOGGER = __name__.rpartition(".organizer.")[0]
STAGING_MARK = ".building-"
OLD_MARK = ".old-"

# Write errors an organizer can do something about, in their words.
_WRITE_ERRORS = {
    errno.ENOSPC: N_("no space left on the disk"),
    errno.EDQUOT: N_("disk quota exceeded"),
    errno.EFBIG: N_("file too large (file size limit, or the disk is full)"),
    errno.EACCES: N_("no permission to write"),
    errno.EPERM: N_("no permission to write"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
}


def _write_error(code: int | None, fallback: str) -> str:
    return _(_WRITE_ERRORS[code]) if code in _WRITE_ERRORS else fallback


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
        ours = record.name == PLUGIN_LOGGER or record.name.startswith(PLUGIN_LOGGER + ".")
        soft = record.levelno < logging.ERROR and ours
        (self.hints if soft else self.failures).append(message)


def read_settings(settings_file: Path, content: Path | None = None,
                  overrides: dict | None = None) -> dict:
    """Pelican's settings from ``settings_file``; a clear BuildFailed if unreadable.

    The site's language becomes the language of the organizer's messages, with
    the fixed pages' addresses in it (``archiv/`` …) where the settings name none."""
    from pelican.settings import read_settings as pelican_read_settings

    override = dict(overrides or {})
    settings_file = Path(settings_file).resolve()
    if content is not None:
        content = Path(content).resolve()
        if not content.is_dir():
            _activate_language_of(settings_file)
            raise BuildFailed([_("Content folder {path} does not exist").format(path=content)])
        override["PATH"] = str(content)
    if not settings_file.is_file():
        raise BuildFailed([_("Settings file {path} does not exist").format(path=settings_file)])
    try:
        settings = pelican_read_settings(str(settings_file), override=override)
    except Exception as error:  # a typo in pelicanconf.py, a missing content folder
        raise BuildFailed([_("{path}: settings not readable: {error}").format(
            path=settings_file, error=_describe(error))]) from None
    try:
        languages.activate(settings)
    except languages.catalogs.LanguageError as error:
        raise BuildFailed([f"{settings_file}: {error}"]) from None
    # A setting an upgrade renamed: both names and the file, before anything runs.
    renamed = meetup_settings.renamed_problems(settings)
    if renamed:
        raise BuildFailed([f"{settings_file}: {problem}" for problem in renamed])
    # Any other wrong MEETUP_ setting (a typo, a bad value): named with its file too.
    try:
        meetup_settings.merged(settings)
    except meetup_settings.SettingsError as error:
        raise BuildFailed([f"{settings_file}: {error}"]) from None
    return languages.with_page_settings(settings)


def _activate_language_of(settings_file: Path) -> None:
    """The language of a site whose folders are wrong, for the message saying so."""
    from pelican.settings import read_settings as pelican_read_settings

    try:
        languages.activate(pelican_read_settings(str(settings_file)))
    except Exception:  # unreadable too: the message stays in English
        pass


def check(settings: dict, display_root: Path | None = None,
          with_facts: bool = False) -> list[contentcheck.ContentProblem]:
    """The content check on the settings' content folder (``invoke check``)."""
    read_facts = facts_reader(settings) if with_facts else None
    return contentcheck.check_content(Path(settings["PATH"]), settings,
                                      display_root=display_root, read_facts=read_facts)


def facts_reader(settings: dict):
    """The plugin's reader (pelican.plugins.meetup.reading.facts) as a content-check callable."""
    import datetime as dt

    from ..reading.facts import read_facts

    default_time = dt.time.fromisoformat(str(settings.get("MEETUP_DEFAULT_TIME") or "18:30"))

    def problems(text: str, date: dt.datetime, headers: dict):
        facts = read_facts(text, date=date, category=headers.get("category"),
                           default_time=default_time)
        # Shown by the content check in the site's language (i18n.language.translate).
        return [(problem.line, problem.text) for problem in facts.problems]

    return problems


def build(
    settings_file: Path,
    output: Path,
    content: Path | None = None,
    overrides: dict | None = None,
    search_index: bool = True,
    log=print,
    in_place: bool = False,
    connect: dict | None = None,
) -> list[str]:
    """Build the site into ``output``; return the hints shown.

    Raises BuildFailed with every message that failed the build; ``output`` is
    then exactly as it was before.  ``in_place`` (the preview): instead of the
    swap, only the files that changed are replaced in ``output`` and the ones
    no longer built are removed; an unchanged page keeps its file (and its
    time stamp), and ``output``'s search index stays until it is made again.
    ``connect`` ({Pelican signal name: handler}) connects handlers for this
    build's Pelican run only (the preview keeps the generators of its build).
    """
    output = Path(os.path.abspath(output))
    settings = read_settings(settings_file, content, overrides)
    _refuse_dangerous_output(output, settings, Path(settings_file))
    _refuse_paths_outside(settings)

    from ..glue import shared_markdown

    # A large cold build: the workers convert the files while the content check runs.
    with _build_lock(output), _cache_lock(settings, output), _fewer_collections(), \
            shared_markdown.converting_early(settings):
        try:
            _clean_leftovers(output)
        except OSError as error:
            raise BuildFailed([_("What a stopped build left behind cannot be removed: {error}")
                               .format(error=_describe(error))]) from None
        for cut_off in _drop_cut_off_caches(settings):
            log(_("Hint: {hint}").format(hint=_(
                "{path}: a cache file a stopped build left incomplete; removed, the files "
                "it held are read anew").format(path=cut_off)))
        try:
            problems = check(settings)
        except Exception as error:  # a bug in the check must not end in a traceback
            raise BuildFailed([_("Content check stopped: {kind}: {error}").format(
                kind=type(error).__name__, error=error)]) from None
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
                _run_pelican(settings, staging, connect or {})
            except Exception as error:  # a crash inside Pelican or a plugin
                collector.failures.append(_describe(error))
            if not collector.failures and search_index:
                collector.failures.extend(_index_search(staging))
            if collector.failures:
                raise BuildFailed(collector.failures)
            try:
                if in_place and output.is_dir():
                    update_in_place(staging, output, keep=(SEARCH_FOLDER,))
                else:
                    _swap_in(staging, output)
            except OSError as error:
                raise BuildFailed([_describe(error)]) from None
        finally:
            root.removeHandler(collector)
            shutil.rmtree(staging, ignore_errors=True)
    for hint in collector.hints:
        log(_("Hint: {hint}").format(hint=hint))
    return hints + collector.hints


def _run_pelican(settings: dict, output: Path, connect: dict) -> None:
    from pelican import Pelican, signals

    settings = dict(settings)
    settings["OUTPUT_PATH"] = str(output)
    connected = [(getattr(signals, name), handler) for name, handler in connect.items()]
    for signal, handler in connected:
        signal.connect(handler, weak=False)
    try:
        Pelican(settings).run()
    finally:
        for signal, handler in connected:
            signal.disconnect(handler)
        # A build that stopped before its end: no second writing process left over.
        from ..glue import parallel_output

        parallel_output.finish()


def _describe(error: BaseException) -> str:
    """One line an organizer understands, for an exception that stopped the build."""
    if isinstance(error, OSError) and error.errno in _WRITE_ERRORS:
        where = f" ({error.filename})" if error.filename else ""
        return _("Writing failed{where}: {reason}").format(
            where=where, reason=_(_WRITE_ERRORS[error.errno]))
    text = str(error)
    if isinstance(error, RuntimeError) and "break out of output directory" in text:
        return _("stopped: Pelican was to write outside the output folder ({error})").format(
            error=text)
    return _("Build stopped: {kind}: {error}").format(kind=type(error).__name__, error=text)


# --- Where the build may write ----------------------------------------------------


def _refuse_dangerous_output(output: Path, settings: dict, settings_file: Path) -> None:
    """The swap replaces ``output`` completely: never let it be anything else."""
    content = Path(settings["PATH"]).resolve()
    real = output.resolve()
    reasons = []
    if real == Path(real.anchor) or real == Path.home():
        reasons.append(_("is the root or home folder"))
    if real == content or real in content.parents or content in real.parents:
        reasons.append(_("overlaps the content folder {path}").format(path=content))
    if real in Path(settings_file).resolve().parents:
        reasons.append(_("contains the settings file"))
    if (real / ".git").exists():
        reasons.append(_("is a Git repository"))
    if real.exists() and not real.is_dir():
        reasons.append(_("is a file, not a folder"))
    if reasons:
        raise BuildFailed([_("Output folder {path} {reasons}: build refused").format(
            path=output, reasons="; ".join(reasons))])


def _refuse_paths_outside(settings: dict) -> None:
    """Every ``*_SAVE_AS`` setting must stay inside the output folder."""
    bad = []
    for key in sorted(settings):
        value = settings[key]
        if key.endswith("_SAVE_AS") and isinstance(value, str) and contentcheck._leaves_output(value):
            bad.append(_("Setting {key} = {value!r} points out of the output folder").format(
                key=key, value=value))
    if bad:
        raise BuildFailed(bad)


# How many more allocations than Python's default start a collection of the youngest
# objects during a build.
GC_THRESHOLD_FACTOR = 10


@contextlib.contextmanager
def _fewer_collections():
    """Python's cycle collector, less often for the length of a build.

    A build makes many objects that live to its end (Pelican's content, the facts,
    the templates) and little cyclic garbage, so most collections find nothing:
    at 1,200 files they took 0.6 s of the build process alone.  What is already
    there (the imported modules, a preview's last build) is frozen: no collection
    visits it again until the build ends.  Afterwards everything is as it was (a
    caller that froze objects itself keeps them frozen: then nothing is frozen here)."""
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0
    if freeze:
        gc.freeze()
    gc.set_threshold(threshold[0] * GC_THRESHOLD_FACTOR, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


@contextlib.contextmanager
def _build_lock(output: Path):
    """Builds into the same parent folder take turns (released when the process dies)."""
    parent = output.parent
    blocking = next((p for p in [parent, *parent.parents] if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise BuildFailed([_("Output folder {path} cannot be made ({blocking} is a file, not a "
                             "folder)").format(path=output, blocking=blocking)])
    try:
        parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(parent, os.O_RDONLY)
    except OSError as error:
        reason = _write_error(error.errno, error.strerror or str(error))
        raise BuildFailed([_("Output folder {path} cannot be made ({reason})").format(
            path=output, reason=reason)]) from None
    with _taking_turns(handle, parent):
        yield


@contextlib.contextmanager
def _cache_lock(settings: dict, output: Path):
    """Builds that read or write the same CACHE_PATH take turns (a lock on that folder)."""
    handle = None
    if settings.get("CACHE_CONTENT") or settings.get("LOAD_CONTENT_CACHE"):
        cache = Path(os.path.abspath(settings["CACHE_PATH"]))
        try:
            cache.mkdir(parents=True, exist_ok=True)
            if not os.path.samefile(cache, output.parent):  # locked already if the same
                handle = os.open(cache, os.O_RDONLY)
        except OSError:  # an unusable cache: Pelican reports it itself
            handle = None
    if handle is None:
        yield
        return
    with _taking_turns(handle, cache):
        yield


@contextlib.contextmanager
def _taking_turns(handle: int, folder: Path):
    """An exclusive lock on the open ``folder``, saying so when another build holds it;
    the handle is closed (and the lock let go) afterwards."""
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(_("Waiting for another build in {path} …").format(path=folder), file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)


def _leftovers(output: Path, mark: str) -> list[Path]:
    prefix = f".{output.name}{mark}"
    return sorted(p for p in output.parent.iterdir() if p.name.startswith(prefix) and p.is_dir())


def _drop_cut_off_caches(settings: dict) -> list[Path]:
    """Remove the gzip cache files (Pelican's and the facts') that a build killed while
    writing them left incomplete: Pelican would stop on them with an EOFError instead
    of reading the files anew.  Under the cache lock: no build is writing them."""
    if not (settings.get("LOAD_CONTENT_CACHE") and settings.get("GZIP_CACHE", True)):
        return []
    folder = Path(settings["CACHE_PATH"])
    removed = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if not path.is_file():
            continue
        try:
            with gzip.open(path, "rb") as stream:
                while stream.read(1 << 20):
                    pass
        except (EOFError, OSError, zlib.error):
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


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
            raise BuildFailed([_("{path} (the previous site) cannot be put back: {error}").format(
                path=olds[-1], error=_describe(error))]) from None
        olds = olds[:-1]
    for leftover in _leftovers(output, STAGING_MARK) + olds:
        logger.info("removing %s left by an interrupted build", leftover)
        shutil.rmtree(leftover, ignore_errors=True)


def _make_staging(output: Path) -> Path:
    try:
        return Path(tempfile.mkdtemp(prefix=f".{output.name}{STAGING_MARK}", dir=output.parent))
    except OSError as error:
        reason = _write_error(error.errno, error.strerror or str(error))
        raise BuildFailed([_("cannot write in {parent} ({reason}); the build makes the new site "
                             "there before it replaces {name}/").format(
                                 parent=output.parent, reason=reason, name=output.name)]) from None


SEARCH_FOLDER = "pagefind"


def search_index_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]


def search_index_failure(result) -> list[str]:
    if result.returncode != 0:
        return [_("Search index (pagefind) failed: {error}").format(
            error=(result.stderr or "").strip() or (result.stdout or "").strip())]
    return []


def _index_search(site: Path) -> list[str]:
    """Run Pagefind over the built site; return failure messages."""
    return search_index_failure(subprocess.run(search_index_command(site),
                                               capture_output=True, text=True))


def update_in_place(staging: Path, output: Path, keep: tuple[str, ...] = ()) -> int:
    """Make ``output`` hold what ``staging`` holds, touching only what differs.

    A file whose bytes are the same stays as it is; a new or changed one is
    moved in (one rename each, a reader never sees half a file); files and
    folders the build no longer makes are removed, except the top-level
    names in ``keep``.  Returns the number of files replaced or removed.
    """
    changed = 0
    # What the build no longer makes goes first (staging still holds everything).
    for folder, dirs, files in os.walk(output, topdown=True):
        relative = Path(folder).relative_to(output)
        if relative == Path("."):
            dirs[:] = [d for d in dirs if d not in keep]
            files = [f for f in files if f not in keep]
        built = staging / relative
        for name in list(dirs):
            if not (built / name).is_dir():
                shutil.rmtree(Path(folder) / name, ignore_errors=True)
                dirs.remove(name)
                changed += 1
        for name in files:
            if not (built / name).exists():
                (Path(folder) / name).unlink()
                changed += 1
    for folder, dirs, files in os.walk(staging):
        relative = Path(folder).relative_to(staging)
        target_folder = output / relative
        if target_folder.is_symlink() or (target_folder.exists() and not target_folder.is_dir()):
            target_folder.unlink()
        target_folder.mkdir(exist_ok=True)
        for name in files:
            source, target = Path(folder) / name, target_folder / name
            if target.is_dir() and not target.is_symlink():
                shutil.rmtree(target)
            elif target.is_file() and _same_bytes(source, target):
                continue
            os.replace(source, target)
            changed += 1
    return changed


def _same_bytes(a: Path, b: Path) -> bool:
    if a.stat().st_size != b.stat().st_size:
        return False
    return a.read_bytes() == b.read_bytes()


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
