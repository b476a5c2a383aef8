"""Photos for tests and the demo: small JPEGs with everything a camera leaves in a file.

``camera_jpeg`` draws a picture and stores EXIF (make, model, body serial number, time,
an orientation), a GPS position, an XMP packet, a JPEG comment and an ICC profile in it,
so a test can show that none of it reaches a published file.  Run as a script to write
the demo's photos::

    .venv/bin/python tests/photo_helpers.py content/images
"""

from __future__ import annotations

import functools
import io
import sys
from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

# What a published file must not contain (bytes searched in every output image).
SECRETS = (b"FakeCam", b"SN-4711-0815", b"Anna Beispiel", b"geheimer Kommentar")
XMP = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
       b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
       b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Anna Beispiel"/></rdf:RDF>'
       b'</x:xmpmeta><?xpacket end="w"?>')


def picture(width: int, height: int, hue: int) -> Image.Image:
    """A room with a screen and a few heads: smooth shapes, small as JPEG."""
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        shade = 60 + 120 * y // height
        draw.line([(0, y), (width, y)], fill=((hue + shade) % 256, shade, 200 - shade // 2))
    draw.rectangle([width // 5, height // 8, width * 4 // 5, height // 2], fill=(235, 235, 225))
    draw.rectangle([width * 9 // 40, height // 6, width // 2, height // 3], fill=(hue, 90, 60))
    for index in range(6):
        x = width * (index + 1) // 7
        r = height // 12
        draw.ellipse([x - r, height * 3 // 4 - r, x + r, height * 3 // 4 + r], fill=(40, 30, 20))
        draw.rectangle([x - r - 8, height * 3 // 4 + r, x + r + 8, height], fill=(hue // 2, 40, 90))
    return image


@functools.lru_cache(maxsize=None)
def camera_jpeg(width: int = 800, height: int = 600, hue: int = 30, orientation: int = 1) -> bytes:
    """A JPEG shown ``width`` x ``height`` (with orientation 6 stored the other way round).

    The same arguments give the same bytes within a test session (the ICC profile Pillow
    makes carries the time it was made)."""
    exif = Image.Exif()
    exif[0x010F] = "FakeCam"  # Make
    exif[0x0110] = "FakeCam X100"  # Model
    exif[0x0112] = orientation  # Orientation (6: the camera was turned)
    exif[0x013B] = "Anna Beispiel"  # Artist
    exif[0x0132] = "2025:11:18 19:42:00"  # DateTime
    exif.get_ifd(0x8769)[0xA431] = "SN-4711-0815"  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 46.0, 42.0)  # the venue's latitude
    gps[3], gps[4] = "E", (9.0, 10.0, 48.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image = picture(width, height, hue)
    if orientation == 6:  # stored sideways, as a camera held upright does
        image = image.transpose(Image.Transpose.ROTATE_90)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, exif=exif, icc_profile=icc,
                                     comment=b"geheimer Kommentar", xmp=XMP)
    return out.getvalue()


DEMO = {  # file name -> (width, height, hue, orientation)
    "treffen-2025-10-1.jpg": (800, 600, 30, 1),
    "treffen-2025-10-2.jpg": (800, 600, 120, 1),
    "treffen-2025-10-3.jpg": (600, 800, 200, 6),
}


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "content/images")
    target.mkdir(parents=True, exist_ok=True)
    for name, (w, h, hue, orientation) in DEMO.items():
        (target / name).write_bytes(camera_jpeg(w, h, hue=hue, orientation=orientation))
        print(target / name)
