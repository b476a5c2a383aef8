"""Another language is a catalog and one setting: a partial Dutch catalog
(tests/fixtures/translations/nl/, eight texts) and ``DEFAULT_LANG = "nl"``.

What it translates shows in Dutch, everything else in English (never an empty
text, never German); dates, times and numbers are Babel's Dutch ones whatever the
catalog holds; the fixed pages it names get Dutch addresses.  A language without
any catalog builds too, in English texts with its own dates, and the build says so.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from english_site import CONTENT, GROUP_SETTINGS, build_english_site
from helpers import run_invoke, write_settings
from pelican.plugins.meetup.i18n import language as languages
from pelican.plugins.meetup.rendering.template_filters import Formats

pytestmark = pytest.mark.slow

CATALOGS = Path(__file__).resolve().parent / "fixtures" / "translations"


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").replace("\u202f", " ").replace("\xa0", " ").split())


@pytest.fixture(scope="module")
def dutch_site(tmp_path_factory) -> Path:
    return build_english_site(tmp_path_factory.mktemp("dutch"), DEFAULT_LANG="nl",
                              MEETUP_TRANSLATION_PATHS=[str(CATALOGS)])


def test_translated_texts_in_dutch_the_rest_in_english(dutch_site):
    home = soup(dutch_site, "index.html")
    nav = [text(a) for a in home.select("header nav a")]
    # Home, Archive, Search are in the catalog; Talks (empty msgstr), Statistics and
    # Venues are not.
    assert nav == ["Start", "Archief", "Talks", "Statistics", "Venues", "Zoeken"]
    box = home.select_one("#next-meetup")
    assert text(box.find("h2")) == "Volgende bijeenkomst"
    assert "Sign up" in text(box) and "Add to calendar:" in text(box)  # English fallback
    report = soup(dutch_site, "report-from-the-february-meetup/index.html")
    assert text(report.select_one(".participants .count")) == "7 deelnemers"
    assert [text(li) for li in report.select(".participants li.more")] == ["+ 3 more"]
    assert text(report.find("footer")).endswith(
        "made with Pelican, without tracking and without outside services.")


def test_dates_times_and_numbers_in_dutch(dutch_site):
    home = soup(dutch_site, "index.html")
    assert text(home.select_one("#next-meetup .when")) == "woensdag 10 december 2025, 18:30 uur"
    statistics = soup(dutch_site, "statistics/index.html")
    assert "6,5 participants on average" in text(statistics.find("main"))
    archive = soup(dutch_site, "archief/index.html")
    assert "3 meetings since februari 2025" in text(archive.find("main"))


def test_dutch_codes_and_addresses(dutch_site):
    home = soup(dutch_site, "index.html")
    assert home.html["lang"] == "nl"
    assert home.find("meta", property="og:locale")["content"] == "nl_NL"
    # Archive and search have Dutch slugs; talks and statistics keep the English ones.
    for folder in ("archief", "zoeken", "talks", "statistics"):
        assert (dutch_site / folder / "index.html").is_file(), folder
    assert not (dutch_site / "archive").exists()
    entry = json.loads((dutch_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["nl"]


def test_a_language_without_catalog_builds_in_english_and_says_so(tmp_path):
    settings = write_settings(tmp_path / "settings.py", **{**GROUP_SETTINGS, "DEFAULT_LANG": "fr"},
                              CACHE_CONTENT=False, LOAD_CONTENT_CACHE=False)
    result = run_invoke("build", "--content", str(CONTENT), "--settings", str(settings),
                        "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert ("DEFAULT_LANG 'fr': no catalog for this language (there are: de, en); the site "
            "shows English texts") in result.stdout
    home = soup(tmp_path / "out", "index.html")
    assert home.html["lang"] == "fr"
    assert text(home.select_one("#next-meetup h2")) == "Next meeting"
    assert text(home.select_one("#next-meetup .when")) == "mercredi 10 décembre 2025, 18:30"


def test_regional_english_uses_the_english_catalog_with_british_dates():
    british = languages.of({"DEFAULT_LANG": "en-GB"})
    assert (british.code, british.html, british.og_locale) == ("en_GB", "en-GB", "en_GB")
    formats = Formats(british)
    assert formats.datetime(dt.date(2025, 12, 10), dt.time(18, 30)) == \
        "Wednesday, 10 December 2025, 18:30"
    assert british.gettext("Next meeting") == "Next meeting"
    assert languages.of({"DEFAULT_LANG": "de"}).og_locale == "de_DE"


def test_catalog_lookup_prefers_the_sites_own_folder():
    dutch = languages.of({"DEFAULT_LANG": "nl", "MEETUP_TRANSLATION_PATHS": [str(CATALOGS)]})
    assert dutch.gettext("Archive") == "Archief"
    assert dutch.gettext("Talks") == "Talks"  # empty in the catalog: English
    assert dutch.ngettext("%(num)s participant", "%(num)s participants", 1) == "%(num)s deelnemer"
    assert dutch.pgettext("address", "archive") == "archief"
    assert dutch.pgettext("address", "talks") == "talks"


def test_a_language_babel_does_not_know_stops_with_a_clear_message(tmp_path):
    settings = write_settings(tmp_path / "settings.py", **{**GROUP_SETTINGS,
                                                           "DEFAULT_LANG": "klingonisch"})
    result = run_invoke("build", "--content", str(CONTENT), "--settings", str(settings),
                        "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert (f"ERROR: {settings}: DEFAULT_LANG 'klingonisch' is no language Babel knows; use a "
            'code like "de", "en", "en_GB" or "fr"') in result.stderr
    assert not (tmp_path / "out").exists()
