"""The English fixture archive (tests/fixtures/english/) built as an English site.

Its ``settings.py`` holds what an English-speaking group changes in the project's
settings (``DEFAULT_LANG = "en"``, name, place, time zone); the build imports the
project's ``pelicanconf`` (or ``publishconf``) and then those values, as a group
would edit its own copy.
"""

from __future__ import annotations

import runpy
from pathlib import Path

from helpers import PINNED_EPOCH, ROOT, build_site, write_settings

HERE = Path(__file__).resolve().parent / "fixtures" / "english"
CONTENT = HERE / "content"
GROUP_SETTINGS = {key: value for key, value in runpy.run_path(str(HERE / "settings.py")).items()
                  if key.isupper()}
# German words of the interface (as the German site shows them); none may appear
# on the English site.  Matched as whole words, case-sensitively.
GERMAN_WORDS = (
    "Startseite", "Archiv", "Vorträge", "Vortrag", "Vortragenden", "Teilnehmende",
    "Teilnehmer", "Treffen", "Uhr", "Nächstes", "Nächster", "Letztes", "Einladung",
    "Bericht", "Berichte", "Suche", "Suchen", "Suchbegriff", "Statistik", "kein Bericht",
    "keine Angabe", "voraussichtlich", "geplant", "geplante", "angekündigt", "weitere",
    "Weitere", "mindestens", "mind.", "Termin", "Kalender", "Anmeldung", "Jahr", "Jahre",
    "Schnitt", "gesamt", "Seite", "nicht gefunden", "Zum", "Zur", "Ort", "Veröffentlicht",
    "erstellt", "ohne", "Dienste", "Inhalt", "springen", "Hauptnavigation", "Beiträge",
    "Programm", "seit", "dazu", "neueste", "neuesten", "zuerst", "Person", "Verlauf",
    "Liniendiagramm", "Teilnehmerzahl", "Höchstwert", "Mehr", "Neuester", "Beginn",
    "Januar", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember",
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
    "und", "oder", "der", "die", "das", "von", "mit", "für", "im", "am",
)


def build_english_site(root: Path, *, production: bool = False, epoch: int = PINNED_EPOCH,
                       content: Path = CONTENT, **overrides) -> Path:
    """Build the English archive into ``root/output`` (``root/settings.py`` beside it)."""
    root.mkdir(parents=True, exist_ok=True)
    settings = write_settings(root / "settings.py", "publishconf" if production else "pelicanconf",
                              **{**GROUP_SETTINGS, "CACHE_CONTENT": False,
                                 "LOAD_CONTENT_CACHE": False, **overrides})
    output = root / "output"
    result = build_site(content, output, settings=settings, epoch=epoch)
    assert result.returncode == 0, f"English site build failed:\n{result.stdout}\n{result.stderr}"
    return output


__all__ = ["CONTENT", "GERMAN_WORDS", "ROOT", "build_english_site"]
