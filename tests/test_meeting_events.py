"""Meetings as events: venues, cancelled and moved meetings, calendars to subscribe to.

Real builds (``invoke build``) of the demo and of tiny sites; the assertions are on what
a visitor sees (page text, links, JSON-LD) and on the files a calendar app gets: every
.ics file is parsed back with icalendar and with the independent ``ics`` parser.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import ics
import icalendar
import pytest
from bs4 import BeautifulSoup

from hostile_helpers import GOOD_REPORT, Site, assert_built, settings_file

pytestmark = pytest.mark.slow

VENUES = {
    "Coworking Space Mitte": {
        "address": "Königstraße 1, 70173 Stuttgart", "lat": 48.7795, "lon": 9.1772,
        "directions": "Stadtbahn bis Schlossplatz", "accessibility": "Aufzug in den 2. Stock",
    },
    "Kellerraum": {"address": "Hinterhof 2, 70180 Stuttgart"},
}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(element) -> str:
    return " ".join(element.get_text().split())


def parse_both(path: Path):
    """The file as icalendar and as ics read it; both must agree on the events."""
    data = path.read_text(encoding="utf-8")
    first = icalendar.Calendar.from_ical(data)
    second = ics.Calendar(data)
    ours = sorted(str(event["UID"]) for event in first.walk("VEVENT"))
    theirs = sorted(event.uid for event in second.events)
    assert ours == theirs, path
    return first, second


def events_by_uid(calendar: icalendar.Calendar) -> dict:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


# --- the demo -------------------------------------------------------------------------


def test_every_calendar_file_of_the_demo_parses_with_two_parsers(demo_site_production):
    files = sorted(demo_site_production.rglob("*.ics"))
    assert len(files) > 30
    for path in files:
        calendar, other = parse_both(path)
        for event in calendar.walk("VEVENT"):
            assert event.get("DTSTART").dt.tzinfo is not None
            assert int(event["SEQUENCE"]) >= 0
        for event in other.events:
            assert event.begin is not None and event.end > event.begin


def test_the_subscribed_calendar_says_how_often_to_refresh(demo_site_production):
    raw = (demo_site_production / "meetups.ics").read_bytes().decode("utf-8")
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in raw
    assert "X-PUBLISHED-TTL:PT12H\r\n" in raw
    calendar, _ = parse_both(demo_site_production / "meetups.ics")
    assert calendar["REFRESH-INTERVAL"].dt.total_seconds() == 12 * 3600
    # A single meeting's file is no subscription.
    assert "REFRESH-INTERVAL" not in (demo_site_production / "termine" / "2026-01-20.ics").read_text()


def test_the_demo_venue_reaches_page_box_json_ld_and_calendar(demo_site_production):
    page = soup(demo_site_production / "einladung-zum-treffen-am-20-januar-2026" / "index.html")
    venue = page.select_one("main .venue")
    assert "Coworking Space Mitte, Königstraße 1, 70173 Stuttgart" in text(venue)
    link = venue.find("a")
    assert link["href"] == ("https://www.openstreetmap.org/?mlat=48.77950&mlon=9.17720"
                            "#map=18/48.77950/9.17720")
    assert text(link) == "Karte (OpenStreetMap)"
    assert "Anfahrt:" in text(venue) and "Barrierefreiheit:" in text(venue)
    # Nothing embedded: no frame, no map image, no script from the map's host.
    assert not page.select("iframe, img[src*=openstreetmap], script[src]")
    box = page.select_one("#next-meetup .where")
    assert "Königstraße 1" in text(box) and box.find("a")["href"].startswith(
        "https://www.openstreetmap.org/?mlat=48.77950")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["location"] == {
        "@type": "Place", "name": "Coworking Space Mitte",
        "address": {"@type": "PostalAddress", "streetAddress": "Königstraße 1",
                    "postalCode": "70173", "addressLocality": "Stuttgart"},
        "geo": {"@type": "GeoCoordinates", "latitude": 48.7795, "longitude": 9.1772}}
    calendar, _ = parse_both(demo_site_production / "termine" / "2026-01-20.ics")
    event = calendar.walk("VEVENT")[0]
    assert str(event["LOCATION"]) == "Coworking Space Mitte, Königstraße 1, 70173 Stuttgart"
    assert (event["GEO"].latitude, event["GEO"].longitude) == (48.7795, 9.1772)
    assert str(event["URL"]).startswith("https://example.github.io/meetup-site/")
    assert "Yvonne: Embeddings für die Produktsuche" in str(event["DESCRIPTION"])


def test_the_venues_page_lists_where_the_group_met_and_how_often(demo_site):
    page = soup(demo_site / "orte" / "index.html")
    sections = {text(s.h2): text(s) for s in page.select("main section")}
    assert list(sections)[:2] == ["Coworking Space Mitte", "Neckar Analytics GmbH"]
    assert re.search(r"\b11 Treffen \(März 2024 – November 2025\)", sections["Coworking Space Mitte"])
    assert "3 Treffen" in sections["Neckar Analytics GmbH"]
    assert "Online (Jitsi)" in sections
    assert page.select_one('nav a[aria-current="page"]')["href"].endswith("orte/")


def test_the_cancelled_demo_meeting_shows_everywhere_and_stays_in_the_calendar(
        demo_site_production):
    page = soup(demo_site_production / "einladung-zum-treffen-am-17-februar-2026" / "index.html")
    assert text(page.select_one("main .change")) == "Abgesagt: Das Treffen findet nicht statt."
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    archive = soup(demo_site_production / "archiv" / "index.html")
    item = next(li for li in archive.select("ul.meetings li") if "17. Februar 2026" in text(li))
    assert text(item.select_one(".badge")) == "abgesagt"
    events = events_by_uid(parse_both(demo_site_production / "meetups.ics")[0])
    cancelled = events["2026-02-17@example.github.io"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert int(cancelled["SEQUENCE"]) == 1
    assert int(events["2026-01-20@example.github.io"]["SEQUENCE"]) == 0
    json_data = json.loads((demo_site_production / "meetups.json").read_text(encoding="utf-8"))
    record = next(a for a in json_data["articles"] if a["source"] == "2026-02-17-einladung.md")
    assert record["status"] == "cancelled"


def test_webcal_subscribe_link_only_with_an_absolute_siteurl(demo_site, demo_site_production):
    production = soup(demo_site_production / "index.html").select_one("#next-meetup .subscribe")
    links = {text(a): a["href"] for a in production.find_all("a")}
    assert links == {"Kalender abonnieren": "webcal://example.github.io/meetup-site/meetups.ics",
                     "herunterladen (.ics)": "https://example.github.io/meetup-site/meetups.ics"}
    local = soup(demo_site / "index.html").select_one("#next-meetup .subscribe")
    assert [a["href"] for a in local.find_all("a")] == ["./meetups.ics"]


# --- tiny sites ("now" is 2025-11-26; the rule gives the third Tuesday) ------------

# Its "next" section names 20.01.2026.
REPORT = GOOD_REPORT.replace("18.11.2025", "20.01.2026")


def announcement(day: str, title: str, body: str = "", headers: str = "",
                 where: str = "Coworking Space Mitte, Königstraße 1") -> str:
    return (f"Title: {title}\nDate: 2025-11-20 10:00\n{headers}\n{body}\n\n### Wann:\n\n{day} um 19:00"
            f"\n\n### Wo:\n\n{where}\n\n### Vorträge\n\n- Jörg: Zeitreihen\n")


def build(tmp_path, files: dict, **settings) -> Site:
    site = Site(tmp_path, settings_file(tmp_path / "conf", MEETUP_VENUES=VENUES,
                                        SITEURL="https://example.org/group", RELATIVE_URLS=False,
                                        **settings))
    site.add("2025-10-21-bericht.md", REPORT)
    for name, body in files.items():
        site.add(name, body)
    assert_built(site.build(), site)
    return site


def box(site: Site) -> BeautifulSoup:
    return soup(site.output / "index.html").select_one("#next-meetup")


def page_of(site: Site, source: str) -> BeautifulSoup:
    data = json.loads((site.output / "meetups.json").read_text(encoding="utf-8"))
    url = next(a["url"] for a in data["articles"] if a["source"] == source)
    return soup(site.output / url.removeprefix("https://example.org/group/") / "index.html")


def test_a_cancelled_meeting_moves_the_next_box_on(tmp_path):
    site = build(tmp_path, {
        "2026-01-20-einladung.md": announcement("20.01.2026", "Treffen am 20. Januar",
                                                headers="Status: abgesagt\n"),
        "2026-02-17-einladung.md": announcement("17.02.2026", "Treffen am 17. Februar",
                                                where="Kellerraum"),
    })
    shown = box(site)
    assert "17. Februar 2026" in text(shown.select_one(".when"))
    assert text(shown.select_one(".change")) == "Abgesagt: das Treffen am 20. Januar 2026"
    assert shown.select_one(".change a")["href"].endswith("/treffen-am-20-januar/")
    assert "Kellerraum, Hinterhof 2, 70180 Stuttgart" in text(shown.select_one(".where"))
    assert shown.select_one(".where a")["href"].startswith("https://www.openstreetmap.org/search?query=")
    events = events_by_uid(parse_both(site.output / "meetups.ics")[0])
    assert str(events["2026-01-20@example.org"]["STATUS"]) == "CANCELLED"
    assert int(events["2026-01-20@example.org"]["SEQUENCE"]) == 1
    assert "GEO" not in events["2026-02-17@example.org"]  # no coordinates in the settings
    assert str(events["2026-02-17@example.org"]["LOCATION"]) == "Kellerraum, Hinterhof 2, 70180 Stuttgart"
    data = json.loads((site.output / "meetups.json").read_text(encoding="utf-8"))
    assert data["next"]["date"] == "2026-02-17"
    assert data["next"]["called_off"] == [{"date": "2026-01-20", "status": "cancelled",
                                           "url": "https://example.org/group/treffen-am-20-januar/"}]
    # Its planned talk is no talk any more.
    titles = [text(title) for title in
              soup(site.output / "vortraege" / "index.html").select("main ul.talks strong")]
    assert sum("Zeitreihen" in title for title in titles) == 1


@pytest.mark.parametrize("title, first_line, shown", [
    ("Abgesagt: Treffen am 20. Januar", "", "Abgesagt"),
    ("Treffen am 20. Januar", "Das Treffen fällt leider aus, der Raum ist belegt.", "Abgesagt"),
    ("Meetup on January 20 is cancelled", "", "Abgesagt"),
    ("Treffen am 20. Januar verschoben", "", "Verschoben"),
])
def test_an_announcement_that_says_so_calls_the_meeting_off(tmp_path, title, first_line, shown):
    site = build(tmp_path, {"2026-01-20-einladung.md": announcement("20.01.2026", title,
                                                                     body=first_line)})
    page = page_of(site, "2026-01-20-einladung.md")
    assert text(page.select_one("main .change")).startswith(shown + ":")
    assert str(events_by_uid(parse_both(site.output / "meetups.ics")[0])
               ["2026-01-20@example.org"]["STATUS"]) == "CANCELLED"
    # Nothing else ahead: the next date by the rule, never the called-off one.
    assert "17. Februar 2026" in text(box(site).select_one(".when"))


def test_an_ordinary_announcement_is_not_called_off(tmp_path):
    site = build(tmp_path, {"2026-01-20-einladung.md": announcement(
        "20.01.2026", "Treffen am 20. Januar", body="Wir freuen uns auf euch.")})
    assert page_of(site, "2026-01-20-einladung.md").select_one("main .change") is None
    assert "20. Januar 2026" in text(box(site).select_one(".when"))


def test_a_moved_meeting_keeps_its_uid_with_the_new_time(tmp_path):
    site = build(tmp_path, {"2026-01-27-einladung.md": announcement(
        "27.01.2026", "Treffen am 27. Januar",
        headers="Status: verschoben\nMoved-From: 2026-01-20\n")})
    calendar, other = parse_both(site.output / "meetups.ics")
    events = events_by_uid(calendar)
    moved = events["2026-01-20@example.org"]
    assert moved["DTSTART"].dt.isoformat() == "2026-01-27T19:00:00+01:00"
    assert int(moved["SEQUENCE"]) == 1 and str(moved["STATUS"]) == "CONFIRMED"
    assert "2026-01-27@example.org" not in events  # one event, not two
    assert [e.uid for e in other.events].count("2026-01-20@example.org") == 1
    # The report's "next" section still names 20.01.: no meeting of its own any more.
    shown = box(site)
    assert "27. Januar 2026" in text(shown.select_one(".when"))
    assert "verschoben vom 20. Januar 2026" in text(shown.select_one(".when"))
    archive = soup(site.output / "archiv" / "index.html")
    dates = [text(li.time) for li in archive.select("ul.meetings li")]
    assert "27. Januar 2026" in dates and "20. Januar 2026" not in dates
    assert "verschoben vom 20. Januar 2026" in text(archive.select_one("main"))
    page = page_of(site, "2026-01-27-einladung.md")
    assert text(page.select_one("main .change")) == "Verschoben: vom 20. Januar 2026 auf diesen Termin."
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == "2026-01-20"


def test_a_broken_venue_setting_fails_with_a_clear_message(tmp_path):
    site = Site(tmp_path, settings_file(tmp_path / "conf",
                                        MEETUP_VENUES={"Saal": {"address": "A 1", "lat": 48.7}}))
    site.add("2025-10-21-bericht.md", REPORT)
    result = site.build()
    assert result.returncode == 1
    assert "MEETUP_VENUES['Saal']: \"lat\" and \"lon\" go together" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
