"""Report, announcement or other: weighed as a person weighs it.

A ``Kind:`` header or a report/announcement category decides alone.  Else
every sign adds weight to one side: words in the title and the file name
(Bericht, Protokoll, Minutes, Recap; Einladung, Invitation), who came and
what comes next (a report), a "Wann:" heading or top-level line, a sign-up
link, future tense (an announcement), and past tense (a report).  A single
``- Wann: …`` inside a report's notes is one weak sign, outweighed by the
report's participants or its next date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown_text import fold
from .model import Kind

_REPORT_WORDS = re.compile(
    r"(?<![^\W\d_])(?:bericht|berichte|protokoll|protokolle|minutes|recap|rueckblick|nachlese"
    r"|review|wrap-?up|report|sitzungsprotokoll|mitschrift|notizen)(?![^\W\d_])"
)
_ANNOUNCEMENT_WORDS = re.compile(
    r"(?<![^\W\d_])(?:einladung|ankuendigung|invitation|announcement|save the date"
    r"|vorankuendigung|call for)(?![^\W\d_])"
)
_FUTURE = re.compile(
    r"\b(?:will be (?:on|at|held)|will take place|findet .{0,40}statt|wird .{0,40}stattfinden"
    r"|wir freuen uns auf euch|we look forward|join us|come along|register|registration"
    r"|anmelden|anmeldung|meldet euch an|sign up|rsvp|wir suchen (?:noch )?(?:vortr|speaker)"
    r"|looking for speakers|heute schauen wir|schauen wir uns .{0,40}an|is going to|will talk)\b"
)
_PAST = re.compile(
    r"\b(?:waren|wurde[n]?|haben .{0,40}(?:vorgestellt|besprochen|diskutiert|beschlossen)"
    r"|hat .{0,40}(?:vorgestellt|berichtet|gezeigt)|berichtet|beschliesst|genehmigt"
    r"|we had|was held|were there|thanks to everyone who came|it was great"
    r"|last night|gave (?:a|an|us a)|thanks for coming|all agreed|hope you (?:all )?took notes)\b"
)


@dataclass(frozen=True)
class Signs:
    """What the extractors found, for the weighing."""

    participants: bool = False
    next_meeting: bool = False
    held_talks: bool = False
    when_lines: int = 0  # "Wann:" headings and top-level lines outside a "next" section
    when_in_notes: int = 0  # "- Wann: …" inside nested items or deep sections
    signup: bool = False
    meeting_date_field: bool = False  # front matter names the meeting's date ("meeting_date:")
    notes: bool = False  # a notes section with content ("## Notizen", "## Protokoll")
    notes_placeholder: bool = False  # "## Notizen" + "Werden hierher … übernommen": not yet written


def _words(text: str, pattern: re.Pattern) -> bool:
    return pattern.search(fold(text)) is not None


_MEETING_WORDS = re.compile(
    r"(?<![^\W\d_])(?:treffen|meeting|meetup|sitzung|vorstandssitzung|stammtisch|workshop"
    r"|hackathon|dojo|session|abend|night)(?![^\W\d_])"
)


def names_a_meeting(title: str, path: str) -> bool:
    """Bericht, Protokoll, Einladung, Treffen, Meeting … in the title or the file name."""
    name = f"{title} {path.replace('_', ' ').replace('-', ' ')}"
    return any(_words(name, pattern) for pattern in (_REPORT_WORDS, _ANNOUNCEMENT_WORDS, _MEETING_WORDS))


def weigh_kind(signs: Signs, *, title: str, path: str, text: str) -> Kind:
    """``text``: the file's plain text (for tense), ``path``: its file name."""
    report = announcement = 0
    name = f"{title} {path.replace('_', ' ').replace('-', ' ')}"
    if _words(name, _REPORT_WORDS):
        report += 3
    if _words(name, _ANNOUNCEMENT_WORDS):
        announcement += 3
    report += 2 * signs.participants + 2 * signs.next_meeting + signs.held_talks + 2 * signs.notes
    # The page itself says its notes are still to come: written before the meeting.
    announcement += 3 * signs.notes_placeholder
    announcement += 2 * min(signs.when_lines, 1) + min(signs.when_in_notes, 1) + signs.signup
    # A page made for one meeting is its announcement until notes turn it into a report.
    announcement += signs.meeting_date_field
    folded = fold(text)
    announcement += len(_FUTURE.findall(folded[:4000])) > 0
    report += len(_PAST.findall(folded)) > 1
    if report == announcement == 0:
        return "other"
    return "report" if report > announcement else "announcement"
