"""The site's language, from Pelican's ``DEFAULT_LANG``: catalogs, Babel locale,
the codes that HTML, OpenGraph and schema.org want, and the fixed pages' addresses.

``DEFAULT_LANG = "de"`` gives German texts, German dates ("Dienstag, 20. Januar
2026") and ``archiv/``; ``"en"`` English ones and ``archive/``; ``"en_GB"`` (or
``"en-GB"``) British dates with the English catalog.  No OS locale is involved.

The organizer's tools (check, new, build, publish) speak the site's language too:
``activate(settings)`` makes it the language of ``gettext``/``ngettext`` here,
which the organizer modules use for every message they print.  The reader's
problems (``reading.model.Text``: an English id and its values) are shown with
``translate(text)``, or ``text.format(language)``: a ``Language`` is their translator.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import posixpath
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.dates import format_date, format_skeleton

from . import catalogs


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a message for extraction; it is translated where it is shown."""
    return message


@dataclass(frozen=True)
class Language:
    code: str  # Babel's form: "de", "en_GB"
    folders: tuple[str, ...] = ()  # MEETUP_TRANSLATION_PATHS

    @functools.cached_property
    def locale(self) -> Locale:
        return Locale.parse(self.code)

    @property
    def translations(self):
        """Read again when a catalog file changed (livereload)."""
        return catalogs.translations(self.code, self.folders)

    @property
    def has_catalog(self) -> bool:
        """A catalog of this language (or its base language) exists."""
        return any(catalogs.catalog_path(folder, candidate).is_file()
                   for candidate in catalogs.candidates(self.code)
                   for folder in [*map(Path, self.folders), catalogs.BUILTIN])

    @property
    def html(self) -> str:
        """For ``<html lang>`` and JSON-LD ``inLanguage``: ``de``, ``en-GB`` (BCP 47)."""
        return self.code.replace("_", "-")

    @property
    def og_locale(self) -> str:
        """For ``og:locale``: language_TERRITORY, ``de_DE`` for plain ``de``."""
        locale = self.locale
        territory = locale.territory
        if not territory:
            likely = get_global("likely_subtags").get(locale.language, "")
            territory = next((part for part in likely.split("_")[1:]
                              if len(part) == 2 and part.isupper()), "")
        return f"{locale.language}_{territory}" if territory else locale.language

    # gettext, so a Language can be handed around as "the translator".
    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self.translations.npgettext(context, singular, plural, count)

    # For the reader's messages (reading.model.Text): a date and a weekday in them.
    def short_date(self, day) -> str:
        """``21.3.2024`` in German, ``3/21/2024`` in English (day, month, full year)."""
        return format_skeleton("yMd", day, locale=self.locale)

    def weekday_name(self, day) -> str:
        """``Donnerstag``, ``Thursday``."""
        return format_date(day, "EEEE", locale=self.locale)


def _folders(settings: Mapping) -> tuple[str, ...]:
    value = settings.get("MEETUP_TRANSLATION_PATHS") or ()
    if isinstance(value, (str, Path)):
        value = [value]
    return tuple(str(Path(folder)) for folder in value)


def of(settings: Mapping | str | None) -> Language:
    """The language of a site (its settings) or of a code; Pelican's default is English."""
    if isinstance(settings, Language):
        return settings
    if settings is None or isinstance(settings, str):
        return _language(catalogs.normalize(settings or catalogs.SOURCE_LANGUAGE), ())
    code = settings.get("DEFAULT_LANG") or catalogs.SOURCE_LANGUAGE
    return _language(catalogs.normalize(code), _folders(settings))


@functools.lru_cache(maxsize=16)
def _language(code: str, folders: tuple[str, ...]) -> Language:
    return Language(code, folders)


# --- The fixed pages' addresses ------------------------------------------------------

ADDRESS = "address"


def fixed_slugs(language: Language) -> dict[str, str]:
    """Template name -> the slug of its page in ``language`` (``archiv`` in German).

    Catalogs translate them in the context "address": lower case, digits and "-"."""
    return {
        "archives": language.pgettext("address", "archive"),
        "talks": language.pgettext("address", "talks"),
        "statistics": language.pgettext("address", "statistics"),
        "search": language.pgettext("address", "search"),
        "venues": language.pgettext("address", "venues"),
    }


def calendar_names(language: Language) -> tuple[str, str]:
    """The folder of the meetings' calendar files and the file beside a page:
    ``("termine", "termin")`` in German (``termine/2026-01-20.ics``, ``<page>/termin.ics``)."""
    return (language.pgettext("address", "events"), language.pgettext("address", "event"))


def page_settings(settings: Mapping) -> dict:
    """``ARCHIVES_SAVE_AS``/``ARCHIVES_URL`` … for every fixed page the settings do
    not set, in the site's language (``archiv/index.html`` and ``archiv/`` in German).
    One of the pair set gives the other: ``ARCHIVES_SAVE_AS = "alle/index.html"``
    alone means ``ARCHIVES_URL = "alle/"``."""
    language = of(settings)
    result = {}
    for name, folder in fixed_slugs(language).items():
        save_key, url_key = f"{name.upper()}_SAVE_AS", f"{name.upper()}_URL"
        save_as, url = settings.get(save_key), settings.get(url_key)
        if save_as is None and url is None:
            save_as, url = f"{folder}/index.html", f"{folder}/"
        elif url is None:
            url = (posixpath.dirname(save_as) + "/") if posixpath.basename(save_as) == "index.html" \
                else save_as
        elif save_as is None:
            save_as = url + "index.html" if url.endswith("/") or not url else url
        if settings.get(save_key) is None:
            result[save_key] = save_as
        if settings.get(url_key) is None:
            result[url_key] = url
    return result


def with_page_settings(settings: Mapping) -> dict:
    """``settings`` with the fixed pages' addresses filled in (a new dict)."""
    merged = dict(settings)
    merged.update(page_settings(settings))
    return merged


# --- The organizer's messages ----------------------------------------------------------

_ACTIVE: contextvars.ContextVar[Language | None] = contextvars.ContextVar("meetup_language",
                                                                          default=None)


def activate(settings: Mapping | str | None) -> Language:
    """Make the site's language the one of this module's gettext (until changed).

    Catalog files are looked up again from here on (a build starts with this)."""
    catalogs.forget()
    language = of(settings)
    _ACTIVE.set(language)
    return language


@contextlib.contextmanager
def using(settings: Mapping | str | None) -> Iterator[Language]:
    """The site's language for the messages made inside the ``with`` block."""
    token = _ACTIVE.set(of(settings))
    try:
        yield _ACTIVE.get()
    finally:
        _ACTIVE.reset(token)


def active() -> Language:
    """The activated language; English until a site's settings say otherwise."""
    return _ACTIVE.get() or of(None)


def gettext(message: str) -> str:
    return active().gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return active().ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return active().pgettext(context, message)


def translate(message, language: Language | None = None) -> str:
    """A reader's message (``reading.model.Text``, anything with ``format(translator)``)
    in ``language`` (the active one by default); a plain string as it is."""
    if isinstance(message, str) or not callable(getattr(message, "format", None)):
        return str(message)
    return message.format(language or active())


_ = gettext
