"""The next meeting a report announces: ``Next:`` header or a "next" section.

The header wins; the section still gives the planned talks.  The date must
lie after the report's own date, and contradicting labelled dates give a
problem instead of a guess.
"""

from __future__ import annotations

import datetime as dt
import re

from .german_dates import (Choice, Found, choose_date, day_after, find_dates, find_time,
                           format_date, with_time)
from .markdown_text import fold, mask_non_text, plain_text
from .model import MeetingTime, NextMeeting
from .sections import Document, Line
from .talks import is_placeholder, planned_items

_HEADING = re.compile(
    r"(?:next(?:\s+(?:meeting|meetup|date|treffen))?"
    r"|naechste[rs]?\s+(?:termin|treffen|meetup)|naechster\s+meetup-termin)(?![\w-])"
    # After the words: nothing, a colon, a bracket, "am …" or a date; so
    # "Next steps" stays an ordinary heading.
    r"\s*(?:$|[:(–-]|(?:am|im|on)\b|.*[0-9])"
)
# A line that gives the time on its own: "Zeit: 19 Uhr", "- Beginn 18:30", "18:30 Uhr".
_TIME_LABEL = re.compile(r"[\W_]*(?:zeit|uhrzeit|time|beginn|start|um|ab)\b", re.IGNORECASE)
_JUST_A_TIME = re.compile(r"[\W_]*(?:um|ab)?\s*[0-9]{1,2}(?::[0-9]{2})?\s*(?:uhr)?[\W_]*", re.IGNORECASE)

Problems = list[tuple[int, str]]


def is_next_heading(title: str) -> bool:
    return _HEADING.match(fold(plain_text(title))) is not None


def _section_lines(document: Document, index: int) -> list[Line]:
    """Heading (it may carry the date), body and deeper subsections."""
    lines: list[Line] = []
    for section in document.subtree(index):
        lines.append(Line(section.line, section.title))
        lines.extend(section.body)
    return lines


def next_section_indices(document: Document) -> list[int]:
    return [index for index, section in enumerate(document.sections)
            if section.level and is_next_heading(section.title)]


def _time_in(lines: list[Line]) -> dt.time | None:
    """A time given on its own line of the section, for a date written without one."""
    for line in lines:
        masked = mask_non_text(line.text)
        if _TIME_LABEL.match(masked) or _JUST_A_TIME.fullmatch(masked):
            time, problem = find_time(line.text)
            if time and not problem:
                return time
    return None


def _date_from_lines(lines: list[Line], not_before: dt.date) -> tuple[Choice | None, Problems]:
    found = [Found(line.number, mention) for line in lines
             for mention in find_dates(line.text, not_before=not_before)]
    choice, problems = choose_date(found)
    if choice is not None:
        choice = with_time(choice, _time_in(lines))
    return choice, problems


def _date_from_header(header: Line, not_before: dt.date) -> tuple[Choice | None, Problems]:
    mentions = find_dates(header.text, not_before=not_before)
    if not mentions:
        return None, [(header.number, f'Header "Next": kein Datum in "{header.text}"')]
    first = mentions[0]
    if first.problem:
        return None, [(header.number, f'Header "Next": {first.problem}')]
    return Choice(first.date, first.time, header.number), []


def read_next_meeting(document: Document, report_date: dt.date,
                      default_time: dt.time | None = None) -> tuple[NextMeeting | None, Problems]:
    indices = next_section_indices(document)
    header = document.metadata.get("next")
    problems: Problems = []
    lines: list[Line] = _section_lines(document, indices[0]) if indices else []
    where = f'Abschnitt "{plain_text(document.sections[indices[0]].title)}"' if indices else ""
    for extra in indices[1:]:
        problems.append((document.sections[extra].line,
                         f'weiterer Abschnitt "{plain_text(document.sections[extra].title)}": '
                         f'nur der erste (Zeile {document.sections[indices[0]].line}) zählt'))
    if header is not None:
        choice, found_problems = _date_from_header(header, day_after(report_date))
    elif indices:
        choice, found_problems = _date_from_lines(lines, day_after(report_date))
        found_problems = [(line, f"{where}: {message}") for line, message in found_problems]
        if choice is None and not found_problems:
            found_problems = [(document.sections[indices[0]].line, f"{where}: kein Datum gefunden")]
    else:
        return None, problems
    problems.extend(found_problems)
    if choice is None:
        return None, problems
    if choice.date <= report_date:
        source = 'Header "Next"' if header is not None else where
        problems.append((choice.line, f"{source}: nächster Termin {format_date(choice.date)} liegt "
                                      f"nicht nach dem Berichtsdatum {format_date(report_date)}"))
        return None, problems
    talks = tuple(item for item in planned_items(lines) if not is_placeholder(item))
    when = MeetingTime(choice.date, choice.time or default_time)
    return NextMeeting(when, talks, choice.line), problems

