"""`invoke new`: the next meeting's file, prefilled from the last report."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpers import CONTENT, run_invoke
from pelican.plugins.meetup.reading.facts import read_facts

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
    assert ("FEHLER: 2026-01-20-bericht.md ist schon der Bericht eines kommenden Treffens; "
            "bitte ihn bearbeiten") in again.stderr
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
    assert "2026-01-20-einladung.md gibt es schon; bitte diese Datei bearbeiten" in again.stderr


def test_new_with_an_empty_folder_says_what_to_do(tmp_path):
    result = run_invoke("new", "--content", str(tmp_path))
    assert result.returncode == 1
    assert f"FEHLER: kein Bericht in {tmp_path} gefunden" in result.stderr
    assert "Traceback" not in result.stderr


# --- The new report speaks the archive's language; its placeholders never go out ----


def new_report(content: Path) -> Path:
    result = run_invoke("new", "--content", str(content))
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip())


def test_new_report_uses_the_headings_and_labels_of_the_last_report(content):
    text = new_report(content).read_text(encoding="utf-8")
    body = text.split("\n\n", 1)[1]
    assert body == (
        "## Protokoll\n\n"
        "### Teilnehmer\n\n- Name, Rolle, Firma\n\n"
        "### Anna: Graph Neural Networks\n\n- \n\n"
        "### next\n\n- Datum: \n- Vorträge:\n    - (meldet euch, wenn ihr Vorträge habt!)\n"
    )


def test_new_report_writes_labels_as_paragraphs_when_the_last_report_does(content):
    (content / "2025-11-18-bericht.md").write_text(
        "Title: Bericht vom Treffen im November 2025\nDate: 2025-11-18 18:30\n\n"
        "## Anwesende (12)\n\n- Anna, Data Scientist, Firma A\n\n"
        "## Nächstes Treffen am 20.1.2026\n\nTermin: 20. Januar 2026\n\nThemen:\n\n- Anna: GNNs\n",
        encoding="utf-8")
    text = new_report(content).read_text(encoding="utf-8")
    assert text.split("\n\n", 1)[1] == (
        "## Anwesende\n\n- Name, Rolle, Firma\n\n"
        "## Anna: GNNs\n\n- \n\n"
        "## Nächstes Treffen\n\nTermin: \n\nThemen:\n\n- (meldet euch, wenn ihr Vorträge habt!)\n"
    )


def test_new_report_is_german_when_the_last_report_names_nothing(content):
    (content / "2025-11-18-bericht.md").write_text(
        "Title: Bericht vom Treffen im November 2025\nDate: 2025-11-18 18:30\nNext: 2026-01-20\n\n"
        "### Anna: Graph Neural Networks\n\n- Knoten und Kanten\n", encoding="utf-8")
    text = new_report(content).read_text(encoding="utf-8")
    assert "### Teilnehmer\n\n- Name, Rolle, Firma\n" in text
    assert text.endswith("### Nächstes Treffen\n\n- Datum: \n- Vorträge:\n"
                         "    - (meldet euch, wenn ihr Vorträge habt!)\n")
    assert "next" not in text and "date" not in text


def test_new_report_of_the_demo_archive_is_german(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    path = new_report(content)
    assert path.name == "2026-01-20-bericht.md"
    text = path.read_text(encoding="utf-8")
    # content/2025-11-18-bericht.md writes "### Teilnehmer", "### nächster Termin",
    # "Termin: …" and "Vorträge:" as paragraphs.
    assert "### Teilnehmer\n\n- Name, Rolle, Firma\n" in text
    assert "### Yvonne: Embeddings für die Produktsuche\n" in text
    assert text.endswith("### nächster Termin\n\nTermin: \n\nVorträge:\n\n"
                         "- (meldet euch, wenn ihr Vorträge habt!)\n")


def test_unedited_report_fails_check_and_build(content, tmp_path):
    path = new_report(content)
    lines = path.read_text(encoding="utf-8").splitlines()
    placeholder = lines.index("- Name, Rolle, Firma") + 1
    date_label = lines.index("- Datum: ") + 1
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 1, check.stdout
    assert f"{path}:{placeholder}: Platzhalter „Name, Rolle, Firma“ aus `invoke new`: durch die " \
        "echten Teilnehmer ersetzen (eine Zeile je Person)" in check.stdout.splitlines()
    assert f"{path}:{date_label}: „Datum:“ ohne Datum: den nächsten Termin eintragen " \
        "(z. B. „Datum: 20.01.2026“) oder die Zeile löschen" in check.stdout.splitlines()
    assert "2 Fehler" in check.stderr
    output = tmp_path / "output"
    build = run_invoke("build", "--content", str(content), "--output", str(output))
    assert build.returncode == 1, build.stdout
    assert f"FEHLER: {path}:{placeholder}: Platzhalter „Name, Rolle, Firma“" in build.stderr
    assert "Traceback" not in build.stderr + check.stderr
    assert not output.exists()  # nothing published, "Name" never counted


def test_filled_in_report_passes_the_check(content):
    path = new_report(content)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("- Name, Rolle, Firma", "- Carla, Entwicklerin, Firma C")
                    .replace("- Datum: ", "- Datum: 17.02.2026"), encoding="utf-8")
    check = run_invoke("check", "--content", str(content))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "keine Fehler" in check.stdout
