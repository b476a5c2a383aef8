"""The floor: read every Markdown file of a folder and convert it, nothing else.

Same extensions and settings as the site (``markdown_settings()``), one
Markdown instance reset between files: the least any build of these files
has to do.  Run as a child process by bench/run.py so that its time and peak
memory are measured like the build's.

    python bench/floor.py CONTENT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

import markdown  # noqa: E402

from pelican.plugins.meetup.rendering.markdown_config import markdown_settings  # noqa: E402


def site_markdown() -> markdown.Markdown:
    """A converter configured as Pelican configures it from ``MARKDOWN``.

    Pelican loads every extension named in ``extension_configs`` (plus meta);
    Python-Markdown itself would only configure them, not load them.
    """
    settings = markdown_settings()
    extensions = list(settings.get("extensions", []))
    for name in [*settings.get("extension_configs", {}), "markdown.extensions.meta"]:
        if name not in extensions:
            extensions.append(name)
    return markdown.Markdown(**{**settings, "extensions": extensions})


def convert_all(content: Path) -> tuple[int, int]:
    """Convert every ``*.md`` below ``content``; return (files, characters of HTML)."""
    converter = site_markdown()
    files = characters = 0
    for path in sorted(content.rglob("*.md")):
        html = converter.reset().convert(path.read_text(encoding="utf-8"))
        files += 1
        characters += len(html)
    return files, characters


if __name__ == "__main__":
    files, characters = convert_all(Path(sys.argv[1]))
    print(f"{files} files, {characters} characters of HTML")
