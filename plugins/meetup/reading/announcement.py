"""An announcement ("Einladung"): when, where, what, and where to sign up.

"Wann:" and "Wo:" may be headings or labelled lines (``Wann: 21.11.2023,
18:30 Uhr``); raw ``<p>`` tags occur in old files and are read as text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .talk_lines import talks_under_headings, with_full_names
from .when_where import announced_date, stated_time
from .dates import Found, choose_date, find_dates, find_time, with_time
from .markdown_text import fold, links, list_item, plain_text
from .model import N_, MeetingTime, Talk, Text
from .sections import Document, Line, Section
from .materials import materials_in, unique, without_materials
from .talks import programme_entry, split_speaker

Problems = list[tuple[int, Text]]

_WHEN_HEADING = re.compile(r"(?:wann|when)(?![\w-])")
_WHEN_LINE = re.compile(r"[\W_]*(?:wann|when)\s*:")
_WHERE_HEADING = re.compile(r"(?:wo|where|ort|location|veranstaltungsort)(?![\w-])\s*[:?]?\s*(?P<rest>.*)",
                            re.IGNORECASE)
_WHERE_LINE = re.compile(r"[\W_]*(?:wo|where|ort)\s*:\s*(?P<rest>.+)", re.IGNORECASE)
_SIGNUP_HEADING = re.compile(r"(?:anmeldung|anmelden|sign[- ]?up|rsvp|registrierung|registration|tickets?)(?![\w-])")
_SIGNUP_HINT = re.compile(r"meetup\.com|anmeld|rsvp|sign[- ]?up|registr")
_TALKS_HEADING = re.compile(r"(?:vortraege|vortrag|programm|themen|thema|agenda|talks?|topics?)(?![\w-])")


def _heading_matches(pattern: re.Pattern, section: Section) -> bool:
    return bool(section.level) and pattern.match(fold(plain_text(section.title))) is not None


def when_lines(document: Document, ignored: frozenset[int] = frozenset()) -> list[Line]:
    """Lines of "Wann" sections and labelled "Wann:" lines outside the ``ignored`` sections."""
    lines: dict[int, Line] = {}
    for index, section in enumerate(document.sections):
        if index in ignored:
            continue
        if _heading_matches(_WHEN_HEADING, section):
            lines[section.line] = Line(section.line, section.title)
            lines.update((line.number, line) for line in section.body)
        for line in section.body:
            if _WHEN_LINE.match(fold(plain_text(line.text))):
                lines[line.number] = line
    return [lines[number] for number in sorted(lines)]


def has_when(document: Document, ignored: frozenset[int] = frozenset()) -> bool:
    """A report's "next" section may say "Wann: …" too; pass its sections as ``ignored``."""
    return bool(when_lines(document, ignored))


def _in_when(problem: Text) -> Text:
    # TRANSLATORS: an invitation's "When:" section; {problem} another message of the reader.
    return Text(N_("Section “When”: {problem}"), problem=problem)


def _meeting(document: Document, published: dt.date, default_time: dt.time | None,
             own_date: dt.date | None = None) -> tuple[MeetingTime | None, Problems]:
    lines = when_lines(document)
    if not lines:
        # The front matter's meeting date, else "The March meeting will be on …".
        announced = (own_date, 0) if own_date is not None else announced_date(document.blocks, published)
        if announced is not None:
            day = announced[0]
            return MeetingTime(day, stated_time(document.blocks, day) or default_time), []
        first_line = document.sections[0].line
        return None, [(first_line, Text(N_("invitation without “When:” (section or line)")))]
    found = [Found(line.number, mention) for line in lines
             for mention in find_dates(line.text, not_before=published)]
    choice, problems = choose_date(found)
    problems = [(line, _in_when(problem)) for line, problem in problems]
    if choice is None:
        return None, problems or [(lines[0].number, _in_when(Text(N_("no date found"))))]
    times = [time for line in lines if (time := find_time(line.text)[0])]
    choice = with_time(choice, times[0] if times else None)
    return MeetingTime(choice.date, choice.time or default_time), problems


def _location(document: Document) -> str | None:
    for section in document.sections:
        heading = _WHERE_HEADING.match(plain_text(section.title)) if section.level else None
        if heading is None:
            continue
        parts = [heading["rest"]]  # "### Wo: Bosch, Stuttgart"
        for line in section.body:
            item = list_item(line.text)
            text = item.content if item else line.text
            only_a_url = links(text) and plain_text(text) == links(text)[0].url
            parts.append("" if only_a_url else plain_text(text))
        location = ", ".join(part for part in parts if part)
        if location:
            return location
    for line in document.text_lines():
        if match := _WHERE_LINE.match(plain_text(line.text)):
            return match["rest"].strip()
    return None


def _web_links(text: str):
    return [link for link in links(text) if link.url.lower().startswith(("http://", "https://"))]


def signup_url(document: Document) -> str | None:
    for section in document.sections:
        if _heading_matches(_SIGNUP_HEADING, section):
            for line in (Line(section.line, section.title), *section.body):
                if found := _web_links(line.text):
                    return found[0].url
    for line in document.text_lines():
        for link in _web_links(line.text):
            before = fold(plain_text(line.text[: link.start]))
            if _SIGNUP_HINT.search(fold(f"{link.url} {link.text}")) or _SIGNUP_HINT.search(before):
                return link.url
    return None


def _listed_talks(lines: list[Line]) -> list[Talk]:
    """The programme entries of a talks section (its top-level items, or its lines) as
    talks, each with the materials linked on its line or in the items under it
    ("- Anna: Embeddings ([Folien](…))"), as a report's talks have them."""
    items = [(index, item.indent, item.content) for index, line in enumerate(lines)
             if (item := list_item(line.text))]
    if items:
        top = min(indent for _, indent, _ in items)
        starts = [(index, content) for index, indent, content in items if indent == top]
        ends = [index for index, _ in starts[1:]] + [len(lines)]
        entries = [(content, [lines[i].text for i in range(start + 1, end)])
                   for (start, content), end in zip(starts, ends)]
    else:
        entries = [(line.text, []) for line in lines if line.text.strip()]
    talks = []
    for markdown, below in entries:
        entry = programme_entry(without_materials(markdown))
        if not entry:
            continue
        found = unique(material for text in [markdown, *below] for material in materials_in(text))
        talk = split_speaker(entry)
        talks.append(Talk(talk.speaker, talk.title, found) if found else talk)
    return talks


def _planned_talks(document: Document) -> tuple[Talk, ...]:
    """Items of a talks section, else title headings with their speaker below."""
    talks: list[Talk] = []
    sections = document.sections
    for index, section in enumerate(sections):
        if _heading_matches(_TALKS_HEADING, section):
            lines = list(section.body)
            has_items = any(list_item(line.text) for line in lines)
            has_subsections = index + 1 < len(sections) and sections[index + 1].level > section.level
            if has_items or not has_subsections:  # else its text introduces the talk headings
                talks.extend(_listed_talks(lines))
    if not talks:
        talks = [talk for _, talk in talks_under_headings(document.blocks)]
    return tuple(with_full_names(talks, document.blocks))


@dataclass(frozen=True)
class Announcement:
    meeting: MeetingTime | None
    location: str | None
    signup_url: str | None
    talks: tuple[Talk, ...]


def read_announcement(document: Document, published: dt.date,
                      default_time: dt.time | None = None,
                      own_date: dt.date | None = None) -> tuple[Announcement, Problems]:
    """``published`` is the file's date: a date written without a year is the next one from it;
    ``own_date``: the meeting's date from front matter (``meeting_date:``), if any."""
    meeting, problems = _meeting(document, published, default_time, own_date)
    return Announcement(meeting, _location(document), signup_url(document),
                        _planned_talks(document)), problems
