"""MEETUP_HIDDEN_SPEAKERS end to end: a speaker who asked not to be named appears in no
file the build publishes (pages, meetups.json, the calendars, the feed, JSON-LD, the
sitemap, the search index), under any spelling MEETUP_SPEAKER_ALIASES gives; their
talks stay listed without a name."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import build_site, write_settings

pytestmark = pytest.mark.slow

REPORT = """Title: Bericht vom Oktober
Date: 2025-10-14 18:30
Summary: Datenschutz mit Wiebke Pfrimmbold und Embeddings.

### Teilnehmer

- Wiebke Pfrimmbold, Juristin
- Anna Beispiel
- Bernd

### Wiebke Pfrimmbold: Datenschutz in der Praxis

- [Folien](https://speakerdeck.com/example/datenschutz-praxis)
- Wiebkes Rat: früh dokumentieren.

### Anna: Embeddings für die Suche

- Vektoren, Suche und ein Vergleich von drei Datenbanken

### next

- Termin: 16.12.2025
- Themen:
    - W. Pfrimmbold: Datenschutz, Teil 2
    - Bernd: MLOps mit DVC
- Wiebke Pfrimmbold bringt Kuchen mit.
"""

PAGE = """Title: Über uns
Slug: ueber-uns

Im Orga-Team: Anna und Wiebke Pfrimmbold.
"""

ANNOUNCEMENT = """Title: Einladung zum Treffen im Dezember
Date: 2025-11-20 12:00

### Wann:

16. Dezember 2025 um 18:30

### Vorträge

- W. Pfrimmbold: Datenschutz, Teil 2 ([Folien](https://speakerdeck.com/example/teil-2))
- Bernd: MLOps mit DVC
"""

# Parts of the name as the search index keeps them (lower case, stemmed).
TRACES = ("pfrimm", "wiebke")


def _texts(site: Path):
    """(path, text) of every published file; the search index's files unpacked."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if path.suffix.startswith(".pf_"):
            data = gzip.decompress(data)
        yield path.relative_to(site).as_posix(), data.decode("utf-8", "replace")


@pytest.fixture(scope="module")
def hidden_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hidden")
    content = root / "content"
    content.mkdir()
    (content / "2025-10-14-bericht.md").write_text(REPORT, encoding="utf-8")
    (content / "2025-12-16-einladung.md").write_text(ANNOUNCEMENT, encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "ueber-uns.md").write_text(PAGE, encoding="utf-8")
    settings = write_settings(root / "settings.py", "publishconf", PATH=str(content),
                              CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False,
                              # The first name alone is a spelling of hers too ("Wiebkes Rat").
                              MEETUP_SPEAKER_ALIASES={"W. Pfrimmbold": "Wiebke Pfrimmbold",
                                                      "Wiebke": "Wiebke Pfrimmbold"},
                              MEETUP_HIDDEN_SPEAKERS=["Wiebke Pfrimmbold"])
    output = root / "output"
    result = build_site(content, output, production=True, settings=settings)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_a_hidden_speaker_is_in_no_published_file(hidden_site):
    texts = dict(_texts(hidden_site))
    # What the scan covers: pages, JSON, calendars, feed, sitemap, the search index.
    for needed in ("meetups.json", "meetups.ics", "feeds/all.atom.xml", "sitemap.xml",
                   "vortraege/index.html", "termine/2025-12-16.ics", "ueber-uns/index.html"):
        assert needed in texts, sorted(texts)
    assert any(name.endswith(".pf_fragment") for name in texts)
    assert any(name.startswith("pagefind/index/") for name in texts)
    named = [name for name, text in texts.items()
             if any(trace in text.casefold() for trace in TRACES)]
    assert named == []
    assert not (hidden_site / "sprecher" / "wiebke-pfrimmbold").exists()


def test_their_talks_stay_listed_without_a_name(hidden_site):
    talks = BeautifulSoup((hidden_site / "vortraege" / "index.html").read_text(encoding="utf-8"),
                          "html.parser")
    items = {item.strong.get_text(): item for item in talks.select("ul.talks > li")}
    assert set(items) == {"Datenschutz in der Praxis", "Embeddings für die Suche",
                          "Datenschutz, Teil 2", "MLOps mit DVC"}
    held = items["Datenschutz in der Praxis"]
    assert held.select_one("a.speaker") is None
    assert held.find("a", string="Folien")["href"] \
        == "https://speakerdeck.com/example/datenschutz-praxis"
    planned = items["Datenschutz, Teil 2"]
    assert planned.select_one("a.speaker") is None and "geplant" in planned.get_text()
    assert items["Embeddings für die Suche"].select_one("a.speaker").get_text() == "Anna"
    report = BeautifulSoup((hidden_site / "bericht-vom-oktober" / "index.html")
                           .read_text(encoding="utf-8"), "html.parser").main.get_text(" ").replace("\xa0", " ")
    assert "(Name nicht genannt): Datenschutz in der Praxis" in report
    assert "(Name nicht genannt) Rat" in report
    data = json.loads((hidden_site / "meetups.json").read_text(encoding="utf-8"))
    report_record = next(a for a in data["articles"] if a["kind"] == "report")
    assert report_record["participants"]["total"] == 3  # still counted, without the name
    assert [p["name"] for p in report_record["participants"]["named"]] == ["Anna Beispiel", "Bernd"]
    assert [t["speaker"] for t in report_record["talks"]] == ["", "Anna"]
    assert data["next"]["talks"] == ["Datenschutz, Teil 2", "Bernd: MLOps mit DVC"]
