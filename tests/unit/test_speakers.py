"""Speaker pages' views: names as written, aliases merged, hidden speakers unnamed."""

from __future__ import annotations

import datetime as dt

from pelican.plugins.meetup.site.site_index import TalkEntry
from pelican.plugins.meetup.site.speakers import shown_talks, speakers


def talk(day: int, speaker: str, title: str = "T", planned: bool = False) -> TalkEntry:
    return TalkEntry(dt.date(2025, 1, day), speaker, title, "r/", planned, None if planned else "r/")


def test_same_spelling_same_speaker_aliases_merge_hidden_get_no_page():
    talks = [talk(9, "Anna", "Planned", planned=True), talk(5, "Dr. K. Maier"), talk(4, "Karin Maier"),
             talk(3, "Anna"), talk(2, "anna"), talk(1, "Eve")]
    shown = shown_talks(talks, {"Dr. K. Maier": "Karin Maier"}, ["Eve"])
    assert [t.speaker for t in shown] == ["Anna", "Karin Maier", "Karin Maier", "Anna", "anna", ""]
    found = speakers(shown, lambda name: name.lower().replace(" ", "-"))
    assert [(s.name, s.slug, len(s.talks), s.held) for s in found] == [
        ("Anna", "anna", 3, 2), ("Karin Maier", "karin-maier", 2, 2)]


def test_slugs_stay_unique():
    found = speakers([talk(2, "Jörg"), talk(1, "Jorg")], lambda name: "jorg")
    assert [s.slug for s in found] == ["jorg", "jorg-2"]


# --- Hidden speakers: in no fact and in no text the site shows ---------------------------

from pelican.plugins.meetup.reading.model import ArticleFacts, MeetingTime, NextMeeting, Participant, Participants, Talk  # noqa: E402
from pelican.plugins.meetup.site.speakers import hidden_spellings, hide, redact  # noqa: E402


def test_every_spelling_of_a_hidden_speaker_counts():
    aliases = {"Dr. K. Maier": "Karin Maier", "K. Maier": "Karin Maier", "Bo": "Bob Beispiel"}
    assert hidden_spellings(aliases, ["Karin Maier"]) == {"Karin Maier", "Dr. K. Maier", "K. Maier"}
    # Hidden under one of the spellings: the name shown for it and its other spellings too.
    assert hidden_spellings(aliases, ["K. Maier"]) == {"Karin Maier", "Dr. K. Maier", "K. Maier"}
    assert hidden_spellings({}, ["  Eve  ", ""]) == {"Eve"}


def test_hide_takes_the_name_out_of_talks_plans_and_participants():
    facts = ArticleFacts(
        kind="report", meeting=MeetingTime(dt.date(2025, 1, 1)),
        talks=(Talk("Eve Verborgen", "Geheime Daten"), Talk("Anna", "Offen")),
        next=NextMeeting(MeetingTime(dt.date(2025, 2, 1)),
                         talks=("eve verborgen: Teil 2", "Anna: Teil 2")),
        participants=Participants(named=(Participant("Eve Verborgen"), Participant("Anna")),
                                  extra=2, total=4))
    shown = hide(facts, {"Eve Verborgen"})
    assert [(t.speaker, t.title) for t in shown.talks] == [("", "Geheime Daten"), ("Anna", "Offen")]
    assert shown.next.talks == ("Teil 2", "Anna: Teil 2")
    people = shown.participants
    assert [p.name for p in people.named] == ["Anna"] and (people.extra, people.total) == (3, 4)
    assert hide(facts, set()) is facts


def test_redact_replaces_the_name_in_text_shown_attributes_and_heading_ids_only():
    html = ('<a href="#eve-verborgen-geheim" title="Eve Verborgen">x</a>'
            '<h3 id="eve-verborgen-geheim">Eve Verborgen: Geheim</h3>'
            '<p>EVE VERBORGENs Rat, von eve\nverborgen. Evelyn bleibt bei Eve&nbsp;Verborgen.</p>'
            '<img alt="Eve Verborgen am Pult" src="eve-verborgen.jpg">')
    assert redact(html, {"Eve Verborgen"}, "N. N.") == (
        '<a href="#name-geheim" title="N. N.">x</a>'
        '<h3 id="name-geheim">N. N.: Geheim</h3>'
        '<p>N. N. Rat, von N. N.. Evelyn bleibt bei N. N..</p>'
        '<img alt="N. N. am Pult" src="eve-verborgen.jpg">')
    assert redact(html, set(), "N. N.") == html
