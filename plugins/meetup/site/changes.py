"""Cancelled and moved meetings.  Pure: a Status: header, a Moved-From: date, the title
and the first line of a text in; what happened to its meeting out.

- ``Status: abgesagt`` (``cancelled``, ``canceled``, ``ausgefallen``, ``entfällt``): the
  meeting on the text's date does not take place;
- ``Status: verschoben`` (``postponed``) without ``Moved-From:``: it does not take place on
  that date, a new one is to follow;
- ``Status: verschoben``/``verlegt``/``moved`` with ``Moved-From: 2026-01-20``: the text's
  date is the new one; calendars keep the event of the old date (same UID) and move it.

Without the header, an announcement that says so in its title or first line
("Abgesagt: Treffen am …", "Das Treffen fällt leider aus", "… is cancelled", "verschoben")
counts the same.  Pelican's own statuses (published, draft, hidden) are not ours.
"""

from __future__ import annotations

import datetime as dt
import re

CANCELLED = "cancelled"
POSTPONED = "postponed"
MOVED = "moved"
# Called off: the meeting does not take place on its date.
OFF = (CANCELLED, POSTPONED)

HEADER_WORDS = {
    "abgesagt": CANCELLED, "ausgefallen": CANCELLED, "entfällt": CANCELLED, "faellt-aus": CANCELLED,
    "cancelled": CANCELLED, "canceled": CANCELLED,
    "verschoben": POSTPONED, "postponed": POSTPONED,
    "verlegt": MOVED, "moved": MOVED, "rescheduled": MOVED,
}
MOVED_FROM_KEYS = ("moved-from", "moved_from", "verschoben-von", "verschoben_von")

_TEXT = (
    (CANCELLED, re.compile(r"\b(abgesagt|fällt\s+(?:\w+\s+){0,2}aus|entfällt|findet\s+nicht\s+statt|"
                           r"cancel+ed|called\s+off)\b", re.I)),
    (POSTPONED, re.compile(r"\b(verschoben|postponed)\b", re.I)),
    (MOVED, re.compile(r"\b(verlegt|moved\s+to|rescheduled)\b", re.I)),
)


def from_header(value: str | None) -> str | None:
    if not value:
        return None
    return HEADER_WORDS.get(" ".join(str(value).split()).casefold().replace(" ", "-"))


def from_text(*texts: str | None) -> str | None:
    for text in texts:
        if not text:
            continue
        for change, pattern in _TEXT:
            if pattern.search(text):
                return change
    return None


def parse_date(value) -> dt.date | None:
    """An ISO date (``2026-01-20``) or None; anything else raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value).strip()[:10])


def decide(*, header: str | None, moved_from: dt.date | None, title: str | None,
           first_line: str | None, kind: str) -> tuple[str | None, dt.date | None]:
    """(change, moved_from) of a text: the header wins, else an announcement's words."""
    change = from_header(header)
    if change is None and kind == "announcement":
        change = from_text(title, first_line)
    if change is None:
        return (MOVED, moved_from) if moved_from else (None, None)
    if change in (POSTPONED, MOVED) and moved_from is not None:
        return MOVED, moved_from
    return change, (moved_from if change == MOVED else None)


def sequence(change: str | None, moved_from: dt.date | None) -> int:
    """The iCalendar SEQUENCE: 0 as first published, one more for each change."""
    return (1 if moved_from else 0) + (1 if change in OFF else 0)
