"""Remarks as card HTML: the site's Markdown, one block each, tags balanced."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from pelican.plugins.meetup.rendering.markdown_config import markdown_settings
from pelican.plugins.meetup.site.remark_html import RemarkRenderer, balanced


@pytest.fixture
def renderer():
    return RemarkRenderer(markdown_settings())


def test_links_survive_and_quotes_are_german(renderer):
    [html] = renderer.render(['außerdem: Hackathon "Offene Daten & KI", Anmeldung unter '
                              "<https://example.org/hackathon-stuttgart-2025>"])
    paragraph = BeautifulSoup(html, "html.parser").find("p")
    assert paragraph.find("a")["href"] == "https://example.org/hackathon-stuttgart-2025"
    assert "„Offene Daten & KI“" in paragraph.get_text()


def test_a_remark_that_looks_like_a_header_line_stays_text(renderer):
    # The site's settings hold the meta extension; it would swallow "Ort: …".
    assert renderer.render(["Ort: Coworking Space Mitte"]) == ["<p>Ort: Coworking Space Mitte</p>"]


def test_one_converter_serves_every_remark_and_none_runs_into_the_next(renderer):
    first = renderer.render(["Fußnote[^1]", "[^1]: nur hier"])
    again = renderer.render(["Fußnote[^1]"])
    assert renderer._converter is not None
    assert first[0] == again[0]  # reset: no footnote state left over
    assert "nur hier" not in first[0]


@pytest.mark.parametrize("remark, inside", [
    ("Bitte </div></div> nicht so", "Bitte  nicht so"),
    ("<div>offen bleibt nichts", "offen bleibt nichts"),
    ("ein <b>fettes Ende", "ein fettes Ende"),
    ("<!-- ein Kommentar ohne Ende", ""),
    ('<a href="https://example.org>kaputt', ""),
])
def test_nothing_in_a_remark_breaks_the_card(renderer, remark, inside):
    [html] = renderer.render([remark])
    card = BeautifulSoup(f'<div class="remark">{html}</div><p id="after">danach</p>', "html.parser")
    # The element after the remark is still a sibling, not swallowed or moved.
    assert card.find(id="after").parent is card
    assert inside in card.find("div").get_text()


def test_raw_html_of_organizers_stays(renderer):
    [html] = renderer.render(['Hinweis: <span class="roh">ROH</span>'])
    assert '<span class="roh">ROH</span>' in html


@pytest.mark.parametrize("markup, expected", [
    ("<p>a</p>", "<p>a</p>"),
    ("<p>a</div></p>", "<p>a</p>"),
    ("<p>a <em>b</p>", "<p>a <em>b</em></p>"),
    ("<p>a<br>b &amp; c &#8211; d</p>", "<p>a<br>b &amp; c &#8211; d</p>"),
    ("<script>if (a < b) {}</script>", "<script>if (a < b) {}</script>"),
    ("<script>offen", "<script>offen</script>"),
    ("a < b", "a &lt; b"),
])
def test_balanced(markup, expected):
    assert balanced(markup) == expected
