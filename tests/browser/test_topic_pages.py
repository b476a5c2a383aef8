"""Topic pages in the browser: from the talks page to a topic's page, which lists its
talks with the speaker linked to the speaker's page."""

from __future__ import annotations

import pytest

from browser_tools import WIDTHS


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_talks_page_leads_to_a_topic_page_with_its_talks_and_speakers(served_site, open_page,
                                                                       width, screenshot_dir):
    page = open_page(served_site.url, "vortraege/", width=width)
    item = page.locator("ul.talks > li", has_text="Der EU AI Act für Entwickler")
    link = item.get_by_role("link", name="Recht")
    assert link.is_visible()
    link.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "themen/recht/"
    assert page.locator("h1").inner_text() == "Thema: Recht"
    assert page.locator("ul.talks strong").all_inner_texts() == [
        "Ein Jahr AI Act – was sich in den Projekten geändert hat", "Der EU AI Act für Entwickler"]
    held = page.locator("ul.talks > li", has_text="Der EU AI Act für Entwickler")
    assert held.get_by_role("link", name="Folien").is_visible()
    speaker = held.locator("a.speaker")
    assert speaker.inner_text() == "Wiebke"
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    page.screenshot(path=screenshot_dir / f"topic-{width}.png", full_page=True)
    speaker.click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "sprecher/wiebke/"
    assert page.locator("h1").inner_text() == "Wiebke"
    assert not page.js_errors, page.js_errors


def test_the_topics_index_leads_to_every_topic(served_site, open_page):
    page = open_page(served_site.url, "vortraege/", width=WIDTHS["phone"])
    page.locator("nav.topic-list").get_by_role("link", name="Alle Themen").click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "themen/"
    names = page.locator("ul.topics-index a").all_inner_texts()
    assert "LLM" in names and len(names) == 8
    page.get_by_role("link", name="LLM", exact=True).click()
    page.wait_for_load_state("load")
    assert page.url == served_site.url + "themen/llm/"
    assert page.locator("ul.talks > li").count() == 7
