"""Photos: what a visitor's browser gets and what a published image file holds.

Tiny sites with camera JPEGs (EXIF, GPS, serial number, XMP, comment, ICC profile; see
``photo_helpers``) built with ``invoke build``: the page shows responsive pictures with
sizes, a gallery, lazy loading after the first photo; every image file in the output,
opened with Pillow, carries no metadata; builds are byte-identical and cached; a broken,
huge, animated or mislabelled image fails the build naming the file.
"""

from __future__ import annotations

import io
import zlib
import struct

import pytest
from bs4 import BeautifulSoup
from PIL import Image, features

from helpers import CONTENT, run_invoke, write_settings
from hostile_helpers import (GOOD_REPORT, Site, assert_built, assert_refused, settings_file,
                             snapshot)
from hostile_helpers import baseline, settings, site  # noqa: F401 (fixtures)
from photo_helpers import SECRETS, camera_jpeg

pytestmark = pytest.mark.slow

IMAGE_ENDINGS = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif")
PHOTO_REPORT = GOOD_REPORT.replace("## Protokoll\n", """## Protokoll

Vorab ein Bild vom Aufbau:

![Der Raum vor dem Treffen]({static}/images/raum.jpg)

![Björn an der Leinwand]({static}/images/a.jpg)
![Die ersten Reihen]({static}/images/b.jpg)
![Hochkant: die Leinwand]({static}/images/c.jpg)
""")


def add_photos(site: Site) -> None:
    site.add("images/raum.jpg", camera_jpeg(1600, 1200, hue=10))
    site.add("images/a.jpg", camera_jpeg(800, 600, hue=40))
    site.add("images/b.jpg", camera_jpeg(800, 600, hue=90))
    site.add("images/c.jpg", camera_jpeg(600, 800, hue=150, orientation=6))
    # In the static folder but on no page: published too, so stripped too.
    site.add("images/unverlinkt.jpg", camera_jpeg(400, 300, hue=200))
    site.add("2025-10-21-bericht.md", PHOTO_REPORT)


def page(site: Site) -> BeautifulSoup:
    return BeautifulSoup(site.read("bericht-vom-treffen-im-oktober-2025/index.html"), "html.parser")


def output_images(folder) -> list:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in IMAGE_ENDINGS)


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("photos")
    site = Site(root, settings_file(root / "conf"))
    add_photos(site)
    assert_built(site.build(), site)
    return site


def test_every_picture_has_its_size_sources_and_sizes(photo_site):
    soup = page(photo_site)
    images = soup.select("main img")
    assert len(images) == 4
    for img in images:
        assert img.get("alt"), img
        width, height = int(img["width"]), int(img["height"])
        assert width > 0 and height > 0
        assert img["sizes"] and img["srcset"]
        picture = img.find_parent("picture")
        assert picture is not None, img
        types = [source["type"] for source in picture.find_all("source")]
        expected = [t for f, t in (("avif", "image/avif"), ("webp", "image/webp")) if features.check(f)]
        assert types == expected
        for source in picture.find_all("source"):
            widths = [int(part.split()[-1][:-1]) for part in source["srcset"].split(", ")]
            assert widths == sorted(widths) and widths[-1] == width
            assert source["sizes"] == img["sizes"]
    # The single photo is as wide as the column, the gallery's a third of it.
    single, *gallery = images
    assert (int(single["width"]), int(single["height"])) == (1440, 1080)  # 1600 px made 1440
    assert "43rem" in single["sizes"]
    assert all("14rem" in img["sizes"] for img in gallery)
    # Upright: the camera stored the third photo sideways with an EXIF orientation.
    assert (int(gallery[2]["width"]), int(gallery[2]["height"])) == (600, 800)


def test_photos_after_the_first_load_lazily(photo_site):
    images = page(photo_site).select("main img")
    assert images[0].get("loading") is None
    assert [img.get("loading") for img in images[1:]] == ["lazy"] * 3


def test_a_paragraph_of_photos_is_a_gallery_linking_each_photo(photo_site):
    soup = page(photo_site)
    gallery = soup.select_one("main ul.gallery")
    assert gallery is not None
    items = gallery.find_all("li", recursive=False)
    assert [li.img["alt"] for li in items] == ["Björn an der Leinwand", "Die ersten Reihen",
                                                "Hochkant: die Leinwand"]
    for li in items:
        target = li.a["href"]
        assert (photo_site.output / "bericht-vom-treffen-im-oktober-2025" / target).resolve().is_file()


def test_every_url_of_every_picture_is_a_file_of_the_output(photo_site):
    folder = photo_site.output / "bericht-vom-treffen-im-oktober-2025"
    soup = page(photo_site)
    urls = [img["src"] for img in soup.select("main img")]
    for element in soup.select("main img, main source"):
        urls += [part.split()[0] for part in element["srcset"].split(", ")]
    assert len(urls) > 20
    for url in urls:
        assert not url.startswith(("{", "http")), url
        assert (folder / url).resolve().is_file(), url


def test_no_published_image_keeps_any_metadata(photo_site):
    images = output_images(photo_site.output)
    # 5 originals (re-encoded at their own address) and the variants.
    assert len([p for p in images if p.parent.name == "images"]) == 5
    assert len(images) > 20
    for path in images:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, f"{path}: {secret!r}"
        with Image.open(path) as image:
            image.load()
            assert not image.getexif(), path
            leftovers = {"exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop",
                         "iptc"} & set(image.info)
            assert not leftovers, f"{path}: {leftovers}"
            if path.suffix == ".png":
                assert not getattr(image, "text", {}), path
    # The sources do hold it all (the check above can fail).
    with Image.open(photo_site.content / "images" / "a.jpg") as source:
        assert source.getexif() and {"icc_profile", "comment", "xmp"} <= set(source.info)


def test_builds_are_byte_identical_and_use_the_cache(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "conf").mkdir()
    conf = write_settings(tmp_path / "conf" / "settings.py", CACHE_CONTENT=True,
                          LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache))
    first = Site(tmp_path / "one", conf)
    add_photos(first)
    assert_built(first.build(), first)
    stored = sorted((cache / "meetup-photos").iterdir())
    assert len(stored) == 5  # one entry per source photo

    second = Site(tmp_path / "two", conf)
    add_photos(second)
    assert_built(second.build(), second)
    assert snapshot(first.output) == snapshot(second.output)

    # The second build read the cache: a cached variant, swapped for another image of the
    # same size, is what the next build publishes.
    entry = next(folder for folder in stored
                 if (folder / "meta.json").read_text().count('"jpeg"') and
                 Image.open(folder / "full").size == (800, 600))
    marker = io.BytesIO()
    Image.new("RGB", (800, 600), (255, 0, 255)).save(marker, "JPEG")
    (entry / "full").write_bytes(marker.getvalue())
    third = Site(tmp_path / "three", conf)
    add_photos(third)
    assert_built(third.build(), third)
    published = {p.name: p.read_bytes() for p in (third.output / "images").iterdir()}
    assert marker.getvalue() in published.values()

    # Other settings, another key: the photo is made anew, the swapped entry is not used.
    (tmp_path / "conf2").mkdir()
    other = write_settings(tmp_path / "conf2" / "settings.py", CACHE_CONTENT=True,
                           LOAD_CONTENT_CACHE=True, CACHE_PATH=str(cache), MEETUP_PHOTO_QUALITY=60)
    fourth = Site(tmp_path / "four", other)
    add_photos(fourth)
    assert_built(fourth.build(), fourth)
    assert marker.getvalue() not in [p.read_bytes() for p in (fourth.output / "images").iterdir()]
    assert len(list((cache / "meetup-photos").iterdir())) == 10


def _png(width: int, height: int) -> bytes:
    """A tiny file that decodes to width x height 1-bit pixels: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    rows = zlib.compress(b"\0" * ((width + 7) // 8 + 1) * min(height, 16))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def _gif_animated() -> bytes:
    frames = [Image.new("RGB", (20, 20), color) for color in ((255, 0, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:])
    return out.getvalue()


HOSTILE = {
    "broken": (camera_jpeg()[:400], "kein lesbares Bild"),
    "not an image": (b"<html>hello</html>" * 20, "kein lesbares Bild"),
    "bomb": (_png(30000, 30000), "zu groß zum Verarbeiten"),
    "mislabelled": (_png(20, 20), "die Datei ist ein PNG-Bild, die Endung sagt JPEG"),
    "animated": (_gif_animated(), "animierte Bilder"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_image_fails_the_build_naming_the_file(site, baseline, case):
    data, message = HOSTILE[case]
    name = "images/foto.gif" if case == "animated" else "images/foto.jpg"
    site.add(name, data)
    site.add("2025-10-21-bericht.md", GOOD_REPORT + f"\n![Ein Foto]({{static}}/{name})\n")
    result = site.build()
    assert_refused(result, site, baseline[1], f"{name}: {message}")


def test_a_photo_without_alt_text_is_a_check_error(tmp_path):
    content = tmp_path / "content"
    (content / "images").mkdir(parents=True)
    (content / "images" / "a.jpg").write_bytes(camera_jpeg(200, 150))
    (content / "2025-10-21-bericht.md").write_text(
        GOOD_REPORT + "\n![](images/a.jpg)\n\n![ ]({static}/images/a.jpg)\n\n"
        '<img src="{static}/images/a.jpg">\n\n![Gut](images/a.jpg)\n', encoding="utf-8")
    result = run_invoke("check", "--content", str(content))
    assert result.returncode == 1, result.stdout + result.stderr
    shown = result.stdout + result.stderr
    lines = GOOD_REPORT.count("\n")
    for line, target in ((lines + 2, "images/a.jpg"), (lines + 4, "{static}/images/a.jpg"),
                         (lines + 6, "{static}/images/a.jpg")):
        assert f"2025-10-21-bericht.md:{line}: Bild {target} ohne Alternativtext" in shown, shown
    assert shown.count("ohne Alternativtext") == 3


def test_the_demo_publishes_its_photos_without_metadata(demo_site_production):
    """The demo's three photos carry fake EXIF, GPS, XMP and a comment (content/images/);
    none of it is in any image of the production build, nor in the feed."""
    sources = sorted((CONTENT / "images").glob("treffen-*.jpg"))
    assert len(sources) == 3
    for source in sources:
        with Image.open(source) as image:
            assert image.getexif() and "xmp" in image.info  # the check below can fail
    images = output_images(demo_site_production)
    assert len(images) >= 3 * 3 * 3
    for path in images:
        data = path.read_bytes()
        assert not any(secret in data for secret in SECRETS), path
        with Image.open(path) as image:
            assert not image.getexif() and not {"exif", "xmp", "icc_profile", "comment"} & set(image.info)
    feed = (demo_site_production / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "photos/treffen-2025-10-1-320.avif 320w" in feed
    assert "{static}" not in feed
