"""Facts the plugin reads from one Markdown file.

Plain frozen dataclasses: the parsing core returns them, the Pelican glue
attaches them to articles (``article.meetup``), templates and the JSON/ICS
writers read them.  Nothing here imports Pelican.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["report", "announcement", "other"]


@dataclass(frozen=True)
class Problem:
    """Something the parser could not read; reported as ``file:line: message``."""

    line: int  # 1-based line in the source file, header lines included
    message: str


@dataclass(frozen=True)
class Participant:
    name: str
    role: str = ""
    org: str = ""


@dataclass(frozen=True)
class Participants:
    named: tuple[Participant, ...] = ()
    extra: int = 0  # people counted but not named ("+ 5 weitere")
    total: int = 0  # named + extra, or an explicit "(insg. 9 Teilnehmer)"
    exact: bool = True  # False when an open "+ weitere" makes total a lower bound
    # File lines outside a participants section that name people ("Anwesende: …",
    # "Gäste: …"): the page hides them when the privacy setting says so.
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class Talk:
    speaker: str  # "" when the text names no speaker
    title: str


@dataclass(frozen=True)
class MeetingTime:
    date: dt.date
    time: dt.time | None = None  # None: the text gives no time


@dataclass(frozen=True)
class NextMeeting:
    """A report's "next" section or ``Next:`` header."""

    when: MeetingTime
    talks: tuple[str, ...] = ()  # planned talks; placeholders are left out
    line: int = 0  # where the date was found
    # What else the section says, as Markdown: one snippet per list item or
    # paragraph, the date line's own remark ("vor der Sommerpause") included.
    remarks: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleFacts:
    kind: Kind = "other"
    # The meeting the file is about: a report's own date, an announcement's "Wann:".
    meeting: MeetingTime | None = None
    participants: Participants | None = None
    next: NextMeeting | None = None
    talks: tuple[Talk, ...] = ()  # held (report) or planned (announcement)
    location: str | None = None
    signup_url: str | None = None
    problems: tuple[Problem, ...] = field(default=())
    # The meeting is called off or moved: "cancelled", "postponed" (no new date yet) or
    # "moved" (this is the new date; ``moved_from`` the old one), else None.  Set by the
    # glue from the Status: header or an announcement's title or first line.
    change: str | None = None
    moved_from: dt.date | None = None
