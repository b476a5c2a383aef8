"""A line that starts with a day and a month name reads as written, not as a list.

Markdown in, what a reader sees out (``visible_text`` writes the numbers a
browser draws before ``<ol>`` items): "20. Januar 2026" must never show as
"1. Januar 2026".  Real numbered lists stay lists.
"""

from __future__ import annotations

import markdown
import pytest

from pelican.plugins.meetup.rendering.markdown_config import markdown_settings
from rendered_text import visible_text


def render(text: str) -> str:
    settings = markdown_settings()
    # As Pelican's reader does: every configured extension is loaded.
    extensions = list(settings["extension_configs"])
    return markdown.Markdown(extensions=extensions, **settings).convert(text)


def seen(text: str) -> str:
    return visible_text(render(text), bullets=True)


# --- dates stay dates --------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "20. Januar 2026 um 18:30",
    "3. März",
    "1. Mai 2024, 19 Uhr",
    "5. March",
    "5. Mar.",
    "5. Mar. 2025",
    "17. Nov. 2020 um 19:00 Uhr",
    "05. Jänner 2026",
    "31. Dezember",
    "9. Sept. 2025 (vor der Sommerpause)",
    "2. Mai: Maifeier",
    "12. October 2024 at 6 pm",
    "1. Mai–Juni: Sommerprogramm",
])
def test_a_date_paragraph_reads_as_written(line):
    assert seen(line) == line
    assert "<ol" not in render(line)


def test_the_announcement_shape_shows_the_right_day():
    text = "### Wann:\n\n20. Januar 2026 um 18:30\n\n### Wo:\n\nCoworking Space Mitte\n"
    assert seen(text) == "Wann:\n20. Januar 2026 um 18:30\nWo:\nCoworking Space Mitte"


def test_a_date_right_after_a_heading_without_blank_line():
    assert seen("### Wann:\n20. Januar 2026 um 18:30\n") == "Wann:\n20. Januar 2026 um 18:30"


def test_a_date_as_a_bullet_item():
    assert seen("- 20. Januar 2026\n- 17. Februar 2026\n") == "• 20. Januar 2026\n• 17. Februar 2026"


def test_a_date_continuing_a_bullet_item_stays_in_that_item():
    assert seen("- Termin:\n20. Januar 2026\n- Ort: Mitte\n") == (
        "• Termin:\n20. Januar 2026\n• Ort: Mitte")


def test_a_date_indented_under_a_bullet_item():
    assert seen("- Termin:\n    20. Januar 2026\n") == "• Termin:\n20. Januar 2026"


def test_dates_in_a_nested_list():
    text = "- Termine 2026\n    - 3. März\n    - 5. Mar.\n"
    assert seen(text) == "• Termine 2026\n• 3. März\n• 5. Mar."


def test_a_date_in_a_loose_list_item_paragraph():
    assert seen("- Termin\n\n    20. Januar 2026\n") == "• Termin\n20. Januar 2026"


def test_a_date_as_the_text_of_a_numbered_item():
    assert seen("1. 20. Januar\n2. 17. Februar\n") == "1. 20. Januar\n2. 17. Februar"


def test_a_date_in_a_blockquote():
    assert seen("> 20. Januar 2026 um 18:30\n") == "20. Januar 2026 um 18:30"


def test_date_lines_one_after_the_other_keep_their_lines():
    # (A first line "Termine:" would be a metadata header.)
    assert seen("Die Termine:\n\n20. Januar\n17. Februar 2026\num 18:30\n") == (
        "Die Termine:\n20. Januar\n17. Februar 2026 um 18:30")


def test_a_date_after_a_numbered_list_is_a_paragraph_of_its_own():
    text = "1. Begrüßung\n2. Vorträge\n\n20. Januar 2026\n"
    assert seen(text) == "1. Begrüßung\n2. Vorträge\n20. Januar 2026"
    assert render(text).count("<li>") == 2


def test_a_date_line_inside_a_numbered_list_is_no_item_of_its_own():
    # "3. März" would otherwise become item 3 (and "5. März" item 3, too).
    text = "1. Begrüßung\n2. Vorträge\n5. März: Hackathon\n"
    assert seen(text) == "1. Begrüßung\n2. Vorträge\n5. März: Hackathon"


def test_a_date_line_with_emphasis_keeps_it():
    assert render("20. Januar 2026 um **18:30**") == "<p>20. Januar 2026 um <strong>18:30</strong></p>"


def test_a_date_in_a_summary_like_remark_with_inline_code_stays_text():
    assert seen("20. Januar: `pip install`") == "20. Januar: pip install"


# --- real lists stay lists -----------------------------------------------------------------

def test_a_numbered_agenda_stays_a_list():
    html = render("1. Begrüßung\n2. Vorträge\n3. Diskussion\n")
    assert html.count("<li>") == 3 and "<ol>" in html
    assert visible_text(html) == "1. Begrüßung\n2. Vorträge\n3. Diskussion"


@pytest.mark.parametrize("text", [
    "1. Mai-Treffen\n2. Juni-Treffen",  # a month-ish word, no date: a hyphenated compound
    "1. Maifeier\n2. Juniorenrunde",  # a longer word that starts like a month
    "1. mai ist klein geschrieben\n2. zweiter Punkt",  # lower case: no month name
    "1. Januarloch\n2. Aprilwetter",
])
def test_items_that_only_look_like_months_stay_list_items(text):
    html = render(text + "\n")
    assert "<ol>" in html and html.count("<li>") == 2
    assert visible_text(html) == text


def test_bullet_lists_are_untouched():
    assert render("- a\n- b\n") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"


def test_code_keeps_date_lines_as_code():
    html = render("```\n20. Januar 2026\n```\n\nText\n\n    20. Januar\n")
    assert html.count("20. Januar") == 2 and "<ol" not in html and "<br" not in html


def test_a_heading_that_starts_with_a_date():
    assert seen("## 20. Januar 2026\n\nText\n") == "20. Januar 2026\nText"
