"""Addresses of the pages the plugin writes for a name (speakers, topics): ASCII only.

Pelican's ``slugify`` with the site's ``SLUG_REGEX_SUBSTITUTIONS`` first (German
umlauts become ae/oe/ue, as in the articles' addresses), then every letter left
outside ASCII transliterated by unidecode (which Pelican uses itself): "Ayşe" gives
``ayse``, "Łódź" ``lodz``; what is still neither a letter, a digit nor "-" goes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pelican.utils import slugify
from unidecode import unidecode

_NOT_SLUG = re.compile(r"[^A-Za-z0-9-]+")


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
