"""`invoke new`: the next meeting's file, prefilled from the last report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpers import run_invoke
from meetup.facts import read_facts

LAST_REPORT = """\
Title: Bericht vom Treffen im November 2025
Date: 2025-11-18 18:30

### Teilnehmer

- Anna, Data Scientist, Firma A
- Bernd, Student, Uni

### next

- Datum: 20.1.2026
- Vorträge:
    - Anna: Graph Neural Networks
    - wir suchen Vorträge
"""

OLDER_REPORT = """\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30

### Teilnehmer

- Carla, Entwicklerin, Firma C

### next

- date: 2025-11-18
"""


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "2025-11-18-bericht.md").write_text(LAST_REPORT, encoding="utf-8")
    (folder / "2025-10-21-bericht.md").write_text(OLDER_REPORT, encoding="utf-8")
    return folder


def test_new_report_takes_date_and_talks_from_the_last_report(content):
    result = run_invoke("new", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path == content / "2026-01-20-bericht.md"
    text = path.read_text(encoding="utf-8")
    assert "Date: 2026-01-20 18:30\n" in text
    assert "### Anna: Graph Neural Networks\n" in text
    assert "wir suchen" not in text
    facts = read_facts(text, date=dt.datetime(2026, 1, 20, 18, 30))
    assert facts.kind == "report"
    assert [(t.speaker, t.title) for t in facts.talks] == [("Anna", "Graph Neural Networks")]


def test_new_announcement_reads_back_as_the_same_meeting(content):
    result = run_invoke("new", "--announcement", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.strip())
    assert path.name == "2026-01-20-einladung.md"
    text = path.read_text(encoding="utf-8")
    assert "20. Januar 2026 um 18:30 Uhr" in text
    # Date is "now" (SOURCE_DATE_EPOCH of the tests: 2025-11-26 12:00 Berlin).
    assert "Date: 2025-11-26 12:00\n" in text
    facts = read_facts(text, date=dt.datetime(2025, 11, 26, 12, 0))
    assert facts.kind == "announcement"
    assert facts.meeting.date == dt.date(2026, 1, 20)
    assert facts.meeting.time == dt.time(18, 30)


def test_new_refuses_to_overwrite(content):
    assert run_invoke("new", "--content", str(content)).returncode == 0
    again = run_invoke("new", "--content", str(content))
    assert again.returncode == 1
    assert "2026-01-20-bericht.md is the report of an upcoming meeting already" in again.stderr
    assert "Traceback" not in again.stderr


def test_new_without_next_date_falls_back_to_the_recurrence(content):
    report = content / "2025-11-18-bericht.md"
    report.write_text(LAST_REPORT.split("### next")[0], encoding="utf-8")
    result = run_invoke("new", "--content", str(content))
    assert result.returncode == 0, result.stderr
    # Third Tuesday after 2025-11-18, December skipped (pelicanconf.py's MEETUP_RECURRENCE).
    assert Path(result.stdout.strip()).name == "2026-01-20-bericht.md"


def test_new_refuses_when_the_announcement_exists(content):
    assert run_invoke("new", "--announcement", "--content", str(content)).returncode == 0
    again = run_invoke("new", "--announcement", "--content", str(content))
    assert again.returncode == 1
    assert "2026-01-20-einladung.md exists already" in again.stderr


def test_new_with_an_empty_folder_says_what_to_do(tmp_path):
    result = run_invoke("new", "--content", str(tmp_path))
    assert result.returncode == 1
    assert "no report found" in result.stderr
    assert "Traceback" not in result.stderr
