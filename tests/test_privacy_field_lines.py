"""Privacy holds for people named in field lines ("Anwesende: …"), not only in a
participants section: with MEETUP_PARTICIPANT_NAMES "first" or "count" no family
name, and in "count" no name at all, reaches any file the build writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build_site
from hostile_helpers import settings_file, write

MINUTES = """\
# Protokoll der Vorstandssitzung vom 12.03.2025

Anwesende Vorstände: Waltraud Kesselring, Ottokar Pfeffermann
Protokoll: Waltraud Kesselring

Gäste: Hildegund Zwiebelmeyer (ab 20:10 Uhr)

Start: 19:30 Uhr

## Tagesordnung

- Haushalt

Der Vorstand beschließt den Haushalt.

Nächster Termin: 09.04.2025, 19:30 Uhr
"""
FAMILY_NAMES = ("Kesselring", "Pfeffermann", "Zwiebelmeyer")
FIRST_NAMES = ("Waltraud", "Ottokar", "Hildegund")
SOURCE = "2025-03-12-protokoll-vorstandssitzung.md"


def _build(tmp_path_factory, mode: str) -> Path:
    root = tmp_path_factory.mktemp(f"field-lines-{mode}")
    write(root / "content", SOURCE, MINUTES)
    settings = settings_file(root / "conf", base="publishconf", SITEURL="https://example.net/g",
                             FEED_DOMAIN="https://example.net/g", MEETUP_PARTICIPANT_NAMES=mode)
    output = root / "output"
    result = build_site(root / "content", output, settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="module", params=["full", "first", "count"])
def built(request, tmp_path_factory):
    return request.param, _build(tmp_path_factory, request.param)


def _all_text(output: Path) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace")
                     for path in output.rglob("*") if path.is_file()
                     and path.suffix in (".html", ".json", ".ics", ".xml", ".txt"))


def _page_text(output: Path) -> str:
    data = json.loads((output / "meetups.json").read_text(encoding="utf-8"))
    [article] = [a for a in data["articles"] if a["source"] == SOURCE]
    page = output / article["url"].removeprefix("https://example.net/g/") / "index.html"
    text = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text(" ")
    return " ".join(text.replace("\xa0", " ").split())


def test_names_in_field_lines_follow_the_privacy_setting(built):
    mode, output = built
    everything = _all_text(output)
    page = _page_text(output)
    assert "3 Teilnehmende" in page
    if mode == "full":
        assert all(name in page for name in FAMILY_NAMES + FIRST_NAMES)
        return
    for name in FAMILY_NAMES:
        assert name not in everything, f"{name} shows with MEETUP_PARTICIPANT_NAMES={mode!r}"
    for name in FIRST_NAMES:
        assert (name in page) == (mode == "first"), (mode, name)
    assert "Der Vorstand beschließt den Haushalt." in page  # the rest of the minutes stays
    assert "Start: 19:30 Uhr" in page
