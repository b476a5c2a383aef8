"""Pelican glue for photos: every raster image of the static folders is published only
as processed by ``images.process`` (resized, re-encoded, without metadata), and every
page's ``<img>`` becomes responsive markup (``images.markup``).

- ``article_generator_finalized`` / ``page_generator_finalized``: the rendered content
  of each article and page gets its ``<picture>``s and galleries; the URLs are the
  page's own (relative with RELATIVE_URLS, else under SITEURL), so no ``{static}``
  placeholder is left for Pelican to resolve (it would not resolve ``srcset``);
- ``static_generator_finalized``: Pelican's static copy leaves the raster images out
  (it would publish the camera's EXIF and GPS); each is processed instead, also when no
  page shows it, and written at its own address in its own format at the largest width;
- the ``PhotoFiles`` generator writes the variants under ``photos/``.

Processed images are kept in ``<CACHE_PATH>/meetup-photos/<key>/`` (with
``CACHE_CONTENT``), the key made of the source's bytes, the settings and the code's
version, so a rebuild re-encodes only new or changed photos.  A broken, animated, too
large or mislabelled image is an error naming the file; the build then fails.
"""

from __future__ import annotations

import json
import logging
import os
import posixpath
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from pelican.utils import get_relative_path, path_to_url

from .. import settings as meetup_settings
from ..i18n import language as languages
from ..images import markup, process
from . import contents

logger = logging.getLogger(__name__)

CONTEXT_KEY = "meetup_photo_library"
CACHE_FOLDER = "meetup-photos"
# What an <img src> may start with to name a file of the content folder.
PLACEHOLDERS = ("{static}", "{attach}", "|static|", "|attach|", "{filename}")


@dataclass(frozen=True)
class Entry:
    processed: process.Processed | None  # None: an SVG (size only)
    size: tuple[int, int] | None
    names: tuple[tuple[str, int, str], ...] = ()  # (format, width, output path)


class Library:
    """The build's photos: processed once each, written by ``PhotoFiles``."""

    def __init__(self, settings: dict):
        merged = meetup_settings.merged(settings)
        self.settings = settings
        self.content = Path(settings["PATH"])
        self.static_paths = [p.strip("/") for p in settings.get("STATIC_PATHS", [])]
        self.folder = merged["MEETUP_PHOTOS_SAVE_AS"].strip("/")
        self.options = process.Options(
            widths=tuple(sorted(set(merged["MEETUP_PHOTO_WIDTHS"]))),
            formats=tuple(merged["MEETUP_PHOTO_FORMATS"]),
            quality=merged["MEETUP_PHOTO_QUALITY"])
        cache = settings.get("CACHE_PATH") if settings.get("CACHE_CONTENT") else None
        self.cache = Path(cache, CACHE_FOLDER) if cache else None
        self.entries: dict[str, Entry | None] = {}  # content-relative path -> entry
        self.outputs: dict[str, tuple[str, bytes]] = {}  # output path -> (source, bytes)
        self.failed: set[str] = set()
        self.language = languages.of(settings)

    def _error(self, relative: str, template: str, **values) -> None:
        logger.error("%s: %s", relative, self.language.gettext(template).format(**values))
        self.failed.add(relative)

    # --- which file an <img> names

    def source_of(self, src: str, page_dir: str) -> str | None:
        """The content-relative path of an image ``src`` in a page from ``page_dir``."""
        for placeholder in PLACEHOLDERS:
            if src.startswith(placeholder):
                src = src[len(placeholder):]
                break
        else:
            parts = urlsplit(src)
            if parts.scheme or parts.netloc or src.startswith("#"):
                return None
        path = unquote(urlsplit(src).path)
        if not path:
            return None
        relative = path.lstrip("/") if path.startswith("/") else posixpath.normpath(
            posixpath.join(page_dir, path))
        if relative.startswith("../") or not self._is_static(relative):
            return None
        return relative if (self.content / relative).is_file() else None

    def _is_static(self, relative: str) -> bool:
        return any(p in ("", ".") or relative == p or relative.startswith(p + "/")
                   for p in self.static_paths)

    @staticmethod
    def is_photo(relative: str) -> bool:
        return relative.rsplit(".", 1)[-1].lower() in process.RASTER

    # --- processing

    def entry(self, relative: str, save_as: str | None = None) -> Entry | None:
        if relative in self.entries:
            return self.entries[relative]
        extension = relative.rsplit(".", 1)[-1].lower()
        entry = None
        try:
            data = (self.content / relative).read_bytes()
            if extension == "svg":
                size = process.svg_size(data)
                entry = Entry(None, size) if size else None
            elif self.is_photo(relative):
                entry = self._photo(relative, data, save_as or self._save_as(relative))
        except process.ImageError as error:
            self._error(relative, error.template, **error.values)
        except OSError as error:
            self._error(relative, process.N_("not readable ({error})"),
                        error=error.strerror or str(error))
        self.entries[relative] = entry
        return entry

    def _save_as(self, relative: str) -> str:
        return self.settings.get("STATIC_SAVE_AS", "{path}").format(path=relative)

    def _photo(self, relative: str, data: bytes, save_as: str) -> Entry:
        processed = self._cached(data, relative.rsplit(".", 1)[-1])
        # photos/<path inside its static folder>-<width>.<format>: images/2025/a.jpg
        # gives photos/2025/a-640.avif.
        inside = next((relative[len(p) + 1:] for p in sorted(self.static_paths, key=len, reverse=True)
                       if p not in ("", ".") and relative.startswith(p + "/")), relative)
        stem = posixpath.splitext(inside)[0]
        names = []
        for variant in processed.variants:
            name = posixpath.join(self.folder, f"{stem}-{variant.width}.{process.EXTENSION[variant.format]}")
            self._claim(name, relative, variant.data)
            names.append((variant.format, variant.width, name))
        self._claim(save_as.replace(os.sep, "/"), relative, processed.full)
        return Entry(processed, (processed.width, processed.height), tuple(names))

    def _claim(self, name: str, relative: str, data: bytes) -> None:
        other = self.outputs.get(name)
        if other is not None and other[0] != relative:
            self._error(relative, process.N_("{other} writes {name} already: rename one of "
                                             "the images"), other=other[0], name=name)
        self.outputs[name] = (relative, data)

    def _cached(self, data: bytes, extension: str) -> process.Processed:
        key = process.cache_key(data, self.options)
        folder = self.cache / key if self.cache else None
        if folder is not None and (folder / "meta.json").is_file():
            try:
                return _load(folder)
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache entry is made again
        processed = process.process(data, extension, self.options)
        if folder is not None:
            _store(folder, processed)
        return processed

    # --- a page's markup

    def rewrite(self, content, settings: dict) -> None:
        """``content``'s rendered HTML with responsive photos, URLs as its page needs them."""
        body = getattr(content, "_content", None)
        if not body or "<img" not in body:
            return
        page_dir = posixpath.dirname(content.relative_source_path.replace(os.sep, "/"))
        relative_urls = settings.get("RELATIVE_URLS")
        base = path_to_url(get_relative_path(content.save_as)) if relative_urls \
            else (settings.get("SITEURL") or "")

        def url(path: str) -> str:
            if relative_urls:
                return posixpath.join(base, path)
            return urljoin(base + "/" if not base.endswith("/") else base, path)

        def lookup(src: str) -> markup.Picture | None:
            relative = self.source_of(src, page_dir)
            if relative is None:
                return None
            entry = self.entry(relative)
            if entry is None or entry.size is None:
                return None
            if entry.processed is None:  # SVG: its own address, its size
                return markup.Picture(entry.size[0], entry.size[1], src)
            processed = entry.processed
            sources = []
            for fmt in processed.formats:
                sources.append(markup.Source(process.MIME[fmt], tuple(
                    (url(name), width) for f, width, name in entry.names if f == fmt)))
            fallback = sources[-1].srcset
            middle = fallback[len(fallback) // 2 if len(fallback) > 2 else -1][0]
            return markup.Picture(processed.width, processed.height, middle, tuple(sources),
                                  full=url(self.settings.get("STATIC_URL", "{path}").format(
                                      path=relative)))

        result = markup.rewrite(body, lookup)
        content._content = result.html


def _store(folder: Path, processed: process.Processed) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".new-"))
    try:
        files = []
        for index, variant in enumerate(processed.variants):
            name = f"{index}.{process.EXTENSION[variant.format]}"
            (temporary / name).write_bytes(variant.data)
            files.append([variant.format, variant.width, variant.height, name])
        (temporary / "full").write_bytes(processed.full)
        (temporary / "meta.json").write_text(json.dumps({
            "width": processed.width, "height": processed.height,
            "fallback": processed.fallback, "variants": files}), encoding="utf-8")
        os.replace(temporary, folder)
    except OSError:
        shutil.rmtree(temporary, ignore_errors=True)  # another build stored it first, or no space


def _load(folder: Path) -> process.Processed:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    variants = tuple(process.Variant(fmt, width, height, (folder / name).read_bytes())
                     for fmt, width, height, name in meta["variants"])
    return process.Processed(meta["width"], meta["height"], meta["fallback"], variants,
                             (folder / "full").read_bytes())


def library(context: dict, settings: dict) -> Library:
    found = context.get(CONTEXT_KEY)
    if found is None:
        found = context[CONTEXT_KEY] = Library(settings)
    return found


def rewrite_articles(generator) -> None:
    photos = library(generator.context, generator.settings)
    for article in contents.every(generator, contents.ARTICLE_LISTS):
        photos.rewrite(article, generator.settings)


def rewrite_pages(generator) -> None:
    photos = library(generator.context, generator.settings)
    for page in contents.every(generator, contents.PAGE_LISTS):
        photos.rewrite(page, generator.settings)


def take_over_static(generator) -> None:
    """Raster images leave Pelican's static copy; each is published processed."""
    photos = library(generator.context, generator.settings)
    kept = []
    for static in generator.staticfiles:
        relative = static.relative_source_path.replace(os.sep, "/")
        if photos.is_photo(relative):
            photos.entry(relative, static.save_as)
        else:
            kept.append(static)
    generator.staticfiles[:] = kept
    if generator.context.get("staticfiles") is not generator.staticfiles:
        generator.context["staticfiles"] = list(kept)


class PhotoFiles:
    """Writes every processed photo (variants and the published originals)."""

    def __init__(self, context, settings, path, theme, output_path, **kwargs):
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_context(self) -> None:
        pass

    def generate_output(self, writer) -> None:
        photos = self.context.get(CONTEXT_KEY)
        if photos is None:
            return
        for name, (_source, data) in sorted(photos.outputs.items()):
            target = Path(self.output_path, *name.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def get_generators(pelican):
    return PhotoFiles
