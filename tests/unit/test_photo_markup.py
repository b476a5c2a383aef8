"""Photos on plain values: the responsive markup of a page, and what process() writes."""

from __future__ import annotations

import io

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from pelican.plugins.meetup.images import markup, process
from photo_helpers import SECRETS, camera_jpeg


def picture(name: str) -> markup.Picture:
    widths = (320, 640)
    return markup.Picture(640, 480, f"p/{name}-640.jpg", (
        markup.Source("image/avif", tuple((f"p/{name}-{w}.avif", w) for w in widths)),
        markup.Source("image/jpeg", tuple((f"p/{name}-{w}.jpg", w) for w in widths))),
        full=f"images/{name}.jpg")


def lookup(src: str):
    return picture(src.rsplit("/", 1)[-1].split(".")[0]) if src.startswith("{static}") else None


def test_a_single_photo_becomes_a_picture_and_others_stay_as_written():
    html = ('<p><img alt="Eins" src="{static}/images/eins.jpg"></p>'
            '<p><img alt="Extern" src="https://example.org/x.png"></p>')
    result = markup.rewrite(html, lookup)
    soup = BeautifulSoup(result.html, "html.parser")
    first, other = soup.find_all("img")
    assert first.find_parent("picture").source["srcset"] == "p/eins-320.avif 320w, p/eins-640.avif 640w"
    assert (first["src"], first["width"], first["height"]) == ("p/eins-640.jpg", "640", "480")
    assert first["sizes"] == markup.SIZES and first.get("loading") is None
    assert other.attrs == {"alt": "Extern", "src": "https://example.org/x.png"}
    assert result.unknown == ["https://example.org/x.png"]


def test_photos_in_one_paragraph_are_a_gallery_and_lazy_after_the_first():
    html = ('<p><img alt="A" src="{static}/a.jpg">\n<img alt="B" src="{static}/b.jpg">\n'
            '<img alt="C &amp; D" src="{static}/c.jpg"></p>')
    soup = BeautifulSoup(markup.rewrite(html, lookup).html, "html.parser")
    gallery = soup.select_one("ul.gallery")
    assert [li.a["href"] for li in gallery.find_all("li")] == ["images/a.jpg", "images/b.jpg",
                                                                 "images/c.jpg"]
    images = gallery.find_all("img")
    assert [img.get("loading") for img in images] == [None, "lazy", "lazy"]
    assert images[2]["alt"] == "C & D"
    assert all(img["sizes"] == markup.GALLERY_SIZES for img in images)
    assert soup.find("p") is None


def test_process_strips_everything_and_keeps_the_picture_upright():
    data = camera_jpeg(600, 800, orientation=6)
    assert Image.open(io.BytesIO(data)).size == (800, 600)  # stored sideways
    result = process.process(data, "jpg", process.Options((320, 1440), ("avif", "webp"), 70))
    assert (result.width, result.height) == (600, 800)
    assert [(v.format, v.width) for v in result.variants] == [
        (f, w) for f in (*process.writable(("avif", "webp")), "jpeg") for w in (320, 600)]
    for blob in [v.data for v in result.variants] + [result.full]:
        assert not any(secret in blob for secret in SECRETS)
        image = Image.open(io.BytesIO(blob))
        assert not image.getexif() and not {"icc_profile", "exif", "xmp", "comment"} & set(image.info)
    assert process.process(data, "jpg", process.Options((320, 1440), ("avif", "webp"), 70)) == result


@pytest.mark.parametrize("data, ending, message", [
    (b"GIF89a" + b"\0" * 30, "gif", "not a readable image"),
    (camera_jpeg(200, 150), "png", "the file is a JPEG image, its ending says PNG"),
    (camera_jpeg(200, 150), "tiff", "no photo format"),
])
def test_process_refuses_what_it_cannot_publish(data, ending, message):
    with pytest.raises(process.ImageError) as raised:
        process.process(data, ending, process.Options((320,), (), 70))
    assert message in str(raised.value)
