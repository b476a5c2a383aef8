"""Who came: the "Teilnehmer" section of a report.

Shapes read (one line each, list item or not):

- ``Name, Rolle, Firma``, also with ``;`` and empty fields (``Georg;;Student``),
  or ``Name (Rolle, Firma)``; four or more fields keep the rest in ``org``;
- ``?`` (or ``?, Rolle, Firma``): someone whose name nobody wrote down; kept as
  ``Participant("?")`` so the count and the order stay right;
- extra people: ``+2``, ``+ 2`` (a Markdown list item), ``\\+ 5 weitere``,
  ``+6 weitere``, ``1 Nachzügler``, ``+ zwei Gäste``;
- an open ``+ weitere`` / ``und weitere``: the total is a lower bound;
- an explicit total ``(insg. 9 Teilnehmer)``, ``insgesamt 12``, a number in the
  heading (``Anwesend: 14``): it wins over the sum;
- prose such as ``18 Leute stellen sich vor … +2 Nachzügler`` (20, no names).

A list item that is no participant line (no name, a whole sentence) becomes a
problem; prose without a number is just prose.
"""

from __future__ import annotations

import re

from .markdown_text import fold, indent_of, list_item, plain_text
from .model import N_, Participant, Participants, Text, in_section
from .sections import Line, Section

HEADING_WORDS = ("teilnehmerinnen und teilnehmer", "teilnehmerinnen", "teilnehmer",
                 "teilnehmende", "vorstellungsrunde", "anwesende", "anwesend", "participants",
                 "attendees")
_HEADING = re.compile(rf"(?P<word>{'|'.join(HEADING_WORDS)})(?![\w-])(?P<rest>.*)")

_NUMBER_WORDS = {"ein": 1, "eine": 1, "einer": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3,
                 "three": 3, "vier": 4, "four": 4, "fuenf": 5, "five": 5, "sechs": 6, "six": 6,
                 "sieben": 7, "seven": 7, "acht": 8, "eight": 8, "neun": 9, "nine": 9,
                 "zehn": 10, "ten": 10, "elf": 11, "zwoelf": 12}
_NUMBER = rf"(?:[0-9]{{1,6}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
# Words that make a number a count of people ("5 weitere", "18 Leute").
_PEOPLE = (r"(?:weitere[nr]?|nachzuegler\w*|andere|more|others?|guests?|gaeste|personen"
           r"|leute|people|teilnehmer\w*|teilnehmende|anwesende|participants|attendees"
           r"|interessierte|besucher\w*|ohne\s+namen|unbekannte?)")

# All patterns below run on fold()ed text: lower case, umlauts spelled out.
_COUNT_ITEM = re.compile(rf"(?P<plus>\+\s*)?(?P<number>{_NUMBER})\b(?!\s+paar)\s*(?P<people>{_PEOPLE})?\b.*")
_OPEN_ITEM = re.compile(
    rf"(?:\+|und|and)?\s*(?:noch\s+)?(?:ein\s+paar|einige|mehrere|viele|some|a\s+few)?\s*"
    rf"(?:{_PEOPLE}|mehr|\?)?\s*(?:\.\.\.|…)?\s*[!.]*"
)
# Prose counts digits only: "eine Person fragte …" is not a head count.
_PROSE_COUNT = re.compile(rf"(?<![\w+])(?P<number>[0-9]{{1,6}})\s+{_PEOPLE}\b"
                          rf"|\+\s*(?P<extra>[0-9]{{1,6}})\b")
_TOTAL = re.compile(
    rf"\b(?:insg\.?|insgesamt|gesamt|total|summe|in\s+summe)\s*:?\s*(?P<a>{_NUMBER})\b"
    rf"(?:\s+{_PEOPLE})?"
    rf"|\b(?P<b>{_NUMBER})\s+(?:{_PEOPLE}\s+)?(?:insgesamt|in\s+summe|total)\b"
)
# Prose that says the list is incomplete makes the total a lower bound.
_INCOMPLETE = re.compile(r"unvollstaendig|nicht vollstaendig|incomplete|nicht alle|und weitere|and others")
_FIELD_SEPARATOR = re.compile(r"\s*;\s*|\s*,\s*")
_DASH_SEPARATOR = re.compile(r"\s+[-–—]\s+")
_NAME_IN_FRONT_OF_BRACKETS = re.compile(r"(?P<name>[^()]+?)\s*\((?P<inner>[^()]*)\)")
_LONGEST_NAME_WORDS = 5


def is_participants_heading(title: str) -> bool:
    return _HEADING.match(fold(plain_text(title))) is not None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


class _Tally:
    """What the lines of one section add up to."""

    def __init__(self) -> None:
        self.named: list[Participant] = []
        self.extra = 0
        self.open = False
        self.totals: list[tuple[int, int]] = []  # (line, total)
        self.problems: list[tuple[int, Text]] = []

    def found_anything(self) -> bool:
        return bool(self.named or self.extra or self.open or self.totals)


def _take_totals(tally: _Tally, line: Line, folded: str) -> str:
    """Record explicit totals and blank them so they are not counted twice."""
    for match in _TOTAL.finditer(folded):
        tally.totals.append((line.number, _number(match["a"] or match["b"])))
    return _TOTAL.sub(lambda m: " " * len(m[0]), folded)


def _read_item(tally: _Tally, line: Line, content: str, plus_marker: bool) -> None:
    """One list item (or "+…" line): extra people, an open "+ weitere" or a person."""
    text = plain_text(content, keep_html=True)
    written = fold(text).strip()
    if not written:
        return  # an empty list item
    folded = _take_totals(tally, line, written).strip()
    if folded != written and not folded.strip(" ()[].,;:-"):
        return  # the line was only "(insg. 9 Teilnehmer)"
    has_plus = plus_marker or folded.startswith("+")
    count = _COUNT_ITEM.fullmatch(folded)
    if count and (has_plus or count["people"]):
        tally.extra += _number(count["number"])
    elif folded.isdigit():  # a bare "5": five people or a typo? Do not guess.
        tally.problems.append((line.number, _unreadable(text)))
    elif (has_plus or folded != "?") and _OPEN_ITEM.fullmatch(folded):
        tally.open = True
    else:
        _read_person(tally, line, text)


def _unreadable(text: str) -> Text:
    return Text(N_("participant line not readable: “{line}”"), line=text)


def _read_person(tally: _Tally, line: Line, text: str) -> None:
    fields = _split_fields(text)
    name = fields[0]
    if not name:
        tally.problems.append((line.number, Text(N_("participant line without a name: “{line}”"),
                                                 line=text)))
        return
    if len(name.split()) > _LONGEST_NAME_WORDS:
        tally.problems.append((line.number, _unreadable(text)))
        return
    role = fields[1] if len(fields) > 1 else ""
    org = ", ".join(field for field in fields[2:] if field)
    tally.named.append(Participant(name, role, org))


def _split_fields(text: str) -> list[str]:
    """``Name, Rolle, Firma`` with "," or ";", ``Name (Rolle, Firma)``, or dashes."""
    bracketed = _NAME_IN_FRONT_OF_BRACKETS.fullmatch(text)
    if bracketed and not re.search(r"[,;]", bracketed["name"]):
        return [bracketed["name"].strip(), *_FIELD_SEPARATOR.split(bracketed["inner"].strip())]
    if ";" in text:
        return [field.strip() for field in text.split(";")]
    if "," in text:
        return [field.strip() for field in text.split(",")]
    return [field.strip() for field in _DASH_SEPARATOR.split(text)]


def _read_prose(tally: _Tally, line: Line, content: str) -> None:
    folded = _take_totals(tally, line, fold(plain_text(content)))
    for match in _PROSE_COUNT.finditer(folded):
        tally.extra += _number(match["number"] or match["extra"])
    if _INCOMPLETE.search(folded):
        tally.open = True


def _item_lines(section: Section) -> list[tuple[Line, str, bool, bool]]:
    """(line, text, is list item, has "+" marker); indented continuations joined."""
    items: list[tuple[Line, str, bool, bool]] = []
    for line in section.body:
        if not line.text.strip():
            continue
        item = list_item(line.text)
        if item is not None:
            items.append((line, item.content, True, item.marker == "+"))
        elif items and items[-1][2] and indent_of(line.text) >= 2:
            previous, text, is_item, plus = items[-1]
            items[-1] = (previous, f"{text} {line.text.strip()}", is_item, plus)
        else:
            items.append((line, line.text.strip(), False, False))
    return items


def read_participants(section: Section) -> tuple[Participants | None, list[tuple[int, Text]]]:
    """The people of one participants section and the problems found on the way."""
    tally = _Tally()
    heading = _HEADING.match(fold(plain_text(section.title)))
    heading_rest = heading["rest"] if heading else ""
    heading_line = Line(section.line, heading_rest)
    rest = _take_totals(tally, heading_line, heading_rest).strip(" :()")
    if rest.isdigit():  # "Anwesend: 14"
        tally.totals.append((section.line, int(rest)))
    for line, text, is_item, plus_marker in _item_lines(section):
        if is_item or text.startswith(("+", "\\+")):
            _read_item(tally, line, text.removeprefix("\\"), plus_marker)
        else:
            _read_prose(tally, line, text)
    return _result(tally, section)


# The problem of a participants section without anyone: attendance lines elsewhere may
# still say who came (then it is dropped).
NO_PARTICIPANTS = N_("no participants found")


def _result(tally: _Tally, section: Section) -> tuple[Participants | None, list[tuple[int, Text]]]:
    title = plain_text(section.title)
    problems = list(tally.problems)
    if not tally.found_anything():
        if not problems:  # an unreadable line already says what is wrong
            problems.append((section.line, in_section(title, Text(NO_PARTICIPANTS))))
        return None, problems
    counted = len(tally.named) + tally.extra
    total, exact = counted, not tally.open
    distinct_totals = sorted({total for _, total in tally.totals})
    if len(distinct_totals) > 1:
        problems.append((tally.totals[0][0], in_section(title, Text(
            N_("contradicting totals {totals}"), totals=", ".join(map(str, distinct_totals))))))
    elif distinct_totals:
        total, exact = distinct_totals[0], True
        if total < counted:
            problems.append((tally.totals[0][0], in_section(title, Text(
                N_("{total} in total given, but {counted} counted"), total=total,
                counted=counted))))
    return Participants(tuple(tally.named), tally.extra, total, exact), problems
