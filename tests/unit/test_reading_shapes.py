"""Shapes other groups write, read from any line of the file (issue: read any archive).

Texts are made up in the shapes of real archives: board minutes with field lines,
English talk announcements with YAML front matter, Hugo event pages with JSON.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pelican.plugins.meetup.reading.facts import read_document_facts, read_facts
from pelican.plugins.meetup.reading.sections import split_document
from pelican.plugins.meetup.reading.dates import find_dates, find_time
from pelican.plugins.meetup.reading.model import MeetingTime
from textbuilders import german

D = dt.date
T = dt.time


def minutes(body: str, date: str = "2025-03-10", title: str = "Protokoll der Vorstandssitzung"):
    return read_facts(f"# {title} vom {date}\n\n{body}", date=D.fromisoformat(date),
                      title=title, path=f"{date}-protokoll-vorstandssitzung.md")


MINUTES = """\
Anwesende Vorstände: Greta, Hannes, Ilse, Jonas

Gäste: Karla, Lutz (20:41 Uhr), Mira (zeitweise), [P.]

Protokoll: Greta

Ort: Online (Videokonferenz)

Start: 19:30 Uhr

Ende: 21:05 Uhr

## Tagesordnung

- Genehmigung des Protokolls vom 10.02.2025
- Folgetermin

## Protokoll

Der Vorstand beschließt den Haushalt.

Nächster Termin: 14.04.2025, 19:30 Uhr
"""


def test_board_minutes_are_a_report_with_everyone_present_the_time_place_and_next_date():
    facts = minutes(MINUTES)
    assert facts.kind == "report"
    assert facts.participants.total == 8  # four board members and four guests
    assert [person.name for person in facts.participants.named][-4:] == ["Karla", "Lutz", "Mira", "[P.]"]
    assert facts.meeting.time == T(19, 30)  # "Start:", not "Ende:"
    assert facts.location == "Online (Videokonferenz)"
    assert facts.next.when.date == D(2025, 4, 14) and facts.next.when.time == T(19, 30)


def test_no_guests_and_a_redacted_list():
    facts = minutes("Anwesende Vorstände: Greta, Hannes\n\nGäste: keine\n")
    assert facts.participants.total == 2
    facts = minutes("Anwesende Vorstände: Greta, Hannes\n\nGäste: Karla, [...]\n")
    assert facts.participants.total == 3 and not facts.participants.exact  # "[...]": some left out


@pytest.mark.parametrize("line, expected", [
    ("Nächster Termin: 14.03.2025.", D(2025, 3, 14)),
    ("Nächstes Treffen: 9. Mai.", D(2025, 5, 9)),
    ("Nächste Sitzung am 4.7., 19 Uhr", D(2025, 7, 4)),
    ("Folgetermin: Mi, 16.04.2025", D(2025, 4, 16)),
    ("**Termin der nächsten Vorstandssitzung:** 07.07.2025 20:00Uhr", D(2025, 7, 7)),
    ("Nächster Termin: <del>10.04.2025</del> 17.04.2025, 19.30 Uhr", D(2025, 4, 17)),
    ("Nächster Termin: 30.\u00a0April\u00a02025", D(2025, 4, 30)),
    ("Nächste Termine: 24.03.2025, 19 Uhr; 19.04.2025, 19:30 Uhr", D(2025, 3, 24)),
])
def test_a_next_line_anywhere(line, expected):
    facts = minutes(f"Anwesende: Greta, Hannes\n\n## Sonstiges\n\nAllerlei.\n\n{line}\n")
    assert facts.next is not None and facts.next.when.date == expected, facts.problems


def test_dates_under_an_empty_next_label_are_ours_only_when_they_name_our_meeting():
    facts = minutes("Anwesende: Greta\n\nNächste Termine:\n\n- Community-Treffen: Sa, 15.03.2025\n"
                    "- Vorstandssitzung: Mi, 16.04.2025 20:00 Uhr\n")
    assert facts.next.when.date == D(2025, 4, 16)  # the earlier community date is not ours
    facts = minutes("Anwesende: Greta\n\nNächster Termin:\n\n- Mitgliederversammlung: Sa, 15.03.2025\n")
    assert facts.next is None


@pytest.mark.parametrize("line", ["Nächster Termin: noch offen", "Nächster Termin: tba",
                                  "Nächster Termin: steht noch nicht fest"])
def test_an_open_next_date_is_no_date_and_no_problem(line):
    facts = minutes(f"Anwesende: Greta\n\n{line}\n")
    assert facts.next is None and facts.problems == ()


def test_a_next_date_before_the_meeting_is_a_problem_never_a_date():
    facts = minutes("Anwesende: Greta\n\nNächster Termin: 07.04.2024, 19:30 Uhr\n")
    assert facts.next is None
    assert any("liegt nicht nach" in german(problem.text) for problem in facts.problems)


@pytest.mark.parametrize("line, expected", [
    ("**Anwesend:** 17 Personen", 17),
    ("Attendees : 11", 11),
    ("Anwesende: Jana, Piotr, tk", 3),
    ("Ca. 12 Personen waren da.", 12),
    ("Rund 30 Teilnehmende.", 30),
    ("Es kamen neun Teilnehmer.", 9),
    ("We were 14 people in the room.", 14),
    ("Attendees: Ann, Bob plus 4 others", 6),
])
def test_participants_in_field_lines_and_prose(line, expected):
    facts = read_facts(f"Title: Recap\nDate: 2025-03-10\n\n{line}\n", date=D(2025, 3, 10), title="Recap")
    assert facts.participants is not None and facts.participants.total == expected


@pytest.mark.parametrize("line", ["Ein Teilnehmer fragte nach den Folien.",
                                  "Der Raum hat Platz für 90 Personen und mehr.",
                                  "Wir suchen 2 Personen für die Organisation."])
def test_numbers_of_people_that_are_no_head_count(line):
    facts = read_facts(f"Title: Bericht\nDate: 2025-03-10\n\n{line}\n", date=D(2025, 3, 10))
    assert facts.participants is None


def test_a_stated_count_wins_over_a_list_that_disagrees_with_a_problem():
    facts = read_facts("Title: Bericht\nDate: 2025-03-10\n\nAnwesend: 5 (Anna, Bernd, Carla)\n",
                       date=D(2025, 3, 10))
    assert facts.participants.total == 5
    assert any("5 angegeben" in german(problem.text) for problem in facts.problems)


def test_a_wann_item_in_talk_notes_keeps_a_report_a_report():
    text = ("Title: Treffen im März\nDate: 2025-03-18\n\n### Teilnehmer\n\n- Anna\n- Bernd\n\n"
            "### Anna: Wann lohnt sich Feature Engineering?\n\n- Wann: wenn Daten knapp sind\n\n"
            "### next\n\n- Datum: 15.4.2025\n")
    facts = read_facts(text, date=D(2025, 3, 18))
    assert facts.kind == "report" and facts.next.when.date == D(2025, 4, 15)


YAML_ANNOUNCEMENT = """\
---
title: April 2025 Meeting
meeting_date: 2025-04-14
created_by:
  name: Organiser
hosted_by:
  - :name: Example Hall
---

The April meeting will be on *Monday the 14th of April*, from _6:00pm_ to _8:00pm_
(talks start at _6:30pm_).

## Agenda

### Property testing in practice

[Ann Example](https://example.org/ann) says:

> A talk about generators.

### ~~Cancelled talk~~

Bo Sample:

### Shrinking without tears

by Cy Person and Di Other
"""


def test_an_english_announcement_with_yaml_front_matter():
    facts = read_facts(YAML_ANNOUNCEMENT, date=D(2025, 4, 14), title="April 2025 Meeting",
                       path="2025/april/index.html.md.erb")
    assert facts.kind == "announcement"
    assert facts.meeting.date == D(2025, 4, 14)
    assert [talk.speaker for talk in facts.talks] == ["Ann Example", "Cy Person and Di Other"]  # as written
    assert facts.talks[0].title == "Property testing in practice"


JSON_EVENT = """\
{
   "meetingdate": "2025-05-08T19:00+02:00",
   "presenter": "Erika Muster",
   "title": "Backups mit restic",
   "location": "Online",
   "taxonomies": {"category": "Workshop"}
}

## Konferenzserver
* https://video.example.org

## Notizen
Werden hierher übernommen
"""


def test_a_hugo_event_page_with_json_front_matter_is_its_announcement():
    facts = read_facts(JSON_EVENT, date=dt.datetime(2025, 5, 8, 19, 0), title="Backups mit restic",
                       path="2025-05-08_restic.md")
    assert facts.kind == "announcement"
    assert facts.meeting.date == D(2025, 5, 8) and facts.meeting.time == T(19, 0)
    assert [talk.speaker for talk in facts.talks] == ["Erika Muster"]
    assert facts.location == "Online"


def test_a_presenter_everyone_is_no_speaker():
    facts = read_facts(JSON_EVENT.replace("Erika Muster", "Alle"), date=dt.datetime(2025, 5, 8, 19, 0),
                       title="Backups mit restic", path="2025-05-08_restic.md")
    assert facts.talks == ()


@pytest.mark.parametrize("text, date", [
    ("The next meeting will be on Tuesday the 11th of March", D(2025, 3, 11)),
    ("Tuesday, April 7th 2026", D(2026, 4, 7)),
    ("5th March", D(2025, 3, 5)),
    ("March 5, 2025", D(2025, 3, 5)),
])
def test_english_dates(text, date):
    assert [mention.date for mention in find_dates(text, not_before=D(2025, 1, 1))] == [date]


def test_a_weekday_that_does_not_fit_the_date_is_a_problem_not_a_date():
    [mention] = find_dates("on Monday the 11th of March", not_before=D(2025, 1, 1))
    assert mention.date is None  # 2025-03-11 is a Tuesday
    assert german(mention.problem) == ('Wochentag passt nicht: 11.3.2025 ist ein Dienstag '
                                       '("11th of March")')


@pytest.mark.parametrize("text, time", [
    ("6:30pm", T(18, 30)), ("7pm", T(19, 0)), ("7 pm", T(19, 0)), ("6.30 p.m.", T(18, 30)),
    ("_6:00pm_", T(18, 0)), ("18:30 Uhr", T(18, 30)),
    ("Dauer: 1:47:05", None), ("wir waren 19 am Montag", None),
])
def test_times_english_and_german_and_durations_that_are_no_time(text, time):
    assert find_time(text)[0] == time


# --- talks in the shapes of a talks archive ------------------------------------------


def english(body: str, *, title: str = "June 2025 Meeting", date: D = D(2025, 6, 9), html: bool = False):
    source = f"---\ntitle: {title}\nmeeting_date: {date.isoformat()}\n---\n\n{body}"
    path = "2025/june/index.html" if html else "2025/june/index.html.md.erb"
    return read_document_facts(split_document(source, html=html), date=date, title=title, path=path)


def speakers(facts) -> list[str]:
    return [talk.speaker for talk in facts.talks]


def test_two_people_leading_one_talk_stay_as_written_with_and():
    facts = english("The June meeting will be on Monday the 9th of June.\n\n## Agenda\n\n"
                    "### Pairing on legacy code\n\n"
                    "This month [Nadia Ferris](https://example.org/n) and [Olaf Brandt](https://example.org/o)"
                    " will be leading us through an old codebase.\n")
    assert speakers(facts) == ["Nadia Ferris and Olaf Brandt"]
    assert facts.talks[0].title == "Pairing on legacy code"


def test_a_speaker_line_with_any_verb_of_speaking_below_the_title():
    facts = english("## Agenda\n\n### Profiling allocations\n\n"
                    "[Wendy Marsh](https://example.org/w) wants to show us her favourite profiler.\n\n"
                    "### Queues without tears\n\nGareth Holm is going to tell us about job queues:\n")
    assert speakers(facts) == ["Wendy Marsh", "Gareth Holm"]


@pytest.mark.parametrize("heading", ["Widgetry: building forms that last", "Widgetry - forms that last",
                                     "Lattice: a tour", "Peas - a tiny PaaS"])
def test_a_title_with_a_colon_or_dash_names_no_speaker_without_a_given_name(heading):
    facts = english(f"## Agenda\n\n### {heading}\n\nSome words about the talk.\n")
    assert facts.talks == ()


def test_the_speaker_line_wins_over_a_title_word_before_a_dash():
    facts = english("## Agenda\n\n### Julia - fast and dynamic\n\n"
                    "[Ravi Anand](https://example.org/r) wants to introduce us to a new language:\n")
    assert speakers(facts) == ["Ravi Anand"]
    assert facts.talks[0].title == "Julia - fast and dynamic"


def test_speaker_first_headings_still_read_and_the_line_below_confirms_them():
    facts = english("## Agenda\n\n### Hiroshi Tanaka - Unicode in practice\n\n"
                    "[Hiroshi Tanaka](https://example.org/h) says:\n")
    assert facts.talks[0].speaker == "Hiroshi Tanaka" and facts.talks[0].title == "Unicode in practice"


def test_lightning_talk_nights_list_only_linked_speakers_as_headings():
    facts = english("## Agenda\n\nA night of short talks. This year we have:\n\n"
                    "### [Petra Lund](https://example.org/p)\n\n### [Samir Okafor](https://example.org/s)\n\n"
                    "### [Tom van Dijk](https://example.org/t)\n\nLooks like a fun night!\n\n"
                    "## Pub\n\nAfterwards we go to the pub.\n")
    assert speakers(facts) == ["Petra Lund", "Samir Okafor", "Tom van Dijk"]


def test_a_title_heading_followed_by_a_speaker_heading():
    facts = english("The June meeting was held on the 9th. We had two talks.\n\n"
                    "# Parsing with combinators\n## Tiest Example\n\n[slides](https://example.org/1)\n\n"
                    "# Designers and developers\n## Ulla Brenner\n\n[slides](https://example.org/2)\n")
    assert [(talk.speaker, talk.title) for talk in facts.talks] == [
        ("Tiest Example", "Parsing with combinators"), ("Ulla Brenner", "Designers and developers")]


def test_an_html_page_with_h4_titles_and_h5_speakers():
    body = ("              <h4>Testing without mocks</h4>\n"
            "              <h5>Vera Lindqvist (Guest Speaker)</h5>\n"
            "              <p><a href=\"https://example.org/s.pdf\">slides</a></p>\n"
            "              <h4>Rack from the inside</h4>\n"
            "              <h5>Quentin Moss</h5>\n")
    facts = english(body, html=True)
    assert speakers(facts) == ["Vera Lindqvist", "Quentin Moss"]


def test_struck_talks_and_talks_dropped_in_a_note_are_not_held():
    facts = english("## Agenda\n\n### <strike>Event sourcing</strike>\n\n"
                    "*Ines has had to postpone this till another meeting.*\n\n"
                    "[Ines Varga](https://example.org/i) is going to talk about events.\n\n"
                    "### Caching in anger\n\n[Karl Oster](https://example.org/k) kindly offered to talk about "
                    "caches, but unfortunately he had to pull out at the last minute.\n\n"
                    "### Fuzzing for fun\n\n[Lea Horn](https://example.org/l) says:\n\n"
                    "### ~~Maps in the terminal~~\n\n~~[Mo Said](https://example.org/m) says:~~\n\n"
                    "Mo has had to cancel due to illness.\n")
    assert speakers(facts) == ["Lea Horn"]


def test_by_lines_that_credit_releases_are_no_talks_and_the_prose_names_the_talk():
    facts = english("Last night Alma Reyes gave a great presentation on [Stemmer](https://example.org), "
                    "a text library. Thanks for coming to speak Alma!\n\n"
                    "## Recent releases by our members\n\n### [Gizmo 0.4.1](https://example.org/g)\n"
                    "by Bruno Keller and Cleo Park\nA gem for gizmos.\n\n"
                    "### [Widgets](https://example.org/w) updated for Rack 3\nby Dana Frost\n\n"
                    "## Events of interest\n\n### [Some Conf](https://example.org/c), Sat Jun 14\n"
                    "Edwin Moor speaking\n")
    assert facts.kind == "report"
    assert [(talk.speaker, talk.title) for talk in facts.talks] == [("Alma Reyes", "Stemmer, a text library")]


def test_agenda_items_name_their_speakers_by_first_name_and_the_file_gives_the_full_name():
    facts = english("Our next meeting will be on Monday June 9.\n\n## Agenda\n"
                    "[Robin Example](https://example.org/r) and [Fiona Sample](https://example.org/f) "
                    "will both be presenting.\n\n* Robin will talk about why you want a DSL.\n"
                    "* Fiona will cover the practical side of building one.\n")
    assert speakers(facts) == ["Robin Example", "Fiona Sample"]


def test_a_notes_placeholder_keeps_an_event_page_an_announcement_despite_recap_in_its_title():
    facts = read_facts(JSON_EVENT.replace("Backups mit restic", "Recap: Backups und Monitoring"),
                       date=dt.datetime(2025, 5, 8, 19, 0), title="Recap: Backups und Monitoring",
                       path="2025-05-08_recap.md")
    assert facts.kind == "announcement"


def test_notes_of_links_in_subsections_make_an_event_page_a_report():
    notes = ("## Notizen aus dem Workshop\n\nhttps://example.org/tool\n\n### Auf der Konferenz\n"
             "- https://example.org/talk\n- https://example.org/video\n\n#### Alternativen\n"
             "- https://example.org/alt\n\nIlka: \"Das fehlt noch.\"\n")
    facts = read_facts(JSON_EVENT.split("## Konferenzserver")[0] + notes, date=dt.datetime(2025, 5, 8, 19, 0),
                       title="Backups mit restic", path="2025-05-08_restic.md")
    assert facts.kind == "report"
    assert speakers(facts) == ["Erika Muster"]


# --- the meeting's time and date in an announcement's sentence -----------------------


@pytest.mark.parametrize("sentence, time", [
    ("The June meeting will be on Monday the 9th of June, from 6:00pm to 8:00pm "
     "(meeting starts at 6:30pm).", T(18, 30)),
    ("The June meeting will be on *Monday the 9th of June*, from _6:00pm_ to _8:00pm_ "
     "(talks start at _6:45pm_).", T(18, 45)),
    ("The June meeting will be on Monday the 9th of June, from <strike>6:30pm to 8:00pm</strike>"
     "<strong>7:00pm to 8:30pm</strong>.", T(19, 0)),
    ("Our next meeting will be on Monday June 9, 6:30-8pm.", T(18, 30)),
    ("The June meeting will be on Monday the 9th of\nJune, from 6:15pm to 8:00pm.", T(18, 15)),
    ("We've arranged a party for Monday 9th June. It all starts at 9pm and the first drinks are free.",
     T(21, 0)),
    ("<p><s>\nThe June meeting will be on Monday the 9th of June, from 6:00pm to 8:00pm.\n</s></p>", None),
    ("The June meeting will be on Monday the 9th of June.", None),
])
def test_the_time_an_announcement_states_in_its_sentence(sentence, time):
    facts = english(f"{sentence}\n\n## Agenda\n\nTalks to be announced.\n\n## Pub\n\nWe usually finish "
                    "up at about 8pm and go to the pub.\n")
    assert facts.kind == "announcement" and facts.meeting.date == D(2025, 6, 9)
    assert facts.meeting.time == time  # no default filled in: the text says no time


def test_a_report_says_when_it_started():
    facts = read_facts("Title: Recap\nDate: 2025-06-09\n\nAttendees : 9\n\n"
                       "A quiet evening, started at 6:45pm because the projector needed coaxing.\n",
                       date=D(2025, 6, 9), title="Recap")
    assert facts.kind == "report" and facts.meeting.time == T(18, 45)


def test_an_announcement_without_a_meeting_date_field_reads_its_date_from_the_sentence():
    source = ("Title: June 2025 Meeting\nDate: 2025-05-20\n\nThe June meeting will be on *Monday the "
              "9th of June*, from 6:00pm to 8:00pm (meeting starts at 6:30pm).\n\n## Agenda\n\n"
              "### Caching in anger\n\n[Karl Oster](https://example.org/k) says:\n")
    facts = read_facts(source, date=D(2025, 5, 20), title="June 2025 Meeting")
    assert facts.kind == "announcement"
    assert facts.meeting == MeetingTime(D(2025, 6, 9), T(18, 30))
    assert speakers(facts) == ["Karl Oster"]


# --- where: front matter hosts, venue sentences, an address under "### Venue" ----------


def with_host(body: str, host: str = "Example Co") -> object:
    source = (f"---\ntitle: June 2025 Meeting\nmeeting_date: 2025-06-09\nhosted_by:\n  - :name: {host}\n---\n\n"
              f"{body}")
    return read_facts(source, date=D(2025, 6, 9), title="June 2025 Meeting", path="2025/june/index.html.md.erb")


@pytest.mark.parametrize("sentence, place", [
    ("The June meeting will be on Monday the 9th of June. The venue, [Foundry\nHall](https://example.org/f)"
     " near the station, is provided by [Example Co](https://example.org).", "Foundry Hall"),
    ("The June meeting will be on Monday the 9th of June. As usual our hosts [Example Co](https://example.org)"
     " will provide the space, at our new venue [The Vault](https://example.org/v).", "The Vault"),
    ("We've arranged a party for Monday 9th June. It's at a bar called Lantern & Lime, at 3 Example Street.",
     "Lantern & Lime"),
    ("The backup meeting is on Monday the 9th of June, from 6:30pm at [The Kettle](https://example.org/k) pub.",
     "The Kettle"),
    ("The June meeting will be on Monday the 9th of June. Like last month the venue this time is wherever "
     "you are because it's _COMPLETELY VIRTUAL_!", "Online"),
    ("The June meeting will be on Monday the 9th of June.", "Example Co"),  # the front matter's host
])
def test_the_venue_a_sentence_names_wins_over_the_host_in_front_matter(sentence, place):
    facts = with_host(f"{sentence}\n\n## Afterwards\n\nWe head over to [The Red Lion](https://example.org/p).\n")
    assert facts.location == place


def test_the_address_under_a_venue_heading_names_the_place_unless_it_starts_with_the_street():
    body = ("The June meeting will be on Monday the 9th of June.\n\n## Venue & Registration\n\n### Venue\n\n"
            "The address of the venue:\n\n> {first}<br/>London<br/>EC1A 1AA\n")
    assert with_host(body.format(first="Foundry Hall")).location == "Foundry Hall"
    assert with_host(body.format(first="Example House, 24 Sample Street")).location == "Example Co"


def test_a_report_gets_its_place_from_front_matter_too():
    facts = read_facts("---\ntitle: Recap\nmeeting_date: 2025-06-09\nlocation: Online\n---\n\n"
                       "Last night we had two talks. Thanks for coming!\n\nAttendees: 12\n",
                       date=D(2025, 6, 9), title="Recap")
    assert facts.kind == "report" and facts.location == "Online"


# --- next dates a careful reader is sure of ---------------------------------------------


@pytest.mark.parametrize("line, expected", [
    ("Termin nächste Vorstandssitzung: 07.04 um 20:00 Uhr", D(2025, 4, 7)),  # no final dot, a time follows
    ("Nächste Sitzung: 14.4, 19:30 Uhr", D(2025, 4, 14)),
    ("Nächster Vorstandssitzung am Wochenende 29/30. März in Kassel.", D(2025, 3, 29)),  # two days: the first
    ("Nächster Termin: Vorschlag für den neuen Vorstand: 4. April 2025", D(2025, 4, 4)),
])
def test_next_lines_in_shapes_only_a_next_label_makes_sure(line, expected):
    facts = minutes(f"Anwesende: Greta, Hannes\n\n## Sonstiges\n\nAllerlei.\n\n{line}\n")
    assert facts.next is not None and facts.next.when.date == expected, facts.problems


@pytest.mark.parametrize("line", ["Die Kasse wurde am 07.04 um 20:00 Uhr geprüft.",
                                  "Am Wochenende 29/30. März ist das Sommerfest.",
                                  "Vorschlag für den neuen Vorstand: 4. April 2025"])
def test_the_same_shapes_without_a_next_label_are_no_next_date(line):
    facts = minutes(f"Anwesende: Greta, Hannes\n\n## Sonstiges\n\n{line}\n")
    assert facts.next is None


def test_a_folgetermin_heading_with_the_date_in_prose_below():
    facts = minutes("Anwesende: Greta, Hannes\n\n### TOP 3 Folgetermin Vorstandssitzung\n\n"
                    "12. April 2025 im Vereinsheim. Die Uhrzeit steht noch nicht fest.\n")
    assert facts.next.when == MeetingTime(D(2025, 4, 12), None)


def test_a_member_reporting_under_a_heading_is_no_talk():
    facts = minutes("Anwesende: Greta, Hannes\n\n### TOP 4 Förderprogramm\n\nHannes stellt das Konzept vor, "
                    "wie es der Mitgliederversammlung präsentiert werden soll.\n\n### TOP 5 Sonstiges\n\n"
                    "Greta: Anfang Mai hält sie einen Vortrag in Kassel.\n\n## Gesprächsnotizen\n\n"
                    "### Umlaufbeschluss Urlaubsregelung Greta (1 min)\n\n- einstimmig angenommen\n")
    assert facts.talks == ()


def test_a_count_of_everyone_wins_over_the_board_named_below_it():
    facts = minutes("**Anwesend:** 12 Personen\n\nAnwesende Vorstände: Greta, Hannes, Ilse\n")
    assert facts.participants.total == 12
    assert [person.name for person in facts.participants.named] == ["Greta", "Hannes", "Ilse"]


def test_two_names_one_letter_apart_make_the_count_unsure():
    facts = minutes("Anwesende Vorstände: Greta, Hannes\n\nGäste: Karla, Volfgang, Wolfgang\n")
    assert facts.participants.total == 5 and not facts.participants.exact
    assert any("Tippfehler" in german(problem.text) and problem.line == 5 for problem in facts.problems)
    facts = minutes("Anwesende Vorstände: Greta, Hannes\n\nGäste: Maria, Mario\n")
    assert facts.participants.total == 4 and facts.participants.exact  # two people


@pytest.mark.parametrize("line, expected", [
    ("Present: Ana Sample, Ben Example, Cleo Muster plus 4 others.", 7),
    ("Neun Teilnehmer, lange Diskussion über Distributionen für alte Laptops.", 9),
])
def test_counts_that_end_a_list_or_open_the_notes(line, expected):
    facts = read_facts(f"Title: Recap\nDate: 2025-03-10\n\n{line}\n", date=D(2025, 3, 10), title="Recap")
    assert facts.participants is not None and facts.participants.total == expected

