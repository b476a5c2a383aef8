"""Venues, cancelled/moved meetings and the calendar writer, on plain values."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import ics
import icalendar
import pytest

from pelican.plugins.meetup.site import changes, feeds, schedule, venues

BERLIN = ZoneInfo("Europe/Berlin")
SAAL = venues.Venue("Coworking Space Mitte", "Königstraße 1, 70173 Stuttgart", 48.7795, 9.1772,
                    aliases=("Coworking Mitte",))
KELLER = venues.Venue("Kellerraum", "Hinterhof 2, 70180 Stuttgart")


@pytest.mark.parametrize("place, expected", [
    ("Coworking Space Mitte", SAAL),
    ("coworking space mitte, Königstraße 1, 70173 Stuttgart", SAAL),
    ("Coworking Mitte (2. Stock)", SAAL),
    ("Im Hinterhof 2, 70180 Stuttgart", KELLER),  # the address names it
    ("Kellerraumbar", None),  # a name that only begins like one
    ("Online (Jitsi)", None),
    (None, None),
])
def test_a_place_resolves_to_its_venue(place, expected):
    assert venues.resolve(place, (SAAL, KELLER)) == expected


def test_map_links_are_plain_openstreetmap_links():
    assert SAAL.map_url == ("https://www.openstreetmap.org/?mlat=48.77950&mlon=9.17720"
                            "#map=18/48.77950/9.17720")
    assert KELLER.map_url == ("https://www.openstreetmap.org/search?query="
                              "Hinterhof+2%2C+70180+Stuttgart")
    assert SAAL.postal == {"streetAddress": "Königstraße 1", "postalCode": "70173",
                           "addressLocality": "Stuttgart"}


@pytest.mark.parametrize("value, message", [
    ([], "must be a dict"),
    ({"Saal": {}}, "[\"address\"] must be the address as text"),
    ({"Saal": {"address": "A 1", "lat": 48.7}}, '"lat" and "lon" go together'),
    ({"Saal": {"address": "A 1", "lat": 148.7, "lon": 9}}, '"lat" must be -90..90'),
    ({"Saal": {"address": "A 1", "map": "x"}}, "unknown key(s) map"),
    ({"Saal": {"address": "A 1", "aliases": "Halle"}}, "must be a list of names"),
])
def test_broken_venue_settings_say_what_is_wrong(value, message):
    with pytest.raises(venues.VenueError, match=None) as raised:
        venues.parse(value)
    assert message in str(raised.value)


@pytest.mark.parametrize("header, moved_from, title, first, kind, expected", [
    ("abgesagt", None, "Treffen", "", "report", (changes.CANCELLED, None)),
    ("Cancelled", None, "", "", "announcement", (changes.CANCELLED, None)),
    ("verschoben", None, "", "", "announcement", (changes.POSTPONED, None)),
    ("verschoben", dt.date(2026, 1, 20), "", "", "announcement", (changes.MOVED, dt.date(2026, 1, 20))),
    ("moved", dt.date(2026, 1, 20), "", "", "announcement", (changes.MOVED, dt.date(2026, 1, 20))),
    (None, None, "Abgesagt: Treffen am 20. Januar", "", "announcement", (changes.CANCELLED, None)),
    (None, None, "Treffen", "Das Treffen fällt diesmal leider aus.", "announcement",
     (changes.CANCELLED, None)),
    (None, None, "Meetup is postponed", "", "announcement", (changes.POSTPONED, None)),
    # A report's words are about what happened, not a status.
    (None, None, "Bericht", "Das letzte Treffen fiel aus, dieses fällt nicht aus.", "report", (None, None)),
    (None, None, "Einladung", "Wir freuen uns.", "announcement", (None, None)),
])
def test_what_happened_to_a_meeting(header, moved_from, title, first, kind, expected):
    assert changes.decide(header=header, moved_from=moved_from, title=title, first_line=first,
                          kind=kind) == expected


def sighting(day, kind="announcement", change=None, moved_from=None):
    return schedule.Sighting(kind=kind, date=day, time=dt.time(19), source=f"{day}.md",
                             url=f"{day}/", title=f"Treffen {day}", change=change,
                             moved_from=moved_from)


RULE = schedule.parse_recurrence({"weekday": "tuesday", "week": 3, "time": "18:30"})
NOW = dt.datetime(2025, 11, 26, 12, tzinfo=BERLIN)


def find(sightings):
    return schedule.find_next(sightings, NOW, duration=dt.timedelta(hours=2),
                              default_time=dt.time(18, 30), recurrence=RULE)


def test_the_next_meeting_skips_a_cancelled_one_and_names_it():
    upcoming = find([sighting(dt.date(2026, 1, 20), change="cancelled"),
                     sighting(dt.date(2026, 2, 17))])
    assert upcoming.date == dt.date(2026, 2, 17) and not upcoming.tentative
    assert [(c.date, c.change) for c in upcoming.called_off] == [(dt.date(2026, 1, 20), "cancelled")]


def test_the_rule_never_gives_a_called_off_date():
    upcoming = find([sighting(dt.date(2025, 12, 16), change="postponed")])
    assert upcoming.tentative and upcoming.date == dt.date(2026, 1, 20)
    assert [c.date for c in upcoming.called_off] == [dt.date(2025, 12, 16)]


def test_a_date_moved_away_from_is_no_next_meeting():
    upcoming = find([sighting(dt.date(2026, 1, 20), kind="report-next"),
                     sighting(dt.date(2026, 1, 27), moved_from=dt.date(2026, 1, 20))])
    assert upcoming.date == dt.date(2026, 1, 27) and upcoming.moved_from == dt.date(2026, 1, 20)


def event(day, **extra):
    start = dt.datetime.combine(day, dt.time(19), tzinfo=BERLIN)
    values = dict(date=day, start=start, end=start + dt.timedelta(hours=2), summary="ML UG",
                  location=SAAL.text, url="https://example.org/t/", talks=("Anna: Graphen",),
                  tentative=False)
    values.update(extra)
    return feeds.CalendarEvent(**values)


def test_calendar_events_with_status_sequence_geo_and_refresh_parse_with_both_parsers():
    data = feeds.calendar_bytes(
        [event(dt.date(2026, 1, 20), cancelled=True, sequence=1, geo=(48.7795, 9.1772)),
         event(dt.date(2026, 2, 24), sequence=1, uid_date=dt.date(2026, 2, 17))],
        domain="example.org", now=NOW, name="ML UG", refresh=dt.timedelta(hours=6))
    calendar = icalendar.Calendar.from_ical(data)
    assert calendar["REFRESH-INTERVAL"].dt == dt.timedelta(hours=6)
    assert str(calendar["X-PUBLISHED-TTL"].to_ical().decode()) == "PT6H"
    first, second = calendar.walk("VEVENT")
    assert (str(first["STATUS"]), int(first["SEQUENCE"])) == ("CANCELLED", 1)
    assert (first["GEO"].latitude, first["GEO"].longitude) == (48.7795, 9.1772)
    assert str(second["UID"]) == "2026-02-17@example.org"
    assert second["DTSTART"].dt.date() == dt.date(2026, 2, 24)
    other = ics.Calendar(data.decode("utf-8"))
    by_uid = {e.uid: e for e in other.events}
    assert set(by_uid) == {"2026-01-20@example.org", "2026-02-17@example.org"}
    assert by_uid["2026-01-20@example.org"].status == "CANCELLED"
    assert by_uid["2026-01-20@example.org"].geo == (48.7795, 9.1772)
    assert by_uid["2026-02-17@example.org"].location == "Coworking Space Mitte, Königstraße 1, 70173 Stuttgart"
    assert by_uid["2026-02-17@example.org"].description == "Anna: Graphen"
    assert by_uid["2026-02-17@example.org"].url == "https://example.org/t/"
