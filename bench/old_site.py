"""The comparison site: plain Pelican on the same content, as a child of bench/run.py.

The seed group's own Pelican setup is not part of this project, so the
benchmark stands in for it with the plainest Pelican site there is: Pelican's
``simple`` theme, default Markdown settings (Pelican's own reader), no plugin,
the default feeds and pages (categories, tags, authors), an absolute SITEURL
as a published site has, no content cache.  What the project's build costs
beyond that is what its features cost.

    python bench/old_site.py CONTENT_DIR OUTPUT_DIR
"""

from __future__ import annotations

import logging
import sys

from pelican import Pelican
from pelican.settings import read_settings


def main(argv: list[str]) -> int:
    content, output = argv[1], argv[2]
    logging.basicConfig(level=logging.ERROR)
    settings = read_settings(override={
        "PATH": content,
        "OUTPUT_PATH": output,
        "THEME": "simple",
        "SITENAME": "Meetup",
        "SITEURL": "https://example.github.io/meetup-site",
        "TIMEZONE": "Europe/Berlin",
        "DEFAULT_LANG": "de",
        "PAGE_PATHS": ["pages"],
        "ARTICLE_EXCLUDES": ["pages"],
        "DELETE_OUTPUT_DIRECTORY": True,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "PLUGINS": [],
    })
    Pelican(settings).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
