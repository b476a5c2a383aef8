"""The entry point of the parsing core: one Markdown file in, ArticleFacts out.

Pure: standard library and model.py only, no Pelican.  ``read_facts`` never
raises on any text; whatever it cannot read becomes a ``Problem(line,
message)`` with the real file line, and nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
import re

from .announcement import read_announcement, signup_url, when_lines
from .markdown_text import fold, plain_text
from .model import (N_, ArticleFacts, Kind, MeetingTime, NextMeeting, Problem, Talk, Text,
                    another_section)
from .next_meeting import next_section_indices, read_next_meeting
from .participants import NO_PARTICIPANTS, is_participants_heading, read_participants
from .sections import Document, split_document
from .attendance import read_attendance
from .kind import Signs, names_a_meeting, weigh_kind
from .next_lines import read_next_lines
from .talk_lines import prose_talks, talks_under_headings
from .when_where import announced_date, meeting_place, meeting_time, stated_time, venue
from .talks import looks_like_name, talk_from_heading

REPORT_WORDS = frozenset({"report", "reports", "bericht", "berichte", "protokoll", "protokolle"})
ANNOUNCEMENT_WORDS = frozenset({"announcement", "announcements", "ankuendigung", "ankuendigungen",
                                "einladung", "einladungen", "invitation", "invitations"})
OTHER_WORDS = frozenset({"other", "sonstiges"})


def _kind_of_word(word: str) -> Kind | None:
    word = fold(word.strip())
    if word in REPORT_WORDS:
        return "report"
    if word in ANNOUNCEMENT_WORDS:
        return "announcement"
    if word in OTHER_WORDS:
        return "other"
    return None


def _declared_kind(document: Document, category: str | None) -> tuple[Kind | None, list[Problem]]:
    """``Kind:`` header, else a report/announcement category; None: weigh the text."""
    header = document.metadata.get("kind")
    if header is not None:
        kind = _kind_of_word(header.text)
        if kind is not None:
            return kind, []
        allowed = "report, bericht, announcement, ankuendigung, einladung, other"
        problem = Problem(header.number, Text(
            N_("Header “Kind”: unknown value “{value}” (allowed: {allowed})"),
            value=header.text, allowed=allowed))
        return None, [problem]
    # Categories are free text: only the report/announcement words decide.
    if category and (kind := _kind_of_word(category)) in ("report", "announcement"):
        return kind, []
    return None, []


def _next_subtrees(document: Document) -> frozenset[int]:
    """Indices of the "next" sections and their subsections."""
    indices = set()
    for index in next_section_indices(document):
        indices.update(range(index, index + len(document.subtree(index))))
    return frozenset(indices)


# Front matter keys that give the meeting's own date (not the page's).
MEETING_DATE_KEYS = ("meeting_date", "meetingdate", "meeting-date")
_NOTES_HEADING = re.compile(r"(?:notizen|notes|protokoll|mitschrift|ergebnisse|zusammenfassung"
                            r"|recap|summary|rueckblick)\b")
_MIN_NOTE_LINES = 2
# A presenter that is nobody in particular.
_EVERYONE = frozenset({"alle", "all", "everyone", "everybody", "jeder", "wir", "we", "team", "orga",
                       "tba", "tbd", "n/a", "offen", "open"})


# What a notes section says before the notes are written: "Werden hierher aus dem
# Etherpad übernommen", "folgt", "will be added after the meeting".
_NOTES_PLACEHOLDER = re.compile(
    r"(?:werden|wird)\b.*\b(?:uebernommen|nachgereicht|ergaenzt|eingefuegt|eingetragen|hochgeladen)"
    r"|(?:folgen|folgt|kommen|kommt)(?:\s+(?:noch|spaeter|bald))?|(?:noch\s+)?leer|tba|tbd|todo"
    r"|(?:will|to)\s+(?:be\s+)?(?:added|posted|follow|come)\b.*|coming soon|to follow")
# Notes of what was shown: many lines that are (or hold) a bare link.
_MIN_LINK_NOTES = 5
_BARE_LINK = re.compile(r"(?<![(<\[])https?://\S+")


def _notes(document: Document) -> tuple[bool, bool]:
    """(a notes section with real content or a page of link notes, a notes section that
    only says the notes will come)."""
    placeholder = False
    for position, block in enumerate(document.blocks):
        if block.kind == "heading" and _NOTES_HEADING.match(fold(block.plain)):
            lines = []
            for other in document.blocks[position + 1:]:
                if other.kind == "heading" and other.depth <= block.depth:
                    break  # the notes section ends; its subsections belong to it
                if other.kind != "heading":
                    lines.append(other)
            if len(lines) >= _MIN_NOTE_LINES:
                return True, False
            placeholder = placeholder or (
                len(lines) == 1 and _NOTES_PLACEHOLDER.fullmatch(fold(lines[0].plain).strip(" .!()")) is not None)
    link_lines = sum(1 for block in document.blocks
                     if block.kind != "heading" and _BARE_LINK.search(block.markdown))
    return link_lines >= _MIN_LINK_NOTES, placeholder


def _front_matter_talks(document: Document, title: str) -> tuple[Talk, ...]:
    """``presenter: Anna Beispiel`` in front matter: the meeting's talk is its title."""
    presenter = document.metadata.get("presenter") or document.metadata.get("speaker")
    if presenter is None or fold(presenter.text.strip()) in _EVERYONE or not looks_like_name(presenter.text):
        return ()  # "Alle": a workshop of everyone, no speaker
    return (Talk(presenter.text.strip(), title),)


def _signs(document: Document, report: dict) -> Signs:
    """What the text shows of a report or an announcement, for ``weigh_kind``."""
    next_sections = _next_subtrees(document)
    by_line = {block.number: block for block in document.blocks}
    talk_sections = {block.section for block in document.blocks
                     if block.kind == "heading" and block.depth >= 2 and talk_from_heading(block.markdown)}
    top = notes = 0
    for line in when_lines(document, ignored=next_sections):
        block = by_line.get(line.number)
        if block is None or block.kind == "heading" or (block.depth == 0 and block.section not in talk_sections):
            top += 1
        else:
            notes += 1
    has_heading = any(section.level and (is_participants_heading(section.title)
                                         or (section.level >= 2 and talk_from_heading(section.title)))
                      for section in document.sections)
    has_notes, notes_placeholder = _notes(document)
    # "The March meeting will be on Monday the 14th of March": a page before its meeting.
    announced = announced_date(document.blocks, report["meeting"].date, next_counts=False) is not None
    return Signs(meeting_date_field=any(key in document.metadata for key in MEETING_DATE_KEYS),
                 notes=has_notes, notes_placeholder=notes_placeholder,
                 participants=report["participants"] is not None or has_heading,
                 next_meeting=report["next"] is not None or bool(next_sections)
                 or document.metadata.get("next") is not None,
                 held_talks=bool(report["talks"]), when_lines=top + announced, when_in_notes=notes,
                 signup=signup_url(document) is not None)


# Front matter keys naming the place; a host (Middleman's ``hosted_by``) only when the
# text names no venue (the host may be a sponsor, the bar another place).
_PLACE_KEYS = ("location", "venue", "place", "where", "ort")
_HOST_KEYS = ("hosted_by", "host", "hosts")


def _place(document: Document, day: dt.date):
    """The place when no "Ort:"/"Wo:" line gives it (read only when asked)."""
    def first(keys):
        for key in keys:
            line = document.metadata.get(key)
            if line is not None and line.text.strip():
                return line.text.strip()
        return None

    def place() -> str | None:
        return (first(_PLACE_KEYS) or venue(document.blocks, day, _next_subtrees(document))
                or first(_HOST_KEYS))
    return place


def _split_date(date: dt.datetime | dt.date) -> tuple[dt.date, dt.time | None]:
    if isinstance(date, dt.datetime):
        time = date.time().replace(tzinfo=None)
        return date.date(), (None if time == dt.time(0, 0) else time)
    return date, None


def _problems(pairs) -> tuple[Problem, ...]:
    unique = {Problem(line, text) for line, text in pairs}
    # By line, then by the English text: the same order in every language.
    return tuple(sorted(unique, key=lambda problem: (problem.line, problem.format())))


def _held_talks(document: Document):
    """Talk headings outside the "next" section (talks planned there are not held):
    ``Name: Thema``, a title heading with its speaker on the line below, … (see
    ``talk_lines``); else a talk the prose names ("Ann gave a talk on …")."""
    planned = _next_subtrees(document)
    talks = [talk for _, talk in talks_under_headings(document.blocks, planned)]
    if not talks:
        talks = [talk for _, talk in prose_talks(document.blocks, planned)]
    return tuple(talks)


def _report(document: Document, day: dt.date, time: dt.time | None,
            default_time: dt.time | None) -> tuple[dict, list]:
    problems: list = []
    participants = None
    participant_sections = [s for s in document.sections if s.level and is_participants_heading(s.title)]
    if participant_sections:
        participants, found = read_participants(participant_sections[0])
        problems.extend(found)
        for extra in participant_sections[1:]:
            problems.append((extra.line, another_section(plain_text(extra.title),
                                                         participant_sections[0].line)))
    next_sections = _next_subtrees(document)
    if participants is None:
        # "## Anwesende" with "Vorstände: …" / "Gäste: …" lines, or field lines anywhere.
        people = frozenset(index for index, section in enumerate(document.sections)
                           if section in participant_sections)
        participants, found = read_attendance(document.blocks, next_sections, people)
        if participants is not None:
            problems = [problem for problem in problems if not problem[1].says(NO_PARTICIPANTS)]
        problems.extend(found)
    next_meeting, found = read_next_meeting(document, day, default_time)
    problems.extend(found)
    if next_meeting is None and not found and document.metadata.get("next") is None:
        choice, _open, found = read_next_lines(document.blocks, day, next_sections)
        problems.extend(found)
        if choice is not None:
            next_meeting = NextMeeting(MeetingTime(choice.date, choice.time or default_time),
                                       line=choice.line)
    time = time or meeting_time(document.blocks, day, next_sections) \
        or stated_time(document.blocks, day, next_sections)
    facts = {"meeting": MeetingTime(day, time or default_time), "participants": participants,
             "next": next_meeting, "talks": _held_talks(document),
             "location": meeting_place(document.blocks, next_sections)}
    return facts, problems


def _title(document: Document) -> str:
    return document.metadata["title"].text if "title" in document.metadata else ""


def read_facts(source: str, *, date: dt.datetime | dt.date, category: str | None = None,
               default_time: dt.time | None = None, title: str = "", path: str = "") -> ArticleFacts:
    """Facts of one file.  ``source`` is the whole file, header included; ``date``
    its Date header; ``default_time`` fills in where the text gives a date only;
    ``title`` and ``path`` (the file name) help to tell a report from an announcement."""
    return read_document_facts(split_document(source), date=date, category=category,
                               default_time=default_time, title=title, path=path)


def read_document_facts(document: Document, *, date: dt.datetime | dt.date,
                        category: str | None = None, default_time: dt.time | None = None,
                        title: str = "", path: str = "") -> ArticleFacts:
    """``read_facts`` of a file already split (the glue needs the split too)."""
    day, time = _split_date(date)
    kind, kind_problems = _declared_kind(document, category)
    problems = [(problem.line, problem.text) for problem in kind_problems]
    report, report_problems = _report(document, day, time, default_time)
    if kind is None:
        title = title or _title(document)
        text = " ".join(block.plain for block in document.blocks)
        kind = weigh_kind(_signs(document, report), title=title, path=path, text=text)
    dated = any(key in document.metadata for key in MEETING_DATE_KEYS)
    front_talks = _front_matter_talks(document, title or _title(document))
    place = _place(document, day)
    if kind == "report":
        facts, found = report, report_problems
        if not facts["talks"] and front_talks:
            facts = {**facts, "talks": front_talks}
        if facts["location"] is None:
            facts = {**facts, "location": place()}
    elif kind == "announcement":
        # The front matter names the meeting's date: no "Wann:" needed.
        announcement, found = read_announcement(document, day, default_time,
                                                own_date=day if dated else None)
        meeting = announcement.meeting
        if meeting is not None and dated and time is not None and meeting.date == day:
            meeting = MeetingTime(day, time)  # "meetingdate: …T19:00" says the time
        facts = {"meeting": meeting, "talks": announcement.talks or front_talks,
                 "location": announcement.location or place(),
                 "signup_url": announcement.signup_url}
    else:
        facts, found = {}, []
    problems.extend(found)
    return ArticleFacts(kind=kind, problems=_problems(problems), **facts)


# Any day will do for telling a meeting from other text; dates written after it
# still count as dates ahead.
_SOME_DAY = dt.date(1970, 1, 1)


def looks_like_meeting(source: str, *, title: str = "", path: str = "") -> bool:
    """Whether a file without any date reads as a report or an announcement (then
    its missing date is a mistake) or as other text (a rules page, a README).

    Stricter than the kind of a dated file: only what a meeting file has and other
    text has not counts (who came, the next date, "Wann:", a meeting's date, place
    or speaker field, Bericht/Einladung/Treffen in the title or file name); a
    heading that looks like a talk does not."""
    document = split_document(source)
    report, _ = _report(document, _SOME_DAY, None, None)
    signs = _signs(document, report)
    fields = any(key in document.metadata for key in ("location", "presenter", "speaker", "venue"))
    return (signs.participants or signs.next_meeting or bool(signs.when_lines)
            or signs.meeting_date_field or fields or names_a_meeting(title, path))
