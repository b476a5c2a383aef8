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

from ..german_dates import Choice, Found, choose_date, day_after, find_dates, format_date, is_next_label
from ..markdown_text import fold
from ..sections import Block

Problems = list[tuple[int, str]]

# What an open next date says instead of a date.
_OPEN = re.compile(
    r"(?:noch\s+)?(?:offen|unklar|unbekannt|tba|tbd|t\.b\.a\.?|t\.b\.d\.?|to be announced"
    r"|to be decided|steht noch nicht fest|noch nicht festgelegt|noch nicht bekannt"
    r"|wird noch bekannt gegeben|wird noch festgelegt|folgt|per umfrage|via doodle|doodle)\b.*"
)


def says_open(value: str) -> bool:
    return _OPEN.fullmatch(fold(value).strip(" .!*_()")) is not None


def read_next_lines(blocks: tuple[Block, ...], report_date: dt.date,
                    ignored_sections: frozenset[int] = frozenset(),
                    ) -> tuple[Choice | None, bool, Problems]:
    """(the next meeting, whether the text says it is open, problems)."""
    found: list[Found] = []
    is_open = False
    not_before = day_after(report_date)
    for block in blocks:
        if block.section in ignored_sections or block.struck:
            continue
        if block.label and is_next_label(block.label) and says_open(block.value):
            is_open = True
            continue
        for mention in find_dates(block.markdown, not_before=not_before):
            if mention.kind == "labelled" and is_next_label(mention.label):
                found.append(Found(block.number, mention))
    if not found:
        return None, is_open, []
    choice, problems = choose_date(found)
    problems = [(line, f"nächster Termin: {message}") for line, message in problems]
    if choice is not None and choice.date <= report_date:
        problems.append((choice.line, f"nächster Termin {format_date(choice.date)} liegt nicht nach "
                                      f"dem Berichtsdatum {format_date(report_date)}"))
        return None, False, problems
    return choice, False, problems
