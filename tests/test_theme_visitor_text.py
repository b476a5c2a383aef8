"""What a visitor reads on the built demo pages: statuses, counts, the home page.

Everything here reads the pages' visible text (``rendered_text.visible_text``:
hidden elements left out, list numbers written in), not their markup.  The
demo is built twice: at the tests' pinned "now" (2025-11-26, the January 2026
meeting still ahead) and a year later, when that meeting is eleven months past
and nobody wrote a report about it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from helpers import CONTENT, PINNED_EPOCH, build_site
from rendered_text import visible_text

pytestmark = pytest.mark.slow

A_YEAR_LATER = PINNED_EPOCH + 365 * 24 * 3600  # 2026-11-26 12:00 Europe/Berlin
SITENAME = "Machine Learning User Group Stuttgart"


@pytest.fixture(scope="module")
def year_later_site(tmp_path_factory) -> Path:
    output = tmp_path_factory.mktemp("demo-year-later") / "output"
    result = build_site(CONTENT, output, epoch=A_YEAR_LATER)
    assert result.returncode == 0, f"demo build failed:\n{result.stdout}\n{result.stderr}"
    return output


@pytest.fixture(params=["pinned", "year-later"])
def site(request, demo_site, year_later_site) -> Path:
    return demo_site if request.param == "pinned" else year_later_site


def soup_of(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


def now_of(site: Path) -> dt.datetime:
    return dt.datetime.fromisoformat(json.loads((site / "meetups.json").read_text("utf-8"))["generated"])


def target(page: str, href: str) -> str:
    """Site-relative folder a link on ``page`` leads to ("bericht-…/")."""
    return urlsplit(urljoin(f"http://site/{page}", href)).path.lstrip("/")


def report_dates(site: Path) -> set[dt.date]:
    """Days of the meetings that have a report page, as the report says."""
    days = set()
    for file in site.glob("bericht-*/index.html"):
        time = BeautifulSoup(file.read_text("utf-8"), "html.parser").select_one("article .meta time")
        days.add(dt.date.fromisoformat(time["datetime"][:10]))
    return days


def day_of(item) -> dt.date:
    return dt.date.fromisoformat(item.find("time")["datetime"][:10])


def number(text: str) -> int:
    return int(re.search(r"\d+", text).group())


# --- status from "now" and the facts ------------------------------------------------------


def test_a_talk_whose_meeting_has_a_report_is_held(site):
    """The May 2025 report exists; the talk its April "next" section planned is
    held, not "angekündigt" (it used to be, because the report does not name it)."""
    reported = report_dates(site)
    entries = soup_of(site, "vortraege").select("ul.talks > li")
    checked = 0
    for entry in entries:
        if day_of(entry) not in reported:
            continue
        text = visible_text(entry)
        assert not re.search(r"angekündigt|geplant|kein Bericht", text), text
        link = entry.select_one(".links a")
        assert link.get_text() == "Zum Bericht", text
        assert target("vortraege/", link["href"]).startswith("bericht-"), text
        checked += 1
    assert checked >= 20
    hackathon = [visible_text(e) for e in entries if "Hackathon" in e.get_text()]
    assert hackathon and "Zum Bericht" in hackathon[0]


def test_a_past_meeting_is_never_announced(site):
    now = now_of(site)
    reported = report_dates(site)
    archive = soup_of(site, "archiv").select("ul.meetings > li")
    talks = soup_of(site, "vortraege").select("ul.talks > li")
    past_unreported = 0
    for item in archive + talks:
        day, text = day_of(item), visible_text(item)
        start = dt.datetime.fromisoformat(item.find("time")["datetime"]) \
            if "T" in item.find("time")["datetime"] else None
        ahead = start > now if start else day > now.date()
        if item.select_one(".badge.change"):  # called off: neither announced nor unreported
            assert re.search(r"abgesagt|verschoben", text), text
            assert not re.search(r"angekündigt|geplant|kein Bericht", text), text
            continue
        if ahead:
            assert re.search(r"angekündigt|geplant", text), text
            continue
        assert not re.search(r"angekündigt|geplant", text), text
        if day not in reported:
            assert "kein Bericht" in text, text
            past_unreported += 1
    if now.year == 2026:
        assert past_unreported == 3  # the January meeting in the archive, its two talks on the talks page


def test_the_january_meeting_turns_from_announced_to_no_report(demo_site, year_later_site):
    def january(site):
        item = next(li for li in soup_of(site, "archiv").select("ul.meetings > li")
                    if day_of(li) == dt.date(2026, 1, 20))
        return visible_text(item)

    assert january(demo_site).endswith("angekündigt")
    assert january(year_later_site).endswith("kein Bericht")


def statistics(site: Path) -> dict:
    page = soup_of(site, "statistik")
    figures = [visible_text(li) for li in page.select(".key-figures li")]
    tables = page.select("main table")
    years = [[cell.get_text(" ", strip=True) for cell in row.select("th, td")]
             for row in tables[0].select("tbody tr")]
    per_meeting = [visible_text(row) for row in tables[1].select("tbody tr")]
    return {"figures": figures, "years": years, "per_meeting": per_meeting,
            "text": visible_text(page.find("main"))}


def test_statistics_counts_agree_with_their_tables_and_the_archive(site):
    stats = statistics(site)
    meetings = number(stats["figures"][0])
    assert stats["figures"][0] == f"{meetings} Treffen"
    assert sum(int(row[1]) for row in stats["years"]) == meetings, stats["years"]
    assert len(stats["per_meeting"]) == meetings, stats["per_meeting"]
    for year, held, total, _average in stats["years"]:
        rows = [row for row in stats["per_meeting"] if re.search(rf"\b{year}\b", row.split(" ")[2])]
        assert len(rows) == int(held), (year, rows)
        # A year whose meetings have no number says so; it never claims 0 people.
        counted = [number(row.rsplit(" ", 1)[1]) for row in rows if re.search(r"\d+$", row)]
        assert total == (str(sum(counted)) if counted else "–"), (year, total, rows)

    now = now_of(site)
    archive = soup_of(site, "archiv")
    intro = visible_text(archive.find("main").find("p"))
    # Called-off meetings are listed with their badge, counted neither as past nor ahead.
    items = [li for li in archive.select("ul.meetings > li") if not li.select_one(".badge.change")]
    past = [li for li in items
            if dt.datetime.fromisoformat(li.find("time")["datetime"]) <= now]
    assert intro.startswith(f"{len(past)} Treffen seit "), intro
    assert meetings == len(past)
    ahead = len(items) - len(past)
    if ahead:
        assert f"dazu {ahead} kommende" in intro, intro


def test_statistics_say_which_meetings_have_no_number(year_later_site):
    stats = statistics(year_later_site)
    assert stats["years"][-1] == ["2026", "1", "–", "–"]
    assert stats["per_meeting"][0] == "20. Januar 2026 kein Bericht"
    assert "18 der 19 Treffen haben eine Teilnehmerzahl" in stats["text"]


# --- the home page and the navigation -----------------------------------------------------


def test_the_home_page_names_the_site_once_as_its_h1(demo_site):
    home = BeautifulSoup((demo_site / "index.html").read_text("utf-8"), "html.parser")
    text = visible_text(home.body)
    assert text.count(SITENAME) == 1, [line for line in text.splitlines() if SITENAME in line]
    assert visible_text(home.find("h1")) == SITENAME
    # Every other page still names the site in its header, linked to the home page.
    archive = soup_of(demo_site, "archiv")
    assert visible_text(archive.select_one("header")).startswith(SITENAME)


def test_each_page_of_the_site_is_linked_once_on_the_home_page(demo_site):
    home = BeautifulSoup((demo_site / "index.html").read_text("utf-8"), "html.parser")
    linked = [target("", a["href"]) for a in home.body.find_all("a", href=True)]
    for page in ("impressum/", "ueber-uns/"):
        assert linked.count(page) == 1, (page, linked)


def test_no_link_appears_twice_in_one_navigation_landmark(demo_site):
    files = [f for f in demo_site.rglob("*.html") if "pagefind" not in f.parts]
    assert len(files) >= 40
    for file in files:
        page = file.relative_to(demo_site).as_posix().removesuffix("index.html")
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        for nav in soup.select('nav, [role="navigation"]'):
            links = [(urljoin(f"http://site/{page}", a["href"]), visible_text(a))
                     for a in nav.find_all("a", href=True)]
            targets = [href for href, _ in links]
            assert len(targets) == len(set(targets)), (page, nav.get("aria-label"), links)
            labels = [label for _, label in links]
            assert len(labels) == len(set(labels)), (page, nav.get("aria-label"), links)


# --- the participants widget ----------------------------------------------------------------

COUNT = re.compile(r"(mindestens )?\d+ (Teilnehmende|Person)")


def test_the_participants_widget_has_one_heading_with_the_count(demo_site):
    reports = sorted(demo_site.glob("bericht-*/index.html"))
    assert len(reports) >= 15
    for file in reports:
        soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
        widget = soup.select_one("article .participants")
        headings = widget.find_all(re.compile(r"^h[1-6]$"))
        assert len(headings) == 1, file
        heading = visible_text(headings[0])
        assert COUNT.fullmatch(heading), (file, heading)
        # Read as a page: the heading line is the count, and no line says only
        # "Teilnehmer" or the count twice around it.
        lines = visible_text(soup.find("article")).splitlines()
        at = len(lines) - 1 - lines[::-1].index(heading)  # the meta line above has it too
        assert not re.fullmatch(r"Teilnehm\w*:?", lines[at - 1]), (file, lines[at - 1:at + 2])
        assert not COUNT.fullmatch(lines[at + 1]), (file, lines[at:at + 2])
        assert widget.find(string=re.compile(r"^\s*Teilnehm\w*:?\s*$")) is None, file
