"""Jinja filters and globals of the theme: dates, counts, calendar links, in the site's language.

Dates, times and numbers are formatted with Babel's data for the site's locale
(``DEFAULT_LANG``), never the OS locale (``de_DE`` is missing on CI runners and
``setlocale`` would change the whole process); words come from the message
catalogs.  ``Formats(language)`` holds the filters of one site; the plugin
installs them (``jinja_filters(language)``) when Pelican creates its template
environment.  The module-level ``de_*`` functions are the German ones.
No Pelican import.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from urllib.parse import quote, urlencode

from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, format_time as _babel_time, get_datetime_format
from babel.numbers import format_decimal
from markupsafe import Markup

from ..i18n import language as languages
from ..site import chart

# A style name -> Babel's standard format ("full" …) or a skeleton ("yMMMM"),
# formatted in the site's locale.  German: "Dienstag, 20. Januar 2026",
# "20. Januar 2026", "20.01.2026", "Januar 2026", "20. Januar".  English:
# "Tuesday, January 20, 2026", "January 20, 2026", "Jan 20, 2026", "January 2026",
# "January 20".  Any other style is a Babel pattern ("d. MMM").
DATE_FORMATS = {
    "long": ("format", "full"),
    "medium": ("format", "long"),
    "short": ("format", "medium"),
    "month": ("skeleton", "yMMMM"),
    "day": ("skeleton", "MMMMd"),
}

# Words in a location that mark a meeting as online.
_ONLINE_WORDS = re.compile(
    r"\b(online|virtuell\w*|virtual\w*|zoom|jitsi|teams|webex|big ?blue ?button)\b", re.I)


class Formats:
    """The filters of a site in one language (an ``i18n.language.Language``)."""

    def __init__(self, language):
        self.language = languages.of(language)
        self.locale = self.language.locale

    def date(self, value: dt.date | dt.datetime | None, style: str = "long") -> str:
        """A date in the site's language: ``style`` is a key of DATE_FORMATS or a Babel pattern."""
        if value is None:
            return ""
        if isinstance(value, dt.datetime):
            value = value.date()
        kind, name = DATE_FORMATS.get(style, ("pattern", style))
        if kind == "skeleton":
            return format_skeleton(name, value, locale=self.locale)
        return _babel_date(value, name, locale=self.locale)

    def time(self, value: dt.time | dt.datetime | None) -> str:
        """``18:30 Uhr`` in German, ``6:30 PM`` in English; "" when there is no time."""
        if value is None:
            return ""
        clock = _babel_time(dt.time(value.hour, value.minute), "short", locale=self.locale)
        # TRANSLATORS: a time of day, e.g. "18:30 Uhr" in German.
        return self.language.pgettext("time of day", "%(time)s") % {"time": clock}

    def datetime(self, date: dt.date | dt.datetime | None, time: dt.time | None = None,
                 style: str = "long") -> str:
        """``Dienstag, 20. Januar 2026, 18:30 Uhr`` (without the time when unknown).

        A datetime as first argument carries its own time unless ``time`` is given.
        """
        if date is None:
            return ""
        if time is None and isinstance(date, dt.datetime):
            time = date.timetz()
        text = self.date(date, style)
        if time is None:
            return text
        # CLDR's way of joining a date and a time ("{1}, {0}"), quotes removed.
        joiner = str(get_datetime_format("full", locale=self.locale)).replace("'", "")
        return joiner.replace("{1}", text).replace("{0}", self.time(time))

    def number(self, value: float | int | None, digits: int = 1) -> str:
        """``8,5`` in German, ``8.5`` in English: at most ``digits`` decimals."""
        if value is None:
            return ""
        pattern = "#,##0" + ("." + "#" * digits if digits else "")
        return format_decimal(value, format=pattern, locale=self.locale)

    def participant_count(self, participants) -> str:
        """``9 Teilnehmende``, ``mindestens 7 Teilnehmende`` when the list is open."""
        if participants is None:
            return ""
        total = participants.total
        values = {"num": self.number(total, 0)}
        if participants.exact:
            return self.language.ngettext("%(num)s participant", "%(num)s participants",
                                          total) % values
        return self.language.ngettext("at least %(num)s participant",
                                      "at least %(num)s participants", total) % values

    def attendance_chart(self, series, title: str | None = None,
                         description: str | None = None) -> Markup:
        """The statistics chart as markup (chart.py escapes every text it writes).

        ``description`` (for assistive technology) comes from the template; the
        default says how many meetings the line shows and when."""
        language = self.language

        def label(day: dt.date, total: int, exact: bool) -> str:
            count = (language.gettext("at least %(num)s") % {"num": total} if not exact
                     else str(total))
            # TRANSLATORS: the tooltip of one point of the attendance chart.
            return language.pgettext("chart point", "%(date)s: %(count)s") % {
                "date": self.date(day, "medium"), "count": count}

        if not series:
            return Markup("")
        first, last = series[0][0], series[-1][0]
        if description is None:
            description = language.ngettext(
                "Line chart of the number of participants of %(num)s meeting between "
                "%(first)s and %(last)s; the numbers are in the table below.",
                "Line chart of the number of participants of %(num)s meetings between "
                "%(first)s and %(last)s; the numbers are in the table below.",
                len(series)) % {"num": len(series), "first": self.date(first, "month"),
                                "last": self.date(last, "month")}
        if title is None:
            title = language.gettext("Participants per meeting")
        # Texts from the templates arrive as Markup; chart.py escapes plain text.
        title, description = (text.unescape() if isinstance(text, Markup) else text
                              for text in (title, description))
        return Markup(chart.attendance_svg(series, title=title, description=description,
                                           point_label=label))

    def event_jsonld(self, **fields) -> Markup:
        """``event_jsonld`` with the site's language as ``inLanguage``."""
        return event_jsonld(language=self.language.html, **fields)


@functools.lru_cache(maxsize=1)
def _german() -> Formats:
    return Formats("de")


def de_date(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """A German date (``Dienstag, 20. Januar 2026``), whatever the site's language."""
    return _german().date(value, style)


def de_time(value: dt.time | dt.datetime | None) -> str:
    """``18:30 Uhr``; "" when there is no time."""
    return _german().time(value)


def de_datetime(date: dt.date | dt.datetime | None, time: dt.time | None = None,
                style: str = "long") -> str:
    """``Dienstag, 20. Januar 2026, 18:30 Uhr`` (without the time when unknown)."""
    return _german().datetime(date, time, style)


def iso(value: dt.date | dt.datetime | dt.time | None) -> str:
    """For ``<time datetime>`` and JSON-LD: ``2026-01-20T18:30:00+01:00``."""
    if value is None:
        return ""
    return value.isoformat()


def de_number(value: float | int | None, digits: int = 1) -> str:
    """``8,5``: German decimal comma, at most ``digits`` decimals."""
    return _german().number(value, digits)


def participant_count(participants) -> str:
    """``9 Teilnehmende``, ``mindestens 7 Teilnehmende`` when the list is open."""
    return _german().participant_count(participants)


def attendance_mode(location: str | None) -> str | None:
    """The schema.org attendance mode a location text implies, None if unknown."""
    if not location:
        return None
    if _ONLINE_WORDS.search(location):
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def _utc_stamp(moment: dt.datetime, pattern: str) -> str:
    return moment.astimezone(dt.timezone.utc).strftime(pattern)


def google_calendar_url(start: dt.datetime, end: dt.datetime, title: str,
                        location: str | None = None, details: str | None = None) -> str:
    """A plain link that opens Google Calendar's "new event" form."""
    stamp = "%Y%m%dT%H%M%SZ"
    query = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{_utc_stamp(start, stamp)}/{_utc_stamp(end, stamp)}",
    }
    if location:
        query["location"] = location
    if details:
        query["details"] = details
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_calendar_url(start: dt.datetime, end: dt.datetime, title: str,
                         location: str | None = None, details: str | None = None) -> str:
    """A plain link that opens Outlook.com's "new event" form."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": _utc_stamp(start, stamp),
        "enddt": _utc_stamp(end, stamp),
    }
    if location:
        query["location"] = location
    if details:
        query["body"] = details
    return ("https://outlook.live.com/calendar/0/deeplink/compose?"
            + urlencode(query, quote_via=quote, safe="/"))


_HEADING = re.compile(r"<(/?)h([1-6])\b", re.I)


def heading_outline(html: str, top: int = 2) -> Markup:
    """Headings of a text renumbered to sit under the page's ``<h1>``.

    Organizers start announcements at ``###`` and reports at ``##``; a page
    must not skip levels (h1 -> h3).  Levels used are compacted in rank order
    from ``top`` and each heading is at most one level below the one before.
    """
    text = str(html)
    levels = sorted({int(level) for closing, level in _HEADING.findall(text) if not closing})
    if not levels:
        return Markup(text)
    rank = {level: top + index for index, level in enumerate(levels)}
    previous = top - 1
    open_levels: list[int] = []

    def renumber(match: re.Match) -> str:
        nonlocal previous
        closing, level = match.group(1), int(match.group(2))
        if closing:
            new = open_levels.pop() if open_levels else rank[level]
        else:
            new = min(rank[level], previous + 1)
            previous = new
            open_levels.append(new)
        return f"<{closing}h{new}"

    return Markup(_HEADING.sub(renumber, text))


def attendance_chart(series, title: str | None = None,
                     description: str | None = None) -> Markup:
    """The German statistics chart (``Formats.attendance_chart`` in the site's language)."""
    return _german().attendance_chart(series, title, description)


_EVENT_STATUS = {"cancelled": "EventCancelled", "postponed": "EventPostponed",
                 "moved": "EventRescheduled"}


def event_jsonld(*, name: str, start: dt.datetime, end: dt.datetime | None = None,
                 location: str | None = None, url: str | None = None,
                 description: str | None = None, organizer: str | None = None,
                 organizer_url: str | None = None, signup_url: str | None = None,
                 language: str | None = None, venue=None, change: str | None = None,
                 moved_from: dt.date | None = None) -> Markup:
    """A schema.org ``Event`` as a ``<script type="application/ld+json">`` element.

    Relative URLs are left out (structured data needs absolute ones); an
    unknown location leaves out place and attendance mode instead of guessing.
    A ``venue`` (site.venues.Venue) gives the Place its name, PostalAddress and geo
    coordinates; ``change`` the event status (cancelled, postponed, rescheduled).
    """

    def absolute(link: str | None) -> str | None:
        return link if link and link.startswith(("https://", "http://")) else None

    event: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "startDate": iso(start),
        "eventStatus": "https://schema.org/" + _EVENT_STATUS.get(change or "", "EventScheduled"),
    }
    if change == "moved" and moved_from is not None:
        event["previousStartDate"] = moved_from.isoformat()
    if end is not None:
        event["endDate"] = iso(end)
    if language:
        event["inLanguage"] = language
    if description:
        event["description"] = description
    if absolute(url):
        event["url"] = url
    mode = attendance_mode(venue.text if venue is not None else location)
    if venue is not None:
        postal = venue.postal
        place: dict = {"@type": "Place", "name": venue.name,
                       "address": {"@type": "PostalAddress", **postal} if postal else venue.address}
        if venue.lat is not None:
            place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.lat,
                            "longitude": venue.lon}
        event["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
        event["location"] = place
    elif mode:
        event["eventAttendanceMode"] = mode
        if mode.endswith("OnlineEventAttendanceMode"):
            event["location"] = {"@type": "VirtualLocation", "name": location,
                                 "url": absolute(signup_url) or absolute(url)}
        else:
            event["location"] = {"@type": "Place", "name": location, "address": location}
    if organizer:
        event["organizer"] = {"@type": "Organization", "name": organizer}
        if absolute(organizer_url):
            event["organizer"]["url"] = organizer_url
    if absolute(signup_url):
        event["offers"] = {"@type": "Offer", "url": signup_url}
    # "<", ">" and "&" escaped so no text can end the script element early.
    payload = (json.dumps(event, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
               .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
    return Markup(f'<script type="application/ld+json">{payload}</script>')


def jinja_filters(language="de") -> dict:
    """The theme's filters in ``language`` (a code, site settings or a Language)."""
    formats = Formats(language)
    return {
        "format_date": formats.date,
        "format_time": formats.time,
        "format_datetime": formats.datetime,
        "format_number": formats.number,
        # The names of the first, German-only theme: the site's language too.
        "de_date": formats.date,
        "de_time": formats.time,
        "de_datetime": formats.datetime,
        "de_number": formats.number,
        "iso": iso,
        "participant_count": formats.participant_count,
        "attendance_mode": attendance_mode,
        "heading_outline": heading_outline,
    }


def jinja_globals(language="de") -> dict:
    formats = Formats(language)
    return {
        "google_calendar_url": google_calendar_url,
        "outlook_calendar_url": outlook_calendar_url,
        "attendance_chart": formats.attendance_chart,
        "event_jsonld": formats.event_jsonld,
        "meetup_language": formats.language,
    }
