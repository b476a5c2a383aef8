"""Splitting Markdown into header and sections, honouring code blocks."""

from __future__ import annotations

from pelican.plugins.meetup.reading.sections import Line, Section, split_document


def titles(source: str) -> list[tuple[str, int, int]]:
    return [(s.title, s.level, s.line) for s in split_document(source).sections]


def test_header_block_and_line_numbers():
    document = split_document("Title: Bericht\nDate: 2024-01-16 18:30\nNext: 2024-02-20\n\n## Intro\n\nHallo\n")
    assert document.metadata == {"title": Line(1, "Bericht"), "date": Line(2, "2024-01-16 18:30"),
                                 "next": Line(3, "2024-02-20")}
    assert document.sections[1] == Section("Intro", 2, 5, (Line(6, ""), Line(7, "Hallo"), Line(8, "")))


def test_header_keys_are_case_insensitive_and_continue_on_indented_lines():
    document = split_document("Title: Ein langer\n    Titel\nKIND: report\n\nText\n")
    assert document.metadata["title"] == Line(1, "Ein langer Titel")
    assert document.metadata["kind"] == Line(3, "report")


def test_yaml_style_header():
    document = split_document("---\nTitle: x\nNext: 2024-02-20\n---\n# H\n")
    assert document.metadata["next"] == Line(3, "2024-02-20")
    assert titles("---\nTitle: x\n---\n# H\n") == [("", 0, 4), ("H", 1, 4)]


def test_no_header_when_the_first_line_is_no_key():
    document = split_document("# Überschrift\nText: mit Doppelpunkt\n")
    assert document.metadata == {}
    assert titles("# Überschrift\nText: mit Doppelpunkt\n") == [("", 0, 1), ("Überschrift", 1, 1)]


def test_atx_headings_any_level_closing_hashes_and_no_space():
    source = "# Eins\n## Zwei ##\n###### Sechs\n#Ohne Leerzeichen\n"
    assert titles(source)[1:] == [("Eins", 1, 1), ("Zwei", 2, 2), ("Sechs", 6, 3), ("Ohne Leerzeichen", 1, 4)]


def test_setext_headings():
    source = "Eins\n====\n\nText\n\nZwei\n---\n\n- Liste\n---\n"
    assert titles(source)[1:] == [("Eins", 1, 1), ("Zwei", 2, 6)]


def test_fenced_code_hides_headings_and_text():
    source = "## A\n```bash\n# ein Kommentar\n## noch einer\n```\ndanach\n~~~\n# Tilde\n~~~\n"
    document = split_document(source)
    assert titles(source)[1:] == [("A", 2, 1)]
    assert [line.text for line in document.sections[1].body if line.text] == ["danach"]


def test_a_longer_fence_needs_a_closing_fence_as_long():
    source = "## A\n````\n```\n# drin\n```\n````\n# B\n"
    assert titles(source)[1:] == [("A", 2, 1), ("B", 1, 7)]


def test_an_unclosed_fence_runs_to_the_end():
    assert titles("## A\n```\n# nie geschlossen\n")[1:] == [("A", 2, 1)]


def test_indented_code_is_hidden_but_nested_list_items_are_not():
    source = "## A\n\n    # Code\n    date: 2019-01-01\n\n- Punkt\n\n    - eingerückter Punkt\n"
    document = split_document(source)
    assert titles(source)[1:] == [("A", 2, 1)]
    texts = [line.text for line in document.sections[1].body if line.text]
    assert texts == ["- Punkt", "    - eingerückter Punkt"]


def test_multi_line_html_comments_are_hidden():
    source = "## A\n<!--\n## versteckt\n-->\nsichtbar\n"
    document = split_document(source)
    assert titles(source)[1:] == [("A", 2, 1)]
    assert [line.text for line in document.sections[1].body] == ["sichtbar", ""]


def test_crlf_cr_and_bom():
    lf = split_document("Title: x\n\n## A\nText\n")
    assert split_document("\ufeffTitle: x\r\n\r\n## A\r\nText\r\n") == lf
    assert split_document("Title: x\r\rA\r") .metadata == {"title": Line(1, "x")}


def test_subtree_takes_deeper_sections_only():
    document = split_document("## A\n### A1\n#### A2\n## B\n")
    assert [s.title for s in document.subtree(1)] == ["A", "A1", "A2"]


def test_read_header_keeps_repeats_and_says_where_a_bad_key_ended_it():
    from pelican.plugins.meetup.reading.sections import HeaderField, read_header

    lines = ["Title: Bericht", "Title: Nochmal", "Straße: Königstraße 1", "Date: 2024-01-16", "",
             "Text"]
    header = read_header(lines)
    assert header.fields == (HeaderField(1, "Title", "Bericht"), HeaderField(2, "Title", "Nochmal"))
    assert header.stopped_at == 2 and header.body_start == 2


def test_read_header_joins_continuation_lines_and_skips_the_blank_line():
    from pelican.plugins.meetup.reading.sections import HeaderField, read_header

    header = read_header(["---", "Summary: erste Zeile", "    zweite Zeile", "---", "Text"])
    assert header.fields == (HeaderField(2, "Summary", "erste Zeile zweite Zeile"),)
    assert header.stopped_at is None and header.body_start == 4
