"""Date and time mentions on one line: formats, kinds, validation."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican.plugins.meetup.i18n import language as languages
from pelican.plugins.meetup.reading.dates import find_dates, find_time
from textbuilders import german

D = dt.date
T = dt.time
NOT_BEFORE = D(2019, 5, 22)


def only(line: str):
    mentions = find_dates(line, not_before=NOT_BEFORE)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize("line, date, time", [
    ("2019-06-18", D(2019, 6, 18), None),
    ("2019-6-8", D(2019, 6, 8), None),
    ("2019-06-18 18:30", D(2019, 6, 18), T(18, 30)),
    ("2019-06-18T18:30", D(2019, 6, 18), T(18, 30)),
    ("21.2.2017", D(2017, 2, 21), None),
    ("18.06.2019", D(2019, 6, 18), None),
    ("18. 06. 2019", D(2019, 6, 18), None),
    ("18.6.19", D(2019, 6, 18), None),
    ("19.9.", D(2019, 9, 19), None),
    ("17. Januar 2017", D(2017, 1, 17), None),
    ("17 Januar 2017", D(2017, 1, 17), None),
    ("17. Jänner 2017", D(2017, 1, 17), None),
    ("21. März", D(2020, 3, 21), None),
    ("21. Maerz 2019", D(2019, 3, 21), None),
    ("3. Mai 2019", D(2019, 5, 3), None),
    ("17. Jan. 2017", D(2017, 1, 17), None),
    ("19. Sept. 2019", D(2019, 9, 19), None),
    ("19. Okt 2019", D(2019, 10, 19), None),
    ("1. Dez.", D(2019, 12, 1), None),
    ("January 17, 2017", D(2017, 1, 17), None),
    ("Sept. 17th, 2019", D(2019, 9, 17), None),
    ("17 December 2019 at 18:30", D(2019, 12, 17), T(18, 30)),
    ("18.06.2019 18:30", D(2019, 6, 18), T(18, 30)),
    ("18.06.2019, 18:30 Uhr", D(2019, 6, 18), T(18, 30)),
    ("18.06.2019 um 19 Uhr", D(2019, 6, 18), T(19, 0)),
    ("18.06.2019 ab 18.30 Uhr", D(2019, 6, 18), T(18, 30)),
    ("21. November 2023 um 18:30", D(2023, 11, 21), T(18, 30)),
    ("18.06.2019 - 19:00", D(2019, 6, 18), T(19, 0)),
])
def test_formats(line, date, time):
    mention = only(line)
    assert (mention.date, mention.time, mention.problem) == (date, time, None)


@pytest.mark.parametrize("line, kind", [
    ("date: 2019-06-18", "labelled"),
    ("- Date: 2019-06-18", "labelled"),
    ("Datum: 18.6.2019", "labelled"),
    ("* Termin: 18.6.2019", "labelled"),
    ("**Termin: 18.6.2019**", "labelled"),
    ("**Termin:** 18.6.2019", "labelled"),
    ("next: 2019-06-18", "labelled"),
    ("nächster Termin: 18.6.2019", "labelled"),
    ("Nächstes Treffen am 18.6.2019", "labelled"),
    ("Wann: Dienstag, 18.6.2019", "labelled"),
    ("18.6.2019", "alone"),
    ("- 18.6.2019", "alone"),
    ("1. 18.6.2019", "alone"),
    ("Dienstag, der 18. Juni 2019", "alone"),
    ("Di., 18.6.2019, 19 Uhr", "alone"),
    ("<p>18. Juni 2019 um 18:30</p>", "alone"),
    ("- 18.6.2019 (letzter Termin vor der Sommerpause!)", "alone"),
    ("- 18.6.2019 -- vor der Sommerpause", "alone"),
    ("am 18.6.2019", "alone"),
    ("Wir sehen uns am 18.6.2019.", "other"),
    ("Hackathon: 18.6.2019", "other"),
    ("Wir treffen uns also, 18.6.2019", "other"),  # "so," inside "also," is no Sunday
    ("18.6.2019: Hackathon", "other"),
])
def test_kinds(line, kind):
    mention = only(line)
    assert (mention.kind, mention.problem) == (kind, None)


@pytest.mark.parametrize("line", [
    "Python 3.13. ist erschienen",
    "Version 3.11.2",
    "Server 192.168.1.1",
    "Kosten: 0.25 CPU",
    "[Folien](https://example.org/2019-06-18/folien.pdf)",
    "<https://example.org/archiv/2019-06-18>",
    "siehe https://example.org/18.06.2019/",
    "`2019-06-18`",
    "Mainz und Maier",
    "12.345 Datensätze",
    "18.30 Uhr",
])
def test_no_date(line):
    assert find_dates(line, not_before=NOT_BEFORE) == []


@pytest.mark.parametrize("line, problem", [
    ("31.9.2021", 'ungültiges Datum "31.9.2021"'),
    ("2023-02-30", 'ungültiges Datum "2023-02-30"'),
    ("30.2.", 'ungültiges Datum "30.2."'),
    ("31. April", 'ungültiges Datum "31. April"'),
    ("18.6.2019 24:00", 'ungültige Uhrzeit "24:00"'),
    ("18.6.2019 18:75", 'ungültige Uhrzeit "18:75"'),
    ("Mittwoch, 18.6.2019", 'Wochentag passt nicht: 18.6.2019 ist ein Dienstag ("18.6.2019")'),
])
def test_problems(line, problem):
    mention = only(line)
    assert (mention.date, german(mention.problem)) == (None, problem)


@pytest.mark.parametrize("line, code, problem", [
    ("31.9.2021", "en", "invalid date “31.9.2021”"),
    ("18.6.2019 24:00", "en", "invalid time “24:00”"),
    # The date and the weekday's name in the site's language, as written in the quote.
    ("Mittwoch, 18.6.2019", "en", "wrong weekday: 6/18/2019 is a Tuesday (“18.6.2019”)"),
    ("Wednesday, June 18, 2019", "en", "wrong weekday: 6/18/2019 is a Tuesday (“June 18, 2019”)"),
    ("Wednesday, June 18, 2019", "de",
     'Wochentag passt nicht: 18.6.2019 ist ein Dienstag ("June 18, 2019")'),
    ("Mittwoch, 18.6.2019", "en_GB", "wrong weekday: 18/06/2019 is a Tuesday (“18.6.2019”)"),
])
def test_problems_in_the_sites_language(line, code, problem):
    assert only(line).problem.format(languages.of(code)) == problem


def test_two_dates_on_a_line():
    mentions = find_dates("Hackathon 29.4./30.4.", not_before=D(2019, 1, 1))
    assert [(m.date, m.kind) for m in mentions] == [(D(2019, 4, 29), "other"), (D(2019, 4, 30), "other")]


def test_a_29th_of_february_without_year_finds_the_next_leap_year():
    assert find_dates("29.2.", not_before=D(2021, 3, 1))[0].date == D(2024, 2, 29)


def test_the_last_possible_day_does_not_overflow():
    assert german(find_dates("1.1.", not_before=dt.date.max)[0].problem) == \
        'kein Jahr für "1.1." gefunden'


@pytest.mark.parametrize("line, time", [
    ("18:30", T(18, 30)), ("18:30 Uhr", T(18, 30)), ("um 19 Uhr", T(19, 0)), ("ab 18.30 Uhr", T(18, 30)),
    ("<p>Beginn 19:00</p>", T(19, 0)), ("18.06.2019", None), ("Raum 19", None),
])
def test_find_time(line, time):
    assert find_time(line)[0] == time


def test_a_line_with_twenty_thousand_dates_is_read():
    # Linear per line: a quadratic step here would make this test run for a minute.
    mentions = find_dates("29.4./30.4. " * 10_000, not_before=NOT_BEFORE)
    assert len(mentions) == 20_000
    assert {m.kind for m in mentions} == {"other"}
