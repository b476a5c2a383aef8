"""Machine-readable outputs: meetups.json and the .ics calendars.  Pure.

Both depend only on their inputs (facts, the pinned "now", SITEURL): same
content and SOURCE_DATE_EPOCH give byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import re
from dataclasses import dataclass
from typing import Sequence
from urllib.parse import urlsplit

from ..reading import markdown_text
from ..reading.model import MeetingTime, Participants
from . import changes
from .schedule import UpcomingMeeting
from .site_index import Entry, Meeting, talk_text

# The last part names the calendar's language (RFC 5545 / ISO 9070): //DE, //EN …
PRODID = "-//meetup-site//Meetup calendar//{language}"


def plain_text(markup: str) -> str:
    """Title markup (typogrify's spans, entities) as plain text."""
    text = html.unescape(re.sub(r"<[^>]*>", "", markup))
    return " ".join(text.replace("\xa0", " ").split())


def absolute_url(siteurl: str, url: str | None) -> str | None:
    """SITEURL + "/" + url when SITEURL is set, else url as Pelican gives it."""
    if url is None:
        return None
    if siteurl:
        return f"{siteurl.rstrip('/')}/{url.lstrip('/')}"
    return url


def uid_domain(siteurl: str, group_name: str) -> str:
    """Right-hand side of event UIDs: the site's host, else a slug of the group."""
    host = urlsplit(siteurl).hostname if siteurl else None
    if host:
        return host
    slug = re.sub(r"[^a-z0-9]+", "-", group_name.casefold()).strip("-")
    return slug or "meetup"


# --- meetups.json -----------------------------------------------------------------


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value is not None else None


def _participants(value: Participants | None) -> dict | None:
    if value is None:
        return None
    return {
        "named": [{"name": p.name, "role": p.role, "org": p.org} for p in value.named],
        "extra": value.extra,
        "total": value.total,
        "exact": value.exact,
    }


def _venue(venue) -> dict | None:
    if venue is None:
        return None
    return {"name": venue.name, "address": venue.address, "lat": venue.lat, "lon": venue.lon,
            "map": venue.map_url}


def _article_record(entry: Entry, siteurl: str, published: dt.datetime,
                    talk_topics=lambda entry, talk: ()) -> dict:
    facts = entry.facts
    when = facts.meeting or MeetingTime(published.date(), None)
    return {
        "source": entry.source,
        "kind": facts.kind,
        "title": plain_text(entry.title),
        "url": absolute_url(siteurl, entry.url),
        "date": when.date.isoformat(),
        "time": _time(when.time),
        "participants": _participants(facts.participants),
        "next": None if facts.next is None else {
            "date": facts.next.when.date.isoformat(),
            "time": _time(facts.next.when.time),
            "talks": list(facts.next.talks),
            # Remarks are Markdown; the JSON gives what a reader sees of them.
            "remarks": [markdown_text.plain_text(remark) for remark in facts.next.remarks],
        },
        "talks": [{"speaker": t.speaker, "title": t.title,
                   "materials": [{"label": m.label, "url": m.url} for m in t.materials],
                   "topics": list(talk_topics(entry, t))}
                  for t in facts.talks],
        "location": facts.location,
        "venue": _venue(getattr(entry.article, "meetup_venue", None)),
        "status": facts.change,
        "moved_from": facts.moved_from.isoformat() if facts.moved_from else None,
    }


def json_text(
    entries: Sequence[tuple[Entry, dt.datetime]],
    upcoming: UpcomingMeeting | None,
    *,
    now: dt.datetime,
    siteurl: str,
    talk_topics=lambda entry, talk: (),
) -> str:
    """meetups.json: every article (sorted by date, then source) and the next meeting.

    ``entries`` pairs each article with its own (publication) date, used as
    ``date`` for articles that are about no meeting; ``talk_topics(entry, talk)``
    gives a talk's topics (``site.topics``).
    """
    records = sorted(
        (_article_record(entry, siteurl, published, talk_topics) for entry, published in entries),
        key=lambda record: (record["date"], record["time"] or "", record["source"]),
    )
    document = {
        "generated": now.isoformat(timespec="seconds"),
        "next": None if upcoming is None else {
            "date": upcoming.date.isoformat(),
            "time": _time(upcoming.time),
            "tentative": upcoming.tentative,
            "title": plain_text(upcoming.title),
            "url": absolute_url(siteurl, upcoming.url),
            "location": upcoming.location,
            "talks": list(upcoming.talks),
            "source": upcoming.source,
            "venue": _venue(upcoming.venue),
            "moved_from": upcoming.moved_from.isoformat() if upcoming.moved_from else None,
            "called_off": [{"date": off.date.isoformat(), "status": off.change,
                            "url": absolute_url(siteurl, off.url)} for off in upcoming.called_off],
        },
        "articles": [],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2)
    if not records:
        return text + "\n"
    # The text json.dumps(document) gives with the records in, each record encoded on its
    # own and indented as the list nests it (JSON strings hold no line break): the whole
    # document at once was a list of small pieces at its peak (16 MiB at 1,200 files).
    nested = ",\n".join("    " + json.dumps(record, ensure_ascii=False, indent=2)
                        .replace("\n", "\n    ") for record in records)
    return f"{text.removesuffix(_EMPTY_ARTICLES)}[\n{nested}\n  ]\n}}\n"


_EMPTY_ARTICLES = "[]\n}"


# --- calendars --------------------------------------------------------------------


@dataclass(frozen=True)
class CalendarEvent:
    date: dt.date
    start: dt.datetime  # aware
    end: dt.datetime
    summary: str
    location: str | None
    url: str | None
    talks: tuple[str, ...]
    tentative: bool
    cancelled: bool = False  # STATUS:CANCELLED: called off, kept so calendars update
    sequence: int = 0  # one more for each change (moved, called off)
    uid_date: dt.date | None = None  # a moved meeting keeps the UID of its old date
    geo: tuple[float, float] | None = None  # the venue's latitude, longitude


def _place(venue, location: str | None) -> tuple[str | None, tuple[float, float] | None]:
    """LOCATION and GEO: the venue's name and address and coordinates, else the text."""
    if venue is None:
        return location, None
    geo = (venue.lat, venue.lon) if venue.lat is not None and venue.lon is not None else None
    return venue.text, geo


def meeting_event(meeting: Meeting, *, summary: str, duration: dt.timedelta,
                  default_location: str | None, siteurl: str) -> CalendarEvent:
    page = meeting.report or meeting.announcement
    talks = tuple(talk_text(t) for t in meeting.talks) or meeting.planned_talks
    location, geo = _place(meeting.venue, meeting.location or default_location or None)
    return CalendarEvent(
        date=meeting.date,
        start=meeting.start,
        end=meeting.start + duration,
        summary=summary,
        location=location,
        url=absolute_url(siteurl, page.url if page is not None else None),
        talks=talks,
        tentative=False,
        cancelled=meeting.change in changes.OFF,
        sequence=changes.sequence(meeting.change, meeting.moved_from),
        uid_date=meeting.moved_from,
        geo=geo,
    )


def upcoming_event(upcoming: UpcomingMeeting, *, summary: str, siteurl: str) -> CalendarEvent:
    location, geo = _place(upcoming.venue, upcoming.location)
    return CalendarEvent(
        date=upcoming.date,
        start=upcoming.start,
        end=upcoming.end,
        summary=summary,
        location=location,
        url=absolute_url(siteurl, upcoming.url),
        talks=upcoming.talks,
        tentative=upcoming.tentative,
        sequence=changes.sequence(None, upcoming.moved_from),
        uid_date=upcoming.moved_from,
        geo=geo,
    )


def calendar_bytes(events: Sequence[CalendarEvent], *, domain: str, now: dt.datetime,
                   name: str, language: str = "en",
                   refresh: dt.timedelta | None = None) -> bytes:
    """An RFC 5545 calendar of ``events`` (sorted by start) with its VTIMEZONE.

    UIDs are ``<date>@<domain>``: one meeting a day, and the same UID when a
    tentative date is later confirmed or a meeting moved to another day (it keeps its
    old date's UID, with a higher SEQUENCE), so calendar apps update in place.  A
    called-off meeting stays in with STATUS:CANCELLED.  ``refresh``: how often a
    subscribed calendar should be fetched again (RFC 7986 REFRESH-INTERVAL and the
    X-PUBLISHED-TTL that Outlook and Apple read).
    """
    if events:
        zones = {e.start.tzinfo for e in events}
        if len(zones) != 1:
            raise ValueError(f"events in more than one time zone: {sorted(map(str, zones))}")
        first = min(e.start for e in events).year
        last = max(e.end for e in events).year
        zone_span = (zones.pop(), first - 1, last + 2)
    stamp = now.astimezone(dt.timezone.utc)
    # Each part serialized once per build (a meeting's event is in its own file and in
    # the calendar of all meetings, the VTIMEZONE in many): joined, they are the bytes
    # icalendar writes for the whole calendar (its properties, then its components).
    end = b"END:VCALENDAR\r\n"
    parts = [_calendar_head(language, name, refresh, end)]
    if events:
        parts.append(_vtimezone_bytes(*zone_span))
    parts += [_event_bytes(item, domain, stamp)
              for item in sorted(events, key=lambda e: e.start)]
    parts.append(end)
    return b"".join(parts)


@functools.lru_cache(maxsize=64)
def _calendar_head(language: str, name: str, refresh: dt.timedelta | None, end: bytes) -> bytes:
    """The calendar's own lines, without its components and its END line."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID.format(language=language.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    if refresh is not None:
        calendar.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", icalendar.vDuration(refresh))
    head = calendar.to_ical()
    if not head.endswith(end):  # pragma: no cover - icalendar's own layout
        raise ValueError("unexpected calendar layout from icalendar")
    return head[:-len(end)]


@functools.lru_cache(maxsize=64)
def _vtimezone_bytes(zone: dt.tzinfo, first_year: int, last_year: int) -> bytes:
    """The VTIMEZONE of ``zone`` for the years in use: small files stay small, and the
    many one-meeting files of a build share one computation (its bytes only: the
    component of a long span holds megabytes)."""
    import icalendar  # only a build with meetings needs it (start-up)

    return icalendar.Timezone.from_tzinfo(zone, first_date=dt.date(first_year, 1, 1),
                                          last_date=dt.date(last_year, 1, 1)).to_ical()


@functools.lru_cache(maxsize=8192)
def _event_bytes(item: CalendarEvent, domain: str, stamp: dt.datetime) -> bytes:
    import icalendar

    event = icalendar.Event()
    event.add("uid", f"{(item.uid_date or item.date).isoformat()}@{domain}")
    event.add("dtstamp", stamp)
    event.add("sequence", item.sequence)
    event.add("dtstart", item.start)
    event.add("dtend", item.end)
    event.add("summary", item.summary)
    if item.location:
        event.add("location", item.location)
    if item.geo is not None:
        event.add("geo", item.geo)
    if item.url and item.url.startswith(("https://", "http://")):
        event.add("url", item.url)  # a relative one is no valid URI here
    if item.talks:
        event.add("description", "\n".join(item.talks))
    event.add("status", "CANCELLED" if item.cancelled
              else "TENTATIVE" if item.tentative else "CONFIRMED")
    return event.to_ical()
