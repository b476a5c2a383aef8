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

from .dates import Choice, Found, choose_date, day_after, find_dates, is_next_label
from .markdown_text import fold
from .model import N_, Text
from .sections import Block

Problems = list[tuple[int, Text]]

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


# Shapes a careful reader is sure of only right after a next label:
# "07.04 um 20:00 Uhr" (no final dot, but a time follows), "am Wochenende 29/30. August"
# (a two-day meeting starts on its first day), "Vorschlag für den künftigen Vorstand:
# 4. April 2023" (a proposed date is the date).
_STARTS_WITH_NEXT = re.compile(r"[\W_]*(?:naechste[rsn]?|next|folgetermin|termin\s+(?:der\s+)?naechste)")
_NO_FINAL_DOT = re.compile(r"(?<![0-9.])(?P<day>[0-9]{1,2})\.(?P<month>[0-9]{1,2})(?![0-9.])"
                           r"(?=\s*,?\s*(?:um\s+|ab\s+)?[0-9]{1,2}(?::[0-9]{2}|[ ]?uhr))", re.IGNORECASE)
_DAY_RANGE = re.compile(r"(?<![0-9.])(?P<first>[0-9]{1,2})\.?\s*(?:/|-|–|&|und|bis)\s*[0-9]{1,2}\.(?=\s*[^\W\d_])",
                        re.IGNORECASE)
_WEEKEND = re.compile(r"\b(?P<on>am|vom|on)\s+(?:wochenende|weekend)\s+(?:vom\s+|des\s+|of\s+)?", re.IGNORECASE)
_PROPOSED = re.compile(r"(?P<label>:\s*)(?:vorschlag|vorgeschlagen|proposal|proposed|geplant|voraussichtlich"
                       r"|angedacht|tentativ\w*)\b[^:\n]{0,60}:\s*", re.IGNORECASE)


def _as_a_date_line(block: Block) -> str:
    """A line that starts with a next label, with those shapes written as plain dates."""
    text = block.markdown
    if not _STARTS_WITH_NEXT.match(fold(block.plain)):
        return text
    text = _NO_FINAL_DOT.sub(lambda m: f"{m['day']}.{m['month']}.", text)
    text = _DAY_RANGE.sub(lambda m: f"{m['first']}.", text)
    text = _WEEKEND.sub(lambda m: f"{m['on']} ", text)
    return _PROPOSED.sub(lambda m: m["label"], text, count=1)


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
        mentions = [mention for mention in find_dates(_as_a_date_line(block), not_before=not_before)
                    if mention.kind == "labelled" and is_next_label(mention.label)]
        if len(mentions) > 1 and all(mention.date for mention in mentions):
            mentions = sorted(mentions, key=lambda mention: mention.date)[:1]
        found.extend(Found(block.number, mention) for mention in mentions)
    if not found:
        return None, is_open, []
    choice, problems = choose_date(found)
    # TRANSLATORS: a "Next meeting: …" line; {problem} another message of the reader.
    problems = [(line, Text(N_("next meeting: {problem}"), problem=problem))
                for line, problem in problems]
    if choice is not None and choice.date <= report_date:
        problems.append((choice.line, not_after(choice.date, report_date)))
        return None, False, problems
    return choice, False, problems


def not_after(day: dt.date, report_date: dt.date) -> Text:
    """The problem of a next meeting on or before the report's own date."""
    return Text(N_("the next meeting {date} is not after the report's date {report_date}"),
                date=day, report_date=report_date)
