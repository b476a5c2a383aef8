"""Dates and times as organizers write them, German first, English too.

``find_dates`` returns every date mention on a line with its kind:
"labelled" (``Datum: 21.2.2017``, ``nächster Termin: …``), "alone" (the line
or list item is just the date, maybe with a time and a remark) or "other"
(somewhere in a sentence).  ``choose_date`` then prefers labelled over alone
over the first other mention and refuses to guess between contradicting
labelled dates.  Every date is checked with ``datetime``: ``31.9.2021`` is a
problem, never a date.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Literal

from .markdown_text import fold, mask_non_text
from .model import N_, Text, Weekday

MentionKind = Literal["labelled", "alone", "other"]

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1,
    "februar": 2, "february": 2, "febr": 2, "feb": 2,
    "märz": 3, "maerz": 3, "march": 3, "mär": 3, "mrz": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6,
    "juli": 7, "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_ENGLISH_MONTHS = ("january", "february", "march", "april", "may", "june", "july",
                   "august", "september", "october", "november", "december",
                   "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep",
                   "oct", "nov", "dec")

WEEKDAYS = {
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
# Short forms only count with a dot or comma after them ("Di., 21.5."),
# otherwise "so" or "do" in a sentence would look like a weekday.
WEEKDAY_ABBREVIATIONS = {
    "mo": 0, "di": 1, "mi": 2, "do": 3, "fr": 4, "sa": 5, "so": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}

# Words before a date that say "this is the meeting date".
DATE_LABELS = frozenset({
    "date", "datum", "termin", "next", "next meeting", "next date", "naechster termin",
    "naechstes treffen", "naechstes meetup", "wann", "when", "treffen", "meetup", "sitzung",
    "meeting",
})
# Words before a date that say "this is our next meeting": "Nächster Termin:",
# "Nächste Sitzung am", "Folgetermin:", "The next meeting will be on".
NEXT_LABEL = re.compile(
    r"(?:(?:unser|unsere|die|der|das|the|our)\s+)?"
    r"(?:next(?:\s+(?:meeting|meetup|session|date|event|treffen))?"
    r"|naechste[rsn]?(?:\s+(?:termine?|treffen|meetup|sitzung|vorstandssitzung|stammtisch"
    r"|zusammenkunft|meetup-termin))?"
    r"|termin\s+(?:der\s+)?naechste[nr]?\s+(?:vorstands)?sitzung"
    r"|folgetermin|folgesitzung|naechstes\s+mal)"
    r"(?:\s+(?:is|will\s+be|findet|ist|wird|is\s+scheduled))?(?:\s+(?:held|statt))?"
    r"(?:\s+(?:on|am))?"
)


def is_next_label(folded: str) -> bool:
    """``folded`` (see ``fold``) is a label such as "nächster termin"."""
    return NEXT_LABEL.fullmatch(folded.strip(" \t*_:,.")) is not None


def _alternation(words) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_DATE = re.compile(
    rf"""
    (?<![0-9A-Za-z./-])(?P<iso_y>[0-9]{{4}})-(?P<iso_m>[0-9]{{1,2}})-(?P<iso_d>[0-9]{{1,2}})(?![0-9])
  | (?<![0-9A-Za-z.])(?P<num_d>[0-9]{{1,2}})\.[ ]?(?P<num_m>[0-9]{{1,2}})\.
        (?:(?P<num_y>[ ]?[0-9]{{4}}|[0-9]{{2}})(?![0-9]))?(?![0-9])
  | (?<![0-9A-Za-z.])(?P<long_d>[0-9]{{1,2}})(?:\.|st|nd|rd|th)?[ ]?(?:of[ ])?(?P<long_m>{_alternation(MONTHS)})
        (?:\.|(?![^\W\d_]))(?:,?[ ]?(?P<long_y>[0-9]{{4}})(?![0-9]))?
  | (?<![^\W\d_])(?P<en_m>{_alternation(_ENGLISH_MONTHS)})\.?[ ](?:the[ ])?(?P<en_d>[0-9]{{1,2}})
        (?:st|nd|rd|th)?(?![0-9A-Za-z:.])(?:,?[ ](?P<en_y>[0-9]{{4}})(?![0-9]))?
    """,
    re.IGNORECASE | re.VERBOSE,
)
# A time right after a date: "2019-06-18 18:30", "21.11.2023, 18:30 Uhr",
# "21. November 2023 um 18:30", "19.9. um 19 Uhr".  A bare number is no time.
# "6:30pm", "7 pm", "6.30 p.m." are English; "1:47:05" is a duration, no
# time; "19 am Montag" is German ("am" with a space counts only as "a.m.").
_TIME = (r"(?:(?P<en_hour>1[0-2]|0?[1-9])(?:[:.](?P<en_minute>[0-5][0-9]))?"
         r"(?:(?P<meridiem>[ap])m|[ ]?(?P<meridiem_dot>[ap])\.m\.|[ ](?P<meridiem_pm>p)m)(?![^\W_])"
         r"|(?P<hour>[0-9]{1,2})(?:"
         r":(?P<minute>[0-9]{2})(?![0-9]|:[0-9])(?:[ ]?Uhr\b)?"
         r"|\.(?P<minute_dot>[0-9]{2})[ ]?Uhr\b"
         r"|[ ]?Uhr\b))")
_TIME_WORD = r"(?:(?:um|ab|at|from|gegen|von)[ ]+)?"
_TIME_AFTER_DATE = re.compile(rf"[ ]*(?:[,/–-]|T)?[ ]*{_TIME_WORD}{_TIME}", re.IGNORECASE)
_TIME_ANYWHERE = re.compile(rf"(?<![0-9.:]){_TIME_WORD}{_TIME}", re.IGNORECASE)
_WEEKDAY_BEFORE = re.compile(
    rf"(?<!\w)(?P<weekday>{_alternation(WEEKDAYS)}|(?:{_alternation(WEEKDAY_ABBREVIATIONS)})(?=[.,]))"
    r"\.?,?(?:[ ]*(?:der|den|am|the))?[ ]*$",
    re.IGNORECASE,
)
_FILLER_BEFORE = re.compile(r"(?:^|[ ])(?:am|vom|den|der|on)[ ]*$", re.IGNORECASE)
# What may follow a date that stands alone: nothing, a remark in brackets,
# "-- vor der Sommerpause", an exclamation mark.
_REMARK_AFTER = re.compile(r"[ *_]*(?:[.!:]+|\(.*\)|(?:--|-|–|—).*)?[ *_.!]*")


@dataclass(frozen=True)
class DateMention:
    start: int  # position in the line
    text: str  # as written, time included
    kind: MentionKind
    date: dt.date | None  # None when ``problem`` says why it is no date
    time: dt.time | None = None
    problem: Text | None = None
    label: str = ""  # folded label of a "labelled" mention ("naechster termin")


def day_after(day: dt.date) -> dt.date:
    return day if day == dt.date.max else day + dt.timedelta(days=1)


def _resolve_year(day: int, month: int, not_before: dt.date) -> dt.date | None:
    """First such day on or after ``not_before``: "19.9." written in 2019-09-17."""
    for year in range(not_before.year, min(not_before.year + 9, dt.MAXYEAR + 1)):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:  # 29.2. outside leap years
            continue
        if candidate >= not_before:
            return candidate
    return None


def _date_parts(match: re.Match) -> tuple[int, int, int | None]:
    if match["iso_y"]:
        return int(match["iso_d"]), int(match["iso_m"]), int(match["iso_y"])
    if match["num_d"]:
        year = match["num_y"]
        if year is None:
            return int(match["num_d"]), int(match["num_m"]), None
        year = year.strip()
        return int(match["num_d"]), int(match["num_m"]), int(year) + (2000 if len(year) == 2 else 0)
    if match["long_d"]:
        year = match["long_y"]
        return int(match["long_d"]), MONTHS[match["long_m"].lower()], int(year) if year else None
    year = match["en_y"]
    return int(match["en_d"]), MONTHS[match["en_m"].lower()], int(year) if year else None


def _plausible(day: int, month: int) -> bool:
    """Numbers that cannot be a day and month ("Python 3.13.") are no date at all."""
    return 1 <= day <= 31 and 1 <= month <= 12


def _time_of(match: re.Match | None) -> tuple[dt.time | None, Text | None]:
    if match is None:
        return None, None
    if match["en_hour"]:
        meridiem = (match["meridiem"] or match["meridiem_dot"] or match["meridiem_pm"]).lower()
        hour = int(match["en_hour"]) % 12 + (12 if meridiem == "p" else 0)
        return dt.time(hour, int(match["en_minute"] or 0)), None
    hour = int(match["hour"])
    minute = int(match["minute"] or match["minute_dot"] or 0)
    if hour > 23 or minute > 59:
        return None, Text(N_("invalid time “{time}”"), time=match[0].strip())
    return dt.time(hour, minute), None


def _calendar_date(day: int, month: int, year: int | None, not_before: dt.date,
                   written: str) -> tuple[dt.date | None, Text | None]:
    try:
        if year is not None:
            return dt.date(year, month, day), None
        dt.date(2000, month, day)  # a leap year: is this day in any year at all?
    except ValueError:
        return None, Text(N_("invalid date “{date}”"), date=written)
    resolved = _resolve_year(day, month, not_before)
    if resolved is None:
        return None, Text(N_("no year found for “{date}”"), date=written)
    return resolved, None


# Where the text of a line starts: after indentation, a list marker, ">" and
# emphasis.  "18. Juni" at the start is a date, but Markdown also reads "18. "
# as a list marker; prefixes are taken from min(start of text, date).
_LINE_TEXT_START = re.compile(r"[ \t]*(?:(?:[-*+]|[0-9]{1,9}[.)])[ \t]+)?[ \t*_>#]*")
# A label is a few words; a longer prefix makes the date part of a sentence.
# Looking at a bounded prefix keeps a line with thousands of dates linear.
_LONGEST_LABEL = 60


def _kind(masked: str, text_start: int, start: int, end: int) -> tuple[MentionKind, int | None, str]:
    """The mention's kind, the weekday written right before it, if any, and
    its label (folded), if any."""
    prefix = masked[max(min(text_start, start), start - _LONGEST_LABEL):start].rstrip().strip(" \t*_>#")
    weekday = None
    if weekday_match := _WEEKDAY_BEFORE.search(prefix):
        name = weekday_match["weekday"].lower()
        weekday = WEEKDAYS.get(name, WEEKDAY_ABBREVIATIONS.get(name))
        prefix = prefix[: len(prefix) - len(weekday_match[0])]
    if start - text_start > _LONGEST_LABEL:
        return "other", weekday, ""
    prefix = _FILLER_BEFORE.sub("", prefix).strip(" \t*_:,")
    if not prefix:
        return ("alone" if _REMARK_AFTER.fullmatch(masked, end) else "other"), weekday, ""
    label = fold(prefix)
    if label in DATE_LABELS or is_next_label(label):
        return "labelled", weekday, label
    return "other", weekday, ""


def find_dates(line: str, *, not_before: dt.date) -> list[DateMention]:
    """Every date on one line; a date without a year is the first on/after ``not_before``."""
    return list(_dates_on(line, not_before))


# Every date and time pattern has a digit: most lines of a report have none.
_DIGIT = re.compile(r"[0-9]")


@functools.lru_cache(maxsize=1024)  # several readers ask for the same line's dates
def _dates_on(line: str, not_before: dt.date) -> tuple[DateMention, ...]:
    if not _DIGIT.search(line):
        return ()
    masked = mask_non_text(line)
    text_start = _LINE_TEXT_START.match(masked).end()
    mentions = []
    for match in _DATE.finditer(masked):
        day, month, year = _date_parts(match)
        if not _plausible(day, month):
            continue
        time_match = _TIME_AFTER_DATE.match(masked, match.end())
        end = time_match.end() if time_match else match.end()
        written = line[match.start():end].strip()
        kind, weekday, label = _kind(masked, text_start, match.start(), end)
        date, problem = _calendar_date(day, month, year, not_before, line[match.start():match.end()])
        time, time_problem = _time_of(time_match)
        problem = problem or time_problem
        if date and weekday is not None and date.weekday() != weekday and not problem:
            # TRANSLATORS: {date} in the site's short form, {weekday} its name ("Thursday"),
            # {written} as the file writes it.
            problem = Text(N_("wrong weekday: {date} is a {weekday} (“{written}”)"),
                           date=date, weekday=Weekday(date), written=written)
        if problem:
            date, time = None, None
        mentions.append(DateMention(match.start(), written, kind, date, time, problem, label))
    return tuple(mentions)


def _first_time(line: str) -> re.Match | None:
    if not _DIGIT.search(line):
        return None
    # "18.06." is a date, not 18:06: blank dates before looking for a time.
    masked = _DATE.sub(lambda match: " " * len(match[0]), mask_non_text(line))
    return _TIME_ANYWHERE.search(masked)


def find_time(line: str) -> tuple[dt.time | None, Text | None]:
    """The first time of day on a line ("18:30", "19 Uhr", "18.30 Uhr")."""
    return _time_of(_first_time(line))


def time_span(line: str) -> tuple[int, int] | None:
    """Where the time ``find_time`` reads stands in the line ("um" included)."""
    match = _first_time(line)
    return match.span() if match else None


@dataclass(frozen=True)
class Found:
    """A date mention and the file line it stands on."""

    line: int
    mention: DateMention


@dataclass(frozen=True)
class Choice:
    date: dt.date
    time: dt.time | None
    line: int


_TIERS: tuple[MentionKind, ...] = ("labelled", "alone", "other")


def choose_date(found: list[Found]) -> tuple[Choice | None, list[tuple[int, Text]]]:
    """The meeting date among the mentions of one section, and the problems.

    Only the best tier present counts (labelled, else alone, else other); a
    broken date in that tier blocks the lower tiers, so a typo in
    ``Datum: 31.9.2021`` never lets a hackathon date elsewhere win.
    """
    for tier in _TIERS:
        mentions = [item for item in found if item.mention.kind == tier]
        if mentions:
            break
    else:
        return None, []
    problems = [(item.line, item.mention.problem) for item in mentions if item.mention.problem]
    if problems:
        return None, problems
    first = mentions[0]
    if tier != "labelled":
        return Choice(first.mention.date, first.mention.time, first.line), []
    return _agreeing(mentions)


def _agreeing(mentions: list[Found]) -> tuple[Choice | None, list[tuple[int, Text]]]:
    """Labelled dates must agree; a time written once applies to the date."""
    first = mentions[0]
    time = first.mention.time
    for other in mentions[1:]:
        same_day = other.mention.date == first.mention.date
        other_time = other.mention.time
        if same_day and (time is None or other_time is None or other_time == time):
            time = time or other_time
            continue
        return None, [(first.line, Text(
            N_("contradicting dates: “{first}” (line {first_line}) and “{second}” "
               "(line {second_line})"),
            first=first.mention.text, first_line=first.line,
            second=other.mention.text, second_line=other.line))]
    return Choice(first.mention.date, time, first.line), []


def with_time(choice: Choice, time: dt.time | None) -> Choice:
    return choice if choice.time or time is None else replace(choice, time=time)
