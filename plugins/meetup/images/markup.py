"""A page's images as responsive markup.  Pure: rendered HTML + a lookup in, HTML out.

Each ``<img>`` whose source the lookup knows becomes a ``<picture>``: one ``<source>``
per modern format (AVIF, WebP) with every width in ``srcset``, the fallback JPEG/PNG in
the ``<img>`` itself, ``width``/``height`` (no layout shift), ``sizes`` for the text
column, ``decoding="async"`` and ``loading="lazy"`` for every image after the first of
the page.  A paragraph of nothing but two or more images is a gallery: a list of small
pictures, each linking to the photo at its largest size.  An SVG gets its size only.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Callable

# The text column is 45rem wide less 1rem padding on each side (theme/static/css/style.css).
SIZES = "(min-width: 45rem) 43rem, calc(100vw - 2rem)"
# Three gallery columns on wide screens, two on narrow ones.
GALLERY_SIZES = "(min-width: 45rem) 14rem, calc(50vw - 1.5rem)"

IMG = re.compile(r"<img\b[^>]*>", re.I)
# <p> holding only images (and line breaks): Markdown's output for photos written one
# after the other ("![a](1.jpg)\n![b](2.jpg)").
GALLERY = re.compile(r"<p>\s*((?:<img\b[^>]*>\s*(?:<br\s*/?>\s*)?){2,})</p>", re.I)


@dataclass(frozen=True)
class Source:
    mime: str
    srcset: tuple[tuple[str, int], ...]  # (url, width), widths ascending


@dataclass(frozen=True)
class Picture:
    """What the lookup knows of an image: URLs already as the page needs them."""

    width: int
    height: int
    src: str  # the fallback <img src>
    sources: tuple[Source, ...] = ()  # modern formats first, the fallback last
    full: str = ""  # the photo at its largest size (gallery links)


Lookup = Callable[[str], "Picture | None"]


class _Attributes(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.attrs = attrs

    handle_startendtag = handle_starttag


def attributes(tag: str) -> dict[str, str]:
    parser = _Attributes()
    parser.feed(tag)
    parser.close()
    return {name: (value or "") for name, value in parser.attrs}


def _attr(name: str, value) -> str:
    return f' {name}="{html.escape(str(value), quote=True)}"'


def _srcset(source: Source) -> str:
    return ", ".join(f"{url} {width}w" for url, width in source.srcset)


def _picture(attrs: dict[str, str], picture: Picture, *, lazy: bool, sizes: str) -> str:
    kept = {k: v for k, v in attrs.items()
            if k not in ("src", "srcset", "sizes", "width", "height", "loading", "decoding")}
    img = ["<img", _attr("src", picture.src)]
    fallback = picture.sources[-1] if picture.sources else None
    if fallback is not None and len(fallback.srcset) > 1:
        img += [_attr("srcset", _srcset(fallback)), _attr("sizes", sizes)]
    img += [_attr("width", picture.width), _attr("height", picture.height)]
    img += [_attr(k, v) for k, v in kept.items()]
    if lazy:
        img.append(_attr("loading", "lazy"))
    img.append(_attr("decoding", "async"))
    tag = "".join(img) + ">"
    modern = picture.sources[:-1]
    if not modern:
        return tag
    sources = "".join(f"<source{_attr('type', s.mime)}{_attr('srcset', _srcset(s))}"
                      f"{_attr('sizes', sizes)}>" for s in modern)
    return f"<picture>{sources}{tag}</picture>"


def _sized(attrs: dict[str, str], picture: Picture, *, lazy: bool) -> str:
    """An image without variants (SVG): its size and loading only."""
    kept = {k: v for k, v in attrs.items() if k not in ("width", "height", "loading", "decoding")}
    parts = ["<img"] + [_attr(k, v) for k, v in kept.items()]
    parts += [_attr("width", picture.width), _attr("height", picture.height)]
    if lazy:
        parts.append(_attr("loading", "lazy"))
    parts.append(_attr("decoding", "async"))
    return "".join(parts) + ">"


@dataclass
class Result:
    html: str
    photos: list[str]  # the src of every image made responsive, in page order
    unknown: list[str]  # <img> sources the lookup did not know (left as they were)


def rewrite(content: str, lookup: Lookup) -> Result:
    photos: list[str] = []
    unknown: list[str] = []
    count = [0]

    def one(tag: str, sizes: str, in_gallery: bool) -> tuple[str, Picture | None]:
        attrs = attributes(tag)
        src = attrs.get("src", "")
        picture = lookup(src)
        if picture is None:
            unknown.append(src)
            return tag, None
        lazy = count[0] > 0
        count[0] += 1
        photos.append(src)
        if not picture.sources:
            return _sized(attrs, picture, lazy=lazy), picture
        return _picture(attrs, picture, lazy=lazy, sizes=sizes), picture

    def gallery(match: re.Match) -> str:
        items = []
        for tag in IMG.findall(match.group(1)):
            markup, picture = one(tag, GALLERY_SIZES, True)
            if picture is not None and picture.full:
                markup = f'<a href="{html.escape(picture.full, quote=True)}">{markup}</a>'
            items.append(f"<li>{markup}</li>")
        return '<ul class="gallery">' + "".join(items) + "</ul>"

    # Galleries and single images in page order: one pass over both patterns.
    pattern = re.compile(f"{GALLERY.pattern}|{IMG.pattern}", re.I)

    def replace(match: re.Match) -> str:
        if match.group(1) is not None:
            return gallery(match)
        return one(match.group(0), SIZES, False)[0]

    return Result(pattern.sub(replace, content), photos, unknown)
