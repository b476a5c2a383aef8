"""The plugin in real Pelican builds of a small archive (tests/fixtures/archive).

Four builds per session, all with publishconf.py (absolute URLs, Atom feed):

- ``november``: "now" is 2020-11-10, names as written;
- ``november_again``: the same inputs once more, from Pelican's content cache;
- ``counted``: "now" is the pinned 2025-11-26, MEETUP_PARTICIPANT_NAMES="count";
- ``first_names``: "now" is the pinned 2025-11-26, MEETUP_PARTICIPANT_NAMES="first".

The archive holds the user's own October 2020 report as given, an
announcement, reports of other shapes (``Next:`` header, count-only
participants, a "next" section without a readable date) and a plain article.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup

from helpers import PINNED_EPOCH, ROOT, build_site, write_settings

pytestmark = pytest.mark.slow

ARCHIVE = ROOT / "tests" / "fixtures" / "archive"
SITEURL = "https://example.github.io/meetup-site"
BERLIN = ZoneInfo("Europe/Berlin")
BEFORE_NOVEMBER = int(dt.datetime(2020, 11, 10, 12, 0, tzinfo=BERLIN).timestamp())
UID_DOMAIN = "example.github.io"

# Participants who neither speak nor appear in prose: with "count" they must
# not show in any output file.  Their roles and organisations neither.
HIDDEN_IN_COUNT_MODE = ["Philipp", "Jens", "AKKA", "Laser comm", "Friederike", "Quastenberg",
                        "Bartholomäus", "Hohenheim", "Landratsamt", "Wollenweber",
                        "Datenschutzbeauftragte", "Maier", "Statistiker"]
# Family names of participants ("Dr. Friederike Quastenberg", "Henrike Wollenweber",
# "Dr. K. Maier"): with "first" they must not show in any output file.
SURNAMES = ["Quastenberg", "Wollenweber", "Maier"]


class Site:
    def __init__(self, output: Path, result: subprocess.CompletedProcess):
        self.output = output
        self.result = result

    def json(self) -> dict:
        return json.loads((self.output / "meetups.json").read_text(encoding="utf-8"))

    def article(self, source: str) -> dict:
        return next(a for a in self.json()["articles"] if a["source"] == source)

    def page(self, url: str) -> Path:
        """The output file behind an absolute page URL."""
        assert url.startswith(SITEURL + "/"), url
        return self.output / url.removeprefix(SITEURL + "/") / "index.html"

    def calendar(self, relative: str = "meetups.ics") -> icalendar.Calendar:
        return icalendar.Calendar.from_ical((self.output / relative).read_bytes())

    def hints(self) -> list[str]:
        return [line for line in self.result.stdout.splitlines() if line.startswith("Hinweis: ")]


def _build(tmp_path_factory, name: str, settings: Path, epoch: int) -> Site:
    output = tmp_path_factory.mktemp(name) / "output"
    result = build_site(ARCHIVE, output, settings=settings, epoch=epoch)
    assert result.returncode == 0, f"{name} build failed:\n{result.stdout}\n{result.stderr}"
    return Site(output, result)


@pytest.fixture(scope="session")
def november_settings(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("archive-settings")
    return write_settings(folder / "settings.py", base="publishconf", SITEURL=SITEURL,
                          FEED_DOMAIN=SITEURL, CACHE_PATH=str(folder / "cache"),
                          LOAD_CONTENT_CACHE=True)


@pytest.fixture(scope="session")
def november(tmp_path_factory, november_settings) -> Site:
    return _build(tmp_path_factory, "archive-november", november_settings, BEFORE_NOVEMBER)


@pytest.fixture(scope="session")
def november_again(tmp_path_factory, november_settings, november) -> Site:
    # Runs after ``november`` filled the content cache: per-object signals would
    # not fire now, so anything derived from them would be missing.
    return _build(tmp_path_factory, "archive-november-again", november_settings,
                  BEFORE_NOVEMBER)


@pytest.fixture(scope="session")
def counted(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("archive-count-settings")
    settings = write_settings(folder / "settings.py", base="publishconf", SITEURL=SITEURL,
                              FEED_DOMAIN=SITEURL, CACHE_PATH=str(folder / "cache"),
                              MEETUP_PARTICIPANT_NAMES="count")
    return _build(tmp_path_factory, "archive-count", settings, PINNED_EPOCH)


@pytest.fixture(scope="session")
def first_names(tmp_path_factory) -> Site:
    folder = tmp_path_factory.mktemp("archive-first-settings")
    settings = write_settings(folder / "settings.py", base="publishconf", SITEURL=SITEURL,
                              FEED_DOMAIN=SITEURL, CACHE_PATH=str(folder / "cache"),
                              MEETUP_PARTICIPANT_NAMES="first")
    return _build(tmp_path_factory, "archive-first", settings, PINNED_EPOCH)


# --- reading hints ------------------------------------------------------------------


def test_an_unreadable_next_section_is_one_hint_naming_file_and_line(november):
    lines = (ARCHIVE / "2020-12-15-bericht.md").read_text(encoding="utf-8").splitlines()
    heading_line = lines.index("### next") + 1
    about_december = [h for h in november.hints() if "2020-12-15-bericht.md" in h]
    assert about_december == [
        f'Hinweis: 2020-12-15-bericht.md:{heading_line}: Abschnitt "next": kein Datum gefunden'
    ]
    for hint in november.hints():
        assert re.match(r"Hinweis: [\w./-]+\.md:\d+: \S", hint), hint
    assert "Traceback" not in november.result.stdout + november.result.stderr


# --- meetups.json ---------------------------------------------------------------------


def test_json_next_meeting_is_the_announced_one_merged_with_the_report(november):
    data = november.json()
    announcement = november.article("2020-11-05-einladung.md")
    assert data["generated"] == "2020-11-10T12:00:00+01:00"
    assert data["next"] == {
        "date": "2020-11-17",
        "time": "19:00",
        "tentative": False,
        "title": "Einladung zum Treffen am 17. November 2020",
        "url": announcement["url"],
        "location": "Online (Jitsi, Link nach Anmeldung)",
        "talks": ["Uwe: fastai Kapitel 2 – vom Modell zur App"],
        "source": "2020-11-05-einladung.md",
        "venue": None, "moved_from": None, "called_off": [],
    }
    assert november.page(announcement["url"]).is_file()


def test_json_seed_report_counts_nine_and_names_the_next_date(november):
    seed = november.article("2020-10-20-bericht.md")
    participants = seed["participants"]
    assert [p["name"] for p in participants["named"]] == ["Andreas", "Uwe", "Philipp", "Jens"]
    assert (participants["extra"], participants["total"], participants["exact"]) == (5, 9, True)
    assert seed["next"]["date"] == "2020-11-17"
    assert seed["next"]["talks"] == []  # "(meldet euch …)" is a placeholder
    assert (seed["kind"], seed["date"], seed["time"]) == ("report", "2020-10-20", "20:00")
    assert [t["speaker"] for t in seed["talks"]] == ["Andreas", "Uwe"]


def test_json_lists_every_article_with_its_kind(november):
    kinds = {a["source"]: a["kind"] for a in november.json()["articles"]}
    assert kinds == {
        "2020-10-20-bericht.md": "report",
        "2020-11-05-einladung.md": "announcement",
        "2020-11-17-bericht.md": "report",
        "2020-12-15-bericht.md": "report",
        "2020-12-22-jahresrueckblick.md": "other",
        "2021-01-19-bericht.md": "report",
    }
    january = november.article("2021-01-19-bericht.md")
    assert january["participants"] == {"named": [], "extra": 12, "total": 12, "exact": True}
    assert november.article("2020-11-05-einladung.md")["date"] == "2020-11-17"


# --- pages ---------------------------------------------------------------------------


def test_pages_show_the_participants_partial_and_a_linked_next_card(november):
    seed = november.article("2020-10-20-bericht.md")
    soup = BeautifulSoup(november.page(seed["url"]).read_text(encoding="utf-8"), "html.parser")
    participants = soup.select_one("div.participants")
    people = [li.get_text(" ", strip=True) for li in participants.select("li")]
    assert len(people) == 5  # four named, one line for the five others
    assert people[2].startswith("Philipp") and "ML-Engineer & start-up co-founder" in people[2]
    assert "5 weitere" in people[-1]
    assert participants.select_one(".count").get_text(strip=True) == "9 Teilnehmende"
    # The list as written is gone: each name shows once, in the partial.
    assert soup.get_text().count("AKKA") == 1

    card = soup.select_one("div.next-card")
    assert card.find_previous(re.compile("h[1-6]")).get_text(strip=True) == "next"
    assert card.time["datetime"] == "2020-11-17T19:00:00+01:00"  # the announced time
    link = card.find("a")
    assert link["href"] == november.article("2020-11-17-bericht.md")["url"]


def _card_and_remarks(site: Site, source: str):
    soup = BeautifulSoup(site.page(site.article(source)["url"]).read_text(encoding="utf-8"),
                         "html.parser")
    card = soup.select_one("article div.next-card")
    remarks = [" ".join(block.get_text(" ").split()) for block in card.select(".remarks .remark")]
    return soup, card, remarks


def test_the_next_card_keeps_what_else_the_section_says(november):
    source = (ARCHIVE / "2021-01-19-bericht.md").read_text(encoding="utf-8")
    assert "Dienstag, 16. Februar 2021, 18:30 Uhr -- noch einmal online\n" in source
    soup, card, remarks = _card_and_remarks(november, "2021-01-19-bericht.md")
    assert card.time["datetime"] == "2021-02-16T18:30:00+01:00"
    assert [li.get_text(strip=True) for li in card.select(".talk-list li")] == [
        "Henrike: Datenqualität messen"]
    # The date line's own remark, without the date it followed.
    assert remarks[0] == "noch einmal online"
    assert not any(word in " ".join(remarks) for word in ("Dienstag", "Februar", "16.", "18:30"))
    assert remarks[1:] == [
        "weitere Themen gerne melden",
        "Außerdem: Hackathon „Offene Verwaltungsdaten“ am 27./28.2., Infos und Anmeldung unter "
        "https://example.org/hackathon-2021",
        "Bis dahin!",
    ]
    link = card.select_one(".remarks a")
    assert link["href"] == link.get_text() == "https://example.org/hackathon-2021"
    # Shown once, in the card: the section as written is replaced.
    assert soup.find("article").get_text().count("Bis dahin!") == 1
    # The seed's call to action is no talk, but it stays on the page.
    _, seed_card, seed_remarks = _card_and_remarks(november, "2020-10-20-bericht.md")
    assert seed_card.select(".talk-list") == []
    assert seed_remarks == ["meldet euch wenn ihr Vorträge habt!"]


def test_remarks_reach_the_json_and_the_feed(november):
    assert november.article("2021-01-19-bericht.md")["next"]["remarks"] == [
        "noch einmal online",
        "weitere Themen gerne melden",
        'Außerdem: Hackathon "Offene Verwaltungsdaten" am 27./28.2., Infos und Anmeldung unter '
        "https://example.org/hackathon-2021",
        "Bis dahin!",
    ]
    assert november.article("2020-10-20-bericht.md")["next"]["remarks"] == [
        "meldet euch wenn ihr Vorträge habt!"]
    feed = (november.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "noch einmal online" in feed
    assert "https://example.org/hackathon-2021" in feed


def test_no_intrasite_placeholder_survives(november):
    for path in november.output.rglob("*"):
        if path.suffix in (".html", ".xml", ".json"):
            assert "{filename}" not in path.read_text(encoding="utf-8"), path


def test_a_cached_rebuild_writes_the_same_bytes(november, november_again):
    def files(site: Site) -> dict[str, bytes]:
        return {
            str(path.relative_to(site.output)): path.read_bytes()
            for path in sorted(site.output.rglob("*"))
            if path.is_file() and "pagefind" not in path.parts
        }

    first, second = files(november), files(november_again)
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
    assert "meetups.json" in first and "meetups.ics" in first


# --- calendars --------------------------------------------------------------------------


def events_by_date(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {event.decoded("DTSTART").date().isoformat(): event
            for event in calendar.walk("VEVENT")}


def test_calendar_holds_every_meeting_with_timezone_and_stable_uids(november):
    calendar = november.calendar()
    events = events_by_date(calendar)
    # 2021-02-16 is only named in a "next" section, but still ahead on 2020-11-10.
    assert sorted(events) == ["2020-10-20", "2020-11-17", "2020-12-15", "2021-01-19",
                              "2021-02-16"]
    for day, event in events.items():
        assert str(event["UID"]) == f"{day}@{UID_DOMAIN}"
        assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
        assert str(event["STATUS"]) == "CONFIRMED"
        assert event.decoded("DTSTAMP") == dt.datetime(2020, 11, 10, 11, 0, tzinfo=dt.timezone.utc)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    november_meeting = events["2020-11-17"]
    assert november_meeting.decoded("DTSTART") == dt.datetime(2020, 11, 17, 19, 0, tzinfo=BERLIN)
    assert str(november_meeting["LOCATION"]) == "Online (Jitsi, Link nach Anmeldung)"
    assert str(november_meeting["URL"]) == november.article("2020-11-17-bericht.md")["url"]
    assert "fastai Kapitel 2" in str(november_meeting["DESCRIPTION"])


def test_each_meeting_page_has_its_own_calendar_file(november):
    for article in november.json()["articles"]:
        beside_page = november.page(article["url"]).parent / "termin.ics"
        if article["kind"] == "other":
            assert not beside_page.exists()
            continue
        events = november.calendar(str(beside_page.relative_to(november.output))).walk("VEVENT")
        assert [str(e["UID"]) for e in events] == [f"{article['date']}@{UID_DOMAIN}"]
    by_date = november.calendar("termine/2021-02-16.ics").walk("VEVENT")
    assert [str(e["UID"]) for e in by_date] == [f"2021-02-16@{UID_DOMAIN}"]


def test_uids_stay_the_same_in_a_later_build(november, counted):
    before, later = events_by_date(november.calendar()), events_by_date(counted.calendar())
    for day in ("2020-10-20", "2020-11-17", "2020-12-15", "2021-01-19"):
        assert str(later[day]["UID"]) == str(before[day]["UID"])
        assert later[day].decoded("DTSTART") == before[day].decoded("DTSTART")


def test_with_nothing_ahead_the_next_meeting_comes_from_the_recurrence(counted):
    upcoming = counted.json()["next"]
    assert upcoming == {
        "date": "2026-01-20", "time": "18:30", "tentative": True, "title": "Nächstes Treffen",
        "url": None, "location": "Stuttgart", "talks": [], "source": "recurrence",
        "venue": None, "moved_from": None, "called_off": [],
    }
    events = events_by_date(counted.calendar())
    # 2021-02-16 lies in the past now and got neither report nor announcement.
    assert sorted(events) == ["2020-10-20", "2020-11-17", "2020-12-15", "2021-01-19",
                              "2026-01-20"]
    assert str(events["2026-01-20"]["STATUS"]) == "TENTATIVE"
    assert str(events["2020-11-17"]["STATUS"]) == "CONFIRMED"
    own = counted.calendar("termine/2026-01-20.ics").walk("VEVENT")
    assert [str(e["STATUS"]) for e in own] == ["TENTATIVE"]


# --- privacy ---------------------------------------------------------------------------------


def _texts(site: Site):
    """Every output file as text; gzip files (the search index) unpacked."""
    for path in sorted(site.output.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        yield path, data.decode("utf-8", errors="replace")


def test_count_mode_shows_no_participant_name_in_any_output_file(november, counted):
    full_text = "\n".join(text for _, text in _texts(november))
    for name in HIDDEN_IN_COUNT_MODE:
        assert name in full_text, f"{name} should show with names as written"
    searched = 0
    for path, text in _texts(counted):
        searched += 1
        for name in HIDDEN_IN_COUNT_MODE:
            assert name not in text, f"{name} in {path.relative_to(counted.output)}"
    assert searched > 20
    assert (counted.output / "feeds" / "all.atom.xml").is_file()
    assert (counted.output / "pagefind").is_dir()


def test_count_mode_keeps_the_totals_and_the_speakers(counted):
    seed = counted.article("2020-10-20-bericht.md")
    assert seed["participants"] == {"named": [], "extra": 9, "total": 9, "exact": True}
    soup = BeautifulSoup(counted.page(seed["url"]).read_text(encoding="utf-8"), "html.parser")
    participants = soup.select_one("div.participants")
    assert participants.select("li") == []
    assert participants.get_text(strip=True) == "9 Teilnehmende"
    assert "Andreas: Hosting of ML" in soup.get_text()  # speakers stay named
    feed = (counted.output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "9 Teilnehmende" in feed  # the feed carries the rewritten body


def _participant_names(site: Site, source: str) -> list[str]:
    soup = BeautifulSoup(site.page(site.article(source)["url"]).read_text(encoding="utf-8"),
                         "html.parser")
    return [name.get_text() for name in soup.select("article .participants .name")]


@pytest.mark.parametrize("source, written, shown", [
    ("2020-11-17-bericht.md", ["Uwe", "Dr. Friederike Quastenberg", "Bartholomäus", "Andreas"],
     ["Uwe", "Friederike", "Bartholomäus", "Andreas"]),
    # A title is dropped, the first word kept: "Dr. K. Maier" shows as "K.".
    ("2020-12-15-bericht.md", ["Andreas", "Zoltan", "Henrike Wollenweber", "Dr. K. Maier"],
     ["Andreas", "Zoltan", "Henrike", "K."]),
])
def test_first_mode_shows_first_names_in_widget_and_json(november, first_names, source, written,
                                                         shown):
    assert _participant_names(november, source) == written
    assert _participant_names(first_names, source) == shown
    named = first_names.article(source)["participants"]["named"]
    assert [person["name"] for person in named] == shown
    # Roles and organisations stay.
    assert [(p["role"], p["org"]) for p in named] == [
        (p["role"], p["org"]) for p in november.article(source)["participants"]["named"]]


def test_first_mode_shows_no_family_name_in_any_output_file(november, first_names):
    full_text = "\n".join(text for _, text in _texts(november))
    for surname in SURNAMES:
        assert surname in full_text, f"{surname} should show with names as written"
    searched = {".html": 0, ".json": 0, ".ics": 0}
    for path, text in _texts(first_names):
        for surname in SURNAMES:
            assert surname not in text, f"{surname} in {path.relative_to(first_names.output)}"
        if path.suffix in searched:
            searched[path.suffix] += 1
    assert min(searched.values()) > 0, searched
