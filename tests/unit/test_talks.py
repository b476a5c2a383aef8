"""Talks held: report headings ``Name: Thema`` and what is not a talk."""

from __future__ import annotations

import pytest

from pelican.plugins.meetup.reading.model import Talk
from pelican.plugins.meetup.reading.talks import is_placeholder, looks_like_name
from textbuilders import facts_of


def held(heading: str) -> tuple[Talk, ...]:
    return facts_of(f"### Teilnehmer\n\n- Anna\n\n{heading}\n\n- Notizen\n").talks


@pytest.mark.parametrize("heading, expected", [
    ("### Andreas: Hosting of ML models", Talk("Andreas", "Hosting of ML models")),
    ('### Uwe: Buchbesprechung "Deep learning for Coder with fastai & PyTorch"',
     Talk("Uwe", 'Buchbesprechung "Deep learning for Coder with fastai & PyTorch"')),
    ("### Bernd - MLOps mit DVC", Talk("Bernd", "MLOps mit DVC")),
    ("### Elif – Feature Stores in der Praxis", Talk("Elif", "Feature Stores in der Praxis")),
    ("## Dr. K. Maier: Kausale Inferenz", Talk("Dr. K. Maier", "Kausale Inferenz")),
    ("#### Anna und Bernd: Pair Programming mit LLMs", Talk("Anna und Bernd", "Pair Programming mit LLMs")),
    ("### Jan/Janina: Datenschutz", Talk("Jan/Janina", "Datenschutz")),
    ("### Hans-Peter Müller: Zeitreihen mit Prophet", Talk("Hans-Peter Müller", "Zeitreihen mit Prophet")),
    ("### **Greta**: Evaluation von LLM-Anwendungen", Talk("Greta", "Evaluation von LLM-Anwendungen")),
    ("### Anna: Einführung in C#", Talk("Anna", "Einführung in C")),  # as Python-Markdown renders it
])
def test_talk_headings(heading, expected):
    assert held(heading) == (expected,)


@pytest.mark.parametrize("heading", [
    "### Fazit: was bleibt",
    "### Intro",
    "### Protokoll",
    "### Organisatorisches: neuer Raum",
    "### Sonstiges - Termine",
    "### Links: zum Weiterlesen",
    "### Teil 2: Training",
    "### AWS: Lambda und Fargate",
    "#### AWS ECS (Fargate)",
    "### Schritt 3 - Deployment",
    "### Lightning Talk: fünf Minuten",
    "### Stable diffusion - ein Überblick",  # lower-case second word: no name
    "### Der neue Raum: wo er ist und wie man hinkommt",
    "# Anna: eine Überschrift erster Ebene",
    "### Anna:",
])
def test_headings_that_are_no_talks(heading):
    assert held(heading) == ()


def test_talks_in_order_and_subheadings_skipped():
    body = ("### Teilnehmer\n\n- Andreas\n\n### Andreas: Hosting of ML models\n\n#### AWS ECS (Fargate)\n\n"
            "#### Google Cloud Run (GCR)\n\n### Uwe - Buchbesprechung\n")
    assert facts_of(body).talks == (Talk("Andreas", "Hosting of ML models"), Talk("Uwe", "Buchbesprechung"))


def test_a_heading_inside_a_code_block_is_no_talk():
    body = "### Teilnehmer\n\n- Anna\n\n```bash\n## Anna: kein Vortrag\n```\n\n    ## Bernd: auch keiner\n"
    assert facts_of(body).talks == ()


def test_talks_planned_under_next_are_not_held():
    body = "### Teilnehmer\n\n- Anna\n\n### next\n\n- date: 2024-04-16\n\n#### Bernd: geplant\n"
    facts = facts_of(body)
    assert facts.talks == ()
    assert facts.next.talks == ()


@pytest.mark.parametrize("text, expected", [
    ("Andreas", True), ("Dr. K. Maier", True), ("Anna & Bernd", True), ("Jan/Janina", True),
    ("Fazit", False), ("AWS", False), ("Teil 2", False), ("anna", False), ("Eins Zwei Drei Vier", False),
    ("", False),
])
def test_looks_like_name(text, expected):
    assert looks_like_name(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("(meldet euch wenn ihr Vorträge habt!)", True), ("wir suchen Vorträge", True), ("tba", True),
    ("TBA", True), ("noch offen", True), ("Vorschläge willkommen!", True), ("", True), ("???", True),
    ("Anna: Embeddings", False), ("Offene Daten im ÖPNV", False),
])
def test_placeholders(text, expected):
    assert is_placeholder(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("(get in touch if you would like to present!)", True),
    ("We are still looking for talks", True), ("we're looking for speakers", True),
    ("Let us know if you want to speak", True), ("Speakers wanted!", True),
    ("Call for speakers: open until May", True), ("(let us know if you have a talk!)", True),
    ("one more slot: let us know if you would like it!", True), ("TBC", True),
    ("to be confirmed", True), ("Your talk here?", True), ("Talk proposals welcome", True),
    ("Ann: Looking for anomalies in sensor data", False), ("Wanted: a faster dataframe", False),
    ("Speaking to your data with LLMs", False), ("Sofia: What product managers want from a model",
                                                 False),
    ("Reaching users offline", False), ("Open data in Bristol's buses", False),
])
def test_english_calls_for_talks_are_placeholders(text, expected):
    """English organizers ask for talks in their own words: no talk yet, like "meldet euch"."""
    assert is_placeholder(text) is expected


def test_an_english_call_for_talks_is_no_planned_talk_but_a_remark():
    body = ("### Participants\n\n- Ann\n\n### Next meeting\n\n- Date: April 16, 2024\n"
            "- Talks:\n    - Ben: Embeddings in practice\n"
            "    - we are still looking for talks – get in touch!\n")
    facts = facts_of(body)
    assert facts.next.talks == ("Ben: Embeddings in practice",)
    assert facts.next.remarks == ("we are still looking for talks – get in touch!",)
