"""Facts the plugin reads from one Markdown file.

Plain frozen dataclasses: the parsing core returns them, the Pelican glue
attaches them to articles (``article.meetup``), templates and the JSON/ICS
writers read them.  Nothing here imports Pelican.

What the reader cannot read is a ``Problem``: its line and a ``Text``, an English
message id (marked with ``N_`` for the catalogs) and its values.  The reader does
not translate; the build's hints and ``invoke check`` show it in the site's language.
"""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass, field
from typing import Literal, Protocol

Kind = Literal["report", "announcement", "other"]


def N_(message: str) -> str:  # noqa: N802 (gettext's name)
    """Marks a message id for the catalogs (``invoke catalogs`` extracts ``N_``); the
    message is translated where it is shown, never here."""
    return message


class Translator(Protocol):
    """What shows a ``Text`` in a language: the site's ``i18n.language.Language``."""

    def gettext(self, message: str) -> str: ...

    def short_date(self, day: dt.date) -> str: ...  # "21.3.2024", "3/21/2024"

    def weekday_name(self, day: dt.date) -> str: ...  # "Donnerstag", "Thursday"


@dataclass(frozen=True)
class Weekday:
    """The weekday of ``day`` inside a message, named in the message's language."""

    day: dt.date


_ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Source:
    """The message ids as they are (English), dates in ISO form: ``Text.format()``."""

    def gettext(self, message: str) -> str:
        return message

    def short_date(self, day: dt.date) -> str:
        return day.isoformat()

    def weekday_name(self, day: dt.date) -> str:
        return _ENGLISH_WEEKDAYS[day.weekday()]


SOURCE = _Source()
_FIELDS = string.Formatter()


@dataclass(frozen=True, init=False)
class Text:
    """A message of the reader: an English message id with named ``{placeholders}``
    (marked with ``N_``) and the values that fill them in.

    The reader never translates: ``format(translator)`` shows the message in the
    translator's language, where it reaches an organizer.  A value is shown as it
    is, except a ``Text`` (a message inside a message: 'Section "{section}":
    {problem}'), a date (the language's short form, "21.3.2024") and a ``Weekday``
    (its name in that language).  Hashable and picklable, like the facts."""

    id: str
    values: tuple[tuple[str, object], ...]

    def __init__(self, id: str, /, **values: object) -> None:  # noqa: A002
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "values", tuple(sorted(values.items())))

    def says(self, message_id: str) -> bool:
        """This message is ``message_id`` or holds it (as a value, at any depth)."""
        return self.id == message_id or any(
            isinstance(value, Text) and value.says(message_id) for _, value in self.values)

    def format(self, translator: Translator | None = None) -> str:
        """The message in ``translator``'s language (English without one).  Never
        raises: a translation that breaks its placeholders gives the English text."""
        translator = translator or SOURCE
        shown = {name: _shown(value, translator) for name, value in self.values}
        try:
            wanted = translator.gettext(self.id)
        except Exception:  # noqa: BLE001 (a broken catalog must not hide the problem)
            wanted = self.id
        for pattern in (wanted, self.id):
            try:
                return pattern.format(**shown)
            except (KeyError, IndexError, ValueError, AttributeError):
                continue
        return self.id

    def placeholders(self) -> set[str]:
        """The names in the message id ({section}, {problem}, …)."""
        return {name for _, name, _, _ in _FIELDS.parse(self.id) if name}

    def __str__(self) -> str:
        return self.format()


def _shown(value: object, translator: Translator) -> str:
    if isinstance(value, Text):
        return value.format(translator)
    if isinstance(value, Weekday):
        method, day = "weekday_name", value.day
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        method, day = "short_date", value
    else:
        return str(value)
    try:
        return getattr(translator, method)(day)
    except Exception:  # noqa: BLE001 (a translator without dates: the English form)
        return getattr(SOURCE, method)(day)


def in_section(title: str, problem: Text) -> Text:
    """A problem inside the section headed ``title`` ('Section “Teilnehmer”: …')."""
    # TRANSLATORS: {section} is a heading as written; {problem} another message of the reader.
    return Text(N_("Section “{section}”: {problem}"), section=title, problem=problem)


def another_section(title: str, first_line: int) -> Text:
    """A second participants or "next" section: only the first one counts."""
    return Text(N_("another section “{section}”: only the first one (line {line}) counts"),
                section=title, line=first_line)


@dataclass(frozen=True)
class Problem:
    """Something the parser could not read; reported as ``file:line: message`` with
    ``text`` shown in the site's language (``problem.format(language)``)."""

    line: int  # 1-based line in the source file, header lines included
    text: Text

    def format(self, translator: Translator | None = None) -> str:
        return self.text.format(translator)


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
class Material:
    """A link to a talk's slides, video, code or notebook."""

    label: str  # "slides", "video", "code" or "notebook" (the theme translates it)
    url: str


@dataclass(frozen=True)
class Talk:
    speaker: str  # "" when the text names no speaker
    title: str
    materials: tuple[Material, ...] = ()  # in the order written


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
