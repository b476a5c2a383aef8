"""Announcements: Wann, Wo, the programme and the sign-up link."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican.plugins.meetup.reading.facts import read_facts
from pelican.plugins.meetup.reading.model import ArticleFacts, MeetingTime, Talk
from textbuilders import german_problems

D = dt.date
T = dt.time
PUBLISHED = dt.datetime(2024, 1, 5, 10, 0)


def announcement(body: str, *, published: dt.datetime = PUBLISHED, default_time=None, **headers) -> ArticleFacts:
    extra = "".join(f"{key}: {value}\n" for key, value in headers.items())
    source = f"Title: Einladung\nDate: {published.isoformat(sep=' ')}\n{extra}\n{body}"
    return read_facts(source, date=published, default_time=default_time)


FULL = """Wir starten ins neue Jahr mit zwei Vorträgen.

### Wann:

16. Januar 2024 um 18:30

### Wo:

[Neckar Analytics GmbH](https://example.org/neckar), Hauptstätter Straße 70, 70178 Stuttgart
(3. OG, bitte bei "Neckar Analytics" klingeln)

<https://www.openstreetmap.org/#map=19/48.77/9.17>

### Vorträge

- Anna: Transformer für Zeitreihen
- Bernd - MLOps mit DVC
- Ein Thema ohne Sprecher

### Anmeldung

Damit wir genug Pizza bestellen, meldet euch bitte an: <https://www.meetup.com/example-ml-group/>
"""


def test_a_full_announcement():
    assert announcement(FULL) == ArticleFacts(
        kind="announcement",
        meeting=MeetingTime(D(2024, 1, 16), T(18, 30)),
        talks=(Talk("Anna", "Transformer für Zeitreihen"), Talk("Bernd", "MLOps mit DVC"),
               Talk("", "Ein Thema ohne Sprecher")),
        location='Neckar Analytics GmbH, Hauptstätter Straße 70, 70178 Stuttgart, '
                 '(3. OG, bitte bei "Neckar Analytics" klingeln)',
        signup_url="https://www.meetup.com/example-ml-group/",
    )


@pytest.mark.parametrize("when, expected", [
    ("### Wann:\n\n<p>21. November 2023 um 18:30</p>", MeetingTime(D(2023, 11, 21), T(18, 30))),
    ("Wann: 21.11.2023, 18:30 Uhr", MeetingTime(D(2023, 11, 21), T(18, 30))),
    ("**Wann:** Dienstag, 21.11.2023, 18:30 Uhr", MeetingTime(D(2023, 11, 21), T(18, 30))),
    ("- Wann: 21.11.2023", MeetingTime(D(2023, 11, 21))),
    ("### Wann: 21.11.2023 um 19 Uhr", MeetingTime(D(2023, 11, 21), T(19, 0))),
    ("### Wann?\n\nDienstag, 21.11.2023\n\n18:30 Uhr", MeetingTime(D(2023, 11, 21), T(18, 30))),
    ("### When\n\nNovember 21, 2023, 18:30", MeetingTime(D(2023, 11, 21), T(18, 30))),
    # No year: the first such day on or after the announcement's date.
    ("Wann: 21. November, 18:30", MeetingTime(D(2023, 11, 21), T(18, 30))),
    ("Wann: 1.11., 18:30", MeetingTime(D(2023, 11, 1), T(18, 30))),
])
def test_when_shapes(when, expected):
    facts = announcement(when, published=dt.datetime(2023, 11, 1, 9, 0))
    assert (facts.kind, facts.meeting, facts.problems) == ("announcement", expected, ())


def test_default_time_fills_a_date_without_time():
    facts = announcement("Wann: 21.11.2023", default_time=T(18, 30))
    assert facts.meeting == MeetingTime(D(2023, 11, 21), T(18, 30))


@pytest.mark.parametrize("where, expected", [
    ("### Wo:\n\nCoworking Space Mitte\nKönigstraße 1\n70173 Stuttgart", "Coworking Space Mitte, Königstraße 1, 70173 Stuttgart"),
    ("### Wo\n\n<p>Online (Jitsi)</p>", "Online (Jitsi)"),
    ("### Wo: Bosch, Renningen", "Bosch, Renningen"),
    ("Wo: [Bosch](https://example.org), Renningen", "Bosch, Renningen"),
    ("**Ort:** Uni Stuttgart, Raum V57.02", "Uni Stuttgart, Raum V57.02"),
])
def test_where_shapes(where, expected):
    assert announcement(f"Wann: 21.11.2023\n\n{where}\n").location == expected


@pytest.mark.parametrize("body, expected", [
    ("### Anmeldung\n\n[Hier anmelden](https://example.org/form)", "https://example.org/form"),
    ("### Anmelden\n\nPer Mail an <mailto:orga@example.org> oder https://example.org/rsvp", "https://example.org/rsvp"),
    ("### RSVP\n\nhttps://example.org/rsvp", "https://example.org/rsvp"),
    ("### Sign-up\n\n<https://example.org/signup>", "https://example.org/signup"),
    ("Fragen? [Blog](https://example.org/blog). Bitte [hier anmelden](https://example.org/a)", "https://example.org/a"),
    ("[Blog](https://example.org/blog), Gruppe: <https://www.meetup.com/example-ml-group/>",
     "https://www.meetup.com/example-ml-group/"),
    ("Anmeldung: <https://example.org/form>", "https://example.org/form"),
    ("Nur ein [Blog](https://example.org/blog)", None),
])
def test_signup_link(body, expected):
    assert announcement(f"Wann: 21.11.2023\n\n{body}\n").signup_url == expected


def test_a_programme_with_times_keeps_the_talks_only():
    body = ("Wann: 21.11.2023\n\n### Programm\n\n- 18:30 Begrüßung\n- 18:45 Anna: Transformer\n"
            "- 19:30 - 20:00 Bernd: DVC\n- 20:00 Pizza und Getränke\n- (weitere Vorträge gesucht)\n")
    assert announcement(body).talks == (Talk("Anna", "Transformer"), Talk("Bernd", "DVC"))


def test_talk_lines_without_list_markers():
    body = "Wann: 21.11.2023\n\n### Vortrag\n\nAnna: Transformer für Zeitreihen\n"
    assert announcement(body).talks == (Talk("Anna", "Transformer für Zeitreihen"),)


def test_a_declared_announcement_without_when_is_a_problem():
    facts = announcement("Wir treffen uns bald wieder.\n", Kind="einladung")
    assert (facts.kind, facts.meeting) == ("announcement", None)
    assert german_problems(facts) == [(5, 'Einladung ohne "Wann:" (Abschnitt oder Zeile)')]


def test_when_without_date_is_a_problem():
    facts = announcement("### Wann:\n\nbald, wie immer dienstags\n")
    assert facts.meeting is None
    assert german_problems(facts) == [(4, 'Abschnitt "Wann": kein Datum gefunden')]


def test_when_with_an_invalid_date_is_a_problem():
    facts = announcement("### Wann:\n\n31.11.2023, 18:30\n")
    assert facts.meeting is None
    assert german_problems(facts) == [(6, 'Abschnitt "Wann": ungültiges Datum "31.11.2023"')]
