"""Pelican plugin: reads meetup facts from reports and announcements.

``register()`` only connects signals; the work is in ``glue`` (Pelican side)
and the pure modules it calls.
"""

from pelican import signals

from . import glue


def register():
    signals.initialized.connect(glue.check_settings)
    signals.article_generator_finalized.connect(glue.attach_facts)
    signals.get_generators.connect(glue.get_generators)
