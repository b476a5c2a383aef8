"""read_facts as the glue calls it: the user's seed report, kinds, dates, purity."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from pelican.plugins.meetup.reading.facts import read_facts
from pelican.plugins.meetup.reading.model import (ArticleFacts, MeetingTime, NextMeeting, Participant, Participants,
                                  Problem, Talk, Text)
from textbuilders import DATA, facts_of, german_problems

D = dt.date
T = dt.time
SEED = (DATA / "seed-report-2020-10.md").read_text(encoding="utf-8")
SEED_DATE = dt.datetime(2020, 10, 20, 20, 0)
PLUGIN = Path(__file__).resolve().parents[2] / "plugins" / "meetup"


def test_the_seed_report_exactly():
    assert read_facts(SEED, date=SEED_DATE) == ArticleFacts(
        kind="report",
        meeting=MeetingTime(D(2020, 10, 20), T(20, 0)),
        participants=Participants(
            named=(Participant("Andreas", "Software-Entwickler", "AX-Semantics"),
                   Participant("Uwe", "ST2C", "Laser comm in space"),
                   Participant("Philipp", "ML-Engineer & start-up co-founder", ""),
                   Participant("Jens", "Data Scientist", "AKKA")),
            extra=5, total=9, exact=True),
        next=NextMeeting(MeetingTime(D(2020, 11, 17)), talks=(), line=96,
                         remarks=("meldet euch wenn ihr Vorträge habt!",)),
        talks=(Talk("Andreas", "Hosting of ML models"),
               Talk("Uwe", 'Buchbesprechung "Deep learning for Coder with fastai & PyTorch"')),
    )


def test_the_seed_with_crlf_and_bom_reads_the_same():
    windows = "\ufeff" + SEED.replace("\n", "\r\n")
    assert read_facts(windows, date=SEED_DATE) == read_facts(SEED, date=SEED_DATE)


def test_the_seed_with_old_mac_line_ends_reads_the_same():
    assert read_facts(SEED.replace("\n", "\r"), date=SEED_DATE) == read_facts(SEED, date=SEED_DATE)


def test_the_seed_next_line_is_the_real_file_line():
    lines = SEED.splitlines()
    assert lines[96 - 1] == "- date: 2020-11-17"


def test_reading_twice_gives_equal_facts():
    assert read_facts(SEED, date=SEED_DATE) == read_facts(SEED, date=SEED_DATE)


# --- kind -------------------------------------------------------------------------------

REPORT_BODY = "### Teilnehmer\n\n- Anna\n"
ANNOUNCEMENT_BODY = "### Wann:\n\n21.3.2024, 18:30\n"


@pytest.mark.parametrize("kind_header, body, expected", [
    ("report", ANNOUNCEMENT_BODY, "report"),
    ("Bericht", ANNOUNCEMENT_BODY, "report"),
    ("announcement", REPORT_BODY, "announcement"),
    ("ankuendigung", REPORT_BODY, "announcement"),
    ("Ankündigung", REPORT_BODY, "announcement"),
    ("einladung", REPORT_BODY, "announcement"),
    ("other", REPORT_BODY, "other"),
])
def test_the_kind_header_decides(kind_header, body, expected):
    assert facts_of(body, Kind=kind_header).kind == expected


@pytest.mark.parametrize("category, body, expected", [
    ("report", ANNOUNCEMENT_BODY, "report"),
    ("Berichte", ANNOUNCEMENT_BODY, "report"),
    ("Einladung", REPORT_BODY, "announcement"),
    ("ankuendigung", REPORT_BODY, "announcement"),
    ("News", REPORT_BODY, "report"),  # a free category: the sections decide
    ("Sonstiges", ANNOUNCEMENT_BODY, "announcement"),
])
def test_the_category_decides_when_it_is_a_kind_word(category, body, expected):
    assert facts_of(body, category=category).kind == expected


def test_the_kind_header_wins_over_the_category():
    assert facts_of(REPORT_BODY, category="Einladung", Kind="bericht").kind == "report"


@pytest.mark.parametrize("body, expected", [
    (ANNOUNCEMENT_BODY, "announcement"),
    ("Wann: 21.3.2024, 18:30 Uhr\nWo: Bosch\n", "announcement"),
    (REPORT_BODY, "report"),
    ("### next\n\n- date: 2024-04-16\n", "report"),
    ("### Anna: Transformer\n\n- Notizen\n", "report"),
    ("## Über uns\n\nWir sind eine User Group.\n", "other"),
    ("", "other"),
])
def test_the_sections_decide_without_header_or_category(body, expected):
    assert facts_of(body).kind == expected


def test_an_unknown_kind_is_a_problem_and_the_sections_decide():
    facts = facts_of(REPORT_BODY, Kind="blog")
    assert facts.kind == "report"
    allowed = "report, bericht, announcement, ankuendigung, einladung, other"
    # The reader says it in English with the values apart; the site's language shows it.
    assert facts.problems == (Problem(3, Text("Header “Kind”: unknown value “{value}” "
                                              "(allowed: {allowed})", value="blog",
                                              allowed=allowed)),)
    assert german_problems(facts) == [(3, f'Header "Kind": unbekannter Wert "blog" (erlaubt: '
                                          f'{allowed})')]


def test_other_pages_carry_no_facts():
    assert facts_of("## Impressum\n\nVerantwortlich: Anna\n") == ArticleFacts(kind="other")


# --- the report's own meeting -----------------------------------------------------------

@pytest.mark.parametrize("date, default_time, expected", [
    (dt.datetime(2024, 3, 19, 18, 30), None, MeetingTime(D(2024, 3, 19), T(18, 30))),
    (dt.datetime(2024, 3, 19, 0, 0), None, MeetingTime(D(2024, 3, 19))),
    (dt.date(2024, 3, 19), None, MeetingTime(D(2024, 3, 19))),
    (dt.date(2024, 3, 19), T(18, 30), MeetingTime(D(2024, 3, 19), T(18, 30))),
    (dt.datetime(2024, 3, 19, 19, 0), T(18, 30), MeetingTime(D(2024, 3, 19), T(19, 0))),
    (dt.datetime(2024, 3, 19, 18, 30, tzinfo=dt.timezone.utc), None, MeetingTime(D(2024, 3, 19), T(18, 30))),
])
def test_a_report_meets_on_its_date(date, default_time, expected):
    facts = read_facts("### Teilnehmer\n\n- Anna\n", date=date, default_time=default_time)
    assert facts.meeting == expected


def test_problems_are_sorted_by_line():
    body = ("### Teilnehmer\n\n- , Rolle\n\n### next\n\n- Datum: 31.9.2024\n\n"
            "### Teilnehmer\n\n- Bernd\n")
    assert [problem.line for problem in facts_of(body).problems] == [6, 10, 12]


def test_a_wann_line_in_the_next_section_keeps_a_report_a_report():
    facts = facts_of("### next\n\n- Wann: 16.4.2024, 18:30 Uhr\n")
    assert facts.kind == "report"
    assert facts.next == NextMeeting(MeetingTime(D(2024, 4, 16), T(18, 30)), (), line=6)
