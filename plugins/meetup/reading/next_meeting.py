"""The next meeting a report announces: ``Next:`` header or a "next" section.

The header wins; the section still gives the planned talks.  The date must
lie after the report's own date, and contradicting labelled dates give a
problem instead of a guess.  Whatever else the organizers wrote in the
section (a December break, a hackathon, "meldet euch …") is kept as remarks:
the page shows the section as a card, and nothing written there may get lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import (Choice, DateMention, Found, choose_date, day_after, find_dates,
                           find_time, time_span, with_time)
from .markdown_text import fold, indent_of, list_item, mask_non_text, plain_text
from .model import N_, MeetingTime, NextMeeting, Text, another_section, in_section
from .next_lines import not_after
from .sections import Document, Line
from .talks import (is_placeholder, planned_items, programme_entry, says_nothing,
                    talk_blocks)

_HEADING = re.compile(
    # An agenda number may come first: "17. Nächster Termin", "TOP 8 Folgetermin".
    r"(?:(?:top|punkt)\s*[0-9]{1,2}[.:)]?\s+|[0-9]{1,2}[.)]\s+)?"
    r"(?:next(?:\s+(?:meeting|meetup|date|treffen|session))?"
    r"|naechste[rs]?\s+(?:termin|treffen|meetup|sitzung|vorstandssitzung)|naechster\s+meetup-termin"
    r"|folgetermin(?:\s+(?:der\s+)?(?:vorstands)?sitzung)?|termin\s+der\s+naechsten\s+(?:vorstands)?sitzung)"
    r"(?![\w-])"
    # After the words: nothing, a colon, a bracket, "am …" or a date; so
    # "Next steps" stays an ordinary heading.
    r"\s*(?:$|[:(–-]|(?:am|im|on)\b|.*[0-9])"
)
# A line that gives the time on its own: "Zeit: 19 Uhr", "- Beginn 18:30", "18:30 Uhr".
_TIME_LABEL = re.compile(r"[\W_]*(?:zeit|uhrzeit|time|beginn|start|um|ab)\b", re.IGNORECASE)
_JUST_A_TIME = re.compile(r"[\W_]*(?:um|ab)?\s*[0-9]{1,2}(?::[0-9]{2})?\s*(?:uhr)?[\W_]*", re.IGNORECASE)

Problems = list[tuple[int, Text]]


def is_next_heading(title: str) -> bool:
    return _HEADING.match(fold(plain_text(title))) is not None


def in_header(problem: Text) -> Text:
    # TRANSLATORS: "Next" is the header key; {problem} another message of the reader.
    return Text(N_("Header “Next”: {problem}"), problem=problem)


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


def _is_time_line(text: str) -> bool:
    masked = mask_non_text(text)
    return bool(_TIME_LABEL.match(masked) or _JUST_A_TIME.fullmatch(masked))


def _time_in(lines: list[Line]) -> dt.time | None:
    """A time given on its own line of the section, for a date written without one."""
    for line in lines:
        if _is_time_line(line.text):
            time, problem = find_time(line.text)
            if time and not problem:
                return time
    return None


Mentions = dict[int, list[DateMention]]  # by file line


def _mentions(lines: list[Line], not_before: dt.date) -> Mentions:
    return {line.number: find_dates(line.text, not_before=not_before) for line in lines}


def _date_from_lines(lines: list[Line], mentions: Mentions) -> tuple[Choice | None, Problems]:
    found = [Found(line.number, mention) for line in lines for mention in mentions[line.number]]
    choice, problems = choose_date(found)
    if choice is not None:
        choice = with_time(choice, _time_in(lines))
    return choice, problems


def _date_from_header(header: Line, not_before: dt.date) -> tuple[Choice | None, Problems]:
    mentions = find_dates(header.text, not_before=not_before)
    if not mentions:
        return None, [(header.number, Text(N_("Header “Next”: no date in “{value}”"),
                                           value=header.text))]
    first = mentions[0]
    if first.problem:
        return None, [(header.number, in_header(first.problem))]
    return Choice(first.date, first.time, header.number), []


def read_next_meeting(document: Document, report_date: dt.date,
                      default_time: dt.time | None = None) -> tuple[NextMeeting | None, Problems]:
    indices = next_section_indices(document)
    header = document.metadata.get("next")
    problems: Problems = []
    lines: list[Line] = _section_lines(document, indices[0]) if indices else []
    mentions = _mentions(lines, day_after(report_date))
    title = plain_text(document.sections[indices[0]].title) if indices else ""
    for extra in indices[1:]:
        problems.append((document.sections[extra].line, another_section(
            plain_text(document.sections[extra].title), document.sections[indices[0]].line)))
    if header is not None:
        choice, found_problems = _date_from_header(header, day_after(report_date))
    elif indices:
        choice, found_problems = _date_from_lines(lines, mentions)
        found_problems = [(line, in_section(title, problem)) for line, problem in found_problems]
        if choice is None and not found_problems:
            found_problems = [(document.sections[indices[0]].line,
                               in_section(title, Text(N_("no date found"))))]
    else:
        return None, problems
    problems.extend(found_problems)
    if choice is None:
        return None, problems
    if choice.date <= report_date:
        late = not_after(choice.date, report_date)
        problems.append((choice.line, in_header(late) if header is not None
                         else in_section(title, late)))
        return None, problems
    talks = tuple(item for item in planned_items(lines) if not is_placeholder(item))
    when = MeetingTime(choice.date, choice.time or default_time)
    remarks = ()
    if indices:
        # With a Next: header, the section's own date line is superseded, not a remark.
        own = _date_from_lines(lines, mentions)[0] if header is not None else choice
        dates = {choice.date} | ({own.date} if own is not None else set())
        headings = {section.line for section in document.subtree(indices[0])}
        remarks = read_remarks(lines, headings, mentions, dates, choice.time)
    return NextMeeting(when, talks, choice.line, remarks), problems


# --- remarks: the rest of the section -------------------------------------------------

# What joins a remark to the date or time before it: "-- vor der Sommerpause",
# ", 2. Stock", "**" closing a bold label.
_LEADING_JOINERS = " \t*_-–—,;:.!/|"
_TRAILING_JOINERS = " \t*_-–—"
_WORD = re.compile(r"[^\W_]")


def _unbracketed(text: str) -> str:
    """"(letzter Termin 2024!)" -> "letzter Termin 2024!"; "(a) und (b)" stays."""
    inner = text.removesuffix(".")
    if not (inner.startswith("(") and inner.endswith(")")):
        return text
    depth = 0
    for char in inner[1:-1]:
        depth += (char == "(") - (char == ")")
        if depth < 0:
            return text
    return inner[1:-1].strip() if depth == 0 else text


def _tidy(rest: str) -> str:
    return _unbracketed(rest.lstrip(_LEADING_JOINERS).rstrip(_TRAILING_JOINERS))


@dataclass(frozen=True)
class _Part:
    """What a line of the section leaves for the remarks."""

    kind: str  # "item", "text", "heading", "blank" or "drop" (date, talk, label: shown elsewhere)
    indent: int = 0
    text: str = ""  # Markdown source; "" when nothing is left


_DROP = _Part("drop")
_BLANK = _Part("blank")


def _without_date(line: Line, mentions: Mentions, dates: set[dt.date],
                  time: dt.time | None) -> str | None:
    """What a line holding the meeting's date or time says besides it, else None.

    Only a date standing alone or after a label counts ("Termin: 15.4.2025 --
    vor der Sommerpause"); a date inside a sentence stays in its sentence.
    """
    for mention in mentions.get(line.number, ()):
        if mention.kind != "other" and mention.date in dates:
            return _tidy(line.text[mention.start + len(mention.text):])
    item = list_item(line.text)
    text = item.content if item else line.text
    if time is None or not _is_time_line(text) or find_time(text)[0] != time:
        return None
    start, end = time_span(text)
    label = _TIME_LABEL.match(text[:start])
    if _WORD.search(text[label.end() if label else 0:start]):
        return None  # "Zeit: bitte pünktlich, 19 Uhr" is a sentence
    return _tidy(text[end:])


def _part(line: Line, is_heading: bool, mentions: Mentions, dates: set[dt.date],
          time: dt.time | None) -> _Part:
    if not line.text.strip():
        return _BLANK
    rest = _without_date(line, mentions, dates, time)
    if is_heading:
        return _Part("heading", 0, line.text.strip() if rest is None else rest)
    item = list_item(line.text)
    if item:
        return _Part("item", item.indent, item.content if rest is None else rest)
    return _Part("text", indent_of(line.text), line.text.strip() if rest is None else rest)


def _talk_parts(lines: list[Line], headings: set[int], parts: list[_Part | None]) -> None:
    """Talk labels and planned talks are shown as the talk list: drop them, with a
    talk's details.  What stands under a label but is no talk ("meldet euch …",
    "Pizza") stays."""
    for block in talk_blocks(lines):
        label = lines[block.label]
        kind = "heading" if label.number in headings else "item" if list_item(label.text) else "text"
        rest = "" if programme_entry(block.rest) else block.rest
        parts[block.label] = _Part(kind, list_item(label.text).indent if kind == "item" else 0, rest)
        items = set(block.items)
        under_talk = False
        for index in range(block.label + 1, block.end):
            text = lines[index].text
            if index in items:
                content = list_item(text).content
                under_talk = programme_entry(content) is not None
                parts[index] = _DROP if under_talk else _Part("item", indent_of(text), content)
            elif under_talk:
                parts[index] = _BLANK if not text.strip() else _DROP


def _grouped(parts: list[_Part]) -> list[str]:
    """One remark per list item (its continuation lines joined) or paragraph."""
    blocks: list[str] = []
    current: list[str] = []
    kind, indent, after_blank = "", 0, False

    def close():
        nonlocal current, kind
        if current:
            blocks.append(" ".join(text for text in current if text))
        current, kind = [], ""

    for part in parts:
        if part.kind == "drop":
            close()
        elif part.kind == "blank":
            if kind != "item":
                close()
            after_blank = True
            continue
        elif part.kind in ("item", "heading"):
            close()
            current, kind, indent = [part.text], part.kind, part.indent
            if part.kind == "heading":
                close()
        elif kind == "item" and (not after_blank or part.indent > indent) or kind == "text":
            current.append(part.text)
        else:
            close()
            current, kind = [part.text], "text"
        after_blank = False
    close()
    return blocks


def _remark(text: str) -> str | None:
    text = text.strip()
    if is_placeholder(text):
        # "(meldet euch …)" is a call to action; "tba" only says "no talk yet".
        return None if says_nothing(text) else _unbracketed(text)
    return text if _WORD.search(plain_text(text)) else None


def read_remarks(lines: list[Line], headings: set[int], mentions: Mentions,
                 dates: set[dt.date], time: dt.time | None) -> tuple[str, ...]:
    """Markdown snippets of a "next" section that are neither its date and time,
    nor a talk label, nor a planned talk.  ``lines[0]`` is the section's
    heading (shown above the card); ``headings`` are the file lines of it and
    its subsections' headings."""
    parts: list[_Part | None] = [None] * len(lines)
    if parts:
        parts[0] = _DROP
    _talk_parts(lines, headings, parts)
    filled = [part if part is not None else _part(line, line.number in headings, mentions, dates, time)
              for line, part in zip(lines, parts)]
    return tuple(remark for text in _grouped(filled) if (remark := _remark(text)))

