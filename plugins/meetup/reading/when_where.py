"""A report's own time and place, from its body, when the header gives a date only.

Time: a field line ``Start: 19:30 Uhr``, ``Beginn der Sitzung: 20:08 Uhr``,
``**Datum:** 14.05.2014, 19:00 Uhr``, ``Zeit: 9. März 2020, 21:40 Uhr``, or a
heading or line with the meeting's own date and a time (``# Mittwoch, 12.
August 2015 ab 19:00 Uhr``).  ``Ende: 21:11 Uhr`` and ``Dauer: 1:47:05`` are
no start.  Place: ``Ort:``, ``Where:``, ``Venue:``, ``Location:`` field lines.
Lines of the "next" section speak of another meeting and are left out.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import find_dates, find_time, time_span
from .markdown_text import mask_non_text, plain_text
from .sections import Block

_TIME_LABEL = re.compile(
    r"(?:start|beginn|beginn der sitzung|sitzungsbeginn|anfang|zeit|uhrzeit|time|starts?"
    r"|doors|datum|date|wann|when|termin)(?:\s*\([^()]*\))?"
)
_PLACE_LABEL = re.compile(r"(?:ort|wo|where|venue|location|veranstaltungsort|treffpunkt|place)")


def meeting_time(blocks: tuple[Block, ...], day: dt.date,
                 ignored_sections: frozenset[int] = frozenset()) -> dt.time | None:
    for block in blocks:
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and _TIME_LABEL.fullmatch(block.label):
            mentions = find_dates(block.value, not_before=day)
            if mentions and mentions[0].date != day:
                continue  # "Datum: <another day>" is no time of this meeting
            time = mentions[0].time if mentions else find_time(block.value)[0]
            if time is not None:
                return time
        for mention in find_dates(block.markdown, not_before=day):
            if mention.date == day and mention.time is not None and mention.kind != "other":
                return mention.time
    return None


# "(meeting starts at 6:30pm)", "(talks start at 6:30pm)", "It all starts at 9pm",
# "Beginn um 19 Uhr": the programme's start wins over a "from 6:00pm" (doors).
_STARTS = re.compile(r"\b(?:start(?:s|ed)?|begins?|began|kick(?:s|ed)? off|beginnt|beginnen|begann"
                     r"|los geht(?:'s| es)?)\s+(?:at|um|ab|from)\s+", re.IGNORECASE)
# Only doors stated: the meeting starts when they open.
_DOORS = re.compile(r"\b(?:doors\s+open(?:s|ed)?|einlass)\s*(?:at|um|ab|from|:)?\s+", re.IGNORECASE)
_EMPHASIS = re.compile(r"[*_]+")
# "6:30-8pm": the end's "pm" is the start's too.
_RANGE = re.compile(r"(?<![0-9:.])(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5][0-9]))?[ ]?(?:-|–|to|bis)[ ]?"
                    r"(?:1[0-2]|0?[1-9])(?:[:.][0-5][0-9])?[ ]?(?P<meridiem>[ap])\.?m\b", re.IGNORECASE)


def _paragraphs(blocks: tuple[Block, ...], ignored_sections: frozenset[int]) -> list[tuple[int, str]]:
    """(section, Markdown) of every paragraph: consecutive text lines joined, so a
    sentence wrapped over lines ("… the 14th of" / "March, from 6:30pm") reads whole."""
    paragraphs: list[tuple[int, str]] = []
    previous = None
    for block in blocks:
        if block.kind != "text" or block.section in ignored_sections:
            previous = None
            continue
        if previous is not None and block.number == previous.number + 1 and block.section == previous.section:
            section, text = paragraphs[-1]
            paragraphs[-1] = (section, f"{text} {block.markdown}")
        else:
            paragraphs.append((block.section, block.markdown))
        previous = block
    return paragraphs


def _time_at(text: str) -> dt.time | None:
    """The time at the start of ``text`` ("6:30pm", "_6:30pm_", "19 Uhr", "6:30-8pm")."""
    text = text.lstrip(" _*")
    if match := _RANGE.match(text):
        hour = int(match["hour"]) % 12 + (12 if match["meridiem"].lower() == "p" else 0)
        return dt.time(hour, int(match["minute"] or 0))
    time, problem = find_time(text[:16])
    span = time_span(text[:16])
    return time if time is not None and not problem and span is not None and span[0] == 0 else None


def stated_time(blocks: tuple[Block, ...], day: dt.date,
                ignored_sections: frozenset[int] = frozenset()) -> dt.time | None:
    """The meeting's start as a paragraph states it: "The March meeting will be on Monday
    the 14th of March, from 6:00pm to 8:00pm (meeting starts at 6:30pm)" is 18:30.

    Only paragraphs before the first heading or naming the meeting's own date count;
    struck text is withdrawn ("from <strike>6:30pm</strike> <strong>7:00pm</strong>")."""
    doors = None
    for section, markdown in _paragraphs(blocks, ignored_sections):
        # "*Monday the 10th of March*, from _6:30pm_": emphasis is no part of a date.
        masked = _EMPHASIS.sub("", mask_non_text(markdown))
        own = [mention for mention in find_dates(masked, not_before=day) if mention.date == day]
        if section != 0 and not own:
            continue
        for match in _STARTS.finditer(masked):
            if (time := _time_at(masked[match.end():])) is not None:
                return time
        for match in _DOORS.finditer(masked):
            doors = doors or _time_at(masked[match.end():])
        for mention in own:
            if mention.time is not None:
                window = masked[mention.start:mention.start + len(mention.text) + 12]
                ranged = _RANGE.search(window)
                if ranged is not None and ranged.start() < len(mention.text):
                    return _time_at(window[ranged.start():])
                return mention.time
    return doors


# "The March meeting will be on Monday the 14th of March", "… is on Monday the 14th",
# "Das Treffen findet am 12. März statt": an announcement's own date in a sentence.
_WILL_BE_ON = re.compile(r"\b(?:will\s+be\s+(?:held\s+)?on|is\s+on|takes\s+place\s+on"
                         r"|will\s+take\s+place\s+on|findet\s+am|treffen\s+wir\s+uns\s+am"
                         r"|trifft\s+sich\s+am)\s+", re.IGNORECASE)
_NEAR = 40


_NEXT_BEFORE = re.compile(r"\b(?:next|naechste[snr]?|nächste[snr]?|folgende[snr]?)\b", re.IGNORECASE)


def announced_date(blocks: tuple[Block, ...], published: dt.date, *,
                   next_counts: bool = True) -> tuple[dt.date, int] | None:
    """(date, section) of the meeting a paragraph before the first heading, or the first
    paragraph of the file, announces with "will be on …"; None when none does, or
    when the paragraphs name different days.  ``next_counts``: "The next meeting will
    be on …" counts too (an announcement's own meeting, or a report's next one)."""
    found: set[dt.date] = set()
    where = 0
    for position, (section, markdown) in enumerate(_paragraphs(blocks, frozenset())):
        if section != 0 and position > 0:
            continue
        masked = _EMPHASIS.sub("", mask_non_text(markdown))
        for match in _WILL_BE_ON.finditer(masked):
            sentence = masked[max(0, match.start() - 60):match.start()].rsplit(".", 1)[-1]
            if not next_counts and _NEXT_BEFORE.search(sentence):
                continue
            mentions = [mention for mention in find_dates(masked[match.end():], not_before=published)
                        if mention.start <= _NEAR]
            if mentions and mentions[0].date is not None:
                found.add(mentions[0].date)
                where = section
    return (found.pop(), where) if len(found) == 1 else None


_LINK_NAME = r"\[(?P<{0}>[^\[\]]+)\](?:\([^()]*\)|\[[^\[\]]*\])"
# Where the meeting is, as a sentence says it (Markdown, emphasis removed), best first.
_VENUE_SENTENCES = (
    # "The venue, [Code Node](…) near …", "at our new venue [The Crypt](…)".
    re.compile(r"\b(?:the|our)\s+(?:new\s+|usual\s+)?venue(?:\s+this\s+(?:time|month))?\s*,?\s*(?:is\s+)?"
               + _LINK_NAME.format("name"), re.IGNORECASE),
    # "a bar called Sequoia @ Ruby Lo, at 23 Example Street".
    re.compile(r"\b(?:a|the)\s+(?:bar|pub|restaurant|cafe|café|venue|place)\s+called\s+"
               r"(?P<name>[^,.;()\[\]]+)", re.IGNORECASE),
    # "at [The Chandos](…) pub", "at our usual [Example Hall](…) venue".
    re.compile(r"\bat\s+(?:our\s+usual\s+|the\s+)?" + _LINK_NAME.format("name")
               + r"\s+(?:pub|bar|venue|offices|cafe|café)\b", re.IGNORECASE),
)
# "the venue this time is wherever you happen to be because it's completely virtual".
_VIRTUAL = re.compile(r"\bvenue\b[^.]{0,80}?\b(?:virtual|online|zoom|remote)\b", re.IGNORECASE)
# "Our hosts [Example Co](…) will provide the space", "hosted by the folk at [X](…)",
# "The venue this month is provided by [X](…)": the host, when no venue is named.
_HOSTED_BY = re.compile(r"\b(?:our\s+hosts?|hosted\s+by(?:\s+[\w\s]{0,30}?\bat)?|provided\s+by)\s+(?:the\s+)?"
                        + _LINK_NAME.format("name"), re.IGNORECASE)
_VENUE_HEADING = re.compile(r"(?:venue|location|veranstaltungsort|address|adresse|anfahrt)\b", re.IGNORECASE)


def _clean_name(name: str) -> str:
    return " ".join(name.split()).strip(" ,.:;*_")


def venue(blocks: tuple[Block, ...], day: dt.date | None = None,
          ignored_sections: frozenset[int] = frozenset()) -> str | None:
    """The meeting's place as the text names it: a venue sentence in a paragraph
    before the first heading (or naming the meeting's own ``day``), else the first line
    of the address quoted under a ``### Venue`` heading, else the host the sentence
    names ("Our hosts [Example Co](…)").  The pub afterwards is no venue: it is named
    in other words ("we head over to …")."""
    paragraphs = []
    for section, markdown in _paragraphs(blocks, ignored_sections):
        text = _EMPHASIS.sub("", re.sub(r"<(?P<tag>del|s|strike)>.*?</(?P=tag)>", " ", markdown,
                                        flags=re.IGNORECASE))
        own = day is not None and any(mention.date == day for mention in find_dates(text, not_before=day))
        if section == 0 or own:
            paragraphs.append(text)
    for pattern in _VENUE_SENTENCES:
        for text in paragraphs:
            if match := pattern.search(text):
                return _clean_name(plain_text(match["name"]))
    for text in paragraphs:
        if _VIRTUAL.search(text):
            return "Online"
    if place := _address_under_heading(blocks, ignored_sections):
        return place
    for text in paragraphs:
        if match := _HOSTED_BY.search(text):
            return _clean_name(plain_text(match["name"]))
    return None


def _address_under_heading(blocks: tuple[Block, ...], ignored_sections: frozenset[int]) -> str | None:
    """``### Venue`` + "The address of the venue:" + ``> Example Hall<br/>1 Example Street``:
    "Example Hall"; None when the quote starts with the street."""
    under = None
    for block in blocks:
        if block.kind == "heading":
            under = block.section if _VENUE_HEADING.match(plain_text(block.markdown)) else None
            continue
        if under is None or block.section != under or block.section in ignored_sections:
            continue
        if block.markdown.startswith(">"):
            first = re.split(r"<br\s*/?>", block.markdown.lstrip("> "), maxsplit=1)[0]
            name = _clean_name(plain_text(first))
            # "24 Example Street": the address starts with the street, not a name.
            return name if name and not re.search(r"[0-9]", name) else None
    return None


def meeting_place(blocks: tuple[Block, ...],
                  ignored_sections: frozenset[int] = frozenset()) -> str | None:
    for block in blocks:
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and _PLACE_LABEL.fullmatch(block.label) and block.value:
            return block.value
    return None
