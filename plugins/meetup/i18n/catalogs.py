"""Message catalogs: ``<folder>/<lang>/LC_MESSAGES/meetup.po``, compiled when used.

The message ids are English (the source language); a catalog translates them.
The ``.po`` files are the catalogs, the only ones in the repository or a site's
folder.  Each is read whenever a process first needs it (again when it changes);
its compiled ``.mo`` bytes are kept between processes by ``kept`` (in the user's
private folder in the system's temporary folder, never beside the ``.po``), under
a hash of the ``.po``'s bytes, Babel's version and this module's code.  An edited
``.po`` has another hash and is compiled again, so a build never runs with a stale
binary; an unchanged one is loaded in ~1 ms instead of parsed and compiled in
20-40 ms.  Compiling is deterministic: the same ``.po`` gives the same messages.

Lookup for a site in ``en_GB`` with extra folders (MEETUP_TRANSLATION_PATHS):
``en_GB`` then ``en``, each first in the extra folders, then in the plugin's own
``translations/``; what none of them translates stays the English message id.
A partial catalog (a new language, half done) therefore shows English for the
rest, never an empty text.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

import babel
from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from .. import kept

DOMAIN = "meetup"
SOURCE_LANGUAGE = "en"
# The plugin's own catalogs.
BUILTIN = Path(__file__).resolve().parents[1] / "translations"


class LanguageError(ValueError):
    pass


def normalize(code: str) -> str:
    """``de``, ``de-AT``, ``en_gb`` -> Babel's ``de``, ``de_AT``, ``en_GB``."""
    text = str(code or "").strip().replace("-", "_")
    try:
        return str(Locale.parse(text))
    except (UnknownLocaleError, ValueError, TypeError):
        raise LanguageError(
            f"DEFAULT_LANG {code!r} is no language Babel knows; use a code like "
            '"de", "en", "en_GB" or "fr"') from None


def candidates(code: str) -> list[str]:
    """``en_GB`` -> ``["en_GB", "en"]``; ``zh_Hant_TW`` -> three, longest first."""
    parts = normalize(code).split("_")
    return ["_".join(parts[:count]) for count in range(len(parts), 0, -1)]


def catalog_path(folder: Path | str, code: str) -> Path:
    return Path(folder) / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def available(folders: Iterable[Path | str] = ()) -> list[str]:
    """Languages with a catalog in ``folders`` or the plugin's own, sorted."""
    found = set()
    for folder in [*map(Path, folders), BUILTIN]:
        if folder.is_dir():
            found |= {path.parents[1].name for path in folder.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found)


def catalog_files(code: str, folders: Sequence[Path | str] = ()) -> list[Path]:
    """The catalogs a site in ``code`` reads, most specific first (English last)."""
    order = []
    for candidate in candidates(code) + [SOURCE_LANGUAGE]:
        for folder in [*map(Path, folders), BUILTIN]:
            path = catalog_path(folder, candidate)
            if path.is_file() and path not in order:
                order.append(path)
    return order


def read_catalog(path: Path):
    """A ``.po`` file as Babel's Catalog (a broken file raises with its name)."""
    return _parse(path, Path(path).read_bytes())


def _parse(path: Path, source: bytes):
    try:
        return read_po(io.BytesIO(source), abort_invalid=True)
    except Exception as error:
        raise LanguageError(f"{path}: not a readable catalog: {error}") from None


def _mo_bytes(path: Path, source: bytes) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, _parse(path, source), use_fuzzy=False)
    return buffer.getvalue()


def compiled(path: Path) -> bytes:
    """The ``.mo`` bytes of the catalog ``path``, from the kept copy when the ``.po`` is
    unchanged (a broken ``.po`` raises LanguageError, each time: nothing is kept of it)."""
    source = Path(path).read_bytes()
    return kept.derived("catalog", source, lambda: _mo_bytes(path, source), dump=bytes,
                        load=_checked_mo, versions=[babel.__version__], code=[__file__])


def _checked_mo(data: bytes) -> bytes:
    if data[:4] not in (b"\xde\x12\x04\x95", b"\x95\x04\x12\xde"):  # gettext's magic
        raise ValueError("not a compiled catalog")
    return data


def _compile(path: Path) -> Translations:
    return Translations(io.BytesIO(compiled(path)), domain=DOMAIN)


@functools.lru_cache(maxsize=32)
def _chain(files: tuple[tuple[str, int, int], ...]) -> NullTranslations:
    """One translations object over ``files`` (path, mtime, size): a changed file
    is a new key, so an edited catalog is read again."""
    if not files:
        return NullTranslations()
    first, *rest = (_compile(Path(path)) for path, _, _ in files)
    for fallback in rest:
        first.add_fallback(fallback)
    return first


# (code, folders) -> the chain, until forget(): looking the files up costs more than
# a translation (a build asks ~40,000 times), so it happens once per build.
_RESOLVED: dict[tuple[str, tuple[str, ...]], NullTranslations] = {}


def forget() -> None:
    """Look the catalog files up again on the next translation (every build starts so,
    see language.activate: an edited or new catalog is read in the next build)."""
    _RESOLVED.clear()


def translations(code: str, folders: Sequence[Path | str] = ()) -> NullTranslations:
    """gettext, ngettext, pgettext and npgettext in ``code`` (English where untranslated)."""
    key = (code, tuple(str(folder) for folder in folders))
    found = _RESOLVED.get(key)
    if found is None:
        stamps = []
        for path in catalog_files(code, folders):
            stat = path.stat()
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        found = _RESOLVED[key] = _chain(tuple(stamps))
    return found
