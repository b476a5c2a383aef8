"""Participants: every shape the archive uses, with exact counts and names."""

from __future__ import annotations

import pytest

from pelican.plugins.meetup.reading.model import Participant, Participants
from textbuilders import body_line, facts_of, german_problems, messages

TWO_NAMED = "- Anna, Data Scientist, Neckar Analytics\n- Bernd, ML Engineer, Schwabenlogik\n"
ANNA = Participant("Anna", "Data Scientist", "Neckar Analytics")
BERND = Participant("Bernd", "ML Engineer", "Schwabenlogik")


def participants_of(section_body: str, heading: str = "### Teilnehmer") -> Participants | None:
    return facts_of(f"## Protokoll\n\n{heading}\n\n{section_body}\n").participants


@pytest.mark.parametrize("line, expected", [
    ("- Anna, Data Scientist, Bosch", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Anna; Data Scientist; Bosch", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Anna,Data Scientist,Bosch", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Anna;Data Scientist;Bosch", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Georg;;Student", Participant("Georg", "", "Student")),
    ("- Georg,,Student", Participant("Georg", "", "Student")),
    ("- Dr. K. Maier, Professorin, Uni Stuttgart", Participant("Dr. K. Maier", "Professorin", "Uni Stuttgart")),
    ("- Jan/Janina, Student", Participant("Jan/Janina", "Student", "")),
    ("- Philipp, ML-Engineer & start-up co-founder", Participant("Philipp", "ML-Engineer & start-up co-founder", "")),
    ("- Uwe", Participant("Uwe", "", "")),
    ("* Uwe, Physiker", Participant("Uwe", "Physiker", "")),
    ("1. Uwe, Physiker", Participant("Uwe", "Physiker", "")),
    ("+ Uwe, Physiker", Participant("Uwe", "Physiker", "")),
    ("- Anna (Data Scientist, Bosch)", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Anna – Data Scientist – Bosch", Participant("Anna", "Data Scientist", "Bosch")),
    ("- Anna, Data Scientist, Bosch, Standort Feuerbach", Participant("Anna", "Data Scientist", "Bosch, Standort Feuerbach")),
    ("- **Anna**, [Neckar Analytics](https://example.org)", Participant("Anna", "Neckar Analytics", "")),
    ("- ?", Participant("?", "", "")),
    ("- ?, Studentin, Uni Hohenheim", Participant("?", "Studentin", "Uni Hohenheim")),
])
def test_one_named_line(line, expected):
    assert participants_of(line) == Participants((expected,), extra=0, total=1, exact=True)


@pytest.mark.parametrize("extra_line, extra", [
    ("+2", 2),
    ("+ 2", 2),  # a Markdown list item with "+" as marker
    ("- + 2", 2),
    ("+1 Nachzügler", 1),
    ("+ 6 Nachzügler", 6),
    ("1 Nachzügler", 1),
    ("- 3 Nachzüglerinnen", 3),
    ("\\+ 5 weitere", 5),
    ("- \\+ 5 weitere", 5),
    ("+6 weitere", 6),
    ("+ zwei Gäste", 2),
    ("- ein Nachzügler", 1),
    ("+999 weitere", 999),
    ("+2 Nachzügler (kamen nach der Pause)", 2),
])
def test_extra_people_add_to_the_named(extra_line, extra):
    result = participants_of(TWO_NAMED + "\n" + extra_line)
    assert result == Participants((ANNA, BERND), extra=extra, total=2 + extra, exact=True)


@pytest.mark.parametrize("open_line", [
    "+ weitere", "\\+ weitere", "- \\+ weitere", "- und weitere", "+ ein paar Nachzügler",
    "- ...", "+ ?",
])
def test_an_open_rest_makes_the_total_a_lower_bound(open_line):
    result = participants_of(TWO_NAMED + open_line)
    assert result == Participants((ANNA, BERND), extra=0, total=2, exact=False)


def test_prose_saying_the_list_is_incomplete_is_a_lower_bound():
    result = participants_of(TWO_NAMED + "\nHinweis: Die Liste ist unvollständig.")
    assert result == Participants((ANNA, BERND), extra=0, total=2, exact=False)


@pytest.mark.parametrize("total_line", [
    "(insg. 9 Teilnehmer)", "insg. 9", "(insgesamt 9 Leute)", "9 Teilnehmer insgesamt", "- insgesamt: 9",
])
def test_an_explicit_total_overrides_the_sum(total_line):
    result = participants_of(TWO_NAMED + "- + 2\n\n" + total_line)
    assert result == Participants((ANNA, BERND), extra=2, total=9, exact=True)


def test_an_explicit_total_wins_over_an_open_rest():
    result = participants_of(TWO_NAMED + "+ weitere\n\n(insg. 12 Teilnehmer)")
    assert result == Participants((ANNA, BERND), extra=0, total=12, exact=True)


@pytest.mark.parametrize("heading, total", [
    ("#### Anwesend: 14", 14),
    ("### Teilnehmer (insg. 10)", 10),
])
def test_a_total_in_the_heading(heading, total):
    assert participants_of(TWO_NAMED, heading=heading) == Participants((ANNA, BERND), 0, total, True)


def test_prose_head_count_with_late_comers():
    result = participants_of("18 Leute stellen sich vor, danach kommen +2 Nachzügler.",
                             heading="### Vorstellungsrunde")
    assert result == Participants((), extra=20, total=20, exact=True)


def test_prose_without_numbers_is_no_participant():
    result = participants_of(TWO_NAMED + "\nEine bunte Runde aus Industrie und Forschung.")
    assert result == Participants((ANNA, BERND), 0, 2, True)


@pytest.mark.parametrize("heading", [
    "### Teilnehmer", "### Teilnehmer:", "## Teilnehmende", "### Vorstellungsrunde", "#### Anwesend",
    "### Participants", "# Teilnehmer", "###### Teilnehmerinnen und Teilnehmer", "### **Teilnehmer**",
    "Teilnehmer\n----------", "### Teilnehmer ###",
])
def test_participant_headings(heading):
    assert participants_of(TWO_NAMED, heading=heading) == Participants((ANNA, BERND), 0, 2, True)


def test_the_seed_line_shapes_with_escaped_plus():
    body = TWO_NAMED + "\n- \\+ 5 weitere\n"
    assert participants_of(body) == Participants((ANNA, BERND), 5, 7, True)


def test_an_indented_continuation_belongs_to_its_item():
    result = participants_of("- Anna, Data Scientist,\n  Neckar Analytics\n- Bernd, ML Engineer, Schwabenlogik")
    assert result == Participants((ANNA, BERND), 0, 2, True)


def test_the_participants_section_ends_at_the_next_heading():
    body = ("## Teilnehmende\n\n" + TWO_NAMED + "\n### Clara: Retrieval Augmented Generation\n\n"
            "- Clara, NLP, Kesselblick\n")
    assert facts_of(body).participants == Participants((ANNA, BERND), 0, 2, True)


def test_five_hundred_names_and_many_more_unnamed():
    names = "".join(f"- Person{number}, Rolle{number}, Firma{number}\n" for number in range(500))
    result = participants_of(names + "+999 weitere")
    assert len(result.named) == 500
    assert result.named[499] == Participant("Person499", "Rolle499", "Firma499")
    assert (result.extra, result.total, result.exact) == (999, 1499, True)


def test_twenty_thousand_names_still_read():
    # Linear parsing: a quadratic step would make this test run for minutes.
    names = "".join(f"- Person{number}, Rolle, Firma\n" for number in range(20_000))
    assert participants_of(names).total == 20_000


# --- problems: the file line and a message that says what is wrong ------------------------

def test_a_line_without_name_is_a_problem_at_its_line():
    facts = facts_of("### Teilnehmer\n\n- Anna, Data Scientist, Neckar Analytics\n- , Studentin, Uni\n")
    assert facts.participants == Participants((ANNA,), 0, 1, True)
    assert german_problems(facts) == [
        (body_line(4), 'Teilnehmerzeile ohne Namen: ", Studentin, Uni"')]


@pytest.mark.parametrize("line", [
    "- 5",
    "- wir haben heute lange über Transformer und andere Modelle diskutiert",
])
def test_unreadable_participant_lines_are_problems(line):
    facts = facts_of(f"### Teilnehmer\n\n- Anna, Data Scientist, Neckar Analytics\n{line}\n")
    assert facts.participants == Participants((ANNA,), 0, 1, True)
    text = line.removeprefix("- ")
    assert german_problems(facts) == [
        (body_line(4), f'Teilnehmerzeile nicht lesbar: "{text}"')]


def test_a_total_smaller_than_the_count_is_a_problem():
    facts = facts_of("### Teilnehmer\n\n" + TWO_NAMED + "+ 3\n(insg. 4 Teilnehmer)\n")
    assert facts.participants == Participants((ANNA, BERND), 3, 4, True)
    assert german_problems(facts) == [
        (body_line(6), 'Abschnitt "Teilnehmer": insgesamt 4 angegeben, aber 5 gezählt')]


def test_contradicting_totals_are_a_problem_and_the_sum_counts():
    facts = facts_of("### Teilnehmer (insg. 9)\n\n" + TWO_NAMED + "(insgesamt 10)\n")
    assert facts.participants == Participants((ANNA, BERND), 0, 2, True)
    assert messages(facts) == ['Abschnitt "Teilnehmer (insg. 9)": widersprüchliche Gesamtzahlen 9, 10']


def test_an_empty_participants_section_is_a_problem():
    facts = facts_of("### Teilnehmer\n\nDiesmal hat niemand die Liste geführt.\n\n### next\n\n- date: 2024-04-16\n")
    assert facts.participants is None
    assert german_problems(facts) == [
        (body_line(1), 'Abschnitt "Teilnehmer": keine Teilnehmer gefunden')]


def test_a_second_participants_section_is_a_problem_and_the_first_counts():
    facts = facts_of("### Teilnehmer\n\n- Anna\n\n### Teilnehmer\n\n- Bernd\n")
    assert facts.participants == Participants((Participant("Anna"),), 0, 1, True)
    assert german_problems(facts) == [
        (body_line(5), f'weiterer Abschnitt "Teilnehmer": nur der erste (Zeile {body_line(1)}) zählt')]


def test_participants_in_a_code_block_do_not_count():
    body = "### Teilnehmer\n\n- Anna\n\n```\n- Bernd\n+ 5 weitere\n```\n"
    assert facts_of(body).participants == Participants((Participant("Anna"),), 0, 1, True)


def test_markup_in_a_participant_line_is_kept_as_written_text():
    found = facts_of("### Teilnehmer\n\n- <script>alert(1)</script>, Tester, Evil <b>Corp</b>\n")
    assert found.participants.named == (
        Participant("<script>alert(1)</script>", "Tester", "Evil <b>Corp</b>"),
    )
