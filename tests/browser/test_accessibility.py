"""axe-core (npm) in Chromium: zero violations on the pages the issue names,
light at desktop width and dark at phone width."""

from __future__ import annotations

import pytest

from browser_tools import WIDTHS, newest_report_path
from helpers import ROOT, require_tool

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def announcement_path(site) -> str:
    """The announcement the newest report links to."""
    from bs4 import BeautifulSoup

    report = newest_report_path(site)
    soup = BeautifulSoup((site / report / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = next(a for a in soup.select("article .meta a") if a.get_text().startswith("Zur Einladung"))
    return link["href"].removeprefix("../")


def run_axe(page) -> list[dict]:
    require_tool(str(AXE), "axe-core (npm ci --ignore-scripts)")
    page.add_script_tag(path=str(AXE))
    # Every rule axe runs by default, best practices included.
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"])
                    for node in v["nodes"][:5])
        for v in violations
    )


PAGES = ["home", "report", "announcement", "archiv/", "vortraege/", "statistik/", "suche/", "orte/",
         # photos in a gallery; a cancelled meeting
         "bericht-vom-treffen-im-oktober-2025/", "einladung-zum-treffen-am-17-februar-2026/",
         # a speaker's page with a held talk's slides and video and a planned talk
         "sprecher/wiebke/",
         # the topics index, and a topic with a held and a planned talk
         "themen/", "themen/recht/"]
MODES = {"light-desktop": (WIDTHS["desktop"], "light"), "dark-phone": (WIDTHS["phone"], "dark")}


@pytest.mark.parametrize("mode", MODES.keys())
@pytest.mark.parametrize("which", PAGES)
def test_no_axe_violations(served_site, demo_site, open_page, which, mode):
    path = {"home": "", "report": newest_report_path(demo_site),
            "announcement": announcement_path(demo_site)}.get(which, which)
    width, scheme = MODES[mode]
    page = open_page(served_site.url, path, width=width, color_scheme=scheme)
    if which == "suche/":
        # Check the search UI with results on screen, not only the empty form.
        page.get_by_label("Suchbegriff").fill("Daten")
        page.locator("#search-results li").first.wait_for(timeout=10_000)
    violations = run_axe(page)
    assert not violations, f"{path or 'home'} ({mode}):\n{describe(violations)}"


ENGLISH_PAGES = ["home", "report", "announcement", "archive/", "talks/", "statistics/", "search/",
                 "404.html", "venues/"]


@pytest.mark.parametrize("mode", MODES.keys())
@pytest.mark.parametrize("which", ENGLISH_PAGES)
def test_no_axe_violations_on_the_english_site(served_english_site, english_site, open_page, which,
                                               mode):
    report = newest_report_path(english_site)
    path = {"home": "", "report": report,
            "announcement": "invitation-to-the-december-meetup/"}.get(which, which)
    width, scheme = MODES[mode]
    page = open_page(served_english_site.url, path, width=width, color_scheme=scheme)
    if which == "search/":
        page.get_by_label("Search term").fill("data")
        page.locator("#search-results li").first.wait_for(timeout=10_000)
    violations = run_axe(page)
    assert not violations, f"{path or 'home'} ({mode}):\n{describe(violations)}"


def test_axe_does_report_violations(open_page, served_site):
    """Guard: the same run finds a violation when there is one."""
    page = open_page(served_site.url)
    page.evaluate("""() => {
        const image = document.createElement('img');
        image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
        document.querySelector('main').append(image);
    }""")
    assert "image-alt" in {violation["id"] for violation in run_axe(page)}
