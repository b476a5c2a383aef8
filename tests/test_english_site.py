"""An English-speaking group's site: ``DEFAULT_LANG = "en"`` and English reports
(tests/fixtures/english/) give an English interface with no German word left.

What a visitor reads is scanned page by page and region by region (navigation,
footer, next-meeting box, participants widget, archive, talks, statistics,
search, 404), with the texts screen readers and scripts use (aria-label, title,
the search page's status texts, the box's "past meeting" heading); dates,
times and numbers are Babel's English ones; the fixed pages live at English
addresses; the machine-readable outputs and the organizer's tools speak English.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from english_site import CONTENT, GERMAN_WORDS, build_english_site
from helpers import PRODUCTION_SITEURL, run_invoke, write_settings
from pelican.plugins.meetup.reading.facts import read_facts

pytestmark = pytest.mark.slow

GERMAN = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, GERMAN_WORDS)) + r")(?![\w-])")
# Attributes whose values people read or hear.
READ_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content")


def soup(site: Path, page: str) -> BeautifulSoup:
    path = site / page / "index.html" if not page.endswith(".html") else site / page
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    """Visible text with Babel's narrow and no-break spaces as plain spaces."""
    return " ".join(node.get_text(" ").replace("\u202f", " ").replace("\xa0", " ").split())


def read_texts(document: BeautifulSoup) -> list[str]:
    """Everything a visitor reads or hears on a page: text, labels, titles, the
    search page's status texts and the strings its inline scripts show."""
    texts = [text(document)]
    for element in document.find_all(True):
        for name, value in element.attrs.items():
            if name in READ_ATTRIBUTES or name.startswith("data-") and name != "data-bundle":
                if isinstance(value, str) and not value.startswith(("http", "#", "20")):
                    texts.append(value)
    texts += [script.string or "" for script in document.find_all("script")
              if not script.get("type")]
    return texts


def german_in(texts: list[str]) -> list[str]:
    return sorted({match.group(0) for value in texts for match in GERMAN.finditer(value)})


REGIONS = {
    "navigation": ("index.html", "header nav"),
    "footer": ("index.html", "footer"),
    "next-meeting box": ("index.html", "#next-meetup"),
    "participants widget": ("report-from-the-february-meetup", ".participants"),
    "report meta": ("report-from-the-february-meetup", "article .meta"),
    "next card": ("report-from-the-february-meetup", ".next-card"),
    "archive": ("archive", "main"),
    "talks": ("talks", "main"),
    "statistics": ("statistics", "main"),
    "search": ("search", "main"),
    "404": ("404.html", "main"),
}


@pytest.mark.parametrize("region", REGIONS)
def test_no_german_word_in_a_region(english_site, region):
    page, selector = REGIONS[region]
    found = soup(english_site, page).select_one(selector)
    assert found is not None, f"{region}: {selector} missing on {page}"
    assert len(text(found)) > 10, f"{region} is empty"
    assert german_in([text(found)]) == [], f"German in the {region}: {text(found)}"


def test_no_german_word_on_any_page(english_site, english_site_production):
    """Every page of both builds, with labels, titles and script texts."""
    pages = sorted(english_site.rglob("*.html")) + sorted(english_site_production.rglob("*.html"))
    assert len(pages) > 20
    for path in pages:
        document = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert german_in(read_texts(document)) == [], path.relative_to(path.parents[1])


def test_the_german_word_scan_finds_german():
    """Guard: the scan catches the interface words of the German site."""
    german = BeautifulSoup('<nav aria-label="Hauptnavigation"><a>Startseite</a></nav>'
                           "<p>Treffen am Mittwoch, 5. Februar 2025, 19:00 Uhr</p>"
                           '<form data-none="Keine Treffer für „{query}“."></form>',
                           "html.parser")
    assert german_in(read_texts(german)) == ["Februar", "Hauptnavigation", "Mittwoch",
                                             "Startseite", "Treffen", "Uhr", "am", "für"]


def test_language_codes(english_site, english_site_production):
    home = soup(english_site_production, "index.html")
    assert home.html["lang"] == "en"
    assert home.find("meta", property="og:locale")["content"] == "en_US"
    event = json.loads(home.find("script", type="application/ld+json").string)
    assert event["inLanguage"] == "en"
    entry = json.loads((english_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["en"]  # Pagefind stems English


def test_dates_times_and_numbers_in_english(english_site):
    box = text(soup(english_site, "index.html").select_one("#next-meetup .when"))
    assert box == "Wednesday, December 10, 2025, 6:30 PM"
    meta = text(soup(english_site, "report-from-the-february-meetup").select_one("article .meta"))
    assert meta.startswith("Meeting on Wednesday, February 5, 2025, 7:00 PM")
    assert "The Engine Shed" in meta and "Map (OpenStreetMap)" in meta  # the venue, in English
    assert "7 participants" in meta
    archive = text(soup(english_site, "archive").find("main"))
    assert "3 meetings since February 2025, plus 1 upcoming, newest first." in archive
    assert "March 5, 2025 – Invitation to the March meetup no report" in archive
    statistics = text(soup(english_site, "statistics").find("main"))
    assert "6.5 participants on average" in statistics  # decimal point, not comma
    assert "7 participants at most ( February 5, 2025 )" in statistics


def test_participants_widget_in_english(english_site):
    widget = soup(english_site, "report-from-the-february-meetup").select_one(".participants")
    assert text(widget.find(class_="count")) == "7 participants"
    assert [text(item) for item in widget.select("li.more")] == ["+ 3 more"]


def test_fixed_pages_at_english_addresses(english_site):
    for folder in ("archive", "talks", "statistics", "venues", "search"):
        assert (english_site / folder / "index.html").is_file(), folder
    for german in ("archiv", "vortraege", "statistik", "suche", "termine"):
        assert not (english_site / german).exists(), german
    nav = {text(a): a["href"] for a in soup(english_site, "index.html").select("header nav a")}
    assert nav == {"Home": "./", "Archive": "./archive/", "Talks": "./talks/",
                   "Statistics": "./statistics/", "Venues": "./venues/", "Search": "./search/"}
    assert sorted(p.name for p in (english_site / "events").iterdir()) == [
        "2025-02-05.ics", "2025-03-05.ics", "2025-10-08.ics", "2025-12-10.ics"]
    assert (english_site / "invitation-to-the-december-meetup" / "event.ics").is_file()
    ids = [element["id"] for element in soup(english_site, "statistics").select("main [id]")]
    assert ids == ["per-year", "trend", "attendance-title", "attendance-desc", "newcomers"]
    # Speaker pages at the English address, none at the German one.
    assert any((english_site / "speakers").iterdir()) and not (english_site / "sprecher").exists()
    assert soup(english_site, "archive").select_one("main h2")["id"] == "year-2025"


def test_sitemap_leaves_out_the_english_search_page(english_site_production):
    sitemap = (english_site_production / "sitemap.xml").read_text(encoding="utf-8")
    assert f"{PRODUCTION_SITEURL}/archive/" in sitemap
    assert "/search/" not in sitemap


def test_feed_calendar_and_json_in_english(english_site_production):
    home = soup(english_site_production, "index.html")
    feed_link = home.find("link", type="application/atom+xml")
    assert feed_link["title"] == "Applied Data Science Meetup Bristol – all posts"
    assert "Atom feed" in text(home.find("footer"))
    feed = feedparser.parse((english_site_production / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo and feed.feed.title == "Applied Data Science Meetup Bristol"
    calendar = (english_site_production / "meetups.ics").read_text(encoding="utf-8")
    assert "PRODID:-//meetup-site//Meetup calendar//EN" in calendar
    assert german_in([calendar]) == []
    data = json.loads((english_site_production / "meetups.json").read_text(encoding="utf-8"))
    assert data["next"]["title"] == "Invitation to the December meetup"
    assert data["next"]["url"] == f"{PRODUCTION_SITEURL}/invitation-to-the-december-meetup/"


def test_tentative_next_meeting_in_english(tmp_path):
    """After the last announced meeting the rule gives the next date: "(tentative)",
    the box's own title "Next meeting" in meetups.json."""
    after = int(dt.datetime(2025, 12, 20, 12, tzinfo=dt.timezone.utc).timestamp())
    site = build_english_site(tmp_path, epoch=after)
    box = soup(site, "index.html").select_one("#next-meetup")
    assert text(box.select_one(".when")) == "Wednesday, January 14, 2026, 6:30 PM (tentative)"
    assert "The programme is not fixed yet – get in touch if you would like to present" \
        in text(box)
    assert german_in([text(box)]) == []
    data = json.loads((site / "meetups.json").read_text(encoding="utf-8"))
    assert data["next"]["title"] == "Next meeting" and data["next"]["tentative"] is True


# --- The organizer's tools ---------------------------------------------------------


@pytest.fixture
def english_group(tmp_path) -> tuple[Path, Path]:
    """A copy of the English archive and its settings file, as a group keeps them."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    from english_site import GROUP_SETTINGS

    settings = write_settings(tmp_path / "settings.py", **GROUP_SETTINGS, CACHE_CONTENT=False,
                              LOAD_CONTENT_CACHE=False)
    return content, settings


def test_invoke_check_speaks_english(english_group):
    content, settings = english_group
    result = run_invoke("check", "--content", str(content), "--settings", str(settings))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "Content is fine: 7 files checked, no errors, 4 hints."
    # The held talks without slides (MEETUP_SLIDES_GRACE_DAYS), in English.
    hints = result.stdout.splitlines()[:-1]
    assert len(hints) == 4 and all(": Hint: Slides missing: “" in line and "(“[Slides](…)”)" in line
                                   for line in hints), hints
    (content / "2025-11-12-report.md").write_text(
        "Title: Report from the November meetup\nDate: 12.11.2025\n\nText.\n", encoding="utf-8")
    failed = run_invoke("check", "--content", str(content), "--settings", str(settings))
    assert failed.returncode == 1
    assert ("2025-11-12-report.md:2: “Date: 12.11.2025” is no ISO date (Pelican might read it "
            "as another day); write 2025-11-12") in failed.stdout
    assert failed.stderr.strip().endswith("1 error, 4 hints: please correct them.")
    assert german_in([failed.stdout, failed.stderr]) == []


def test_invoke_build_failure_speaks_english(english_group, tmp_path):
    content, settings = english_group
    (content / "pages" / "broken.md").write_text("Title: Broken\n\n[x]({filename}missing.md)\n",
                                                 encoding="utf-8")
    result = run_invoke("build", "--content", str(content), "--settings", str(settings),
                        "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert ("ERROR: content/pages/broken.md:3: Link {filename}missing.md: the content folder has "
            "no file pages/missing.md") in result.stderr.replace(str(tmp_path) + "/", "")
    assert result.stderr.strip().splitlines()[-1] == f"Build failed; {tmp_path / 'out'} is unchanged."


def test_invoke_new_writes_an_english_report_and_invitation(english_group):
    content, settings = english_group
    result = run_invoke("new", "--content", str(content), "--settings", str(settings))
    assert result.returncode == 0, result.stderr
    report = Path(result.stdout.strip())
    assert report.name == "2025-12-10-report.md"
    text_ = report.read_text(encoding="utf-8")
    assert text_.startswith("Title: Report of the meeting in December 2025\nDate: 2025-12-10 18:30\n")
    assert "### Participants\n\n- Name, role, company\n" in text_
    assert "### Next meeting\n\n- Date: \n- Talks:\n    - (let us know if you have a talk!)\n" in text_
    assert german_in([text_]) == []
    # The placeholder stops the check (and so the build) until it is replaced.
    check = run_invoke("check", "--content", str(content), "--settings", str(settings))
    assert check.returncode == 1
    assert ("2025-12-10-report.md:8: Placeholder “Name, role, company” from `invoke new`: "
            "replace it by the real participants (one line per person)") in check.stdout

    # Running it again refuses: the new report is for an upcoming meeting.
    twice = run_invoke("new", "--content", str(content), "--settings", str(settings))
    assert twice.stderr.strip() == ("ERROR: 2025-12-10-report.md is the report of an upcoming "
                                    "meeting already; please edit it")
    report.unlink()
    again = run_invoke("new", "--announcement", "--content", str(content), "--settings",
                       str(settings))
    assert again.returncode == 0, again.stderr
    invitation = Path(again.stdout.strip())
    assert invitation.name == "2025-12-10-announcement.md"
    written = invitation.read_text(encoding="utf-8")
    assert written.startswith("Title: Invitation to the meeting on December 10, 2025\n")
    assert "### When:\n\nDecember 10, 2025 at 6:30 PM\n\n### Where:\n\nBristol\n" in written
    assert "### Sign-up\n\n<https://www.meetup.com/example-data-science-bristol/>\n" in written
    # The reader takes the skeleton for what it is: an invitation to that meeting.
    facts = read_facts(written, date=dt.datetime(2025, 11, 26, 12))
    assert facts.kind == "announcement"
    assert (facts.meeting.date, facts.meeting.time) == (dt.date(2025, 12, 10), dt.time(18, 30))
    assert german_in([written]) == []


def test_invoke_new_refuses_in_english(english_group):
    content, settings = english_group
    (content / "2025-12-10-report.md").write_text("x", encoding="utf-8")
    result = run_invoke("new", "--content", str(content), "--settings", str(settings))
    assert result.returncode == 1
    assert result.stderr.strip().endswith("2025-12-10-report.md exists already; please edit that file")
    assert result.stderr.strip().startswith("ERROR: ")


# --- The reader's problems -----------------------------------------------------------

# Files with what the reader cannot read, each shape once: a participant line, a next
# section without a date, an invalid date, contradicting dates, a wrong weekday.
ENGLISH_PROBLEM_FILES = {
    "2025-06-11-report.md": (
        "Title: Report from the June meetup\nDate: 2025-06-11 18:30\n\n"
        "### Participants\n\n- Ann\n- 5\n\n### Next meeting\n\n- Talks: wanted\n"),
    "2025-07-09-report.md": (
        "Title: Report from the July meetup\nDate: 2025-07-09 18:30\n\n"
        "### Participants\n\n- Ann\n\n### Next meeting\n\n- Date: September 31, 2025\n"),
    "2025-09-10-report.md": (
        "Title: Report from the September meetup\nDate: 2025-09-10 18:30\n\n"
        "### Participants\n\n- Ann\n\n### Next meeting\n\n- Date: October 8, 2025\n"
        "- When: October 15, 2025\n"),
    "2025-10-29-invitation.md": (
        "Title: Invitation to the November meetup\nDate: 2025-10-29 10:00\n\n"
        "When: Tuesday, November 12, 2025, 6:30 PM\n\nWhere: Bristol\n"),
}
ENGLISH_PROBLEMS = [
    "2025-06-11-report.md:7: participant line not readable: “5”",
    "2025-06-11-report.md:9: Section “Next meeting”: no date found",
    "2025-07-09-report.md:10: Section “Next meeting”: invalid date “September 31, 2025”",
    "2025-09-10-report.md:10: Section “Next meeting”: contradicting dates: “October 8, 2025” "
    "(line 10) and “October 15, 2025” (line 11)",
    # The date and the weekday in the site's language, the quote as written.
    "2025-10-29-invitation.md:4: Section “When”: wrong weekday: 11/12/2025 is a Wednesday "
    "(“November 12, 2025, 6:30 PM”)",
]
# The same shapes on a German site: the texts the reader has always shown there.
GERMAN_PROBLEM_FILES = {
    "2025-06-11-bericht.md": (
        "Title: Bericht vom Juni-Treffen\nDate: 2025-06-11 18:30\n\n"
        "### Teilnehmer\n\n- Anna\n- 5\n\n### Nächster Termin\n\n- Vorträge: gesucht\n"),
    "2025-07-09-bericht.md": (
        "Title: Bericht vom Juli-Treffen\nDate: 2025-07-09 18:30\n\n"
        "### Teilnehmer\n\n- Anna\n\n### Nächster Termin\n\n- Datum: 31.9.2025\n"),
    "2025-09-10-bericht.md": (
        "Title: Bericht vom September-Treffen\nDate: 2025-09-10 18:30\n\n"
        "### Teilnehmer\n\n- Anna\n\n### Nächster Termin\n\n- Datum: 8.10.2025\n"
        "- Termin: 15.10.2025\n"),
    "2025-10-29-einladung.md": (
        "Title: Einladung zum November-Treffen\nDate: 2025-10-29 10:00\n\n"
        "Wann: Dienstag, 12. November 2025, 18:30 Uhr\n\nWo: Bristol\n"),
}
GERMAN_PROBLEMS = [
    '2025-06-11-bericht.md:7: Teilnehmerzeile nicht lesbar: "5"',
    '2025-06-11-bericht.md:9: Abschnitt "Nächster Termin": kein Datum gefunden',
    '2025-07-09-bericht.md:10: Abschnitt "Nächster Termin": ungültiges Datum "31.9.2025"',
    '2025-09-10-bericht.md:10: Abschnitt "Nächster Termin": widersprüchliche Termine: "8.10.2025" '
    '(Zeile 10) und "15.10.2025" (Zeile 11)',
    '2025-10-29-einladung.md:4: Abschnitt "Wann": Wochentag passt nicht: 12.11.2025 ist ein '
    'Mittwoch ("12. November 2025, 18:30 Uhr")',
]


def _hints_on(output: str, names, hint: str) -> list[str]:
    """The hints of ``invoke check`` or ``invoke build`` on the files ``names``:
    ``[Hint: ]…/2025-06-11-report.md:7: [Hint: ]…`` -> ``2025-06-11-report.md:7: …``."""
    files = "|".join(map(re.escape, names))
    pattern = re.compile(rf"(?:^|[/ ])((?:{files}):\d+: )(?:{re.escape(hint)} )?(.*)")
    return [match[1] + match[2] for line in output.splitlines() if (match := pattern.search(line))]


@pytest.mark.parametrize("code", ["en", "de"])
def test_the_readers_problems_in_the_sites_language(english_group, tmp_path, code):
    """`invoke check` and the build's hints show what the reader cannot read in the site's
    language: an English site no German word, a German site the texts it always had."""
    content, settings = english_group
    files, expected, hint = ((ENGLISH_PROBLEM_FILES, ENGLISH_PROBLEMS, "Hint:") if code == "en"
                             else (GERMAN_PROBLEM_FILES, GERMAN_PROBLEMS, "Hinweis:"))
    for name, text_ in files.items():
        (content / name).write_text(text_, encoding="utf-8")
    if code == "de":
        from english_site import GROUP_SETTINGS

        settings = write_settings(tmp_path / "settings-de.py", **{
            **GROUP_SETTINGS, "DEFAULT_LANG": "de", "CACHE_CONTENT": False,
            "LOAD_CONTENT_CACHE": False})
    check = run_invoke("check", "--content", str(content), "--settings", str(settings))
    assert check.returncode == 0, check.stdout + check.stderr  # hints, no errors
    assert _hints_on(check.stdout, files, hint) == expected, check.stdout
    build = run_invoke("build", "--content", str(content), "--settings", str(settings),
                       "--output", str(tmp_path / "out"))
    assert build.returncode == 0, build.stdout + build.stderr
    shown = build.stdout + build.stderr
    assert _hints_on(shown, files, hint) == expected, shown
    if code == "en":
        assert german_in([check.stdout, check.stderr, shown]) == []
