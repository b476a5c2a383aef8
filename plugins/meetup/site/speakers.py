"""Speakers: one page per speaker with all their talks, held and planned.

Names are matched as written (the same spelling is the same person);
``MEETUP_SPEAKER_ALIASES`` maps other spellings to one name, and a speaker named
in ``MEETUP_HIDDEN_SPEAKERS`` gets no page and is named nowhere: ``hide`` takes the
name out of a file's facts (its talks, the talks its "next" section plans, its
participant list, where the person counts without a name), before anything is written
from them (pages, meetups.json, calendars, JSON-LD, the search index), and
``redact`` takes it out of the page's text.  Speakers present in public: they stay
named under every ``MEETUP_PARTICIPANT_NAMES``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace

from ..reading.model import ArticleFacts, Participants, Talk
from ..reading.talks import split_speaker
from .site_index import TalkEntry, TalkGroup, name_key, numbered_slugs


class Speaker(TalkGroup):
    """A speaker: a name as shown, the address of the page, all their talks."""


def shown_talks(talks: Iterable[TalkEntry], aliases: Mapping[str, str],
                hidden: Iterable[str]) -> list[TalkEntry]:
    """The talks with each speaker's name as shown: an alias's name, "" when hidden."""
    canonical = {name_key(spelling): name for spelling, name in aliases.items()}
    hide = {name_key(name) for name in hidden}
    hide |= {name_key(canonical.get(name_key(name), name)) for name in hidden}
    result = []
    for talk in talks:
        name = canonical.get(name_key(talk.speaker), talk.speaker) if talk.speaker else ""
        result.append(talk._replace(speaker="" if name_key(name) in hide else name))
    return result


def speakers(talks: Iterable[TalkEntry], slugify: Callable[[str], str]) -> list[Speaker]:
    """Every named speaker of ``talks`` (names as shown), by name; each slug unique."""
    by_name: dict[str, list[TalkEntry]] = {}
    names: dict[str, str] = {}
    for talk in talks:
        if talk.speaker:
            by_name.setdefault(name_key(talk.speaker), []).append(talk)
            names.setdefault(name_key(talk.speaker), talk.speaker)
    ordered = sorted(by_name, key=lambda k: (names[k].casefold(), names[k]))
    slugs = numbered_slugs([names[k] for k in ordered], slugify, "speaker")
    return [Speaker(names[k], slugs[names[k]], tuple(by_name[k])) for k in ordered]


def hidden_spellings(aliases: Mapping[str, str], hidden: Iterable[str]) -> set[str]:
    """Every spelling of a hidden speaker: the names given and their aliases' spellings."""
    hidden = [" ".join(name.split()) for name in hidden if name.strip()]
    keys = {name_key(name) for name in hidden}
    keys |= {name_key(aliases[s]) for s in aliases if name_key(s) in keys and aliases[s].strip()}
    spellings = set(hidden)
    spellings |= {" ".join(name.split()) for spelling, name in aliases.items()
                  if name_key(name) in keys and name.strip()}
    spellings |= {" ".join(spelling.split()) for spelling, name in aliases.items()
                  if name_key(name) in keys or name_key(spelling) in keys}
    return {spelling for spelling in spellings if spelling}


def _hidden_key(name: str, spellings: set[str]) -> bool:
    return name_key(name) in {name_key(spelling) for spelling in spellings}


def hide(facts: ArticleFacts, spellings: set[str], withheld: str = "") -> ArticleFacts:
    """``facts`` without the hidden speakers' names: their talks without a speaker,
    a planned "Name: Thema" as "Thema", a participant counted without the name; a
    name left in a title or a plan ("Teil 2 mit Eve") becomes ``withheld``."""
    if not spellings:
        return facts
    pattern = _name_pattern(spellings)
    prefix = re.compile(rf"\s*(?:{pattern.pattern})\s*(?::|\s[-–—]\s)\s*", re.IGNORECASE)

    def text(value: str) -> str:
        return pattern.sub(withheld, value)

    def talk(item: Talk) -> Talk:
        hidden = bool(item.speaker) and _hidden_key(item.speaker, spellings)
        return replace(item, speaker="" if hidden else item.speaker, title=text(item.title))

    def planned(value: str) -> str:
        split = split_speaker(value)
        if split.speaker and _hidden_key(split.speaker, spellings) and split.title:
            value = split.title
        elif match := prefix.match(value):
            value = value[match.end():] or value
        return text(value)

    changes: dict = {"talks": tuple(talk(item) for item in facts.talks)}
    if facts.next is not None:
        changes["next"] = replace(facts.next, talks=tuple(planned(t) for t in facts.next.talks),
                                  remarks=tuple(text(remark) for remark in facts.next.remarks))
    people = facts.participants
    if people is not None and people.named:
        kept = tuple(p for p in people.named if not _hidden_key(p.name, spellings))
        if len(kept) != len(people.named):
            changes["participants"] = Participants(
                named=kept, extra=people.extra + len(people.named) - len(kept),
                total=people.total, exact=people.exact, lines=people.lines)
    return replace(facts, **changes)


def _name_pattern(spellings: set[str]) -> re.Pattern:
    """Any spelling as a whole word, any case, also with a genitive "s"."""
    # Between the words any white space, also as typogrify's no-break space ("&nbsp;").
    words = "|".join(r"(?:\s|&nbsp;|&#160;|&#xa0;)+".join(map(re.escape, s.split()))
                     for s in sorted(spellings, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{words})(?:s)?(?![^\W_])", re.IGNORECASE)


def redact(html: str, spellings: set[str], replacement: str) -> str:
    """``html`` with every hidden spelling in its text (as a whole word, any case,
    also with a genitive "s": "Wiebkes Rat") replaced by ``replacement``; tags and
    attributes kept as they are, but for the texts a visitor sees of them (alt, title,
    aria-label) and the heading ids made of the name ("wiebke-datenschutz" becomes
    "name-datenschutz", the links to it too)."""
    if not spellings or not html:
        return html
    pattern = _name_pattern(spellings)
    # A heading's id (and the links to it) is made of its words: "eve-verborgen-geheim".
    slugs = "|".join(re.escape("-".join(_SLUG_WORD.findall(s.casefold())))
                     for s in sorted(spellings, key=len, reverse=True))
    in_id = re.compile(rf"(?<![^\W_])(?:{slugs})s?(?![^\W_])", re.IGNORECASE)

    def attribute(match: re.Match) -> str:
        name, value = match["name"].lower(), match["value"]
        if name in ("alt", "title", "aria-label"):
            value = pattern.sub(replacement, value)
        elif name == "id" or (name == "href" and value.startswith("#")):
            value = in_id.sub("name", value)
        return match["start"] + value + match["q"]

    parts = re.split(r"(<[^>]*>)", html)
    return "".join(_ATTRIBUTE.sub(attribute, part) if part.startswith("<")
                   else pattern.sub(replacement, part) for part in parts)


_SLUG_WORD = re.compile(r"[^\W_]+")
# The attributes that show or make up a name: texts a visitor sees (alt, title,
# aria-label) and heading ids with the links to them (id, href="#…").
_ATTRIBUTE = re.compile(r"""(?P<start>\s(?P<name>[\w-]+)\s*=\s*(?P<q>["']))(?P<value>.*?)(?P=q)""",
                        re.DOTALL)
