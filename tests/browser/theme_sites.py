"""Tiny content folders for the theme's widget tests (static and in the browser).

One report whose participant list holds markup, and whose "next" date lies
before the pinned "now": the next meeting then comes from the recurrence rule
(tentative), or from nowhere when the rule is switched off.
"""

from __future__ import annotations

from pathlib import Path

from helpers import build_site, write_settings

# A participant written as "<script>alert(1)</script>": the widget shows what
# was written, as text.  Autoescaping must keep it text.
HOSTILE_NAME = "<script>alert(1)</script>"
HOSTILE_NAME_SOURCE = HOSTILE_NAME
# Raw tags elsewhere in a list line must not become elements either.
HOSTILE_ROLE = "Entwicklerin <b>fett</b>"
HOSTILE_ORG = "<img src=x onerror=alert(2)>"

REPORT = f"""\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30
Summary: Ein kurzer Bericht.

## Protokoll

### Teilnehmer

- {HOSTILE_NAME_SOURCE}, Data Scientist, Evil & Co
- Berta, {HOSTILE_ROLE}, {HOSTILE_ORG}
- Carla Beispiel, Studentin, Uni Stuttgart
- \\+ 2 weitere

### Berta: Ein Vortrag über Graphen

- Knoten und Kanten

### nächster Termin

Termin: 18. November 2025
"""

# No place given, but the title says it was online.
VIRTUAL_REPORT = """\
Title: Bericht (virtuelles) Treffen im September 2025
Date: 2025-09-16 19:00

### Teilnehmer

- Dora, Data Engineer, Remote GmbH
"""


def build_tiny_site(root: Path, **settings) -> Path:
    """Build the tiny content with the project's settings plus ``settings``."""
    content = root / "content"
    content.mkdir(parents=True)
    (content / "2025-10-21-bericht.md").write_text(REPORT, encoding="utf-8")
    (content / "2025-09-16-bericht.md").write_text(VIRTUAL_REPORT, encoding="utf-8")
    settings_path = write_settings(root / "settings.py", CACHE_CONTENT=False,
                                   LOAD_CONTENT_CACHE=False, **settings)
    output = root / "output"
    result = build_site(content, output, settings=settings_path)
    assert result.returncode == 0, f"tiny site build failed:\n{result.stdout}\n{result.stderr}"
    return output
