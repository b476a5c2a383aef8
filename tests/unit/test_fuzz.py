"""read_facts never raises, whatever the text: property tests with Hypothesis."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pelican.plugins.meetup.i18n import catalogs
from pelican.plugins.meetup.reading.facts import read_facts
from pelican.plugins.meetup.reading.model import ArticleFacts, Text
from pelican.plugins.meetup.reading.sections import split_lines

# Pieces of real reports and announcements, and their broken cousins, so the
# generated files reach deep into every parser instead of being plain noise.
FRAGMENTS = [
    "Title: Bericht", "Date: 2020-10-20 20:00", "Next: 2024-05-21 18:30", "Next: 31.9.", "Kind: report",
    "Kind: einladung", "Kind: ???", "---", "...", "", " ", "\t", "```", "```bash", "~~~", "    # code",
    "<!--", "-->", "<p>", "</p>", "# Teilnehmer", "### Teilnehmer (insg. 9)", "#### Anwesend: 14",
    "### Vorstellungsrunde", "## next", "### next:", "### nächster Termin: 21.2.2017", "### Wann:", "Wann:",
    "### Wo:", "Wo: Bosch", "### Vorträge", "### Programm", "### Anmeldung", "Teilnehmer", "=====", "-----",
    "- Andreas, Software-Entwickler, AX-Semantics", "- Georg;;Student", "- ?", "- , Rolle", "- 5",
    "+ 2", "+2", "\\+ 5 weitere", "+ weitere", "+ ein paar Nachzügler", "1 Nachzügler", "(insg. 9 Teilnehmer)",
    "18 Leute stellen sich vor … +2 Nachzügler", "+999999 weitere", "- date: 2020-11-17", "- Datum: 31.9.2021",
    "- 2023-02-30", "Dienstag, der 19. Juli 2016", "Mittwoch, 19. Juli 2016", "19.9.", "29.2.", "21. März",
    "**Termin: 15.10.2024**", "- talks:", "  - (meldet euch wenn ihr Vorträge habt!)", "  - Anna: Thema",
    "    - Bernd - Thema", "- Themen:", "<p>21. November 2023 um 18:30</p>", "Wann: 21.11.2023, 18:30 Uhr",
    "25:99 Uhr", "18:30", "[Link](https://www.meetup.com/x/2019-06-18)", "<https://example.org/anmelden>",
    "### Andreas: Hosting of ML models", "### Fazit: was bleibt", "#### AWS ECS (Fargate)", "[[[[", "((((",
    "<<<<", "`````", "\\", "***", "___", "1.", "1)", "9999-12-31", "0001-01-01", "31.12.9999", "1.1.",
    "Jan. 1, 9999", "\ufeff", "\r", "\r\n",
]

lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40))
files = st.lists(lines, max_size=40).map("\n".join)
dates = st.one_of(st.dates(), st.datetimes(), st.datetimes(timezones=st.timezones()),
                  st.sampled_from([dt.date.min, dt.date.max, dt.datetime.max]))
categories = st.one_of(st.none(), st.sampled_from(["report", "Einladung", "News", ""]), st.text(max_size=12))
times = st.one_of(st.none(), st.times())


# Every message the reader builds is in the catalogs (marked with N_ and extracted).
CATALOGUED = {message.id for message in catalogs.read_catalog(
    catalogs.catalog_path(catalogs.BUILTIN, "de")) if message.id and message.string}


def _well_formed(text: Text) -> None:
    """Its id is translated and its values fill exactly the id's placeholders."""
    assert text.id in CATALOGUED, text.id
    assert text.placeholders() == {name for name, _ in text.values}, text
    for _, value in text.values:
        if isinstance(value, Text):
            _well_formed(value)


def _check(source: str, date, category, default_time) -> None:
    facts = read_facts(source, date=date, category=category, default_time=default_time)
    assert isinstance(facts, ArticleFacts)
    line_count = len(split_lines(source))
    assert all(1 <= problem.line <= line_count for problem in facts.problems), facts.problems
    for problem in facts.problems:
        _well_formed(problem.text)
    day = date.date() if isinstance(date, dt.datetime) else date
    if facts.next is not None:
        assert facts.next.when.date > day
    if facts.participants is not None:
        counted = len(facts.participants.named) + facts.participants.extra
        assert facts.participants.total >= 0 and facts.participants.extra >= 0
        assert facts.participants.total == counted or facts.participants.exact
    assert read_facts(source, date=date, category=category, default_time=default_time) == facts


@settings(max_examples=400, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=files, date=dates, category=categories, default_time=times)
def test_read_facts_never_raises_on_markdown_like_text(source, date, category, default_time):
    _check(source, date, category, default_time)


@settings(max_examples=200, deadline=None, database=None)
@given(source=st.text(max_size=400), date=dates)
def test_read_facts_never_raises_on_any_text(source, date):
    _check(source, date, None, None)
