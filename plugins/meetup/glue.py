"""Pelican glue: attaches parsed facts to articles and writes the feeds.

Stub: attach_facts and write_feeds are filled in with the parsing core.
"""

from __future__ import annotations

import logging

from . import settings as meetup_settings

logger = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    pelican.settings.update(meetup_settings.merged(pelican.settings))


def attach_facts(generator) -> None:
    generator.context.setdefault("meetup_next", None)


def write_feeds(pelican) -> None:
    pass
