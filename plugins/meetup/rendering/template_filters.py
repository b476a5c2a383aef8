"""Jinja filters and globals of the theme: German dates, counts, calendar links.

Dates are formatted with Babel's German data, not the OS locale (``de_DE``
is missing on CI runners and ``setlocale`` would change the whole process).
No Pelican import: pelicanconf.py registers ``JINJA_FILTERS`` and
``JINJA_GLOBALS`` from here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import quote, urlencode

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal
from markupsafe import Markup

from ..site import chart

LOCALE = "de"
DATE_FORMATS = {
    "long": "EEEE, d. MMMM y",  # Dienstag, 20. Januar 2026
    "medium": "d. MMMM y",  # 20. Januar 2026
    "short": "dd.MM.y",  # 20.01.2026
    "month": "MMMM y",  # Januar 2026
    "day": "d. MMMM",  # 20. Januar
}

# Words in a location that mark a meeting as online.
_ONLINE_WORDS = re.compile(r"\b(online|virtuell\w*|zoom|jitsi|teams|webex|big ?blue ?button)\b", re.I)


def de_date(value: dt.date | dt.datetime | None, style: str = "long") -> str:
    """A German date: ``style`` is a key of DATE_FORMATS or a Babel pattern."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _babel_date(value, DATE_FORMATS.get(style, style), locale=LOCALE)


def de_time(value: dt.time | dt.datetime | None) -> str:
    """``18:30 Uhr``; "" when there is no time."""
    if value is None:
        return ""
    return f"{value.hour:02d}:{value.minute:02d} Uhr"


def de_datetime(date: dt.date | dt.datetime | None, time: dt.time | None = None,
                style: str = "long") -> str:
    """``Dienstag, 20. Januar 2026, 18:30 Uhr`` (without the time when unknown).

    A datetime as first argument carries its own time unless ``time`` is given.
    """
    if date is None:
        return ""
    if time is None and isinstance(date, dt.datetime):
        time = date.timetz()
    text = de_date(date, style)
    return f"{text}, {de_time(time)}" if time is not None else text


def iso(value: dt.date | dt.datetime | dt.time | None) -> str:
    """For ``<time datetime>`` and JSON-LD: ``2026-01-20T18:30:00+01:00``."""
    if value is None:
        return ""
    return value.isoformat()


def de_number(value: float | int | None, digits: int = 1) -> str:
    """``8,5``: German decimal comma, at most ``digits`` decimals."""
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def participant_count(participants) -> str:
    """``9 Teilnehmende``, ``mindestens 7 Teilnehmende`` when the list is open."""
    if participants is None:
        return ""
    total = participants.total
    noun = "Person" if total == 1 else "Teilnehmende"
    prefix = "" if participants.exact else "mindestens "
    return f"{prefix}{total} {noun}"


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


def attendance_chart(series, title: str = "Teilnehmende pro Treffen",
                     description: str | None = None) -> Markup:
    """The statistics chart as markup (chart.py escapes every text it writes).

    ``description`` (for assistive technology) comes from the template; the
    default says how many meetings the line shows and when."""

    def label(day: dt.date, total: int, exact: bool) -> str:
        count = f"{'mindestens ' if not exact else ''}{total}"
        return f"{de_date(day, 'medium')}: {count}"

    if not series:
        return Markup("")
    first, last = series[0][0], series[-1][0]
    if description is None:
        description = (
            f"Liniendiagramm der Teilnehmerzahl von {len(series)} Treffen zwischen "
            f"{de_date(first, 'month')} und {de_date(last, 'month')}; "
            "die Zahlen stehen in der Tabelle darunter."
        )
    return Markup(chart.attendance_svg(series, title=title, description=description,
                                       point_label=label))


def event_jsonld(*, name: str, start: dt.datetime, end: dt.datetime | None = None,
                 location: str | None = None, url: str | None = None,
                 description: str | None = None, organizer: str | None = None,
                 organizer_url: str | None = None, signup_url: str | None = None) -> Markup:
    """A schema.org ``Event`` as a ``<script type="application/ld+json">`` element.

    Relative URLs are left out (structured data needs absolute ones); an
    unknown location leaves out place and attendance mode instead of guessing.
    """

    def absolute(link: str | None) -> str | None:
        return link if link and link.startswith(("https://", "http://")) else None

    event: dict = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "startDate": iso(start),
        "eventStatus": "https://schema.org/EventScheduled",
    }
    if end is not None:
        event["endDate"] = iso(end)
    if description:
        event["description"] = description
    if absolute(url):
        event["url"] = url
    mode = attendance_mode(location)
    if mode:
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


def jinja_filters() -> dict:
    return {
        "de_date": de_date,
        "de_time": de_time,
        "de_datetime": de_datetime,
        "iso": iso,
        "de_number": de_number,
        "participant_count": participant_count,
        "attendance_mode": attendance_mode,
        "heading_outline": heading_outline,
    }


def jinja_globals() -> dict:
    return {
        "google_calendar_url": google_calendar_url,
        "outlook_calendar_url": outlook_calendar_url,
        "attendance_chart": attendance_chart,
        "event_jsonld": event_jsonld,
    }
