"""Speaker pages in the browser: from the talks page to a speaker's page, which lists
all their talks (held and planned) with the slides and recordings linked."""

from __future__ import annotations

import pytest

from browser_tools import WIDTHS


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_talks_page_leads_to_the_speakers_page_with_slides(served_site, open_page, width,
                                                          screenshot_dir):
    page = open_page(served_site.url, "vortraege/", width=width)
    link = page.locator("ul.talks a.speaker", has_text="Wiebke").first
    assert link.is_visible()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "sprecher/wiebke/"
    assert page.locator("h1").inner_text() == "Wiebke"
    titles = page.locator("ul.talks strong").all_inner_texts()
    assert titles == ["Ein Jahr AI Act – was sich in den Projekten geändert hat",
                      "Der EU AI Act für Entwickler"]
    held = page.locator("ul.talks li", has_text="Der EU AI Act für Entwickler")
    slides = held.get_by_role("link", name="Folien")
    assert slides.get_attribute("href") == "https://speakerdeck.com/example/eu-ai-act-fuer-entwickler"
    assert held.get_by_role("link", name="Video").get_attribute("href") \
        == "https://www.youtube.com/watch?v=EUaiAct2025"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.screenshot(path=screenshot_dir / f"speaker-{width}.png", full_page=True)
    assert not page.js_errors, page.js_errors
