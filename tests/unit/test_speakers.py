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
