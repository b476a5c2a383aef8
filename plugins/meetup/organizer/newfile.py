"""``invoke new``: the next meeting's report or announcement, prefilled.

The meeting is taken from the latest report's "next" section (or ``Next:``
header), with its planned talks; without one, from MEETUP_RECURRENCE after
that report.  The file is written only when the meeting is known and the file
does not exist yet: an organizer never gets a guessed date without being told.

A new report uses the headings and labels of the latest report ("### Teilnehmer",
"### nächster Termin", "Termin:" …), the site language's where it has none
(German: "Teilnehmer", "Nächstes Treffen", "Datum"; English: "Participants",
"Next meeting", "Date"); titles, announcement headings and placeholders are the
site language's too (``DEFAULT_LANG``, made the active language by reading the
settings).  Its placeholders (``contentcheck.skeleton()``, the empty date label) fail
``invoke check`` and the build until they are replaced: none of them is ever
published as data.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import language as languages
from ..i18n.language import N_, gettext as _, pgettext
from ..site import schedule
from .contentcheck import skeleton
from ..reading.facts import read_document_facts
from ..reading.dates import DATE_LABELS
from ..reading.markdown_text import fold, plain_text
from ..reading.next_meeting import is_next_heading, next_section_indices
from ..reading.participants import is_participants_heading
from ..reading.sections import Document, split_document
from ..reading.talks import talk_label_rest
from ..rendering.template_filters import Formats

MESSAGES = {
    "no report": N_("no report found in {content}: please write the first one by hand"),
    "upcoming": N_("{report} is the report of an upcoming meeting already; please edit it"),
    "no next date": N_("{report}: no next date in its section “{next}” and no "
                       "MEETUP_RECURRENCE set; enter the date there "
                       "(e.g. “{label}: 2026-01-20”) and run this again"),
    "exists": N_("{path} exists already; please edit that file"),
}


def message(key: str, **values) -> str:
    return _(MESSAGES[key]).format(**values)


def _plain(text: str) -> str:
    """Babel's narrow and no-break spaces ("7:00\u202fPM") as the spaces people type."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


class NewFileError(Exception):
    pass


@dataclass(frozen=True)
class PlannedMeeting:
    date: dt.date
    time: dt.time
    talks: tuple[str, ...]
    source: str  # the report that named it, or "recurrence after <report>"


def _header_date(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


@dataclass(frozen=True)
class ReportStyle:
    """How the archive's reports write their sections (the site language's by default)."""

    level: int = 3  # heading level of the participants and "next" sections
    participants: str = ""  # "" in each: the site language's word
    next: str = ""
    date_label: str = ""
    talks_label: str = ""
    as_list: bool = True  # "- Datum: …" under the heading, or paragraphs "Datum: …"

    def words(self) -> ReportStyle:
        """This style with the site language's words where the reports gave none."""
        return ReportStyle(
            level=self.level,
            # TRANSLATORS: headings and labels of a new report file (`invoke new`); the
            # reader must know them (German: Teilnehmer, Nächstes Treffen, Datum, Vorträge).
            participants=self.participants or pgettext("new report", "Participants"),
            next=self.next or pgettext("new report", "Next meeting"),
            date_label=self.date_label or pgettext("new report", "Date"),
            talks_label=self.talks_label or pgettext("new report", "Talks"),
            as_list=self.as_list,
        )


@dataclass(frozen=True)
class LatestReport:
    relative: str
    date: dt.datetime
    facts: object
    style: ReportStyle


# "Teilnehmer (12)", "Nächstes Treffen am 20.1.2026", "next: 2026-01-20": the words only.
_HEADING_WORDS = re.compile(r"\s*(?P<words>[^\W\d_][^():0-9–]*?)(?:\s+(?:am|im|on)\b|\s+[-–]|\s*[(:0-9–]|$)")
_LABEL = re.compile(r"\s*(?:(?P<bullet>[-*+])\s+)?(?:\*\*|__)?(?P<label>[^\W\d_][\w .-]{0,30}?)"
                    r"(?:\*\*|__)?\s*:")


def _heading_words(title: str, accept) -> str | None:
    match = _HEADING_WORDS.match(plain_text(title))
    words = match["words"].strip() if match else ""
    return words if words and accept(words) else None


def _label(text: str, accept) -> tuple[str, bool] | None:
    """("Termin", False) for "Termin: 20. Januar", ("date", True) for "- date: …"."""
    match = _LABEL.match(text)
    if not match or not accept(match["label"].strip()):
        return None
    return match["label"].strip(), match["bullet"] is not None


def report_style(document: Document) -> ReportStyle:
    """The headings and labels a report uses ("" where it has none: the site language's)."""
    found: dict = {}
    for section in document.sections:
        if section.level and is_participants_heading(section.title):
            words = _heading_words(section.title, is_participants_heading)
            if words:
                found.update(participants=words, level=section.level)
            break
    indices = next_section_indices(document)
    if indices:
        section = document.sections[indices[0]]
        words = _heading_words(section.title, is_next_heading)
        if words:
            found["next"] = words
            found.setdefault("level", section.level)
        lines = [line.text for part in document.subtree(indices[0]) for line in part.body]
        for text in lines:
            date = _label(text, lambda label: fold(label) in DATE_LABELS)
            if date:
                found.update(date_label=date[0], as_list=date[1])
                break
        for text in lines:
            talks = _label(text, lambda label: talk_label_rest(f"{label}:") == "")
            if talks:
                found["talks_label"] = talks[0]
                found.setdefault("as_list", talks[1])
                break
    return ReportStyle(**found)


def latest_report(content: Path) -> LatestReport | None:
    """The report with the latest Date, with its facts and its way of writing."""
    latest = None
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content).as_posix()
        if relative.startswith("pages/"):
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `invoke check` reports unreadable files
        document = split_document(source)
        header = document.metadata
        date = _header_date(header["date"].text) if "date" in header else None
        if date is None or (latest is not None and date <= latest[1]):
            continue
        category = header["category"].text if "category" in header else None
        facts = read_document_facts(document, date=date, category=category)
        if facts.kind == "report":
            latest = (relative, date, facts, document)
    if latest is None:
        return None
    relative, date, facts, document = latest
    return LatestReport(relative, date, facts, report_style(document))


def plan_next(content: Path, settings: dict, now: dt.datetime,
              latest: LatestReport | None = None) -> PlannedMeeting:
    latest = latest or latest_report(content)
    if latest is None:
        raise NewFileError(message("no report", content=content))
    relative, date, facts = latest.relative, latest.date, latest.facts
    if date.replace(tzinfo=None) > now.replace(tzinfo=None):
        # Running `invoke new` twice must not skip ahead a month.
        raise NewFileError(message("upcoming", report=relative))
    default_time = schedule.parse_time(settings["MEETUP_DEFAULT_TIME"], "MEETUP_DEFAULT_TIME")
    if facts.next is not None:
        when = facts.next.when
        return PlannedMeeting(when.date, when.time or default_time, facts.next.talks, relative)
    rule = schedule.parse_recurrence(settings.get("MEETUP_RECURRENCE"))
    if rule is None:
        style = latest.style.words()
        raise NewFileError(message("no next date", report=relative, next=style.next,
                                   label=style.date_label))
    after = date.replace(tzinfo=None) + dt.timedelta(days=1)
    start = schedule.next_by_rule(rule, after, dt.timedelta(0))
    return PlannedMeeting(start.date(), start.time(), (), f"MEETUP_RECURRENCE after {relative}")


def report_text(meeting: PlannedMeeting, style: ReportStyle = ReportStyle()) -> str:
    style = style.words()
    formats = Formats(languages.active())
    hashes = "#" * style.level
    talks = "".join(f"{hashes} {talk}\n\n- \n\n" for talk in meeting.talks)
    # TRANSLATORS: the reader takes this for "no talk yet", not for a talk: keep words
    # it knows ("let us know", "meldet euch", "to be announced").
    call = pgettext("new report", "(let us know if you have a talk!)")
    if style.as_list:
        next_body = f"- {style.date_label}: \n- {style.talks_label}:\n    - {call}\n"
    else:
        next_body = f"{style.date_label}: \n\n{style.talks_label}:\n\n- {call}\n"
    protocol = "## " + pgettext("new report", "Minutes") + "\n\n" if style.level > 2 else ""
    title = pgettext("new report", "Report of the meeting in {month}").format(
        month=formats.date(meeting.date, "month"))
    return (
        f"Title: {title}\n"
        f"Date: {meeting.date.isoformat()} {meeting.time:%H:%M}\n"
        "\n"
        f"{protocol}"
        f"{hashes} {style.participants}\n"
        "\n"
        f"- {skeleton('participant')}\n"
        "\n"
        f"{talks}"
        f"{hashes} {style.next}\n"
        "\n"
        f"{next_body}"
    )


def announcement_text(meeting: PlannedMeeting, settings: dict, now: dt.datetime,
                      placeholders: bool = True) -> str:
    """The announcement; without ``placeholders`` a section the settings leave
    empty (place, sign-up) is left out instead of asking to be filled in."""
    formats = Formats(languages.active())
    talks = "".join(f"- {talk}\n" for talk in meeting.talks) \
        or "- " + pgettext("new announcement", "(talks to be announced: let us know if you "
                                               "have one)") + "\n"
    signup = settings.get("MEETUP_SIGNUP_URL")
    signup_line = f"<{signup}>\n" if signup else f"{skeleton('signup')}\n"
    location = settings.get("MEETUP_LOCATION") or skeleton("location")
    day = formats.date(meeting.date, "medium")
    # TRANSLATORS: title and headings of a new announcement (`invoke new --announcement`);
    # the reader must know the headings (German: Wann:, Wo:, Vorträge, Anmeldung).
    title = pgettext("new announcement", "Invitation to the meeting on {date}").format(date=day)
    when = pgettext("new announcement", "{date} at {time}").format(
        date=day, time=formats.time(meeting.time))
    # Not inside the f-strings: the catalog extraction does not look into them.
    heading_when = pgettext("new announcement", "When:")
    heading_where = pgettext("new announcement", "Where:")
    heading_talks = pgettext("new announcement", "Talks")
    heading_signup = pgettext("new announcement", "Sign-up")
    where = (f"### {heading_where}\n\n{location}\n\n"
             if placeholders or settings.get("MEETUP_LOCATION") else "")
    sign_up = f"\n### {heading_signup}\n\n{signup_line}" if placeholders or signup else ""
    return _plain(
        f"Title: {title}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        "\n"
        f"### {heading_when}\n"
        "\n"
        f"{when}\n"
        "\n"
        f"{where}"
        f"### {heading_talks}\n"
        "\n"
        f"{talks}"
        f"{sign_up}"
    )


def create(content: Path, settings: dict, now: dt.datetime, announcement: bool = False) -> Path:
    """Write the new file and return its path; NewFileError if it cannot."""
    latest = latest_report(content)
    meeting = plan_next(content, settings, now, latest)
    # TRANSLATORS: the end of a new file's name: 2026-01-20-bericht.md in German.
    suffix = pgettext("file name", "announcement") if announcement \
        else pgettext("file name", "report")
    path = content / f"{meeting.date.isoformat()}-{suffix}.md"
    if path.exists():
        raise NewFileError(message("exists", path=path))
    text = (announcement_text(meeting, settings, now) if announcement
            else report_text(meeting, latest.style))
    path.write_text(text, encoding="utf-8")
    return path
