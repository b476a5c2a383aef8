"""The theme's Jinja filters and the attendance chart, on plain values."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from pelican.plugins.meetup.site import chart
from pelican.plugins.meetup.rendering import template_filters as tf
from pelican.plugins.meetup.reading.model import Participants

BERLIN = ZoneInfo("Europe/Berlin")
START = dt.datetime(2026, 1, 20, 18, 30, tzinfo=BERLIN)
END = START + dt.timedelta(minutes=150)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    ("value", "style", "expected"),
    [
        (dt.date(2026, 1, 20), "long", "Dienstag, 20. Januar 2026"),
        (dt.date(2025, 3, 18), "medium", "18. März 2025"),
        (dt.datetime(2024, 12, 3, 9, 5), "short", "03.12.2024"),
        (dt.date(2025, 5, 1), "month", "Mai 2025"),
        (None, "long", ""),
    ],
)
def test_german_dates_without_os_locale(value, style, expected):
    assert tf.de_date(value, style) == expected


def test_times_and_date_times_in_german():
    assert tf.de_time(dt.time(18, 30)) == "18:30 Uhr"
    assert tf.de_time(dt.time(9, 5)) == "09:05 Uhr"
    assert tf.de_time(None) == ""
    assert tf.de_datetime(START) == "Dienstag, 20. Januar 2026, 18:30 Uhr"
    assert tf.de_datetime(dt.date(2026, 1, 20)) == "Dienstag, 20. Januar 2026"
    assert tf.de_datetime(dt.date(2026, 1, 20), dt.time(19, 0), "medium") == "20. Januar 2026, 19:00 Uhr"


def test_iso_keeps_the_offset_for_time_elements():
    assert tf.iso(START) == "2026-01-20T18:30:00+01:00"
    assert tf.iso(dt.datetime(2025, 6, 17, 18, 30, tzinfo=BERLIN)) == "2025-06-17T18:30:00+02:00"
    assert tf.iso(dt.date(2025, 6, 17)) == "2025-06-17"


def test_numbers_use_the_german_decimal_comma():
    assert tf.de_number(8.4567) == "8,5"
    assert tf.de_number(12.0) == "12"
    assert tf.de_number(1234.25, 2) == "1.234,25"


def test_participant_count_says_when_it_is_a_lower_bound():
    assert tf.participant_count(Participants(total=9)) == "9 Teilnehmende"
    assert tf.participant_count(Participants(total=7, exact=False)) == "mindestens 7 Teilnehmende"
    assert tf.participant_count(Participants(total=1)) == "1 Person"
    assert tf.participant_count(None) == ""


@pytest.mark.parametrize(
    ("location", "mode"),
    [
        ("Coworking Space Mitte, Königstraße 1, 70173 Stuttgart", "Offline"),
        ("online (Jitsi)", "Online"),
        ("Virtuelles Treffen", "Online"),
        (None, None),
        ("", None),
    ],
)
def test_attendance_mode_from_the_location_text(location, mode):
    expected = f"https://schema.org/{mode}EventAttendanceMode" if mode else None
    assert tf.attendance_mode(location) == expected


def test_google_calendar_link_carries_utc_times_title_and_place():
    url = tf.google_calendar_url(START, END, "Treffen & Vorträge", "Königstraße 1, Stuttgart",
                                 "https://example.org/einladung/")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "calendar.google.com", "/calendar/render")
    query = parse_qs(parts.query)
    assert query["action"] == ["TEMPLATE"]
    assert query["text"] == ["Treffen & Vorträge"]
    assert query["dates"] == ["20260120T173000Z/20260120T200000Z"]
    assert query["location"] == ["Königstraße 1, Stuttgart"]
    assert query["details"] == ["https://example.org/einladung/"]


def test_outlook_calendar_link_carries_utc_times_title_and_place():
    url = tf.outlook_calendar_url(START, END, "Treffen", "Stuttgart")
    parts = urlsplit(url)
    assert parts.netloc == "outlook.live.com"
    assert parts.path == "/calendar/0/deeplink/compose"
    query = parse_qs(parts.query)
    assert query["subject"] == ["Treffen"]
    assert query["startdt"] == ["2026-01-20T17:30:00Z"]
    assert query["enddt"] == ["2026-01-20T20:00:00Z"]
    assert query["location"] == ["Stuttgart"]
    assert "body" not in query  # no details given, none invented


def _jsonld(markup: str) -> dict:
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', str(markup), re.S)
    assert match, markup
    return json.loads(match.group(1))


def test_event_jsonld_for_a_place():
    event = _jsonld(tf.event_jsonld(
        name="Einladung", start=START, end=END, location="Königstraße 1, Stuttgart",
        url="https://example.org/einladung/", organizer="ML Gruppe",
        organizer_url="https://example.org/", signup_url="https://meetup.example/",
    ))
    assert event["@type"] == "Event"
    assert event["startDate"] == "2026-01-20T18:30:00+01:00"
    assert event["endDate"] == "2026-01-20T21:00:00+01:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"] == {"@type": "Place", "name": "Königstraße 1, Stuttgart",
                                 "address": "Königstraße 1, Stuttgart"}
    assert event["organizer"] == {"@type": "Organization", "name": "ML Gruppe",
                                  "url": "https://example.org/"}
    assert event["offers"]["url"] == "https://meetup.example/"


def test_event_jsonld_online_and_relative_urls_left_out():
    event = _jsonld(tf.event_jsonld(name="X", start=START, location="online",
                                    url="../einladung/", signup_url="https://meetup.example/"))
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["location"]["url"] == "https://meetup.example/"
    assert "url" not in event  # relative: useless for structured data


def test_event_jsonld_cannot_close_its_script_element():
    markup = str(tf.event_jsonld(name="</script><script>alert(1)</script>", start=START))
    assert markup.count("</script>") == 1
    assert _jsonld(markup)["name"] == "</script><script>alert(1)</script>"


def test_event_jsonld_without_location_claims_no_attendance_mode():
    event = _jsonld(tf.event_jsonld(name="X", start=START))
    assert "location" not in event and "eventAttendanceMode" not in event


SERIES = [
    (dt.date(2024, 1, 16), 9, True),
    (dt.date(2024, 2, 20), 7, False),
    (dt.date(2024, 11, 19), 12, True),
    (dt.date(2025, 3, 18), 14, True),
]


def _svg(series=SERIES, **options) -> ET.Element:
    text = chart.attendance_svg(
        series, title="Teilnehmende", description="Verlauf",
        point_label=lambda day, total, exact: f"{day}: {total}", **options,
    )
    return ET.fromstring(text)


def test_chart_draws_one_point_per_meeting_and_marks_open_counts():
    svg = _svg()
    circles = svg.findall(f"{SVG}circle")
    assert len(circles) == len(SERIES)
    assert [c.get("class") for c in circles] == ["point", "point open", "point", "point"]
    assert [c.find(f"{SVG}title").text for c in circles] == [f"{d}: {t}" for d, t, _ in SERIES]
    assert len(svg.findall(f"{SVG}line[@class='series']")) == len(SERIES) - 1


def test_chart_positions_follow_dates_and_counts():
    circles = _svg().findall(f"{SVG}circle")
    xs = [float(c.get("cx").rstrip("%")) for c in circles]
    ys = [float(c.get("cy")) for c in circles]
    assert xs[0] == pytest.approx(chart.LEFT) and xs[-1] == pytest.approx(chart.RIGHT)
    assert xs == sorted(xs)
    # More people: higher up (smaller y).  14 is the top of a 0..15 scale.
    assert ys[3] < ys[2] < ys[0] < ys[1]
    bottom = chart.HEIGHT - chart.BOTTOM
    assert ys[3] == pytest.approx(chart.TOP + (bottom - chart.TOP) * (1 - 14 / 15))


def test_chart_is_labelled_for_assistive_technology():
    svg = _svg(id_prefix="verlauf")
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "verlauf-title verlauf-desc"
    assert svg.find(f"{SVG}title").get("id") == "verlauf-title"
    assert svg.find(f"{SVG}desc").text == "Verlauf"
    years = [t.text for t in svg.findall(f"{SVG}text") if t.text and len(t.text) == 4]
    assert years == ["2024", "2025"]


def test_chart_escapes_text_and_handles_edge_cases():
    text = chart.attendance_svg(SERIES[:1], title="<b>&", description="x",
                                point_label=lambda *_: "<script>")
    assert "<b>" not in text and "<script>" not in text
    ET.fromstring(text)  # still well-formed
    single = _svg(SERIES[:1]).find(f"{SVG}circle")
    assert float(single.get("cx").rstrip("%")) == pytest.approx((chart.LEFT + chart.RIGHT) / 2)
    assert chart.attendance_svg([], title="t", description="d", point_label=str) == ""


def test_chart_is_deterministic_and_order_independent():
    first = chart.attendance_svg(SERIES, title="t", description="d", point_label=lambda *a: "")
    again = chart.attendance_svg(list(reversed(SERIES)), title="t", description="d",
                                 point_label=lambda *a: "")
    assert first == again


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # An announcement written with ### only: becomes h2 under the page's h1.
        ('<h3 id="wann">Wann:</h3><p>x</p><h3>Wo:</h3>', '<h2 id="wann">Wann:</h2><p>x</p><h2>Wo:</h2>'),
        # A report (## / ### / ####) keeps its levels.
        ("<h2>P</h2><h3>I</h3><h4>A</h4><h3>B</h3>", "<h2>P</h2><h3>I</h3><h4>A</h4><h3>B</h3>"),
        # Gaps are closed: ## then #### becomes h2, h3.
        ("<h2>P</h2><h4>A</h4>", "<h2>P</h2><h3>A</h3>"),
        # A deeper heading first never skips a level below h1.
        ("<h3>A</h3><h2>B</h2><h3>C</h3>", "<h2>A</h2><h2>B</h2><h3>C</h3>"),
        ("<p>keine Überschrift</p>", "<p>keine Überschrift</p>"),
        ("<pre>&lt;h3&gt;code&lt;/h3&gt;</pre>", "<pre>&lt;h3&gt;code&lt;/h3&gt;</pre>"),
    ],
)
def test_heading_outline_never_skips_a_level(html, expected):
    assert str(tf.heading_outline(html)) == expected
