"""Swapping sections of a rendered body, on HTML as Python-Markdown writes it."""

from __future__ import annotations

import markdown

from pelican.plugins.meetup.site import page_body
from pelican.plugins.meetup.rendering.markdown_config import markdown_settings
from pelican.plugins.meetup.site.page_body import Swap

SOURCE = """\
## Protokoll

### Intro

Hallo &amp; willkommen.

## Teilnehmende

- Anna
- Bernd

### Clara: "RAG" im Kundenservice -- Praxis

Text über RAG.

### next

- date: 2024-03-19

#### Vorträge

- Dominik: Quantisierung

[^1]: Eine Fußnote.
"""


def render(source: str = SOURCE) -> str:
    settings = markdown_settings()
    # As Pelican does: every configured extension is loaded.
    return markdown.markdown(source + "\nSiehe[^1].\n",
                             extensions=list(settings["extension_configs"]), **settings)


def test_headings_are_found_with_level_id_and_plain_text():
    headings = page_body.html_headings(render())
    assert [(h.level, h.id, h.text) for h in headings][2:4] == [
        (2, "teilnehmende", "Teilnehmende"),
        (3, "clara-rag-im-kundenservice-praxis", "Clara: „RAG“ im Kundenservice – Praxis"),
    ]


def test_source_headings_match_despite_smart_quotes_and_dashes():
    rendered = page_body.html_headings(render())
    source = [(2, "Protokoll"), (3, "Intro"), (2, "Teilnehmende"),
              (3, 'Clara: "RAG" im Kundenservice -- Praxis'), (3, "next"), (4, "Vorträge"),
              (3, "Nicht da")]
    assert page_body.match_headings(source, rendered) == [0, 1, 2, 3, 4, 5, None]


def test_a_section_without_subsections_keeps_the_talks_below_it():
    body = render()
    rendered = page_body.html_headings(body)
    result = page_body.replace_sections(body, {2: Swap("<p>2 Teilnehmende</p>", False)})
    assert "Anna" not in result and "<p>2 Teilnehmende</p>" in result
    assert "Text über RAG." in result


def test_a_section_with_subsections_ends_before_the_footnotes():
    body = render()
    result = page_body.replace_sections(body, {4: Swap("<div>Karte</div>")})
    assert "Dominik" not in result and "Vorträge" not in result
    assert "<div>Karte</div>" in result
    assert 'class="footnote"' in result and "Eine Fußnote." in result
    assert "Text über RAG." in result


def test_two_swaps_in_one_body_keep_everything_between_them():
    body = render()
    result = page_body.replace_sections(body, {2: Swap("<p>P</p>", False), 4: Swap("<p>N</p>")})
    assert result.index("<p>P</p>") < result.index("Text über RAG.") < result.index("<p>N</p>")
    assert "Anna" not in result and "Dominik" not in result
    assert result.count("<h") == body.count("<h") - 3  # both headings and "Vorträge" gone
