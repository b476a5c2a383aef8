"""``invoke check``'s hint "slides missing": a talk held more than
``MEETUP_SLIDES_GRACE_DAYS`` days ago (relative to "now", ``site.clock``) whose
report links no slides near it (``reading.materials``).  None turns it off."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..i18n.language import gettext as _
from ..reading.facts import read_document_facts
from ..reading.frontmatter import blank_front_matter
from ..reading.sections import split_document
from ..reading.talk_lines import talks_under_headings
from ..site import clock

DEFAULT_GRACE_DAYS = 14


def grace_days(settings: Mapping) -> int | None:
    return settings.get("MEETUP_SLIDES_GRACE_DAYS", DEFAULT_GRACE_DAYS)


def missing_slides(text: str, date: dt.datetime, settings: Mapping, *, title: str = "",
                   path: str = "") -> list[tuple[int, str]]:
    """(line, message) for each held talk of this report without slides, once the
    grace days after its meeting are over."""
    days = grace_days(settings)
    if days is None:
        return []
    today = clock.now(settings.get("TIMEZONE", "UTC")).date()
    document = split_document(blank_front_matter(text))
    facts = read_document_facts(document, date=date, title=title, path=path)
    if facts.kind != "report" or facts.meeting is None \
            or facts.meeting.date + dt.timedelta(days=days) >= today:
        return []
    lines = {}
    for line, talk in talks_under_headings(document.blocks):
        lines.setdefault(talk, line)
    found = []
    for talk in facts.talks:
        if any(material.label == "slides" for material in talk.materials):
            continue
        found.append((lines.get(talk, 1), _("Slides missing: “{talk}” was held on {date}; link them "
                                             "under the talk (“[Folien](…)”)").format(
            talk=talk.title or talk.speaker, date=facts.meeting.date.isoformat())))
    return found
