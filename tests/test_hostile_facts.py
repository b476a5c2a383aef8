"""Hostile "next" and participant sections: read by the plugin, never guessed.

A "next" section the plugin cannot read is a hint (file:line), not a build
failure: the report itself is fine and is published; the next-meetup box
does not use the unreadable date.  Big participant lists build and count.
Depends on the parsing core (pelican.plugins.meetup.reading.facts) and the glue.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import run_invoke
from hostile_helpers import Site, assert_built, new_site, settings_file

pytestmark = pytest.mark.slow

NEW = "2025-11-18-bericht.md"
PAGE = "bericht-vom-treffen-im-november-2025/index.html"


def report(next_lines: str, participants: str = "- Anna, Data Scientist, ACME\n- Bernd\n") -> str:
    return (
        "Title: Bericht vom Treffen im November 2025\nDate: 2025-11-18 18:30\n\n"
        f"## Protokoll\n\n### Teilnehmer\n\n{participants}\n"
        "### Anna: Synthetische Daten\n\n- Inhalt\n\n"
        f"### next\n\n{next_lines}"
    )


def line_of(text: str, fragment: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Path:
    return settings_file(tmp_path_factory.mktemp("conf"))


@pytest.fixture
def site(tmp_path, settings) -> Site:
    return new_site(tmp_path, settings)


def next_box_dates(site: Site) -> list[str]:
    box = BeautifulSoup(site.read("index.html"), "html.parser").find(id="next-meetup")
    assert box is not None
    return [time["datetime"][:10] for time in box.find_all("time")]


def assert_hint(result, name: str, line: int, message: str) -> None:
    hints = [text for text in result.stdout.splitlines() if f"{name}:{line}: " in text]
    assert any(message in hint for hint in hints), f"no hint {name}:{line}: {message}\n{result.stdout}"


@pytest.mark.parametrize("case, lines, fragment, message, dates", [
    ("contradicting dates", "- Termin: 13.01.2026\n- Termin: 27.01.2026\n", "13.01.2026",
     "widersprüchliche Termine", ("2026-01-13", "2026-01-27")),
    ("date before the report", "- Termin: 11.11.2025\n", "11.11.2025",
     "liegt nicht nach dem Berichtsdatum", ("2025-11-11",)),
    ("date that does not exist", "- Termin: 31.9.2021\n", "31.9.2021",
     'ungültiges Datum "31.9.2021"', ()),
])
def test_unreadable_next_section(site, case, lines, fragment, message, dates):
    text = report(lines)
    site.add(NEW, text)
    result = site.build()
    assert_built(result, site)
    assert_hint(result, NEW, line_of(text, fragment), message)
    assert (site.output / PAGE).is_file()
    shown = next_box_dates(site)
    for date in dates:
        assert date not in shown, f"next-meetup box uses the unreadable date {date}: {shown}"


def test_check_shows_the_same_hint_and_passes(site):
    text = report("- Termin: 13.01.2026\n- Termin: 27.01.2026\n")
    site.add(NEW, text)
    result = run_invoke("check", "--content", str(site.content))
    assert result.returncode == 0, result.stdout + result.stderr
    line = line_of(text, "13.01.2026")
    assert any(out.startswith(f"{site.content}/{NEW}:{line}: Hinweis: ")
               and "widersprüchliche Termine" in out for out in result.stdout.splitlines())
    assert result.stdout.splitlines()[-1].startswith("Inhalt in Ordnung:")


def test_readable_next_section_is_the_next_meetup(site):
    """Guard: the same report with one good date does feed the box."""
    site.add(NEW, report("- Termin: 13.01.2026\n"))
    result = site.build()
    assert_built(result, site)
    assert "2026-01-13" in next_box_dates(site)


def test_five_hundred_participants(site):
    names = "".join(f"- Person {n:03d}, Rolle {n}, Firma {n % 7}\n" for n in range(500))
    site.add(NEW, report("- Termin: 13.01.2026\n", participants=names))
    assert_built(site.build(), site)
    widget = BeautifulSoup(site.read(PAGE), "html.parser").find(class_="participants")
    assert len(widget.find_all("li")) == 500
    assert "500" in widget.get_text(" ")
    data = json.loads(site.read("meetups.json"))
    counts = [a["participants"]["total"] for a in data["articles"]
              if a.get("source") == NEW and a.get("participants")]
    assert counts == [500]


def test_plus_999_more(site):
    site.add(NEW, report("- Termin: 13.01.2026\n",
                         participants="- Anna, Data Scientist, ACME\n- Bernd\n- \\+ 999 weitere\n"))
    assert_built(site.build(), site)
    widget = BeautifulSoup(site.read(PAGE), "html.parser").find(class_="participants")
    shown = widget.get_text(" ").replace("\xa0", " ")
    assert "999" in shown and "1001" in shown.replace(".", ""), shown
    data = json.loads(site.read("meetups.json"))
    totals = [a["participants"]["total"] for a in data["articles"] if a.get("source") == NEW]
    assert totals == [1001]
