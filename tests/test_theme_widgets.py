"""Widgets in their other states, on tiny built sites: a tentative next date,
no next date at all, the privacy setting, markup in participant lists."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from browser.theme_sites import HOSTILE_NAME, HOSTILE_ORG, HOSTILE_ROLE, build_tiny_site

pytestmark = pytest.mark.slow

REPORT_PATH = "bericht-vom-treffen-im-oktober-2025/index.html"


@pytest.fixture(scope="module")
def tentative_site(tmp_path_factory):
    """The recurrence rule of pelicanconf.py gives the next date."""
    return build_tiny_site(tmp_path_factory.mktemp("theme-tentative"))


@pytest.fixture(scope="module")
def unknown_site(tmp_path_factory):
    """No rule, no announcement: nothing is known about the next meeting;
    names hidden by the privacy setting."""
    return build_tiny_site(tmp_path_factory.mktemp("theme-unknown"), MEETUP_RECURRENCE=None,
                           MEETUP_PARTICIPANT_NAMES="count")


def soup_of(site, path="index.html") -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def test_a_guessed_date_is_marked_tentative(tentative_site):
    for path in ("index.html", REPORT_PATH, "archiv/index.html"):
        box = soup_of(tentative_site, path).find(id="next-meetup")
        when = box.find("time")
        # Third Tuesday of January 2026: December is skipped by the rule.
        assert when["datetime"] == "2026-01-20T18:30:00+01:00", path
        assert when.get_text() == "Dienstag, 20. Januar 2026, 18:30 Uhr"
        assert box.select_one(".tentative").get_text() == "(voraussichtlich)"
        assert "Programm steht noch nicht fest" in box.get_text()
        assert box.find("a", string="Zur Anmeldung")


def test_no_known_date_says_so_plainly(unknown_site):
    for path in ("index.html", REPORT_PATH):
        box = soup_of(unknown_site, path).find(id="next-meetup")
        text = " ".join(box.get_text(" ").split())
        assert "Der nächste Termin wird bald bekannt gegeben." in text, path
        # No date to add; subscribing to all meetings stays (the next one arrives by itself).
        assert box.find("time") is None and not box.select(".calendar:not(.subscribe)")
        assert box.select_one(".subscribe a")["href"].endswith("meetups.ics")
        assert box.find("h2").get_text() == "Nächstes Treffen"
    # Without a date there is no event to describe either.
    assert soup_of(unknown_site).find("script", type="application/ld+json") is None


def test_privacy_count_shows_the_count_but_no_names(unknown_site):
    html = (unknown_site / REPORT_PATH).read_text(encoding="utf-8")
    widget = BeautifulSoup(html, "html.parser").select_one("article .participants")
    assert widget.select_one(".count").get_text() == "5 Teilnehmende"
    assert widget.find("li") is None
    for name in ("Berta", "Carla Beispiel", "alert(1)"):
        # The talk heading still names its speaker ("Berta: ..."); the list does not.
        assert name not in widget.get_text()
    assert "Carla" not in html


def test_markup_in_participant_lists_is_shown_as_text(tentative_site):
    html = (tentative_site / REPORT_PATH).read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    widget = soup.select_one("article .participants")
    lines = [" ".join(li.get_text().split()) for li in widget.find_all("li")]
    assert lines[0] == f"{HOSTILE_NAME} – Data Scientist, Evil & Co"
    # Raw tags are shown as written, as text.
    assert lines[1] == f"Berta – {HOSTILE_ROLE}, {HOSTILE_ORG}"
    assert lines[2] == "Carla Beispiel – Studentin, Uni Stuttgart"
    assert lines[3] == "+ 2 weitere"
    assert widget.select_one(".count").get_text() == "5 Teilnehmende"
    # Only the theme's own scripts exist; nothing from the list became an element.
    assert not widget.find_all(["script", "img", "b"])
    scripts = [s for s in soup.find_all("script") if not s.get("type")]
    assert all("alert" not in (s.string or "") for s in scripts)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The raw Markdown list is replaced, not repeated below the widget.
    assert len(re.findall(r"Carla Beispiel", soup.find("article").get_text())) == 1


def test_event_attendance_mode_from_place_or_title(tentative_site):
    def event(path):
        script = soup_of(tentative_site, path).find("script", type="application/ld+json")
        return json.loads(script.string)

    usual = event(REPORT_PATH)
    assert usual["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert usual["location"] == {"@type": "Place", "name": "Stuttgart", "address": "Stuttgart"}
    assert usual["startDate"] == "2025-10-21T18:30:00+02:00"
    virtual = event("bericht-virtuelles-treffen-im-september-2025/index.html")
    assert virtual["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert virtual["location"]["@type"] == "VirtualLocation"
    assert virtual["startDate"] == "2025-09-16T19:00:00+02:00"
