"""Materials of a talk: the links near it that name slides, a video, code or a notebook."""

from __future__ import annotations

from pelican.plugins.meetup.reading.materials import materials_in
from pelican.plugins.meetup.reading.model import Material, Talk
from textbuilders import facts_of


def held(body: str) -> tuple[Talk, ...]:
    return facts_of(f"### Teilnehmer\n\n- Anna\n\n{body}\n").talks


def test_labelled_links_under_a_talk_heading():
    talks = held("### Anna: Embeddings\n\n- [Folien](https://example.org/a.pdf)\n"
                 "- [Aufzeichnung](https://example.org/rec)\n- [Code](https://example.org/repo)\n"
                 "- [Notebook](https://example.org/nb.ipynb)\n- [Homepage](https://anna.example)\n")
    assert talks == (Talk("Anna", "Embeddings", (
        Material("slides", "https://example.org/a.pdf"), Material("video", "https://example.org/rec"),
        Material("code", "https://example.org/repo"), Material("notebook", "https://example.org/nb.ipynb"))),)


def test_by_line_with_slides_keeps_the_speaker():
    talks = held("### Property tests in practice\n\nby Ann Example - [slides](https://example.org/s.pdf)\n")
    assert talks == (Talk("Ann Example", "Property tests in practice",
                          (Material("slides", "https://example.org/s.pdf"),)),)


def test_hosts_count_without_a_label():
    assert materials_in("https://www.youtube.com/watch?v=x1 <https://vimeo.com/123> "
                        "[Deck](https://speakerdeck.com/ann/deck) [Blog](https://ann.example)") == [
        Material("video", "https://www.youtube.com/watch?v=x1"), Material("video", "https://vimeo.com/123"),
        Material("slides", "https://speakerdeck.com/ann/deck")]


def test_links_far_from_the_talk_are_not_its_materials():
    talks = held("### Anna: Embeddings\n\nAnna erklärt Vektoren.\n\nMehr Text mit [Folien](https://example.org/other.pdf)\n\n"
                 "### Links\n\n- [Video](https://example.org/v)\n")
    assert talks == (Talk("Anna", "Embeddings"),)


def test_the_heading_itself_may_link_the_slides():
    talks = held("### Bernd: [MLOps mit DVC](https://speakerdeck.com/bernd/dvc)\n")
    assert talks[0].materials == (Material("slides", "https://speakerdeck.com/bernd/dvc"),)


def test_a_plain_address_takes_its_label_from_the_words_before_it():
    assert materials_in("Slides: https://example.org/lifetimes") == [
        Material("slides", "https://example.org/lifetimes")]
    assert materials_in("Video unter <https://example.org/rec>, Code: https://example.org/repo") == [
        Material("video", "https://example.org/rec"), Material("code", "https://example.org/repo")]
    # Words that name no material leave the address what it is: a link.
    assert materials_in("Mehr dazu auf https://example.org/blog") == []


def test_a_slides_field_under_a_talk_heading():
    talks = held("### Oliver Grant: Lifetimes without tears\n\nSlides: https://example.org/lifetimes\n")
    assert talks[0].materials == (Material("slides", "https://example.org/lifetimes"),)
