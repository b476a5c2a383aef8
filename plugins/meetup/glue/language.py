"""Pelican glue for the site's language (``DEFAULT_LANG``).

- ``initialized``: the site's language becomes that of the build's messages; the
  fixed pages get their addresses in the site's language
  (``archiv/`` in German, ``archive/`` in English) unless the settings name them,
  the search page stays out of the sitemap, and a language without a catalog is
  reported (its site would show English texts).
- ``generator_init``: the template environment gets the catalogs (Jinja's i18n
  extension: ``_()``, ``ngettext()``, ``pgettext()``), the filters and globals
  in the site's language, and ``meetup_language`` for ``<html lang>`` and
  ``og:locale``.
"""

from __future__ import annotations

import logging
import re

from jinja2 import pass_context

from ..i18n import catalogs
from ..i18n import language as languages
from ..rendering import template_filters
from . import compiled_templates

logger = logging.getLogger(__name__)


def set_addresses(pelican) -> None:
    settings = pelican.settings
    # The build's messages (warnings, errors) in the site's language too.
    language = languages.activate(settings)
    if not language.has_catalog:
        logger.warning(language.gettext(
            "DEFAULT_LANG %(lang)r: no catalog for this language (there are: %(known)s); "
            "the site shows English texts") % {
                "lang": settings.get("DEFAULT_LANG"),
                "known": ", ".join(catalogs.available(language.folders))})
    settings.update(languages.page_settings(settings))
    sitemap = settings.get("SITEMAP")
    search = settings.get("SEARCH_URL")
    if isinstance(sitemap, dict) and search and "search" in settings.get("DIRECT_TEMPLATES", []):
        pattern = "^" + re.escape(search)
        excluded = list(sitemap.get("exclude", ()))
        if pattern not in excluded:
            settings["SITEMAP"] = {**sitemap, "exclude": [pattern, *excluded]}


def install(generator) -> None:
    """Catalogs, filters and globals of the site's language in ``generator.env``."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    language = languages.of(generator.settings)
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(language.translations, newstyle=True)
    _reuse_plain_messages(env)
    env.filters.update(template_filters.jinja_filters(language))
    env.globals.update(template_filters.jinja_globals(language))
    # Speed (bench/README.md): what is the same on every page is rendered once per
    # build; the environment lives for one build, so a template edited during
    # livereload is read again by the next build without a check per page, and a
    # template is compiled once, not once per generator and build (compiled_templates).
    env.globals["once_per_build"] = OncePerBuild()
    env.auto_reload = False
    compiled_templates.attach(env)


def _reuse_plain_messages(env) -> None:
    """Speed only: ``_("Text")`` without variables gives the same markup on every page.
    Jinja's newstyle gettext looks the message up, marks it safe and formats it again on
    each call, through its context twice (``_`` resolves ``gettext``): ~20 µs, 36,000
    calls at 1,200 files.  Here the first call's result is kept (per text and autoescape
    state); a call with variables, or one that raises, goes to Jinja's every time."""
    translate = env.globals["gettext"]
    made: dict[tuple[str, bool], str] = {}

    @pass_context
    def gettext(__context, __string, **variables):
        if variables:
            return translate(__context, __string, **variables)
        key = (__string, __context.eval_ctx.autoescape)
        found = made.get(key)
        if found is None:
            found = made[key] = translate(__context, __string)
        return found

    env.globals.update(gettext=gettext, _=gettext)


class OncePerBuild:
    """``{% call once_per_build("name", key, …) %}…{% endcall %}``: the block rendered
    for the first page, its markup reused for every page with the same key values
    (compared by identity: a new build's objects are new)."""

    def __init__(self):
        self._rendered: dict[tuple, tuple[tuple, str]] = {}

    def __call__(self, name: str, *key, caller):
        slot = (name, *(value if isinstance(value, (str, int, type(None))) else id(value)
                        for value in key))
        found = self._rendered.get(slot)
        if found is not None and all(a is b for a, b in zip(found[0], key)):
            return found[1]
        markup = caller()
        self._rendered[slot] = (key, markup)
        return markup
