"""The day a visitor reads is the day the plugin parsed, on every meeting page.

For every announcement and report of the demo archive and of the test
archives (tests/fixtures/archive, tests/golden/content, and an announcement
fresh from ``invoke new --announcement``), Chromium renders the page and the
test reads the "when" texts as a person reads them: ``innerText`` with the
number the browser draws before each ``<ol>`` item written in (``innerText``
leaves list markers out, a reader does not).  Day, month and year (where the
text gives one) must equal the date in meetups.json:

- the meta line under the title ("Treffen am Dienstag, 20. Januar 2026, …");
- an announcement's own "Wann" text, under a "Wann:" heading or after a
  "Wann:" label: the organizer's Markdown, where a list could swallow the day;
- a report's "next" card, where it has one: the date of its ``next`` meeting.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest

from browser_tools import SiteServer
from helpers import CONTENT, PINNED_EPOCH, ROOT, build_site, run_invoke

ARCHIVES = {
    "demo": CONTENT,
    "fixture-archive": ROOT / "tests" / "fixtures" / "archive",
    "golden": ROOT / "tests" / "golden" / "content",
}
# 2025-10-25: after the golden archive's October meeting, before the one its
# report names (2025-11-18), which has no announcement yet.
NEW_ANNOUNCEMENT_EPOCH = 1761393600

MONTHS = {
    "januar": 1, "jänner": 1, "january": 1, "jan": 1, "februar": 2, "february": 2, "feb": 2,
    "märz": 3, "march": 3, "mär": 3, "mar": 3, "april": 4, "apr": 4, "mai": 5, "may": 5,
    "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "oktober": 10, "october": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "dezember": 12, "december": 12, "dez": 12, "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# Dates as a reader reads them; year None when the text gives none.
_READ_DATE = re.compile(
    rf"(?<![\d.])(?P<d>\d{{1,2}})\.\s*(?P<m>{_MONTH})\b\.?(?:,?\s*(?P<y>\d{{4}}))?"
    rf"|(?<![\d.])(?P<nd>\d{{1,2}})\.(?P<nm>\d{{1,2}})\.(?P<ny>\d{{4}})?"
    rf"|(?<!\d)(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})"
    rf"|\b(?P<em>{_MONTH})\.?\s+(?P<ed>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<ey>\d{{4}}))?",
    re.IGNORECASE,
)

# In the page: write the browser's list numbers into the text, then read the
# "when" texts.  Numbers follow HTML: start, reversed, value; none where the
# stylesheet hides the marker.
READ_WHEN = """
() => {
  for (const list of document.querySelectorAll("article ol")) {
    const items = [...list.children].filter(child => child.tagName === "LI");
    let number = list.hasAttribute("start") ? list.start : (list.reversed ? items.length : 1);
    for (const item of items) {
      if (item.hasAttribute("value")) number = parseInt(item.getAttribute("value"), 10);
      if (getComputedStyle(item).listStyleType !== "none") {
        item.insertBefore(document.createTextNode(number + ". "), item.firstChild);
      }
      number += list.reversed ? -1 : 1;
    }
  }
  const article = document.querySelector("article");
  // The meeting line; a notice that it was called off or moved stands above it.
  const meta = article.querySelector(".meta p:not(.change)");
  const wann = [];
  const headings = [...article.querySelectorAll("h2, h3, h4, h5, h6")];
  for (const heading of headings) {
    if (!/^\\s*(wann|when)\\b/i.test(heading.innerText)) continue;
    const level = Number(heading.tagName[1]);
    const parts = [];
    for (let node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (/^H[1-6]$/.test(node.tagName) && Number(node.tagName[1]) <= level) break;
      parts.push(node.innerText);
    }
    wann.push(parts.join("\\n"));
  }
  for (const block of article.querySelectorAll("p, li")) {
    const match = /^\\s*\\**(wann|when)\\s*:\\**\\s*(\\S.*)$/is.exec(block.innerText);
    if (match) wann.push(match[2]);
  }
  const card = article.querySelector(".next-card .when");
  return {meta: meta ? meta.innerText : null, wann, next: card ? card.innerText : null};
}
"""


def read_date(text: str) -> tuple[int, int, int | None] | None:
    """The first date in ``text`` as (day, month, year or None)."""
    match = _READ_DATE.search(text)
    if match is None:
        return None
    if match["d"]:
        year = match["y"]
        return int(match["d"]), MONTHS[match["m"].lower()], int(year) if year else None
    if match["nd"]:
        year = match["ny"]
        return int(match["nd"]), int(match["nm"]), int(year) if year else None
    if match["iy"]:
        return int(match["id"]), int(match["im"]), int(match["iy"])
    year = match["ey"]
    return int(match["ed"]), MONTHS[match["em"].lower()], int(year) if year else None


def assert_reads(text: str | None, expected: dt.date, what: str) -> None:
    assert text, f"{what}: no text"
    found = read_date(text)
    assert found is not None, f"{what}: no date a reader can see in {text!r}"
    day, month, year = found
    assert (day, month) == (expected.day, expected.month), \
        f"{what}: reads {day}.{month}. in {text!r}, parsed {expected.isoformat()}"
    if year is not None:
        assert year == expected.year, f"{what}: reads {year} in {text!r}, parsed {expected}"


class Archive:
    def __init__(self, output: Path):
        self.output = output
        self.server = SiteServer(output)
        self.facts = json.loads((output / "meetups.json").read_text(encoding="utf-8"))

    def meeting_articles(self) -> list[dict]:
        return [a for a in self.facts["articles"] if a["kind"] in ("report", "announcement")]


@pytest.fixture(scope="module")
def archives(demo_site, tmp_path_factory):
    built = {"demo": demo_site}
    for name, content in ARCHIVES.items():
        if name == "demo":
            continue
        output = tmp_path_factory.mktemp(name) / "output"
        result = build_site(content, output)
        assert result.returncode == 0, f"{name} build failed:\n{result.stdout}\n{result.stderr}"
        built[name] = output
    # What an organizer starts from: the skeleton `invoke new --announcement` writes.
    fresh = tmp_path_factory.mktemp("new-announcement")
    content = fresh / "content"
    shutil.copytree(ARCHIVES["golden"], content)
    created = run_invoke("new", "--announcement", "--content", str(content),
                         epoch=NEW_ANNOUNCEMENT_EPOCH)
    assert created.returncode == 0, created.stdout + created.stderr
    new_file = Path(created.stdout.strip().splitlines()[-1])
    assert new_file.is_file() and new_file.name.endswith("einladung.md"), created.stdout
    result = build_site(content, fresh / "output", epoch=PINNED_EPOCH)
    assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
    built["new-announcement"] = fresh / "output"

    served = {name: Archive(output) for name, output in built.items()}
    yield served
    for archive in served.values():
        archive.server.stop()


def test_every_meeting_page_reads_the_parsed_date(archives, open_context):
    context = open_context()
    page = context.new_page()
    checked = {"meta": 0, "wann": 0, "next": 0}
    announcements = {}
    for name, archive in archives.items():
        articles = archive.meeting_articles()
        assert articles, name
        announcements[name] = 0
        for article in articles:
            what = f"{name}: {article['source']}"
            response = page.goto(archive.server.url + article["url"], wait_until="load")
            assert response is not None and response.status == 200, what
            texts = page.evaluate(READ_WHEN)
            meeting = dt.date.fromisoformat(article["date"])
            assert_reads(texts["meta"], meeting, f"{what} (meta line)")
            checked["meta"] += 1
            if article["kind"] == "announcement":
                announcements[name] += 1
                assert texts["wann"], f"{what}: no \"Wann\" text found"
                for text in texts["wann"]:
                    assert_reads(text, meeting, f"{what} (Wann)")
                    checked["wann"] += 1
            if article["kind"] == "report" and article["next"] and texts["next"] is not None:
                # (A "Next:" header without a "next" section shows no card.)
                assert_reads(texts["next"], dt.date.fromisoformat(article["next"]["date"]),
                             f"{what} (next card)")
                checked["next"] += 1
    # Every announcement and report of every archive was read.
    demo_files = sorted(p.name for p in CONTENT.glob("*.md"))
    assert sum(1 for a in archives["demo"].meeting_articles()) == len(demo_files)
    assert announcements["demo"] == sum(name.endswith("-einladung.md") for name in demo_files) == 17
    assert announcements["new-announcement"] == 2 and announcements["fixture-archive"] == 1
    assert checked["wann"] >= 19 and checked["next"] >= 15, checked


def test_the_reader_sees_list_numbers_the_markup_does_not_hold(open_context):
    """The check itself: the old rendering of an announcement must fail it."""
    page = open_context().new_page()
    page.set_content("<article><div class='meta'><p>Treffen am 20. Januar 2026</p></div>"
                     "<h2>Wann:</h2><ol><li>Januar 2026 um 18:30</li></ol></article>")
    texts = page.evaluate(READ_WHEN)
    assert texts["wann"] == ["1. Januar 2026 um 18:30"]
    with pytest.raises(AssertionError, match="reads 1.1."):
        assert_reads(texts["wann"][0], dt.date(2026, 1, 20), "old rendering")
    assert read_date("Januar 2026 um 18:30") is None  # without the number: no day at all
