"""The demo site in Debian's Chromium at phone and desktop width.

Every page is opened through a browser context that records its requests;
the context fixture fails the test if one went anywhere but 127.0.0.1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from babel.dates import format_date

from browser_tools import WIDTHS, html_pages, newest_report_path
from helpers import PINNED_EPOCH

PINNED_NOW = dt.datetime.fromtimestamp(PINNED_EPOCH, dt.timezone.utc)
ISO_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)$")


def german_when(moment: dt.datetime, with_time: bool) -> str:
    text = format_date(moment.date(), "EEEE, d. MMMM y", locale="de")
    return f"{text}, {moment:%H:%M} Uhr" if with_time else text


# --- Reachability and requests ------------------------------------------------------


def test_every_page_is_reachable_from_home_and_nothing_leaves_the_machine(
    served_site, demo_site, open_context
):
    """Crawl from the home page in Chromium: every built page is linked from
    somewhere, every local link answers 200, no page makes an outside request
    or throws a script error."""
    context = open_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    base = served_site.url
    seen_pages: set[str] = set()
    checked_files: set[str] = set()
    queue = deque([base])
    while queue:
        url = queue.popleft()
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, f"{url}: {response and response.status}"
        seen_pages.add(url[len(base):])
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = urljoin(url, href).split("#")[0]
            if not target.startswith(base):
                continue  # outside links are only followed by a visitor's click
            path = target[len(base):]
            if path == "" or path.endswith("/") or path.endswith(".html"):
                if target not in queue and path not in seen_pages:
                    queue.append(target)
            elif path not in checked_files:
                checked_files.add(path)
                file_response = context.request.get(target)
                assert file_response.status == 200, f"{url} links {target}: {file_response.status}"
    assert not errors, errors
    # 404.html is what the server answers for unknown addresses: unlinked on purpose.
    built = set(html_pages(demo_site)) - {"404.html"}
    assert built - seen_pages == set(), "pages no link reaches (orphans)"
    assert len(seen_pages) >= 30
    assert any(path.endswith(".ics") for path in checked_files), "no calendar file linked"


# --- Next-meetup box ---------------------------------------------------------------


def next_box_facts(page) -> dict:
    box = page.locator("#next-meetup")
    time_element = box.locator("time").first
    return {
        "box": box,
        "heading": box.locator("h2").inner_text(),
        "datetime": time_element.get_attribute("datetime"),
        "text": time_element.inner_text(),
        "end": box.get_attribute("data-end"),
    }


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_next_meetup_box_on_home_and_report(served_site, demo_site, open_page, width):
    for path in ("", newest_report_path(demo_site)):
        page = open_page(served_site.url, path, width=width)
        facts = next_box_facts(page)
        assert facts["box"].is_visible()
        assert facts["heading"] == "Nächstes Treffen"
        assert ISO_DATETIME.match(facts["datetime"]), facts["datetime"]
        start = dt.datetime.fromisoformat(facts["datetime"])
        end = dt.datetime.fromisoformat(facts["end"])
        assert PINNED_NOW < start < end
        assert facts["text"] == german_when(start, with_time=True)
        # The box fits the screen: nothing cut off on a phone.
        bounds = facts["box"].bounding_box()
        assert bounds["x"] >= 0 and bounds["x"] + bounds["width"] <= width
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width
        box = facts["box"]
        # Calendar: the meeting's own .ics and plain links to Google and Outlook.
        ics_href = box.locator(".calendar:not(.subscribe) a[download]").get_attribute("href")
        # All meetings, to download (webcal:// to subscribe needs an absolute SITEURL).
        assert box.locator(".subscribe a[download]").get_attribute("href").endswith("meetups.ics")
        ics = page.context.request.get(urljoin(page.url, ics_href))
        assert ics.status == 200
        ics_text = ics.text()
        assert "BEGIN:VEVENT" in ics_text
        utc_start = start.astimezone(dt.timezone.utc)
        assert (f"DTSTART;TZID=Europe/Berlin:{start:%Y%m%dT%H%M%S}" in ics_text
                or f"DTSTART:{utc_start:%Y%m%dT%H%M%S}Z" in ics_text), ics_text
        google = box.get_by_role("link", name="Google Kalender").get_attribute("href")
        assert urlsplit(google).netloc == "calendar.google.com"
        assert parse_qs(urlsplit(google).query)["dates"][0].startswith(f"{utc_start:%Y%m%dT%H%M%S}Z/")
        outlook = box.get_by_role("link", name="Outlook").get_attribute("href")
        assert urlsplit(outlook).netloc == "outlook.live.com"
        assert parse_qs(urlsplit(outlook).query)["startdt"] == [f"{utc_start:%Y-%m-%dT%H:%M:%S}Z"]
        signup = box.get_by_role("link", name="Zur Anmeldung")
        assert signup.is_visible() and signup.get_attribute("href").startswith("https://")
        assert not box.locator(".past-note").is_visible()


def test_next_meetup_box_lists_the_talks_of_its_announcement(served_site, open_page):
    page = open_page(served_site.url)
    box = page.locator("#next-meetup")
    planned = [text.strip() for text in box.locator(".talk-list li").all_inner_texts()]
    assert planned, "the next meeting of the demo content has a planned talk"
    # The first link after the place (whose map link leads to openstreetmap.org).
    announcement = box.locator(".upcoming p:not(.where) a").first
    announcement.click()
    page.wait_for_load_state("load")
    body = page.locator("article").inner_text().replace("\xa0", " ")
    for talk in planned:
        title = talk.split(":", 1)[-1].strip()
        assert title in body, f"{title!r} not in the announcement {page.url}"


def test_next_meetup_box_turns_past_once_the_meeting_is_over(served_site, open_context):
    context = open_context(width=WIDTHS["phone"])
    page = context.new_page()
    page.goto(served_site.url)
    facts = next_box_facts(page)
    end = dt.datetime.fromisoformat(facts["end"])
    start = dt.datetime.fromisoformat(facts["datetime"])

    # A visitor one minute after the end, on a site nobody rebuilt.
    late = open_context(width=WIDTHS["phone"], now=end + dt.timedelta(minutes=1))
    late_page = late.new_page()
    late_page.goto(served_site.url)
    box = late_page.locator("#next-meetup")
    assert box.locator("h2").inner_text() == "Letztes Treffen"
    assert "is-past" in box.get_attribute("class").split()
    note = box.locator(".past-note")
    assert note.is_visible()
    assert note.inner_text() == "Dieser Termin ist vorbei – der nächste wird bald bekannt gegeben."
    assert not box.get_by_role("link", name="Zur Anmeldung").is_visible()
    assert not box.get_by_role("link", name="Google Kalender").is_visible()
    # The date itself stays, so the visitor sees which meeting is meant.
    assert box.locator("time").first.inner_text() == german_when(start, with_time=True)

    # During the meeting it is still the current one.
    during = open_context(width=WIDTHS["phone"], now=start + dt.timedelta(minutes=30))
    during_page = during.new_page()
    during_page.goto(served_site.url)
    assert during_page.locator("#next-meetup h2").inner_text() == "Nächstes Treffen"


def test_next_meetup_box_works_without_javascript(served_site, open_page):
    page = open_page(served_site.url, javascript=False)
    box = page.locator("#next-meetup")
    assert box.locator("h2").inner_text() == "Nächstes Treffen"
    assert box.get_by_role("link", name="Zur Anmeldung").is_visible()


# --- Reports -------------------------------------------------------------------------


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_participant_widget_on_a_report(served_site, demo_site, open_page, width):
    page = open_page(served_site.url, newest_report_path(demo_site), width=width)
    widget = page.locator("article .participants")
    assert widget.count() == 1
    assert widget.is_visible()
    count_text = widget.locator(".count").inner_text()
    match = re.fullmatch(r"(mindestens )?(\d+) Teilnehmende", count_text)
    assert match, count_text
    names = widget.locator("li")
    assert 0 < names.count() <= int(match.group(2))
    # The raw Markdown list is replaced, not repeated: each listed person's
    # line appears once in the article.
    article_text = page.locator("article").inner_text()
    for line in names.all_inner_texts():
        first_part = line.split(",")[0].split("–")[0].strip()
        assert article_text.count(first_part) >= 1
    bounds = widget.bounding_box()
    assert bounds["x"] + bounds["width"] <= width
    # The meta line above the text repeats the count for a quick look.
    assert page.locator("article .meta").inner_text().count(count_text) == 1


def test_report_links_its_announcement_and_neighbours(served_site, demo_site, open_page):
    path = newest_report_path(demo_site)
    page = open_page(served_site.url, path)
    invitation = page.locator("article .meta a", has_text="Zur Einladung")
    assert invitation.count() == 1
    invitation.click()
    page.wait_for_load_state("load")
    back = page.locator("article .meta a", has_text="Zum Bericht")
    assert back.count() == 1
    back.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + path
    previous = page.locator("nav.post-nav a[rel=prev]")
    assert previous.count() == 1
    previous.click()
    page.wait_for_load_state("load")
    following = page.locator("nav.post-nav a[rel=next]")
    following.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + path


# --- Search ------------------------------------------------------------------------------


def test_search_finds_a_report_for_an_inflected_german_word(served_site, open_page):
    # "Betrugserkennungen" is nowhere in the text; German stemming finds the
    # report that speaks of "Betrugserkennung".
    page = open_page(served_site.url, "suche/", width=WIDTHS["phone"])
    assert not page.locator("#search-nojs").is_visible()
    field = page.get_by_label("Suchbegriff")
    field.fill("Betrugserkennungen")
    field.press("Enter")
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    hrefs = [urljoin(page.url, href) for href in
             results.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    assert served_site.url + "bericht-vom-treffen-im-november-2025/" in hrefs, hrefs
    assert all(urlsplit(href).path.strip("/").startswith(("bericht-", "einladung-"))
               for href in hrefs), hrefs
    status = page.get_by_role("status").inner_text()
    assert re.fullmatch(r"\d+ Treffer für „Betrugserkennungen“\.", status), status
    # The excerpt marks the match and carries no markup from the page.
    assert page.locator("#search-results li mark").count() >= 1
    assert page.locator("#search-results li p *:not(mark)").count() == 0
    # The query lands in the address: a search can be bookmarked and shared.
    assert "?q=Betrugserkennungen" in page.url
    again = open_page(served_site.url, "suche/?q=Betrugserkennungen")
    again.locator("#search-results li a").first.wait_for(timeout=10_000)
    assert not page.js_errors and not again.js_errors


def test_search_says_when_nothing_is_found(served_site, open_page):
    page = open_page(served_site.url, "suche/")
    page.get_by_label("Suchbegriff").fill("qqqzzz")
    page.get_by_role("button", name="Suchen").click()
    status = page.get_by_role("status")
    status.filter(has_text="Keine Treffer").wait_for(timeout=10_000)
    assert page.locator("#search-results li").count() == 0


def test_search_page_without_javascript_points_to_the_archive(served_site, open_page):
    page = open_page(served_site.url, "suche/", javascript=False)
    assert not page.get_by_label("Suchbegriff").is_visible()  # a form that cannot work
    main = page.locator("main")
    assert "Die Suche braucht JavaScript" in main.inner_text()
    link = main.get_by_role("link", name="Archiv")
    assert link.is_visible()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "archiv/"


# --- Weight, fonts, layout -------------------------------------------------------------


def test_report_pages_are_light(served_site, demo_site, open_context):
    """Every report without images, loaded as a first visit: <= 20 KB and <= 3
    requests (HTML, one stylesheet, at most one small script; the favicon
    Chromium asks for counts too), system fonts only."""
    reports = [p for p in html_pages(demo_site) if p.startswith(("bericht-", "sprecher/", "themen/"))]
    measured = 0
    for path in reports:
        html = (demo_site / path / "index.html").read_text(encoding="utf-8")
        if "<img" in html:
            continue
        # A fresh context per page: an empty cache, so every byte is counted.
        page = open_context(width=WIDTHS["phone"]).new_page()
        requests = []
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(served_site.url + path, wait_until="load")
        kinds = sorted(request.resource_type for request in requests)
        sizes = [request.sizes() for request in requests]
        total = sum(size["responseBodySize"] + size["responseHeadersSize"] for size in sizes)
        assert len(requests) <= 3, f"{path}: {[r.url for r in requests]}"
        assert kinds.count("document") == 1 and kinds.count("stylesheet") == 1, kinds
        assert kinds.count("script") <= 1 and "font" not in kinds, kinds
        others = [r.url for r in requests if r.resource_type not in ("document", "stylesheet", "script")]
        assert all(url.endswith("/favicon.svg") for url in others), others
        assert total <= 20 * 1024, f"{path}: {total} bytes"
        assert page.evaluate("document.fonts.size") == 0  # no @font-face anywhere
        page.context.close()
        measured += 1
        print(f"{path}: {len(requests)} requests, {total} bytes")
    assert measured >= 10


MAIN_PAGES = ["", "archiv/", "vortraege/", "statistik/", "orte/", "suche/", "ueber-uns/",
              "sprecher/wiebke/", "themen/", "themen/llm/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_layout_at_both_widths_in_light_and_dark(served_site, demo_site, open_page, width, scheme,
                                                screenshot_dir):
    """No horizontal scrolling, readable colours for the scheme; screenshots
    for a human look (MEETUP_SCREENSHOTS=folder keeps them)."""
    for path in MAIN_PAGES + [newest_report_path(demo_site)]:
        page = open_page(served_site.url, path, width=width, color_scheme=scheme)
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width, path
        colours = page.evaluate("""() => {
            const style = getComputedStyle(document.body);
            return [style.backgroundColor, style.color];
        }""")
        background, text = (luminance(c) for c in colours)
        if scheme == "dark":
            assert background < 0.1 and text > 0.6, (path, colours)
        else:
            assert background > 0.9 and text < 0.1, (path, colours)
        assert page.locator("html").get_attribute("lang") == "de"
        name = (path.strip("/").replace("/", "_") or "home")
        page.screenshot(path=screenshot_dir / f"{name}-{width}-{scheme}.png", full_page=True)
        assert not page.js_errors, page.js_errors


def luminance(css_colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+", css_colour)[:3])

    def channel(value: int) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def test_print_layout_drops_navigation(served_site, demo_site, open_page, screenshot_dir):
    page = open_page(served_site.url, newest_report_path(demo_site))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => [
        'header nav', 'footer nav', '.skip', '.post-nav', 'aside#next-meetup',
        '#next-meetup .calendar'
    ].map(selector => {
        const element = document.querySelector(selector);
        return element ? getComputedStyle(element).display : 'missing';
    })""")
    assert hidden == ["none"] * 6, hidden
    assert page.locator("article h1").is_visible()
    assert page.locator("article .participants").is_visible()
    page.screenshot(path=screenshot_dir / "report-print.png", full_page=True)
    page.emulate_media(media="screen")
    assert page.locator("header nav").is_visible()
