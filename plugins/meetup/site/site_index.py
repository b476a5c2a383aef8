"""Site-wide views of all meetings: pure, one pass over the articles.

From the facts of every article (``Entry``) this builds what the archive,
talk and statistics pages show: the meetings by date, talks held and
planned, attendance numbers, and the "sightings" the next-meeting search
(``schedule``) starts from.  Articles are carried along untouched, so
templates can use their ``url`` and ``title``.

One definition of a meeting for every page: a date with a report or an
announcement, or a date a report's "next" section names that still lies
ahead.  Its ``status`` follows from "now" and the facts alone:

- ``upcoming``: it starts after "now" (a report written ahead changes nothing);
- ``held``: it has started and has a report;
- ``no-report``: it has started and has no report (it was announced, nobody
  wrote about it), never "announced" any more;
- ``cancelled`` / ``postponed``: called off (``site.changes``), whatever the date.

A moved meeting is one meeting at its new date (``moved_from`` the old one); the old
date is no meeting of its own, also where an earlier "next" section names it.

The statistics count every meeting that is not upcoming; its talks are held
when the meeting is held (the report may not name each one).
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Sequence

from ..reading.model import ArticleFacts, Participants, Talk
from .changes import OFF
from .schedule import Sighting
from ..reading.talks import split_speaker


UPCOMING = "upcoming"
HELD = "held"
NO_REPORT = "no-report"
CANCELLED = "cancelled"
POSTPONED = "postponed"


@dataclass(frozen=True)
class Entry:
    """One article as the index sees it."""

    source: str  # path relative to the content folder
    title: str  # plain text
    url: str  # as Pelican gives it (site-relative)
    facts: ArticleFacts  # participants already as the privacy mode allows
    article: Any = None  # handed through to templates


@dataclass(frozen=True)
class Meeting:
    date: dt.date
    start: dt.datetime  # aware; the default time when no source gives one
    report: Any  # the report article, or None
    announcement: Any  # the announcement article, or None
    participants: Participants | None
    talks: tuple[Talk, ...]  # held (from the report)
    planned_talks: tuple[str, ...]  # from the announcement and earlier "next" sections
    ics_url: str  # calendar file of just this meeting
    location: str | None = None  # the announcement's "Wo:", else the report's
    named_in: tuple[Any, ...] = ()  # reports whose "next" section named this date
    status: str = UPCOMING  # UPCOMING, HELD, NO_REPORT as of "now", or CANCELLED, POSTPONED
    change: str | None = None  # "cancelled", "postponed", "moved" (site.changes) or None
    moved_from: dt.date | None = None  # a moved meeting's old date
    venue: Any = None  # the site.venues.Venue its place names (the glue fills it in)

    @property
    def url(self) -> str | None:
        """The page about the meeting: its report, else its announcement."""
        page = self.report or self.announcement
        return page.url if page is not None else None


class TalkEntry(NamedTuple):
    date: dt.date
    speaker: str
    title: str
    meeting_url: str | None
    planned: bool  # True: not (yet) held, status is UPCOMING or NO_REPORT
    held_url: str | None  # the report of its meeting, once held
    status: str = HELD  # the status of its meeting
    materials: tuple = ()  # reading.model.Material: slides, video, code, notebook
    topics: tuple = ()  # its topics (site.topics): the meeting's tags, MEETUP_TOPICS words


@dataclass(frozen=True)
class TalkGroup:
    """Talks under one name (a speaker's, a topic's), with the address of its page."""
    name: str
    slug: str
    talks: tuple[TalkEntry, ...]  # descending by date, as the talks page

    @property
    def held(self) -> int:
        return sum(1 for talk in self.talks if not talk.planned)


def name_key(name: str) -> str:
    """One spelling for names that differ only in case and spacing."""
    return " ".join(name.split()).casefold()


def numbered_slugs(names: Iterable[str], slugify: Callable[[str], str],
                   fallback: str) -> dict[str, str]:
    """{name: slug} in the order given; a slug taken already gets -2, -3 …"""
    used: set[str] = set()
    result = {}
    for name in names:
        base = slugify(name) or fallback
        slug, number = base, 2
        while slug in used:
            slug, number = f"{base}-{number}", number + 1
        used.add(slug)
        result[name] = slug
    return result


class YearStats(NamedTuple):
    year: int
    meetings: int  # meetings that took place (not upcoming)
    counted: int  # of those, the ones with a known number of participants
    attendance_sum: int | None  # over the counted meetings; None when none is counted
    average: float | None  # per counted meeting


class Newcomers(NamedTuple):
    """One meeting with named participants: how many came for the first time (by name
    as written, across the archive) and how many had come before.  Counts only."""

    date: dt.date
    new: int
    returning: int


class AttendancePoint(NamedTuple):
    date: dt.date
    total: int
    exact: bool  # False: at least this many ("+ weitere")


class Maximum(NamedTuple):
    total: int
    date: dt.date


@dataclass(frozen=True)
class Stats:
    per_year: list[YearStats]  # ascending by year
    series: list[AttendancePoint]  # ascending by date
    average: float | None
    maximum: Maximum | None
    meetings_total: int  # len(meetings)
    # Every meeting that is not upcoming, ascending: the ones counted above.
    meetings: list[Meeting] = field(default_factory=list)
    newcomers: list[Newcomers] = field(default_factory=list)  # ascending by date
    # (year, first time, returning) over the meetings with named participants, ascending
    newcomers_per_year: list[tuple[int, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class SiteIndex:
    meetings: list[Meeting]  # ascending by date
    years: list[tuple[int, list[Meeting]]]  # descending, meetings descending
    talks: list[TalkEntry]  # descending by date
    stats: Stats
    sightings: list[Sighting]  # in publication order, for schedule.find_next
    # (kept entry, ignored entry) when two reports or announcements share a date
    duplicates: list[tuple[Entry, Entry]]


def talk_text(talk: Talk) -> str:
    return f"{talk.speaker}: {talk.title}" if talk.speaker else talk.title


# Pure, and asked again for every pair of a meeting's talks: each text split once.
@functools.lru_cache(maxsize=4096)
def split_talk(text: str) -> Talk:
    """ "Greta: Evaluation" -> Talk("Greta", "Evaluation"); no speaker -> Talk("", text).

    The parsing core's rule, so a planned talk splits as a held one does."""
    return split_speaker(text)


def build(
    entries: Sequence[Entry],
    *,
    now: dt.datetime,
    default_time: dt.time,
    ics_url=lambda day: f"termine/{day.isoformat()}.ics",
    venue_of=lambda place: None,
) -> SiteIndex:
    """Everything site-wide, from ``entries`` in publication order; ``venue_of`` gives
    the venue a place text names (no text: the usual place's)."""
    zone = now.tzinfo
    reports: dict[dt.date, Entry] = {}
    announcements: dict[dt.date, Entry] = {}
    named_in: dict[dt.date, list[Entry]] = {}
    duplicates: list[tuple[Entry, Entry]] = []
    sightings: list[Sighting] = []

    for entry in entries:
        facts = entry.facts
        meeting = facts.meeting
        if facts.kind in ("report", "announcement") and meeting is not None:
            slot = reports if facts.kind == "report" else announcements
            if meeting.date in slot:
                duplicates.append((slot[meeting.date], entry))
            else:
                slot[meeting.date] = entry
            sightings.append(_sighting(entry, facts.kind, meeting.date, meeting.time))
        if facts.kind == "report" and facts.next is not None:
            when = facts.next.when
            named_in.setdefault(when.date, []).append(entry)
            sightings.append(
                Sighting(kind="report-next", date=when.date, time=when.time,
                         source=entry.source, url=entry.url, talks=facts.next.talks)
            )

    held_dates = set(reports) | set(announcements)
    # A date only named in a "next" section is a meeting once it lies ahead;
    # a past one that got neither report nor announcement did not take place,
    # nor did one the meeting was moved away from.
    moved_away = {entry.facts.moved_from for entry in (*reports.values(), *announcements.values())
                  if entry.facts.moved_from is not None}
    planned_dates = {day for day in named_in if day >= now.date() and day not in moved_away}
    meetings = [
        _meeting(day, reports.get(day), announcements.get(day), named_in.get(day, []),
                 zone, default_time, ics_url, now, venue_of)
        for day in sorted(held_dates | planned_dates)
    ]
    return SiteIndex(
        meetings=meetings,
        years=_years(meetings),
        talks=_talks(meetings, announcements, named_in),
        stats=_stats(meetings),
        sightings=sightings,
        duplicates=duplicates,
    )


def _sighting(entry: Entry, kind: str, day: dt.date, time: dt.time | None) -> Sighting:
    facts = entry.facts
    return Sighting(
        kind=kind,
        date=day,
        time=time,
        source=entry.source,
        url=entry.url,
        title=entry.title if kind == "announcement" else None,
        location=facts.location,
        talks=tuple(talk_text(talk) for talk in facts.talks) if kind == "announcement" else (),
        signup_url=facts.signup_url,
        change=facts.change,
        moved_from=facts.moved_from,
    )


def status_of(start: dt.datetime, has_report: bool, now: dt.datetime) -> str:
    if start > now:
        return UPCOMING
    return HELD if has_report else NO_REPORT


def _meeting(day, report, announcement, named_in, zone, default_time, ics_url, now,
             venue_of=lambda place: None) -> Meeting:
    time = next(
        (e.facts.meeting.time for e in (report, announcement)
         if e is not None and e.facts.meeting.time is not None),
        None,
    )
    planned = _unique(
        [talk_text(t) for t in (announcement.facts.talks if announcement else ())]
        + [text for entry in named_in for text in entry.facts.next.talks]
    )
    start = dt.datetime.combine(day, time or default_time, tzinfo=zone)
    texts = [e for e in (announcement, report) if e is not None]
    change = next((e.facts.change for e in texts if e.facts.change), None)
    moved_from = next((e.facts.moved_from for e in texts if e.facts.moved_from), None)
    status = change if change in OFF else status_of(start, report is not None, now)
    location = next((e.facts.location for e in (announcement, report)
                     if e is not None and e.facts.location), None)
    return Meeting(
        date=day,
        start=start,
        report=report.article if report else None,
        announcement=announcement.article if announcement else None,
        participants=report.facts.participants if report else None,
        talks=report.facts.talks if report else (),
        planned_talks=planned,
        ics_url=ics_url(day),
        location=location,
        named_in=tuple(entry.article for entry in named_in),
        status=status,
        change=change,
        moved_from=moved_from,
        venue=venue_of(location),
    )


def _unique(texts: list[str]) -> tuple[str, ...]:
    kept: list[str] = []
    for text in texts:
        if not any(_same_talk(split_talk(text), split_talk(other)) for other in kept):
            kept.append(text)
    return tuple(kept)


def _years(meetings: list[Meeting]) -> list[tuple[int, list[Meeting]]]:
    by_year: dict[int, list[Meeting]] = {}
    for meeting in reversed(meetings):
        by_year.setdefault(meeting.date.year, []).append(meeting)
    return sorted(by_year.items(), reverse=True)


def _talks(meetings, announcements, named_in) -> list[TalkEntry]:
    talks: list[TalkEntry] = []
    for meeting in reversed(meetings):
        if meeting.status in (CANCELLED, POSTPONED):
            continue  # called off: its talks were neither held nor are they planned
        held = meeting.status == HELD
        report_url = meeting.report.url if meeting.report is not None else None
        # Links near a talk of the announcement (slides ahead, a recording page):
        # shown with the planned talk, and with the held one if its report has none.
        announced = {talk_text(t): t.materials for t in
                     (announcements[meeting.date].facts.talks if meeting.date in announcements
                      else ())}
        planned_url = report_url or (
            announcements[meeting.date].url if meeting.date in announcements
            else named_in[meeting.date][-1].url
        )
        unmatched = list(meeting.talks)
        extra = {id(talk): () for talk in meeting.talks}
        planned: list[TalkEntry] = []
        for text in meeting.planned_talks:
            talk = split_talk(text)
            match = next((h for h in unmatched if _similar_title(talk, h)), None) or next(
                (h for h in unmatched if _same_speaker(talk, h)), None
            )
            if match is not None:
                unmatched.remove(match)  # listed once, as the report has it
                extra[id(match)] = announced.get(text, ())
                continue
            # A meeting with a report took place with its programme, whether
            # or not the report names this talk.
            planned.append(TalkEntry(meeting.date, talk.speaker, talk.title, planned_url,
                                     not held, report_url if held else None, meeting.status,
                                     announced.get(text, ())))
        for talk in meeting.talks:
            talks.append(TalkEntry(meeting.date, talk.speaker, talk.title, report_url,
                                   not held, report_url if held else None, meeting.status,
                                   talk.materials or extra[id(talk)]))
        talks.extend(planned)
    return talks


@functools.lru_cache(maxsize=4096)
def _normal(text: str) -> str:
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def _similar_title(a: Talk, b: Talk) -> bool:
    x, y = _normal(a.title), _normal(b.title)
    if not x or not y:
        return False
    if x == y or (min(len(x), len(y)) >= 8 and (x in y or y in x)):
        return True
    # The quick ratios are upper bounds of ratio(): most pairs of titles fail them first.
    matcher = difflib.SequenceMatcher(None, x, y)
    return (matcher.real_quick_ratio() >= 0.75 and matcher.quick_ratio() >= 0.75
            and matcher.ratio() >= 0.75)


def _same_speaker(a: Talk, b: Talk) -> bool:
    x = {w for w in _normal(a.speaker).split() if len(w) > 2 and w not in ("dr", "prof")}
    y = {w for w in _normal(b.speaker).split() if len(w) > 2 and w not in ("dr", "prof")}
    return bool(x & y)


def _same_talk(a: Talk, b: Talk) -> bool:
    return _similar_title(a, b) or (_same_speaker(a, b) and not a.title and not b.title)


def _stats(meetings: list[Meeting]) -> Stats:
    taken_place = [meeting for meeting in meetings
                   if meeting.status not in (UPCOMING, CANCELLED, POSTPONED)]
    per_year: dict[int, list[int]] = {}  # year -> [meetings, attendance sum, counted]
    series: list[AttendancePoint] = []
    for meeting in taken_place:
        counts = per_year.setdefault(meeting.date.year, [0, 0, 0])
        counts[0] += 1
        participants = meeting.participants
        if participants is not None and participants.total > 0:
            counts[1] += participants.total
            counts[2] += 1
            series.append(AttendancePoint(meeting.date, participants.total, participants.exact))
    newcomers = newcomer_counts(taken_place)
    by_year: dict[int, tuple[int, int]] = {}
    for entry in newcomers:
        new, returning = by_year.get(entry.date.year, (0, 0))
        by_year[entry.date.year] = (new + entry.new, returning + entry.returning)
    total = sum(point.total for point in series)
    maximum = None
    for point in series:  # the first of equal maxima
        if maximum is None or point.total > maximum.total:
            maximum = Maximum(point.total, point.date)
    return Stats(
        per_year=[
            YearStats(year, held, counted, attended if counted else None,
                      attended / counted if counted else None)
            for year, (held, attended, counted) in sorted(per_year.items())
        ],
        series=series,
        average=total / len(series) if series else None,
        maximum=maximum,
        meetings_total=len(taken_place),
        meetings=taken_place,
        newcomers=newcomers,
        newcomers_per_year=[(year, new, returning) for year, (new, returning) in sorted(by_year.items())],
    )


def _person(name: str) -> str:
    return " ".join(name.split()).casefold()


def newcomer_counts(meetings: list[Meeting]) -> list[Newcomers]:
    """Per meeting (ascending) that names its participants: how many of the named came
    for the first time; the people counted but not named ("+ 3 weitere") are left out.
    The archive's first meeting with names counts everyone as new."""
    seen: set[str] = set()
    result = []
    for meeting in sorted(meetings, key=lambda m: m.date):
        participants = meeting.participants
        if participants is None or not participants.named:
            continue
        people = {_person(person.name) for person in participants.named if person.name.strip()}
        if not people:
            continue
        new = len(people - seen)
        result.append(Newcomers(meeting.date, new, len(people) - new))
        seen |= people
    return result
