"""Pelican plugin: reads meetup facts from reports and announcements.

``register()`` only connects signals; the work is in ``glue`` (Pelican side)
and the pure modules it calls.
"""

from pelican import signals

from . import glue, shared_markdown


def register():
    signals.initialized.connect(glue.check_settings)
    signals.initialized.connect(glue.pin_sitemap_clock)
    # Speed only: one Markdown converter per build (see bench/README.md).
    signals.readers_init.connect(shared_markdown.use_shared_markdown)
    signals.article_generator_finalized.connect(glue.attach_facts)
    signals.get_generators.connect(glue.get_generators)
