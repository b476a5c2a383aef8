"""Golden output: the fixture archive's complete site, compared byte for byte.

tests/golden/content/ is built as in production (tests/golden/goldenconf.py,
SITEURL https://example.org/meetup, the pinned time) and must equal the
committed tests/golden/expected/.  A deliberate change of the output is
accepted with ``invoke golden`` and reviewed in the git diff.

Also: two builds of the demo content with the same SOURCE_DATE_EPOCH are
byte-identical, Pagefind's index included.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from golden import recipe
from helpers import CONTENT, build_site

pytestmark = pytest.mark.slow

REGENERATE = "if the change is intended: invoke golden, review git diff tests/golden/, commit"


def first_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str | None:
    """A readable account of the first differing file (unified diff for text)."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing or extra:
        return f"files missing: {missing}\nfiles not expected: {extra}"
    for name in sorted(expected):
        if expected[name] == actual[name]:
            continue
        try:
            old = expected[name].decode("utf-8").splitlines(keepends=True)
            new = actual[name].decode("utf-8").splitlines(keepends=True)
        except UnicodeDecodeError:
            return f"{name}: binary content differs ({len(expected[name])} -> {len(actual[name])} bytes)"
        diff = difflib.unified_diff(old, new, f"expected/{name}", f"built/{name}", n=2)
        return "".join(list(diff)[:80])
    return None


@pytest.fixture(scope="module")
def golden_build(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("golden") / "site"
    recipe.build(output)
    return output


def test_golden_output_is_committed():
    names = set(recipe.files(recipe.EXPECTED))
    for required in ("index.html", "archiv/index.html", "ueber-uns/index.html",
                     "bericht-vom-treffen-im-september-2025/index.html", "meetups.json",
                     "meetups.ics", "feeds/all.atom.xml", "sitemap.xml",
                     "images/prognose.svg", "pagefind/pagefind-entry.json"):
        assert required in names, f"{required} missing in tests/golden/expected; {REGENERATE}"
    assert not any(recipe.is_left_out(name) for name in names)


def test_golden_output_matches_byte_for_byte(golden_build):
    difference = first_difference(recipe.files(recipe.EXPECTED), recipe.files(golden_build))
    assert difference is None, f"built output differs from tests/golden/expected:\n{difference}\n{REGENERATE}"


def test_golden_urls_are_absolute_production_urls(golden_build):
    feed = (golden_build / "feeds/all.atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/meetup/bericht-vom-treffen-im-oktober-2025/" in feed
    sitemap = (golden_build / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://example.org/meetup/ueber-uns/</loc>" in sitemap


def test_first_difference_shows_a_unified_diff():
    shown = first_difference({"a.html": b"<p>eins</p>\n"}, {"a.html": b"<p>zwei</p>\n"})
    assert "--- expected/a.html" in shown and "-<p>eins</p>" in shown and "+<p>zwei</p>" in shown


def test_demo_builds_are_byte_identical(demo_site_production, tmp_path):
    """Same content, same SOURCE_DATE_EPOCH: every file equal, Pagefind index included."""
    again = tmp_path / "output"
    result = build_site(CONTENT, again, production=True)
    assert result.returncode == 0, result.stderr
    first, second = recipe.files(demo_site_production), recipe.files(again)
    assert any(name.startswith("pagefind/") for name in first)
    difference = first_difference(first, second)
    assert difference is None, f"two builds with the same SOURCE_DATE_EPOCH differ:\n{difference}"
