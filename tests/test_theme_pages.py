"""Static checks of the built pages (BeautifulSoup): structure, German UI,
head metadata, links, feeds, robots.txt and sitemap."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup

from helpers import CONTENT

pytestmark = pytest.mark.slow

SITEURL = "https://example.github.io/meetup-site"  # publishconf.py's default
ENGLISH_UI = re.compile(
    r"\b(Read more|Archives?|Categories|Tags|Posted|Next meeting|Previous|Search|Published|"
    r"participants?|Home|Statistics|Talks)\b"
)


def pages(site: Path) -> dict[str, BeautifulSoup]:
    """Site-relative URL path -> parsed page, for every built HTML page."""
    found = {}
    for file in sorted(site.rglob("*.html")):
        relative = file.relative_to(site).as_posix()
        if relative.startswith("pagefind/"):
            continue
        path = relative.removesuffix("index.html")
        found[path] = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return found


@pytest.fixture(scope="module")
def dev_pages(demo_site):
    return pages(demo_site)


@pytest.fixture(scope="module")
def prod_pages(demo_site_production):
    return pages(demo_site_production)


def content_kinds() -> dict[str, int]:
    files = [p.name for p in CONTENT.glob("*.md")]
    return {
        "report": sum(name.endswith("-bericht.md") for name in files),
        "announcement": sum(name.endswith("-einladung.md") for name in files),
    }


def test_every_page_has_landmarks_one_h1_and_german_ui(dev_pages):
    assert len(dev_pages) >= 40
    for path, soup in dev_pages.items():
        assert soup.html["lang"] == "de", path
        assert len(soup.find_all("h1")) == 1, path
        assert len(soup.find_all("main")) == 1, path
        assert soup.find("header", class_="site-header"), path
        assert soup.find("footer", class_="site-footer"), path
        assert soup.find("nav", attrs={"aria-label": "Hauptnavigation"}), path
        assert soup.select_one('a.skip[href="#inhalt"]') and soup.find(id="inhalt"), path
        title = soup.title.get_text()
        assert title.strip() and "<" not in title and "&nbsp;" not in title, path
        assert soup.find("meta", attrs={"name": "description"})["content"].strip(), path
        assert len(soup.select("#next-meetup")) == 1, f"{path}: next-meetup box"
        chrome = " ".join(el.get_text(" ") for el in soup.select("header, footer, #next-meetup"))
        assert not ENGLISH_UI.search(chrome), (path, ENGLISH_UI.search(chrome))


def test_headings_show_no_markup_from_typography(dev_pages):
    for path, soup in dev_pages.items():
        heading = soup.find("h1").decode_contents()
        assert "&amp;nbsp;" not in heading and "&lt;" not in heading, (path, heading)


@pytest.mark.parametrize(
    ("path", "label"),
    [("", "Startseite"), ("archiv/", "Archiv"), ("vortraege/", "Vorträge"),
     ("statistik/", "Statistik"), ("suche/", "Suche")],
)
def test_navigation_marks_the_current_page(dev_pages, path, label):
    nav = dev_pages[path].find("nav", attrs={"aria-label": "Hauptnavigation"})
    current = nav.select('a[aria-current="page"]')
    assert [a.get_text() for a in current] == [label]
    # The marked link leads to the page itself.
    here = urljoin(f"http://site/{path}", current[0]["href"])
    assert here == f"http://site/{path}"


def test_pages_load_nothing_from_other_hosts(dev_pages, prod_pages):
    for build, site_pages, allowed in (("dev", dev_pages, ("",)), ("prod", prod_pages, (SITEURL,))):
        for path, soup in site_pages.items():
            for element in soup.select("script[src], link[href], img[src], iframe, source, video, audio"):
                url = element.get("src") or element.get("href") or ""
                if element.name == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}:
                    continue  # references, not loaded
                if urlsplit(url).scheme in ("http", "https"):
                    assert url.startswith(allowed), f"{build} {path}: loads {url}"
                else:
                    assert build == "dev" or not url, f"{build} {path}: relative {url}"
            for style in soup.find_all("style"):
                assert "url(http" not in style.get_text() and "@import" not in style.get_text()


def test_only_report_and_announcement_bodies_are_indexed(dev_pages):
    indexed = {path for path, soup in dev_pages.items() if soup.select("[data-pagefind-body]")}
    kinds = content_kinds()
    assert len(indexed) == kinds["report"] + kinds["announcement"]
    assert all(path.startswith(("bericht-", "einladung-")) for path in indexed), indexed
    for path in indexed:
        body = dev_pages[path].select("[data-pagefind-body]")
        assert len(body) == 1 and body[0].name == "article" and body[0].find("h1"), path


def test_search_ui_is_loaded_on_the_search_page_only(dev_pages):
    for path, soup in dev_pages.items():
        loads = [el.get("src") or el.get("href") for el in soup.select("script[src], link[rel=stylesheet]")]
        if path == "suche/":
            assert sorted(loads) == ["../theme/css/style.css", "../theme/js/search.js"]
            form = soup.find("form", role="search")
            assert form["data-bundle"] == "../pagefind/"
            assert form.find("label", attrs={"for": "q"}).get_text() == "Suchbegriff"
            assert "Die Suche braucht JavaScript" in soup.find(id="search-nojs").get_text()
        else:
            assert len(loads) == 1 and loads[0].endswith("theme/css/style.css"), (path, loads)
            assert not soup.find("script", src=True), path


def test_production_head_has_canonical_description_and_opengraph(prod_pages):
    for path, soup in prod_pages.items():
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == f"{SITEURL}/{path}", path
        og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
        assert og["og:url"] == canonical
        assert og["og:locale"] == "de_DE"
        assert og["og:title"] and og["og:description"] and og["og:site_name"]
        assert og["og:type"] == ("article" if path.startswith(("bericht-", "einladung-")) else "website")
        feed = soup.find("link", rel="alternate", type="application/atom+xml")
        assert feed["href"] == f"{SITEURL}/feeds/all.atom.xml", path
    report = next(p for p in prod_pages if p.startswith("bericht-"))
    description = prod_pages[report].find("meta", attrs={"name": "description"})["content"]
    assert description != prod_pages[""].find("meta", attrs={"name": "description"})["content"]


def test_development_build_has_no_relative_canonical(dev_pages):
    for path, soup in dev_pages.items():
        assert soup.find("link", rel="canonical") is None, path
        assert soup.find("meta", property="og:url") is None, path


def event_of(soup) -> dict | None:
    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) <= 1
    return json.loads(scripts[0].string) if scripts else None


def test_meeting_pages_describe_their_event(prod_pages):
    checked = 0
    for path, soup in prod_pages.items():
        if not path.startswith(("bericht-", "einladung-")):
            continue
        event = event_of(soup)
        assert event is not None, path
        assert event["@type"] == "Event" and event["@context"] == "https://schema.org"
        assert event["url"] == f"{SITEURL}/{path}"
        shown = soup.select_one("article .meta time")["datetime"]
        assert event["startDate"] == shown, path
        assert event["endDate"] > event["startDate"]
        # A meeting called off says so on the page and in its event.
        called_off = soup.select_one("article .meta .change")
        assert event["eventStatus"] == "https://schema.org/" + (
            "EventCancelled" if called_off and "Abgesagt" in called_off.get_text()
            else "EventScheduled"), path
        assert event["eventAttendanceMode"] in (
            "https://schema.org/OfflineEventAttendanceMode",
            "https://schema.org/OnlineEventAttendanceMode",
        )
        assert event["location"]["name"]
        assert event["organizer"]["name"]
        checked += 1
    assert checked == sum(content_kinds().values())
    for path in ("archiv/", "vortraege/", "statistik/", "ueber-uns/"):
        assert event_of(prod_pages[path]) is None, path


def test_home_describes_the_next_meeting(prod_pages):
    home = prod_pages[""]
    event = event_of(home)
    box_time = home.select_one("#next-meetup time")["datetime"]
    assert event["startDate"] == box_time
    assert event["location"]["name"]


def test_robots_txt_and_sitemap(demo_site, demo_site_production, prod_pages):
    robots = (demo_site_production / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots
    # A relative Sitemap line is invalid: the development build has none.
    assert "Sitemap" not in (demo_site / "robots.txt").read_text(encoding="utf-8")
    tree = ET.parse(demo_site_production / "sitemap.xml")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    listed = {loc.text for loc in tree.findall(".//s:loc", namespace)}
    # Neither the search page nor the 404 page is worth a search engine's visit.
    expected = {f"{SITEURL}/{path}" for path in prod_pages if path not in ("suche/", "404.html")}
    assert listed == expected


def test_atom_feed_has_absolute_ids_and_links(demo_site_production):
    feed = feedparser.parse(str(demo_site_production / "feeds" / "all.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    kinds = content_kinds()
    assert len(feed.entries) == kinds["report"] + kinds["announcement"]
    host = urlsplit(SITEURL).netloc
    for entry in feed.entries:
        assert entry.id.startswith(f"tag:{host},"), entry.id
        assert entry.link.startswith(f"{SITEURL}/"), entry.link
    assert feed.feed.link.startswith(SITEURL)


def test_favicon_is_linked_and_shipped(demo_site, dev_pages):
    for path, soup in dev_pages.items():
        icon = soup.find("link", rel="icon")
        assert icon and icon["type"] == "image/svg+xml", path
        target = urljoin(f"http://site/{path}", icon["href"])
        file = demo_site / urlsplit(target).path.lstrip("/")
        assert file.is_file(), (path, target)
        assert ET.parse(file).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def resolve(page_path: str, href: str) -> str:
    """Site-relative path of a link found on ``page_path`` (dev build)."""
    return urlsplit(urljoin(f"http://site/{page_path}", href)).path.lstrip("/")


def report_count(soup) -> str | None:
    widget = soup.select_one("article .participants .count")
    return widget.get_text() if widget else None


def test_archive_lists_every_meeting_by_year_with_counts(dev_pages):
    archive = dev_pages["archiv/"]
    years = [int(h2.get_text()) for h2 in archive.select("main section > h2")]
    assert years == sorted(years, reverse=True) and len(years) >= 2
    linked = {resolve("archiv/", a["href"]) for a in archive.select("main a[href]")}
    articles = {p for p in dev_pages if p.startswith(("bericht-", "einladung-"))}
    assert articles <= linked, articles - linked
    for item in archive.select("ul.meetings > li"):
        link = item.find("a")
        target = resolve("archiv/", link["href"])
        if target.startswith("bericht-"):
            # The count in the archive is the one the report shows.
            assert item.select_one(".count").get_text() == report_count(dev_pages[target]), target
        assert item.find("time")["datetime"][:4] == item.find_parent("section").h2.get_text()


def test_talks_page_links_held_talks_to_their_report(dev_pages):
    talks = dev_pages["vortraege/"]
    entries = talks.select("ul.talks > li")
    assert len(entries) >= 20
    held = planned = named = 0
    for entry in entries:
        title = entry.find("strong").get_text()
        target = resolve("vortraege/", entry.select_one(".links a")["href"])
        linked_page = dev_pages[target]
        # Every entry leads to the page of its own meeting.
        meeting_day = linked_page.select_one("article .meta time")["datetime"][:10]
        assert meeting_day == entry.find("time")["datetime"], (title, target)
        page_text = linked_page.find("article").get_text().replace("\xa0", " ")
        if entry.select_one(".badge"):
            planned += 1
            assert entry.select_one(".badge").get_text() == "geplant", title
        else:
            held += 1
            # Held: its meeting has a report, which the entry links (the report
            # may not name every planned talk).
            assert target.startswith("bericht-"), (title, target)
            named += title in page_text
    assert held and planned and named >= held - 1
    intro = talks.find("main").find("p").get_text()
    assert intro.startswith(f"{held} gehaltene Vorträge, dazu {planned} geplante")


def test_statistics_chart_table_and_figures_agree_with_the_reports(dev_pages):
    stats = dev_pages["statistik/"]
    svg = stats.select_one("figure svg.chart")
    assert svg["role"] == "img"
    labelled = svg["aria-labelledby"].split()
    assert all(svg.find(id=label) for label in labelled)
    rows = stats.select("table")[1].select("tbody tr")
    assert len(svg.select("circle")) == len(rows) >= 10
    counts = {}
    for path, soup in dev_pages.items():
        text = report_count(soup) if path.startswith("bericht-") else None
        if text:
            day = soup.select_one("article .meta time")["datetime"][:10]
            counts[day] = int(re.search(r"\d+", text).group())
    table = {row.find("time")["datetime"]: int(re.search(r"\d+", row.select("td")[1].get_text()).group())
             for row in rows}
    assert table == counts
    figures = [li.get_text(" ") for li in stats.select(".key-figures li")]
    average = sum(counts.values()) / len(counts)
    assert f"{average:.1f}".replace(".", ",").removesuffix(",0") in figures[1]
    top = max(counts.values())
    assert figures[2].startswith(f"{top} ")


def test_the_only_script_on_ordinary_pages_is_the_tiny_past_meeting_check(dev_pages):
    for path, soup in dev_pages.items():
        inline = [s for s in soup.find_all("script") if not s.get("src") and not s.get("type")]
        assert len(inline) == 1, path
        code = inline[0].string
        assert len(code.encode("utf-8")) < 1024, (path, len(code))
        assert "Letztes Treffen" in code and "data-end" in code
        # It follows the box it changes, so it runs before the first paint.
        assert inline[0].find_previous(id="next-meetup") is not None
