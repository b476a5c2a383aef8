"""The next meeting of a report: date shapes, labels, problems, planned talks."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican.plugins.meetup.reading.model import MeetingTime, NextMeeting
from pelican.plugins.meetup.reading.next_meeting import is_next_heading
from pelican.plugins.meetup.i18n import language as languages
from textbuilders import body_line, facts_of, german_problems, messages

D = dt.date
T = dt.time


def next_of(section: str, date: str = "2019-05-21 18:30", **kwargs):
    return facts_of(f"### Teilnehmer\n\n- Anna\n\n{section}\n", date, **kwargs)


@pytest.mark.parametrize("section, report_date, expected", [
    ("### next\n\n- date: 2019-06-18", "2019-05-21", MeetingTime(D(2019, 6, 18))),
    ("### next\n\n- date: 2019-06-18 18:30", "2019-05-21", MeetingTime(D(2019, 6, 18), T(18, 30))),
    ("### next\n\n- Date: 2019-06-18T19:00", "2019-05-21", MeetingTime(D(2019, 6, 18), T(19, 0))),
    ("### next:\n\n- Datum: 18.06.2019", "2019-05-21", MeetingTime(D(2019, 6, 18))),
    ("## next:\n\n- Datum: 21.2.2017", "2017-01-17", MeetingTime(D(2017, 2, 21))),
    ("### nächster Termin: 21.2.2017", "2017-01-17", MeetingTime(D(2017, 2, 21))),
    ("### Nächstes Treffen\n\nDienstag, der 19. Juli 2016", "2016-06-21", MeetingTime(D(2016, 7, 19))),
    ("### next\n\n17. Januar 2017", "2016-12-13", MeetingTime(D(2017, 1, 17))),
    ("### next\n\n- Termin: 17. Jan. 2017", "2016-12-13", MeetingTime(D(2017, 1, 17))),
    ("### next\n\n- Termin: 19. Sept. 2017", "2017-07-18", MeetingTime(D(2017, 9, 19))),
    ("### next\n\n- date: January 17, 2017, 18:30", "2016-12-13", MeetingTime(D(2017, 1, 17), T(18, 30))),
    # No year: the first such day after the report.
    ("### next\n\n- 19.9.", "2019-07-16", MeetingTime(D(2019, 9, 19))),
    ("### next\n\n- 21.1.", "2019-11-19", MeetingTime(D(2020, 1, 21))),
    ("### next\n\n21. März", "2019-02-19", MeetingTime(D(2019, 3, 21))),
    ("### next\n\n21. März", "2019-03-21", MeetingTime(D(2020, 3, 21))),
    ("### next\n\n- 29.2.", "2019-11-19", MeetingTime(D(2020, 2, 29))),
    # Times.
    ("### next\n\n- Termin: 15.4.2025 um 19 Uhr", "2025-03-18", MeetingTime(D(2025, 4, 15), T(19, 0))),
    ("### next\n\n- Termin: 15.4.2025, 18:30 Uhr", "2025-03-18", MeetingTime(D(2025, 4, 15), T(18, 30))),
    ("### next\n\n- Termin: 15.4.2025 18.30 Uhr", "2025-03-18", MeetingTime(D(2025, 4, 15), T(18, 30))),
    ("### next\n\n- Datum: 15.4.2025\n- Zeit: 19:00", "2025-03-18", MeetingTime(D(2025, 4, 15), T(19, 0))),
    ("### next\n\n- Datum: 15.4.2025\n- 19 Uhr", "2025-03-18", MeetingTime(D(2025, 4, 15), T(19, 0))),
    # Labels, bold text, trailing remarks.
    ("### next\n\n**Termin: 15.10.2024**", "2024-09-17", MeetingTime(D(2024, 10, 15))),
    ("### next\n\nTermin: 18. Februar 2025", "2025-01-21", MeetingTime(D(2025, 2, 18))),
    ("### next\n\n- Datum: 18.06.2024 -- vor der Sommerpause", "2024-05-21", MeetingTime(D(2024, 6, 18))),
    ("### next\n\n- 14.12.2021 (letzter Termin 2021!)", "2021-11-16", MeetingTime(D(2021, 12, 14))),
    ("### next\n\nNächstes Treffen am Di., 21.5.2019 um 19 Uhr.", "2019-04-16", MeetingTime(D(2019, 5, 21), T(19, 0))),
    ("### next\n\nWir sehen uns am 21.5.2019 im Coworking Space.", "2019-04-16", MeetingTime(D(2019, 5, 21))),
    ("### next: 2019-06-18", "2019-05-21", MeetingTime(D(2019, 6, 18))),
    ("next\n----\n\n- date: 2019-06-18", "2019-05-21", MeetingTime(D(2019, 6, 18))),
])
def test_date_shapes(section, report_date, expected):
    facts = next_of(section, report_date)
    assert facts.problems == ()
    assert facts.next.when == expected


@pytest.mark.parametrize("section, expected", [
    # A labelled date beats a hackathon date written before it.
    ("### next\n\n- Hackathon am 29.4./30.4. im Codelab\n- Datum: 21.5.2019", D(2019, 5, 21)),
    # A date standing alone beats one inside a sentence.
    ("### next\n\n- Hackathon am 29.4./30.4. im Codelab\n- 21.5.2019", D(2019, 5, 21)),
    ("### next\n\n- 29.4./30.4.: Hackathon\n- 21.5.2019 (wie immer dienstags)", D(2019, 5, 21)),
    # Dates inside link targets, autolinks and code spans are no meeting dates.
    ("### next\n\nFotos vom [Treffen](https://example.org/2019-05-01/fotos), "
     "<https://example.org/2019-04-30> und `2019-04-29`, wir sehen uns am 21.5.2019.", D(2019, 5, 21)),
    # Otherwise the first date in a sentence.
    ("### next\n\nWir treffen uns wieder am 21.5.2019 und planen den Hackathon am 29.6.", D(2019, 5, 21)),
])
def test_which_date_wins(section, expected):
    facts = next_of(section, "2019-04-16")
    assert facts.problems == ()
    assert facts.next.when.date == expected


def test_the_next_header_wins_over_the_section():
    facts = next_of("### next\n\n- date: 2024-05-28\n- talks:\n  - Greta: Evaluation", "2024-04-16",
                    Next="2024-05-21 18:30")
    assert facts.problems == ()
    assert facts.next == NextMeeting(MeetingTime(D(2024, 5, 21), T(18, 30)), ("Greta: Evaluation",), line=3)


def test_the_next_header_alone_is_enough():
    facts = facts_of("Kurzer Bericht ohne Abschnitte.\n", "2024-04-16", Next="21.5.2024")
    assert facts.kind == "report"
    assert facts.next == NextMeeting(MeetingTime(D(2024, 5, 21)), (), line=3)


def test_default_time_fills_a_date_without_time():
    facts = next_of("### next\n\n- date: 2019-06-18", default_time=T(18, 30))
    assert facts.next.when == MeetingTime(D(2019, 6, 18), T(18, 30))


def test_the_line_of_the_date_is_kept():
    facts = next_of("### next\n\nSommerpause!\n\n- Datum: 18.06.2019")
    # body: 1 "### Teilnehmer", 3 "- Anna", 5 "### next", 7 "Sommerpause!", 9 the date
    assert facts.next.line == body_line(9)


def test_a_date_in_a_code_block_is_ignored():
    facts = next_of("### next\n\n```\ndate: 2019-06-01\n```\n\n- date: 2019-06-18")
    assert facts.next.when == MeetingTime(D(2019, 6, 18))


def test_no_next_section_means_no_next_meeting_and_no_problem():
    facts = facts_of("### Teilnehmer\n\n- Anna\n")
    assert (facts.next, facts.problems) == (None, ())


# --- problems: never a guess --------------------------------------------------------------

def problems_of(section: str, report_date: str = "2019-05-21 18:30", **headers):
    facts = next_of(section, report_date, **headers)
    assert facts.next is None
    return german_problems(facts)


@pytest.mark.parametrize("written", ["31.9.2021", "2023-02-30", "30.2.", "31. April 2021"])
def test_an_invalid_calendar_date_is_a_problem(written):
    assert problems_of(f"### next\n\n- Datum: {written}", "2019-05-21") == [
        (body_line(7), f'Abschnitt "next": ungültiges Datum "{written}"')]


def test_an_invalid_labelled_date_does_not_let_another_date_win():
    assert problems_of("### next\n\n- Datum: 31.9.2019\n- Hackathon am 28.9.2019") == [
        (body_line(7), 'Abschnitt "next": ungültiges Datum "31.9.2019"')]


def test_an_invalid_time_is_a_problem():
    assert problems_of("### next\n\n- Datum: 18.6.2019 25:00 Uhr") == [
        (body_line(7), 'Abschnitt "next": ungültige Uhrzeit "25:00 Uhr"')]


def test_a_weekday_that_does_not_fit_is_a_problem():
    assert problems_of("### next\n\nMittwoch, 19. Juli 2016", "2016-06-21") == [
        (body_line(7), 'Abschnitt "next": Wochentag passt nicht: 19.7.2016 ist ein Dienstag '
                       '("19. Juli 2016")')]


@pytest.mark.parametrize("written, shown", [("2019-05-14", "14.5.2019"), ("21.5.2019", "21.5.2019")])
def test_a_next_date_not_after_the_report_is_a_problem(written, shown):
    assert problems_of(f"### next\n\n- date: {written}", "2019-05-21") == [
        (body_line(7), f'Abschnitt "next": nächster Termin {shown} liegt nicht nach dem Berichtsdatum 21.5.2019')]


def test_contradicting_labelled_dates_are_a_problem():
    assert problems_of("### nächster Termin: 18.6.2019\n\n- Datum: 25.6.2019") == [
        (body_line(5), 'Abschnitt "nächster Termin: 18.6.2019": widersprüchliche Termine: '
                       f'"18.6.2019" (Zeile {body_line(5)}) und "25.6.2019" (Zeile {body_line(7)})')]


def test_the_same_date_twice_is_no_contradiction_and_keeps_the_time():
    facts = next_of("### nächster Termin: 18.6.2019\n\n- Datum: 18.6.2019, 19:00 Uhr")
    assert (facts.next.when, facts.problems) == (MeetingTime(D(2019, 6, 18), T(19, 0)), ())


def test_different_times_for_the_same_day_are_a_problem():
    assert problems_of("### next\n\n- Datum: 18.6.2019 18:30\n- Termin: 18.6.2019 19:00") == [
        (body_line(7), f'Abschnitt "next": widersprüchliche Termine: "18.6.2019 18:30" (Zeile {body_line(7)}) '
                       f'und "18.6.2019 19:00" (Zeile {body_line(8)})')]


def test_a_section_without_date_is_a_problem():
    assert problems_of("### next\n\n- talks:\n  - tba") == [
        (body_line(5), 'Abschnitt "next": kein Datum gefunden')]


def test_an_unreadable_next_header_is_a_problem_and_the_section_is_not_used():
    assert problems_of("### next\n\n- date: 2019-06-18", Next="bald") == [
        (3, 'Header "Next": kein Datum in "bald"')]


def test_a_next_header_before_the_report_is_a_problem():
    assert problems_of("", Next="2019-05-01") == [
        (3, 'Header "Next": nächster Termin 1.5.2019 liegt nicht nach dem Berichtsdatum 21.5.2019')]


def test_the_problems_in_english():
    """The same problems on an English site: English words, the dates in its short form."""
    english = languages.of("en")
    cases = [
        ("### next\n\n- Datum: 31.9.2021", "2019-05-21", {},
         'Section “next”: invalid date “31.9.2021”'),
        ("### next\n\nMittwoch, 19. Juli 2016", "2016-06-21", {},
         "Section “next”: wrong weekday: 7/19/2016 is a Tuesday (“19. Juli 2016”)"),
        ("### Next meeting\n\n- talks:\n  - tba", "2019-05-21", {},
         "Section “Next meeting”: no date found"),
        ("", "2019-05-21", {"Next": "2019-05-01"},
         "Header “Next”: the next meeting 5/1/2019 is not after the report's date 5/21/2019"),
        ("### next\n\n- Date: 18.6.2019 18:30\n- When: 18.6.2019 19:00", "2019-05-21", {},
         f"Section “next”: contradicting dates: “18.6.2019 18:30” (line {body_line(7)}) and "
         f"“18.6.2019 19:00” (line {body_line(8)})"),
    ]
    for section, date, headers, expected in cases:
        facts = next_of(section, date, **headers)
        assert [problem.format(english) for problem in facts.problems] == [expected]


def test_a_second_next_section_is_a_problem_and_the_first_counts():
    facts = next_of("### next\n\n- date: 2019-06-18\n\n### next\n\n- date: 2019-06-25")
    assert facts.next.when == MeetingTime(D(2019, 6, 18))
    assert messages(facts) == [f'weiterer Abschnitt "next": nur der erste (Zeile {body_line(5)}) zählt']


# --- planned talks -----------------------------------------------------------------------

@pytest.mark.parametrize("talks_text, expected", [
    ("- talks:\n  - Anna: Transformer für Zeitreihen\n  - Bernd: MLOps mit DVC",
     ("Anna: Transformer für Zeitreihen", "Bernd: MLOps mit DVC")),
    ("Vorträge:\n\n- Felix: Graph Neural Networks\n- (weitere Themen gerne melden)",
     ("Felix: Graph Neural Networks",)),
    ("- Themen:\n    - Rosa: Whisper in der Produktion\n        - mit Demo\n    - Hackathon-Teams: Rückschau",
     ("Rosa: Whisper in der Produktion", "Hackathon-Teams: Rückschau")),
    ("#### Vorträge\n\n- Anna: Embeddings\n- Einführung in JAX", ("Anna: Embeddings", "Einführung in JAX")),
    ("- talks: Anna: Embeddings", ("Anna: Embeddings",)),
    ("**Themen:**\n\n* [Anna](https://example.org/anna): Embeddings", ("Anna: Embeddings",)),
    ("- talks:\n  - (meldet euch wenn ihr Vorträge habt!)", ()),
    ("- Vorträge:\n  - wir suchen Vorträge\n  - tba\n  - noch offen\n  - Vorschläge willkommen\n  - TBD", ()),
    ("- talks:\n  - Anna: Embeddings\n- Ort: Coworking Space", ("Anna: Embeddings",)),
])
def test_planned_talks(talks_text, expected):
    facts = next_of(f"### next\n\n- date: 2019-06-18\n{talks_text}")
    assert facts.problems == ()
    assert facts.next.talks == expected


def test_the_seed_placeholder_leaves_no_talk():
    facts = next_of("### next\n\n- date: 2020-11-17\n- talks:\n  - (meldet euch wenn ihr Vorträge habt!)",
                    "2020-10-20 20:00")
    # The call to action is no talk, but a remark on the card.
    assert facts.next == NextMeeting(MeetingTime(D(2020, 11, 17)), (), body_line(7),
                                     remarks=("meldet euch wenn ihr Vorträge habt!",))


@pytest.mark.parametrize("heading, is_next", [
    ("### next", True), ("## next:", True), ("### Next meeting", True), ("### nächster Termin", True),
    ("### Naechstes Treffen", True), ("### Nächstes Treffen am 21.5.", True), ("### Nächster Termin (vorläufig)", True),
    ("### Next steps", False), ("### Nächster Schritt", False), ("### Nextcloud: Dateien teilen", False),
])
def test_next_headings(heading, is_next):
    assert is_next_heading(heading.lstrip("# ")) is is_next


# --- remarks: what else the section says -------------------------------------------------

def remarks_of(section: str, report_date: str = "2019-05-21 18:30", **headers):
    facts = next_of(section, report_date, **headers)
    assert facts.problems == ()
    return facts.next.remarks


def test_a_paragraph_between_date_and_talks_is_a_remark():
    # content/2025-11-18-bericht.md
    facts = next_of("### nächster Termin\n\nTermin: 20. Januar 2026\n\n"
                    "Im Dezember pausieren wir wie jedes Jahr.\n\nVorträge:\n\n"
                    "- Yvonne: Embeddings für die Produktsuche\n"
                    "- (meldet euch wenn ihr Vorträge habt!)", "2025-11-18 18:30")
    assert facts.next.talks == ("Yvonne: Embeddings für die Produktsuche",)
    assert facts.next.remarks == ("Im Dezember pausieren wir wie jedes Jahr.",
                                  "meldet euch wenn ihr Vorträge habt!")


def test_remarks_under_a_heading_that_holds_the_date():
    # content/2024-11-19-bericht.md: the date stands in the heading, shown above the card.
    assert remarks_of("### nächster Termin: 21.1.2025\n\n"
                      "Im Dezember fällt das Treffen wie immer aus. Schöne Feiertage!\n\n"
                      "- (meldet euch wenn ihr Vorträge habt!)", "2024-11-19 18:30") == (
        "Im Dezember fällt das Treffen wie immer aus. Schöne Feiertage!",
        "meldet euch wenn ihr Vorträge habt!")


def test_a_list_item_with_its_continuation_line_is_one_remark_and_keeps_its_link():
    # content/2025-03-18-bericht.md
    facts = next_of("### next\n\n- Termin: 15.4.2025\n"
                    '- außerdem: Hackathon "Offene Daten & KI" am 29.4./30.4. im Coworking Space '
                    "Mitte, Infos und Anmeldung\n  unter <https://example.org/hackathon-stuttgart-2025>\n"
                    "- Vorträge:\n    - Quirin: Hyperparameter-Optimierung mit Optuna", "2025-03-18 18:30")
    assert facts.next.when == MeetingTime(D(2025, 4, 15))
    assert facts.next.talks == ("Quirin: Hyperparameter-Optimierung mit Optuna",)
    assert facts.next.remarks == (
        'außerdem: Hackathon "Offene Daten & KI" am 29.4./30.4. im Coworking Space Mitte, '
        "Infos und Anmeldung unter <https://example.org/hackathon-stuttgart-2025>",)


@pytest.mark.parametrize("date_line, report_date, remark", [
    ("- Datum: 18.06.2024 -- vor der Sommerpause", "2024-05-21", "vor der Sommerpause"),
    ("- Date: 19.11.2024 (letzter Termin 2024!)", "2024-10-15", "letzter Termin 2024!"),
    ("Datum: 16.09.2025 (nach der Sommerpause)", "2025-06-17", "nach der Sommerpause"),
    ("- 14.12.2021 – letzter Termin im Jahr", "2021-11-16", "letzter Termin im Jahr"),
    ("Dienstag, 16. Februar 2021, 18:30 Uhr -- noch einmal online", "2021-01-19", "noch einmal online"),
    ("**Termin: 15.10.2024**, im Raum 3.14", "2024-09-17", "im Raum 3.14"),
])
def test_the_date_line_keeps_its_own_remark_without_the_date(date_line, report_date, remark):
    assert remarks_of(f"### next\n\n{date_line}", report_date) == (remark,)


@pytest.mark.parametrize("date_lines", [
    "- date: 2019-06-18", "- Termin: 18.6.2019 um 19 Uhr", "**Termin: 18.6.2019**",
    "Dienstag, der 18. Juni 2019.", "Nächstes Treffen am Di., 18.6.2019 um 19 Uhr.",
    "- Datum: 18.6.2019\n- Zeit: 19:00", "- Datum: 18.6.2019\n- 19 Uhr", "next: 18.6.",
])
def test_a_date_line_with_nothing_else_leaves_no_remark(date_lines):
    assert remarks_of(f"### next\n\n{date_lines}") == ()


def test_a_time_line_keeps_what_follows_the_time():
    facts = next_of("### next\n\n- Datum: 18.6.2019\n- Beginn: 19 Uhr, Einlass ab 18:30")
    assert facts.next.when == MeetingTime(D(2019, 6, 18), T(19, 0))
    assert facts.next.remarks == ("Einlass ab 18:30",)


def test_a_date_inside_a_sentence_stays_in_its_sentence():
    assert remarks_of("### next\n\nWir sehen uns am 21.5.2019 im Coworking Space.", "2019-04-16") == (
        "Wir sehen uns am 21.5.2019 im Coworking Space.",)


def test_other_dates_stay_in_their_remark():
    assert remarks_of("### next\n\n- Hackathon am 29.4./30.4. im Codelab\n- Datum: 21.5.2019",
                      "2019-04-16") == ("Hackathon am 29.4./30.4. im Codelab",)


@pytest.mark.parametrize("section, remarks", [
    # content/2024-06-18-bericht.md: a call to action without a talks label.
    ("### next:\n\nnext: 17.9.\n\n- wir suchen Vorträge", ("wir suchen Vorträge",)),
    # Under a label: calls to action stay, bare placeholder words say nothing.
    ("- date: 2019-06-18\n- Vorträge:\n  - wir suchen Vorträge\n  - tba\n  - noch offen\n"
     "  - Vorschläge willkommen\n  - TBD", ("wir suchen Vorträge", "Vorschläge willkommen")),
    ("- date: 2019-06-18\n- talks: (meldet euch wenn ihr Vorträge habt!)",
     ("meldet euch wenn ihr Vorträge habt!",)),
    ("- date: 2019-06-18\n- talks:\n  - ?", ()),
])
def test_placeholders_are_remarks_not_talks(section, remarks):
    facts = next_of(section if section.startswith("#") else f"### next\n\n{section}", "2019-05-21")
    assert facts.next.talks == ()
    assert facts.next.remarks == remarks


def test_talks_their_details_and_labels_are_no_remarks():
    facts = next_of("### next\n\n- date: 2019-06-18\n- Themen:\n    - Rosa: Whisper in der Produktion\n"
                    "        - mit Demo\n    - Hackathon-Teams: Rückschau\n- Ort: Coworking Space Mitte")
    assert facts.next.talks == ("Rosa: Whisper in der Produktion", "Hackathon-Teams: Rückschau")
    assert facts.next.remarks == ("Ort: Coworking Space Mitte",)


def test_programme_items_that_are_no_talk_are_remarks():
    facts = next_of("### next\n\n- date: 2019-06-18\n- Programm:\n  - 18:30 Begrüßung\n"
                    "  - 19:00 Anna: Embeddings\n  - Pizza und Getränke")
    assert facts.next.talks == ("Anna: Embeddings",)
    assert facts.next.remarks == ("18:30 Begrüßung", "Pizza und Getränke")


def test_a_wrapped_paragraph_is_one_remark_and_a_blank_line_starts_the_next():
    assert remarks_of("### next\n\n- date: 2019-06-18\n\nIm Juli treffen wir uns\nim Biergarten.\n\n"
                      "Bis dahin!") == ("Im Juli treffen wir uns im Biergarten.", "Bis dahin!")


def test_a_subsection_heading_is_a_remark_of_its_own():
    assert remarks_of("### next\n\n- date: 2019-06-18\n\n#### Anfahrt\nBus 42 bis zum Hauptbahnhof") == (
        "Anfahrt", "Bus 42 bis zum Hauptbahnhof")


def test_with_a_next_header_the_sections_own_date_line_is_no_remark():
    facts = next_of("### next\n\n- date: 2024-05-28 -- im Biergarten\n- Bitte anmelden", "2024-04-16",
                    Next="2024-05-21 18:30")
    assert facts.next.when == MeetingTime(D(2024, 5, 21), T(18, 30))
    assert facts.next.remarks == ("im Biergarten", "Bitte anmelden")


def test_a_section_with_thousands_of_remarks_is_read():
    # Linear: a quadratic step would make this run for minutes.
    lines = "".join(f"- Hinweis {n} am 29.4.\n  weiter im Text\n" for n in range(5_000))
    remarks = remarks_of(f"### next\n\n- date: 2019-06-18\n{lines}")
    assert len(remarks) == 5_000
    assert remarks[-1] == "Hinweis 4999 am 29.4. weiter im Text"
