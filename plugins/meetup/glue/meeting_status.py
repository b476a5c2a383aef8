"""Pelican glue for cancelled and moved meetings (``site.changes``).

Pelican knows ``Status: published/draft/hidden`` only and skips an article with any other
status.  ``take_status`` (``article_generator_context``) moves a meeting's status
(``abgesagt``, ``verschoben``, ``cancelled`` …) out of Pelican's way before the article
is made: the article is published, the word is kept as ``meetup_status``.
``apply`` adds the change to a text's facts from its header and its words.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from ..reading.model import ArticleFacts
from ..site import changes

logger = logging.getLogger(__name__)

KEY = "meetup_status"


def take_status(generator, metadata: dict) -> None:
    value = metadata.get("status")
    if isinstance(value, str) and changes.from_header(value):
        metadata[KEY] = value
        metadata["status"] = "published"


def _header(document, article, key: str):
    line = document.metadata.get(key)
    if line is not None:
        return line.text if hasattr(line, "text") else str(line), getattr(line, "number", 1)
    value = article.metadata.get(key)
    return (value, 1) if value not in (None, "") else (None, 1)


def apply(facts: ArticleFacts, article, document, source: str, language) -> ArticleFacts:
    status = article.metadata.get(KEY) or _header(document, article, "status")[0]
    moved_from = None
    for key in changes.MOVED_FROM_KEYS:
        value, line = _header(document, article, key)
        if value is None:
            continue
        try:
            moved_from = changes.parse_date(value)
        except ValueError:
            logger.error("%s:%d: %s", source, line, language.gettext(
                "“{key}: {value}” is no date: write it as 2026-01-20").format(key=key, value=value))
        break
    first = document.first_text_block()
    first_line = first.plain if first is not None else ""
    title = str(article.metadata.get("title", ""))
    change, moved_from = changes.decide(header=status, moved_from=moved_from, title=title,
                                        first_line=first_line, kind=facts.kind)
    if change is None and moved_from is None:
        return facts
    return replace(facts, change=change, moved_from=moved_from)
