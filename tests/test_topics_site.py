"""Topic pages end to end, on the demo site (built once per session) and the English
archive: MEETUP_TOPICS title words and Tags: headers make one page per topic, listed on
the topics index (themen/, topics/ in English) and linked from the talks page and every
talk item; meetups.json names each talk's topics; Pelican writes no tag pages of its
own; speaker and topic addresses are ASCII."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from helpers import build_site, write_settings


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").replace("\u202f", " ").replace("\xa0", " ").split())


def items(page: BeautifulSoup) -> dict[str, BeautifulSoup]:
    return {text(item.strong): item for item in page.select("ul.talks > li")}


def test_the_topics_index_lists_every_topic_with_its_talks(demo_site):
    index = soup(demo_site, "themen")
    assert text(index.h1) == "Themen"
    entries = [text(item) for item in index.select("main ul.topics-index > li")]
    # By name ("Erklärbarkeit" among the E's); tags (Computer Vision, Erklärbarkeit) and
    # MEETUP_TOPICS alike, a tag named like a configured topic (Synthetische Daten) once.
    assert entries == ["Computer Vision – 2 Vorträge", "Erklärbarkeit – 1 Vortrag",
                       "Graphen – 1 Vortrag", "LLM – 7 Vorträge", "MLOps – 4 Vorträge",
                       "Recht – 2 Vorträge", "Synthetische Daten – 2 Vorträge",
                       "Zeitreihen – 1 Vortrag"]
    links = [a["href"] for a in index.select("main ul.topics-index a")]
    assert links[:2] == ["../themen/computer-vision/", "../themen/erklaerbarkeit/"]
    for href in links:
        assert (demo_site / "themen" / href.split("/")[-2] / "index.html").is_file(), href


def test_a_topic_page_lists_its_talks_with_speaker_materials_and_report(demo_site):
    page = soup(demo_site, "themen/recht")
    assert text(page.h1) == "Thema: Recht"
    assert text(page.select_one("main > p:not(.crumbs)")) == "1 gehaltener Vortrag, 1 geplant."
    talks = items(page)
    assert list(talks) == ["Ein Jahr AI Act – was sich in den Projekten geändert hat",
                           "Der EU AI Act für Entwickler"]
    planned, held = talks.values()
    assert "geplant" in text(planned) and planned.find("a", string="Zum Treffen")
    assert held.select_one("a.speaker")["href"] == "../../sprecher/wiebke/"
    assert held.find("a", string="Folien")["href"] \
        == "https://speakerdeck.com/example/eu-ai-act-fuer-entwickler"
    assert held.find("a", string="Zum Bericht")["href"] \
        == "../../bericht-vom-treffen-im-november-2025/"
    assert held.select_one(".topics") is None  # its only topic is this page's


def test_tags_and_title_words_together(demo_site):
    # Tag of its report ("Computer Vision, Synthetische Daten") and the title's words.
    page = soup(demo_site, "themen/synthetische-daten")
    assert list(items(page)) == ["Synthetische Daten für tabellarische Modelle",
                                 "Diffusionsmodelle für synthetische Trainingsdaten"]
    other = items(page)["Diffusionsmodelle für synthetische Trainingsdaten"].select_one(".topics")
    assert text(other) == "Themen: Computer Vision"
    assert other.a["href"] == "../../themen/computer-vision/"


def test_the_talks_page_and_its_items_link_the_topics(demo_site):
    talks = soup(demo_site, "vortraege")
    block = talks.select_one("main nav.topic-list")
    assert text(block.h2) == "Themen"
    assert "LLM (7)" in text(block) and block.find("a", string="Alle Themen")["href"] == "../themen/"
    item = items(talks)["Fine-Tuning mit LoRA und QLoRA"]
    assert text(item.select_one(".topics")) == "Themen: LLM"
    assert item.select_one("a.topic")["href"] == "../themen/llm/"
    assert items(talks)["Kausale Inferenz für Marketing-Daten"].select_one(".topics") is None
    # The speaker page shows the same item, with its topics.
    speaker = items(soup(demo_site, "sprecher/wiebke"))["Der EU AI Act für Entwickler"]
    assert speaker.select_one("a.topic")["href"] == "../../themen/recht/"


def test_a_planned_talk_shows_the_materials_its_announcement_links(demo_site):
    planned = items(soup(demo_site, "vortraege"))["Embeddings für die Produktsuche"]
    assert "geplant" in text(planned)
    assert planned.find("a", string="Code")["href"] \
        == "https://github.com/example/produktsuche-embeddings"
    speaker = items(soup(demo_site, "sprecher/yvonne"))["Embeddings für die Produktsuche"]
    assert speaker.find("a", string="Code")


def test_meetups_json_names_each_talks_topics(demo_site):
    data = json.loads((demo_site / "meetups.json").read_text(encoding="utf-8"))
    talks = {(a["source"], t["title"]): t for a in data["articles"] for t in a["talks"]}
    assert talks[("2024-06-18-bericht.md", "Diffusionsmodelle für synthetische Trainingsdaten")][
        "topics"] == ["Computer Vision", "Synthetische Daten"]
    assert talks[("2025-10-21-bericht.md", "Fine-Tuning mit LoRA und QLoRA")]["topics"] == ["LLM"]
    assert talks[("2025-09-16-bericht.md", "Kausale Inferenz für Marketing-Daten")]["topics"] == []
    planned = talks[("2026-01-20-einladung.md", "Embeddings für die Produktsuche")]
    assert planned["materials"] == [{"label": "code",
                                     "url": "https://github.com/example/produktsuche-embeddings"}]


def test_one_page_per_topic_and_ascii_addresses(demo_site):
    assert not (demo_site / "tag").exists() and not (demo_site / "tags.html").exists()
    assert not list(demo_site.rglob("tag/*"))
    for folder in ("themen", "sprecher"):
        names = [path.name for path in (demo_site / folder).iterdir() if path.is_dir()]
        assert names and all(name.isascii() for name in names), names
    sitemap = (demo_site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("/themen/llm/") == 1


def test_english_topics_live_under_topics(english_site):
    index = soup(english_site, "topics")
    assert text(index.h1) == "Topics"
    assert [text(item) for item in index.select("main ul.topics-index > li")] == [
        # The October report's tags are topics of both its talks.
        "Data quality – 1 talk", "Evaluation – 2 talks", "Forecasting – 1 talk",
        "Retrieval – 2 talks"]
    page = soup(english_site, "topics/forecasting")
    assert text(page.h1) == "Topic: Forecasting"
    assert not (english_site / "themen").exists()
    talks = soup(english_site, "talks")
    assert text(talks.select_one("nav.topic-list h2")) == "Topics"


def test_no_topics_no_topic_pages(tmp_path):
    """Without MEETUP_TOPICS and Tags: headers (the default) there is nothing to show."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "2025-10-14-bericht.md").write_text(
        "Title: Bericht vom Oktober\nDate: 2025-10-14 18:30\n\n### Teilnehmer\n\n- Anna\n\n"
        "### Anna: LLM-Agenten\n\n- Werkzeuge\n", encoding="utf-8")
    settings = write_settings(tmp_path / "settings.py", PATH=str(content), MEETUP_TOPICS={},
                              CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    output = tmp_path / "output"
    result = build_site(content, output, settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (output / "themen").exists()
    talks = soup(output, "vortraege")
    assert "LLM-Agenten" in text(talks.main) and talks.select_one("nav.topic-list") is None


def test_a_broken_topics_setting_stops_the_build_with_a_message(tmp_path):
    settings = write_settings(tmp_path / "settings.py", MEETUP_TOPICS={"LLM": "GPT"})
    result = build_site(Path(__file__).resolve().parent.parent / "content", tmp_path / "out",
                        settings=settings)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "MEETUP_TOPICS['LLM'] must be a list of title words" in output
    assert "Traceback" not in output


FRONT_MATTER = {
    "2025-01-14-bericht.md": ("---\ntitle: Bericht Januar\ndate: 2025-01-14 18:30\n"
                              "tags:\n  - LLM\n  - Recht\n---\n"),
    "2025-02-11-bericht.md": ('+++\ntitle = "Bericht Februar"\ndate = 2025-02-11T18:30:00\n'
                              'tags = ["Datenbanken"]\n+++\n'),
    "2025-03-11-bericht.md": ('{\n  "title": "Bericht März",\n  "date": "2025-03-11 18:30",\n'
                              '  "tags": ["datenbanken", "Suche"]\n}\n'),
    "2025-04-08-bericht.md": "Title: Bericht April\nDate: 2025-04-08 18:30\ntags: Suche, LLM\n",
}


def test_tags_from_yaml_toml_json_front_matter_and_a_lower_case_header(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for number, (name, head) in enumerate(FRONT_MATTER.items()):
        (content / name).write_text(head + f"\n### Teilnehmer\n\n- Anna\n- Bernd\n\n"
                                    f"### Anna: Vortrag Nummer {number + 1}\n\n- Notizen\n",
                                    encoding="utf-8")
    settings = write_settings(tmp_path / "settings.py", PATH=str(content), MEETUP_TOPICS={},
                              CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    output = tmp_path / "output"
    result = build_site(content, output, settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    index = [text(item) for item in soup(output, "themen").select("main ul.topics-index > li")]
    assert index == ["Datenbanken – 2 Vorträge", "LLM – 2 Vorträge", "Recht – 1 Vortrag",
                     "Suche – 2 Vorträge"]
    assert list(items(soup(output, "themen/suche"))) == ["Vortrag Nummer 4", "Vortrag Nummer 3"]
