"""Small builders for unit-test texts: a Pelican header block plus a body."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pelican.plugins.meetup.i18n import language as languages
from pelican.plugins.meetup.reading.facts import read_facts

DATA = Path(__file__).parent / "data"
HEADER_LINES = 3  # "Title:", "Date:", blank line


def report_text(body: str, date: str = "2024-03-19 18:30", **headers: str) -> str:
    """A report file: the body starts on line HEADER_LINES + len(headers) + 1."""
    extra = "".join(f"{key}: {value}\n" for key, value in headers.items())
    return f"Title: Treffen\nDate: {date}\n{extra}\n{body}"


def facts_of(body: str, date: str = "2024-03-19 18:30", *, category: str | None = None,
             default_time: dt.time | None = None, **headers: str):
    """read_facts of a report-like file whose header holds ``date``."""
    return read_facts(report_text(body, date, **headers), date=dt.datetime.fromisoformat(date),
                      category=category, default_time=default_time)


def body_line(number: int, headers: int = 0) -> int:
    """File line of the body's ``number``-th line (1-based), as Problem.line counts."""
    return HEADER_LINES + headers + number


# The reader's messages are English ids translated where they are shown; these tests
# compare them as the German site shows them (the demo's language, the German catalog).
GERMAN = languages.of("de")


def german(text) -> str:
    """A reader's message (``reading.model.Text``) as the German site shows it."""
    return text.format(GERMAN)


def german_problems(facts) -> list[tuple[int, str]]:
    """(line, German message) of every problem, in the facts' order."""
    return [(problem.line, german(problem.text)) for problem in facts.problems]


def messages(facts) -> list[str]:
    return [german(problem.text) for problem in facts.problems]
