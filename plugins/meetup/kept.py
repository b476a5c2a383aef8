"""Data derived from a source file, kept between processes.

Some of what every build needs is derived from a file that rarely changes and
costs far more to derive than to load: the given names parsed from
gender-guesser's 60,000-line data file (``reading/names.py``: ~85 ms, loaded
~15 ms), the message catalogs compiled from their ``.po`` files
(``i18n/catalogs.py``: ~60 ms, loaded in a few ms).  Every build is a new
process, so an in-process cache alone pays it again each time.

``derived(kind, source, make, dump=…, load=…, versions=…, code=…)`` keeps the
derived bytes in a file named by a SHA-256 of everything that decides them: the
``source`` bytes themselves (an edited file is another key, so it is derived
again; its modification time plays no part), ``kind``, this store's format,
``versions`` (of the libraries that derive) and the bytes of the ``code`` files
(the module doing the deriving: an edit of that code is another key as well).
The source file stays the truth, the kept copy is never more than a shortcut.

Where: ``_meetup-kept-<uid>`` in the system's temporary folder
(``tempfile.gettempdir()``, so ``TMPDIR`` moves it: the tests point it at a
folder of their own that way; no variable of its own), created with mode 0o700
like Jinja's ``_jinja2-cache-<uid>``; a folder there that is not a folder, not
the user's own or open to the group or others is refused, never used or
repaired.  Never in the site's folder: its ``git status`` stays clean.

Each file is written to a temporary file beside it and renamed over it
(``os.replace``), so parallel builds and test workers never see half a file,
and each carries a SHA-256 of its content: a truncated or otherwise damaged
file, one that ``load`` rejects, any OSError (no such folder, a full or
read-only disk), all mean the same: derive it as without the store, use that,
and replace the file where possible.  Nothing here is logged above DEBUG (a
build's warnings are the organizer's hints).  Old entries are not removed: they
are small (the names 0.5 MB, a catalog 40 kB) and the system's temporary folder
is cleaned by the system.

Standard library only: the pure reader (``reading``) and ``i18n`` use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import stat
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")

# The layout of a kept file: MAGIC, the SHA-256 of the payload, the payload.  Raise
# FORMAT when the layout or the key's composition changes.
FORMAT = 1
MAGIC = b"meetup-kept %d\n" % FORMAT
_DIGEST_SIZE = hashlib.sha256().digest_size
_KIND = re.compile(r"[a-z0-9][a-z0-9-]*")


class UnsafeFolder(OSError):
    """The store's folder is not a private folder of this user."""


def folder() -> Path:
    """The store's folder, created private if missing; OSError if it cannot be used
    (UnsafeFolder if it is not a folder, not the user's own or open to others)."""
    if not hasattr(os, "getuid"):  # pragma: no cover - not on POSIX: no store
        raise UnsafeFolder("no private temporary folder on this system")
    path = Path(tempfile.gettempdir()) / f"_meetup-kept-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, stat.S_IRWXU)
    info = os.lstat(path)  # a symbolic link is refused, not followed
    if not stat.S_ISDIR(info.st_mode):
        raise UnsafeFolder(f"{path} is not a folder")
    if info.st_uid != os.getuid():
        raise UnsafeFolder(f"{path} belongs to another user")
    if stat.S_IMODE(info.st_mode) & (stat.S_IRWXG | stat.S_IRWXO):
        raise UnsafeFolder(f"{path} is open to other users (mode {stat.S_IMODE(info.st_mode):o})")
    return path


def key(kind: str, source: bytes, versions: Iterable[str] = (),
        code: Iterable[str | os.PathLike] = ()) -> str:
    """The hex SHA-256 naming what ``source`` gives for ``kind`` (OSError if a file of
    ``code`` cannot be read)."""
    digest = hashlib.sha256()

    def part(data: bytes) -> None:  # length first: no two lists of parts run together
        digest.update(b"%d:" % len(data))
        digest.update(data)

    part(MAGIC)
    part(kind.encode())
    versions = list(versions)
    part(b"%d versions" % len(versions))
    for version in versions:
        part(version.encode("utf-8", "surrogateescape"))
    for path in code:
        part(Path(path).read_bytes())
    part(source)
    return digest.hexdigest()


def path_of(kind: str, source: bytes, versions: Iterable[str] = (),
            code: Iterable[str | os.PathLike] = ()) -> Path:
    """Where ``derived`` keeps what ``source`` gives for ``kind`` (the folder is made)."""
    if not _KIND.fullmatch(kind):
        raise ValueError(f"kind {kind!r}: lower-case letters, digits and '-' only")
    return folder() / f"{kind}-{key(kind, source, versions, code)}.kept"


def derived(kind: str, source: bytes, make: Callable[[], T], *, dump: Callable[[T], bytes],
            load: Callable[[bytes], T], versions: Iterable[str] = (),
            code: Iterable[str | os.PathLike] = ()) -> T:
    """What ``make()`` derives from ``source``, loaded from the store when it holds it.

    ``make`` must be a pure function of ``source``, ``versions`` (of the libraries it
    uses) and ``code`` (the files of the code that derives, such as the caller's own
    module).  ``load(dump(x))`` must equal ``x``; ``load`` raises on bytes that are not
    what ``dump`` writes.  Exceptions of ``make`` pass through (nothing is kept then);
    the store's own failures never do."""
    try:
        path: Path | None = path_of(kind, source, versions, code)
    except OSError as error:
        logger.debug("%s: not kept (%s)", kind, error)
        path = None
    if path is not None:
        payload = _read(path)
        if payload is not None:
            try:
                return load(payload)
            except Exception as error:  # whatever fails to load is derived again
                logger.debug("%s: kept file not loadable, derived again (%s)", path, error)
    value = make()
    if path is not None:
        try:
            _write(path, dump(value))
        except OSError as error:  # a full or read-only disk: this process has the value
            logger.debug("%s: not kept (%s)", path, error)
    return value


def _read(path: Path) -> bytes | None:
    """The payload of a kept file, None if it is missing, unreadable or damaged."""
    try:
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError:  # missing (the first build), a folder, no permission
        return None
    header = len(MAGIC) + _DIGEST_SIZE
    payload = data[header:]
    if (len(data) < header or not data.startswith(MAGIC)
            or hashlib.sha256(payload).digest() != data[len(MAGIC):header]):
        logger.debug("%s: damaged, derived again", path)
        return None
    return payload


def _write(path: Path, payload: bytes) -> None:
    """``path`` replaced at once by a complete file (a temporary file renamed)."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                             suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(MAGIC)
            stream.write(hashlib.sha256(payload).digest())
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
