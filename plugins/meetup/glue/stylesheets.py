"""Publish the theme's stylesheets without their comments.

The comments in ``theme/static/css/*.css`` explain the rules to the next
engineer; a visitor's browser has no use for them, and a report page must stay
under 20 KB with its stylesheet.  Only comments and the blank lines they leave
go: the rules stay byte for byte as written.
"""

from __future__ import annotations

import re
from pathlib import Path

# Our stylesheets hold no strings or URLs with "/*" in them.
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")


def without_comments(css: str) -> str:
    return _BLANK_LINES.sub("\n", _COMMENT.sub("", css)).strip() + "\n"


def strip_comments(pelican) -> None:
    """finalized handler: every stylesheet the theme published, comments left out."""
    theme_output = Path(pelican.output_path) / pelican.settings.get("THEME_STATIC_DIR", "theme")
    for path in sorted(theme_output.rglob("*.css")):
        text = path.read_text(encoding="utf-8")
        stripped = without_comments(text)
        if stripped != text:
            path.write_text(stripped, encoding="utf-8")
