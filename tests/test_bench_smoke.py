"""The benchmark runs end to end and its corpus is reproducible.

No timing is asserted here: numbers depend on the machine.  What is checked is
what an organizer gets from ``invoke bench --quick`` (the table and the saved
results) and that the benchmark measures the right thing (same corpus for the
same seed, a floor that converts like the site's reader).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from helpers import ROOT, run_invoke

sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402
import floor  # noqa: E402


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*.md"))}


def test_same_seed_gives_identical_corpus_other_seed_differs(tmp_path):
    first = _tree(corpus.write_corpus(tmp_path / "a", 40, seed=7)[0].parent)
    second = _tree(corpus.write_corpus(tmp_path / "b", 40, seed=7)[0].parent)
    other = _tree(corpus.write_corpus(tmp_path / "c", 40, seed=8)[0].parent)
    assert first == second
    assert first.keys() == other.keys()  # same meeting dates, other text
    assert first != other


def test_corpus_has_a_report_and_an_announcement_per_meeting(tmp_path):
    written = corpus.write_corpus(tmp_path / "c", 120, seed=1)
    names = sorted(path.name for path in written)
    reports = [name for name in names if name.endswith("-bericht.md")]
    announcements = [name for name in names if name.endswith("-einladung.md")]
    assert len(reports) == len(announcements) == 60
    assert [n.replace("bericht", "x") for n in reports] == \
        [n.replace("einladung", "x") for n in announcements]
    text = (tmp_path / "c" / reports[-1]).read_text(encoding="utf-8")
    for part in ("Title: Bericht vom Treffen am", "### Teilnehmer", "### next", "- Termin:"):
        assert part in text
    years = {name[:4] for name in names}
    assert len(years) >= 4, years  # spread over the years, not one season


def test_floor_converts_exactly_like_the_site_reader(tmp_path):
    """A floor without the site's extensions would be a bogus, too-fast baseline."""
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings

    written = corpus.write_corpus(tmp_path / "c", 40, seed=3)
    with_code = next(path for path in written if "```" in path.read_text(encoding="utf-8"))
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    site_html, _ = MarkdownReader(settings).read(str(with_code))
    floor_html = floor.site_markdown().convert(with_code.read_text(encoding="utf-8"))
    assert floor_html == site_html
    assert 'class="highlight"' in floor_html  # codehilite really ran


@pytest.mark.slow
def test_invoke_bench_quick_prints_the_table_and_saves_results(tmp_path):
    results, corpora = tmp_path / "results", tmp_path / "corpus"
    done = run_invoke("bench", "--quick", "--results", str(results), "--corpus", str(corpora))
    assert done.returncode == 0, done.stdout + done.stderr

    header = next(line for line in done.stdout.splitlines() if line.startswith("| files |"))
    for column in ("floor s", "build s", "build/floor", "pagefind s", "rebuild s",
                   "rebuild/build", "peak MiB build (PSS)", "peak MiB build (RSS sum)"):
        assert column in header
    row = next(line for line in done.stdout.splitlines() if line.startswith("| 120 | 1 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert len(cells) == len(header.strip("|").split("|"))
    numbers = [float(cell) for cell in cells]
    assert all(number > 0 for number in numbers), row

    saved = json.loads((results / "quick.json").read_text(encoding="utf-8"))
    assert [entry["files"] for entry in saved["rows"]] == [120]
    assert (results / "quick.md").read_text(encoding="utf-8").strip() in done.stdout
    # The benchmarked corpus is the one the generator gives for that seed,
    # and the edit made for the rebuild was undone.
    fresh = corpus.write_corpus(tmp_path / "fresh", 120, seed=1)[0].parent
    assert _tree(corpora / "120-seed1") == _tree(fresh)
    assert not re.search(r"Traceback", done.stdout + done.stderr)


def test_a_multiplied_archive_has_every_meeting_once_on_its_weekday(tmp_path, monkeypatch):
    """The 1,200-file corpus is the 120-file archive ten times, each copy 400 years
    later: Tuesdays stay Tuesdays, every "next" date is a meeting of its own copy (or
    four weeks after its last one), no date twice, and the build finds nothing to say."""
    import datetime as dt
    import re as regex

    from helpers import build_env

    from pelican.plugins.meetup.organizer.sitebuild import build

    written = corpus.write_corpus(tmp_path / "c", 40, seed=1, copies=4)
    days = sorted(dt.date.fromisoformat(path.name[:10]) for path in written
                  if path.name.endswith("-bericht.md"))
    assert len(days) == len(set(days)) == 20
    assert {day.weekday() for day in days} == {1}
    assert sorted({day.year // 400 for day in days}) == [5, 6, 7, 8]
    for path in written:
        if path.name.endswith("-bericht.md"):
            text = path.read_text(encoding="utf-8")
            day, month, year = map(int, regex.search(r"- Termin: (\d+)\.(\d+)\.(\d+)", text).groups())
            following = dt.date(year, month, day)
            assert following.weekday() == 1
            assert following in days or following - dt.timedelta(weeks=4) == max(
                d for d in days if d.year // 400 == following.year // 400)
    # Copy k is copy 0 with its dates moved: the same lines otherwise.
    first, moved = sorted(written)[0], sorted(written)[10]
    assert moved.name[4:] == first.name[4:]
    assert len(moved.read_text(encoding="utf-8").splitlines()) == \
        len(first.read_text(encoding="utf-8").splitlines())
    for name, value in build_env().items():
        monkeypatch.setenv(name, value)
    hints = build(ROOT / "publishconf.py", tmp_path / "out", content=tmp_path / "c",
                  overrides={"CACHE_PATH": str(tmp_path / "cache")}, search_index=False,
                  log=lambda message: None)
    assert hints == []
    with pytest.raises(ValueError):
        corpus.write_corpus(tmp_path / "d", 40, seed=1, copies=3)  # 40 files in 3 copies
