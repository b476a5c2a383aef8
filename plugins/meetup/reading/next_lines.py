"""The next meeting from a line anywhere in a report that speaks of it.

``Nächster Termin: 14.03.2018.``, ``Nächstes Treffen: 9. Mai.``, ``Nächste
Sitzung am 4.7., 19 Uhr``, ``Folgetermin: Mi, 12.02.2025``, ``Next meeting:
February 5, 2025``, ``The next meeting will be on Monday the 11th of March``.
Only a date right after such words counts: a date of another event in the same
list has other words before it.  ``Nächster Termin: noch offen`` says the date
is open: no date and nothing to fix.  Several lines must agree, else a problem
and no date.
"""

from __future__ import annotations

import datetime as dt
import re

from .dates import Choice, Found, choose_date, day_after, find_dates, format_date, is_next_label
from .markdown_text import fold
from .sections import Block

Problems = list[tuple[int, str]]

# What an open next date says instead of a date.
_OPEN = re.compile(
    r"(?:noch\s+)?(?:offen|unklar|unbekannt|tba|tbd|t\.b\.a\.?|t\.b\.d\.?|to be announced"
    r"|to be decided|steht noch nicht fest|noch nicht festgelegt|noch nicht bekannt"
    r"|wird noch bekannt gegeben|wird noch festgelegt|folgt|per umfrage|via doodle|doodle)\b.*"
)


def says_open(value: str) -> bool:
    return _OPEN.fullmatch(fold(value).strip(" .!*_()")) is not None


# Lines under an empty "Nächste Termine:" label that name our meeting.
_OUR_MEETING = re.compile(r"(?:(?:regulaere\s+)?(?:vorstands)?sitzung|treffen|meetup|meeting|termin"
                          r"|stammtisch|naechste[rs]?\s+\w+)")
_MAX_LINES_UNDER_LABEL = 4


def _under_label(blocks: tuple[Block, ...], index: int, not_before: dt.date) -> list[Found]:
    """Dates of the lines right under an empty next label: "- Vorstandssitzung:
    Mi, 17.03.2021" is ours, "- Community-Event: Sa, 28.02.2021" is not, a
    line that is only a date is."""
    label = blocks[index]
    found = []
    for block in blocks[index + 1: index + 1 + _MAX_LINES_UNDER_LABEL]:
        if block.kind == "heading" or block.section != label.section or block.struck:
            break
        if block.label and not _OUR_MEETING.fullmatch(block.label):
            continue  # another event's date
        for mention in find_dates(block.value if block.label else block.markdown, not_before=not_before):
            if mention.kind in ("alone", "labelled") and mention.date is not None:
                found.append(Found(block.number, mention))
    # Several of our dates ("Nächste Termine: 24.2., 19.3."): the next is the earliest.
    return sorted(found, key=lambda item: item.mention.date)[:1]


def read_next_lines(blocks: tuple[Block, ...], report_date: dt.date,
                    ignored_sections: frozenset[int] = frozenset(),
                    ) -> tuple[Choice | None, bool, Problems]:
    """(the next meeting, whether the text says it is open, problems)."""
    found: list[Found] = []
    is_open = False
    not_before = day_after(report_date)
    for index, block in enumerate(blocks):
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and is_next_label(block.label):
            if says_open(block.value):
                is_open = True
                continue
            if not block.value:
                found.extend(_under_label(blocks, index, not_before))
                continue
        mentions = [mention for mention in find_dates(block.markdown, not_before=not_before)
                    if mention.kind == "labelled" and is_next_label(mention.label)]
        if len(mentions) > 1 and all(mention.date for mention in mentions):
            mentions = sorted(mentions, key=lambda mention: mention.date)[:1]
        found.extend(Found(block.number, mention) for mention in mentions)
    if not found:
        return None, is_open, []
    choice, problems = choose_date(found)
    problems = [(line, f"nächster Termin: {message}") for line, message in problems]
    if choice is not None and choice.date <= report_date:
        problems.append((choice.line, f"nächster Termin {format_date(choice.date)} liegt nicht nach "
                                      f"dem Berichtsdatum {format_date(report_date)}"))
        return None, False, problems
    return choice, False, problems
