"""The photo report and a venue in Debian's Chromium, at both widths.

What a visitor's browser does with the responsive photos: it picks AVIF from the
``<picture>``, reserves each photo's box before it loads (no layout shift), loads the
photos below the first only when they come near the viewport, and nothing leaves
127.0.0.1 (the OpenStreetMap link is only a link).  Screenshots for a human look
(MEETUP_SCREENSHOTS=folder keeps them).
"""

from __future__ import annotations

import pytest

from browser_tools import WIDTHS

pytestmark = pytest.mark.browser

PHOTO_REPORT = "bericht-vom-treffen-im-oktober-2025/"
VENUE_PAGE = "einladung-zum-treffen-am-20-januar-2026/"

SHIFTS = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 300);
})"""


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_the_photo_report_loads_light_and_without_layout_shift(served_site, open_context, width,
                                                             screenshot_dir):
    context = open_context(width=width, height=800)
    page = context.new_page()
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(served_site.url + PHOTO_REPORT, wait_until="load")
    photos = page.locator("main picture img")
    assert photos.count() == 3
    # Before scrolling: the first photo is there, the lazy ones below the fold are not yet.
    first = photos.nth(0)
    assert first.evaluate("img => img.complete && img.naturalWidth > 0")
    assert first.evaluate("img => img.currentSrc").endswith(".avif")
    loaded = [r.url for r in finished if r.resource_type == "image"]
    assert all(".avif" in url for url in loaded), loaded
    # Every photo's box has its final size before its bytes arrive.
    for index in range(3):
        box = photos.nth(index).bounding_box()
        assert box["width"] > 100 and box["height"] > 50, (index, box)
    page.mouse.wheel(0, 4000)
    for index in range(3):
        photos.nth(index).scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=photos.nth(index).element_handle())
        assert photos.nth(index).evaluate("img => img.currentSrc").endswith(".avif")
    assert page.evaluate(SHIFTS) == 0
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    sizes = [request.sizes() for request in finished]
    total = sum(s["responseBodySize"] + s["responseHeadersSize"] for s in sizes)
    html = next(r for r in finished if r.resource_type == "document").sizes()["responseBodySize"]
    print(f"photo report at {width}px: {len(finished)} requests, {total} bytes, HTML {html} bytes")
    assert html <= 20 * 1024
    assert total <= 60 * 1024, total
    page.goto(served_site.url + PHOTO_REPORT, wait_until="load")
    page.screenshot(path=screenshot_dir / f"photo-report-{width}.png", full_page=True)


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_a_venue_shows_its_address_and_a_plain_map_link(served_site, open_page, width,
                                                       screenshot_dir):
    page = open_page(served_site.url, VENUE_PAGE, width=width)
    venue = page.locator("main .venue")
    assert "Königstraße 1, 70173 Stuttgart" in venue.inner_text()
    link = venue.get_by_role("link", name="Karte (OpenStreetMap)")
    assert link.is_visible()
    assert link.get_attribute("href").startswith("https://www.openstreetmap.org/?mlat=")
    assert page.locator("iframe").count() == 0
    box = page.locator("#next-meetup .where")
    assert box.get_by_role("link", name="Karte (OpenStreetMap)").is_visible()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.screenshot(path=screenshot_dir / f"venue-{width}.png", full_page=True)
    venues = open_page(served_site.url, "orte/", width=width)
    assert venues.locator("main h2").first.inner_text() == "Coworking Space Mitte"
    venues.screenshot(path=screenshot_dir / f"venues-{width}.png", full_page=True)
