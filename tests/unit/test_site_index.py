"""The site index: meetings by date, talks held and planned, attendance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from pelican.plugins.meetup.site import site_index
from pelican.plugins.meetup.reading.model import ArticleFacts, MeetingTime, NextMeeting, Participant, Participants, Talk
from pelican.plugins.meetup.site.site_index import Entry

BERLIN = ZoneInfo("Europe/Berlin")
NOW = dt.datetime(2025, 11, 26, 12, 0, tzinfo=BERLIN)


@dataclass
class Page:
    """What templates use of an article: its URL and title."""

    url: str
    title: str


def people(count: int, extra: int = 0) -> Participants:
    named = tuple(Participant(f"Person{i}") for i in range(count))
    return Participants(named=named, extra=extra, total=count + extra)


def report(day, *, talks=(), participants=None, next_=None, time=None, source=None):
    facts = ArticleFacts(kind="report", meeting=MeetingTime(day, time), talks=tuple(talks),
                         participants=participants, next=next_)
    name = source or f"{day.isoformat()}-bericht.md"
    return Entry(name, f"Bericht {day}", f"bericht-{day}/", facts, Page(f"bericht-{day}/", name))


def announcement(day, *, talks=(), time=dt.time(18, 30), location=None):
    facts = ArticleFacts(kind="announcement", meeting=MeetingTime(day, time), talks=tuple(talks),
                         location=location)
    name = f"{day.isoformat()}-einladung.md"
    return Entry(name, f"Einladung {day}", f"einladung-{day}/", facts,
                 Page(f"einladung-{day}/", name))


def build(entries):
    return site_index.build(entries, now=NOW, default_time=dt.time(18, 30))


APRIL, MAY, JUNE = dt.date(2024, 4, 16), dt.date(2024, 5, 21), dt.date(2024, 6, 18)
ENTRIES = [
    announcement(APRIL, location="Coworking Space Mitte"),
    report(APRIL, participants=people(10, extra=2),
           next_=NextMeeting(MeetingTime(MAY), talks=("Greta: Evaluation von LLM-Anwendungen",
                                                      "Hannes: Active Learning"))),
    announcement(MAY, talks=[Talk("Greta", "Evaluation von LLM-Anwendungen"),
                             Talk("Hannes", "Active Learning in der Qualitätsprüfung"),
                             Talk("Ida", "Diffusionsmodelle")]),
    report(MAY, time=dt.time(20, 0), participants=people(14),
           talks=[Talk("Greta", "Wie man LLM-Anwendungen evaluiert"),
                  Talk("Hannes", "Wenige Labels, viel Wirkung")]),
    report(JUNE, participants=Participants((Participant("A"),), 0, 7, exact=False),
           next_=NextMeeting(MeetingTime(dt.date(2024, 9, 17)), talks=("Lena: Rückblick",))),
    report(dt.date(2025, 10, 21), participants=people(9),
           next_=NextMeeting(MeetingTime(dt.date(2026, 1, 20)), talks=("Yvonne: Embeddings",))),
]


def test_meetings_pair_reports_and_announcements_by_date():
    index = build(ENTRIES)
    dates = [m.date for m in index.meetings]
    # 2024-09-17 was only named in a "next" section and lies in the past: no meeting.
    assert dates == [APRIL, MAY, JUNE, dt.date(2025, 10, 21), dt.date(2026, 1, 20)]
    april = index.meetings[0]
    assert april.report.url == f"bericht-{APRIL}/" and april.announcement.url == f"einladung-{APRIL}/"
    assert april.participants.total == 12
    assert april.location == "Coworking Space Mitte"
    assert april.start == dt.datetime(2024, 4, 16, 18, 30, tzinfo=BERLIN)
    assert index.meetings[1].start.time() == dt.time(20, 0)  # the report's own time
    assert april.ics_url == "termine/2024-04-16.ics"
    upcoming = index.meetings[-1]
    assert upcoming.report is None and upcoming.announcement is None
    assert upcoming.planned_talks == ("Yvonne: Embeddings",)
    assert [page.url for page in upcoming.named_in] == ["bericht-2025-10-21/"]
    assert upcoming.url is None


def test_planned_talks_merge_announcement_and_next_sections_without_repeats():
    may = build(ENTRIES).meetings[1]
    assert may.planned_talks == (
        "Greta: Evaluation von LLM-Anwendungen",
        "Hannes: Active Learning in der Qualitätsprüfung",
        "Ida: Diffusionsmodelle",
    )


def test_a_planned_talk_that_was_held_is_listed_once_with_its_report():
    talks = [t for t in build(ENTRIES).talks if t.date == MAY]
    assert [(t.speaker, t.planned, t.held_url, t.status) for t in talks] == [
        ("Greta", False, f"bericht-{MAY}/", "held"),  # planned under another title
        ("Hannes", False, f"bericht-{MAY}/", "held"),  # same speaker, new title
        # Announced and not named in the report: the meeting has a report, so
        # it took place with its programme.
        ("Ida", False, f"bericht-{MAY}/", "held"),
    ]
    assert talks[0].title == "Wie man LLM-Anwendungen evaluiert"
    assert talks[2].meeting_url == f"bericht-{MAY}/"


def test_meeting_status_follows_now_and_the_reports():
    past_announced = dt.date(2025, 3, 18)
    entries = ENTRIES + [announcement(past_announced, talks=[Talk("Paula", "Agenten")]),
                         announcement(dt.date(2026, 2, 17)), report(dt.date(2026, 2, 17))]
    status = {m.date: m.status for m in build(entries).meetings}
    assert status == {
        APRIL: "held", MAY: "held", JUNE: "held", dt.date(2025, 10, 21): "held",
        past_announced: "no-report",  # eight months ago, never reported: not "announced"
        dt.date(2026, 1, 20): "upcoming",  # only named in a "next" section
        dt.date(2026, 2, 17): "upcoming",  # a report written ahead does not make it held
    }
    talks = {t.title: t for t in build(entries).talks}
    assert (talks["Agenten"].status, talks["Agenten"].planned,
            talks["Agenten"].held_url) == ("no-report", True, None)
    assert talks["Agenten"].meeting_url == f"einladung-{past_announced}/"
    assert (talks["Embeddings"].status, talks["Embeddings"].planned) == ("upcoming", True)


def test_the_same_meeting_turns_from_upcoming_to_no_report_when_its_day_passes():
    day = dt.date(2025, 12, 16)
    entries = [announcement(day, talks=[Talk("Yvonne", "Embeddings")])]
    before = site_index.build(entries, now=NOW, default_time=dt.time(18, 30))
    after = site_index.build(entries, now=dt.datetime(2026, 11, 1, tzinfo=BERLIN),
                             default_time=dt.time(18, 30))
    assert [m.status for m in before.meetings] == ["upcoming"]
    assert [t.status for t in before.talks] == ["upcoming"]
    assert [m.status for m in after.meetings] == ["no-report"]
    assert [t.status for t in after.talks] == ["no-report"]
    assert (before.stats.meetings_total, after.stats.meetings_total) == (0, 1)


def test_talks_are_sorted_newest_first_and_future_ones_are_planned():
    talks = build(ENTRIES).talks
    assert [t.date for t in talks] == sorted((t.date for t in talks), reverse=True)
    first = talks[0]
    assert (first.date, first.speaker, first.title, first.planned) == (
        dt.date(2026, 1, 20), "Yvonne", "Embeddings", True)
    assert first.meeting_url == "bericht-2025-10-21/"


def test_years_descend_with_their_meetings_descending():
    years = build(ENTRIES).years
    assert [year for year, _ in years] == [2026, 2025, 2024]
    assert [m.date for m in years[2][1]] == [JUNE, MAY, APRIL]


def test_attendance_statistics_count_only_past_meetings_with_known_numbers():
    stats = build(ENTRIES + [report(dt.date(2025, 9, 16))]).stats
    assert stats.meetings_total == 5
    assert [tuple(y) for y in stats.per_year] == [(2024, 3, 3, 33, 11.0), (2025, 2, 1, 9, 9.0)]
    assert [tuple(p) for p in stats.series] == [
        (APRIL, 12, True), (MAY, 14, True), (JUNE, 7, False), (dt.date(2025, 10, 21), 9, True)]
    assert stats.average == 42 / 4
    assert tuple(stats.maximum) == (14, MAY)


def test_a_second_report_of_the_same_day_is_reported_not_counted():
    first = report(APRIL, participants=people(3))
    second = report(APRIL, participants=people(30), source="2024-04-16-bericht-kopie.md")
    index = build([first, second])
    assert [(kept.source, ignored.source) for kept, ignored in index.duplicates] == [
        ("2024-04-16-bericht.md", "2024-04-16-bericht-kopie.md")]
    assert index.stats.series[0].total == 3


def test_sightings_keep_publication_order_and_kinds():
    kinds = [(s.kind, s.date) for s in build(ENTRIES).sightings]
    assert kinds[:3] == [("announcement", APRIL), ("report", APRIL), ("report-next", MAY)]
    assert ("report-next", dt.date(2026, 1, 20)) in kinds


def test_split_talk():
    assert site_index.split_talk("Greta: Evaluation") == Talk("Greta", "Evaluation")
    assert site_index.split_talk("Xaver - Synthetische Daten") == Talk("Xaver", "Synthetische Daten")
    assert site_index.split_talk("Offene Diskussion") == Talk("", "Offene Diskussion")


def test_statistics_count_the_meetings_the_archive_lists_as_past():
    # A past meeting without a report counts as a meeting, with no number:
    # its year shows no total of 0 participants.
    entries = ENTRIES + [announcement(dt.date(2025, 3, 18)), announcement(dt.date(2023, 5, 9))]
    index = build(entries)
    stats = index.stats
    past = [m for m in index.meetings if m.status != "upcoming"]
    assert stats.meetings == past
    assert stats.meetings_total == len(past) == sum(year.meetings for year in stats.per_year) == 6
    assert [tuple(y) for y in stats.per_year] == [
        (2023, 1, 0, None, None), (2024, 3, 3, 33, 11.0), (2025, 2, 1, 9, 9.0)]
    assert len(stats.series) == sum(year.counted for year in stats.per_year) == 4


def test_a_planned_talk_shows_the_materials_its_announcement_links():
    from pelican.plugins.meetup.reading.model import Material
    slides, code = Material("slides", "https://speakerdeck.com/x"), Material("code", "https://g/x")
    future = dt.date(2026, 1, 20)
    entries = [
        announcement(JUNE, talks=[Talk("Ida", "Diffusionsmodelle", (slides,))]),
        report(JUNE, talks=[Talk("Ida", "Diffusionsmodelle")]),  # the report links none
        announcement(future, talks=[Talk("Yvonne", "Embeddings", (code,)), Talk("Zoe", "Ohne")]),
    ]
    talks = {(t.date, t.speaker): t for t in build(entries).talks}
    assert talks[(future, "Yvonne")].materials == (code,) and talks[(future, "Yvonne")].planned
    assert talks[(future, "Zoe")].materials == ()
    assert talks[(JUNE, "Ida")].materials == (slides,)  # held, as the announcement linked it
