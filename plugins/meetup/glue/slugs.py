"""Slugs: Pelican's own for the site (``site_slugify``), and the addresses of the pages
the plugin writes for a name (speakers, topics), ASCII only (``ascii_slugify``).

Pelican's ``slugify`` with the site's ``SLUG_REGEX_SUBSTITUTIONS`` first (German
umlauts become ae/oe/ue, as in the articles' addresses), then every letter left
outside ASCII transliterated by unidecode (which Pelican uses itself): "Ayşe" gives
``ayse``, "Łódź" ``lodz``; what is still neither a letter, a digit nor "-" goes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping

from pelican.utils import slugify
from unidecode import unidecode

_NOT_SLUG = re.compile(r"[^A-Za-z0-9-]+")


def site_slugify(settings: Mapping) -> Callable[[str], str]:
    """Pelican's slugify with the site's settings: the slug Pelican gives an article
    of that title (category, author)."""
    key = (tuple(map(tuple, settings.get("SLUG_REGEX_SUBSTITUTIONS", []))),
           bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
           bool(settings.get("SLUGIFY_USE_UNICODE", False)))
    return functools.partial(_site_slug, key)


@functools.lru_cache(maxsize=8192)
def _site_slug(key: tuple, value: str) -> str:
    """Once per value (~0.1 ms a call): the content check and the recurring titles'
    plan both slugify every file's title, category and author, mostly the same few."""
    subs, preserve_case, use_unicode = key
    return slugify(value, regex_subs=subs, preserve_case=preserve_case,
                   use_unicode=use_unicode)


def ascii_slugify(settings) -> Callable[[str], str]:
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", ())
    preserve = settings.get("SLUGIFY_PRESERVE_CASE", False)

    def slug(name: str) -> str:
        # The substitutions run on the Unicode text (ä -> ae before unidecode's a).
        text = slugify(name, regex_subs=subs, preserve_case=preserve, use_unicode=True)
        text = unidecode(text)
        if not preserve:
            text = text.lower()
        text = _NOT_SLUG.sub("-", text.replace(" ", "-"))
        return re.sub(r"-{2,}", "-", text).strip("-")

    return slug
