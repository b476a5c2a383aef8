"""The content cache is keyed by the Markdown setup (Pelican's is not)."""

from __future__ import annotations

from pelican.plugins.meetup.rendering.markdown_config import cache_name, markdown_settings


def test_same_settings_same_cache():
    assert cache_name(markdown_settings()) == cache_name(markdown_settings())


def test_changed_extension_settings_get_a_fresh_cache():
    changed = markdown_settings()
    changed["extension_configs"]["markdown.extensions.codehilite"]["guess_lang"] = True
    assert cache_name(changed) != cache_name(markdown_settings())
    assert cache_name(changed).startswith("pelican-")


def test_every_extension_of_ours_is_part_of_the_cache_key():
    from pelican.plugins.meetup.rendering.markdown_config import OWN_EXTENSIONS

    prefix = "pelican.plugins.meetup.rendering."
    ours = [name.removeprefix(prefix) + ".py"
            for name in markdown_settings()["extension_configs"] if name.startswith(prefix)]
    assert "date_lines.py" in ours
    assert set(ours) <= set(OWN_EXTENSIONS)
