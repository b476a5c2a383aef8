"""The site-wide next meeting: sightings, merging, the recurrence fallback."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from pelican.plugins.meetup.site import schedule
from pelican.plugins.meetup.site.schedule import Sighting

BERLIN = ZoneInfo("Europe/Berlin")
DURATION = dt.timedelta(minutes=150)
RULE = schedule.parse_recurrence(
    {"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": [7, 8, 12]}
)


def at(*args) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BERLIN)


def find(sightings, now, **kwargs):
    options = dict(duration=DURATION, default_time=dt.time(18, 30))
    options.update(kwargs)
    return schedule.find_next(sightings, now, **options)


# --- the recurrence rule -------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2025, 11, 26, 12), at(2026, 1, 20, 18, 30)),  # December skipped, year wraps
        (at(2025, 6, 18, 9), at(2025, 9, 16, 18, 30)),  # summer break: July, August
        (at(2025, 6, 16, 9), at(2025, 6, 17, 18, 30)),
        (at(2025, 1, 1, 0), at(2025, 1, 21, 18, 30)),
    ],
)
def test_third_tuesday_skips_months_and_wraps_the_year(now, expected):
    assert schedule.next_by_rule(RULE, now, DURATION) == expected


def test_a_meeting_today_is_next_until_it_ends():
    meeting_day = at(2025, 10, 21, 12)  # third Tuesday of October, at noon
    assert schedule.next_by_rule(RULE, meeting_day, DURATION) == at(2025, 10, 21, 18, 30)
    during = at(2025, 10, 21, 20, 59)
    assert schedule.next_by_rule(RULE, during, DURATION) == at(2025, 10, 21, 18, 30)
    after = at(2025, 10, 21, 21, 0)
    assert schedule.next_by_rule(RULE, after, DURATION) == at(2025, 11, 18, 18, 30)


def test_last_weekday_and_missing_fifth_weekday():
    last_friday = schedule.parse_recurrence({"weekday": "freitag", "week": -1, "time": "19:00"})
    assert schedule.next_by_rule(last_friday, at(2026, 2, 1), DURATION) == at(2026, 2, 27, 19)
    fifth_monday = schedule.parse_recurrence({"weekday": "monday", "week": 5, "time": "18:00"})
    # January 2026 has no fifth Monday; March 2026 has one (30th).
    assert schedule.next_by_rule(fifth_monday, at(2026, 1, 1), DURATION) == at(2026, 3, 30, 18)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"weekday": "tue", "week": 3, "time": "18:30"}, "weekday"),
        ({"weekday": "tuesday", "week": 0, "time": "18:30"}, "week"),
        ({"weekday": "tuesday", "week": 3, "time": "halb sieben"}, "time"),
        ({"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": [13]}, "skip_months"),
        ({"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": list(range(1, 13))},
         "every month"),
        ({"weekday": "tuesday", "week": 3, "time": "18:30", "every": 2}, "unknown key"),
    ],
)
def test_broken_rules_are_refused_with_the_key_named(rule, message):
    with pytest.raises(schedule.RecurrenceError, match=message):
        schedule.parse_recurrence(rule)


# --- sightings --------------------------------------------------------------------


ANNOUNCEMENT = Sighting(
    kind="announcement", date=dt.date(2026, 1, 20), time=dt.time(19, 0),
    source="2026-01-20-einladung.md", url="einladung-januar/", title="Einladung zum Januar",
    location="Coworking Space Mitte", talks=("Yvonne: Embeddings",),
    signup_url="https://example.org/anmelden",
)
REPORT_NEXT = Sighting(
    kind="report-next", date=dt.date(2026, 1, 20), time=None, source="2025-11-18-bericht.md",
    url="bericht-november/", talks=("Yvonne: Embeddings", "Xaver: Tabellen"),
)


def test_announcement_wins_when_sources_agree_on_the_date():
    upcoming = find([REPORT_NEXT, ANNOUNCEMENT], at(2025, 11, 26, 12),
                    default_location="Stuttgart", default_signup_url="https://example.org/")
    assert upcoming.date == dt.date(2026, 1, 20)
    assert upcoming.start == at(2026, 1, 20, 19) and upcoming.end == at(2026, 1, 20, 21, 30)
    assert upcoming.time == dt.time(19, 0)
    assert not upcoming.tentative
    assert upcoming.title == "Einladung zum Januar"
    assert upcoming.url == "einladung-januar/"
    assert upcoming.location == "Coworking Space Mitte"
    assert upcoming.talks == ("Yvonne: Embeddings",)
    assert upcoming.signup_url == "https://example.org/anmelden"
    assert upcoming.source == "2026-01-20-einladung.md"
    assert upcoming.ics_url == "termine/2026-01-20.ics"


def test_a_report_next_section_alone_gives_defaults_and_its_report_url():
    upcoming = find([REPORT_NEXT], at(2025, 11, 26, 12), default_location="Stuttgart",
                    default_signup_url="")
    assert upcoming.title == schedule.DEFAULT_TITLE
    assert upcoming.url == "bericht-november/"
    assert upcoming.time is None and upcoming.start == at(2026, 1, 20, 18, 30)
    assert upcoming.location == "Stuttgart"
    assert upcoming.signup_url is None
    assert upcoming.talks == ("Yvonne: Embeddings", "Xaver: Tabellen")


def test_the_earliest_meeting_that_has_not_ended_wins():
    past = Sighting(kind="announcement", date=dt.date(2025, 11, 18), time=dt.time(18, 30),
                    source="2025-11-18-einladung.md", title="November")
    today = Sighting(kind="report-next", date=dt.date(2025, 11, 26), time=dt.time(18, 30),
                     source="2025-10-21-bericht.md")
    sightings = [past, today, ANNOUNCEMENT]
    assert find(sightings, at(2025, 11, 26, 12)).date == dt.date(2025, 11, 26)
    assert find(sightings, at(2025, 11, 26, 20, 59)).date == dt.date(2025, 11, 26)
    assert find(sightings, at(2025, 11, 26, 21, 0)).date == dt.date(2026, 1, 20)


def test_a_later_report_corrects_an_earlier_one_for_the_same_date():
    earlier = Sighting(kind="report-next", date=dt.date(2026, 1, 20), time=dt.time(18, 0),
                       source="2025-10-21-bericht.md", url="oktober/")
    later = Sighting(kind="report-next", date=dt.date(2026, 1, 20), time=dt.time(19, 0),
                     source="2025-11-18-bericht.md", url="november/")
    upcoming = find([earlier, later], at(2025, 11, 26, 12))
    assert (upcoming.time, upcoming.url, upcoming.source) == (dt.time(19, 0), "november/",
                                                              "2025-11-18-bericht.md")


def test_recurrence_gives_a_tentative_date_when_nothing_is_known():
    past = Sighting(kind="announcement", date=dt.date(2025, 11, 18), time=dt.time(18, 30),
                    source="2025-11-18-einladung.md")
    upcoming = find([past], at(2025, 11, 26, 12), recurrence=RULE, default_location="Stuttgart")
    assert upcoming.tentative
    assert upcoming.date == dt.date(2026, 1, 20) and upcoming.time == dt.time(18, 30)
    assert upcoming.source == "recurrence"
    assert upcoming.url is None and upcoming.talks == ()
    assert upcoming.location == "Stuttgart"
    assert upcoming.ics_url == "termine/2026-01-20.ics"


def test_nothing_known_and_no_rule_gives_none():
    assert find([], at(2025, 11, 26, 12)) is None


# --- the rule as an organizer types it (invoke init --recurrence) ---------------------


@pytest.mark.parametrize("text, rule", [
    ("third tuesday 18:30", {"weekday": "tuesday", "week": 3, "time": "18:30"}),
    ("Third Tuesday of the month at 6:30 pm, except July, August and December",
     {"weekday": "tuesday", "week": 3, "time": "18:30", "skip_months": [7, 8, 12]}),
    ("every 2nd wednesday 18.30, not 7 8",
     {"weekday": "wednesday", "week": 2, "time": "18:30", "skip_months": [7, 8]}),
    ("last friday 19:00", {"weekday": "friday", "week": -1, "time": "19:00"}),
    ("jeden dritten Dienstag um 19 Uhr, nicht im August",
     {"weekday": "tuesday", "week": 3, "time": "19:00", "skip_months": [8]}),
    ("1st monday 7pm", {"weekday": "monday", "week": 1, "time": "19:00"}),
])
def test_a_typed_rule_becomes_the_recurrence_setting(text, rule):
    assert schedule.recurrence_from_text(text) == rule
    # ...which the setting's own validation accepts
    assert schedule.parse_recurrence(rule).week == rule["week"]


@pytest.mark.parametrize("text, says", [
    ("tuesday 18:30", "missing: which week"),
    ("third blursday 18:30", "not understood: blursday"),
    ("third tuesday", "missing: the time"),
    ("third tuesday 25:00", "25:00 is no time of day"),
    ("third tuesday 18:30 except january february march april may june july august "
     "september october november december", "skips every month"),
])
def test_a_rule_it_cannot_read_is_named_with_what_is_missing(text, says):
    with pytest.raises(schedule.RecurrenceError, match=says):
        schedule.recurrence_from_text(text)
