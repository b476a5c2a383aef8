"""Markup in content: the raw-HTML policy and escaping everywhere else.

Policy (docs/content-rules.md): organizers are trusted, so raw HTML in the
BODY of a report stays as written.  Everything the plugin takes out of the
content and puts somewhere else (participant widget, next-meetup box, titles
in lists, meetups.json, meetups.ics, the Atom feed, JSON-LD) must stay inert
text there: no element, no event handler, no way out of a <script> block.

These tests depend on the glue (plugins/meetup/glue/articles.py) and the theme; one
production build of a tiny site with injected markup is shared by all.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from hostile_helpers import Site, assert_built, settings_file

pytestmark = pytest.mark.slow

REPORT = """\
Title: Bericht XSS-TITEL <script>alert("titel")</script> November
Date: 2025-11-18 18:30
Summary: Ein Abend über Sicherheit.

## Protokoll

Rohes HTML bleibt, wie es geschrieben ist: <span class="roh">ROH-SPAN</span>

<iframe src="about:blank" title="ROH-IFRAME"></iframe>

<script>window.rohesSkript = 1;</script>

### Teilnehmer

- Mallory-NAME <img src=x onerror=alert("name")>, Rolle <b>fett</b>, Firma </li><script>alert("org")</script>
- Anna, Data Scientist, ACME

### Eve: Vortrag XSS-VORTRAG <iframe src="//evil.example/"></iframe>

- Inhalt

### next

- Termin: 20.01.2026
- Themen:
    - Trudy: XSS-NEXT <script>alert("next")</script> Tricks
- Hinweis: <span class="roh-hinweis">ROH-HINWEIS</span></li></ul></div></article> <b>offen
- NACH-DEM-HINWEIS
"""

ANNOUNCEMENT = """\
Title: Einladung XSS-EINLADUNG </script><script>alert("ld")</script>
Date: 2025-11-25 12:00

### Wann:

20. Januar 2026 um 18:30

### Wo:

XSS-ORT <script>alert("ort")</script> Raum 1

### Vorträge

- Trudy: XSS-NEXT <script>alert("next")</script> Tricks

### Anmeldung

<https://www.meetup.com/example-ml-group/>
"""

DANGEROUS_TAGS = ("script", "iframe", "img", "object", "embed", "svg", "style")
SITEURL = "https://example.org/meetup"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    root = tmp_path_factory.mktemp("markup")
    conf = settings_file(root / "conf", base="publishconf", SITEURL=SITEURL, FEED_DOMAIN=SITEURL)
    site = Site(root / "site", conf)
    site.add("2025-11-18-bericht.md", REPORT)
    site.add("2026-01-20-einladung.md", ANNOUNCEMENT)
    site.add("pages/about.md", "Title: Über uns\nSlug: ueber-uns\n\nText.\n")
    assert_built(site.build(), site)
    return site


def page(site: Site, relative: str) -> BeautifulSoup:
    return BeautifulSoup(site.read(relative), "html.parser")


def article_page(site: Site, marker: str) -> str:
    """The output path of the article whose title carries ``marker``."""
    for path in sorted(site.output.glob("*/index.html")):
        title = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").find("h1")
        if title is not None and marker in title.get_text():
            return path.relative_to(site.output).as_posix()
    raise AssertionError(f"no page with {marker} in its <h1>")


def assert_inert(element, *markers: str) -> None:
    """No dangerous element or event handler inside, the markers shown as text."""
    assert element is not None, "element missing"
    for tag in element.find_all(True):
        assert tag.name not in DANGEROUS_TAGS, f"<{tag.name}> inside: {tag}"
        handlers = [name for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, f"event handler {handlers} inside: {tag}"
    shown = element.get_text(" ")
    for marker in markers:
        assert marker in shown, f"{marker} not shown in {shown!r}"


def assert_page_inert(soup: BeautifulSoup) -> None:
    """A list page: only the theme's own scripts, nothing injected anywhere."""
    for script in soup.find_all("script"):
        if script.get("type") == "application/ld+json":
            json.loads(script.string)
            continue
        assert "alert(" not in (script.string or ""), f"injected script: {script}"
    for tag in soup.find_all(("iframe", "img", "object", "embed")):
        assert "evil" not in str(tag) and tag.get("src") != "x", f"injected element: {tag}"
    for tag in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), f"handler in {tag}"


# --- The body keeps raw HTML ----------------------------------------------------------------


def test_raw_html_in_the_body_stays_as_written(site):
    main = page(site, article_page(site, "XSS-TITEL")).find("main")
    assert main.find("span", class_="roh").get_text() == "ROH-SPAN"
    assert main.find("iframe", title="ROH-IFRAME") is not None
    assert any("window.rohesSkript" in (s.string or "") for s in main.find_all("script"))


# --- Everything taken out of the content is inert ---------------------------------------------


def test_participant_widget(site):
    soup = page(site, article_page(site, "XSS-TITEL"))
    assert_inert(soup.find(class_="participants"), "Mallory-NAME", "Anna")


def test_next_card_in_the_report(site):
    soup = page(site, article_page(site, "XSS-TITEL"))
    assert_inert(soup.find(class_="next-card"), "XSS-NEXT")


def test_raw_html_in_a_remark_stays_inside_the_card(site):
    # Remarks are body content (raw HTML kept), but end tags written in one
    # cannot close the card, and what it leaves open is closed.
    soup = page(site, article_page(site, "XSS-TITEL"))
    card = soup.find(class_="next-card")
    remarks = card.select(".remarks > .remark")
    assert [" ".join(r.get_text(" ").split()) for r in remarks] == [
        "Hinweis: ROH-HINWEIS offen", "NACH-DEM-HINWEIS"]
    assert remarks[0].find("span", class_="roh-hinweis").get_text() == "ROH-HINWEIS"
    # The card still ends with its own link, and the page after it is intact.
    assert card.find_all("p")[-1].get_text() == "Zur Einladung"
    assert card.find_parent("article") is soup.find("article")
    assert soup.select_one("main + aside#next-meetup") is not None


def test_next_meetup_box_on_the_home_page(site):
    soup = page(site, "index.html")
    assert_inert(soup.find(id="next-meetup"), "XSS-ORT", "XSS-NEXT", "XSS-EINLADUNG")


@pytest.mark.parametrize("relative", ["index.html", "archiv/index.html", "vortraege/index.html",
                                      "statistik/index.html", "suche/index.html"])
def test_list_pages_are_inert(site, relative):
    assert_page_inert(page(site, relative))


def test_titles_in_the_archive(site):
    soup = page(site, "archiv/index.html")
    links = [a for a in soup.find_all("a") if "XSS-TITEL" in a.get_text()]
    assert links, "report missing in the archive"
    for link in links:
        assert_inert(link, "XSS-TITEL")


def test_talks_list(site):
    soup = page(site, "vortraege/index.html")
    assert "XSS-VORTRAG" in soup.find("main").get_text(" ")


def test_head_title_and_json_ld(site):
    for marker in ("XSS-TITEL", "XSS-EINLADUNG"):
        soup = page(site, article_page(site, marker))
        assert marker in soup.find("title").get_text()
        blocks = soup.find_all("script", type="application/ld+json")
        assert blocks, "no JSON-LD"
        for block in blocks:
            data = json.loads(block.string)
            assert marker in json.dumps(data, ensure_ascii=False)
        # The body may hold raw scripts (policy); the head holds only the theme's.
        head_scripts = [s for s in soup.find("head").find_all("script")
                        if s.get("type") != "application/ld+json"]
        assert not [s for s in head_scripts if "alert(" in (s.string or "")], \
            "script escaped from JSON-LD or <title>"


def test_meetups_json_parses_back(site):
    data = json.loads(site.read("meetups.json"))
    strings = []

    def collect(value):
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)
        elif isinstance(value, str):
            strings.append(value)

    collect(data)
    for marker in ("XSS-TITEL", "XSS-EINLADUNG", "XSS-ORT", "XSS-NEXT", "Mallory-NAME"):
        assert any(marker in s for s in strings), f"{marker} missing in meetups.json"


def test_meetups_ics_parses_back(site):
    calendar = icalendar.Calendar.from_ical(site.read("meetups.ics"))
    events = {str(e.get("DTSTART").dt.date()): e for e in calendar.walk("VEVENT")}
    assert "2026-01-20" in events, sorted(events)
    event = events["2026-01-20"]
    assert "XSS-ORT" in str(event.get("LOCATION"))
    assert "XSS-NEXT" in str(event.get("DESCRIPTION"))
    assert len(calendar.walk("VEVENT")) == len(events)
    # Plain text fields: markup is kept as characters or dropped, never a new property.
    assert not any(line.startswith("<") for line in site.read("meetups.ics").splitlines())


def test_atom_feed_titles_are_text(site):
    raw = site.read("feeds/all.atom.xml")
    root = ET.fromstring(raw)
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    titles = [entry.find("atom:title", ns) for entry in root.findall("atom:entry", ns)]
    ours = [t for t in titles if "XSS-TITEL" in (t.text or "") or "XSS-EINLADUNG" in (t.text or "")]
    assert len(ours) == 2, [t.text for t in titles]
    for title in ours:
        assert len(title) == 0, "element inside an Atom title"
        if title.get("type") in ("html", "xhtml"):
            assert "<" not in title.text, f"markup in an html-typed title: {title.text!r}"
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert all("<script" not in entry.title for entry in parsed.entries)
