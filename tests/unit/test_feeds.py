"""meetups.json and the .ics calendars, built from plain facts."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar

from pelican.plugins.meetup.site import feeds
from pelican.plugins.meetup.site import schedule
from pelican.plugins.meetup.site import site_index
from pelican.plugins.meetup.reading.model import ArticleFacts, MeetingTime, NextMeeting, Participant, Participants, Talk
from pelican.plugins.meetup.site.site_index import Entry

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2025, 11, 26, 12, 0, tzinfo=BERLIN)
SITEURL = "https://example.github.io/meetup-site"


@dataclass
class Page:
    url: str


REPORT = Entry(
    "2020-10-20-bericht.md",
    "Bericht (virtuelles) MLUGS Treffen im <span class=\"caps\">Oktober</span>&nbsp;2020",
    "bericht-oktober-2020/",
    ArticleFacts(
        kind="report",
        meeting=MeetingTime(dt.date(2020, 10, 20), dt.time(20, 0)),
        participants=Participants((Participant("Jens", "Data Scientist", "AKKA"),), 5, 6),
        next=NextMeeting(MeetingTime(dt.date(2020, 11, 17)), talks=("Uwe: fastai",),
                         remarks=("**Hackathon** am 29.4., Anmeldung: <https://example.org/hack>",
                                  "[Fotos](https://example.org/fotos) vom letzten Mal")),
        talks=(Talk("Andreas", "Hosting of ML models"),),
    ),
    Page("bericht-oktober-2020/"),
)
ANNOUNCEMENT = Entry(
    "2020-11-17-einladung.md", "Einladung &bdquo;November&ldquo;", "einladung-november/",
    ArticleFacts(kind="announcement", meeting=MeetingTime(dt.date(2020, 11, 17), dt.time(19, 0)),
                 location="Königstraße 1, Stuttgart", talks=(Talk("Uwe", "fastai"),)),
    Page("einladung-november/"),
)
PAGE = Entry("notiz.md", "Notiz", "notiz/", ArticleFacts(), Page("notiz/"))
PUBLISHED = {
    REPORT.source: dt.datetime(2020, 10, 20, 20, 0, tzinfo=BERLIN),
    ANNOUNCEMENT.source: dt.datetime(2020, 11, 2, 9, 0, tzinfo=BERLIN),
    PAGE.source: dt.datetime(2020, 11, 5, 8, 0, tzinfo=BERLIN),
}
UPCOMING = schedule.UpcomingMeeting(
    start=dt.datetime(2026, 1, 20, 18, 30, tzinfo=BERLIN),
    end=dt.datetime(2026, 1, 20, 21, 0, tzinfo=BERLIN), date=dt.date(2026, 1, 20), time=None,
    tentative=True, title="Nächstes Treffen", url=None, location="Stuttgart", talks=(),
    signup_url=None, source="recurrence", ics_url="termine/2026-01-20.ics",
)


def document(siteurl=SITEURL, order=(PAGE, ANNOUNCEMENT, REPORT)):
    text = feeds.json_text([(e, PUBLISHED[e.source]) for e in order], UPCOMING, now=NOW,
                           siteurl=siteurl)
    return text, json.loads(text)


def test_json_is_one_document_indented_by_two_spaces_throughout():
    # Each article is encoded on its own and nested by hand (memory): the text must be
    # what encoding the whole document at once gives, without and with articles.
    for order in ((), (PAGE, ANNOUNCEMENT, REPORT)):
        text, data = document(order=order)
        assert text == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        assert len(data["articles"]) == len(order)
    assert '\n  "articles": [\n    {\n      "' in text and text.endswith("\n    }\n  ]\n}\n")


def test_json_has_exactly_the_documented_shape():
    text, data = document()
    assert list(data) == ["generated", "next", "articles"]
    assert data["generated"] == "2025-11-26T12:00:00+01:00"
    assert data["next"] == {
        "date": "2026-01-20", "time": None, "tentative": True, "title": "Nächstes Treffen",
        "url": None, "location": "Stuttgart", "talks": [], "source": "recurrence",
        "venue": None, "moved_from": None, "called_off": [],
    }
    report = data["articles"][0]
    assert report == {
        "source": "2020-10-20-bericht.md",
        "kind": "report",
        "title": "Bericht (virtuelles) MLUGS Treffen im Oktober 2020",
        "url": SITEURL + "/bericht-oktober-2020/",
        "date": "2020-10-20",
        "time": "20:00",
        "participants": {"named": [{"name": "Jens", "role": "Data Scientist", "org": "AKKA"}],
                         "extra": 5, "total": 6, "exact": True},
        "next": {"date": "2020-11-17", "time": None, "talks": ["Uwe: fastai"],
                 # Markdown remarks as the text a reader sees
                 "remarks": ["Hackathon am 29.4., Anmeldung: https://example.org/hack",
                             "Fotos vom letzten Mal"]},
        "talks": [{"speaker": "Andreas", "title": "Hosting of ML models", "materials": [], "topics": []}],
        "location": None,
        "venue": None,
        "status": None,
        "moved_from": None,
    }
    assert "Königstraße" in text  # ensure_ascii=False
    assert text.startswith('{\n  "generated"')  # indent 2


def test_json_dates_of_announcements_are_the_meeting_and_others_their_own():
    _, data = document()
    by_source = {a["source"]: a for a in data["articles"]}
    assert (by_source["2020-11-17-einladung.md"]["date"],
            by_source["2020-11-17-einladung.md"]["time"]) == ("2020-11-17",
                                                              "19:00")
    assert by_source["2020-11-17-einladung.md"]["title"] == "Einladung „November“"
    assert (by_source["notiz.md"]["kind"], by_source["notiz.md"]["date"],
            by_source["notiz.md"]["participants"]) == ("other", "2020-11-05", None)


def test_json_is_sorted_the_same_whatever_the_input_order_and_relative_without_siteurl():
    first, data = document()
    second, _ = document(order=(REPORT, PAGE, ANNOUNCEMENT))
    assert first == second
    assert [a["date"] for a in data["articles"]] == ["2020-10-20", "2020-11-05", "2020-11-17"]
    _, relative = document(siteurl="")
    assert relative["articles"][0]["url"] == "bericht-oktober-2020/"


def calendar(events, domain="example.github.io"):
    return icalendar.Calendar.from_ical(
        feeds.calendar_bytes(events, domain=domain, now=NOW, name="ML User Group"))


def meeting_events(siteurl=SITEURL):
    index = site_index.build([REPORT, ANNOUNCEMENT], now=NOW, default_time=dt.time(18, 30))
    return [feeds.meeting_event(m, summary="ML User Group", duration=dt.timedelta(minutes=150),
                                default_location="Stuttgart", siteurl=siteurl)
            for m in index.meetings]


def test_calendar_events_carry_uid_times_place_and_talks():
    events = meeting_events() + [feeds.upcoming_event(UPCOMING, summary="ML User Group",
                                                      siteurl=SITEURL)]
    parsed = calendar(events)
    vevents = parsed.walk("VEVENT")
    assert len(vevents) == 3
    assert [str(e["UID"]) for e in vevents] == [
        "2020-10-20@example.github.io", "2020-11-17@example.github.io",
        "2026-01-20@example.github.io"]
    october, november, tentative = vevents
    assert october.decoded("DTSTART") == dt.datetime(2020, 10, 20, 20, 0, tzinfo=BERLIN)
    assert october["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert october.decoded("DTEND") - october.decoded("DTSTART") == dt.timedelta(minutes=150)
    assert str(october["URL"]) == SITEURL + "/bericht-oktober-2020/"
    assert str(october["DESCRIPTION"]) == "Andreas: Hosting of ML models"
    assert str(october["LOCATION"]) == "Stuttgart"  # the default: no announcement said where
    assert str(november["LOCATION"]) == "Königstraße 1, Stuttgart"
    assert str(november["STATUS"]) == "CONFIRMED"
    assert str(tentative["STATUS"]) == "TENTATIVE"
    assert october.decoded("DTSTAMP") == NOW.astimezone(dt.timezone.utc)
    assert [str(tz["TZID"]) for tz in parsed.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_calendar_bytes_are_reproducible_and_relative_urls_are_left_out():
    assert feeds.calendar_bytes(meeting_events(), domain="x", now=NOW, name="n") == \
        feeds.calendar_bytes(list(reversed(meeting_events())), domain="x", now=NOW, name="n")
    parsed = calendar(meeting_events(siteurl=""))
    assert all("URL" not in event for event in parsed.walk("VEVENT"))


def test_uid_domain_and_absolute_urls():
    assert feeds.uid_domain(SITEURL, "ML User Group") == "example.github.io"
    assert feeds.uid_domain("", "ML User Group Stuttgart") == "ml-user-group-stuttgart"
    assert feeds.absolute_url(SITEURL + "/", "/a/") == SITEURL + "/a/"
    assert feeds.absolute_url("", "a/") == "a/"
    assert feeds.absolute_url(SITEURL, None) is None
