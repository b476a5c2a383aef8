"""The site-wide next meeting: pure, from facts + "now" (+ a recurrence rule).

Every source that names a meeting date is a ``Sighting``: an announcement
("Wann:"), a report's "next" section or ``Next:`` header, or a report whose
own date lies ahead.  The next meeting is the earliest date whose meeting has
not ended yet; sightings of that date are merged, the announcement winning
for title, place, talks and sign-up link.  With no sighting ahead, a
recurrence rule ("third Tuesday, not in July") gives a tentative date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Literal

SightingKind = Literal["announcement", "report", "report-next"]
# site.changes.OFF: a meeting called off on its date.
OFF_CHANGES = ("cancelled", "postponed")

# The title of a next meeting no announcement names; the glue passes the site
# language's ("Nächstes Treffen").
DEFAULT_TITLE = "Next meeting"
RECURRENCE_SOURCE = "recurrence"

_WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "montag"),
            ("tuesday", "dienstag"),
            ("wednesday", "mittwoch"),
            ("thursday", "donnerstag"),
            ("friday", "freitag"),
            ("saturday", "samstag"),
            ("sunday", "sonntag"),
        ]
    )
    for name in names
}


class RecurrenceError(ValueError):
    pass


@dataclass(frozen=True)
class Recurrence:
    weekday: int  # 0 = Monday
    week: int  # 1..5, or -1 for the last such weekday of the month
    time: dt.time
    skip_months: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Sighting:
    """One source's word on a meeting date."""

    kind: SightingKind
    date: dt.date
    time: dt.time | None
    source: str  # path relative to the content folder
    url: str | None = None  # page of the source
    title: str | None = None  # announcement title (plain text)
    location: str | None = None
    talks: tuple[str, ...] = ()
    signup_url: str | None = None
    change: str | None = None  # site.changes: "cancelled", "postponed", "moved"
    moved_from: dt.date | None = None


@dataclass(frozen=True)
class CalledOff:
    """A meeting ahead that does not take place: the box names it above the next one."""

    date: dt.date
    change: str  # "cancelled" or "postponed"
    url: str | None
    title: str | None


@dataclass(frozen=True)
class UpcomingMeeting:
    """``meetup_next`` in the templates."""

    start: dt.datetime
    end: dt.datetime
    date: dt.date
    time: dt.time | None  # None: no source gave a time (start uses the default)
    tentative: bool  # True: only guessed from the recurrence rule
    title: str
    url: str | None
    location: str | None
    talks: tuple[str, ...]
    signup_url: str | None
    source: str  # content-relative path, or "recurrence"
    ics_url: str
    moved_from: dt.date | None = None  # a moved meeting's old date
    # Meetings between "now" and this one that were called off, earliest first.
    called_off: tuple[CalledOff, ...] = ()
    venue: object = None  # the site.venues.Venue its place names (the glue fills it in)


def parse_time(value: str | dt.time, what: str) -> dt.time:
    if isinstance(value, dt.time):
        return value
    try:
        hours, minutes = str(value).strip().split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise RecurrenceError(f'{what} must be a time like "18:30", got {value!r}') from None


def parse_recurrence(value: dict | None) -> Recurrence | None:
    """MEETUP_RECURRENCE as a Recurrence; a clear error for a broken rule."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise RecurrenceError(f"MEETUP_RECURRENCE must be a dict or None, got {value!r}")
    unknown = sorted(set(value) - {"weekday", "week", "time", "skip_months"})
    if unknown:
        raise RecurrenceError(f"MEETUP_RECURRENCE has unknown key(s): {', '.join(unknown)}")
    weekday = _WEEKDAYS.get(str(value.get("weekday", "")).strip().lower())
    if weekday is None:
        raise RecurrenceError(
            f'MEETUP_RECURRENCE["weekday"] must be a weekday like "tuesday", '
            f"got {value.get('weekday')!r}"
        )
    week = value.get("week")
    if not isinstance(week, int) or isinstance(week, bool) or week not in (-1, 1, 2, 3, 4, 5):
        raise RecurrenceError(f'MEETUP_RECURRENCE["week"] must be 1..5 or -1 (last), got {week!r}')
    time = parse_time(value.get("time", ""), 'MEETUP_RECURRENCE["time"]')
    skip = value.get("skip_months", [])
    if not all(isinstance(m, int) and 1 <= m <= 12 for m in skip):
        raise RecurrenceError(f'MEETUP_RECURRENCE["skip_months"] must be months 1..12, got {skip!r}')
    if len(set(skip)) == 12:
        raise RecurrenceError('MEETUP_RECURRENCE["skip_months"] skips every month')
    return Recurrence(weekday=weekday, week=week, time=time, skip_months=frozenset(skip))


def meeting_day(rule: Recurrence, year: int, month: int) -> dt.date | None:
    """The rule's day in that month, or None (skipped, or no 5th weekday)."""
    if month in rule.skip_months:
        return None
    days = [
        day
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, day).weekday() == rule.weekday
    ]
    if rule.week == -1:
        return dt.date(year, month, days[-1])
    if rule.week > len(days):
        return None
    return dt.date(year, month, days[rule.week - 1])


def next_by_rule(
    rule: Recurrence, now: dt.datetime, duration: dt.timedelta, skip=frozenset()
) -> dt.datetime:
    """Start of the first meeting by ``rule`` that has not ended at ``now`` (and whose
    date is not in ``skip``: called off)."""
    year, month = now.year, now.month
    # A rule with any non-skipped month matches within two years.
    for _ in range(25 + len(skip)):
        day = meeting_day(rule, year, month)
        if day is not None and day not in skip:
            start = dt.datetime.combine(day, rule.time, tzinfo=now.tzinfo)
            if start + duration > now:
                return start
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise RecurrenceError("MEETUP_RECURRENCE matches no day in the next two years")


_PRIORITY = {"announcement": 0, "report": 1, "report-next": 2}


def find_next(
    sightings: Iterable[Sighting],
    now: dt.datetime,
    *,
    duration: dt.timedelta,
    default_time: dt.time,
    default_location: str | None = None,
    default_signup_url: str | None = None,
    recurrence: Recurrence | None = None,
    ics_url: Callable[[dt.date], str] = lambda day: f"termine/{day.isoformat()}.ics",
    default_title: str = DEFAULT_TITLE,
) -> UpcomingMeeting | None:
    """The earliest meeting that has not ended at ``now`` (aware), or None.

    ``sightings`` come in publication order: of two of the same kind, the
    later one wins (a later report may correct an earlier one).
    """
    zone = now.tzinfo
    by_date: dict[dt.date, list[Sighting]] = {}
    for sighting in reversed(list(sightings)):
        by_date.setdefault(sighting.date, []).append(sighting)
    # A date a meeting was moved away from is no meeting, unless a text of its own says so.
    moved_away = {s.moved_from for group in by_date.values() for s in group if s.moved_from}
    called_off: list[CalledOff] = []
    off_days: set[dt.date] = set()

    for day in sorted(by_date):
        # Announcement first, then the report of that day, then "next" sections;
        # the sort is stable, so within a kind the latest source stays first.
        group = sorted(by_date[day], key=lambda s: _PRIORITY[s.kind])
        time = next((s.time for s in group if s.time is not None), None)
        start = dt.datetime.combine(day, time or default_time, tzinfo=zone)
        if start + duration <= now:
            continue
        lead = group[0]
        off = next((s for s in group if s.kind != "report-next" and s.change in OFF_CHANGES), None)
        if off is not None:
            off_days.add(day)
            called_off.append(CalledOff(day, off.change, off.url, off.title))
            continue
        if day in moved_away and lead.kind == "report-next":
            off_days.add(day)
            continue
        announcement = lead if lead.kind == "announcement" else None
        talks = announcement.talks if announcement else _merged_talks(group)
        return UpcomingMeeting(
            start=start,
            end=start + duration,
            date=day,
            time=time,
            tentative=False,
            title=(announcement.title if announcement and announcement.title else default_title),
            url=next((s.url for s in group if s.url), None),
            location=next((s.location for s in group if s.location), None) or default_location
            or None,
            talks=talks,
            signup_url=(announcement.signup_url if announcement else None)
            or default_signup_url or None,
            source=lead.source,
            ics_url=ics_url(day),
            moved_from=next((s.moved_from for s in group if s.moved_from), None),
            called_off=tuple(called_off),
        )

    if recurrence is None:
        return None
    start = next_by_rule(recurrence, now, duration, frozenset(off_days))
    return UpcomingMeeting(
        start=start,
        end=start + duration,
        date=start.date(),
        time=recurrence.time,
        tentative=True,
        title=default_title,
        url=None,
        location=default_location or None,
        talks=(),
        signup_url=default_signup_url or None,
        source=RECURRENCE_SOURCE,
        ics_url=ics_url(start.date()),
        called_off=tuple(c for c in called_off if c.date < start.date()),
    )


def _merged_talks(group: list[Sighting]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for sighting in group:
        for talk in sighting.talks:
            seen.setdefault(talk, None)
    return tuple(seen)


# --- A rule as an organizer says it ("third tuesday 18:30") ------------------------

_ORDINALS = {
    **dict.fromkeys(("first", "1st", "1.", "erster", "erste", "ersten"), 1),
    **dict.fromkeys(("second", "2nd", "2.", "zweiter", "zweite", "zweiten"), 2),
    **dict.fromkeys(("third", "3rd", "3.", "dritter", "dritte", "dritten"), 3),
    **dict.fromkeys(("fourth", "4th", "4.", "vierter", "vierte", "vierten"), 4),
    **dict.fromkeys(("fifth", "5th", "5.", "fünfter", "fünfte", "fünften"), 5),
    **dict.fromkeys(("last", "letzter", "letzte", "letzten"), -1),
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan", "januar", "jänner"), ("february", "feb", "februar"),
         ("march", "mar", "märz", "maerz"), ("april", "apr"), ("may", "mai"),
         ("june", "jun", "juni"), ("july", "jul", "juli"), ("august", "aug"),
         ("september", "sep", "sept"), ("october", "oct", "oktober", "okt"),
         ("november", "nov"), ("december", "dec", "dezember", "dez")],
        start=1)
    for name in names
}
_SKIP_WORDS = ("except", "not", "no", "skip", "skipping", "without", "außer", "ausser",
               "nicht", "ohne", "kein", "keins")
_FILLER = ("every", "each", "the", "of", "a", "month", "monthly", "in", "on", "at", "and",
           "jeden", "jeder", "jeweils", "im", "am", "um", "monat", "monats", "des", "und",
           "meeting", "meetings", "treffen", "uhr")
RECURRENCE_EXAMPLE = '"third tuesday 18:30 except july august december"'


def recurrence_from_text(text: str) -> dict:
    """"third tuesday 18:30 except july, august" as MEETUP_RECURRENCE's dict
    ({"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": [7, 8]});
    English or German words ("dritter Dienstag 19 Uhr, nicht im August").
    RecurrenceError names what is missing or not understood."""
    words = text.lower().replace(",", " ").replace(";", " ").split()
    week = weekday = time = None
    skip: list[int] = []
    skipping = False
    unknown = []
    index = 0
    while index < len(words):
        word = words[index]
        # "6:30 pm", "18.30", "19 uhr"
        clock_match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(am|pm|h)?", word)
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _ORDINALS and week is None and not skipping:
            week = _ORDINALS[word]
        elif word in _WEEKDAYS:
            weekday = _WEEKDAYS[word]
        elif word in _SKIP_WORDS:
            skipping = True
        elif word in _MONTHS and skipping:
            skip.append(_MONTHS[word])
        elif skipping and word.isdigit() and 1 <= int(word) <= 12 and time is not None:
            skip.append(int(word))
        elif clock_match and time is None and (clock_match[2] or clock_match[3]
                                               or following in ("uhr", "am", "pm", "h")):
            hours, minutes = int(clock_match[1]), int(clock_match[2] or 0)
            suffix = clock_match[3] or (following if following in ("am", "pm") else "")
            if suffix == "pm" and hours < 12:
                hours += 12
            elif suffix == "am" and hours == 12:
                hours = 0
            if following in ("am", "pm"):
                index += 1
            if not (0 <= hours <= 23 and 0 <= minutes <= 59):
                raise RecurrenceError(f"{text!r}: {word} is no time of day")
            time = f"{hours:02d}:{minutes:02d}"
        elif word not in _FILLER:
            unknown.append(word)
        index += 1
    missing = [what for what, value in (("which week (first … fifth, last)", week),
                                        ("the weekday", weekday), ("the time, e.g. 18:30", time))
               if value is None]
    if unknown or missing:
        parts = []
        if unknown:
            parts.append("not understood: " + " ".join(unknown))
        if missing:
            parts.append("missing: " + ", ".join(missing))
        raise RecurrenceError(f"{text!r}: {'; '.join(parts)} (e.g. {RECURRENCE_EXAMPLE})")
    names = {number: name for name, number in _WEEKDAYS.items() if name.isascii() and
             name.endswith("day")}
    rule = {"weekday": names[weekday], "week": week, "time": time}
    if skip:
        rule["skip_months"] = sorted(set(skip))
    parse_recurrence(rule)  # the same checks as the setting's
    return rule
