"""The published stylesheet keeps every rule and drops the engineers' comments."""

from pathlib import Path

from pelican.plugins.meetup.glue.stylesheets import without_comments

THEME_CSS = Path(__file__).resolve().parents[2] / "theme" / "static" / "css" / "style.css"


def test_comments_go_rules_stay():
    css = "/* why */\na { color: red; }\n\n\n/* more\n   lines */\nb { margin: 0 } /* trailing */\n"
    assert without_comments(css) == "a { color: red; }\nb { margin: 0 }\n"


def test_the_themes_stylesheet_loses_only_comments():
    written = THEME_CSS.read_text(encoding="utf-8")
    published = without_comments(written)
    assert "/*" not in published and len(published) < len(written)
    assert published.count("{") == written.count("{") and published.count(";") >= 100
