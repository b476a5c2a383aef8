"""One source image -> resized variants without any metadata.  Pure: bytes in, bytes out.

Every output is re-encoded from the pixels alone (a fresh image without ``info``), so no
EXIF (camera, serial number, GPS), XMP, ICC profile, comment or text chunk of the source
reaches a published file.  The EXIF orientation is applied to the pixels first, so a
portrait photo stays upright once its EXIF is gone.  An image with an ICC profile is
converted to sRGB before the profile is dropped.

Pillow's decompression-bomb guard stays as it is (``Image.MAX_IMAGE_PIXELS``): an image
above it is refused, like a broken, animated or unknown one, with an ``ImageError`` that
says what is wrong.  The same bytes and settings give the same output bytes.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import dataclass

# Pillow is imported where a photo is processed: a site without photos
# does not load it (start-up).

# Raised when the code below changes what it writes: a new cache key.
VERSION = "1"

# File endings processed as photos (lower case); the format Pillow must find in them.
RASTER = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP", "gif": "GIF"}
# Formats Pillow reports for those files (phones write JPEG as MPO).
READABLE = {"JPEG", "MPO", "PNG", "WEBP", "GIF"}
MODERN = ("avif", "webp")
MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png",
        "gif": "image/gif"}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}


def N_(message: str) -> str:  # noqa: N802 (gettext's name: marks a message for the catalogs)
    return message


class ImageError(ValueError):
    """The image cannot be published; the message says why (no file name: the caller adds
    it).  ``template`` is the English message id, ``values`` fill it in: the glue shows it
    in the site's language."""

    def __init__(self, template: str, **values):
        super().__init__(template.format(**values))
        self.template = template
        self.values = values


@dataclass(frozen=True)
class Options:
    widths: tuple[int, ...]  # ascending; none wider than the source is made
    formats: tuple[str, ...]  # modern formats wanted ("avif", "webp"), where Pillow writes them
    quality: int

    def key(self) -> str:
        return f"{VERSION}|{self.widths}|{self.formats}|{self.quality}"


@dataclass(frozen=True)
class Variant:
    format: str  # "avif", "webp", "jpeg", "png"
    width: int
    height: int
    data: bytes

    @property
    def mime(self) -> str:
        return MIME[self.format]


@dataclass(frozen=True)
class Processed:
    width: int  # of the largest variant (what width/height on <img> say)
    height: int
    fallback: str  # "jpeg" or "png": the format of <img src> and of the published original
    variants: tuple[Variant, ...]  # every format, widths ascending
    full: bytes  # the original's own file, re-encoded in its own format at the largest width

    def of(self, fmt: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.format == fmt)

    @property
    def formats(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(v.format for v in self.variants))


def writable(formats: tuple[str, ...]) -> tuple[str, ...]:
    """The modern formats of ``formats`` that the installed Pillow can write."""
    from PIL import features
    return tuple(f for f in formats if f in MODERN and features.check(f))


def cache_key(data: bytes, options: Options) -> str:
    from PIL import Image
    digest = hashlib.sha256(data)
    digest.update(options.key().encode())
    digest.update(Image.__version__.encode())
    return digest.hexdigest()[:32]


def _open(data: bytes, expected: str) -> Image.Image:
    from PIL import Image
    with warnings.catch_warnings():
        # Pillow only warns between MAX_IMAGE_PIXELS and twice that: refuse both.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
            found = image.format
            if found not in READABLE:
                raise ImageError(N_("unexpected image format {found}"), found=found)
            if expected == "JPEG" and found not in ("JPEG", "MPO") or \
                    expected != "JPEG" and found != expected:
                raise ImageError(N_("the file is a {found} image, its ending says {expected}"),
                                 found=found, expected=expected)
            if found != "MPO" and getattr(image, "n_frames", 1) > 1:
                raise ImageError(N_("animated images are not published: make a single picture "
                                    "(JPEG, PNG) of it"))
            image.load()
            return image
        except ImageError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageError(N_("too large to process (more than {limit} pixels, the guard "
                                "against decompression bombs): make it smaller"),
                             limit=Image.MAX_IMAGE_PIXELS)
        except (OSError, SyntaxError, ValueError, EOFError, MemoryError, Image.UnidentifiedImageError) as error:
            raise ImageError(N_("not a readable image ({error})"),
                             error=f"{type(error).__name__}: {error}") from None


def _pixels(image: Image.Image) -> Image.Image:
    """Upright sRGB pixels in a fresh image that carries no metadata at all."""
    from PIL import Image, ImageOps
    try:
        image = ImageOps.exif_transpose(image)
    except Exception as error:  # a hostile EXIF block; the pixels stay as stored
        raise ImageError(N_("unreadable EXIF data ({error})"),
                         error=type(error).__name__) from None
    icc = image.info.get("icc_profile")
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            from PIL import ImageCms

            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            target = ImageCms.createProfile("sRGB")
            mode = "RGBA" if image.mode == "RGBA" else "RGB"
            image = ImageCms.profileToProfile(image, source, target, outputMode=mode)
        except Exception:  # an unusable profile: the pixels as they are
            pass
    alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    mode = "RGBA" if alpha else "RGB"
    converted = image.convert(mode)
    return Image.frombytes(mode, converted.size, converted.tobytes())


def _encode(image: Image.Image, fmt: str, quality: int) -> bytes:
    from PIL import Image
    out = io.BytesIO()
    if fmt == "jpeg":
        image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    elif fmt == "png":
        image.save(out, "PNG", optimize=True)
    elif fmt == "webp":
        image.save(out, "WEBP", quality=quality, method=4)
    elif fmt == "avif":
        image.save(out, "AVIF", quality=quality, speed=8, max_threads=1)
    elif fmt == "gif":
        image.save(out, "GIF")
    else:
        raise ValueError(fmt)
    return out.getvalue()


def _resized(image: Image.Image, width: int) -> Image.Image:
    from PIL import Image
    if width == image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    resized = image.resize((width, height), Image.Resampling.LANCZOS)
    return Image.frombytes(resized.mode, resized.size, resized.tobytes())


def process(data: bytes, extension: str, options: Options) -> Processed:
    """The variants of one image; ``extension`` is its file ending ("jpg", "png" …)."""
    expected = RASTER.get(extension.lower())
    if expected is None:
        raise ImageError(N_("the ending .{extension} is no photo format ({formats})"),
                         extension=extension, formats=", ".join(sorted(RASTER)))
    image = _pixels(_open(data, expected))
    alpha = image.mode == "RGBA"
    fallback = "png" if alpha or expected in ("PNG", "GIF") else "jpeg"
    widths = sorted({min(width, image.width) for width in options.widths} or {image.width})
    variants: list[Variant] = []
    sized = {width: _resized(image, width) for width in widths}
    for fmt in (*writable(options.formats), fallback):
        for width in widths:
            picture = sized[width]
            variants.append(Variant(fmt, picture.width, picture.height,
                                    _encode(picture, fmt, options.quality)))
    largest = sized[widths[-1]]
    own = {"JPEG": "jpeg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}[expected]
    full = next((v.data for v in variants if v.format == own and v.width == largest.width), None)
    if full is None:
        full = _encode(largest.convert("P") if own == "gif" else largest, own, options.quality)
    return Processed(largest.width, largest.height, fallback, tuple(variants), full)


def svg_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of an SVG from its root's width/height or viewBox, else None."""
    import re

    head = data[:4096].decode("utf-8", "replace")
    root = re.search(r"<svg\b[^>]*>", head, re.S)
    if root is None:
        return None
    tag = root.group(0)

    def number(name: str) -> float | None:
        found = re.search(rf'\s{name}\s*=\s*["\']\s*([\d.]+)\s*(px)?\s*["\']', tag)
        return float(found.group(1)) if found else None

    width, height = number("width"), number("height")
    if width and height:
        return round(width), round(height)
    box = re.search(r'viewBox\s*=\s*["\']\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)', tag)
    if box:
        return round(float(box.group(1))), round(float(box.group(2)))
    return None
