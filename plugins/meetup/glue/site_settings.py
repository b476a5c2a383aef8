"""What the plugin and its theme need from Pelican, filled in where a site left it.

An existing Pelican site adopts the plugin with ``PLUGINS = ["meetup"]`` (and the
theme with ``THEME = meetup.path()``) and its own ``MEETUP_*`` settings, nothing
more.  So:

- ``initialized``: a report's date line ("20. Januar 2026") must stay text in
  any Markdown setup, so the plugin's date-line extension joins the site's
  ``MARKDOWN``.  With the meetup theme, the theme's pages replace Pelican's
  default direct templates (tag, category and author pages have no template
  here), robots.txt and 404.html get their file names, and autoescape is on
  (the theme marks rendered content safe where it means it).  What a site sets
  itself stays as it is.
- ``generator_init``: the plugin's widgets (``meetup/next_meetup.html``,
  ``meetup/participants.html`` …) come last in the template search path, so
  any theme can include them and a theme's own copy wins.
"""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from pelican.generators import PelicanTemplateNotFound
from pelican.settings import DEFAULT_CONFIG
from pelican.themes import meetup as meetup_theme  # the same distribution as the plugin

from ..rendering.markdown_config import SPEED_ONLY

WIDGETS = Path(__file__).resolve().parents[1] / "templates"
DATE_LINES = "pelican.plugins.meetup.rendering.date_lines"

# The meetup theme's pages and the files two of them write.
THEME_PAGES = ["index", "archives", "talks", "statistics", "venues", "search", "robots",
               "notfound"]
THEME_FILES = {"ROBOTS_SAVE_AS": "robots.txt", "NOTFOUND_SAVE_AS": "404.html",
               "NOTFOUND_URL": "404.html"}
# Pelican's pages of one author, category or tag: the meetup theme has no template.
UNTEMPLATED = ("AUTHOR_SAVE_AS", "CATEGORY_SAVE_AS", "TAG_SAVE_AS")


def complete(pelican) -> None:
    settings = pelican.settings
    complete_markdown(settings)
    if not uses_meetup_theme(settings):
        return
    if settings.get("DIRECT_TEMPLATES") == DEFAULT_CONFIG["DIRECT_TEMPLATES"]:
        settings["DIRECT_TEMPLATES"] = list(THEME_PAGES)
    for key, value in THEME_FILES.items():
        settings.setdefault(key, value)
    for key in UNTEMPLATED:
        if settings.get(key) == DEFAULT_CONFIG[key]:
            settings[key] = ""
    settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "autoescape": True}


def complete_markdown(settings) -> None:
    """The date-lines extension and the speed-only ones in every site's Markdown
    (idempotent)."""
    markdown = settings.get("MARKDOWN")
    if isinstance(markdown, dict):
        configs = markdown.setdefault("extension_configs", {})
        for name in (DATE_LINES, *SPEED_ONLY):
            if name not in configs:
                configs[name] = {}


def uses_meetup_theme(settings) -> bool:
    theme = settings.get("THEME")
    return bool(theme) and os.path.realpath(theme) == os.path.realpath(meetup_theme.path())


def add_widgets(generator) -> None:
    env = getattr(generator, "env", None)
    if env is None or not isinstance(env.loader, ChoiceLoader):
        return
    # Each generator has an environment of its own, made just before this signal.
    env.loader.loaders.append(FileSystemLoader(str(WIDGETS)))


def theme_has(generator, *templates: str) -> bool:
    """Whether the site's theme has every one of ``templates`` (speaker, topic pages):
    a theme without them (Pelican's simple one) gets no such page, and no link to one."""
    try:
        for name in templates:
            generator.get_template(name)
    except PelicanTemplateNotFound:
        return False
    return True
