"""The Markdown settings of the site, shared by pelicanconf.py and bench/.

Pelican's ``MARKDOWN`` setting replaces its defaults, so codehilite, extra and
meta are listed again here.
"""


import hashlib
import json
from importlib import metadata
from pathlib import Path

# Our Markdown extensions: their code decides the HTML as much as the settings.
OWN_EXTENSIONS = ("code_language.py", "date_lines.py", "quick_inline.py",
                  "reused_highlighters.py")
# Ours that only make converting faster, the same HTML: the plugin adds them to every
# site's MARKDOWN (glue/site_settings.complete_markdown).
SPEED_ONLY = (
    # codehilite's lexers and formatters made once, not per block.
    "pelican.plugins.meetup.rendering.reused_highlighters",
    # inline patterns tried only where their regex finds something.
    "pelican.plugins.meetup.rendering.quick_inline",
)


def cache_name(settings: dict) -> str:
    """A name for Pelican's content cache that changes with the Markdown setup.

    Pelican's cache only knows source files, not settings: after a change to
    the extensions (or an upgrade of Markdown, Pygments, our extension) it
    would keep serving HTML made the old way.
    """
    parts = [
        json.dumps(settings, sort_keys=True, default=str),
        metadata.version("markdown"),
        metadata.version("pygments"),
        *((Path(__file__).parent / name).read_text(encoding="utf-8") for name in OWN_EXTENSIONS),
    ]
    return "pelican-" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def markdown_settings() -> dict:
    return {
        "extension_configs": {
            # guess_lang off: an unlabelled block stays plain instead of being
            # coloured as whatever Pygments guesses; ":::bash" still selects.
            "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
            # ":::bash" as the first line of a fenced block, too.
            "pelican.plugins.meetup.rendering.code_language": {},
            **{name: {} for name in SPEED_ONLY},
            # "20. Januar 2026" at the start of a line stays text instead of
            # becoming item 1 of an ordered list ("1. Januar 2026").
            "pelican.plugins.meetup.rendering.date_lines": {},
            "markdown.extensions.extra": {},
            "markdown.extensions.meta": {},
            "markdown.extensions.toc": {"permalink": False},
            # German quotes „…“; single quotes stay as they are so that
            # apostrophes survive.
            "markdown.extensions.smarty": {
                "substitutions": {
                    "left-double-quote": "&bdquo;",
                    "right-double-quote": "&ldquo;",
                },
                "smart_quotes": True,
                "smart_dashes": True,
                "smart_ellipses": True,
                "smart_angled_quotes": False,
            },
        },
        "output_format": "html5",
    }
