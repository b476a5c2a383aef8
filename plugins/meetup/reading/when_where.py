"""A report's own time and place, from its body, when the header gives a date only.

Time: a field line ``Start: 19:30 Uhr``, ``Beginn der Sitzung: 20:08 Uhr``,
``**Datum:** 14.05.2014, 19:00 Uhr``, ``Zeit: 9. März 2020, 21:40 Uhr``, or a
heading or line with the meeting's own date and a time (``# Mittwoch, 12.
August 2015 ab 19:00 Uhr``).  ``Ende: 21:11 Uhr`` and ``Dauer: 1:47:05`` are
no start.  Place: ``Ort:``, ``Where:``, ``Venue:``, ``Location:`` field lines.
Lines of the "next" section speak of another meeting and are left out.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates, find_time
from .sections import Block

_TIME_LABEL = re.compile(
    r"(?:start|beginn|beginn der sitzung|sitzungsbeginn|anfang|zeit|uhrzeit|time|starts?"
    r"|doors|datum|date|wann|when|termin)(?:\s*\([^()]*\))?"
)
_PLACE_LABEL = re.compile(r"(?:ort|wo|where|venue|location|veranstaltungsort|treffpunkt|place)")


def meeting_time(blocks: tuple[Block, ...], day: dt.date,
                 ignored_sections: frozenset[int] = frozenset()) -> dt.time | None:
    for block in blocks:
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and _TIME_LABEL.fullmatch(block.label):
            mentions = find_dates(block.value, not_before=day)
            if mentions and mentions[0].date != day:
                continue  # "Datum: <another day>" is no time of this meeting
            time = mentions[0].time if mentions else find_time(block.value)[0]
            if time is not None:
                return time
        for mention in find_dates(block.markdown, not_before=day):
            if mention.date == day and mention.time is not None and mention.kind != "other":
                return mention.time
    return None


def meeting_place(blocks: tuple[Block, ...],
                  ignored_sections: frozenset[int] = frozenset()) -> str | None:
    for block in blocks:
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and _PLACE_LABEL.fullmatch(block.label) and block.value:
            return block.value
    return None
