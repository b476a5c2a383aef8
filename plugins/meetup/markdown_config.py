"""The Markdown settings of the site, shared by pelicanconf.py and bench/.

Pelican's ``MARKDOWN`` setting replaces its defaults, so codehilite, extra and
meta are listed again here.
"""


def markdown_settings() -> dict:
    return {
        "extension_configs": {
            # guess_lang off: an unlabelled block stays plain instead of being
            # coloured as whatever Pygments guesses; ":::bash" still selects.
            "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
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
