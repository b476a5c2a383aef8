"""Plain `pelican <content> -s pelicanconf.py -o <dir>` works for any flat folder.

Older Pelican sites keep every file flat in one folder without categories;
the project's settings must build such a folder as it is, also without
invoke, and still byte-identically for the same SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, build_env

SEED = ROOT / "tests" / "unit" / "data" / "seed-report-2020-10.md"


def run_pelican(content: Path, output: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output),
         "--fatal", "errors"],
        cwd=ROOT, env=build_env(), capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def flat_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("flat") / "anything"
    folder.mkdir()
    shutil.copy(SEED, folder / "report-2020-10.md")
    (folder / "einladung-2020-11.md").write_text(
        "Title: Einladung zum Treffen im November 2020\nDate: 2020-11-03 12:00\n\n"
        "### Wann:\n\n17. November 2020 um 19:00\n\n### Wo:\n\nOnline (Jitsi)\n",
        encoding="utf-8",
    )
    (folder / "rueckblick.md").write_text(
        'Title: Rückblick auf den "März" 2020\nDate: 2020-03-31 12:00\n\n'
        'Wir sagten "bis bald" und meinten es.\n',
        encoding="utf-8",
    )
    return folder


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pelican_cli_builds_a_flat_folder_reproducibly(flat_folder, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for output in (first, second):
        result = run_pelican(flat_folder, output)
        assert result.returncode == 0, result.stdout + result.stderr
    report = first / "bericht-virtuelles-mlugs-treffen-im-oktober-2020" / "index.html"
    html = report.read_text(encoding="utf-8")
    assert "9 Teilnehmende" in html
    assert (first / "meetups.json").is_file()
    assert (first / "sitemap.xml").is_file()
    assert tree(first) == tree(second)


def test_site_settings_give_german_typography_and_highlighted_code(flat_folder, tmp_path):
    output = tmp_path / "site"
    assert run_pelican(flat_folder, output).returncode == 0
    seed = (output / "bericht-virtuelles-mlugs-treffen-im-oktober-2020" / "index.html"
            ).read_text(encoding="utf-8")
    # The seed's fenced block starts with ":::bash": highlighted, line gone.
    assert ":::bash" not in seed
    assert '<code>gcloud<span class="w"> </span>builds<span class="w"> </span>submit' in seed
    # Umlauts are spelled out in URLs; German quotes in text and titles,
    # and no markup from typogrify in the <title>.
    page = (output / "rueckblick-auf-den-maerz-2020" / "index.html").read_text(encoding="utf-8")
    assert "„bis bald“" in page or "&bdquo;bis bald&ldquo;" in page
    title = page.split("<title>", 1)[1].split("</title>", 1)[0]
    assert "<" not in title
    assert "März" in title
