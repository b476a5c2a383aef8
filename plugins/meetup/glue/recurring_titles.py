"""Pelican glue for recurring titles: the slug suffixes of ``unique_slugs``.

Pelican pairs articles with the same slug as translations before any signal could
change a slug on the finished list, so the plan is made when the article generator
starts (``plan``, article_generator_init): every article and page file is read for its
title, slug and date (``source_fields``, no Markdown), and ``content_object_init``
(``apply``) appends the suffix as each article is made.  Articles that Pelican's
generator-level cache hands back unread are set right in ``plan``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os

from .frontmatter_reader import Options
from .slugs import site_slugify
from ..reading.frontmatter import parse_date
from ..site.unique_slugs import Claim, output_target, reserved_outputs, suffixes
from ..i18n import language as languages

logger = logging.getLogger(__name__)

# Absolute source path -> suffix, for the build under way.
_SUFFIXES: dict[str, str] = {}
BASE_ATTRIBUTE = "meetup_title_slug"


def _as_datetime(value) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    return None


def _claims(generator):
    settings = generator.settings
    options = Options.of(settings)
    slugify = site_slugify(settings)
    readers = generator.readers.readers
    by_key = {}
    for kind, paths, excludes in (("article", "ARTICLE_PATHS", "ARTICLE_EXCLUDES"),
                                  ("page", "PAGE_PATHS", "PAGE_EXCLUDES")):
        for relative in sorted(generator.get_files(settings[paths], exclude=settings[excludes])):
            extension = os.path.splitext(relative)[1][1:]
            if extension not in readers:
                continue
            path = os.path.abspath(os.path.join(generator.path, relative))
            try:
                with open(path, encoding="utf-8-sig") as handle:
                    text = handle.read()
            except (OSError, UnicodeDecodeError):
                continue  # Pelican reports it when it reads the file
            found = options.read(text, path, html=extension in ("html", "htm"))
            values = {name: item.value for name, item in found.fields.items()}
            if found.skip is not None or not (values.get("title") or values.get("slug")):
                continue
            chosen = "slug" in values or "save_as" in values
            if "slug" in values:
                base = values["slug"]
            elif settings.get("SLUGIFY_SOURCE", "title") == "basename":
                base, chosen = slugify(os.path.splitext(os.path.basename(relative))[0]), True
            else:
                base = slugify(values["title"])
            when = _as_datetime(parse_date(values.get("date")))
            target = output_target(kind, values, base, settings, slugify, when)
            if target is None:
                continue
            claim = Claim(path, target, movable=kind == "article" and not chosen,
                          day=when.date() if when else None)
            by_key[path] = (claim, kind, values, base, when)
    return by_key, slugify


def plan(generator) -> None:
    """article_generator_init handler: decide the suffixes of this build."""
    settings = generator.settings
    by_key, slugify = _claims(generator)

    def retarget(claim: Claim, suffix: str) -> str | None:
        _, kind, values, base, when = by_key[claim.key]
        return output_target(kind, values, base + suffix, settings, slugify, when)

    found = suffixes([entry[0] for entry in by_key.values()], retarget,
                     reserved_outputs(settings))
    _SUFFIXES.clear()
    _SUFFIXES.update(found)
    for path, suffix in sorted(found.items()):
        logger.info(languages.of(settings).gettext(
            "%(source)s: the title is there more than once; address with the date (%(date)s)")
            % {"source": os.path.relpath(path, generator.path), "date": suffix.lstrip("-")})
    # Articles from the generator-level cache are not made again: set them here.
    for path in by_key:
        relative = os.path.relpath(path, generator.path)
        cached = generator.get_cached_data(relative, None)
        if cached is not None and hasattr(cached, "slug"):
            _set(cached, found.get(path))


def _set(content, suffix: str | None) -> None:
    base = getattr(content, BASE_ATTRIBUTE, None)
    if suffix:
        base = base or content.slug
        setattr(content, BASE_ATTRIBUTE, base)
        content.slug = base + suffix
    elif base is not None:
        content.slug = base
        delattr(content, BASE_ATTRIBUTE)


def apply(content) -> None:
    """content_object_init handler: an article of a recurring title gets its suffix."""
    path = getattr(content, "source_path", None)
    suffix = _SUFFIXES.get(os.path.abspath(path)) if path else None
    if suffix and getattr(content, "slug", None):
        _set(content, suffix)
