"""Newcomers on the statistics page: counted by hand on a small archive, and absent
under MEETUP_PARTICIPANT_NAMES = "count"."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from helpers import build_site, write_settings

REPORTS = {
    # Anna, Bernd, Clara: 3 new (the archive's first named meeting)
    "2024-01-16-bericht.md": ("2024-01-16", ["Anna", "Bernd", "Clara"], ""),
    # Dora new; Anna returning; the two unnamed are not counted
    "2024-06-18-bericht.md": ("2024-06-18", ["Anna, Data Scientist", "Dora"], "- \\+ 2 weitere\n"),
    # Emil and Fritz new; Bernd and Dora returning
    "2025-02-18-bericht.md": ("2025-02-18", ["Bernd", "Dora", "Emil", "Fritz"], ""),
}


def _archive(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    content.mkdir()
    for name, (day, people, extra) in REPORTS.items():
        items = "".join(f"- {person}\n" for person in people) + extra
        (content / name).write_text(f"Title: Bericht vom {day}\nDate: {day} 18:30\n\n### Teilnehmer\n\n"
                                    f"{items}\n### Anna: Ein Vortrag\n\n- Notizen\n", encoding="utf-8")
    # Only a number: no names, no newcomers for this meeting.
    (content / "2025-03-18-bericht.md").write_text(
        "Title: Bericht vom 2025-03-18\nDate: 2025-03-18 18:30\n\n### Teilnehmer\n\n- \\+ 12 weitere\n",
        encoding="utf-8")
    return content


def _statistics(tmp_path: Path, **settings) -> BeautifulSoup:
    content = _archive(tmp_path)
    conf = write_settings(tmp_path / "conf.py", PATH=str(content), **settings)
    output = tmp_path / "out"
    result = build_site(content, output, settings=conf)
    assert result.returncode == 0, result.stdout + result.stderr
    return BeautifulSoup((output / "statistik" / "index.html").read_text(encoding="utf-8"), "html.parser")


def _rows(table) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in table.select("tbody tr")]


def test_newcomers_per_year_and_per_meeting_match_a_hand_count(tmp_path):
    page = _statistics(tmp_path)
    heading = page.find("h2", string="Neu dabei")
    assert heading is not None
    per_year = heading.find_next("table")
    assert _rows(per_year) == [["2024", "4", "1"], ["2025", "2", "2"]]
    per_meeting = page.select_one("table.newcomers")
    assert _rows(per_meeting) == [["18. Februar 2025", "2", "2"], ["18. Juni 2024", "1", "1"],
                                  ["16. Januar 2024", "3", "0"]]
    # Counts only: no participant's name on the statistics page.
    text = page.find("main").get_text(" ")
    assert not any(name in text for name in ("Bernd", "Clara", "Dora", "Emil", "Fritz"))


def test_no_newcomers_under_count(tmp_path):
    page = _statistics(tmp_path, MEETUP_PARTICIPANT_NAMES="count")
    assert page.find("h2", string="Neu dabei") is None
    assert page.select_one("table.newcomers") is None
