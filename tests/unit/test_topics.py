"""Topics on plain data: tags and MEETUP_TOPICS title words, whole words, one topic per
name; topic pages list their talks; settings checked with a clear message."""

from __future__ import annotations

import datetime as dt

import pytest

from pelican.plugins.meetup.site.site_index import TalkEntry
from pelican.plugins.meetup.site.topics import TopicsError, check, in_title, of_talk, topics, with_topics

MAP = {"LLM": ["LLM", "GPT", "Sprachmodell"], "Graphen": ["Graph Neural Networks"],
       "MLOps": ["MLOps"]}


def talk(day: int, title: str, speaker: str = "Anna", planned: bool = False) -> TalkEntry:
    return TalkEntry(dt.date(2025, 1, day), speaker, title, "r/", planned,
                     None if planned else "r/")


@pytest.mark.parametrize("title, expected", [
    ("GPT-4 im Einsatz", ["LLM"]),
    ("Evaluation von LLM-Anwendungen", ["LLM"]),
    ("Ein kleines sprachmodell lokal", ["LLM"]),  # any case
    ("GPTQ-Quantisierung", []),  # whole words only
    ("Sprachmodelle", []),  # a plural is a word of its own (list it when wanted)
    ("Graph  Neural\nNetworks für Fahrpläne", ["Graphen"]),  # a phrase over any white space
    ("Graph Networks", []),
    ("MLOps mit DVC und GPT", ["LLM", "MLOps"]),  # in the order of MEETUP_TOPICS
    ("", []),
])
def test_title_words_name_topics_as_whole_words(title, expected):
    assert in_title(title, check(MAP)) == expected


def test_a_talks_topics_are_its_meetings_tags_then_its_title_topics_each_once():
    topics_map = check(MAP)
    assert of_talk("GPT im Kundenservice", ["Kundenservice", "llm"], topics_map) \
        == ("Kundenservice", "LLM")  # the tag "llm" is the configured topic "LLM"
    assert of_talk("Nichts davon", [" Computer   Vision ", "computer vision", ""], topics_map) \
        == ("Computer Vision",)
    assert of_talk("GPT", [], {}) == ()


def test_topic_pages_list_their_talks_newest_first_with_unique_ascii_slugs():
    talks = with_topics([talk(9, "GPT für alle", planned=True), talk(5, "Graph Neural Networks"),
                         talk(3, "LLM-Agenten", speaker="Björn"), talk(1, "Ohne Thema")],
                        lambda t: ["Ähnlichkeit"] if t.date.day == 5 else [], check(MAP))
    assert [t.topics for t in talks] == [("LLM",), ("Ähnlichkeit", "Graphen"), ("LLM",), ()]
    found = topics(talks, lambda name: name.lower().replace("ä", "ae"))
    assert [(t.name, t.slug, [x.title for x in t.talks], t.held) for t in found] == [
        ("Ähnlichkeit", "aehnlichkeit", ["Graph Neural Networks"], 1),
        ("Graphen", "graphen", ["Graph Neural Networks"], 1),
        ("LLM", "llm", ["GPT für alle", "LLM-Agenten"], 1),
    ]
    same = topics(with_topics([talk(2, "x"), talk(1, "y")],
                              lambda t: ["C++"] if t.title == "x" else ["C#"], {}),
                  lambda name: "c")
    assert [(t.name, t.slug) for t in same] == [("C#", "c"), ("C++", "c-2")]
    assert topics(talks, lambda name: "")[0].slug == "topic"  # never an empty address


@pytest.mark.parametrize("value, message", [
    (["LLM"], "must map a topic to title words"),
    ({"LLM": "GPT"}, "MEETUP_TOPICS['LLM'] must be a list of title words"),
    ({"LLM": ["GPT", ""]}, "must be a list of title words"),
    ({"": ["GPT"]}, "a topic needs a name"),
])
def test_a_broken_setting_says_what_is_wrong(value, message):
    with pytest.raises(TopicsError, match=message.replace("[", r"\[").replace("]", r"\]")):
        check(value)


def test_no_topics_by_default():
    from pelican.plugins.meetup.settings import DEFAULTS
    assert DEFAULTS["MEETUP_TOPICS"] == {} and check(DEFAULTS["MEETUP_TOPICS"]) == {}
