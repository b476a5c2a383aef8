"""Tiny sites in temp folders for the hostile-input and fault tests.

A ``Site`` is a content folder, an output folder and a settings file (the
project's settings, Pelican's cache off so nothing is written beside the
output).  ``baseline`` builds good content once; a test copies that output
into its own site first, so "the previous output is intact" is a byte-for-byte
comparison with a real earlier build.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import build_site, write_settings

GOOD_REPORT = """\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30
Summary: Graphen, Fahrpläne und Verspätungen.

## Protokoll

### Teilnehmer

- Björn, Student, Uni Stuttgart
- Jörg, Data Scientist, Neckar Analytics GmbH
- \\+ 2 weitere

### Björn: Graph Neural Networks für Fahrpläne

- Haltestellen als Knoten, Verbindungen als Kanten

### next

- Termin: 18.11.2025
- Themen:
    - Jörg: Zeitreihen
"""

ABOUT = "Title: Über uns\nSlug: ueber-uns\n\nWir treffen uns monatlich in Stuttgart.\n"


def settings_file(folder: Path, base: str = "pelicanconf", **overrides) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return write_settings(folder / "settings.py", base=base, CACHE_CONTENT=False,
                          LOAD_CONTENT_CACHE=False, **overrides)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """A content file: text as UTF-8, bytes exactly as given (bad encodings)."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@dataclass
class Site:
    root: Path
    settings: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def output(self) -> Path:
        return self.root / "output"

    def add(self, name: str, text: str | bytes) -> Path:
        return write(self.content, name, text)

    def build(self, **kwargs) -> subprocess.CompletedProcess:
        return build_site(self.content, self.output, settings=self.settings, **kwargs)

    def read(self, relative: str) -> str:
        return (self.output / relative).read_text(encoding="utf-8")

    def leftovers(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if p.name.startswith(".output."))


def new_site(root: Path, settings: Path, previous: Path | None = None) -> Site:
    """A site with the good content; ``previous`` (a built output) copied in as output/."""
    site = Site(root, settings)
    site.add("2025-10-21-bericht.md", GOOD_REPORT)
    site.add("pages/about.md", ABOUT)
    if previous is not None:
        shutil.copytree(previous, site.output)
    return site


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes (empty when the folder is missing)."""
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def assert_refused(result: subprocess.CompletedProcess, site: Site, previous: dict[str, bytes],
                   *messages: str) -> None:
    """The build failed with ``messages``, no traceback, output exactly as before."""
    shown = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 1, shown
    for message in messages:
        assert message in result.stderr, f"{message!r} not shown\n{shown}"
    assert "Traceback" not in result.stderr + result.stdout, shown
    assert "Build fehlgeschlagen" in result.stderr, shown
    assert snapshot(site.output) == previous, "output/ changed by a failed build"
    assert site.leftovers() == [], "staging folder left behind"


def assert_built(result: subprocess.CompletedProcess, site: Site) -> None:
    shown = f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 0, shown
    assert "Traceback" not in result.stderr + result.stdout, shown
    assert (site.output / "index.html").is_file()
    assert site.leftovers() == []


def build_baseline(root: Path, settings: Path) -> tuple[Path, dict[str, bytes]]:
    """Build the good content once; return its output folder and snapshot."""
    site = new_site(root, settings)
    result = site.build()
    assert result.returncode == 0, f"baseline build failed:\n{result.stdout}\n{result.stderr}"
    return site.output, snapshot(site.output)


# Fixtures of the modules that build tiny sites (imported there by name):
# one settings file and one good baseline build per module.


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Path:
    return settings_file(tmp_path_factory.mktemp("conf"))


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, settings):
    return build_baseline(tmp_path_factory.mktemp("baseline"), settings)


@pytest.fixture
def site(tmp_path, settings, baseline) -> Site:
    return new_site(tmp_path, settings, previous=baseline[0])
