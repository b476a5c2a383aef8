"""Topics: what the talks are about, so "everything about LLMs" is one page.  Pure.

A talk's topics are the tags of its meeting's files (a ``Tags:`` header or a front
matter ``tags`` list, of the report and the announcement) and the topics of
``MEETUP_TOPICS`` (topic name -> title words or phrases) whose words occur in the
talk's title: case-insensitive, as whole words ("GPT" in "GPT-4 im Einsatz", not in
"GPTQ").  A tag spelled like a topic of ``MEETUP_TOPICS`` in another case is that
topic; otherwise tags are matched as written (the same spelling is the same topic,
case aside).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from .site_index import TalkEntry, TalkGroup, name_key, numbered_slugs


class TopicsError(ValueError):
    pass


class Topic(TalkGroup):
    """A topic: its name, the address of its page, its talks."""


def _sort_key(name: str) -> str:
    """Alphabetical as a reader expects it: "Ähnlichkeit" among the A's."""
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold())
                   if not unicodedata.combining(c))


def check(value: object) -> dict[str, tuple[str, ...]]:
    """MEETUP_TOPICS as {topic: (word, ...)}; a clear error for anything else."""
    example = '{"LLM": ["LLM", "GPT", "Sprachmodell"]}'
    if not isinstance(value, Mapping):
        raise TopicsError(f"MEETUP_TOPICS must map a topic to title words, e.g. {example}, "
                          f"got {value!r}")
    result: dict[str, tuple[str, ...]] = {}
    for name, words in value.items():
        if not isinstance(name, str) or not name.strip():
            raise TopicsError(f"MEETUP_TOPICS: a topic needs a name, got {name!r}")
        if isinstance(words, str) or not isinstance(words, (list, tuple)) or not all(
                isinstance(word, str) and word.strip() for word in words):
            raise TopicsError(f"MEETUP_TOPICS[{name!r}] must be a list of title words, "
                              f"e.g. {example}, got {words!r}")
        result[" ".join(name.split())] = tuple(" ".join(word.split()) for word in words)
    return result


@lru_cache(maxsize=256)
def _pattern(words: tuple[str, ...]) -> re.Pattern | None:
    if not words:
        return None
    # Whole words: no letter or digit right before or after; spaces in a phrase
    # match any run of white space.
    alternatives = "|".join(r"\s+".join(map(re.escape, word.split()))
                            for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)


def in_title(title: str, topics: Mapping[str, Iterable[str]]) -> list[str]:
    """The topics whose words occur in ``title``, in the order of ``topics``."""
    found = []
    for name, words in topics.items():
        pattern = _pattern(tuple(words))
        if pattern is not None and pattern.search(title):
            found.append(name)
    return found


def of_talk(title: str, tags: Iterable[str], topics: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    """A talk's topics: the tags of its meeting, then the topics its title names;
    each once (case aside), a tag spelled like a configured topic under its name."""
    named = {name_key(name): name for name in topics}
    result: list[str] = []
    seen: set[str] = set()
    for name in [*tags, *in_title(title, topics)]:
        name = " ".join(str(name).split())
        key = name_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        result.append(named.get(key, name))
    return tuple(result)


def with_topics(talks: Iterable[TalkEntry], tags_of: Callable[[TalkEntry], Iterable[str]],
                topics: Mapping[str, Iterable[str]]) -> list[TalkEntry]:
    """``talks`` with their ``topics`` filled in; ``tags_of(talk)``: its meeting's tags."""
    return [talk._replace(topics=of_talk(talk.title, tags_of(talk), topics)) for talk in talks]


def topics(talks: Iterable[TalkEntry], slugify: Callable[[str], str]) -> list[Topic]:
    """Every topic of ``talks`` (newest first) with its talks in that order, by name.
    Spellings that differ in case only are one topic, named as most talks write it
    (on a tie as the oldest one does)."""
    talks = list(talks)
    by_key: dict[str, list[TalkEntry]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for talk in reversed(talks):  # oldest first: a tie goes to the oldest spelling
        for name in talk.topics:
            counts = spellings.setdefault(name_key(name), {})
            counts[name] = counts.get(name, 0) + 1
    for talk in talks:
        for name in talk.topics:
            by_key.setdefault(name_key(name), []).append(talk)
    names = {key: max(counts, key=counts.get) for key, counts in spellings.items()}
    ordered = sorted(by_key, key=lambda k: (_sort_key(names[k]), names[k]))
    slugs = numbered_slugs([names[k] for k in ordered], slugify, "topic")
    return [Topic(names[k], slugs[names[k]], tuple(by_key[k])) for k in ordered]
