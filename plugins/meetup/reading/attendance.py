"""Who came, where a person finds it outside a participants section.

- field lines: ``**Anwesend:** 17 Personen``, ``Attendees : 11``,
  ``Anwesende: Jana, Piotr, tk``, ``Anwesende Vorstände: …`` plus ``Gäste: …``
  (notes in brackets such as ``Volker (21:03 Uhr)`` or ``(zeitweise)`` belong
  to the name before them);
- prose that says how many came: ``ca. 12 Personen waren da``, ``Rund 30
  Teilnehmende``, ``neun Teilnehmer``, ``We were 14 people``; English extras
  ``plus 4 others``, ``and 4 more``, ``+4`` after a list.

A field whose label names someone else's people ("Teilnehmer Hackathon:") is
not ours.  A stated count wins over a list of names that disagrees with it,
with a problem, so the organizers can see which one is wrong.
"""

from __future__ import annotations

import re

from .markdown_text import fold
from .model import N_, Participant, Participants, Text
from .names import is_given_name
from .sections import Block

Problems = list[tuple[int, Text]]

# Labels compared fold()ed; the whole label must match, so "teilnehmer
# hackathon" (another event's list) does not.
_LABEL = re.compile(
    r"(?:anwesend|anwesende|anwesenheit|teilnehmer(?:innen)?|teilnehmende|teilnahme"
    r"|attendees|attendance|participants|present|in attendance|gaeste|guests|besucher(?:innen)?)"
    r"(?:\s+(?:vorstaende|vorstand|vorstandsmitglieder|mitglieder|members|personen|people))?"
    r"(?:\s*\([^()]*\))?"
)
# Groups of people inside a participants context ("## Anwesende" or an empty
# "Anwesende:" line): "Vorstände: …", "Gäste: …".
_GROUP_LABEL = re.compile(r"(?:vorstaende|vorstand|vorstandsmitglieder|mitglieder|members|board"
                          r"|gaeste|guests|orga|organisatoren|organizers)")
# Who wrote the minutes or led the meeting: named, not counted again (they are
# among those present), but hidden like them by the privacy setting.
_ROLE_LABEL = re.compile(r"(?:protokoll|protokollant(?:in)?|protokollfuehrung|schriftfuehrer(?:in)?"
                         r"|moderation|sitzungsleitung|leitung|minutes|minute taker|notes by|chair)")
# "Gäste: keine": nobody of that group came.
_NOBODY = re.compile(r"(?:keine|keiner|niemand|none|nobody|-|–|—|0)\.?")
_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "one": 1, "zwei": 2, "two": 2, "drei": 3, "three": 3, "vier": 4,
    "four": 4, "fuenf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8,
    "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
    "zwoelf": 12, "twelve": 12, "dreizehn": 13, "thirteen": 13, "vierzehn": 14, "fourteen": 14,
    "fuenfzehn": 15, "fifteen": 15, "sechzehn": 16, "sixteen": 16, "siebzehn": 17,
    "seventeen": 17, "achtzehn": 18, "eighteen": 18, "neunzehn": 19, "nineteen": 19,
    "zwanzig": 20, "twenty": 20, "dreissig": 30, "thirty": 30, "vierzig": 40, "forty": 40,
}
_NUMBER = rf"(?:[0-9]{{1,4}}|{'|'.join(sorted(_NUMBER_WORDS, key=len, reverse=True))})"
_ABOUT = r"(?:(?:ca\.?|circa|etwa|rund|ungefaehr|knapp|ueber|about|around|roughly|approximately|approx\.?|some|~)\s*)?"
_PEOPLE = (r"(?:personen|leute|teilnehmende|teilnehmer(?:innen)?|people|attendees|participants"
           r"|besucher(?:innen)?|gaeste|guests|interessierte|mitglieder|members|rubyists|folks)")
# A field value that is a count: "17", "17 Personen", "ca. 12", "11 (incl. 2 online)".
_COUNT_VALUE = re.compile(rf"{_ABOUT}(?P<number>{_NUMBER})\b\s*(?:{_PEOPLE})?\s*(?:\(.*\))?[.!]?")
# A count in a sentence, with a word that says they came.
_PROSE = re.compile(rf"(?<![\w+.,:-]){_ABOUT}(?P<number>{_NUMBER})\s+(?:{_PEOPLE})\b")
_CAME = re.compile(
    r"\b(?:waren|kamen|anwesend|dabei|teilgenommen|nahmen|erschienen|fanden|vor ort"
    r"|were|came|attended|joined|turned up|showed up|present|in attendance|with us)\b"
)
_WE_WERE = re.compile(rf"\b(?:we were|wir waren)\s+{_ABOUT}(?P<number>{_NUMBER})\b")
# People counted after a list of names: "plus 4 others", "and 4 more", "+4", "+ 2 Gäste".
_EXTRA = re.compile(rf"(?:\+|\bplus\b|\band\b|\bund\b)\s*(?P<number>{_NUMBER})\b\s*"
                    rf"(?:more|others?|weitere|andere|{_PEOPLE})?\s*[.!]?\s*$")
_NOTE = re.compile(r"\s*\([^()]*\)")
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;]|\s\+\s|\bund\b|\band\b|&)\s*")
_MAX_NAME_WORDS = 4
# A short line that is only a count: "Rund 30 Teilnehmende.", "~20 people".
_MAX_COUNT_LINE_WORDS = 6
_OPENING_COUNT = re.compile(rf"{_ABOUT}{_NUMBER}\s+{_PEOPLE}\s*[,;:.]")


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


def is_participant_label(label: str) -> bool:
    """"anwesende", "attendees", "gaeste": a field line that lists who came."""
    return _LABEL.fullmatch(label) is not None or _GROUP_LABEL.fullmatch(label) is not None


def names_in(value: str) -> list[str]:
    """The names of a one-line list ("Anna Beispiel, Bo (ab 20 Uhr)"), notes left out."""
    return [person.name for person in _names(_REDACTED.sub("", value))[0]]


def _names(value: str) -> tuple[list[Participant], int]:
    """Names of a one-line list and people counted after it ("plus 4 others")."""
    folded = fold(value)
    extra = 0
    if match := _EXTRA.search(folded):
        extra = _number(match["number"])
        value = value[: match.start()]
    names = []
    for part in _NAME_SEPARATOR.split(_NOTE.sub("", value)):
        # "Katja bis 19.50 Uhr", "ab 19.55 Chris": arrival and leaving notes.
        part = _TIME_NOTE.sub("", part).strip(" .:-–")
        if part:
            names.append(part)
    if any(len(name.split()) > _MAX_NAME_WORDS or not (name[0].isalpha() or name[0] == "[")
           for name in names):
        return [], 0  # a sentence, not a list of names
    return [Participant(name) for name in names], extra


_TIME_NOTE = re.compile(r"^(?:ab|bis|von|from|until)\s+[0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*uhr)?\s+"
                        r"|\s+(?:ab|bis|von|from|until)\s+[0-9]{1,2}(?:[:.][0-9]{2})?(?:\s*uhr)?$",
                        re.IGNORECASE)
# "[...]": names left out of the public version; how many is not said.
_REDACTED = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]")


class _Field:
    def __init__(self, block: Block) -> None:
        self.block = block
        folded = fold(block.value)
        self.redacted = _REDACTED.search(block.value) is not None
        if _NOBODY.fullmatch(folded):
            self.count, self.named, self.extra = 0, [], 0
            return
        count = _COUNT_VALUE.fullmatch(folded)
        self.count = _number(count["number"]) if count else None
        self.named: list[Participant] = []
        self.extra = 0
        inner = re.fullmatch(r"[^()]*\((?P<inner>[^()]*)\)[.!]?", block.value)
        if count and inner:  # "5 (Anna, Bernd, Carla)": a count and names
            self.named, self.extra = _names(inner["inner"])
            if not all(person.name[0].isupper() for person in self.named):
                self.named, self.extra = [], 0  # "11 (incl. 2 online)" names nobody
        elif self.count is None:
            leading = re.match(rf"{_ABOUT}(?P<number>[0-9]{{1,4}})\b", folded)
            rest = block.value
            if leading:
                self.count = _number(leading["number"])
                rest = block.value[leading.end():].strip(" ():")
            self.named, self.extra = _names(_REDACTED.sub("", rest))


def _from_fields(blocks: list[Block], roles: tuple[int, ...] = ()) -> tuple[Participants | None, Problems]:
    fields = [_Field(block) for block in blocks]
    fields = [field for field in fields if field.count is not None or field.named]
    if not any(field.count or field.named for field in fields):
        return None, []
    problems: Problems = []
    named = [person for field in fields for person in field.named]
    listed = len(named) + sum(field.extra for field in fields)
    counted = [field for field in fields if field.count is not None]
    exact = not any(field.redacted for field in fields)
    lines = tuple(field.block.number for field in fields if field.named) + roles
    typo = _typo(named)
    if typo is not None:
        # "Volfgang, Wolfgang": a slip of the pen or two people; the count is not sure.
        exact = False
        line = next(field.block.number for field in fields
                    if any(person.name == typo[1] for person in field.named))
        problems.append((line, Text(N_("“{first}” and “{second}”: a typo or two people? The "
                                       "number of people present is not sure"),
                                    first=typo[0], second=typo[1])))
    if not counted:
        return Participants(tuple(named), listed - len(named), listed, exact, lines), problems
    everyone = [field for field in counted if _TOTAL_LABEL.fullmatch(field.block.label)]
    if len(everyone) == 1 and everyone[0].count >= listed:
        # "**Anwesend:** 17 Personen" counts everyone; "Anwesende Vorstände: …" are some of them.
        total = everyone[0].count
    else:
        total = sum(field.count for field in counted) + sum(
            len(field.named) + field.extra for field in fields if field.count is None)
    if named and total != listed:
        first = counted[0].block
        problems.append((first.number, Text(N_("“{line}”: {total} given, but {listed} names "
                                               "listed; the number given counts"),
                                            line=first.plain, total=total, listed=listed)))
    return Participants(tuple(named), max(total - len(named), 0), total, exact, lines), problems


# A label that counts everyone present, not one group of them.
_TOTAL_LABEL = re.compile(r"(?:anwesend|anwesende|anwesenheit|teilnehmer(?:innen)?|teilnehmende|teilnahme"
                          r"|attendees|attendance|participants|present|in attendance|besucher(?:innen)?)"
                          r"(?:\s+(?:personen|people))?(?:\s*\([^()]*\))?")
_MIN_TYPO_LENGTH = 5


def _typo(named: list[Participant]) -> tuple[str, str] | None:
    """Two names of one list that differ in one letter where one is a known given name and
    the other is not ("Volfgang", "Wolfgang"); "Maria" and "Mario" are two people."""
    names = [person.name for person in named if " " not in person.name and len(person.name) >= _MIN_TYPO_LENGTH]
    for index, first in enumerate(names):
        for second in names[index + 1:]:
            if len(first) != len(second) or first == second:
                continue
            if sum(a != b for a, b in zip(first.casefold(), second.casefold())) != 1:
                continue
            if is_given_name(first) != is_given_name(second):
                return (first, second)
    return None


def _prose_count(block: Block) -> int | None:
    folded = fold(block.plain)
    if match := _WE_WERE.search(folded):
        return _number(match["number"])
    # "ein Teilnehmer fragte …" speaks of one person, not of a head count.
    found = [number for match in _PROSE.finditer(folded) if (number := _number(match["number"])) > 1]
    if len(set(found)) != 1:
        return None
    short = len(folded.split()) <= _MAX_COUNT_LINE_WORDS
    # "Neun Teilnehmer, lange Diskussion über …": notes that open with the head count.
    opening = _OPENING_COUNT.match(folded) is not None
    return found[0] if short or opening or _CAME.search(folded) else None


def _attendance_fields(blocks: list[Block], people_sections: frozenset[int]) -> list[Block]:
    """Participant field lines, and group lines ("Gäste: …") in a participants
    section or under an empty "Anwesende:" line."""
    fields = []
    under_label = None  # section of the last empty "Anwesende:" line
    for block in blocks:
        if block.kind == "heading":
            under_label = None
        elif block.label and _LABEL.fullmatch(block.label):
            if block.value:
                fields.append(block)
            else:
                under_label = block.section
        elif block.label and _GROUP_LABEL.fullmatch(block.label) \
                and (block.section in people_sections or block.section == under_label):
            fields.append(block)
    return fields


def read_attendance(blocks: tuple[Block, ...], ignored_sections: frozenset[int] = frozenset(),
                    people_sections: frozenset[int] = frozenset(),
                    ) -> tuple[Participants | None, Problems]:
    """People present, from field lines, else from a sentence that counts them.

    ``ignored_sections``: sections that speak of another meeting (the "next"
    section), whose lines say nothing about who came to this one;
    ``people_sections``: participants sections ("## Anwesende"), where
    "Vorstände: …" and "Gäste: …" are lists of who came.
    """
    ours = [block for block in blocks if block.section not in ignored_sections and not block.struck]
    fields = _attendance_fields(ours, people_sections)
    if fields:
        roles = tuple(block.number for block in ours if block.label and _ROLE_LABEL.fullmatch(block.label)
                      and _names(block.value)[0])
        return _from_fields(fields, roles)
    counts = [(block, count) for block in ours if block.kind != "heading"
              and (count := _prose_count(block)) is not None]
    if not counts:
        return None, []
    distinct = sorted({count for _, count in counts})
    if len(distinct) > 1:
        first = counts[0][0]
        return None, [(first.number, Text(
            N_("contradicting numbers of participants {counts} (lines {lines})"),
            counts=", ".join(map(str, distinct)),
            lines=", ".join(str(block.number) for block, _ in counts)))]
    return Participants((), distinct[0], distinct[0], True), []
