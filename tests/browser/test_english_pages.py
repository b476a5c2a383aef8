"""The English site in Chromium: what scripts write is English too (search status,
the box after the meeting), Pagefind stems English, and the layout holds at both
widths.  Screenshots of the English and the German home page and a report at
390 and 1280 px go to MEETUP_SCREENSHOTS (or a temp folder) for a human look."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urljoin

import pytest

from browser_tools import WIDTHS, newest_report_path


def test_search_in_english_stems_and_reports_in_english(served_english_site, open_page):
    # "forecasts" is nowhere in the text; English stemming finds "Forecasting".
    page = open_page(served_english_site.url, "search/", width=WIDTHS["phone"])
    field = page.get_by_label("Search term")
    field.fill("forecasts")
    page.get_by_role("button", name="Search").click()
    results = page.locator("#search-results li a")
    results.first.wait_for(timeout=10_000)
    hrefs = [urljoin(page.url, href) for href in
             results.evaluate_all("links => links.map(a => a.getAttribute('href'))")]
    assert served_english_site.url + "report-from-the-february-meetup/" in hrefs, hrefs
    status = page.get_by_role("status").inner_text()
    assert re.fullmatch(r"(1 result|\d+ results) for “forecasts”\.", status), status
    assert status == f"{len(hrefs)} result{'s' if len(hrefs) != 1 else ''} for “forecasts”."
    page.get_by_label("Search term").fill("qqqzzz")
    page.get_by_role("status").filter(has_text="No results for “qqqzzz”.").wait_for(
        timeout=10_000)
    assert not page.js_errors


def test_search_page_without_javascript_in_english(served_english_site, open_page):
    page = open_page(served_english_site.url, "search/", javascript=False)
    main = page.locator("main")
    assert "Search needs JavaScript." in main.inner_text()
    main.get_by_role("link", name="archive").click()
    page.wait_for_load_state("load")
    assert page.url == served_english_site.url + "archive/"


def test_box_says_last_meeting_in_english_once_it_is_over(served_english_site, open_context):
    context = open_context(width=WIDTHS["phone"])
    page = context.new_page()
    page.goto(served_english_site.url)
    end = dt.datetime.fromisoformat(page.locator("#next-meetup").get_attribute("data-end"))
    late = open_context(width=WIDTHS["phone"], now=end + dt.timedelta(minutes=1)).new_page()
    late.goto(served_english_site.url)
    box = late.locator("#next-meetup")
    assert box.locator("h2").inner_text() == "Last meeting"
    assert box.locator(".past-note").inner_text() == \
        "This meeting is over – the next one will be announced soon."
    assert page.locator("#next-meetup h2").inner_text() == "Next meeting"


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_english_and_german_pages_at_both_widths(served_english_site, english_site, served_site,
                                                 demo_site, open_page, width, screenshot_dir):
    sites = {"en": (served_english_site, english_site), "de": (served_site, demo_site)}
    for language, (served, built) in sites.items():
        for name, path in (("home", ""), ("report", newest_report_path(built))):
            page = open_page(served.url, path, width=width)
            assert page.locator("html").get_attribute("lang") == language
            assert page.evaluate("document.scrollingElement.scrollWidth") <= width, path
            nav = page.locator("header nav a").all_inner_texts()
            assert nav == (["Home", "Archive", "Talks", "Statistics", "Venues", "Search"]
                           if language == "en"
                           else ["Startseite", "Archiv", "Vorträge", "Statistik", "Orte", "Suche"])
            page.screenshot(path=screenshot_dir / f"{language}-{name}-{width}.png", full_page=True)
            assert not page.js_errors, page.js_errors
