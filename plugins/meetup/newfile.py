"""``invoke new``: the next meeting's report or announcement, prefilled.

The meeting is taken from the latest report's "next" section (or ``Next:``
header), with its planned talks; without one, from MEETUP_RECURRENCE after
that report.  The file is written only when the meeting is known and the file
does not exist yet: an organizer never gets a guessed date without being told.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import schedule
from .facts import read_facts
from .sections import split_document
from .template_filters import de_date, de_time


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


def latest_report(content: Path) -> tuple[str, dt.datetime, object] | None:
    """(relative path, date, facts) of the report with the latest Date."""
    latest = None
    for path in sorted(content.rglob("*.md")):
        relative = path.relative_to(content).as_posix()
        if relative.startswith("pages/"):
            continue
        try:
            source = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # `invoke check` reports unreadable files
        header = split_document(source).metadata
        date = _header_date(header["date"].text) if "date" in header else None
        if date is None:
            continue
        category = header["category"].text if "category" in header else None
        facts = read_facts(source, date=date, category=category)
        if facts.kind == "report" and (latest is None or date > latest[1]):
            latest = (relative, date, facts)
    return latest


def plan_next(content: Path, settings: dict, now: dt.datetime) -> PlannedMeeting:
    latest = latest_report(content)
    if latest is None:
        raise NewFileError(f"no report found in {content}: write the first one by hand")
    relative, date, facts = latest
    if date.replace(tzinfo=None) > now.replace(tzinfo=None):
        # Running `invoke new` twice must not skip ahead a month.
        raise NewFileError(f"{relative} is the report of an upcoming meeting already; edit it")
    default_time = schedule.parse_time(settings["MEETUP_DEFAULT_TIME"], "MEETUP_DEFAULT_TIME")
    if facts.next is not None:
        when = facts.next.when
        return PlannedMeeting(when.date, when.time or default_time, facts.next.talks, relative)
    rule = schedule.parse_recurrence(settings.get("MEETUP_RECURRENCE"))
    if rule is None:
        raise NewFileError(
            f"{relative}: no next meeting in its \"next\" section and no MEETUP_RECURRENCE "
            "set; add the date there (e.g. \"- date: 2026-01-20\") and run again"
        )
    after = date.replace(tzinfo=None) + dt.timedelta(days=1)
    start = schedule.next_by_rule(rule, after, dt.timedelta(0))
    return PlannedMeeting(start.date(), start.time(), (), f"MEETUP_RECURRENCE after {relative}")


def report_text(meeting: PlannedMeeting) -> str:
    talks = "".join(f"### {talk}\n\n- \n\n" for talk in meeting.talks)
    return (
        f"Title: Bericht vom Treffen im {de_date(meeting.date, 'month')}\n"
        f"Date: {meeting.date.isoformat()} {meeting.time:%H:%M}\n"
        "\n"
        "## Protokoll\n"
        "\n"
        "### Teilnehmer\n"
        "\n"
        "- Name, Rolle, Firma\n"
        "\n"
        f"{talks}"
        "### next\n"
        "\n"
        "- date: \n"
        "- talks:\n"
        "    - (meldet euch, wenn ihr Vorträge habt!)\n"
    )


def announcement_text(meeting: PlannedMeeting, settings: dict, now: dt.datetime) -> str:
    talks = "".join(f"- {talk}\n" for talk in meeting.talks) or "- (wir suchen noch Vorträge)\n"
    signup = settings.get("MEETUP_SIGNUP_URL")
    signup_line = f"<{signup}>\n" if signup else "(Link zur Anmeldung)\n"
    location = settings.get("MEETUP_LOCATION") or "(Ort)"
    return (
        f"Title: Einladung zum Treffen am {de_date(meeting.date, 'medium')}\n"
        f"Date: {now:%Y-%m-%d %H:%M}\n"
        "\n"
        "### Wann:\n"
        "\n"
        f"{de_date(meeting.date, 'medium')} um {de_time(meeting.time)}\n"
        "\n"
        "### Wo:\n"
        "\n"
        f"{location}\n"
        "\n"
        "### Vorträge\n"
        "\n"
        f"{talks}"
        "\n"
        "### Anmeldung\n"
        "\n"
        f"{signup_line}"
    )


def create(content: Path, settings: dict, now: dt.datetime, announcement: bool = False) -> Path:
    """Write the new file and return its path; NewFileError if it cannot."""
    meeting = plan_next(content, settings, now)
    suffix = "einladung" if announcement else "bericht"
    path = content / f"{meeting.date.isoformat()}-{suffix}.md"
    if path.exists():
        raise NewFileError(f"{path} exists already; edit it instead")
    text = announcement_text(meeting, settings, now) if announcement else report_text(meeting)
    path.write_text(text, encoding="utf-8")
    return path
