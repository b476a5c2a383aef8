"""The plugin's parsed facts are cached between builds like Pelican's content."""

from __future__ import annotations

import os
import re

from helpers import build_site, write_settings

REPORT = """\
Title: Bericht vom Treffen im Oktober 2025
Date: 2025-10-21 18:30

### Teilnehmer

- Anna, Data Scientist, Firma A

### next

- Datum: bald
"""


def count(output) -> str:
    html = (output / "bericht-vom-treffen-im-oktober-2025" / "index.html").read_text("utf-8")
    # The participants widget's heading says how many came.
    return re.search(r'<h\d[^>]* class="count">([^<]*)</h\d>', html).group(1)


def test_cached_facts_follow_edits_and_keep_printing_hints(tmp_path):
    content, output, cache = tmp_path / "content", tmp_path / "output", tmp_path / "cache"
    content.mkdir()
    report = content / "2025-10-21-bericht.md"
    report.write_text(REPORT, encoding="utf-8")
    settings = write_settings(tmp_path / "conf.py", CACHE_PATH=str(cache))

    first = build_site(content, output, settings=settings)
    assert first.returncode == 0, first.stderr
    assert [p.name for p in cache.iterdir() if p.name.startswith("meetup-facts-")]
    hint = 'Hinweis: 2025-10-21-bericht.md:8: Abschnitt "next": kein Datum gefunden'
    assert hint in first.stdout
    assert count(output) == "1 Person"

    # Read from the cache: same page, and the hint is still shown.
    second = build_site(content, output, settings=settings)
    assert second.returncode == 0, second.stderr
    assert hint in second.stdout
    assert count(output) == "1 Person"

    # An edit is seen (the file's stamp changed), not served from the cache.
    report.write_text(REPORT.replace("Firma A\n", "Firma A\n- Bernd, Student, Uni\n"),
                      encoding="utf-8")
    stat = report.stat()
    os.utime(report, (stat.st_atime, stat.st_mtime + 5))
    third = build_site(content, output, settings=settings)
    assert third.returncode == 0, third.stderr
    assert count(output) == "2 Teilnehmende"
